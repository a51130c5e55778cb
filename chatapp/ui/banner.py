"""A dismissable message above the conversation, for errors the user must read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from chatapp.i18n import translate
from chatapp.ui.icons import Icon, icon
from chatapp.ui.plain_text import plain_label


class Banner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAccessibleName(translate("Banner", "Message"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        # Messages name files and chats: shown as text, never read as HTML.
        self.label = plain_label(QLabel(self))
        self.label.setObjectName("bannerText")
        self.label.setAccessibleName(translate("Banner", "Message"))
        self.label.setAccessibleDescription(translate(
            "Banner", "Something that went wrong and what to do about it"))
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("bannerClose")
        self.close_button.setIcon(icon(Icon.CLOSE))
        self.close_button.setAccessibleName(translate("Banner", "Dismiss"))
        self.close_button.setToolTip(translate("Banner", "Dismiss the message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()
