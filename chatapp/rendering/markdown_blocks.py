"""Splitting Markdown into prose and fenced code blocks.

A reply is shown as a column of blocks: prose rendered as Markdown, and code blocks
with highlighting and a copy button. While a reply streams, only blocks that are
complete (a paragraph followed by a blank line, a code fence that has closed) are
rendered; the unfinished tail stays plain text. Rendering each block once keeps the
cost per token flat however long the reply grows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")


@dataclass(frozen=True)
class Block:
    kind: Literal["prose", "code"]
    text: str  # for code: the code without its fences
    language: str = ""


@dataclass(frozen=True)
class Split:
    blocks: list[Block]  # complete blocks, in order
    consumed: int  # characters of the input the complete blocks cover
    tail: str  # what is still being written


def split_complete(text: str) -> Split:
    """The complete blocks at the start of ``text`` and the unfinished rest.

    Prose is complete at a blank line; code when its closing fence line has ended.
    """
    blocks: list[Block] = []
    consumed = 0
    pos = 0
    prose_start = 0
    in_code = False
    fence = ""
    code_start = 0
    language = ""
    while True:
        newline = text.find("\n", pos)
        if newline < 0:
            break
        line = text[pos:newline]
        line_end = newline + 1
        if in_code:
            stripped = line.strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) <= {fence[0]}:
                blocks.append(Block("code", text[code_start:pos].rstrip("\n"), language))
                in_code = False
                consumed = prose_start = line_end
        else:
            match = _FENCE.match(line)
            if match:
                _flush_prose(text[prose_start:pos], blocks)
                in_code = True
                fence = match.group("fence")
                language = match.group("info").strip().split(" ")[0] if match.group(
                    "info").strip() else ""
                code_start = line_end
                consumed = pos
            elif not line.strip():
                if text[prose_start:pos].strip():
                    _flush_prose(text[prose_start:pos], blocks)
                prose_start = consumed = line_end
        pos = line_end
    return Split(blocks, consumed, text[consumed:])


def split_all(text: str) -> list[Block]:
    """Every block of a finished text; an unclosed fence runs to the end."""
    # A finished text's last line is complete even without its newline.
    split = split_complete(text if text.endswith("\n") else text + "\n")
    blocks = _merge_prose(split.blocks)
    tail = split.tail
    match = _FENCE.match(tail.split("\n", 1)[0]) if tail else None
    if match:
        body = tail.split("\n", 1)[1] if "\n" in tail else ""
        info = match.group("info").strip()
        blocks.append(Block("code", body.rstrip("\n"), info.split(" ")[0] if info else ""))
    elif tail.strip():
        blocks.append(Block("prose", tail.strip("\n")))
    return _merge_prose(blocks)


def _flush_prose(chunk: str, blocks: list[Block]) -> None:
    if chunk.strip():
        blocks.append(Block("prose", chunk.strip("\n")))


def _merge_prose(blocks: list[Block]) -> list[Block]:
    """Join a list's blank-line-separated parts into one block.

    A list whose items (or an item's indented continuation) are separated by blank lines
    only renders right (one list, numbered on) as one document. Other paragraphs stay
    blocks of their own, as they were while the reply streamed, so a finished reply
    keeps what was rendered then.
    """
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.kind == "prose" and block.kind == "prose"
                and _has_list_item(previous.text) and _continues_list(block.text)):
            merged[-1] = Block("prose", previous.text + "\n\n" + block.text)
        else:
            merged.append(block)
    return merged


_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


def _has_list_item(text: str) -> bool:
    return any(_LIST_ITEM.match(line) for line in text.split("\n"))


def _continues_list(text: str) -> bool:
    """Starts with a list item, or with text indented under the item before it."""
    first = text.split("\n", 1)[0]
    return bool(_LIST_ITEM.match(first)) or first.startswith(("  ", "\t"))
