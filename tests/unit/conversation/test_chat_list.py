"""The chat list's groups by local calendar day, and deleting several chats."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from chatapp.conversation.chat_list import (
    ChatGroup,
    chat_group,
    delete_conversations,
    group_conversations,
    pin_conversations,
)
from chatapp.history.store import Conversation, HistoryStore

TOKYO = timezone(timedelta(hours=9))  # a fixed zone: the test means the same anywhere
NOW = datetime(2025, 3, 12, 0, 30, tzinfo=TOKYO)  # half an hour into Wednesday


def chat(id_: int, updated: datetime, *, pinned: bool = False) -> Conversation:
    stamp = updated.timestamp()
    return Conversation(id_, f"Chat {id_}", stamp, stamp, None, 0, pinned=pinned)


@pytest.mark.parametrize(("updated", "group"), [
    (NOW, ChatGroup.TODAY),
    (datetime(2025, 3, 12, 0, 0, tzinfo=TOKYO), ChatGroup.TODAY),
    (datetime(2025, 3, 11, 23, 59, tzinfo=TOKYO), ChatGroup.YESTERDAY),  # 31 minutes ago
    (datetime(2025, 3, 11, 0, 0, tzinfo=TOKYO), ChatGroup.YESTERDAY),
    (datetime(2025, 3, 10, 23, 59, tzinfo=TOKYO), ChatGroup.PREVIOUS_7_DAYS),
    (datetime(2025, 3, 5, 0, 0, tzinfo=TOKYO), ChatGroup.PREVIOUS_7_DAYS),  # a week ago
    (datetime(2025, 3, 4, 23, 59, tzinfo=TOKYO), ChatGroup.OLDER),
    (datetime(2019, 1, 1, tzinfo=TOKYO), ChatGroup.OLDER),
    (datetime(2025, 3, 13, 9, 0, tzinfo=TOKYO), ChatGroup.TODAY),  # the clock went back
])
def test_groups_are_local_calendar_days(updated: datetime, group: ChatGroup) -> None:
    assert chat_group(chat(1, updated), NOW) is group


def test_the_day_is_the_one_of_the_zone_now_is_in() -> None:
    # 20:00 on the 11th in UTC is 05:00 on the 12th in Tokyo.
    evening = chat(1, datetime(2025, 3, 11, 20, 0, tzinfo=UTC))
    assert chat_group(evening, NOW) is ChatGroup.TODAY
    utc_night = datetime(2025, 3, 11, 23, 0, tzinfo=UTC)  # 08:00 on the 12th in Tokyo
    assert chat_group(evening, utc_night) is ChatGroup.TODAY
    assert chat_group(evening, utc_night + timedelta(hours=1)) is ChatGroup.YESTERDAY


def test_naive_now_means_this_computer_s_local_time() -> None:
    now = datetime.combine(datetime.now().date(), time(12, 0))
    yesterday_late = datetime.combine(now.date() - timedelta(days=1), time(23, 30))
    today_early = datetime.combine(now.date(), time(0, 30))
    assert chat_group(chat(1, yesterday_late), now) is ChatGroup.YESTERDAY
    assert chat_group(chat(2, today_early), now) is ChatGroup.TODAY


def test_groups_come_in_heading_order_and_keep_the_given_order() -> None:
    chats = [
        chat(9, datetime(2024, 1, 1, tzinfo=TOKYO), pinned=True),  # pinned: by no date
        chat(8, NOW, pinned=True),
        chat(7, NOW),
        chat(6, NOW - timedelta(minutes=5)),
        chat(5, NOW - timedelta(days=1)),
        chat(4, NOW - timedelta(days=30)),
        chat(3, NOW - timedelta(days=3)),  # out of order: it stays after 4 in its group
        chat(2, NOW - timedelta(days=2)),
    ]
    groups = group_conversations(chats, NOW)
    assert [(g.title, [c.id for c in g.conversations]) for g in groups] == [
        (ChatGroup.PINNED, [9, 8]),
        (ChatGroup.TODAY, [7, 6]),
        (ChatGroup.YESTERDAY, [5]),
        (ChatGroup.PREVIOUS_7_DAYS, [3, 2]),
        (ChatGroup.OLDER, [4]),
    ]
    assert [str(g.title) for g in groups] == ["Pinned", "Today", "Yesterday",
                                              "Previous 7 days", "Older"]
    assert group_conversations([], NOW) == []


def test_delete_and_pin_several(tmp_path: Path) -> None:
    with HistoryStore(tmp_path / "history.db") as store:
        ids = [store.create_conversation(f"Chat {i}").id for i in range(4)]
        store.add_message(ids[0], "user", "Hello")
        pin_conversations(store, ids[2:], True)
        assert [c.id for c in store.list_conversations() if c.pinned] == [ids[3], ids[2]]
        store.delete_conversation(ids[1])  # gone already: not an error
        delete_conversations(store, [ids[0], ids[1], ids[3]])
        assert [c.id for c in store.list_conversations()] == [ids[2]]
