"""How much an imported file may hold. Files come from anywhere, so every size is bounded
before it costs memory or time; the numbers are far above what real chats need."""

from __future__ import annotations

from typing import Final

# An import file as read from disk, and a ZIP archive's entries together once unpacked.
# Parsed JSON takes several times its size in memory: 256 MiB is about 300,000 messages.
MAX_FILE_BYTES: Final = 256 * 1024 * 1024
MAX_CHATS: Final = 20_000
MAX_MESSAGES: Final = 1_000_000  # in one file, all chats together
MAX_MESSAGES_PER_CHAT: Final = 100_000
MAX_TEXT_CHARS: Final = 4_000_000  # a message's text or thought, a system prompt
MAX_TITLE_CHARS: Final = 2_000
MAX_SHORT_CHARS: Final = 10_000  # a model's file name, an error, an id written as text
MAX_SETTINGS_CHARS: Final = 100_000  # a chat's or a reply's settings, as JSON
MAX_SETTINGS_DEPTH: Final = 8
MAX_ZIP_ENTRIES: Final = 10_000
MAX_ATTACHMENTS_PER_MESSAGE: Final = 1_000
MAX_CITATIONS_PER_MESSAGE: Final = 10_000
MAX_COUNT: Final = 2**53  # token counts: what JSON numbers hold exactly
