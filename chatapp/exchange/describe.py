"""Words shared by the Markdown and HTML exports: who wrote a message, when, how.

An export is a document for its reader, so its words are in the user's language (English
without a translator: the command line's exports)."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from chatapp.formatting import format_elapsed
from chatapp.history.store import Attachment, Citation, Message
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.vocabulary import MessageState

ROLE_TITLES: Final = {"user": QT_TRANSLATE_NOOP("ChatExport", "You"),
                      "assistant": QT_TRANSLATE_NOOP("ChatExport", "Assistant"),
                      "system": QT_TRANSLATE_NOOP("ChatExport", "System")}


def local_time(seconds: float) -> str:
    """For people: this computer's time zone, to the minute."""
    return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M")


def heading(message: Message) -> str:
    """"Assistant · 2024-05-01 12:35"; the model is in the stats line."""
    role = ROLE_TITLES.get(message.role)
    who = translate("ChatExport", role) if role is not None else message.role
    return f"{who} · {local_time(message.created_at)}"


def thought_title(message: Message) -> str:
    if message.reasoning_s is not None:
        return translate("ChatExport", "Thought for {time}").format(
            time=format_elapsed(message.reasoning_s))
    return translate("ChatExport", "Thought")


def stats_line(message: Message) -> str:
    """What the app shows under a reply: how it ended, tokens, speed, model."""
    parts: list[str] = []
    if message.state == MessageState.STOPPED:
        parts.append(translate("ChatExport", "Stopped"))
    elif message.state in (MessageState.INTERRUPTED, MessageState.STREAMING):
        parts.append(translate("ChatExport", "Interrupted"))
    elif message.state == MessageState.ERROR:
        parts.append(translate("ChatExport", "Failed: {error}").format(error=message.error)
                     if message.error else translate("ChatExport", "Failed"))
    elif message.stop_reason == "length":
        parts.append(translate("ChatExport", "Reached the reply length limit"))
    elif message.stop_reason == "context_full":
        parts.append(translate("ChatExport", "The context was full"))
    tokens = message.generated_tokens  # a plain name: lupdate skips the call otherwise
    if tokens is not None:
        parts.append(translate("ChatExport", "%n tokens", "", tokens))
    if message.tokens_per_s is not None:
        parts.append(translate("ChatExport", "{speed} tokens/s").format(
            speed=format_number(message.tokens_per_s, 1)))
    if message.ttft_s is not None:
        parts.append(translate("ChatExport", "first token {seconds} s").format(
            seconds=format_number(message.ttft_s, 2)))
    if message.edited:
        parts.append(translate("ChatExport", "edited"))
    if message.model_file:
        parts.append(message.model_file)
    return " · ".join(parts)


def attachment_label(attachment: Attachment) -> str:
    """A file attached to a question, as its chip says it: "report.pdf (3 of 40
    passages)"; a file given whole, or not yet used, is its name."""
    if attachment.usage == "retrieved" and attachment.passages_total is not None:
        used = attachment.passages_used or 0
        total = attachment.passages_total
        if total == 1:  # its own string: English's source has no singular
            return translate("ChatExport", "{name} ({used} of 1 passage)").format(
                name=attachment.name, used=format_number(used))
        return translate("ChatExport", "{name} ({used} of %n passages)", "", total).format(
            name=attachment.name, used=format_number(used))
    return attachment.name


def source_label(citation: Citation) -> str:
    """Where a cited passage is: "[2] report.pdf, page 3, Results"."""
    parts = [citation.path if citation.source == "collection" and citation.path
             else citation.name]
    if citation.page is not None:
        parts.append(translate("ChatExport", "page {page}").format(page=citation.page))
    if citation.heading:
        parts.append(citation.heading)
    return f"[{citation.number}] " + translate(
        "ChatExport", ", ", "between the parts of a source's place").join(parts)


def message_count(count: int) -> str:
    if count == 1:  # its own string: English's source has no singular
        return translate("ChatExport", "1 message")
    return translate("ChatExport", "%n messages", "", count)


def snippet(text: str, limit: int = 200) -> str:
    """The start of a passage, on one line."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
