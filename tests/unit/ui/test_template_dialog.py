"""The chat template dialog: the model's own template from its header, Check before Save,
Save and Reset on disk with a signal each; and the Installed tab and pane around it."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chatapp.hardware import detect_hardware
from chatapp.models import template_overrides
from chatapp.models.catalog import load_catalog
from chatapp.models.library import ModelLibrary
from chatapp.paths import AppPaths
from chatapp.ui.model_manager.installed_tab import CUSTOM_TEMPLATE_NOTE, InstalledTab
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.model_manager.template_dialog import ChatTemplateDialog
from chatapp.ui.workers import abandoned
from chatapp.ui.workers.hub_worker import HubController
from chatapp.ui.workers.task_thread import TaskThread
from tests.conftest import LogFail
from tests.unit.gguf.gguf_factory import (
    CHAT_TEMPLATE,
    STR,
    RawGguf,
    base_metadata,
    kv,
    write_with_gguf_writer,
)
from tests.unit.ui.models_pane_fixtures import *  # noqa: F403

GOOD = ("{{ bos_token }}{% for m in messages %}[{{ m.role }}] {{ m.content }}{{ eos_token }}\n"
        "{% endfor %}{% if add_generation_prompt %}[assistant] {% endif %}")
DOES_NOT_COMPILE = "{% for m in messages %}{{ m.content }}"  # no endfor
MANGLES_TEXT = "{% for m in messages %}{{ m.content | upper }}{% endfor %}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "chat_templates"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    (tmp_path / "models").mkdir()
    return write_with_gguf_writer(tmp_path / "models" / "tiny-Q8_0.gguf")


def open_dialog(qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> ChatTemplateDialog:
    dialog = ChatTemplateDialog(model, disk, overrides_folder=folder)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.editor.isEnabled() or dialog.showing_error)
    return dialog


def check(qtbot: QtBot, dialog: ChatTemplateDialog, text: str) -> None:
    dialog.editor.setPlainText(text)
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.check_button.isEnabled)


def test_shows_the_models_own_template_read_from_its_header(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    assert dialog.editor.toPlainText() == CHAT_TEMPLATE
    assert "tiny-Q8_0.gguf" in dialog.windowTitle()
    assert "model's own template" in dialog.source_note.text()
    assert not dialog.save_button.isEnabled()  # nothing checked yet
    assert not dialog.reset_button.isEnabled()  # already the model's own
    assert dialog.state is not None and dialog.state.model.bos_token == "<|im_start|>"
    dialog.reject()


def test_tab_types_a_tab_and_ctrl_tab_leaves_the_editor(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    """The editor is no keyboard trap, and a template can still hold tabs."""
    dialog = open_dialog(qtbot, model, disk, folder)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(dialog.editor.hasFocus)
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab)
    assert dialog.text().endswith("\t") and dialog.editor.hasFocus()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is dialog.preview
    dialog.editor.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and focused is not dialog.editor
    dialog.reject()


@pytest.mark.parametrize(("template", "said"), [(DOES_NOT_COMPILE, "does not compile"),
                                                 (MANGLES_TEXT, "alters message text")])
def test_a_template_that_fails_shows_why_and_cannot_be_saved(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path, template: str,
        said: str) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    check(qtbot, dialog, template)
    assert dialog.showing_error
    assert said in dialog.status.text()
    assert "color" in dialog.status.styleSheet()  # shown in red
    assert dialog.preview.toPlainText() == ""
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def test_a_good_template_renders_the_sample_and_only_the_checked_text_can_be_saved(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    check(qtbot, dialog, GOOD)
    assert not dialog.showing_error
    prompt = dialog.preview.toPlainText()
    assert prompt.startswith("<|im_start|>[system] You are a helpful assistant.<|im_end|>\n")
    assert "[user] What is the capital of France?<|im_end|>\n" in prompt
    assert prompt.endswith("[user] And of Italy?<|im_end|>\n[assistant] ")
    assert dialog.save_button.isEnabled()

    dialog.editor.insertPlainText(" ")  # edited after the check
    assert not dialog.save_button.isEnabled()
    assert "check it again" in dialog.status.text()
    dialog.editor.undo()  # the checked text again, but it must be checked again
    assert not dialog.save_button.isEnabled()
    dialog.reject()
    assert not template_overrides.has_override(model, folder)  # Cancel saves nothing


def test_save_writes_the_override_privately_and_emits(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    check(qtbot, dialog, GOOD)
    with qtbot.waitSignal(dialog.template_changed, timeout=5000) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [model]
    assert template_overrides.load(model, folder) == GOOD
    path = template_overrides.override_path(model, folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saving closes the dialog


def test_an_override_is_shown_and_reset_removes_it(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    template_overrides.save(model, GOOD, folder)
    dialog = open_dialog(qtbot, model, disk, folder)
    assert dialog.editor.toPlainText() == GOOD
    assert "your own template" in dialog.source_note.text()
    assert dialog.reset_button.isEnabled()
    with qtbot.waitSignal(dialog.template_changed, timeout=5000) as changed:
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert changed.args == [model]
    assert not template_overrides.has_override(model, folder)
    assert dialog.editor.toPlainText() == CHAT_TEMPLATE
    assert "model's own template" in dialog.source_note.text()
    assert not dialog.reset_button.isEnabled()
    dialog.reject()


def test_reset_without_an_override_only_restores_the_text(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    dialog.editor.setPlainText(GOOD)
    assert dialog.reset_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.template_changed, wait=200):
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert dialog.editor.toPlainText() == CHAT_TEMPLATE
    dialog.reject()


def test_a_damaged_override_is_reported_and_can_be_reset(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    folder.mkdir(parents=True)
    template_overrides.override_path(model, folder).write_bytes(b"\xff\xfe")
    dialog = open_dialog(qtbot, model, disk, folder)
    assert dialog.showing_error and "not valid UTF-8" in dialog.status.text()
    assert dialog.editor.toPlainText() == CHAT_TEMPLATE
    assert dialog.reset_button.isEnabled()
    with qtbot.waitSignal(dialog.template_changed, timeout=5000):
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert not template_overrides.override_path(model, folder).exists()
    dialog.reject()


def test_a_model_without_a_template_says_so(
        qtbot: QtBot, tmp_path: Path, disk: TaskThread, folder: Path) -> None:
    kvs = [k for k in base_metadata() if b"tokenizer.chat_template" not in k]
    base = RawGguf(kvs=kvs).write(tmp_path / "base.gguf")
    dialog = open_dialog(qtbot, base, disk, folder)
    assert dialog.editor.toPlainText() == ""
    assert "no chat template of its own" in dialog.source_note.text()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.showing_error and "empty" in dialog.status.text()
    check(qtbot, dialog, GOOD)
    assert dialog.save_button.isEnabled()
    dialog.reject()


def test_the_text_is_kept_exactly_but_for_line_ends(
        qtbot: QtBot, tmp_path: Path, disk: TaskThread, folder: Path) -> None:
    """No-break spaces stay (a plain-text editor's text would make them spaces); a
    template whose lines end in CR LF is still the model's own, unedited."""
    own = "{% for m in messages %}\u00a0{{ m.content }}\r\n{% endfor %}\r\n"
    kvs = [k for k in base_metadata() if b"tokenizer.chat_template" not in k]
    path = RawGguf(kvs=[*kvs, kv("tokenizer.chat_template", STR, own)]).write(
        tmp_path / "nbsp.gguf")
    dialog = open_dialog(qtbot, path, disk, folder)
    assert dialog.text() == own.replace("\r\n", "\n")
    assert "model's own template" in dialog.source_note.text()
    assert not dialog.reset_button.isEnabled()
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert "\u00a0What is the capital of France?\u2029" in dialog.preview.document().toRawText()
    with qtbot.waitSignal(dialog.template_changed, timeout=5000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert template_overrides.load(path, folder) == own.replace("\r\n", "\n")


def test_a_file_that_is_not_a_model_shows_why(
        qtbot: QtBot, tmp_path: Path, disk: TaskThread, folder: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\xff" * 40)
    dialog = open_dialog(qtbot, broken, disk, folder)
    assert dialog.showing_error
    assert not dialog.editor.isEnabled()
    assert not any(b.isEnabled() for b in (dialog.check_button, dialog.save_button,
                                          dialog.reset_button))
    dialog.reject()


# About a second of rendering on this machine: long enough to act while it runs.
SLOW = ("{% for i in range(1000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}"
        + GOOD)


def test_text_edited_while_it_is_checked_is_not_taken_as_checked(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    dialog.editor.setPlainText(SLOW)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.check_button.text() == "Checking…" and not dialog.check_button.isEnabled()
    dialog.editor.setPlainText(GOOD)
    qtbot.waitUntil(dialog.check_button.isEnabled, timeout=30_000)
    assert "Changed while it was checked" in dialog.status.text()
    assert not dialog.save_button.isEnabled()
    assert dialog.preview.toPlainText() == ""
    dialog.reject()


@pytest.mark.expect_log("chatapp.ui.workers.task_thread", "template check thread is still busy")
def test_closing_during_a_check_leaves_the_render_behind(
        qtbot: QtBot, model: Path, disk: TaskThread, folder: Path, logfail: LogFail) -> None:
    dialog = open_dialog(qtbot, model, disk, folder)
    dialog.editor.setPlainText(SLOW)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.wait(300)  # rendering now
    started = time.monotonic()
    with qtbot.assertNotEmitted(dialog.template_changed):
        dialog.reject()
    assert time.monotonic() - started < 1.0  # the window does not wait for the render
    assert any("abandoned" in r.getMessage() for r in logfail.records)
    assert abandoned.wait_all(60)  # it ends by itself
    assert not template_overrides.has_override(model, folder)


def test_screenshot(qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> None:
    """An offscreen picture of the dialog after a check, for a person to look at."""
    dialog = open_dialog(qtbot, model, disk, folder)
    check(qtbot, dialog, GOOD)
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert dialog.grab().save("/tmp/chat_template_dialog.png")
    check(qtbot, dialog, DOES_NOT_COMPILE)
    assert dialog.grab().save("/tmp/chat_template_dialog_error.png")
    dialog.reject()


# -- the Installed tab --------------------------------------------------------------------


def cell(tab: InstalledTab, row: int) -> str:
    item = tab.table.item(row, 0)
    return item.text() if item is not None else ""


@pytest.fixture
def tab(qtbot: QtBot, model: Path, disk: TaskThread, folder: Path) -> InstalledTab:
    library = ModelLibrary(model.parent, model.parent.parent / "imported.json")
    tab = InstalledTab(library, disk, detect_hardware(), templates_folder=folder)
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1)
    return tab


def test_the_installed_tab_opens_the_dialog_and_marks_a_custom_template(
        qtbot: QtBot, tab: InstalledTab, model: Path, folder: Path) -> None:
    assert not tab.template_button.isEnabled()  # nothing selected
    tab.table.selectRow(0)
    assert tab.template_button.isEnabled()
    qtbot.mouseClick(tab.template_button, Qt.MouseButton.LeftButton)
    opened = tab.template_dialog
    assert opened is not None and opened.model_path == model
    dialog = opened
    qtbot.waitUntil(dialog.editor.isEnabled)
    check(qtbot, dialog, GOOD)
    with qtbot.waitSignal(tab.chat_template_changed, timeout=5000) as changed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert changed.args == [model]
    qtbot.waitUntil(lambda: cell(tab, 0).endswith(CUSTOM_TEMPLATE_NOTE))  # read again
    assert "Saved your chat template" in tab.message.text()

    qtbot.waitUntil(lambda: tab.template_dialog is None)  # the closed dialog is gone
    tab.table.selectRow(0)
    again = tab.open_template_dialog()
    assert again is not None
    qtbot.waitUntil(again.reset_button.isEnabled)
    with qtbot.waitSignal(tab.chat_template_changed, timeout=5000):
        qtbot.mouseClick(again.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell(tab, 0) == model.name)
    assert "uses its own chat template again" in tab.message.text()
    again.reject()


def test_the_pane_tells_of_a_changed_template(qtbot: QtBot, app_paths: AppPaths,
                                              disk: TaskThread) -> None:
    """The pane's signal, which the window connects to the loaded model."""
    hub = HubController(app_paths.models_dir, "http://127.0.0.1:9")  # never contacted
    secrets = TaskThread("secrets")
    try:
        pane = ModelsPane(library=ModelLibrary(app_paths.models_dir, app_paths.models_registry),
                          catalog=load_catalog(), hardware=detect_hardware(), disk=disk,
                          hub=hub, secrets=secrets)
        qtbot.addWidget(pane)
        path = app_paths.models_dir / "some.gguf"
        with qtbot.waitSignal(pane.chat_template_changed, timeout=1000) as changed:
            pane.installed.chat_template_changed.emit(path)
        assert changed.args == [path]
    finally:
        hub.request_stop()
        hub.wait_stopped(time.monotonic() + 5)
        secrets.shutdown(time.monotonic() + 5)
