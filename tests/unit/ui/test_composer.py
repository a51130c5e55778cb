from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from chatapp.reasoning.formats import NO_CONTROL, ThinkingChoice, ThinkingControl
from chatapp.ui.composer import Composer, ComposerState


def make(qtbot: QtBot) -> Composer:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    return composer


def test_enter_sends_and_shift_enter_adds_a_line(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    sent: list[str] = []
    composer.send_requested.connect(sent.append)
    qtbot.keyClicks(composer.edit, "first line")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(composer.edit, "second line")
    assert sent == []
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == ["first line\nsecond line"]
    # The draft stays until the message is saved.
    assert composer.edit.toPlainText() == "first line\nsecond line"
    composer.clear_draft()
    assert composer.edit.toPlainText() == ""


def test_while_sending_the_draft_cannot_change_and_stop_counts(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    qtbot.keyClicks(composer.edit, "question")
    composer.set_state(ComposerState.SENDING)
    stops: list[bool] = []
    composer.stop_requested.connect(lambda: stops.append(True))
    qtbot.keyClicks(composer.edit, " more")
    assert composer.edit.toPlainText() == "question"
    assert composer.stop_button.isVisible() and not composer.send_button.isVisible()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    assert stops == [True]


def test_blank_messages_are_not_sent(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    sent: list[str] = []
    composer.send_requested.connect(sent.append)
    qtbot.keyClicks(composer.edit, "   ")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == []


def test_disabled_with_a_hint_without_a_model(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.NO_MODEL)
    assert not composer.edit.isEnabled()
    assert not composer.send_button.isEnabled()
    assert composer.hint.isVisible()
    assert "No model" in composer.hint.text()
    composer.set_state(ComposerState.READY)
    assert not composer.hint.isVisible()
    assert "Enter sends" in composer.edit.placeholderText()


def test_while_generating_stop_replaces_send(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.GENERATING)
    stops: list[bool] = []
    sent: list[str] = []
    composer.stop_requested.connect(lambda: stops.append(True))
    composer.send_requested.connect(sent.append)
    assert composer.stop_button.isVisible() and not composer.send_button.isVisible()
    # The next message can be written, not sent.
    qtbot.keyClicks(composer.edit, "next")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == [] and composer.edit.toPlainText() == "next"
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    qtbot.mouseClick(composer.stop_button, Qt.MouseButton.LeftButton)
    assert stops == [True, True]


def test_ready_takes_the_focus_from_a_button_but_not_from_a_field(qtbot: QtBot) -> None:
    # On first run the focus rests on a button while the model loads; typing then went
    # to the button (a space pressed it) instead of into the message.
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    button, field, composer = QPushButton("New chat"), QLineEdit(), Composer()
    for widget in (button, field, composer):
        layout.addWidget(widget)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    composer.set_state(ComposerState.READY)
    assert composer.edit.hasFocus()
    composer.set_state(ComposerState.GENERATING)
    field.setFocus()  # typing a chat's new name meanwhile
    qtbot.waitUntil(field.hasFocus)
    composer.set_state(ComposerState.READY)
    assert field.hasFocus()


def test_the_thinking_switch_shows_only_what_the_model_offers(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.show()
    chosen: list[str] = []
    composer.thinking_selected.connect(chosen.append)
    composer.set_thinking(NO_CONTROL, None)
    assert not composer.thinking.isVisible()  # a model without a switch shows none

    effort = ThinkingControl("reasoning_effort", (ThinkingChoice.LOW, ThinkingChoice.MEDIUM,
                                                  ThinkingChoice.HIGH), ThinkingChoice.MEDIUM)
    composer.set_thinking(effort, ThinkingChoice.HIGH)
    assert composer.thinking.isVisible()
    assert [composer.thinking.itemText(i) for i in range(composer.thinking.count())] == [
        "Reasoning: low", "Reasoning: medium", "Reasoning: high"]
    assert composer.thinking.currentText() == "Reasoning: high"
    composer.thinking.activated.emit(0)
    assert chosen == ["low"]
    assert effort.options("low") == {"reasoning_effort": "low"}
    assert effort.options(None) == {"reasoning_effort": "medium"}  # the model's default

    toggle = ThinkingControl("enable_thinking", (ThinkingChoice.ON, ThinkingChoice.OFF),
                             ThinkingChoice.ON)
    composer.set_thinking(toggle, ThinkingChoice.OFF)
    assert composer.thinking.currentText() == "Thinking off"
    assert toggle.options("off") == {"enable_thinking": False}
    assert toggle.options("high") == {"enable_thinking": True}  # unknown: the default
