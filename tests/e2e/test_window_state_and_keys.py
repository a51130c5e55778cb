"""The window as it is left and as the keyboard drives it: size, splitter and open chat
come back at the next start; every command has its keys, listed in the overview; the
text size keys; moving between chats; a finished reply is announced."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from chatapp.paths import AppPaths
from chatapp.settings import Settings, load_settings
from chatapp.ui.main_window import DEFAULT_SIZE, MainWindow, reply_announcement
from chatapp.ui.shortcuts_dialog import (
    ShortcutsDialog,
    command_text,
    keys_text,
    shortcut_sections,
)
from chatapp.ui.theme import current as current_theme
from chatapp.vocabulary import ThemeChoice
from tests.e2e.conftest import (
    REPLY_TIMEOUT_MS,
    OpenWindow,
    model_settings,
    send,
    wait_loaded,
    wait_reply_done,
)
from tests.e2e.test_chat_list import make_chats, settle


def open_chat(qtbot: QtBot, window: MainWindow, conversation_id: int) -> None:
    window.session.open_conversation(conversation_id)
    qtbot.waitUntil(lambda: window.view.conversation_id == conversation_id)


def test_size_splitter_and_open_chat_come_back(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    ids = make_chats(app_paths, "Rivers", "Poems", "Taxes")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[2])  # the newest opens
    assert (window.width(), window.height()) == DEFAULT_SIZE  # a first start
    # Within the offscreen screen (800 x 600): Qt fits a restored window onto its screen.
    window.resize(720, 520)
    window.splitter.setSizes([300, 420])
    size = (window.width(), window.height())  # as wide as its controls need, at least
    assert size != DEFAULT_SIZE and size[1] == 520
    open_chat(qtbot, window, ids[0])  # not the newest: it must be remembered
    sizes = window.splitter.sizes()
    assert sizes != list(window.splitter.sizes()[::-1]) and sizes[0] != 250  # not the default
    window.close()
    saved = json.loads(app_paths.window_state_file.read_text())
    assert saved["conversation_id"] == ids[0] and saved["splitter"] == sizes

    again = open_window()
    qtbot.waitUntil(lambda: again.view.conversation_id == ids[0])
    assert (again.width(), again.height()) == size
    assert again.splitter.sizes() == sizes
    assert again.sidebar.current_id() == ids[0]


def test_a_chat_gone_since_opens_the_newest(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    ids = make_chats(app_paths, "Rivers", "Poems")
    app_paths.window_state_file.write_text(json.dumps({"conversation_id": 999}))
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[1])


@pytest.mark.expect_log("chatapp.ui.window_state", "Window state")
def test_a_damaged_state_file_starts_with_the_defaults(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    ids = make_chats(app_paths, "Rivers", "Poems")
    app_paths.window_state_file.write_bytes(b"{\"geometry\": \"\xff\xfe")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[1])
    assert (window.width(), window.height()) == DEFAULT_SIZE
    window.close()  # and the quit writes a good one again
    assert json.loads(app_paths.window_state_file.read_text())["conversation_id"] == ids[1]


def test_geometry_qt_cannot_use_gives_the_default_size(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    app_paths.window_state_file.write_text(json.dumps(
        {"geometry": "AAAA", "splitter": [200, 700]}))
    window = open_window()
    assert (window.width(), window.height()) == DEFAULT_SIZE
    assert window.splitter.sizes()[0] == 200


def menu_actions(window: MainWindow) -> list[tuple[str, list[QKeySequence]]]:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if not action.isSeparator() and action.menu() is None:
                found.append((command_text(action), action.shortcuts()))
    return found


def test_the_overview_lists_every_shortcut_of_the_menus(
        qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window()
    window.menu_actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = {(command, keys) for _heading, rows in dialog.sections for command, keys in rows}
    with_keys = [(c, k) for c, k in menu_actions(window) if k]
    assert len(with_keys) >= 14
    for command, keys in with_keys:
        # As the overview writes them: a multimedia keyboard's "New" key beside Ctrl+N (on
        # some platforms) is left out (test_shortcuts_dialog.py).
        shown = keys_text(keys)
        assert shown and (command, shown) in listed
    # The list's own shortcuts are there too, and every key sequence is unique.
    assert any(command == "Delete the selected chats" for command, _keys in listed)
    every = [k.toString() for _c, keys in with_keys for k in keys]
    assert len(every) == len(set(every))
    dialog.close()


def test_text_size_keys_change_the_theme_and_are_kept(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    window = open_window()
    theme = current_theme()
    assert theme is window.theme and theme.text_size_percent == 100
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert theme.text_size_percent == 120
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert theme.text_size_percent == 110
    qtbot.waitUntil(lambda: load_settings(app_paths.settings_file).text_size_percent == 110)
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert theme.text_size_percent == 100
    qtbot.waitUntil(lambda: load_settings(app_paths.settings_file).text_size_percent == 100)
    for _ in range(40):  # never past the settings' limit
        window.menu_actions.smaller_text.trigger()
    assert theme.text_size_percent == 50


def test_keys_move_between_chats_and_controls(
        qtbot: QtBot, open_window: OpenWindow, app_paths: AppPaths) -> None:
    ids = make_chats(app_paths, "Rivers", "Poems", "Taxes")
    window = open_window()
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[2])
    settle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[1])  # the next row down
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[2])
    window.menu_actions.previous_chat.trigger()  # round from the top to the bottom
    qtbot.waitUntil(lambda: window.view.conversation_id == ids[0])
    window.menu_actions.focus_chats.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sidebar.list)
    # Tab from the list reaches the controls above the chat before the message box.
    order = tab_order(window.sidebar.list, 4)
    assert order[:4] == [window.model_picker, window.models_button, window.search_button,
                         window.settings_button]


def tab_order(start: QWidget, count: int) -> list[QWidget]:
    """The next ``count`` widgets Tab stops at after ``start``."""
    found: list[QWidget] = []
    widget = start.nextInFocusChain()
    while len(found) < count and widget is not None and widget is not start:
        if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()
                and widget.isEnabled() and widget.focusProxy() is None):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def test_controls_have_names(open_window: OpenWindow) -> None:
    window = open_window()
    assert window.sidebar.list.accessibleName() == "Chats"
    for button in (window.search_button, window.banner.close_button,
                   window.find_bar.close_button, window.find_bar.next_button):
        assert button.accessibleName() and button.toolTip() and not button.icon().isNull()
    assert window.model_picker.accessibleName() == "Model"
    assert window.status.activity.accessibleName() == "Activity"


def test_reply_announcement_words() -> None:
    assert reply_announcement("") == "Reply finished"
    assert reply_announcement("  Paris is\nthe capital. ") == \
        "Reply finished: Paris is the capital."
    long = reply_announcement("word " * 100)
    assert long.startswith("Reply finished: word word") and long.endswith("…")
    assert len(long) < 120


def test_a_finished_reply_is_announced(qtbot: QtBot, open_window: OpenWindow,
                                       model_path: Path) -> None:
    window = open_window(model_settings(model_path))
    wait_loaded(qtbot, window)
    window.menu_actions.focus_chats.trigger()
    window.menu_actions.focus_message.trigger()  # Ctrl+L: back to writing
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.composer.edit)
    send(qtbot, window, "Say hello.")
    wait_reply_done(qtbot, window)
    event = window.announcer.last
    assert event is not None
    reply = window.view.messages[-1].message
    assert reply is not None
    assert event.message() == reply_announcement(reply.content)
    assert event.message().startswith("Reply finished")
    assert event.object() is window
    assert event.type() == QAccessible.Event.Announcement
    assert event.politeness() == QAccessible.AnnouncementPoliteness.Polite


def test_settings_change_the_look_at_once(qtbot: QtBot, open_window: OpenWindow) -> None:
    window = open_window(Settings(theme=ThemeChoice.LIGHT))
    assert not window.theme.is_dark()
    light = QApplication.palette().window().color().name()
    window.session.apply_settings(replace(window.session.settings, theme=ThemeChoice.DARK,
                                          text_size_percent=140))
    assert window.theme.is_dark() and window.theme.text_size_percent == 140
    assert QApplication.palette().window().color().name() != light


def test_esc_closes_the_find_bar_then_stops_the_reply(
        qtbot: QtBot, open_window: OpenWindow, model_path: Path) -> None:
    window = open_window(model_settings(model_path, max_reply_tokens=4000, temperature=0.8))
    wait_loaded(qtbot, window)
    assert not window.menu_actions.stop_reply.isEnabled()  # Esc is the widgets' own
    pieces: list[str] = []
    window.session.reply_text.connect(pieces.append)
    send(qtbot, window, "Write a very long story about a dragon and a knight.")
    qtbot.waitUntil(lambda: len(pieces) >= 20, timeout=REPLY_TIMEOUT_MS)
    assert window.menu_actions.stop_reply.isEnabled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.menu_actions.find_in_chat.trigger()
    assert window.find_bar.isVisible()
    window.sidebar.list.setFocus()  # Esc works wherever the focus is
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.session.turn is not None
    assert not stopping(window)  # the first Esc closed the bar only
    qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Escape)
    assert stopping(window)
    wait_reply_done(qtbot, window)
    reply = window.view.messages[-1].message
    assert reply is not None and reply.state == "stopped"
    assert not window.menu_actions.stop_reply.isEnabled()


def stopping(window: MainWindow) -> bool:
    """The reply being written was asked to stop."""
    turn = window.session.turn
    return turn is not None and turn.stop_requested


def test_alt_keys_of_the_menus_and_the_model_label_differ(open_window: OpenWindow) -> None:
    window = open_window()
    keys = [QKeySequence.mnemonic(action.text()).toString()
            for action in window.menuBar().actions()]
    label = next(label for label in window.findChildren(QLabel)
                 if label.buddy() is window.model_picker)
    keys.append(QKeySequence.mnemonic(label.text()).toString())
    assert all(keys) and len(keys) == len(set(keys)), keys


@pytest.mark.expect_log("chatapp.ui.language", "No .* translation")  # .qm not built
def test_arabic_mirrors_the_window(open_window: OpenWindow) -> None:
    window = open_window(Settings(language="ar"))
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    window.resize(900, 600)
    list_x = window.sidebar.mapTo(window, window.sidebar.rect().topLeft()).x()
    view_x = window.view.mapTo(window, window.view.rect().topLeft()).x()
    assert list_x > view_x  # the chat list on the right, where Arabic starts
    # The shortcuts overview is in the window's language too (when the .qm is built).
    headings = [heading for heading, _rows in shortcut_sections(window)]
    assert headings[0] == command_text(window.menuBar().actions()[0])
