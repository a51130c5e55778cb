"""A chat as exported or imported: the conversation and every message of its tree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from chatapp.history.store import (
    Attachment,
    Citation,
    Conversation,
    HistoryNotFoundError,
    HistoryStore,
    Message,
    MessageDocuments,
)
from chatapp.i18n import translate

__all__ = ["ChatTree", "read_chat", "read_chats"]


@dataclass(frozen=True, slots=True)
class ChatTree:
    conversation: Conversation
    messages: tuple[Message, ...]  # every branch, in the order written: parents first
    # By message id: the files attached to a question, the sources given with a reply.
    attachments: Mapping[int, tuple[Attachment, ...]] = field(default_factory=dict)
    citations: Mapping[int, tuple[Citation, ...]] = field(default_factory=dict)

    def documents(self) -> dict[int, MessageDocuments]:
        """The attachments and citations by message id, as an import stores them."""
        return {message_id: MessageDocuments(self.attachments.get(message_id, ()),
                                             self.citations.get(message_id, ()))
                for message_id in {*self.attachments, *self.citations}}

    def branch(self) -> list[Message]:
        """The branch on screen: from the first message to the active leaf."""
        by_id = {m.id: m for m in self.messages}
        path: list[Message] = []
        current = by_id.get(self.conversation.active_leaf_id) \
            if self.conversation.active_leaf_id is not None else None
        while current is not None and len(path) <= len(by_id):
            path.append(current)
            current = by_id.get(current.parent_id) if current.parent_id is not None else None
        path.reverse()
        return path


def read_chat(store: HistoryStore, conversation_id: int) -> ChatTree:
    """One chat as stored. The chat and its messages are two reads: if a reply was added
    or deleted between them, read again, so the active leaf is one of the messages."""
    for _ in range(3):
        conversation = store.get_conversation(conversation_id)
        messages = tuple(store.list_tree(conversation_id))
        leaf = conversation.active_leaf_id
        if leaf is None or any(m.id == leaf for m in messages):
            ids = {m.id for m in messages}
            attachments = {k: tuple(v) for k, v in
                           store.attachments_of(conversation_id).items() if k in ids}
            citations = {k: tuple(v) for k, v in
                         store.citations_of(conversation_id).items() if k in ids}
            return ChatTree(conversation, messages, attachments, citations)
    raise HistoryNotFoundError(translate(
        "ChatExport", "That chat is changing too fast to be exported; try again."))


def read_chats(store: HistoryStore, conversation_ids: list[int] | None = None
               ) -> list[ChatTree]:
    """The given chats (None: all of them), in the order of the chat list. A chat that
    does not exist raises HistoryNotFoundError; with None, one deleted meanwhile is left
    out."""
    listed = store.list_conversations()
    if conversation_ids is None:
        chosen = [c.id for c in listed]
    else:
        wanted = set(conversation_ids)
        missing = wanted - {c.id for c in listed}
        if missing:
            raise HistoryNotFoundError(translate(
                "ChatExport", "There is no chat with the id {id} in the history.").format(
                    id=min(missing)))
        chosen = [c.id for c in listed if c.id in wanted]
    chats = []
    for conversation_id in chosen:
        try:
            chats.append(read_chat(store, conversation_id))
        except HistoryNotFoundError:
            if conversation_ids is not None:
                raise
    return chats
