"""Chats as one Markdown file: the branch on screen of each, a reply's thought in a
quoted "Thought" block above its answer. Replies are Markdown already and stay as they
are; what people wrote is Markdown-ish too, and kept as written."""

from __future__ import annotations

import re
from collections.abc import Sequence

from chatapp.exchange.describe import (
    attachment_label,
    heading,
    local_time,
    message_count,
    snippet,
    source_label,
    stats_line,
    thought_title,
)
from chatapp.exchange.tree import ChatTree
from chatapp.history.store import Attachment, Citation, Message
from chatapp.i18n import translate
from chatapp.rendering.markdown_blocks import split_complete

__all__ = ["to_markdown"]


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.split("\n"))


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _fences_closed(text: str) -> str:
    """A reply cut off inside a code block would turn the rest of the file into code."""
    tail = split_complete(text + "\n").tail
    fence = _FENCE.match(tail)
    return f"{text}\n{fence.group(1)}" if fence else text


def _one_line(text: str) -> str:
    """A title stays one heading line whatever it holds."""
    return " ".join(text.split())


def _message(message: Message, attachments: Sequence[Attachment] = (),
             citations: Sequence[Citation] = ()) -> list[str]:
    lines = [f"### {heading(message)}", ""]
    if attachments:
        names = ", ".join(f"`{_one_line(attachment_label(a))}`" for a in attachments)
        lines += [translate("ChatExport", "Attached: {names}").format(names=names), ""]
    if message.reasoning:
        lines += [_quoted(f"**{thought_title(message)}**\n\n{message.reasoning.strip()}"), ""]
    if message.content.strip():
        lines += [_fences_closed(message.content.strip("\n")), ""]
    if citations:
        lines += [f"**{translate('ChatExport', 'Sources')}**", ""]
        lines += [f"{c.number}. {_one_line(source_label(c))}: “{snippet(c.text)}”"
                  for c in citations]
        lines.append("")
    stats = stats_line(message)
    if stats:
        lines += [f"*{_one_line(stats)}*", ""]
    return lines


def _chat(chat: ChatTree) -> list[str]:
    c = chat.conversation
    branch = chat.branch()
    count = message_count(len(branch))
    lines = [f"# {_one_line(c.title)}", "",
             f"*{local_time(c.created_at)} · {count}*", ""]
    if c.system_prompt:
        title = translate("ChatExport", "System prompt")
        lines += [_quoted(f"**{title}**\n\n{c.system_prompt.strip()}"), ""]
    for message in branch:
        lines += _message(message, chat.attachments.get(message.id, ()),
                          chat.citations.get(message.id, ()))
    return lines


def to_markdown(chats: list[ChatTree]) -> str:
    parts = ["\n".join(_chat(chat)).rstrip("\n") + "\n" for chat in chats]
    return "\n---\n\n".join(parts)
