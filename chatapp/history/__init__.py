"""Chat history: conversations and messages stored in a private SQLite database."""

from chatapp.history.store import (
    MATCH_END,
    MATCH_START,
    Conversation,
    HistoryDamagedError,
    HistoryError,
    HistoryNotFoundError,
    HistoryStore,
    HistoryTooNewError,
    HistoryValueError,
    Message,
    ReplyStats,
    SearchHit,
    quarantine_damaged,
    snippet_to_html,
    title_from_first_message,
)

__all__ = [
    "MATCH_END",
    "MATCH_START",
    "Conversation",
    "HistoryDamagedError",
    "HistoryError",
    "HistoryNotFoundError",
    "HistoryStore",
    "HistoryTooNewError",
    "HistoryValueError",
    "Message",
    "ReplyStats",
    "SearchHit",
    "quarantine_damaged",
    "snippet_to_html",
    "title_from_first_message",
]
