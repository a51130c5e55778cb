"""Words the whole app shares: who wrote a message, what state it is in, a new chat's title.

One home, so the history, the turn logic and the widgets never spell them differently.
"""

from __future__ import annotations

import enum
from typing import Final

from chatapp.i18n import QT_TRANSLATE_NOOP

__all__ = ["DEFAULT_TITLE", "FINAL_STATES", "PROMPT_STATES", "KvCacheType", "MessageState",
           "Role", "ThemeChoice"]


class Role(enum.StrEnum):
    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


class MessageState(enum.StrEnum):
    COMPLETE = "complete"
    STREAMING = "streaming"  # a reply being written; rewritten at least every second
    STOPPED = "stopped"  # the user stopped it; the text so far is kept
    INTERRUPTED = "interrupted"  # the app ended while it was written
    ERROR = "error"  # it failed; ``Message.error`` says why


class KvCacheType(enum.StrEnum):
    """How the KV cache stores keys and values (llama.cpp's cache types): the settings,
    the engine and the fit estimate speak of it alike."""

    F16 = "f16"
    Q8_0 = "q8_0"  # about half of f16's memory
    Q4_0 = "q4_0"  # about a quarter

    @property
    def bytes_per_value(self) -> float:
        # ggml's blocks: 32 values in 34 bytes (q8_0) or 18 bytes (q4_0).
        return {"f16": 2.0, "q8_0": 34 / 32, "q4_0": 18 / 32}[self.value]


class ThemeChoice(enum.StrEnum):
    """The look the user chose in Settings: the system's colour scheme, or one of ours."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


FINAL_STATES: Final = frozenset(MessageState) - {MessageState.STREAMING}
# Messages that carry conversation: an error row or an empty reply says nothing to the model.
PROMPT_STATES: Final = frozenset({MessageState.COMPLETE, MessageState.STOPPED,
                                  MessageState.INTERRUPTED})

# Stored as a new chat's title in the history, so it stays English there; the window shows
# it translated (translate("Vocabulary", DEFAULT_TITLE)).
DEFAULT_TITLE: Final = QT_TRANSLATE_NOOP("Vocabulary", "New chat")
