"""Search the Hugging Face hub for GGUF repositories and pick a file to download.

Nothing here touches the network until the user presses Search. Selecting a file reads
its GGUF header with a Range request, so its architecture and context length are known
(and a model the bundled engine cannot run is flagged) before any download starts.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes, format_parameters
from chatapp.gguf.inspect import GgufInfo
from chatapp.hardware import Hardware
from chatapp.hub.client import GgufModel, HubClient, RepoListing, RepoSummary, SearchPage
from chatapp.hub.remote_header import RemoteHeader, read_model_header
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.models.fit import fit_for_file_size, fit_for_gguf
from chatapp.models.speed_estimate import WeightsProfile
from chatapp.ui.icons import Icon, icon
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.model_manager.fit_badge import FitBadge
from chatapp.ui.model_manager.speed_column import SPEED_HEADER, SpeedLabel, SpeedSource
from chatapp.ui.model_manager.tables import make_table, number_item
from chatapp.ui.plain_text import plain_label
from chatapp.ui.workers.hub_worker import HubController
from chatapp.vocabulary import KvCacheType

PAGE_SIZE = 20
REPO_COLUMNS = (QT_TRANSLATE_NOOP("ModelTables", "Repository"),
                QT_TRANSLATE_NOOP("ModelTables", "Downloads"),
                QT_TRANSLATE_NOOP("ModelTables", "Likes"),
                QT_TRANSLATE_NOOP("ModelTables", "Updated"))
FILE_COLUMNS = (QT_TRANSLATE_NOOP("ModelTables", "File"),
                QT_TRANSLATE_NOOP("ModelTables", "Quantization"),
                QT_TRANSLATE_NOOP("ModelTables", "Size"),
                QT_TRANSLATE_NOOP("ModelTables", "Fits?"), SPEED_HEADER)
SPEED_COLUMN = FILE_COLUMNS.index(SPEED_HEADER)
SUGGESTED_NOTE = QT_TRANSLATE_NOOP("SearchTab", "★ suggested")


class SearchTab(QWidget):
    download_requested = Signal(object, object)  # RepoListing, GgufModel

    def __init__(self, hub: HubController, hardware: Hardware,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.hardware = hardware
        self.kv_cache_type = KvCacheType.F16  # the user's, for the fit (ModelsPane)
        self.speeds: SpeedSource | None = None  # predicted speeds (ModelsPane)
        self.query = ""
        self.page = 0
        self.repos: list[RepoSummary] = []
        self.listing: RepoListing | None = None
        self._header_profiles: dict[int, WeightsProfile] = {}  # a row's, from its header
        self.header: RemoteHeader | None = None

        layout = self._layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("hubSearch")
        self.search_edit.setPlaceholderText(translate(
            "SearchTab", "Search GGUF models on Hugging Face, e.g. qwen, llama 3.2, phi"))
        self.search_edit.setAccessibleName(translate("SearchTab", "Search the hub"))
        self.search_edit.setAccessibleDescription(translate(
            "SearchTab", "Words to look for in the names of GGUF repositories on Hugging "
            "Face; Enter searches"))
        self.search_edit.returnPressed.connect(self.search)
        self.search_button = QPushButton(icon(Icon.SEARCH), translate("SearchTab", "Search"),
                                         self)
        self.search_button.setObjectName("hubSearchButton")
        self.search_button.setAccessibleDescription(translate(
            "SearchTab", "Searches the hub for the words in the search field"))
        self.search_button.clicked.connect(self.search)
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.search_button)
        layout.addLayout(row)

        splitter = QSplitter(self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.repo_table = make_table(
            REPO_COLUMNS, "hubResults", translate("SearchTab", "Search results"),
            translate("SearchTab", "One row per repository with GGUF files, most downloaded "
                      "first; select one to list its files"), left)
        self.repo_table.itemSelectionChanged.connect(self._repo_selected)
        left_layout.addWidget(self.repo_table, 1)
        self.more_button = QPushButton(translate("SearchTab", "More results"), left)
        self.more_button.setObjectName("moreResults")
        self.more_button.clicked.connect(self.more)
        self.more_button.hide()
        left_layout.addWidget(self.more_button)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.file_table = make_table(
            FILE_COLUMNS, "hubFiles", translate("SearchTab", "Model files"),
            translate("SearchTab", "One row per model file of the selected repository: its "
                      "quantization, size, whether it fits and its speed here; select one "
                      "to read its header"), right)
        self.file_table.itemSelectionChanged.connect(self._file_selected)
        right_layout.addWidget(self.file_table, 1)
        self.details = plain_label(QLabel(right))
        self.details.setObjectName("fileDetails")
        self.details.setAccessibleName(translate("SearchTab", "Selected file"))
        self.details.setWordWrap(True)
        right_layout.addWidget(self.details)
        self.download_button = QPushButton(icon(Icon.DOWNLOAD), translate("SearchTab",
                                                                          "Download"), right)
        self.download_button.setObjectName("hubDownload")
        self.download_button.setAccessibleDescription(translate(
            "SearchTab", "Downloads the selected file, once its header has been read"))
        self.download_button.setEnabled(False)
        self.download_button.clicked.connect(self._download)
        right_layout.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignTrailing)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 480])
        layout.addWidget(splitter, 1)

        self.message = plain_label(QLabel(self))
        self.message.setObjectName("searchMessage")
        self.message.setAccessibleName(translate("SearchTab", "Search status"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        # Search field, its button, the results, then what acts on them.
        for first, second in ((self.search_edit, self.search_button),
                              (self.search_button, self.repo_table),
                              (self.repo_table, self.more_button),
                              (self.more_button, self.file_table),
                              (self.file_table, self.download_button)):
            QWidget.setTabOrder(first, second)

    def add_footer(self, widget: QWidget) -> None:
        """``widget`` below the results (the pane's token box)."""
        self._layout.addWidget(widget)

    # -- search ------------------------------------------------------------------------

    def search(self) -> None:
        query = self.search_edit.text().strip()
        self.query, self.page, self.repos = query, 0, []
        self.repo_table.setRowCount(0)
        self._clear_files()
        self._request_page()

    def more(self) -> None:
        self.page += 1
        self._request_page()

    def _request_page(self) -> None:
        query, page = self.query, self.page
        self.message.setText(translate("SearchTab", "Searching {host}…").format(
            host=isolated(self.hub.client.host)))
        self.search_button.setEnabled(False)
        self.more_button.setEnabled(False)

        def job(client: HubClient) -> SearchPage:
            return client.search(query, page=page, page_size=PAGE_SIZE)

        self.hub.submit(job, self._show_page, self._failed)

    def _show_page(self, page: SearchPage) -> None:
        self.search_button.setEnabled(True)
        self.more_button.setEnabled(True)
        if page.query != self.query:
            return
        self.repos.extend(page.results)
        self.repo_table.setRowCount(len(self.repos))
        for row, repo in enumerate(self.repos):
            updated = _date(repo.last_modified) if repo.last_modified else ""
            name = repo.repo_id + ("  " + translate("SearchTab", "(gated)") if repo.gated
                                   else "")
            for column, value in enumerate((name, _count(repo.downloads), _count(repo.likes),
                                            updated)):
                item = number_item(value) if column in (1, 2) else QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, repo.repo_id)
                self.repo_table.setItem(row, column, item)
        self.more_button.setVisible(page.has_more)
        count = len(self.repos)  # a plain name: lupdate skips a call there
        self.message.setText(
            translate("SearchTab", "%n repositories with GGUF files, most downloaded first.",
                      "", count) if self.repos else
            translate("SearchTab", "No GGUF repositories match “{query}”.").format(
                query=isolated(page.query)))

    def _failed(self, error: UserFacingError) -> None:
        self.search_button.setEnabled(True)
        self.more_button.setEnabled(True)
        self.message.setText(error.user_message)

    # -- one repository ----------------------------------------------------------------

    def _repo_selected(self) -> None:
        rows = self.repo_table.selectionModel().selectedRows()
        if not rows:
            return
        repo_id = self.repos[rows[0].row()].repo_id
        self._clear_files()
        self.message.setText(translate("SearchTab", "Listing {repository}…").format(
            repository=isolated(repo_id)))
        self.hub.submit(lambda client: client.list_repo(repo_id), self._show_listing,
                        self._failed)

    def _clear_files(self) -> None:
        self.listing = None
        self.header = None
        self._header_profiles = {}
        self.file_table.setRowCount(0)
        self.details.setText("")
        self.download_button.setEnabled(False)

    def _show_listing(self, listing: RepoListing) -> None:
        self.listing = listing
        self._header_profiles = {}
        self.file_table.setRowCount(len(listing.models))
        for row, model in enumerate(listing.models):
            size = model.size
            for column, value in enumerate((_file_label(model, suggested=False),
                                            model.quantization or "?",
                                            format_bytes(size) if size else "?", "")):
                self.file_table.setItem(row, column, number_item(value) if column == 2
                                        else QTableWidgetItem(value))
            fit = fit_for_file_size(size, self.hardware, kv_cache_type=self.kv_cache_type) \
                if size else None
            self.file_table.setCellWidget(row, 3, FitBadge(fit))
            if self.speeds is not None and size:
                self._speed_cell(row, model, WeightsProfile.from_file_size(
                    size, model.quantization))
        self._show_advice()

    def _show_advice(self) -> None:
        """Mark the file to take and say why, from the speeds the column shows (a file's
        header, once read, instead of its size alone)."""
        listing = self.listing
        if listing is None:
            return
        advice = self.speeds.advise(listing.models, self.kv_cache_type,
                                    self._header_profiles) \
            if self.speeds is not None else None
        for row, model in enumerate(listing.models):
            suggested = advice is not None and advice.choice is not None \
                and advice.choice.size_bytes == model.size \
                and advice.choice.name in (model.quantization, model.name)
            item = self.file_table.item(row, 0)
            if item is not None:
                item.setText(_file_label(model, suggested=suggested))
        count = len(listing.models)  # a plain name: lupdate skips a call there
        parts = [translate("SearchTab", "{repository}: %n GGUF models.", "", count).format(
            repository=isolated(listing.repo_id))]
        if listing.gated:
            parts.append(translate("SearchTab", "It is gated: downloading needs a Hugging "
                                   "Face token (below) and accepting its terms on the hub."))
        if advice:
            # advice.reason comes translated from chatapp.models.quant_guidance.
            parts.append(translate("SearchTab", "Suggested here: {reason}").format(
                reason=advice.reason))
        self.message.setText(" ".join(parts))

    def _speed_cell(self, row: int, model: GgufModel, profile: WeightsProfile) -> None:
        if self.speeds is not None:
            self.file_table.setCellWidget(row, SPEED_COLUMN, SpeedLabel(self.speeds.speed(
                profile, sha256=model.first_file.sha256, file_name=model.first_file.name,
                size_bytes=model.size)))

    def _header_badge(self, row: int, info: GgufInfo) -> None:
        """The exact fit of a file whose header was read."""
        self.file_table.setCellWidget(row, 3, FitBadge(
            fit_for_gguf(info, self.hardware, kv_cache_type=self.kv_cache_type)))
        if self.listing is not None and row < len(self.listing.models):
            profile = WeightsProfile.from_gguf(info)
            self._header_profiles[row] = profile
            self._speed_cell(row, self.listing.models[row], profile)
            self._show_advice()

    def show_again(self) -> None:
        """The listed files' fit again (the user's KV cache type changed)."""
        if self.listing is None:
            return
        rows = self.file_table.selectionModel().selectedRows()
        header = self.header
        self._show_listing(self.listing)
        if rows and header is not None and header.info is not None:
            self._header_badge(rows[0].row(), header.info)

    def selected_model(self) -> GgufModel | None:
        rows = self.file_table.selectionModel().selectedRows()
        if self.listing is None or not rows:
            return None
        return self.listing.models[rows[0].row()]

    def _file_selected(self) -> None:
        model = self.selected_model()
        listing = self.listing
        self.header = None
        self.download_button.setEnabled(False)
        if model is None or listing is None:
            return
        self.details.setText(translate("SearchTab", "Reading the header of {file}…").format(
            file=isolated(model.first_file.name)))
        revision = listing.commit or "main"

        def job(client: HubClient) -> RemoteHeader:
            return read_model_header(client, listing.repo_id, model, revision)

        def show(header: RemoteHeader) -> None:
            if self.selected_model() is not model:
                return
            self.header = header
            self.details.setText(describe_header(header))
            if header.info is not None:
                row = self.file_table.selectionModel().selectedRows()[0].row()
                self._header_badge(row, header.info)
            self.download_button.setEnabled(model.complete)

        def failed(error: UserFacingError) -> None:
            if self.selected_model() is model:
                self.details.setText(error.user_message)

        self.hub.submit(job, show, failed)

    def _download(self) -> None:
        model = self.selected_model()
        if model is not None and self.listing is not None:
            self.download_requested.emit(self.listing, model)


def describe_header(header: RemoteHeader) -> str:
    """What the file's header says, and whether this app can run it."""
    parts = []
    if header.architecture:
        parts.append(translate("SearchTab", "Architecture: {architecture}").format(
            architecture=isolated(header.architecture)))
    if header.context_length:
        parts.append(translate("SearchTab", "context up to {tokens} tokens").format(
            tokens=format_number(header.context_length)))
    if header.info is not None and header.info.parameter_count:
        parts.append(translate("SearchTab", "{count} parameters").format(
            count=format_parameters(header.info.parameter_count)))
    summary = translate("SearchTab", "{facts}.").format(
        facts=translate("SearchTab", ", ").join(parts)) if parts else ""
    if header.warning:
        # header.warning comes translated from chatapp.hub.remote_header.
        return f"{summary}\n⚠ {header.warning}".strip()
    runs = translate("SearchTab", "Runs with this app's engine.")
    return f"{summary} {runs}".strip()


def _count(value: int | None) -> str:
    return format_number(value) if value is not None else ""


def _date(moment: datetime) -> str:
    """A date in the locale's short format (the hub's "updated")."""
    return QLocale().toString(QDate(moment.year, moment.month, moment.day),
                              QLocale.FormatType.ShortFormat)


def _file_label(model: GgufModel, *, suggested: bool) -> str:
    name = model.name
    if suggested:
        name += "  " + translate("SearchTab", SUGGESTED_NOTE)
    parts = model.split_count  # a plain name: lupdate skips an attribute there
    if parts > 1:
        name += "  " + translate("SearchTab", "(%n parts)", "", parts)
    if model.missing_parts:
        name += "  " + translate("SearchTab", "(incomplete)")
    return name
