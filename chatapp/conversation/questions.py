"""Saving what the user asks, before anything else happens with it.

A message appears in the conversation only once it is in the history, so a crash at any
moment after the user saw it sent never loses it. A chat that does not exist yet (the
first message of a new chat) is created in the same step, and named after that message.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chatapp.history.store import (
    Attachment,
    Conversation,
    HistoryStore,
    HistoryValueError,
    Message,
    title_from_first_message,
)
from chatapp.i18n import translate
from chatapp.vocabulary import DEFAULT_TITLE, Role

__all__ = ["SavedQuestion", "save_edited_question", "save_question"]


@dataclass(frozen=True)
class SavedQuestion:
    conversation: Conversation  # as it is after the question was added (title included)
    message: Message
    created: bool  # the chat was created for this question


def save_question(store: HistoryStore, conversation_id: int | None, text: str, *,
                  thinking: str | None = None,
                  settings: Mapping[str, object] | None = None,
                  attachments: Sequence[Attachment] = ()) -> SavedQuestion:
    """Add the user's message (creating the chat when ``conversation_id`` is None, with
    the thinking choice and the settings (e.g. a preset's) made for it before it existed),
    with its attachments (kept already: conversation.attachments)."""
    created = conversation_id is None
    if conversation_id is None:
        conversation = store.create_conversation(title_from_first_message(text))
        if thinking is not None:
            store.set_thinking(conversation.id, thinking)
        if settings:
            store.set_conversation_settings(conversation.id, settings)
    else:
        conversation = store.get_conversation(conversation_id)
    message = store.add_message(conversation.id, Role.USER, text, attachments=attachments)
    if not created and conversation.message_count == 0 and conversation.title == DEFAULT_TITLE:
        store.rename_conversation(conversation.id, title_from_first_message(text))
    return SavedQuestion(store.get_conversation(conversation.id), message, created)


def save_edited_question(store: HistoryStore, message_id: int, text: str, *,
                         attachments: Sequence[Attachment] | None = None) -> SavedQuestion:
    """Ask an earlier question again, changed: the new one is a sibling of the old (same
    parent), so the old question and everything after it stay, on their own branch. It
    keeps the old one's attachments unless ``attachments`` says otherwise."""
    original = store.get_message(message_id)
    if original.role != Role.USER:
        raise HistoryValueError(translate(
            "ChatReply", "Only your own messages are asked again when edited."))
    if attachments is None:
        attachments = [Attachment(a.name, a.sha256, a.size, a.kind)
                       for a in store.list_attachments(message_id)]
    message = store.add_message(original.conversation_id, Role.USER, text,
                                parent_id=original.parent_id, attachments=attachments)
    return SavedQuestion(store.get_conversation(original.conversation_id), message, False)
