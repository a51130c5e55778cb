"""Add a collection: its name and the folders it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.i18n import translate
from chatapp.knowledge.index_store import MAX_NAME_CHARS
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label


def choose_folder(parent: QWidget, caption: str) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(parent, caption, str(Path.home()))
    return Path(chosen) if chosen else None


class CollectionDialog(QDialog):
    """``name`` and ``folders`` once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CollectionDialog", "Add a collection"))
        self.setObjectName("collectionDialog")
        self.resize(520, 320)
        layout = QVBoxLayout(self)
        note = plain_label(QLabel(translate(
            "CollectionDialog", "A collection is a set of folders a chat can search. Text, "
            "Markdown, source code, PDF, Word (.docx) and HTML files in them are indexed, "
            "also in their sub-folders; the index is kept current when files change."),
            self))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("collectionName")
        self.name_edit.setPlaceholderText(translate("CollectionDialog",
                                                    "e.g. Notes, Manuals, Project X"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.setAccessibleName(translate("CollectionDialog", "Collection name"))
        form.addRow(translate("CollectionDialog", "Name"), self.name_edit)
        layout.addLayout(form)
        self.folder_list = QListWidget(self)
        self.folder_list.setObjectName("collectionFolders")
        self.folder_list.setAccessibleName(translate("CollectionDialog", "Folders"))
        self.folder_list.setAccessibleDescription(translate(
            "CollectionDialog", "The folders the collection holds"))
        folders_label = QLabel(translate("CollectionDialog", "Folders"), self)
        folders_label.setBuddy(self.folder_list)
        layout.addWidget(folders_label)
        layout.addWidget(self.folder_list, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(icon(Icon.FOLDER),
                                      translate("CollectionDialog", "Add folder…"), self)
        self.add_button.setAccessibleDescription(translate(
            "CollectionDialog", "Chooses a folder to add to the collection"))
        self.add_button.clicked.connect(self._choose)
        self.remove_button = QPushButton(icon(Icon.REMOVE),
                                         translate("CollectionDialog", "Remove folder"), self)
        self.remove_button.setAccessibleDescription(translate(
            "CollectionDialog", "Takes the chosen folder out of the list"))
        self.remove_button.clicked.connect(self._remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.error = plain_label(QLabel(self))
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(translate("CollectionDialog", "Problem"))
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("CollectionDialog", "Add and index"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name = ""
        self.folders: list[Path] = []

    def add_folder(self, folder: Path) -> None:
        if folder in self.folders:
            return
        self.folders.append(folder)
        self.folder_list.addItem(str(folder))
        if not self.name_edit.text().strip():
            self.name_edit.setText(folder.name or str(folder))

    def _choose(self) -> None:
        folder = choose_folder(self, translate("CollectionDialog",
                                               "Add a folder to the collection"))
        if folder is not None:
            self.add_folder(folder)

    def _remove_selected(self) -> None:
        row = self.folder_list.currentRow()
        if row >= 0:
            self.folder_list.takeItem(row)
            del self.folders[row]

    def accept(self) -> None:
        name = " ".join(self.name_edit.text().split())
        if not name:
            self._show_error(translate("CollectionDialog", "Give the collection a name."))
            return
        if not self.folders:
            self._show_error(translate("CollectionDialog", "Add at least one folder."))
            return
        self.name = name
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
