"""The chat list as people read it: pinned chats first, the rest under the day they last
changed; and chats deleted with an Undo still on offer.

Days are calendar days in the user's local time: a chat from 23:50 is "Yesterday" ten
minutes later. They are told apart by their dates, never by counting 24-hour spans (a
day with a clock change has 23 or 25 hours).
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime

from chatapp.history.store import Conversation, HistoryNotFoundError, HistoryStore
from chatapp.i18n import QT_TRANSLATE_NOOP

__all__ = ["ChatGroup", "Group", "PendingDelete", "chat_group", "delete_conversations",
           "group_conversations", "pin_conversations"]


class ChatGroup(enum.StrEnum):
    """The headings of the list, in the order they are shown (English; the list shows
    them translated, ui/conversation_list.group_heading)."""

    PINNED = QT_TRANSLATE_NOOP("ChatList", "Pinned")
    TODAY = QT_TRANSLATE_NOOP("ChatList", "Today")
    YESTERDAY = QT_TRANSLATE_NOOP("ChatList", "Yesterday")
    PREVIOUS_7_DAYS = QT_TRANSLATE_NOOP("ChatList", "Previous 7 days")
    OLDER = QT_TRANSLATE_NOOP("ChatList", "Older")


@dataclass(frozen=True)
class Group:
    title: ChatGroup
    conversations: tuple[Conversation, ...]


def chat_group(conversation: Conversation, now: datetime) -> ChatGroup:
    """The heading ``conversation`` is listed under, ``now`` being the local time (naive
    local time, as ``datetime.now()``, or aware: its zone is then the one that counts)."""
    if conversation.pinned:
        return ChatGroup.PINNED
    changed = datetime.fromtimestamp(conversation.updated_at, now.tzinfo)
    days_ago = (now.date() - changed.date()).days
    if days_ago <= 0:  # today, or a clock set back since: not "older" than today
        return ChatGroup.TODAY
    if days_ago == 1:
        return ChatGroup.YESTERDAY
    if days_ago <= 7:
        return ChatGroup.PREVIOUS_7_DAYS
    return ChatGroup.OLDER


def group_conversations(conversations: Iterable[Conversation], now: datetime) -> list[Group]:
    """The non-empty groups in heading order; each keeps the order it was given (the
    history lists the most recently changed first)."""
    found: dict[ChatGroup, list[Conversation]] = {group: [] for group in ChatGroup}
    for conversation in conversations:
        found[chat_group(conversation, now)].append(conversation)
    return [Group(title, tuple(chats)) for title, chats in found.items() if chats]


@dataclass(frozen=True, eq=False)  # compared by identity: each delete is its own
class PendingDelete:
    """Chats the user deleted while Undo is on offer: hidden from the list, still in the
    history until the offer ends."""

    ids: frozenset[int]
    reopen: int | None  # the chat that was open (the view moved to a new chat): Undo
    view: int  # ... opens it again if the view has not moved on since (ChatSession._view)


def delete_conversations(store: HistoryStore, conversation_ids: Collection[int]) -> None:
    """Delete the chats; one already gone is what was wanted anyway."""
    for conversation_id in sorted(conversation_ids):
        try:
            store.delete_conversation(conversation_id)
        except HistoryNotFoundError:
            continue


def pin_conversations(store: HistoryStore, conversation_ids: Collection[int],
                      pinned: bool) -> None:
    for conversation_id in sorted(conversation_ids):
        store.set_pinned(conversation_id, pinned)
