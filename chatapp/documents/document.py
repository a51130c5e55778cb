"""What reading a document gives: its text with where each part came from, and the errors
that say why a file could not be read.

The readers of each format (``plain_text``, ``pdf_text``, ``docx_text``, ``html_text``)
and :mod:`chatapp.documents.reading`, which chooses among them, share these; the rest of
the app imports them from ``reading``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from chatapp.errors import UserFacingError

__all__ = [
    "MAX_SECTIONS",
    "BinaryDocument",
    "Document",
    "DocumentChanged",
    "DocumentError",
    "DocumentTooLarge",
    "EncryptedDocument",
    "Part",
    "ScannedDocument",
    "Section",
    "UnreadableDocument",
    "UnsupportedDocument",
    "clean_text",
    "join_parts",
    "section_of",
]


class DocumentError(UserFacingError):
    """A file chatapp could not read; ``user_message`` names it and says what to do."""


class UnsupportedDocument(DocumentError):  # noqa: N818 - the agreed API
    """A kind of file chatapp does not read (the message lists the kinds it reads)."""


class BinaryDocument(DocumentError):  # noqa: N818 - the agreed API
    """A file whose name promises text but that holds something else."""


class EncryptedDocument(DocumentError):  # noqa: N818 - the agreed API
    """A password-protected PDF or DOCX."""


class UnreadableDocument(DocumentError):  # noqa: N818 - the agreed API
    """Damaged, not what its name says, permission denied, vanished, a folder..."""


class ScannedDocument(UnreadableDocument):
    """A PDF with pages but no text layer: pictures of pages, which chatapp cannot read."""


class DocumentTooLarge(DocumentError):  # noqa: N818 - the agreed API
    """Over the byte limit (the message says the limit)."""


class DocumentChanged(DocumentError):  # noqa: N818 - the agreed API
    """The file changed while it was read: what was read may be half old, half new."""


@dataclass(frozen=True)
class Section:
    """A stretch of :attr:`Document.text` from one page or under one heading."""

    text: str
    start: int  # offset of text in Document.text
    page: int | None = None  # 1-based, PDFs
    heading: str | None = None  # nearest heading (Markdown/DOCX/HTML)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Document:
    """A document's readable text. ``sections`` are in order, do not overlap, and each
    is the exact text at its offset (``text[s.start:s.end] == s.text``); text between
    them is only the blank lines that join them."""

    name: str  # file name shown to the user
    kind: str  # "text" | "markdown" | "code" | "pdf" | "docx" | "html"
    text: str  # the whole readable text
    sections: tuple[Section, ...]
    language: str | None = None  # a source file's language ("Python"), from its suffix
    # What the user should know about a document that was read anyway: pages without
    # text, a limit that cut the text short. Plain sentences naming the file.
    notes: tuple[str, ...] = ()


# Headings that start a section, at most, in one document; later ones stay in the text of
# the last section. Enough for any real document (a 1,000-page manual has a few thousand);
# it keeps a file of nothing but headings from making millions of sections and passages.
MAX_SECTIONS: Final = 10_000


@dataclass(frozen=True)
class Part:
    """A piece of a document as a reader finds it, before it has an offset."""

    text: str
    page: int | None = None
    heading: str | None = None


_BLANK_LINES_BEFORE = re.compile(r"\A(?:[ \t]*\n)+")
# C0 controls other than tab and newline, DEL, and the two non-characters that PDFs and
# broken decoders leave behind: they mean nothing to a reader or a model.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(text: str) -> str:
    """One newline convention (``\\n``), page breaks as newlines, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    return _CONTROLS.sub("", text)


def section_of(text: str, start: int, end: int, page: int | None = None,
               heading: str | None = None) -> Section | None:
    """The section ``text[start:end]`` without blank lines around it, or None if blank."""
    piece = text[start:end]
    trimmed = piece.rstrip()
    blank = _BLANK_LINES_BEFORE.match(trimmed)
    lead = len(blank[0]) if blank else 0
    trimmed = trimmed[lead:]
    if not trimmed.strip():
        return None
    return Section(trimmed, start + lead, page, heading)


def join_parts(name: str, kind: str, parts: list[Part], *, language: str | None = None,
               notes: tuple[str, ...] = ()) -> Document:
    """A document whose text is the parts, each trimmed, joined by a blank line."""
    chunks: list[str] = []
    sections: list[Section] = []
    offset = 0
    for part in parts:
        section = section_of(part.text, 0, len(part.text), part.page, part.heading)
        if section is None:
            continue
        if chunks:
            chunks.append("\n\n")
            offset += 2
        sections.append(Section(section.text, offset, part.page, part.heading))
        chunks.append(section.text)
        offset += len(section.text)
    return Document(name, kind, "".join(chunks), tuple(sections), language, notes)
