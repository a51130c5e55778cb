"""The Local documents pane: collections of folders, their indexing, and every file's status.

The pane only shows and asks; the work runs on the IndexThread's workers and comes back
by signals. Every file that could not be read is listed with the reader's reason, so a
bad input (an encrypted PDF, a binary file named .txt, a file too large) is visible.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.knowledge.index_store import FileStatus
from chatapp.knowledge.indexer import IndexProgress, IndexReport, Phase
from chatapp.models.library import ModelLibrary
from chatapp.ui.documents.collection_dialog import CollectionDialog, choose_folder
from chatapp.ui.documents.wording import (
    collection_state,
    file_status,
    files,
    joined,
    meaning_note,
    passages,
    progress_text,
    words_only_note,
)
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label, plain_question, plain_tooltip
from chatapp.ui.workers.index_thread import CollectionState, FileListing, IndexThread

# While a collection is read, its files' statuses are listed again this often.
FILES_REFRESH_S = 2.0
COLLECTION_COLUMNS = (QT_TRANSLATE_NOOP("LocalDocumentsPane", "Name"),
                      QT_TRANSLATE_NOOP("LocalDocumentsPane", "Folders"),
                      QT_TRANSLATE_NOOP("LocalDocumentsPane", "Files"),
                      QT_TRANSLATE_NOOP("LocalDocumentsPane", "Passages"),
                      QT_TRANSLATE_NOOP("LocalDocumentsPane", "State"))
FILE_COLUMNS = (QT_TRANSLATE_NOOP("LocalDocumentsPane", "File"),
                QT_TRANSLATE_NOOP("LocalDocumentsPane", "Status"),
                QT_TRANSLATE_NOOP("LocalDocumentsPane", "Passages"),
                QT_TRANSLATE_NOOP("LocalDocumentsPane", "Why"))


def _headers(columns: tuple[str, ...]) -> list[str]:
    return [translate("LocalDocumentsPane", column) for column in columns]


def _item(text: str, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if tooltip:
        item.setToolTip(plain_tooltip(tooltip))
    return item


class LocalDocumentsPane(QDialog):
    models_requested = Signal()  # open the Models pane (to get an embedding model)
    embedding_model_chosen = Signal(object)  # Path | None: words alone

    def __init__(self, worker: IndexThread, library: ModelLibrary,
                 embedding_model: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("LocalDocumentsPane", "Local documents"))
        self.setObjectName("localDocumentsPane")
        self.resize(940, 680)
        self.worker = worker
        self.library = library
        self.embedding_model = embedding_model
        self.states: tuple[CollectionState, ...] = ()
        self.listing: FileListing | None = None
        self.last_progress: IndexProgress | None = None
        self.last_report: IndexReport | None = None
        self._files_listed_at = 0.0

        layout = QVBoxLayout(self)
        intro = plain_label(QLabel(translate(
            "LocalDocumentsPane", "Folders of your own files that chats can search. Choose "
            "which collections a chat uses in its Chat settings. The index stays on this "
            "computer."), self))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        model_row = QHBoxLayout()
        model_label = QLabel(translate("LocalDocumentsPane", "Search by meaning with"), self)
        model_row.addWidget(model_label)
        self.model_box = QComboBox(self)
        model_label.setBuddy(self.model_box)
        self.model_box.setObjectName("embeddingModel")
        self.model_box.setAccessibleName(translate("LocalDocumentsPane", "Embedding model"))
        self.model_box.setAccessibleDescription(translate(
            "LocalDocumentsPane", "The model that finds passages by their meaning, or words "
            "only"))
        self.model_box.setMinimumWidth(260)
        model_row.addWidget(self.model_box, 1)
        self.models_button = QPushButton(icon(Icon.MODELS),
                                         translate("LocalDocumentsPane", "Models…"), self)
        self.models_button.setObjectName("documentsModelsButton")
        self.models_button.setToolTip(translate("LocalDocumentsPane",
                                                "Find and download an embedding model"))
        self.models_button.setAccessibleDescription(self.models_button.toolTip())
        self.models_button.clicked.connect(self.models_requested)
        model_row.addWidget(self.models_button)
        layout.addLayout(model_row)
        self.model_note = plain_label(QLabel(self))
        self.model_note.setObjectName("embeddingNote")
        self.model_note.setWordWrap(True)
        self.model_note.setAccessibleName(translate("LocalDocumentsPane",
                                                    "About the embedding model"))
        layout.addWidget(self.model_note)
        self.model_problem = plain_label(QLabel(self))
        self.model_problem.setObjectName("settingsError")
        self.model_problem.setWordWrap(True)
        self.model_problem.setAccessibleName(translate("LocalDocumentsPane", "Problem"))
        self.model_problem.hide()
        layout.addWidget(self.model_problem)
        self._fill_models([])

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLLECTION_COLUMNS), top)
        self.table.setObjectName("collectionsTable")
        self.table.setHorizontalHeaderLabels(_headers(COLLECTION_COLUMNS))
        self.table.setAccessibleName(translate("LocalDocumentsPane", "Collections"))
        self.table.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Each collection with its folders, files, passages and "
            "state; the chosen one's files are listed below"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        top_layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(icon(Icon.ADD),
                                      translate("LocalDocumentsPane", "Add collection…"), top)
        self.add_button.setObjectName("addCollection")
        self.add_button.clicked.connect(self.ask_new_collection)
        self.add_folder_button = QPushButton(icon(Icon.FOLDER),
                                             translate("LocalDocumentsPane", "Add folder…"),
                                             top)
        self.add_folder_button.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Adds a folder to the chosen collection"))
        self.add_folder_button.clicked.connect(self.ask_add_folder)
        self.remove_folder_button = QPushButton(
            icon(Icon.REMOVE), translate("LocalDocumentsPane", "Remove folder…"), top)
        self.remove_folder_button.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Leaves a folder out of the chosen collection; its files "
            "are not touched"))
        self.remove_folder_button.clicked.connect(self.ask_remove_folder)
        self.rename_button = QPushButton(icon(Icon.EDIT),
                                         translate("LocalDocumentsPane", "Rename…"), top)
        self.rename_button.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Renames the chosen collection"))
        self.rename_button.clicked.connect(self.ask_rename)
        self.reindex_button = QPushButton(icon(Icon.REGENERATE),
                                          translate("LocalDocumentsPane", "Index again"), top)
        self.reindex_button.setToolTip(translate(
            "LocalDocumentsPane", "Look for new, changed and deleted files now"))
        self.reindex_button.setAccessibleDescription(self.reindex_button.toolTip())
        self.reindex_button.clicked.connect(self._reindex_selected)
        self.remove_button = QPushButton(
            icon(Icon.DELETE), translate("LocalDocumentsPane", "Remove collection…"), top)
        self.remove_button.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Removes the chosen collection and its index, after "
            "asking; your files are not touched"))
        self.remove_button.setObjectName("removeCollection")
        self.remove_button.clicked.connect(self.ask_remove_collection)
        for button in (self.add_button, self.add_folder_button, self.remove_folder_button,
                       self.rename_button, self.reindex_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        top_layout.addLayout(buttons)

        progress_row = QHBoxLayout()
        self.progress_label = plain_label(QLabel("", top))
        self.progress_label.setObjectName("indexProgress")
        self.progress_label.setAccessibleName(translate("LocalDocumentsPane", "Indexing"))
        progress_row.addWidget(self.progress_label, 1)
        self.pause_button = QPushButton(top)
        self.pause_button.setObjectName("pauseIndexing")
        self._show_pause_button(paused=False)
        self.pause_button.clicked.connect(self._toggle_pause)
        progress_row.addWidget(self.pause_button)
        top_layout.addLayout(progress_row)
        self.progress_bar = QProgressBar(top)
        self.progress_bar.setObjectName("indexProgressBar")
        self.progress_bar.setAccessibleName(translate("LocalDocumentsPane",
                                                      "Indexing progress"))
        top_layout.addWidget(self.progress_bar)

        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.files_label = plain_label(QLabel("", bottom))
        self.files_label.setObjectName("filesSummary")
        self.files_label.setAccessibleName(translate("LocalDocumentsPane", "Files"))
        bottom_layout.addWidget(self.files_label)
        self.files = QTableWidget(0, len(FILE_COLUMNS), bottom)
        self.files.setObjectName("filesTable")
        self.files.setHorizontalHeaderLabels(_headers(FILE_COLUMNS))
        self.files.setAccessibleName(translate("LocalDocumentsPane",
                                               "Files of the chosen collection"))
        self.files.setAccessibleDescription(translate(
            "LocalDocumentsPane", "Each file's status and passages; a file that could not "
            "be read says why"))
        self.files.verticalHeader().hide()
        self.files.setWordWrap(False)
        files_header = self.files.horizontalHeader()
        for column in (0, 1, 2):
            files_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        files_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        bottom_layout.addWidget(self.files, 1)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setSizes([330, 300])
        layout.addWidget(splitter, 1)
        self.message = plain_label(QLabel(self))
        self.message.setObjectName("documentsMessage")
        self.message.setAccessibleName(translate("LocalDocumentsPane", "Message"))
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        worker.collections_listed.connect(self.show_collections)
        worker.files_listed.connect(self.show_files)
        worker.embedding_models_listed.connect(self._fill_models)
        worker.running_changed.connect(self._running_changed)
        worker.progress.connect(self.show_progress)
        worker.run_finished.connect(self._run_finished)
        worker.paused_changed.connect(self._paused_changed)
        worker.embedding_problem.connect(self._embedding_problem)
        worker.notice.connect(self.show_message)
        worker.failed.connect(self.show_error)
        self.model_box.activated.connect(self._model_activated)
        self._update_buttons()
        self._show_idle()
        worker.refresh()
        self.refresh_models()

    # -- embedding model ---------------------------------------------------------------

    def refresh_models(self) -> None:
        self.worker.list_embedding_models(self.library)

    def _fill_models(self, models: list[Path]) -> None:
        self.model_box.clear()
        self.model_box.addItem(translate("LocalDocumentsPane",
                                         "Words only (no embedding model)"), None)
        known = list(models)
        if self.embedding_model is not None and self.embedding_model not in known:
            known.append(self.embedding_model)  # chosen, though not found now
        for path in known:
            self.model_box.addItem(path.name, str(path))
            self.model_box.setItemData(self.model_box.count() - 1, plain_tooltip(str(path)),
                                       Qt.ItemDataRole.ToolTipRole)
        wanted = str(self.embedding_model) if self.embedding_model is not None else None
        self.model_box.setCurrentIndex(max(0, self.model_box.findData(wanted)))
        self._show_model_note()

    def _show_model_note(self) -> None:
        model = self.embedding_model
        self.model_note.setText(words_only_note() if model is None else meaning_note(model))
        self.models_button.setDefault(model is None)

    def _model_activated(self, _index: int) -> None:
        data = self.model_box.currentData()
        chosen = Path(data) if isinstance(data, str) else None
        if chosen != self.embedding_model:
            self.choose_embedding_model(chosen)

    def choose_embedding_model(self, model: Path | None) -> None:
        self.embedding_model = model
        self.model_problem.hide()
        index = self.model_box.findData(str(model) if model is not None else None)
        if index >= 0:
            self.model_box.setCurrentIndex(index)
        self._show_model_note()
        self.embedding_model_chosen.emit(model)

    def _embedding_problem(self, text: str) -> None:
        self.model_problem.setText(text)
        self.model_problem.setVisible(bool(text))

    # -- collections -------------------------------------------------------------------

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.states) and self.table.selectionModel().hasSelection():
            return self.states[row].collection.id
        return None

    def _state(self, collection_id: int | None) -> CollectionState | None:
        return next((s for s in self.states if s.collection.id == collection_id), None)

    def show_collections(self, states: tuple[CollectionState, ...]) -> None:
        chosen = self.selected_id()
        self.states = states
        self.table.setRowCount(len(states))
        meaning = self.embedding_model is not None
        for row, state in enumerate(states):
            collection, stats = state.collection, state.stats
            folders = "; ".join(str(f) for f in collection.folders) or translate(
                "LocalDocumentsPane", "(no folder)")
            running = self.worker.running == collection.id
            values = (
                _item(collection.name, collection.name),
                _item(folders, "\n".join(str(f) for f in collection.folders)),
                _item(format_number(stats.files)),
                _item(format_number(stats.chunks)),
                _item(collection_state(stats, running=running, paused=self.worker.paused,
                                       meaning=meaning)),
            )
            for column, item in enumerate(values):
                self.table.setItem(row, column, item)
        if chosen is None and states:
            chosen = states[0].collection.id
        row = next((i for i, s in enumerate(states) if s.collection.id == chosen), -1)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.show_files(None)
        self._update_buttons()
        if self.worker.running is None and self.last_report is not None:
            self._show_report(self.last_report)  # the collection's name may be known now

    def _selection_changed(self) -> None:
        self._update_buttons()
        chosen = self.selected_id()
        if chosen is None:
            self.show_files(None)
        elif self.listing is None or self.listing.collection_id != chosen:
            self.files.setRowCount(0)
            self.files_label.setText(translate("LocalDocumentsPane",
                                               "Reading the list of files…"))
            self.worker.list_files(chosen)
        else:
            self.worker.list_files(chosen)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for button in (self.add_folder_button, self.remove_folder_button, self.rename_button,
                       self.reindex_button, self.remove_button):
            button.setEnabled(chosen)

    def ask_new_collection(self) -> CollectionDialog:
        dialog = CollectionDialog(self)
        dialog.accepted.connect(lambda: self.add_collection(dialog.name, dialog.folders))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog

    def add_collection(self, name: str, folders: list[Path]) -> None:
        self.worker.add_collection(name, folders)

    def ask_add_folder(self) -> None:
        chosen = self.selected_id()
        if chosen is None:
            return
        folder = choose_folder(self, translate("LocalDocumentsPane",
                                               "Add a folder to the collection"))
        if folder is not None:
            self.worker.add_folder(chosen, folder)

    def ask_remove_folder(self) -> None:
        state = self._state(self.selected_id())
        if state is None or not state.collection.folders:
            return
        folders = [str(f) for f in state.collection.folders]
        if len(folders) == 1:
            folder = folders[0]
            if not plain_question(self, translate("LocalDocumentsPane", "Remove folder"),
                                  translate("LocalDocumentsPane", "Stop indexing {folder}? "
                                            "Its files leave the collection's index; the "
                                            "files themselves are not touched.").format(
                                      folder=folder)):
                return
        else:
            folder, ok = QInputDialog.getItem(
                self, translate("LocalDocumentsPane", "Remove folder"),
                translate("LocalDocumentsPane", "Folder to leave out of the collection:"),
                folders, 0, False)
            if not ok:
                return
        self.worker.remove_folder(state.collection.id, Path(folder))

    def ask_rename(self) -> None:
        state = self._state(self.selected_id())
        if state is None:
            return
        name, ok = QInputDialog.getText(self, translate("LocalDocumentsPane",
                                                        "Rename collection"),
                                        translate("LocalDocumentsPane", "New name:"),
                                        QLineEdit.EchoMode.Normal, state.collection.name)
        if ok and name.strip() and name.strip() != state.collection.name:
            self.worker.rename_collection(state.collection.id, name)

    def ask_remove_collection(self) -> None:
        state = self._state(self.selected_id())
        if state is None:
            return
        if plain_question(self, translate("LocalDocumentsPane", "Remove collection"),
                          translate("LocalDocumentsPane", "Remove the collection “{name}” "
                                    "and its index ({files}, {passages})? Your files are not "
                                    "touched; chats stop using it.").format(
                              name=state.collection.name, files=files(state.stats.files),
                              passages=passages(state.stats.chunks))):
            self.worker.remove_collection(state.collection.id)

    def _reindex_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.worker.reindex([chosen])

    # -- files -------------------------------------------------------------------------

    def show_files(self, listing: FileListing | None) -> None:
        if listing is not None and listing.collection_id != self.selected_id():
            return  # an answer for a collection no longer selected
        self.listing = listing
        if listing is None:
            self.files.setRowCount(0)
            self.files_label.setText("")
            return
        records = listing.files
        self.files.setRowCount(len(records))
        for row, record in enumerate(records):
            count = (format_number(record.passages) if record.status is FileStatus.INDEXED
                     else "")
            values = (_item(record.path.name, str(record.path)), _item(file_status(record)),
                      _item(count), _item(record.reason or "", record.reason or ""))
            for column, item in enumerate(values):
                self.files.setItem(row, column, item)
        summary = files(listing.total)
        unreadable, shown = listing.failed, len(records)
        if unreadable:
            summary = translate("LocalDocumentsPane", "{files}, %n could not be read (listed "
                                "first, with why)", "", unreadable).format(files=summary)
        if shown < listing.total:
            summary = translate("LocalDocumentsPane", "{summary}; the first %n are shown", "",
                                shown).format(summary=summary)
        self.files_label.setText(summary)

    # -- progress ----------------------------------------------------------------------

    def _name(self, collection_id: int) -> str:
        state = self._state(collection_id)
        return (state.collection.name if state is not None
                else translate("LocalDocumentsPane", "the collection"))

    def show_progress(self, progress: IndexProgress) -> None:
        self.last_progress = progress
        now = time.monotonic()
        if (progress.collection_id == self.selected_id() and progress.phase is Phase.READING
                and now - self._files_listed_at >= FILES_REFRESH_S):
            self._files_listed_at = now  # the statuses change as the files are read
            self.worker.list_files(progress.collection_id)
        self.progress_label.setText(progress_text(progress, self._name(progress.collection_id)))
        bar = self.progress_bar
        if progress.phase is Phase.READING and progress.files_total:
            bar.setRange(0, progress.files_total)
            bar.setValue(progress.files_done)
        elif progress.phase is Phase.DONE:
            bar.setRange(0, 1)
            bar.setValue(1)
        else:
            bar.setRange(0, 0)  # busy: how much is left is not known yet

    def _running_changed(self, collection_id: int | None) -> None:
        self.pause_button.setEnabled(collection_id is not None or self.worker.paused)
        if collection_id is None:
            self._show_idle()
        self.show_collections(self.states)

    def _show_idle(self) -> None:
        if self.worker.running is not None:
            return
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0 if self.last_progress is None else 1)  # a run ended
        if self.worker.paused:
            self.progress_label.setText(translate("LocalDocumentsPane", "Indexing is paused."))
        elif self.last_progress is None:
            self.progress_label.setText(translate("LocalDocumentsPane",
                                                  "Nothing to index right now."))
        self.pause_button.setEnabled(self.worker.paused)

    def _run_finished(self, report: IndexReport) -> None:
        self.last_report = report
        self._show_report(report)
        if self.selected_id() == report.collection_id:
            self.worker.list_files(report.collection_id)

    def _show_report(self, report: IndexReport) -> None:
        name = self._name(report.collection_id)
        parts = [translate("LocalDocumentsPane", "{name}: stopped").format(name=name)
                 if report.cancelled
                 else translate("LocalDocumentsPane", "{name}: up to date").format(name=name)]
        read, unreadable, gone, waiting = (report.indexed, report.failed, report.removed,
                                           report.waiting)
        if read == 1:  # its own string: English's plural source has no singular
            parts.append(translate("LocalDocumentsPane", "1 file read"))
        elif read:
            parts.append(translate("LocalDocumentsPane", "%n files read", "", read))
        elif not (report.cancelled or unreadable or gone or waiting):
            parts.append(translate("LocalDocumentsPane", "no file changed"))
        if unreadable:
            parts.append(translate("LocalDocumentsPane", "%n could not be read", "",
                                   unreadable))
        if gone:
            parts.append(translate("LocalDocumentsPane", "%n gone", "", gone))
        if waiting:
            parts.append(translate("LocalDocumentsPane", "%n changed while read (read again "
                                   "later)", "", waiting))
        for problem in report.folder_problems[:3]:
            parts.append(translate("LocalDocumentsPane", "{path}: {reason}").format(
                path=problem.path, reason=problem.reason))
        self.progress_label.setText(joined(parts))

    def _toggle_pause(self) -> None:
        if self.worker.paused:
            self.worker.resume()
        else:
            self.worker.pause()

    def _paused_changed(self, paused: bool) -> None:
        self._show_pause_button(paused=paused)
        self.pause_button.setEnabled(paused or self.worker.running is not None)
        if self.last_progress is not None and self.worker.running is not None:
            progress = self.last_progress
            self.show_progress(IndexProgress(
                progress.collection_id, progress.phase, progress.files_found,
                progress.files_done, progress.files_total, progress.files_failed,
                progress.chunks, progress.files_per_s, progress.seconds_left, paused))
        else:
            self._show_idle()
        self.show_collections(self.states)

    def _show_pause_button(self, *, paused: bool) -> None:
        button = self.pause_button
        if paused:
            button.setText(translate("LocalDocumentsPane", "Resume"))
            button.setIcon(icon(Icon.RESUME))
            button.setAccessibleDescription(translate("LocalDocumentsPane",
                                                      "Goes on indexing"))
        else:
            button.setText(translate("LocalDocumentsPane", "Pause"))
            button.setIcon(icon(Icon.PAUSE))
            button.setAccessibleDescription(translate(
                "LocalDocumentsPane", "Pauses indexing; chats still search what is indexed"))

    # -- messages ----------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def show_error(self, error: UserFacingError) -> None:
        self.show_message(error.user_message)
