"""The search panel (Ctrl+K) and where a result leads: the view scrolls to the message.

The panel's queries go to a stand-in for the history thread that holds each job until
the test runs it, so the order answers arrive in is the test's to choose; the jobs run
against a real HistoryStore.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryError, HistoryStore, Message, SearchHit
from chatapp.ui import conversation_view, search_panel
from chatapp.ui.conversation_view import INITIAL_MESSAGES, ConversationView
from chatapp.ui.search_panel import SearchPanel

NOW = datetime(2024, 6, 1, 18, 0).timestamp()
HOSTILE_TITLE = "<img src=x> & <b>Plans</b>"


class Recording:
    """The store as the jobs see it: every query asked is noted."""

    def __init__(self, store: HistoryStore) -> None:
        self.store = store
        self.queries: list[str] = []
        self.failing = False

    def search(self, query: str, limit: int) -> list[SearchHit]:
        self.queries.append(query)
        if self.failing:
            raise HistoryError("The chat history could not be read (test).")
        return self.store.search(query, limit)


class HeldJobs:
    """A history thread that runs a job only when the test says so."""

    def __init__(self, store: Recording) -> None:
        self.store = store
        self.jobs: list[tuple[Callable[[Any], Any], Callable[[Any], None],
                              Callable[[UserFacingError], None] | None]] = []

    def submit(self, job: Callable[[Any], Any], on_done: Callable[[Any], None],
               on_error: Callable[[UserFacingError], None] | None = None) -> None:
        self.jobs.append((job, on_done, on_error))

    def run_next(self) -> None:
        job, on_done, on_error = self.jobs.pop(0)
        try:
            result = job(self.store)
        except UserFacingError as error:
            assert on_error is not None
            on_error(error)
        else:
            on_done(result)

    def run_all(self) -> None:
        while self.jobs:
            self.run_next()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    clock = iter([datetime(2024, 3, 3, 12, 0).timestamp() + n for n in range(100)])
    with HistoryStore(tmp_path / "history.sqlite3", clock=lambda: next(clock)) as opened:
        trip = opened.create_conversation(HOSTILE_TITLE)
        opened.add_message(trip.id, "user", "Trip <script>alert(1)</script> to Lisbon\nin spring")
        opened.add_message(trip.id, "assistant", "Lisbon is lovely in spring.")
        other = opened.create_conversation("Lisbon again")
        opened.add_message(other.id, "user", "More about Lisbon, please.")
        yield opened


@pytest.fixture
def jobs(store: HistoryStore) -> HeldJobs:
    return HeldJobs(Recording(store))


_windows: list[QWidget] = []  # the panel's parent lives as long as the test


def make_panel(qtbot: QtBot, jobs: HeldJobs) -> SearchPanel:
    window = QWidget()
    qtbot.addWidget(window)
    _windows.append(window)
    window.resize(900, 600)
    panel = SearchPanel(jobs, window, clock=lambda: NOW)
    window.show()
    panel.open_panel()
    return panel


@pytest.fixture(autouse=True)
def _close_windows() -> Iterator[None]:
    yield
    _windows.clear()


def shown(panel: SearchPanel) -> str | None:
    """The query the list answers (read afresh: mypy would narrow the attribute)."""
    return panel.shown_query


def marked_pixels(panel: SearchPanel, colour: int) -> int:
    image = panel.results.viewport().grab().toImage()
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixel(x, y) == colour)


def test_typing_runs_one_query_at_a_time_and_shows_only_the_newest(
        qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "lis")  # returns at once: the queries wait their turn
    assert len(jobs.jobs) == 1
    jobs.run_next()  # the answer to "l" arrives: the field says "lis" by now
    assert shown(panel) is None and panel.results.count() == 0
    assert jobs.store.queries == ["l"]
    jobs.run_next()
    assert jobs.store.queries == ["l", "lis"]  # "li" was never asked
    assert shown(panel) == "lis" and len(panel.hits) == 3
    assert panel.results.isVisible() and not jobs.jobs


def test_a_result_shows_its_chat_date_and_the_match_and_nothing_as_markup(
        qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "alert")
    jobs.run_all()
    assert panel.results.count() == 1
    # What a screen reader reads; the delegate draws the same parts as text, never markup.
    day = QLocale().toString(QDate(2024, 3, 3), QLocale.FormatType.ShortFormat)
    assert panel.results.item(0).text() == (
        f"{HOSTILE_TITLE}, {day}. You: Trip <script>alert(1)</script> to Lisbon in spring")
    marker = QColor(search_panel._colours()["mark"]).rgb()
    qtbot.keyClicks(panel.field, "zzz")  # nothing marked: no marker colour anywhere
    jobs.run_all()
    assert marked_pixels(panel, marker) == 0
    panel.field.setText("alert")
    jobs.run_all()
    assert marked_pixels(panel, marker) > 20  # the match, marked


def test_arrows_move_enter_opens_and_the_panel_closes(qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "lisbon")
    jobs.run_all()
    assert panel.results.currentRow() == 0
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    assert panel.results.currentRow() == 1
    chosen: list[tuple[int, int]] = []
    panel.chosen.connect(lambda chat, message: chosen.append((chat, message)))
    with qtbot.waitSignal(panel.closed):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    hit = panel.hits[1]
    assert chosen == [(hit.conversation_id, hit.message_id)]
    assert not panel.isVisible()


def test_a_click_opens_a_result(qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "please")
    jobs.run_all()
    chosen: list[tuple[int, int]] = []
    panel.chosen.connect(lambda chat, message: chosen.append((chat, message)))
    item = panel.results.item(0)
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.results.visualItemRect(item).center())
    assert chosen == [(panel.hits[0].conversation_id, panel.hits[0].message_id)]


def test_esc_closes_and_reopening_searches_the_text_again(
        qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "spring")
    jobs.run_all()
    with qtbot.waitSignal(panel.closed):
        qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    panel.open_panel()
    assert panel.field.selectedText() == "spring"  # typing replaces it
    jobs.run_all()
    assert jobs.store.queries == ["s", "spring", "spring"]  # the chats may have changed


def test_no_match_and_a_failure_are_said_and_the_next_query_still_runs(
        qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "zzz")
    jobs.run_all()
    assert panel.status.isVisible() and panel.status.text() == "No messages match “zzz”."
    assert not panel.results.isVisible()
    jobs.store.failing = True
    qtbot.keyClicks(panel.field, "q")
    qtbot.keyClicks(panel.field, "q")  # waits for the one that fails
    jobs.run_next()
    assert jobs.jobs, "the newest text is asked after the failure"
    jobs.store.failing = False
    jobs.run_next()
    assert panel.shown_query == "zzzqq" and panel.status.text().startswith("No messages")
    jobs.store.failing = True
    qtbot.keyClick(panel.field, Qt.Key.Key_Backspace)
    jobs.run_all()
    assert panel.status.text() == "The chat history could not be read (test)."


def test_clearing_the_field_drops_the_answer_on_its_way(qtbot: QtBot, jobs: HeldJobs) -> None:
    panel = make_panel(qtbot, jobs)
    qtbot.keyClicks(panel.field, "lisbon")
    jobs.run_all()
    assert panel.results.count() == 3
    panel.field.setText("spring")
    panel.field.clear()
    assert panel.results.count() == 0 and not panel.status.isVisible()
    jobs.run_all()  # the answer to "spring" arrives after the field was cleared
    assert panel.results.count() == 0 and panel.shown_query == ""


# -- where a result leads: ConversationView.reveal_message -------------------------------


def message(id_: int, text: str) -> Message:
    now = time.time()
    return Message(id_, 1, "user" if id_ % 2 else "assistant", text, "complete", now, now,
                   None, None, None, None, None, None, None, None)


def make_view(qtbot: QtBot, count: int) -> ConversationView:
    view = ConversationView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_conversation(1, [message(i, f"Message number {i}.") for i in range(1, count + 1)])
    return view


def in_view(view: ConversationView, widget: QWidget) -> bool:
    top = widget.mapTo(view.viewport(), QPoint(0, 0)).y()
    return widget.isVisible() and top < view.viewport().height() and top + widget.height() > 0


def test_reveal_scrolls_to_an_earlier_message_not_yet_shown_and_marks_it(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conversation_view, "REVEAL_MARK_MS", 50)
    view = make_view(qtbot, 60)
    assert len(view.messages) == INITIAL_MESSAGES
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0)  # at the bottom
    assert view.reveal_message(5)
    revealed = view.revealed
    assert revealed is not None and revealed.message is not None
    assert revealed.message.id == 5
    qtbot.waitUntil(lambda: in_view(view, revealed))
    assert not in_view(view, view.messages[-1])
    qtbot.waitUntil(lambda: view.revealed is None)  # the mark is brief
    assert in_view(view, revealed)  # and the view stays where it was
    assert not view.reveal_message(999)


def test_what_the_user_writes_after_a_reveal_is_followed(qtbot: QtBot) -> None:
    view = make_view(qtbot, 30)
    assert view.reveal_message(20)
    revealed = view.revealed
    assert revealed is not None
    qtbot.waitUntil(lambda: in_view(view, revealed))
    view.add_user_message(message(31, "A new question."))
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() and in_view(view, view.messages[-1]))


def test_dates_follow_the_locale() -> None:
    """A result's date is the locale's short format: the time today, the day before."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        earlier = datetime(2024, 3, 3, 9, 30).timestamp()
        today = datetime(2024, 6, 1, 9, 30).timestamp()
        assert search_panel.hit_date(earlier, NOW) == "03.03.24"
        assert search_panel.hit_date(today, NOW) == "09:30"
    finally:
        QLocale.setDefault(before)
