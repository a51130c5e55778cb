"""Chats as one self-contained HTML page: readable offline in any browser, with no
external resources and no scripts (its Content-Security-Policy forbids both), code
blocks highlighted with inline styles. Every piece of text is escaped; the reply's
Markdown prose is shown as written (whitespace kept), its code blocks highlighted.
The branch on screen of each chat; a reply's thought folds in a <details> block."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Final

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
from chatapp.rendering.code_highlight import highlight_html
from chatapp.rendering.markdown_blocks import split_all

__all__ = ["to_html"]

# Inline styles need 'unsafe-inline'; nothing else may load or run.
_POLICY: Final = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

_STYLE: Final = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
       background: #f6f6f4; color: #1d1d1b; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 4rem; }
h1 { font-size: 1.5rem; margin: 2.5rem 0 .2rem; }
.meta, .stats { color: #6b6b66; font-size: .85rem; }
nav ol { padding-left: 1.4rem; }
.message { background: #fff; border: 1px solid #e3e3de; border-radius: 10px;
           padding: .6rem 1rem; margin: .8rem 0; }
.message.user { background: #eef3fb; border-color: #d6e1f2; }
.message.system, .system-prompt { background: #f3f0e8; }
.message h2 { font-size: .85rem; font-weight: 600; margin: 0 0 .3rem; color: #4b4b47; }
.prose { white-space: pre-wrap; overflow-wrap: anywhere; margin: .4rem 0; }
details.thought { border-left: 3px solid #c9c9c2; padding: .1rem .8rem; margin: .4rem 0;
                  color: #55554f; }
details.thought summary { cursor: pointer; font-size: .85rem; font-weight: 600; }
.code { margin: .5rem 0; border: 1px solid #e3e3de; border-radius: 6px;
        background: #fafaf8; }
.code .language { font-size: .75rem; color: #6b6b66; padding: .2rem .6rem 0; }
.code pre { margin: 0; padding: .5rem .7rem; overflow-x: auto;
            font: 13px/1.45 ui-monospace, "SF Mono", Menlo, Consolas, monospace; }
.system-prompt { border-radius: 10px; padding: .6rem 1rem; margin: .8rem 0; }
.attachment { display: inline-block; font-size: .8rem; border: 1px solid #c9d6ea;
              border-radius: 999px; padding: .05rem .6rem; margin: 0 .3rem .3rem 0;
              background: #fff; }
details.sources { font-size: .85rem; margin: .4rem 0; }
details.sources summary { cursor: pointer; font-weight: 600; }
details.sources q { color: #55554f; }
hr { border: 0; border-top: 1px solid #ddd; margin: 3rem 0 0; }
"""


def _text_blocks(text: str) -> list[str]:
    parts = []
    for block in split_all(text):
        if block.kind == "code":
            label = f'<div class="language">{escape(block.language)}</div>' \
                if block.language else ""
            parts.append(f'<div class="code">{label}'
                         f"{highlight_html(block.text, block.language)}</div>")
        else:
            parts.append(f'<div class="prose">{escape(block.text)}</div>')
    return parts


def _message(message: Message, attachments: Sequence[Attachment] = (),
             citations: Sequence[Citation] = ()) -> list[str]:
    parts = [f'<section class="message {escape(message.role)}">',
             f"<h2>{escape(heading(message))}</h2>"]
    if attachments:
        parts.append('<div class="attachments">' + "".join(
            f'<span class="attachment">{escape(attachment_label(a))}</span>'
            for a in attachments) + "</div>")
    if message.reasoning:
        parts += ['<details class="thought">',
                  f"<summary>{escape(thought_title(message))}</summary>",
                  *_text_blocks(message.reasoning), "</details>"]
    parts += _text_blocks(message.content)
    if citations:
        sources = escape(translate("ChatExport", "Sources"))
        parts += [f'<details class="sources"><summary>{sources}</summary>', "<ol>"]
        parts += [f'<li value="{c.number}"><b>{escape(source_label(c))}</b> '
                  f"<q>{escape(snippet(c.text))}</q></li>" for c in citations]
        parts += ["</ol>", "</details>"]
    stats = stats_line(message)
    if stats:
        parts.append(f'<div class="stats">{escape(stats)}</div>')
    parts.append("</section>")
    return parts


def _chat(chat: ChatTree, number: int) -> list[str]:
    c = chat.conversation
    branch = chat.branch()
    count = escape(message_count(len(branch)))
    parts = [f'<article id="chat-{number}">', f"<h1>{escape(c.title)}</h1>",
             f'<div class="meta">{escape(local_time(c.created_at))} · {count}</div>']
    if c.system_prompt:
        title = escape(translate("ChatExport", "System prompt"))
        parts.append(f'<div class="system-prompt"><b>{title}</b>'
                     f'<div class="prose">{escape(c.system_prompt)}</div></div>')
    for message in branch:
        parts += _message(message, chat.attachments.get(message.id, ()),
                          chat.citations.get(message.id, ()))
    parts.append("</article>")
    return parts


def to_html(chats: list[ChatTree]) -> str:
    count = len(chats)  # a plain name: lupdate's Python parser skips the call otherwise
    title = chats[0].conversation.title if count == 1 \
        else translate("ChatExport", "%n chats", "", count)
    # The page is in the language of its words (the user's), which its translation names.
    lang = escape(translate("ChatExport", "en", "the language code of this translation"))
    direction = escape(translate("ChatExport", "ltr", "this language's direction: ltr or "
                                 "rtl"))
    parts = ["<!DOCTYPE html>", f'<html lang="{lang}" dir="{direction}">', "<head>",
             '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             '<meta name="generator" content="chatapp">',
             f"<title>{escape(title)}</title>", f"<style>{_STYLE}</style>", "</head>",
             "<body>", "<main>"]
    if len(chats) > 1:
        parts += ["<nav><ol>", *(f'<li><a href="#chat-{n}">{escape(c.conversation.title)}'
                                 "</a></li>" for n, c in enumerate(chats, start=1)),
                  "</ol></nav>"]
    for number, chat in enumerate(chats, start=1):
        if number > 1:
            parts.append("<hr>")
        parts += _chat(chat, number)
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
