from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from chatapp.documents.reading import KINDS_READ
from chatapp.history.store import Attachment
from chatapp.reasoning.formats import NO_CONTROL, ThinkingChoice, ThinkingControl
from chatapp.ui.attachment_chips import AttachmentChip
from chatapp.ui.composer import (
    KINDS_SHOWN,
    MAX_ATTACHMENTS,
    Composer,
    ComposerState,
    image_refused,
)


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


# -- attachments ---------------------------------------------------------------------------

SHA = "ab" * 32


def attached(composer: Composer) -> list[tuple[Path, AttachmentChip]]:
    given: list[tuple[Path, AttachmentChip]] = []
    composer.files_attached.connect(given.extend)
    return given


def reading(composer: Composer) -> bool:
    return composer.reading


def test_files_become_chips_read_then_sent_with_the_message(qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    sent: list[str] = []
    composer.send_requested.connect(sent.append)
    composer.attach_paths([tmp_path / "cat.txt", tmp_path / "photo.txt"])
    assert [p.name for p, _ in given] == ["cat.txt", "photo.txt"]
    assert composer.chips.isVisible()
    qtbot.keyClicks(composer.edit, "What is the cat called?")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == []  # not while a file is being read
    assert "still being read" in composer.hint.text()
    assert composer.reading
    cat = Attachment("cat.txt", SHA, 46, "text")
    composer.attachment_ready(given[0][1], cat)
    composer.attachment_refused(given[1][1], "“photo.txt” is not text.")
    assert not reading(composer)
    assert given[1][1].detail_label.text() == "not attached"
    assert composer.hint.isVisible() and composer.hint.text() == "“photo.txt” is not text."
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == ["What is the cat called?"]
    assert composer.attachments() == [cat]  # the refused file is not sent
    composer.clear_draft()
    assert composer.chips.chips == [] and composer.attachments() == []


def test_files_alone_can_be_sent_and_a_chip_removed(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    sent: list[str] = []
    composer.send_requested.connect(sent.append)
    composer.attach_paths([tmp_path / "a.md", tmp_path / "b.md"])
    a, b = (chip for _, chip in given)
    composer.attachment_ready(a, Attachment("a.md", SHA, 1, "markdown"))
    assert b.remove_button is not None
    b.remove_button.click()  # removed while being read: its answer is ignored
    composer.attachment_ready(b, Attachment("b.md", "cd" * 32, 1, "markdown"))
    assert composer.chips.chips == [a]
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent == [""] and [x.name for x in composer.attachments()] == ["a.md"]


def test_too_many_files_are_left_out_and_said(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    composer.attach_paths([tmp_path / f"{n}.txt" for n in range(MAX_ATTACHMENTS + 3)])
    assert len(given) == MAX_ATTACHMENTS
    assert "3 were left out" in composer.hint.text()


def test_files_dropped_or_pasted_on_the_box_are_attached(qtbot: QtBot,
                                                         tmp_path: Path) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(tmp_path / "report.pdf")),
                   QUrl("https://example.org/page")])
    assert composer.edit.canInsertFromMimeData(files)
    composer.edit.insertFromMimeData(files)
    assert [p for p, _ in given] == [tmp_path / "report.pdf"]
    assert composer.edit.toPlainText() == ""  # not the path as text
    text = QMimeData()
    text.setText("plain words")
    composer.edit.insertFromMimeData(text)
    assert composer.edit.toPlainText() == "plain words"


def test_a_pasted_image_is_refused_with_the_reason(qtbot: QtBot) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    image = QMimeData()
    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(0)
    image.setImageData(picture)
    assert composer.edit.canInsertFromMimeData(image)
    composer.edit.insertFromMimeData(image)
    assert given == []
    (chip,) = composer.chips.chips
    assert chip.error == image_refused() and "not a document" in image_refused()
    assert composer.hint.text() == image_refused()
    assert chip.remove_button is not None
    chip.remove_button.click()
    assert composer.chips.chips == [] and composer.hint.isHidden()
    assert composer.attachments() == []


def test_files_wait_while_a_message_is_being_saved(qtbot: QtBot, tmp_path: Path) -> None:
    composer = make(qtbot)
    composer.set_state(ComposerState.READY)
    given = attached(composer)
    composer.attach_paths([tmp_path / "a.txt"])
    composer.set_state(ComposerState.SENDING)
    chip = given[0][1]
    assert not composer.attach_button.isEnabled()
    assert chip.remove_button is not None and not chip.remove_button.isEnabled()
    composer.attach_paths([tmp_path / "b.txt"])
    assert len(given) == 1


def test_the_buttons_have_icons_names_and_tooltips(qtbot: QtBot) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    for button in (composer.send_button, composer.stop_button, composer.attach_button):
        assert not button.icon().isNull()
        assert button.toolTip()
    assert composer.attach_button.accessibleName() == "Attach files"
    assert composer.edit.accessibleName() == "Message" and composer.edit.accessibleDescription()


def test_the_kinds_of_file_are_those_the_reader_reads() -> None:
    assert KINDS_SHOWN == KINDS_READ
