"""Search as you type and find in a chat, without Qt: which query runs, what matches."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.conversation.search import (
    FindMatch,
    LatestQuery,
    find_matches,
    find_spans,
    hit_date,
    snippet_runs,
    step,
)
from chatapp.history.store import MATCH_END, MATCH_START


def test_latest_query_runs_one_at_a_time_and_skips_what_was_typed_between() -> None:
    latest = LatestQuery()
    assert latest.typed("p") == "p"
    assert latest.typed("py") is None  # "p" is still running
    assert latest.typed("pyt") is None
    assert latest.answered("p") == (False, "pyt")  # "py" is never asked
    assert latest.answered("pyt") == (True, None)


def test_latest_query_asks_nothing_for_blank_text_and_drops_the_answer_on_the_way() -> None:
    latest = LatestQuery()
    assert latest.typed("   ") is None
    assert latest.typed("lis") == "lis"
    assert latest.typed("") is None
    assert latest.answered("lis") == (False, None)
    assert latest.typed("lisbon") == "lisbon"


def test_latest_query_refuses_an_answer_to_a_query_it_did_not_run() -> None:
    latest = LatestQuery()
    latest.typed("a")
    with pytest.raises(ValueError, match="not the query running"):
        latest.answered("b")


@given(st.lists(st.one_of(st.text(alphabet="ab ", max_size=3), st.none()), max_size=30))
def test_latest_query_shows_only_answers_to_the_text_in_the_field(
        events: list[str | None]) -> None:
    """Any typing, with answers arriving in between (None: the running query answers):
    one query at a time, never a blank one, only answers to the text the field shows,
    and once the answers stop coming the field's text is the one answered."""
    latest = LatestQuery()
    field = ""
    running: str | None = None
    shown: str | None = None

    def answer() -> None:
        nonlocal running, shown
        assert running is not None
        show, next_query = latest.answered(running)
        if show:
            assert running == field
            shown = running
        running = next_query
        assert running is None or running.strip()

    for event in events:
        if event is None:
            if running is not None:
                answer()
            continue
        field = event
        started = latest.typed(field)
        if started is not None:
            assert running is None and started == field and started.strip()
            running = started
    while running is not None:
        answer()
    if field.strip():
        assert shown == field


def test_find_spans_ignores_case_and_keeps_offsets_of_the_text_itself() -> None:
    text = "İstanbul: the Lighthouse, a LIGHTHOUSE, lighthouses"
    spans = find_spans(text, "lighthouse")
    assert [text[s:s + n] for s, n in spans] == ["Lighthouse", "LIGHTHOUSE", "lighthouse"]
    assert find_spans("c++ (x) and c+++", "c++") == [(0, 3), (12, 3)]  # not a pattern
    assert find_spans("aaaa", "aa") == [(0, 2), (2, 2)]  # no overlaps
    assert find_spans("anything", "") == []


def test_find_matches_in_reading_order() -> None:
    texts = ["no", "one Sea", "sea and sea"]
    assert find_matches(texts, "sea") == [FindMatch(1, 4, 3), FindMatch(2, 0, 3),
                                          FindMatch(2, 8, 3)]


def test_step_goes_round_at_either_end() -> None:
    matches = find_matches(["x x x"], "x")
    assert step(matches, None, True) == 0 and step(matches, None, False) == 2
    assert step(matches, 2, True) == 0 and step(matches, 0, False) == 2
    assert step(matches, 1, True) == 2
    assert step([], None, True) is None and step([], 3, False) is None


def test_snippet_runs_tell_the_matches_and_keep_markup_as_text() -> None:
    snippet = f"…a <b>{MATCH_START}bold{MATCH_END}</b>\n\n  and {MATCH_START}more{MATCH_END}"
    assert snippet_runs(snippet) == [("…a <b>", False), ("bold", True), ("</b> and ", False),
                                     ("more", True)]
    assert snippet_runs("") == []


def test_hit_date_is_as_short_as_is_clear() -> None:
    now = datetime(2024, 6, 1, 18, 0).timestamp()
    assert hit_date(datetime(2024, 6, 1, 9, 5).timestamp(), now) == "09:05"
    assert hit_date(datetime(2024, 3, 3, 23, 59).timestamp(), now) == "3 Mar"
    assert hit_date(datetime(2023, 12, 31, 12, 0).timestamp(), now) == "31 Dec 2023"
