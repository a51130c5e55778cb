"""PDF files: the text of each page, by PDFium (pypdfium2).

A PDF comes from anywhere, so what it may cost is bounded: at most :data:`MAX_PDF_PAGES`
pages are read, at most :data:`MAX_PAGE_CHARS` characters of a page, and at most
:data:`MAX_PDF_TEXT_CHARS` in all; a document cut short says so in its notes. PDFium
reads only the bytes it is given (no other files, no network).

PDFium is not safe to use from two threads at once, and the indexer and an attachment
may read PDFs at the same time: one lock serializes every use of it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Final

# pypdfium2 ships no type information; its few calls here are checked by the tests.
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from chatapp.documents.document import (
    Document,
    EncryptedDocument,
    Part,
    ScannedDocument,
    UnreadableDocument,
    clean_text,
    join_parts,
)
from chatapp.i18n import format_number, translate

__all__ = ["MAX_PAGE_CHARS", "MAX_PDF_PAGES", "MAX_PDF_TEXT_CHARS", "PdfLimits", "pdf_document"]

MAX_PDF_PAGES: Final = 5_000
# A dense page of small print holds about 10,000 characters; far more is a hostile file.
MAX_PAGE_CHARS: Final = 200_000
MAX_PDF_TEXT_CHARS: Final = 16 * 1024 * 1024

_PDFIUM_LOCK = threading.Lock()
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


@dataclass(frozen=True)
class PdfLimits:
    pages: int = MAX_PDF_PAGES
    page_chars: int = MAX_PAGE_CHARS
    text_chars: int = MAX_PDF_TEXT_CHARS


def pdf_document(data: bytes, name: str, limits: PdfLimits = PdfLimits()) -> Document:
    """The text of a PDF, one section per page that has text (``page`` is 1-based)."""
    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise _open_error(error, name) from error
        try:
            return _read_pages(pdf, name, limits)
        except pdfium.PdfiumError as error:
            raise UnreadableDocument(
                translate("DocumentReader",
                          "{name} is damaged: chatapp could not read its text. If it opens in "
                          "a PDF viewer, print it to a new PDF from there and attach that."
                          ).format(name=name),
                f"{name}: PDFium: {error}") from error
        finally:
            pdf.close()


def _open_error(error: pdfium.PdfiumError, name: str) -> Exception:
    if error.err_code in _PASSWORD_ERRORS:
        return EncryptedDocument(
            translate("DocumentReader",
                      "{name} is protected by a password, so chatapp cannot read it. Open it "
                      "with the password and save it as PDF without a password, then attach "
                      "that copy.").format(name=name),
            f"{name}: PDFium: {error}")
    return UnreadableDocument(
        translate("DocumentReader",
                  "{name} is not a PDF chatapp can read: it is damaged or not a PDF at all. If "
                  "it opens in a PDF viewer, print it to a new PDF from there and attach that."
                  ).format(name=name),
        f"{name}: PDFium: {error}")


def _read_pages(pdf: pdfium.PdfDocument, name: str, limits: PdfLimits) -> Document:
    page_count = len(pdf)
    parts: list[Part] = []
    without_text: list[int] = []
    cut_pages: list[int] = []
    total = 0
    notes: list[str] = []
    pages_read = min(page_count, limits.pages)
    damaged: list[int] = []
    for index in range(pages_read):
        try:
            text, cut = _page_text(pdf, index, limits.page_chars)
        except pdfium.PdfiumError:  # one broken page does not lose the others
            damaged.append(index + 1)
            continue
        if cut:
            cut_pages.append(index + 1)
        if not text.strip():
            without_text.append(index + 1)
            continue
        if total + len(text) > limits.text_chars:
            notes.append(translate(
                "DocumentReader", "{name} holds more text than chatapp reads from one PDF "
                "({count} characters): it was read up to page {page}.").format(
                    name=name, count=format_number(limits.text_chars),
                    page=format_number(index)))
            pages_read = index
            break
        total += len(text)
        parts.append(Part(text, page=index + 1))
    if damaged and not parts:
        raise UnreadableDocument(
            translate("DocumentReader",
                      "{name} is damaged: chatapp could not read the text of any of its pages. "
                      "If it opens in a PDF viewer, print it to a new PDF from there and "
                      "attach that.").format(name=name),
            f"{name}: PDFium could not load pages {damaged[:20]} of {page_count}")
    if pages_read and not parts and len(without_text) == pages_read:
        raise ScannedDocument(
            translate("DocumentReader",
                      "{name} has {pages} but no text chatapp can read: it is probably "
                      "scanned (pictures of pages). Run it through text recognition (OCR), "
                      "for example with your scanner's software or ocrmypdf, and attach the "
                      "result.").format(name=name, pages=_pages(page_count)),
            f"{name}: {page_count} pages, no text layer")
    if without_text:
        notes.append((translate("DocumentReader", "Page {pages} of {name} has no text "
                                "(probably scanned); chatapp left it out.")
                      if len(without_text) == 1 else
                      translate("DocumentReader", "Pages {pages} of {name} have no text "
                                "(probably scanned); chatapp left them out.")
                      ).format(pages=_page_list(without_text), name=name))
    if damaged:
        notes.append((translate("DocumentReader",
                                "Page {pages} of {name} is damaged; chatapp left it out.")
                      if len(damaged) == 1 else
                      translate("DocumentReader",
                                "Pages {pages} of {name} are damaged; chatapp left them out.")
                      ).format(pages=_page_list(damaged), name=name))
    if cut_pages:
        notes.append((translate("DocumentReader", "Page {pages} of {name} holds more than "
                                "{count} characters; only that much was read.")
                      if len(cut_pages) == 1 else
                      translate("DocumentReader", "Pages {pages} of {name} hold more than "
                                "{count} characters each; only that much was read.")
                      ).format(pages=_page_list(cut_pages), name=name,
                               count=format_number(limits.page_chars)))
    if page_count > limits.pages:
        notes.append(translate("DocumentReader",
                               "{name} has {count} pages; chatapp read the first {read}."
                               ).format(name=name, count=format_number(page_count),
                                        read=format_number(limits.pages)))
    return join_parts(name, "pdf", parts, notes=tuple(notes))


def _page_text(pdf: pdfium.PdfDocument, index: int, limit: int) -> tuple[str, bool]:
    """A page's text, at most ``limit`` characters of it, and whether it was cut."""
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            count = textpage.count_chars()
            if count <= 0:
                return "", False
            text = textpage.get_text_range(0, min(count, limit))
        finally:
            textpage.close()
    finally:
        page.close()
    return clean_text(text), count > limit


def _pages(count: int) -> str:
    if count == 1:  # its own string: English's source has no singular
        return translate("DocumentReader", "1 page")
    return translate("DocumentReader", "%n pages", "", count)


def _page_list(numbers: list[int]) -> str:
    """``2, 4-6 and 9`` for a sorted list of page numbers (the sentence says "Pages")."""
    runs: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        runs.append(format_number(start) if start == previous
                    else f"{format_number(start)}\u2013{format_number(previous)}")
        if number is not None:
            start = previous = number
    if len(runs) == 1:
        return runs[0]
    return translate("DocumentReader", "{list} and {last}").format(
        list=translate("DocumentReader", ", ", "between page numbers").join(runs[:-1]),
        last=runs[-1])
