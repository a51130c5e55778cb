"""The Models pane: Recommended, Search the hub and Installed, with the download queue.

A download always starts the same way: the file's GGUF header is read from the hub first
(a Range request of a few MB), so a file that is damaged or that the bundled engine
cannot run is caught before gigabytes are fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.hardware import Hardware
from chatapp.hub.client import GgufModel, HubClient, RepoListing
from chatapp.hub.downloads import DownloadEvent, DownloadRequest, DownloadState, DownloadStatus
from chatapp.hub.errors import HubError
from chatapp.hub.remote_header import RemoteHeader, read_remote_header
from chatapp.i18n import format_number, translate
from chatapp.models.catalog import Catalog, CatalogEntry
from chatapp.models.library import ModelLibrary
from chatapp.paths import AppPaths
from chatapp.ui.icons import Icon, icon
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.model_manager.downloads_view import DownloadsView
from chatapp.ui.model_manager.installed_tab import InstalledTab
from chatapp.ui.model_manager.recommended_tab import RecommendedTab
from chatapp.ui.model_manager.search_tab import SearchTab
from chatapp.ui.model_manager.speed_column import SpeedSource
from chatapp.ui.model_manager.token_box import TokenBox
from chatapp.ui.plain_text import plain_label, plain_question
from chatapp.ui.workers.hub_worker import HubController
from chatapp.ui.workers.task_thread import TaskThread
from chatapp.vocabulary import KvCacheType

_IN_FLIGHT = (DownloadState.QUEUED, DownloadState.RUNNING, DownloadState.VERIFYING,
              DownloadState.INSTALLING, DownloadState.PAUSED, DownloadState.FAILED)


class ModelsPane(QDialog):
    load_requested = Signal(Path)
    models_changed = Signal()
    # A model's chat template was saved or reset to its own (the model file's path): a
    # loaded model should take it up.
    chat_template_changed = Signal(Path)
    remote_servers_requested = Signal()  # models of other computers: Remote servers…

    def __init__(self, *, library: ModelLibrary, catalog: Catalog, hardware: Hardware,
                 disk: TaskThread, hub: HubController, secrets: TaskThread,
                 kv_cache_type: KvCacheType = KvCacheType.F16,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ModelsPane", "Models"))
        self.setWindowIcon(icon(Icon.MODELS))
        self.setObjectName("modelsPane")
        self.resize(1080, 680)  # the tables' columns, Speed here included
        self.library = library
        self.catalog = catalog
        self.hub = hub
        self.statuses: dict[str, DownloadStatus] = {}

        layout = QVBoxLayout(self)
        cores = hardware.physical_cores  # a plain name: lupdate skips an attribute there
        machine = plain_label(QLabel(translate(
            "ModelsPane", "This computer: {memory} memory ({free} free), %n CPU cores. Models "
            "run on the CPU; their files stay in {folder}.", "", cores)
            .format(memory=format_bytes(hardware.total_ram_bytes, binary=True),
                    free=format_bytes(hardware.available_ram_bytes, binary=True),
                    folder=isolated(library.models_dir)), self))
        machine.setObjectName("machineSummary")
        machine.setAccessibleName(translate("ModelsPane", "This computer"))
        machine.setWordWrap(True)
        self.remote_servers = QPushButton(icon(Icon.REMOTE),
                                          translate("ModelsPane", "Remote servers…"), self)
        self.remote_servers.setObjectName("remoteServersButton")
        self.remote_servers.setToolTip(translate(
            "ModelsPane", "Use the models of an OpenAI-compatible server (llama-server, vLLM, "
            "Ollama …) in a chat"))
        self.remote_servers.setAccessibleDescription(self.remote_servers.toolTip())
        self.remote_servers.clicked.connect(self.remote_servers_requested)
        top = QHBoxLayout()
        top.addWidget(machine, 1)
        top.addWidget(self.remote_servers)
        layout.addLayout(top)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("modelsTabs")
        self.tabs.setAccessibleName(translate("ModelsPane", "Model lists"))
        self.tabs.setAccessibleDescription(translate(
            "ModelsPane", "Recommended models, a search of the Hugging Face hub, and the "
            "models installed on this computer"))
        self.recommended = RecommendedTab(catalog, hardware, self)
        self.search = SearchTab(hub, hardware, self)
        self.installed = InstalledTab(library, disk, hardware, self)
        self.token_box = TokenBox(secrets, self.search)
        self.search.add_footer(self.token_box)
        # Created after the Installed tab, the token box would come after its controls in
        # the focus chain; it follows the search's Download button instead.
        for first, second in ((self.search.download_button, self.token_box.edit),
                              (self.token_box.edit, self.token_box.save_button),
                              (self.token_box.save_button, self.token_box.remove_button)):
            QWidget.setTabOrder(first, second)
        self.tabs.addTab(self.recommended, translate("ModelsPane", "Recommended"))
        self.tabs.addTab(self.search, icon(Icon.SEARCH), translate("ModelsPane",
                                                                   "Search the hub"))
        self.tabs.addTab(self.installed, translate("ModelsPane", "Installed"))
        for tab, name in ((self.recommended, translate("ModelsPane", "Recommended models")),
                          (self.search, translate("ModelsPane", "Search the hub")),
                          (self.installed, translate("ModelsPane", "Installed models"))):
            tab.setAccessibleName(name)
        layout.addWidget(self.tabs, 1)
        self.downloads = DownloadsView(self)
        layout.addWidget(self.downloads)
        self.message = plain_label(QLabel(self))
        self.message.setObjectName("paneMessage")
        self.message.setAccessibleName(translate("ModelsPane", "Download status"))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.recommended.download_requested.connect(self.download_entry)
        self.recommended.load_requested.connect(
            lambda entry: self.load_requested.emit(library.models_dir / _file_name(entry.file)))
        self.search.download_requested.connect(self.download_model)
        self.installed.load_requested.connect(self.load_requested)
        self.installed.changed.connect(self._installed_changed)
        self.installed.chat_template_changed.connect(self.chat_template_changed)
        self.downloads.pause_requested.connect(hub.pause)
        self.downloads.resume_requested.connect(hub.resume)
        self.downloads.cancel_requested.connect(hub.cancel)
        self.downloads.load_requested.connect(self.load_requested)
        hub.download_event.connect(self._download_event)
        hub.queue_loaded.connect(self._queue_loaded)
        # Downloads restored from an earlier run (paused) or already going: shown at once.
        self._queue_loaded(list(hub.statuses.values()))
        # Every tab's "Speed here": this computer measured once, calibrated by its replies.
        paths = AppPaths.from_environment()
        self.speeds = SpeedSource(paths.machine_speed_file, paths.speed_records_file,
                                  paths.settings_file, hardware, disk, parent=self)
        for tab in (self.recommended, self.search, self.installed):
            tab.speeds = self.speeds
        self.speeds.changed.connect(self._speeds_changed)
        self.set_kv_cache_type(kv_cache_type)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.installed.refresh()
        self._refresh_catalog_state()
        self.speeds.refresh()  # a model that has answered since shows its measured speed

    def _speeds_changed(self) -> None:
        self.recommended.fill()
        self.search.show_again()
        if self.isVisible():
            self.installed.refresh()

    def set_kv_cache_type(self, kv_cache_type: KvCacheType) -> None:
        """The user's KV cache type: every fit badge counts the context memory in it."""
        if kv_cache_type == self.recommended.kv_cache_type:
            return
        for tab in (self.recommended, self.search, self.installed):
            tab.kv_cache_type = kv_cache_type
        self.recommended.fill()
        self.search.show_again()
        if self.isVisible():
            self.installed.refresh()

    def set_loaded(self, path: Path | None) -> None:
        self.installed.loaded_path = path
        if self.isVisible():
            self.installed.refresh()

    # -- starting downloads ------------------------------------------------------------

    def download_entry(self, entry: CatalogEntry) -> None:
        revision = entry.revision or "main"
        request = DownloadRequest(repo_id=entry.repo, paths=(entry.file,), revision=revision,
                                  sha256=(entry.sha256,), name=entry.name)

        def job(client: HubClient) -> RemoteHeader:
            return read_remote_header(client, entry.repo, entry.file, revision=revision)

        self._check_then_enqueue(request, job)

    def download_model(self, listing: RepoListing, model: GgufModel) -> None:
        try:
            known = self.catalog.find_file(listing.repo_id, model.first_file.path)
            sums = (known.sha256,) if known is not None and len(model.parts) == 1 else None
            request = DownloadRequest.for_model(listing.repo_id, model,
                                                revision=listing.commit or "main", sha256=sums)
        except HubError as error:
            self.message.setText(error.user_message)
            return
        header = self.search.header
        if header is not None and header.path == model.first_file.path:
            self._confirm_and_enqueue(request, header)
            return

        def job(client: HubClient) -> RemoteHeader:
            return read_remote_header(client, listing.repo_id, model.first_file.path,
                                      revision=request.revision)

        self._check_then_enqueue(request, job)

    def _check_then_enqueue(self, request: DownloadRequest,
                            read_header: Callable[[HubClient], RemoteHeader]) -> None:
        name = isolated(request.name or request.paths[0])
        self.message.setText(translate("ModelsPane", "Checking {name} on the hub before "
                                       "downloading…").format(name=name))
        self.hub.submit(read_header, lambda header: self._confirm_and_enqueue(request, header),
                        self._failed)

    def _confirm_and_enqueue(self, request: DownloadRequest, header: RemoteHeader) -> None:
        name = isolated(request.name or request.paths[0])
        if header.problem is not None:
            # header.warning comes translated from chatapp.hub.remote_header.
            if not header.unsupported:
                self.message.setText(translate(
                    "ModelsPane", "{name} was not downloaded: {reason}").format(
                    name=name, reason=header.warning))
                return
            if not plain_question(self, translate("ModelsPane", "This model will not run"),
                                  translate("ModelsPane", "{reason}\n\nDownload it anyway?")
                                  .format(reason=header.warning)):
                self.message.setText(translate("ModelsPane", "{name} was not downloaded.")
                                     .format(name=name))
                return
        architecture = isolated(header.architecture) if header.architecture \
            else translate("ModelsPane", "unknown architecture")
        if header.context_length:
            text = translate("ModelsPane", "Downloading {name} ({architecture}, context up to "
                             "{tokens} tokens).").format(
                name=name, architecture=architecture,
                tokens=format_number(header.context_length))
        else:
            text = translate("ModelsPane", "Downloading {name} ({architecture}).").format(
                name=name, architecture=architecture)
        self.message.setText(text)
        self.hub.enqueue(request, self._failed)

    def _failed(self, error: UserFacingError) -> None:
        self.message.setText(error.user_message)

    # -- queue events ------------------------------------------------------------------

    def _queue_loaded(self, statuses: list[DownloadStatus]) -> None:
        for status in statuses:
            self.statuses[status.job_id] = status
            self.downloads.update_status(status)
        self._refresh_catalog_state()

    def _download_event(self, event: DownloadEvent) -> None:
        status = event.status
        before = self.statuses.get(status.job_id)
        if event.kind == "removed" and status.state != DownloadState.DONE:
            self.statuses.pop(status.job_id, None)
            self.downloads.remove(status.job_id)
        else:
            # A finished download leaves the queue, but its row stays, with Load.
            self.statuses[status.job_id] = status
            self.downloads.update_status(status)
        if before is None or before.state != status.state:
            if status.state == DownloadState.DONE:
                self._installed_changed()
            self._refresh_catalog_state()

    def _installed_changed(self) -> None:
        if self.isVisible():
            self.installed.refresh()
        self._refresh_catalog_state()
        self.models_changed.emit()

    def _refresh_catalog_state(self) -> None:
        library = self.library
        downloading = {name for s in self.statuses.values() if s.state in _IN_FLIGHT
                       for name in s.files}

        def done(paths: list[Path]) -> None:
            self.recommended.set_state({p.name for p in paths}, downloading)

        self.installed.disk.submit(lambda _ctx: library.model_paths(), done)


def _file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1]
