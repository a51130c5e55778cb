"""The Models pane to a screen reader and a keyboard: every control it shows is named (as
QAccessible reports it, the name assistive technology reads), icon-only buttons have
tooltips, and Tab goes from the search field to the results to what acts on them.

Offscreen, with every tab filled: the catalog, a repository of the stand-in hub with a
file's header read, the starter model installed, a download in the queue, and the chat
template dialog open on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chatapp.formatting import format_bytes
from chatapp.hub.downloads import DownloadState, DownloadStatus
from chatapp.paths import AppPaths
from chatapp.ui.model_manager.bidi import isolated
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.model_manager.template_dialog import ChatTemplateDialog
from tests.hub_stand_in.content import TINY_REPO
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.unit.ui.models_pane_fixtures import *  # noqa: F403

TIMEOUT_MS = 20_000
CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QTextEdit, QComboBox,
            QAbstractSpinBox, QAbstractItemView, QTabWidget, QTabBar, QProgressBar)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader reads as the widget's name (its own, or its text)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, widget
    return interface.text(QAccessible.Text.Name).strip()


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls shown under ``root`` that a screen reader would read without a name,
    and icon-only buttons without a tooltip."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        # A table's headers are read as its column headers, not as controls of their own.
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView) \
                or not widget.isVisibleTo(root):
            continue
        label = f"{type(widget).__name__} {widget.objectName()!r}"
        if not accessible_name(widget):
            problems.append(f"{label}: no accessible name")
        if isinstance(widget, QAbstractButton) and not widget.text() \
                and not widget.toolTip():
            problems.append(f"{label}: icon only, no tooltip")
        if isinstance(widget, QTabWidget):
            problems.extend(f"{label}: tab {i} has no title" for i in range(widget.count())
                            if not widget.tabText(i).strip())
    return problems


def fill_the_search_tab(qtbot: QtBot, pane: ModelsPane) -> None:
    """A repository listed, a file selected and its header read (Download enabled)."""
    tab = pane.search
    pane.tabs.setCurrentWidget(tab)
    tab.search_edit.setText("tiny")
    tab.search()
    qtbot.waitUntil(lambda: any(r.repo_id == TINY_REPO for r in tab.repos), timeout=TIMEOUT_MS)
    # As a click does (selectRow selects nothing in a right-to-left table not yet laid out).
    tab.repo_table.setCurrentCell(
        next(i for i, r in enumerate(tab.repos) if r.repo_id == TINY_REPO), 0)
    qtbot.waitUntil(lambda: tab.listing is not None and tab.file_table.rowCount() > 0,
                    timeout=TIMEOUT_MS)
    tab.file_table.setCurrentCell(0, 0)
    qtbot.waitUntil(tab.download_button.isEnabled, timeout=TIMEOUT_MS)


def a_download(state: DownloadState) -> DownloadStatus:
    return DownloadStatus(job_id=f"job-{state}", name=f"Some model ({state})",
                          repo_id="someone/model", revision="main", commit=None,
                          files=("model.gguf",), state=state, bytes_done=10,
                          total_bytes=100, speed=5.0, eta=18.0, error=None)


def test_every_control_of_every_tab_has_an_accessible_name(
        qtbot: QtBot, pane: ModelsPane, app_paths: AppPaths, model_path: Path) -> None:
    shutil.copyfile(model_path, app_paths.models_dir / model_path.name)
    for state in (DownloadState.RUNNING, DownloadState.PAUSED, DownloadState.FAILED):
        pane.downloads.update_status(a_download(state))
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: pane.recommended.table.rowCount() > 0, timeout=TIMEOUT_MS)
    assert unnamed_controls(pane) == []

    fill_the_search_tab(qtbot, pane)
    assert unnamed_controls(pane) == []

    pane.tabs.setCurrentWidget(pane.installed)
    qtbot.waitUntil(lambda: pane.installed.table.rowCount() == 1, timeout=TIMEOUT_MS)
    pane.installed.table.selectRow(0)
    assert unnamed_controls(pane) == []

    dialog = pane.installed.open_template_dialog()
    assert isinstance(dialog, ChatTemplateDialog)
    qtbot.waitUntil(lambda: dialog.state is not None, timeout=TIMEOUT_MS)
    try:
        assert unnamed_controls(dialog) == []
    finally:
        dialog.reject()


def test_the_tables_say_what_their_rows_are(qtbot: QtBot, pane: ModelsPane) -> None:
    tables = (pane.recommended.table, pane.search.repo_table, pane.search.file_table,
              pane.installed.table)
    for table in tables:
        assert accessible_name(table), table.objectName()
        assert "row" in table.accessibleDescription(), table.objectName()
    assert len({accessible_name(t) for t in tables}) == len(tables)  # told apart


def test_the_same_buttons_of_different_rows_are_told_apart(qtbot: QtBot,
                                                           pane: ModelsPane) -> None:
    """A screen reader that lists the buttons says which model or download each acts on."""
    for state in (DownloadState.RUNNING, DownloadState.QUEUED):
        pane.downloads.update_status(a_download(state))
    pause_names = [row.pause_button.accessibleName() for row in pane.downloads.rows.values()]
    assert len(set(pause_names)) == 2
    assert all(name.startswith("Pause") for name in pause_names)
    bars = [row.bar for row in pane.downloads.rows.values()]
    done = f"{format_bytes(10)} of {format_bytes(100)}"  # what the row's text says too
    assert all(accessible_name(bar) and done in bar.accessibleDescription() for bar in bars)

    table = pane.recommended.table
    buttons = [table.cellWidget(row, table.columnCount() - 1) for row in range(
        table.rowCount())]
    names = [accessible_name(b) for b in buttons if isinstance(b, QAbstractButton)]
    assert len(names) == table.rowCount() and len(set(names)) == len(names)


def test_tab_goes_from_the_search_field_to_the_results_to_the_actions(
        qtbot: QtBot, pane: ModelsPane) -> None:
    pane.show()
    qtbot.waitExposed(pane)
    fill_the_search_tab(qtbot, pane)
    tab = pane.search
    pane.activateWindow()
    tab.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.search_edit)
    expected = [tab.search_button, tab.repo_table]
    if tab.more_button.isVisible():
        expected.append(tab.more_button)
    expected += [tab.file_table, tab.download_button, pane.token_box.edit]
    reached = []
    for _ in expected:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert [w.objectName() if w else None for w in reached] == \
        [w.objectName() for w in expected]


def test_the_pane_mirrors_right_to_left(qtbot: QtBot, pane: ModelsPane) -> None:
    """In Arabic the search's Download button sits at the leading edge (the left one) and
    the repositories come first from the right; numbers keep their trailing alignment."""
    pane.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    pane.show()
    qtbot.waitExposed(pane)
    fill_the_search_tab(qtbot, pane)
    tab = pane.search
    button = tab.download_button
    column = button.parentWidget()
    assert column is not None
    assert button.geometry().right() < column.width() / 2
    repos_x = tab.repo_table.mapTo(tab, QPoint(0, 0)).x()
    files_x = tab.file_table.mapTo(tab, QPoint(0, 0)).x()
    assert repos_x > files_x
    downloads = tab.repo_table.item(0, 1)
    assert downloads is not None
    assert Qt.AlignmentFlag(downloads.textAlignment()) & Qt.AlignmentFlag.AlignTrailing


def test_a_model_is_selected_right_to_left(qtbot: QtBot, pane: ModelsPane,
                                           app_paths: AppPaths, model_path: Path) -> None:
    """The Installed tab selects a model by itself (after an import, after a refresh) in a
    right-to-left layout too, where QTableView.selectRow selects nothing."""
    path = app_paths.models_dir / model_path.name
    shutil.copyfile(model_path, path)
    pane.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    pane.show()
    qtbot.waitExposed(pane)
    pane.tabs.setCurrentWidget(pane.installed)
    qtbot.waitUntil(lambda: pane.installed.table.rowCount() == 1, timeout=TIMEOUT_MS)
    pane.installed.select(path)
    assert pane.installed.selected() == path
    assert pane.installed.load_button.isEnabled()


def paragraph_starts_at_right(text: str) -> bool:
    """Whether Qt lays ``text`` out as a right-to-left paragraph (its first character at the
    right end), with the direction taken from the text, as a label does."""
    layout = QTextLayout(text)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    start = line.cursorToX(0)  # (x, cursor position) in PySide6
    assert isinstance(start, tuple)
    return float(start[0]) > line.naturalTextWidth() / 2


def test_an_isolated_name_leaves_an_arabic_sentence_right_to_left(qtbot: QtBot) -> None:
    """A message that starts with a repository id runs as its Arabic words do."""
    arabic = "{repository}: نموذجان بصيغة GGUF."
    assert not paragraph_starts_at_right(arabic.format(repository="someone/model"))
    assert paragraph_starts_at_right(arabic.format(repository=isolated("someone/model")))
    assert not paragraph_starts_at_right(f"Listing {isolated('نموذج')}…")  # and English
