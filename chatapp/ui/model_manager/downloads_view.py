"""The download queue: one row per download with progress, speed, time left and controls."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chatapp.formatting import format_bytes, format_duration
from chatapp.hub.downloads import DownloadState, DownloadStatus
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label

_STATE_TEXT = {
    DownloadState.QUEUED: QT_TRANSLATE_NOOP("DownloadRow", "Waiting"),
    DownloadState.RUNNING: QT_TRANSLATE_NOOP("DownloadRow", "Downloading"),
    DownloadState.VERIFYING: QT_TRANSLATE_NOOP("DownloadRow", "Checking the file"),
    DownloadState.INSTALLING: QT_TRANSLATE_NOOP("DownloadRow", "Installing"),
    DownloadState.PAUSED: QT_TRANSLATE_NOOP("DownloadRow", "Paused"),
    DownloadState.FAILED: QT_TRANSLATE_NOOP("DownloadRow", "Failed"),
    DownloadState.DONE: QT_TRANSLATE_NOOP("DownloadRow", "Done"),
    DownloadState.CANCELLED: QT_TRANSLATE_NOOP("DownloadRow", "Cancelled"),
}


def describe_progress(status: DownloadStatus) -> str:
    """"123 MB of 456 MB (27%) · 5.1 MB/s · 1 min left", or the state and why."""
    state = _STATE_TEXT.get(status.state)
    parts = [translate("DownloadRow", state) if state else str(status.state)]
    if status.total_bytes:
        percent = 100 * status.bytes_done / status.total_bytes
        parts.append(translate("DownloadRow", "{done} of {total} ({percent}%)").format(
            done=format_bytes(status.bytes_done), total=format_bytes(status.total_bytes),
            percent=format_number(percent)))
    if status.state == DownloadState.RUNNING:
        if status.speed:
            parts.append(translate("DownloadRow", "{size}/s").format(
                size=format_bytes(status.speed)))
        if status.eta is not None:
            parts.append(translate("DownloadRow", "{duration} left").format(
                duration=format_duration(status.eta)))
    text = " · ".join(parts)
    if status.error is not None:
        text += f"\n{status.error.user_message}"
    elif status.note:
        text += f"\n{status.note}"
    return text


class DownloadRow(QFrame):
    pause_requested = Signal(str)
    resume_requested = Signal(str)
    cancel_requested = Signal(str)
    load_requested = Signal(object)  # Path

    def __init__(self, status: DownloadStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloadRow")
        self.setAccessibleName(translate("DownloadRow", "Download of {name}").format(
            name=status.name))
        self.job_id = status.job_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        top = QHBoxLayout()
        self.name = plain_label(QLabel(status.name, self))
        self.name.setObjectName("downloadName")
        top.addWidget(self.name, 1)
        self.pause_button = QPushButton(icon(Icon.PAUSE), translate("DownloadRow", "Pause"),
                                        self)
        self.pause_button.setObjectName("pauseDownload")
        self.pause_button.clicked.connect(lambda: self.pause_requested.emit(self.job_id))
        self.resume_button = QPushButton(self)  # its text and icon: update_status
        self.resume_button.setObjectName("resumeDownload")
        self.resume_button.clicked.connect(lambda: self.resume_requested.emit(self.job_id))
        self.cancel_button = QPushButton(icon(Icon.CANCEL), "", self)  # text: update_status
        self.cancel_button.setObjectName("cancelDownload")
        self.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(self.job_id))
        self.load_button = QPushButton(translate("DownloadRow", "Load"), self)
        self.load_button.setObjectName("loadDownload")
        self.load_button.clicked.connect(self._load)
        for button in (self.pause_button, self.resume_button, self.cancel_button,
                       self.load_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("downloadProgress")
        self.bar.setAccessibleName(translate("DownloadRow", "Progress of {name}").format(
            name=status.name))
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        layout.addWidget(self.bar)
        self.detail = plain_label(QLabel(self))
        self.detail.setObjectName("downloadDetail")
        self.detail.setAccessibleName(translate("DownloadRow", "State of {name}").format(
            name=status.name))
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.status = status
        self.update_status(status)

    def update_status(self, status: DownloadStatus) -> None:
        self.status = status
        state = status.state
        fraction = status.fraction
        if fraction is None and state in (DownloadState.RUNNING, DownloadState.VERIFYING):
            self.bar.setRange(0, 0)  # unknown size, or hashing: busy
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(1000 * (fraction or 0)))
        self.detail.setText(describe_progress(status))
        # The bar shows no text: a screen reader gets the state from its description.
        self.bar.setAccessibleDescription(self.detail.text())
        self.pause_button.setVisible(state in (DownloadState.QUEUED, DownloadState.RUNNING))
        self.resume_button.setVisible(state in (DownloadState.PAUSED, DownloadState.FAILED))
        failed = state == DownloadState.FAILED
        self.resume_button.setText(translate("DownloadRow", "Try again") if failed
                                   else translate("DownloadRow", "Resume"))
        self.resume_button.setIcon(icon(Icon.REGENERATE if failed else Icon.RESUME))
        self.cancel_button.setVisible(state not in (DownloadState.DONE,
                                                    DownloadState.CANCELLED))
        self.cancel_button.setText(translate("DownloadRow", "Dismiss") if failed
                                   else translate("DownloadRow", "Cancel"))
        # Several rows have the same buttons: each name says which download it acts on.
        for button in (self.pause_button, self.resume_button, self.cancel_button,
                       self.load_button):
            button.setAccessibleName(translate("DownloadRow", "{action}: {name}").format(
                action=button.text(), name=status.name))
        self.load_button.setVisible(state == DownloadState.DONE and bool(status.installed))

    def _load(self) -> None:
        if self.status.installed:
            self.load_requested.emit(self.status.installed[0])


class DownloadsView(QWidget):
    """All downloads, newest last; finished ones stay until the pane closes."""

    pause_requested = Signal(str)
    resume_requested = Signal(str)
    cancel_requested = Signal(str)
    load_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("downloads")
        self.setAccessibleName(translate("DownloadsView", "Downloads"))
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(translate("DownloadsView", "Downloads"), self)
        self.title.setObjectName("downloadsTitle")
        self._layout.addWidget(self.title)
        self.rows: dict[str, DownloadRow] = {}
        self._refresh_visibility()

    def update_status(self, status: DownloadStatus) -> None:
        row = self.rows.get(status.job_id)
        if status.state == DownloadState.CANCELLED:
            if row is not None:
                self.rows.pop(status.job_id).deleteLater()
            self._refresh_visibility()
            return
        if row is None:
            row = DownloadRow(status, self)
            row.pause_requested.connect(self.pause_requested)
            row.resume_requested.connect(self.resume_requested)
            row.cancel_requested.connect(self.cancel_requested)
            row.load_requested.connect(self.load_requested)
            self.rows[status.job_id] = row
            self._layout.addWidget(row)
        else:
            row.update_status(status)
        self._refresh_visibility()

    def remove(self, job_id: str) -> None:
        row = self.rows.pop(job_id, None)
        if row is not None:
            row.deleteLater()
        self._refresh_visibility()

    def _refresh_visibility(self) -> None:
        self.setVisible(bool(self.rows))
