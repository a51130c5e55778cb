"""Words shared by the Markdown and HTML exports: who wrote a message, when, how."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from chatapp.formatting import format_elapsed
from chatapp.history.store import Attachment, Citation, Message
from chatapp.vocabulary import MessageState

ROLE_TITLES: Final = {"user": "You", "assistant": "Assistant", "system": "System"}


def local_time(seconds: float) -> str:
    """For people: this computer's time zone, to the minute."""
    return datetime.fromtimestamp(seconds).strftime("%Y-%m-%d %H:%M")


def heading(message: Message) -> str:
    """"Assistant · 2024-05-01 12:35"; the model is in the stats line."""
    return f"{ROLE_TITLES.get(message.role, message.role)} · {local_time(message.created_at)}"


def thought_title(message: Message) -> str:
    if message.reasoning_s is not None:
        return f"Thought for {format_elapsed(message.reasoning_s)}"
    return "Thought"


def stats_line(message: Message) -> str:
    """What the app shows under a reply: how it ended, tokens, speed, model."""
    parts: list[str] = []
    if message.state == MessageState.STOPPED:
        parts.append("Stopped")
    elif message.state in (MessageState.INTERRUPTED, MessageState.STREAMING):
        parts.append("Interrupted")
    elif message.state == MessageState.ERROR:
        parts.append(f"Failed: {message.error}" if message.error else "Failed")
    elif message.stop_reason == "length":
        parts.append("Reached the reply length limit")
    elif message.stop_reason == "context_full":
        parts.append("The context was full")
    if message.generated_tokens is not None:
        parts.append(f"{message.generated_tokens:,} tokens")
    if message.tokens_per_s is not None:
        parts.append(f"{message.tokens_per_s:.1f} tokens/s")
    if message.ttft_s is not None:
        parts.append(f"first token {message.ttft_s:.2f} s")
    if message.edited:
        parts.append("edited")
    if message.model_file:
        parts.append(message.model_file)
    return " · ".join(parts)


def attachment_label(attachment: Attachment) -> str:
    """A file attached to a question, as its chip says it: "report.pdf (3 of 40
    passages)"; a file given whole, or not yet used, is its name."""
    if attachment.usage == "retrieved" and attachment.passages_total is not None:
        used = attachment.passages_used or 0
        total = attachment.passages_total
        return f"{attachment.name} ({used:,} of {total:,} passage{'s' if total != 1 else ''})"
    return attachment.name


def source_label(citation: Citation) -> str:
    """Where a cited passage is: "[2] report.pdf, page 3, Results"."""
    parts = [citation.path if citation.source == "collection" and citation.path
             else citation.name]
    if citation.page is not None:
        parts.append(f"page {citation.page}")
    if citation.heading:
        parts.append(citation.heading)
    return f"[{citation.number}] " + ", ".join(parts)


def snippet(text: str, limit: int = 200) -> str:
    """The start of a passage, on one line."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1].rstrip() + "…"
