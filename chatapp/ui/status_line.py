"""The status line: the loaded model, the context used, and what the app is doing."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from chatapp.engine.model_loader import ModelSummary
from chatapp.formatting import format_bytes, format_context
from chatapp.hub.downloads import DownloadState, DownloadStatus
from chatapp.i18n import format_number, translate
from chatapp.ui.model_manager.downloads_view import describe_progress
from chatapp.ui.plain_text import plain_label, plain_tooltip


class StatusLine(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLine")
        # Activity, model and download texts name files: plain text, never HTML.
        self.setAccessibleName(translate("StatusLine", "Status"))
        self.activity = plain_label(QLabel(self))
        self.activity.setObjectName("activity")
        self.activity.setAccessibleName(translate("StatusLine", "Activity"))
        self.activity.setAccessibleDescription(translate("StatusLine",
                                                         "What the app is doing"))
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # indeterminate: loading has no measurable progress
        self.busy.setFixedWidth(90)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(translate("StatusLine", "Busy"))
        self.busy.setAccessibleDescription(translate("StatusLine",
                                                     "Shown while the app is working"))
        self.busy.hide()
        self.model = plain_label(QLabel(translate("StatusLine", "No model loaded"), self))
        self.model.setObjectName("modelName")
        self.model.setAccessibleName(translate("StatusLine", "Loaded model"))
        self.download = plain_label(QLabel(self))
        self.download.setObjectName("downloadProgress")
        self.download.setAccessibleName(translate("StatusLine", "Download"))
        self.download.setAccessibleDescription(translate("StatusLine",
                                                         "The running download's progress"))
        self.download.hide()
        self.context = QLabel(self)
        self.context.setObjectName("contextUsage")
        self.context.setAccessibleName(translate("StatusLine", "Context used"))
        self.context.setToolTip(self.context_tooltip())
        self.context.setAccessibleDescription(self.context_tooltip())
        self.api = QLabel(self)
        self.api.setObjectName("apiStatus")
        self.api.setAccessibleName(translate("StatusLine", "API server"))
        self.api.setToolTip(translate("StatusLine", "The API server: other programs use the "
                                      "loaded model here"))
        self.api.setAccessibleDescription(self.api.toolTip())
        self.api.hide()
        self.addWidget(self.activity, 1)
        self.addPermanentWidget(self.download)
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.model)
        self.addPermanentWidget(self.context)
        self.addPermanentWidget(self.api)

    @staticmethod
    def context_tooltip() -> str:
        return translate("StatusLine", "Tokens the conversation takes of the model's context")

    def set_activity(self, text: str, busy: bool = False) -> None:
        self.activity.setText(text)
        self.busy.setVisible(busy)

    def set_model(self, summary: ModelSummary | None) -> None:
        if summary is None:
            self.model.setText(translate("StatusLine", "No model loaded"))
            self.model.setToolTip("")
            self.context.setText("")
            return
        self.model.setText(summary.name)
        trained = (format_number(summary.trained_context) if summary.trained_context
                   else translate("StatusLine", "unknown"))
        memory = translate("StatusLine", "Context memory: {type} KV cache").format(
            type=summary.kv_cache_type)
        if summary.kv_bytes_per_token:
            memory = translate("StatusLine", "Context memory: {type} KV cache, {size} per "
                               "token").format(type=summary.kv_cache_type, size=format_bytes(
                                   summary.kv_bytes_per_token, binary=True))
        self.model.setToolTip(plain_tooltip("\n".join((
            translate("StatusLine", "File: {path}").format(path=summary.path),
            translate("StatusLine", "{architecture}, {quantization}, {millions}M parameters, "
                      "{size}").format(architecture=summary.architecture,
                                       quantization=summary.quantization or "?",
                                       millions=format_number(summary.parameter_count / 1e6),
                                       size=format_bytes(summary.file_size)),
            # The reason is the loader's, in English (core text); the rest is translated.
            translate("StatusLine", "Context {tokens} tokens ({reason}; the model's maximum "
                      "is {maximum})").format(tokens=format_number(summary.context_length),
                                              reason=summary.context_reason,
                                              maximum=trained),
            memory,
            translate("StatusLine", "Threads {replies} for replies, {prompts} for "
                      "prompts").format(replies=format_number(summary.threads),
                                        prompts=format_number(summary.threads_batch)),
            # Where the template came from (engine/chat_template.MODEL_SOURCE: "the model's
            # chat template") is marked there; a template's own name stays as it is.
            translate("StatusLine", "Chat format: {template}").format(
                template=translate("ChatTemplate", summary.chat_template)),
        ))))

    def show_download(self, status: DownloadStatus, *, state_changed: bool) -> None:
        """The running download's progress; a finished one is announced once."""
        if status.state in (DownloadState.RUNNING, DownloadState.VERIFYING,
                            DownloadState.INSTALLING):
            self.set_download(f"{status.name}: {describe_progress(status)}")
        elif status.state == DownloadState.DONE:  # it leaves the queue: this comes once
            self.set_download("")
            self.set_activity(translate("StatusLine", "Downloaded {name}; it is in the model "
                                        "list.").format(name=status.name))
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
