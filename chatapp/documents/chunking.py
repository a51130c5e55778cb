"""Cutting a document into passages: the pieces that are indexed, retrieved and cited.

A passage stays inside one section, so it has one page or heading; it is at most
``target_chars`` long and is cut where a reader would pause: at a paragraph break if
there is one in its second half, else after a sentence, else at a line break, else
between words, and only when a run of text has no space at all, inside a word (never
inside a surrogate pair, nor before a combining mark that belongs to the character
before it). Consecutive passages of a section overlap by about ``overlap_chars``,
starting at a word, so a sentence cut at the end of one is whole in the next.

Offsets are exact: ``passage.text == document.text[passage.start:passage.end]``, and a
passage neither starts nor ends with white space. Every character of the document that
is not white space is in at least one passage.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chatapp.documents.reading import Document

__all__ = ["Passage", "split_passages"]


@dataclass(frozen=True)
class Passage:
    index: int  # 0-based order in the document
    text: str
    start: int  # offsets in Document.text: text == document.text[start:end]
    end: int
    page: int | None = None
    heading: str | None = None


# The end of a sentence: its punctuation and any closing quotes or brackets, then space.
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u2019\u201d)\]]*(?=\s)")
_WHITESPACE = re.compile(r"\s")
_MAX_MARK_BACKOFF = 8  # combining marks a cut steps back over before giving up on them


def split_passages(document: Document, *, target_chars: int = 1500,
                   overlap_chars: int = 200) -> list[Passage]:
    """The document's passages in order (see the module docs). ``overlap_chars`` is kept
    below a third of ``target_chars`` so every passage moves on by at least half of it."""
    if target_chars < 2:
        raise ValueError(f"target_chars must be at least 2, not {target_chars}")
    if overlap_chars < 0:
        raise ValueError(f"overlap_chars must not be negative, not {overlap_chars}")
    overlap = min(overlap_chars, target_chars // 3)
    passages: list[Passage] = []
    for section in document.sections:
        for start, end in _spans(section.text, target_chars, overlap):
            passages.append(Passage(len(passages), section.text[start:end],
                                    section.start + start, section.start + end,
                                    section.page, section.heading))
    return passages


def _spans(text: str, target: int, overlap: int) -> list[tuple[int, int]]:
    """(start, end) of each passage of one section's text."""
    spans: list[tuple[int, int]] = []
    position = _skip_space(text, 0)
    while position < len(text):
        if len(text) - position <= target:
            cut = len(text)
        else:
            cut = _cut(text, position, position + target)
        end = cut
        while end > position and text[end - 1].isspace():
            end -= 1
        spans.append((position, end))
        if cut >= len(text):
            break
        # Always past ``position``: the cut is at least one character on, and the overlap
        # starts after ``position``.
        position = _skip_space(text, _overlap_start(text, position, cut, overlap))
    return spans


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a passage that starts at ``start`` and may not pass ``limit``."""
    shortest = start + max(1, (limit - start) // 2)
    paragraph = text.rfind("\n\n", shortest, limit)
    if paragraph > start:
        return paragraph
    sentence = None
    for match in _SENTENCE_END.finditer(text, shortest, limit):
        sentence = match.end()
    if sentence is not None:
        return sentence
    line = text.rfind("\n", shortest, limit)
    if line > start:
        return line
    for index in range(limit, shortest - 1, -1):  # the last space, so the cut is before it
        if text[index].isspace():
            return index
    return _safe_cut(text, start, limit)


def _overlap_start(text: str, start: int, cut: int, overlap: int) -> int:
    """Where the next passage starts: at a word about ``overlap`` before ``cut``."""
    if overlap <= 0:
        return cut
    begin = max(start + 1, cut - overlap)
    space = _WHITESPACE.search(text, begin, cut)
    if space is not None:
        return space.end()
    return _safe_cut(text, start, begin)


def _safe_cut(text: str, start: int, index: int) -> int:
    """``index``, or a little before it, so the cut splits no character: not between the
    halves of a surrogate pair, not before a combining mark, a joiner or a variation
    selector (when one of those runs on and on, cut through it rather than not at all)."""
    index = _outside_pair(text, index)
    probe = index
    for _ in range(_MAX_MARK_BACKOFF):
        if probe <= start + 1 or not _joins_previous(text[probe]):
            break
        probe = _outside_pair(text, probe - 1)
    if probe > start and not _joins_previous(text[probe]):
        return probe
    if index > start:
        return index
    return start + 2 if _outside_pair(text, start + 1) == start else start + 1


def _outside_pair(text: str, index: int) -> int:
    if (0 < index < len(text) and "\ud800" <= text[index - 1] <= "\udbff"
            and "\udc00" <= text[index] <= "\udfff"):
        return index - 1
    return index


def _joins_previous(char: str) -> bool:
    return (unicodedata.combining(char) != 0 or char in "\u200c\u200d"
            or "\ufe00" <= char <= "\ufe0f")
