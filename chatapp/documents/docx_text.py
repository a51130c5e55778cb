"""Word documents (.docx): paragraphs and tables in document order, cut at headings, by
python-docx.

A .docx is a ZIP archive, and an archive can claim to unpack to far more than it holds:
its entries are counted and their unpacked sizes summed before anything is unpacked
(Python's zipfile never unpacks more than an entry declares). A password-protected .docx
is not a ZIP archive at all but an OLE container, like an old .doc: both are refused
with what to do.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Final

import docx
from docx.opc.exceptions import OpcError
from docx.oxml.exceptions import XmlchemyError
from docx.table import Table
from docx.text.paragraph import Paragraph

from chatapp.documents.document import (
    MAX_SECTIONS,
    Document,
    EncryptedDocument,
    Part,
    UnreadableDocument,
    clean_text,
    join_parts,
)
from chatapp.i18n import format_number, translate

__all__ = ["MAX_DOCX_ENTRIES", "MAX_DOCX_TEXT_CHARS", "MAX_DOCX_UNPACKED_BYTES",
           "docx_document"]

MAX_DOCX_ENTRIES: Final = 10_000
# The XML of a 1,000-page report is about 20 MB; lxml needs several times that in memory.
MAX_DOCX_UNPACKED_BYTES: Final = 128 * 1024 * 1024
MAX_DOCX_TEXT_CHARS: Final = 16 * 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# What python-docx and the libraries under it raise for a damaged file: a broken archive
# (BadZipFile, zlib.error, EOFError, NotImplementedError for an unknown zip version), a
# missing or misnamed part (KeyError, OpcError), broken XML (lxml's XMLSyntaxError is a
# SyntaxError; XmlchemyError for a required attribute missing), a value it cannot take
# (ValueError), and what its code may raise on structures it does not expect
# (AttributeError, IndexError, TypeError). tests/unit/documents/test_reading_fuzz.py.
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError,
            OpcError, SyntaxError, XmlchemyError, ValueError, AttributeError, IndexError,
            TypeError)


def docx_document(data: bytes, name: str, *,
                  max_text_chars: int = MAX_DOCX_TEXT_CHARS) -> Document:
    """The text of a .docx; each heading (a "Heading N" or "Title" paragraph) starts a
    section that carries it."""
    if data.startswith(_OLE_MAGIC):
        raise EncryptedDocument(
            translate("DocumentReader",
                      "{name} is protected by a password or is an old Word file (.doc), so "
                      "chatapp cannot read it. Open it in Word or LibreOffice and save it as "
                      ".docx without a password, then attach that copy.").format(name=name),
            f"{name}: OLE compound file, not an Office Open XML archive")
    _check_archive(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        parts, cut = _parts(document, max_text_chars)
    except _DAMAGED as error:
        raise _damaged(name, f"{type(error).__name__}: {error}") from error
    notes = ((translate("DocumentReader",
                        "{name} holds more text than chatapp reads from one document "
                        "({count} characters); the rest was left out.").format(
                            name=name, count=format_number(max_text_chars)),) if cut
             else ())
    return join_parts(name, "docx", parts, notes=notes)


def _damaged(name: str, detail: str) -> UnreadableDocument:
    return UnreadableDocument(
        translate("DocumentReader",
                  "{name} is not a Word document chatapp can read: it is damaged or not a "
                  ".docx file. If it opens in Word or LibreOffice, save it again as .docx and "
                  "attach that.").format(name=name),
        f"{name}: {detail}")


def _check_archive(data: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except _DAMAGED as error:  # a central directory naming a zip version from the future
        raise _damaged(name, f"not a ZIP archive: {type(error).__name__}: {error}"
                       ) from error
    unpacked = sum(entry.file_size for entry in entries)
    if len(entries) > MAX_DOCX_ENTRIES or unpacked > MAX_DOCX_UNPACKED_BYTES:
        raise UnreadableDocument(
            translate("DocumentReader",
                      "{name} unpacks to more than chatapp reads from one Word document "
                      "({size} MB in at most {count} parts). Save its text as a smaller "
                      "document or as PDF.").format(
                name=name, size=format_number(MAX_DOCX_UNPACKED_BYTES // (1024 * 1024)),
                count=format_number(MAX_DOCX_ENTRIES)),
            f"{name}: {len(entries)} entries, {unpacked} bytes unpacked")


def _parts(document: docx.document.Document, max_chars: int) -> tuple[list[Part], bool]:
    """The document's parts, one per heading, and whether the text limit cut it."""
    parts: list[Part] = []
    lines: list[str] = []
    heading: str | None = None
    total = 0
    for line, is_heading in _lines(document):
        if is_heading and len(parts) < MAX_SECTIONS - 1:
            if lines:
                parts.append(Part("\n".join(lines), heading=heading))
            lines = []
            heading = " ".join(line.split()) or None
        total += len(line) + 1
        if total > max_chars:
            parts.append(Part("\n".join(lines), heading=heading))
            return parts, True
        lines.append(line)
    if lines:
        parts.append(Part("\n".join(lines), heading=heading))
    return parts, False


def _lines(document: docx.document.Document) -> Iterator[tuple[str, bool]]:
    """Each paragraph's text and whether it is a heading; a table row as one line."""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            text = clean_text(block.text)
            if text.strip():
                yield text, _is_heading(block)
        elif isinstance(block, Table):
            yield from ((row, False) for row in _table_rows(block))


def _is_heading(paragraph: Paragraph) -> bool:
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    return name == "Title" or name.startswith("Heading")


def _table_rows(table: Table) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:  # a merged cell is listed once for each grid column
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(clean_text(cell.text).split()))
        if any(cells):
            yield "\t".join(cells)
