"""What a screen reader finds: every control has a name, the messages are readable.

The test walks the Qt accessibility tree (QAccessible: what Qt gives AT-SPI, UI Automation
and NSAccessibility) of the main window with a chat, the Models pane and the Settings
dialog, as assistive technology does, from each window down through child(i).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLineEdit, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from tests.unit.ui.app_surfaces import Surfaces, every_tab, open_surfaces

Role = QAccessible.Role
# What a person operates or reads as one thing: each needs a name to be told apart.
INTERACTIVE = {
    Role.PushButton, Role.ButtonMenu, Role.ButtonDropDown, Role.ButtonDropGrid,
    Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText, Role.SpinBox,
    Role.Slider, Role.Dial, Role.List, Role.Table, Role.Tree, Role.PageTabList, Role.PageTab,
    Role.MenuItem, Role.ProgressBar, Role.Link, Role.HotkeyField,
}
# Deep enough for any real layout; a cycle in the tree would otherwise never end.
MAX_DEPTH = 60


@dataclass
class Node:
    role: Role
    name: str
    path: str  # the roles and names above it, to find it in the code


def nodes(interface: QAccessibleInterface, path: str = "", depth: int = 0) -> Iterator[Node]:
    """``interface`` and everything under it that is on screen."""
    if not interface.isValid() or interface.state().invisible or depth > MAX_DEPTH:
        return
    role, name = interface.role(), interface.text(QAccessible.Text.Name)
    owner = interface.object()
    label = f"{role.name}"
    if owner is not None and owner.objectName():
        label += f"#{owner.objectName()}"
    elif owner is not None:
        label += f"({type(owner).__name__})"
    here = f"{path} > {label} {name!r}" if path else f"{label} {name!r}"
    yield Node(role, name, here)
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None:
            yield from nodes(child, here, depth + 1)


def tree(widget: QWidget) -> list[Node]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return list(nodes(interface))


@pytest.fixture
def surfaces(qtbot: QtBot, app_paths: AppPaths, model_path: Path) -> Iterator[Surfaces]:
    yield from open_surfaces(qtbot, app_paths, model_path)


def unnamed(root: QWidget) -> list[str]:
    return [node.path for node in tree(root)
            if node.role in INTERACTIVE and not node.name.strip()]


def test_an_unnamed_control_is_found(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    icon_only, named = QToolButton(window), QToolButton(window)
    icon_only.setObjectName("iconOnly")
    named.setAccessibleName("Send")
    for widget in (icon_only, named, QLineEdit(window)):
        layout.addWidget(widget)
    window.show()
    found = unnamed(window)
    assert len(found) == 2, found  # the icon-only button and the unlabelled line edit
    assert "#iconOnly" in found[0]


def test_every_control_has_a_name(surfaces: Surfaces) -> None:
    # The walk reaches the controls (the tree is not cut short above them).
    roles = {node.role for node in tree(surfaces.window)}
    assert {Role.PushButton, Role.EditableText, Role.List, Role.MenuItem} <= roles
    assert {Role.ComboBox, Role.SpinBox, Role.CheckBox} <= {
        node.role for node in tree(surfaces.settings)}
    assert {Role.PageTabList, Role.Table} <= {node.role for node in tree(surfaces.pane)}
    missing: dict[str, None] = {}  # in the order found, each once
    for name, root in (("main window", surfaces.window), ("Models pane", surfaces.pane),
                       ("Settings", surfaces.settings)):
        for _ in every_tab(root):  # each page of the pane's tabs on screen in turn
            missing |= dict.fromkeys(f"{name}: {path}" for path in unnamed(root))
    assert not missing, f"{len(missing)} unnamed:\n" + "\n".join(missing)


def test_the_messages_are_read_out(surfaces: Surfaces) -> None:
    names = [" ".join(node.name.split()) for node in tree(surfaces.window)]
    assert any(surfaces.question in name for name in names), surfaces.question
    reply = " ".join(surfaces.reply.split())
    assert reply
    assert any(reply in name for name in names), reply
