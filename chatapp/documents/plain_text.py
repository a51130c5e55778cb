"""Text files: which encoding a file is in, whether it is text at all, and where a
Markdown file's headings are.

Encodings: a BOM is believed (UTF-8, UTF-16, UTF-32); without one a file is UTF-8, or
Windows-1252 when it is not UTF-8 (the most common other encoding of text written on a PC).
A file with NUL bytes or many control characters is not text, whatever its name says;
text in UTF-16 without a BOM is among them (rare: Windows writes a BOM).
"""

from __future__ import annotations

import codecs
import re

from chatapp.documents.document import MAX_SECTIONS, BinaryDocument, Section, clean_text, section_of
from chatapp.i18n import QT_TRANSLATE_NOOP, translate

__all__ = ["binary_kind", "decode_text", "markdown_sections", "whole_text_sections"]

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 64 * 1024  # how much of a file decides whether it is text
# Control characters (other than tab, newline, carriage return, form feed, escape) per
# character above which a decoded file is not text. Real text has none or a handful.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# A UTF-8 file with a few bad bytes (one pasted Latin-1 character) is still UTF-8.
_MAX_BAD_UTF8_SHARE = 0.001

# What a file is when it is not text: the first bytes of common binary formats.
# (In English, for the log; translated where the user reads them.)
_MAGIC = (
    (b"PK\x03\x04", QT_TRANSLATE_NOOP(
        "DocumentReader", "a ZIP archive (perhaps a Word, Excel or other Office document)")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", QT_TRANSLATE_NOOP(
        "DocumentReader", "an old Office document or a password-protected one")),
    (b"\x89PNG", QT_TRANSLATE_NOOP("DocumentReader", "a PNG image")),
    (b"\xff\xd8\xff", QT_TRANSLATE_NOOP("DocumentReader", "a JPEG image")),
    (b"GIF8", QT_TRANSLATE_NOOP("DocumentReader", "a GIF image")),
    (b"\x7fELF", QT_TRANSLATE_NOOP("DocumentReader", "a program")),
    (b"MZ", QT_TRANSLATE_NOOP("DocumentReader", "a Windows program")),
    (b"\x1f\x8b", QT_TRANSLATE_NOOP("DocumentReader", "a gzip archive")),
    (b"Rar!", QT_TRANSLATE_NOOP("DocumentReader", "a RAR archive")),
    (b"7z\xbc\xaf", QT_TRANSLATE_NOOP("DocumentReader", "a 7-Zip archive")),
    (b"SQLite format 3\x00", QT_TRANSLATE_NOOP("DocumentReader", "an SQLite database")),
    (b"GGUF", QT_TRANSLATE_NOOP("DocumentReader", "a GGUF model file")),
)


def binary_kind(data: bytes) -> str | None:
    """What the bytes are, when they start like a well-known binary format."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _not_text(name: str, data: bytes) -> BinaryDocument:
    what = binary_kind(data)
    advice = translate("DocumentReader", "If it is a document, open it in the program that "
                       "made it and save it as PDF, DOCX or plain text.")
    message = translate(
        "DocumentReader", "{name} does not hold text (it looks like {kind}), so chatapp "
        "cannot read it.").format(name=name, kind=translate("DocumentReader", what)) \
        if what else translate("DocumentReader", "{name} does not hold text, so chatapp "
                               "cannot read it.").format(name=name)
    return BinaryDocument(
        f"{message} {advice}",
        f"{name}: not text ({what or 'binary content'})")


def decode_text(data: bytes, name: str) -> str:
    """The text of a text file, cleaned (see :func:`clean_text`); BinaryDocument if the
    bytes are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as error:
                raise _not_text(name, data) from error
            break
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise _not_text(name, data)
        guessed = _decode_without_bom(data)
        if guessed is None:
            raise _not_text(name, data)
        text = guessed
    sample = text[:_SNIFF_BYTES]
    if len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise _not_text(name, data)
    return clean_text(text)


def _decode_without_bom(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    if text.count("\ufffd") <= _MAX_BAD_UTF8_SHARE * len(data):
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined: not text in it either
        return None


def whole_text_sections(text: str) -> list[Section]:
    """A plain text or source file: one section, the whole text."""
    section = section_of(text, 0, len(text))
    return [section] if section else []


_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r" {0,3}#{1,6}(?=[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(?:=+|-+)[ \t]*$")
_BLOCK = re.compile(r" {0,3}(?:[-*+>]|\d{1,9}[.)])(?:[ \t]|$)")  # list items, quotes


def _atx_heading(rest: str) -> str | None:
    """The text of a ``#`` heading, from what follows the ``#``s: without its closing
    ``#``s (only those after a space). String methods, not a regex: one with optional
    parts around ``.*?`` backtracks for minutes on a long line of spaces and ``#``s."""
    rest = rest.strip(" \t")
    unclosed = rest.rstrip("#")
    if not unclosed or unclosed[-1] in " \t":
        rest = unclosed.rstrip(" \t")
    return rest or None


def markdown_sections(text: str) -> list[Section]:
    """A Markdown file cut at its headings (``#`` lines and underlined ones, not inside
    fenced code); each section starts with its heading line and knows its heading."""
    starts: list[tuple[int, str | None]] = [(0, None)]  # (offset, heading) of each section
    fence: str | None = None
    offset = 0
    previous: tuple[int, str] | None = None  # the last line, if it could be underlined
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        opening = _FENCE.match(body)
        if fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                fence = None
            previous = None
        elif opening:
            fence = opening[1]
            previous = None
        elif len(starts) > MAX_SECTIONS:
            pass  # enough: later headings stay in the text of the last section
        elif atx := _ATX.match(body):
            starts.append((offset, _atx_heading(body[atx.end():])))
            previous = None
        elif previous is not None and _SETEXT.match(body):
            starts.append((previous[0], previous[1]))
            previous = None
        elif body.strip() and not body.startswith(("    ", "\t")) and not _BLOCK.match(body):
            previous = (offset, body.strip())
        else:
            previous = None
        offset += len(line)
    sections = []
    bounds = [*starts[1:], (len(text), None)]
    for (start, heading), (end, _) in zip(starts, bounds, strict=True):
        section = section_of(text, start, end, heading=heading)
        if section is not None:
            sections.append(section)
    if len(sections) > MAX_SECTIONS:  # text before the first heading made one more
        last = sections[MAX_SECTIONS - 1]
        merged = section_of(text, last.start, len(text), heading=last.heading)
        sections[MAX_SECTIONS - 1:] = [merged] if merged else []
    return sections
