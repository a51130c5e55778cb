"""What a screen reader reads of a dialog: every control it can reach needs a name.

Walks the widgets' Qt accessibility interfaces (QAccessible), as assistive technology
does, and lists the visible controls whose name is empty.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
            QLineEdit, QPlainTextEdit, QProgressBar, QTabBar, QTextEdit)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _inside_control(widget: QWidget, root: QWidget) -> bool:
    """A part of a control (a spin box's line edit, a text edit's scroll bar): the control
    itself is what the screen reader names."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, CONTROLS):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """The object names (or classes) of ``root``'s visible controls without a name."""
    return [widget.objectName() or type(widget).__name__
            for widget in (root, *root.findChildren(QWidget))
            if isinstance(widget, CONTROLS) and widget.isVisibleTo(root)
            and not _inside_control(widget, root) and not accessible_name(widget).strip()]
