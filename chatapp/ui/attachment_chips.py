"""Attached files as chips: above the message box before sending, and on a sent message.

A chip names the file and its size; before sending it has a remove button, while the
file is read it says so, and a file that cannot be read stays as a chip that says why
(until removed), so the user sees at once what will not be sent. On a sent message the
chip says how the last reply's prompt used the file: whole, or some of its passages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from chatapp.formatting import format_bytes
from chatapp.history.store import Attachment
from chatapp.i18n import format_number, translate
from chatapp.ui.flow_layout import FlowLayout
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label, plain_tooltip

__all__ = ["AttachmentChip", "ChipRow", "usage_text"]


def usage_text(attachment: Attachment) -> str:
    """How the last prompt used the file, for its chip ("" before any reply used it)."""
    if attachment.usage == "whole":
        return translate("AttachmentChip", "whole")
    if attachment.usage == "retrieved":
        used, total = attachment.passages_used or 0, attachment.passages_total or 0
        if total == 1:  # its own string: English's source has no singular
            return translate("AttachmentChip", "{used} of 1 passage").format(
                used=format_number(used))
        return translate("AttachmentChip", "{used} of %n passages", "", total).format(
            used=format_number(used))
    return ""


class AttachmentChip(QWidget):
    """One file: its name and size, then its state (reading, refused, how it was used)."""

    remove_requested = Signal()

    def __init__(self, name: str, parent: QWidget | None = None, *,
                 removable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.name = name
        self.attachment: Attachment | None = None
        self.error: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4 if removable else 8, 2)
        layout.setSpacing(6)
        # File names are the user's: shown as text, never read as HTML.
        self.name_label = plain_label(QLabel(self))
        self.name_label.setObjectName("attachmentName")
        self.name_label.setText(_short(name))
        self.detail_label = plain_label(QLabel(self))
        self.detail_label.setObjectName("attachmentDetail")
        layout.addWidget(self.name_label)
        layout.addWidget(self.detail_label)
        self.remove_button: QToolButton | None = None
        if removable:
            button = QToolButton(self)
            button.setObjectName("removeAttachment")
            button.setIcon(icon(Icon.CLOSE))
            button.setAutoRaise(True)
            button.setAccessibleName(translate("AttachmentChip", "Remove {name}").format(
                name=name))
            button.setToolTip(translate("AttachmentChip", "Remove this file from the message"))
            button.clicked.connect(self.remove_requested)
            layout.addWidget(button)
            self.remove_button = button
        self.set_reading()

    def set_reading(self) -> None:
        self._show(translate("AttachmentChip", "reading…"),
                   translate("AttachmentChip", "{name}: being read").format(name=self.name))

    def set_attachment(self, attachment: Attachment) -> None:
        """The file as kept (and, on a sent message, how the prompt used it)."""
        self.attachment, self.error = attachment, None
        self.setProperty("refused", False)
        size = format_bytes(attachment.size)
        usage = usage_text(attachment)
        detail = translate("AttachmentChip", "{size} · {usage}").format(
            size=size, usage=usage) if usage else size
        if attachment.usage == "whole":
            used = translate("AttachmentChip", "The whole file went into the prompt.")
        elif attachment.usage == "retrieved":
            used = translate("AttachmentChip", "The passages most relevant to the question "
                             "went into the prompt ({usage}).").format(usage=usage)
        else:
            used = ""
        about = translate("AttachmentChip", "{name} ({size}, {kind}).").format(
            name=attachment.name, size=size, kind=attachment.kind)
        self._show(detail, f"{about} {used}".strip())

    def set_refused(self, message: str) -> None:
        """The file cannot be read: it will not be sent, and this says why."""
        self.attachment, self.error = None, message
        self.setProperty("refused", True)
        self._show(translate("AttachmentChip", "not attached"), message)

    @property
    def ready(self) -> bool:
        return self.attachment is not None

    def _show(self, detail: str, tip: str) -> None:
        self.detail_label.setText(detail)
        self.setToolTip(plain_tooltip(tip))
        self.setAccessibleName(translate("AttachmentChip", "Attached file {name}, {detail}")
                               .format(name=self.name, detail=detail))
        self.setAccessibleDescription(tip)
        self.style().unpolish(self)
        self.style().polish(self)


class ChipRow(QWidget):
    """Chips in rows that wrap, as many as there are files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentChips")
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.chips: list[AttachmentChip] = []
        self.setVisible(False)

    def add(self, chip: AttachmentChip) -> AttachmentChip:
        chip.setParent(self)
        self._layout.addWidget(chip)
        self.chips.append(chip)
        chip.show()
        self.setVisible(True)
        return chip

    def remove(self, chip: AttachmentChip) -> None:
        if chip in self.chips:
            self.chips.remove(chip)
            self._layout.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.setVisible(bool(self.chips))

    def clear(self) -> None:
        for chip in list(self.chips):
            self.remove(chip)

    def show_attachments(self, attachments: Sequence[Attachment]) -> None:
        """A sent message's files (read-only chips), replacing what was shown."""
        if [c.attachment for c in self.chips] == list(attachments):
            return
        self.clear()
        for attachment in attachments:
            self.add(AttachmentChip(attachment.name, self)).set_attachment(attachment)

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()


def _short(name: str, limit: int = 40) -> str:
    """A long file name, its middle left out (its end says what kind it is)."""
    if len(name) <= limit:
        return name
    keep = (limit - 1) // 2
    return f"{name[:keep]}…{name[-keep:]}"
