"""The status line: the loaded model, the context used, and what the app is doing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from chatapp.engine.model_loader import ModelSummary
from chatapp.formatting import format_bytes, format_context
from chatapp.hub.downloads import DownloadState, DownloadStatus
from chatapp.ui.model_manager.downloads_view import describe_progress
from chatapp.ui.plain_text import plain_label, plain_tooltip


class StatusLine(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLine")
        # Activity, model and download texts name files: plain text, never HTML.
        self.activity = plain_label(QLabel(self))
        self.activity.setObjectName("activity")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate: loading has no measurable progress
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.model = plain_label(QLabel("No model loaded", self))
        self.model.setObjectName("modelName")
        self.download = plain_label(QLabel(self))
        self.download.setObjectName("downloadProgress")
        self.download.hide()
        self.context = QLabel(self)
        self.context.setObjectName("contextUsage")
        self.context.setToolTip("Tokens the conversation takes of the model's context")
        self.api = QLabel(self)
        self.api.setObjectName("apiStatus")
        self.api.setToolTip("The API server: other programs use the loaded model here")
        self.api.hide()
        self.addWidget(self.activity, 1)
        self.addPermanentWidget(self.download)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.model)
        self.addPermanentWidget(self.context)
        self.addPermanentWidget(self.api)

    def set_activity(self, text: str, busy: bool = False) -> None:
        self.activity.setText(text)
        self.busy.setVisible(busy)

    def set_model(self, summary: ModelSummary | None) -> None:
        if summary is None:
            self.model.setText("No model loaded")
            self.model.setToolTip("")
            self.context.setText("")
            return
        self.model.setText(summary.name)
        trained = f"{summary.trained_context:,}" if summary.trained_context else "unknown"
        self.model.setToolTip(plain_tooltip(
            f"{summary.path}\n{summary.architecture}, {summary.quantization or '?'}, "
            f"{summary.parameter_count / 1e6:,.0f}M parameters, {format_bytes(summary.file_size)}"
            f"\nContext {summary.context_length:,} tokens ({summary.context_reason}; "
            f"the model's maximum is {trained})"
            f"\nContext memory: {summary.kv_cache_type} KV cache"
            + (f", {format_bytes(summary.kv_bytes_per_token, binary=True)} per token"
               if summary.kv_bytes_per_token else "")
            + f"\nThreads {summary.threads} for replies, {summary.threads_batch} for prompts"
            f"\nChat format: {summary.chat_template}"
        ))

    def show_download(self, status: DownloadStatus, *, state_changed: bool) -> None:
        """The running download's progress; a finished one is announced once."""
        if status.state in (DownloadState.RUNNING, DownloadState.VERIFYING,
                            DownloadState.INSTALLING):
            self.set_download(f"{status.name}: {describe_progress(status)}")
        elif status.state == DownloadState.DONE:  # it leaves the queue: this comes once
            self.set_download("")
            self.set_activity(f"Downloaded {status.name}; it is in the model list.")
        elif state_changed:
            self.set_download("")

    def set_download(self, text: str) -> None:
        """The running download, in one line; empty hides it."""
        self.download.setText(text.replace("\n", " · "))
        self.download.setVisible(bool(text))

    def set_api(self, text: str) -> None:
        """The API server's address, or the requests it is answering; "" hides it."""
        self.api.setText(text)
        self.api.setVisible(bool(text))

    def set_context(self, used: int, total: int) -> None:
        self.context.setText(format_context(used, total))
