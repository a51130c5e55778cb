"""Installed models: what is on this computer, read from each file's header.

Load, Delete (confirmed), Show in folder, Chat template… (view, edit, check and save the
model's chat template, or reset it to the model's own), and Import a GGUF file from
elsewhere, either used where it is or copied into the models folder. A model with a
template of the user's own says so in the list.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.gguf.model_role import is_chat_model
from chatapp.hardware import Hardware
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.models import template_overrides
from chatapp.models.fit import fit_for_gguf
from chatapp.models.library import InstalledModel, ModelLibrary
from chatapp.models.speed_estimate import WeightsProfile
from chatapp.ui.icons import Icon, icon
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.speed_column import SPEED_HEADER, SpeedLabel, SpeedSource
from chatapp.ui.model_manager.tables import make_table, number_item, select_row
from chatapp.ui.model_manager.template_dialog import ChatTemplateDialog
from chatapp.ui.plain_text import plain_label, plain_question, plain_tooltip
from chatapp.ui.workers.task_thread import TaskThread
from chatapp.vocabulary import KvCacheType

COLUMNS = (QT_TRANSLATE_NOOP("ModelTables", "Model"),
           QT_TRANSLATE_NOOP("ModelTables", "Size"),
           QT_TRANSLATE_NOOP("ModelTables", "Architecture"),
           QT_TRANSLATE_NOOP("ModelTables", "Quantization"),
           QT_TRANSLATE_NOOP("ModelTables", "Context"),
           QT_TRANSLATE_NOOP("ModelTables", "Fits?"),
           SPEED_HEADER,
           QT_TRANSLATE_NOOP("ModelTables", "Where"))
SPEED_COLUMN = COLUMNS.index(SPEED_HEADER)
FIT_COLUMN = COLUMNS.index("Fits?")
WHERE_COLUMN = COLUMNS.index("Where")
_NUMBER_COLUMNS = (1, 4)  # size, context
PATH_ROLE = Qt.ItemDataRole.UserRole
# English, as the tests compare them; shown through translate("InstalledTab", ...). The
# notes follow the file name after two spaces.
CUSTOM_TEMPLATE_NOTE = QT_TRANSLATE_NOOP("InstalledTab", "(custom template)")
EMBEDDING_NOTE = QT_TRANSLATE_NOOP("InstalledTab", "(embedding model, for Local documents)")
LOADED_NOTE = QT_TRANSLATE_NOOP("InstalledTab", "(loaded)")
NOT_FOR_CHAT = QT_TRANSLATE_NOOP(
    "InstalledTab", "An embedding model: Local documents uses it. It cannot be loaded for chat.")


def note(text: str) -> str:
    """One of the notes after a model's name, translated, with its separating spaces."""
    return "  " + translate("InstalledTab", text)


def ask_import_mode(parent: QWidget, path: Path) -> bool | None:
    """Ask whether to copy the file (True), use it in place (False), or cancel (None)."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(translate("InstalledTab", "Import model"))
    box.setText(translate("InstalledTab", "Use {file} where it is, or copy it into chatapp's "
                          "models folder?").format(file=isolated(path.name)))
    box.setInformativeText(translate("InstalledTab", "Using it in place saves disk space; a "
                                     "copy keeps working if the original is moved or "
                                     "deleted."))
    in_place = box.addButton(translate("InstalledTab", "Use it where it is"),
                             QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(translate("InstalledTab", "Copy it"),
                         QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is in_place:
        return False
    if box.clickedButton() is copy:
        return True
    return None


class InstalledTab(QWidget):
    load_requested = Signal(Path)
    changed = Signal()  # models were added or removed
    chat_template_changed = Signal(Path)  # a model's own template was saved or removed

    def __init__(self, library: ModelLibrary, disk: TaskThread, hardware: Hardware,
                 parent: QWidget | None = None, *,
                 templates_folder: Path | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.disk = disk
        self.hardware = hardware
        self.kv_cache_type = KvCacheType.F16  # the user's, for the fit (ModelsPane)
        self.speeds: SpeedSource | None = None  # predicted and measured speeds (ModelsPane)
        # None: the data folder's (AppPaths.chat_templates_dir)
        self.templates_folder = templates_folder
        self.models: list[InstalledModel] = []
        self.custom_templates: set[Path] = set()  # models with a template of the user's
        self.loaded_path: Path | None = None
        self.template_dialog: ChatTemplateDialog | None = None

        layout = QVBoxLayout(self)
        self.summary = plain_label(QLabel(self))
        self.summary.setObjectName("installedSummary")
        self.summary.setAccessibleName(translate("InstalledTab", "Installed models summary"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = make_table(
            COLUMNS, "installedTable", translate("InstalledTab", "Installed models"),
            translate("InstalledTab", "One row per model file on this computer: its size, "
                      "architecture, quantization, context, whether it fits, its speed here "
                      "and where it is; a double click loads it, as Load does"), self,
            # An imported file's folder can be long: it wraps before the file's name does.
            shrinkable=(WHERE_COLUMN,))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.cellDoubleClicked.connect(lambda _row, _col: self._load())
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.load_button = QPushButton(translate("InstalledTab", "Load"), self)
        self.load_button.setObjectName("loadModel")
        self.load_button.setAccessibleDescription(translate(
            "InstalledTab", "Loads the selected model for chat"))
        self.load_button.clicked.connect(self._load)
        self.delete_button = QPushButton(icon(Icon.DELETE), translate("InstalledTab",
                                                                      "Delete…"), self)
        self.delete_button.setObjectName("deleteModel")
        self.delete_button.setAccessibleDescription(translate(
            "InstalledTab", "Deletes the selected model, after asking"))
        self.delete_button.clicked.connect(self._delete)
        self.show_button = QPushButton(icon(Icon.FOLDER), translate("InstalledTab",
                                                                    "Show in folder"), self)
        self.show_button.setObjectName("showModelFolder")
        self.show_button.setAccessibleDescription(translate(
            "InstalledTab", "Opens the folder that holds the selected model's file"))
        self.show_button.clicked.connect(self._show_in_folder)
        self.template_button = QPushButton(icon(Icon.EDIT), translate("InstalledTab",
                                                                      "Chat template…"), self)
        self.template_button.setObjectName("chatTemplate")
        self.template_button.setToolTip(translate(
            "InstalledTab", "View and edit the chat template this model's conversations are "
            "written in"))
        self.template_button.setAccessibleDescription(self.template_button.toolTip())
        self.template_button.clicked.connect(self.open_template_dialog)
        self.import_button = QPushButton(icon(Icon.IMPORT), translate("InstalledTab",
                                                                      "Import a GGUF file…"),
                                         self)
        self.import_button.setObjectName("importModel")
        self.import_button.setAccessibleDescription(translate(
            "InstalledTab", "Adds a GGUF model file from elsewhere on this computer"))
        self.import_button.clicked.connect(self.choose_import)
        for button in (self.load_button, self.delete_button, self.show_button,
                       self.template_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)
        self.message = plain_label(QLabel(self))
        self.message.setObjectName("installedMessage")
        self.message.setAccessibleName(translate("InstalledTab", "Installed models status"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._update_buttons()

    # -- contents ----------------------------------------------------------------------

    def refresh(self) -> None:
        library, folder = self.library, self.templates_folder

        def job(_ctx: object) -> tuple[list[InstalledModel], set[Path]]:
            models = library.describe()
            return models, {m.path for m in models
                            if template_overrides.has_override(m.path, folder)}

        self.disk.submit(job, self._show, self._failed)

    def _show(self, listing: tuple[list[InstalledModel], set[Path]]) -> None:
        selected = self.selected()
        models, self.custom_templates = listing
        self.models = models
        self.table.setRowCount(len(models))
        for row, model in enumerate(models):
            info = model.info
            name = (model.path.name
                    + (note(LOADED_NOTE) if model.path == self.loaded_path else "")
                    + (note(EMBEDDING_NOTE) if info is not None and not is_chat_model(info)
                       else "")
                    + (note(CUSTOM_TEMPLATE_NOTE) if model.path in self.custom_templates
                       else ""))
            values = (
                name,
                format_bytes(model.size),
                info.architecture if info else "—",
                (info.quantization or "—") if info else "—",
                format_number(info.context_length) if info and info.context_length else "—",
                "",
                "" if info is not None and is_chat_model(info) and not model.problem else "—",
                translate("InstalledTab", "models folder") if model.in_models_folder
                else str(model.path.parent),
            )
            for column, value in enumerate(values):
                item = number_item(value) if column in _NUMBER_COLUMNS \
                    else QTableWidgetItem(value)
                item.setData(PATH_ROLE, str(model.path))
                if model.problem:
                    item.setToolTip(plain_tooltip(model.problem))
                elif column == WHERE_COLUMN and not model.in_models_folder:
                    item.setToolTip(value)  # the folder, whole where the column elides it
                self.table.setItem(row, column, item)
            badge = FitBadge(fit_for_gguf(info, self.hardware,
                                          kv_cache_type=self.kv_cache_type)
                             if info else None)
            if model.problem:
                badge.set_problem(model.problem)
            self.table.setCellWidget(row, FIT_COLUMN, badge)
            if self.speeds is not None and info is not None and is_chat_model(info) \
                    and not model.problem:
                self.table.setCellWidget(row, SPEED_COLUMN, SpeedLabel(self.speeds.speed(
                    WeightsProfile.from_gguf(info), file_name=model.path.name,
                    size_bytes=model.size)))
            if model.path == selected:
                select_row(self.table, row)
        total = sum(m.size for m in models)
        count = len(models)  # a plain name: lupdate skips a call there
        self.summary.setText(
            translate("InstalledTab", "%n models, {size}, in {folder}", "", count)
            .format(size=format_bytes(total), folder=isolated(self.library.models_dir))
            if models else
            translate("InstalledTab", "No models yet: download one from Recommended or "
                      "Search, or import a GGUF file you already have."))
        self._update_buttons()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def select(self, path: Path) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and Path(item.data(PATH_ROLE)) == path:
                select_row(self.table, row)

    def _update_buttons(self) -> None:
        path = self.selected()
        model = next((m for m in self.models if m.path == path), None)
        for_chat = model is None or model.info is None or is_chat_model(model.info)
        self.load_button.setEnabled(model is not None and model.problem is None and for_chat)
        self.load_button.setToolTip("" if for_chat else translate("InstalledTab", NOT_FOR_CHAT))
        # A chat template belongs to chat models only.
        self.template_button.setEnabled(model is not None and model.info is not None
                                        and for_chat)
        self.delete_button.setEnabled(model is not None)
        self.show_button.setEnabled(model is not None)

    # -- actions -----------------------------------------------------------------------

    def _load(self) -> None:
        path = self.selected()
        if path is not None and self.load_button.isEnabled():
            self.load_requested.emit(path)

    def _delete(self) -> None:
        path = self.selected()
        model = next((m for m in self.models if m.path == path), None)
        if path is None or model is None:
            return
        if path == self.loaded_path:
            self.message.setText(translate(
                "InstalledTab", "This model is loaded: load another one before deleting it."))
            return
        if model.in_models_folder:
            question = translate("InstalledTab", "Delete {file} ({size}) from this computer? "
                                 "You can download it again later.").format(
                file=isolated(path.name), size=format_bytes(model.size))
        else:
            question = translate("InstalledTab", "Remove {file} from chatapp's list? The file "
                                 "itself stays in {folder}.").format(
                file=isolated(path.name), folder=isolated(path.parent))
        if not plain_question(self, translate("InstalledTab", "Delete model"), question):
            return
        library = self.library
        self.disk.submit(lambda _ctx: library.delete(path), self._deleted, self._failed)

    def _failed(self, error: UserFacingError) -> None:
        self.message.setText(error.user_message)

    def _deleted(self, removed_file: bool) -> None:
        self.message.setText(translate("InstalledTab", "Deleted.") if removed_file
                             else translate("InstalledTab", "Removed from the list."))
        self.refresh()
        self.changed.emit()

    def open_template_dialog(self) -> ChatTemplateDialog | None:
        """The chat template of the selected model, in a window-modal dialog."""
        path = self.selected()
        if path is None or not self.template_button.isEnabled():
            return None
        dialog = ChatTemplateDialog(path, self.disk, overrides_folder=self.templates_folder,
                                    parent=self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.template_changed.connect(
            lambda changed: self._template_changed(changed, custom=dialog.override is not None))
        self.template_dialog = dialog
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: ChatTemplateDialog) -> None:
        if self.template_dialog is dialog:
            self.template_dialog = None

    def _template_changed(self, path: Path, *, custom: bool) -> None:
        self.message.setText(
            translate("InstalledTab", "Saved your chat template for {file}.").format(
                file=isolated(path.name)) if custom else
            translate("InstalledTab", "{file} uses its own chat template again.").format(
                file=isolated(path.name)))
        self.refresh()
        self.chat_template_changed.emit(path)

    def _show_in_folder(self) -> None:
        path = self.selected()
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("InstalledTab", "Import a GGUF model file"), str(Path.home()),
            translate("InstalledTab", "GGUF models (*.gguf);;All files (*)"))
        if name:
            self.ask_and_import(Path(name))

    def ask_and_import(self, path: Path) -> None:
        copy = ask_import_mode(self, path)
        if copy is not None:
            self.import_model(path, copy=copy)

    def import_model(self, path: Path, *, copy: bool) -> None:
        library = self.library
        self.message.setText(
            translate("InstalledTab", "Copying {file}…").format(file=isolated(path.name))
            if copy else
            translate("InstalledTab", "Checking {file}…").format(file=isolated(path.name)))

        def job(cancel: threading.Event) -> Path:
            return library.import_copy(path, cancel) if copy else library.import_in_place(path)

        self.disk.submit(job, self._imported, self._failed)

    def _imported(self, path: Path) -> None:
        self.message.setText(translate("InstalledTab", "Imported {file}.").format(
            file=isolated(path.name)))
        self.refresh()
        self.select(path)
        self.changed.emit()
