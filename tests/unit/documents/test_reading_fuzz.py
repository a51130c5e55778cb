"""Any bytes under any supported name give a Document or a DocumentError, nothing else;
the documents hold together (sections exact, in order, inside the text); text survives
its encoding."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chatapp.documents.reading import (
    Document,
    DocumentError,
    UnreadableDocument,
    read_document_bytes,
)
from tests.unit.documents.pdf_files import make_pdf

NAMES = ["a.txt", "a.md", "a.py", "a.html", "a.pdf", "a.docx"]


def check_document(document: Document) -> None:
    end = 0
    for section in document.sections:
        assert section.start >= end
        assert document.text[section.start:section.end] == section.text
        assert section.text.strip() and section.text == section.text.rstrip()
        assert not section.text.startswith("\n")
        end = section.end
    assert end <= len(document.text)
    assert "\r" not in document.text and "\x00" not in document.text


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        document = read_document_bytes(data, name)
    except DocumentError as error:
        assert name in error.user_message
        return
    check_document(document)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_heading("Heading", level=1)
    document.add_paragraph("Some words in a paragraph.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "a", "b"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


VALID = {"a.pdf": make_pdf(["First page text.", "Second (page)."]), "a.docx": _docx_bytes(),
         "a.html": b"<html><body><h1>T</h1><p>Hello &amp; bye</p></body></html>",
         "a.md": b"# Title\n\nText.\n\n```\n# code\n```\n"}


@given(st.binary(max_size=4000), st.sampled_from(NAMES))
def test_random_bytes(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(VALID)), st.data())
def test_damaged_files(name: str, data: st.DataObject) -> None:
    """Valid files with bytes changed, cut or inserted, read as their own kind."""
    original = bytearray(VALID[name])
    for _ in range(data.draw(st.integers(1, 8))):
        where = data.draw(st.integers(0, len(original) - 1))
        action = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        if action == "flip":
            original[where] = data.draw(st.integers(0, 255))
        elif action == "cut":
            del original[where:where + data.draw(st.integers(1, 64))]
        else:
            original[where:where] = data.draw(st.binary(min_size=1, max_size=16))
        if not original:
            break
    read_or_refuse(bytes(original), name)


@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
       st.sampled_from(["a.txt", "a.md", "a.rs"]))
def test_text_survives_its_encoding(text: str, encoding: str, name: str) -> None:
    printable = "".join(c for c in text if c.isprintable() or c in "\n\t")
    document = read_document_bytes(printable.encode(encoding), name)
    assert document.text == printable
    check_document(document)


def test_the_valid_files_are_valid() -> None:
    for name, data in VALID.items():
        document = read_document_bytes(data, name)
        assert document.sections, name
        check_document(document)
    assert read_document_bytes(codecs.BOM_UTF8 + b"x", "a.txt").text == "x"


def test_names_of_every_kind_are_read(tmp_path: Path) -> None:
    kinds = {name: read_document_bytes(data, name).kind for name, data in VALID.items()}
    assert kinds == {"a.pdf": "pdf", "a.docx": "docx", "a.html": "html", "a.md": "markdown"}


def _rezip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def _docx_entries() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(VALID["a.docx"])) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


_XML_SNIPPETS = [b"<w:p>", b"</w:p>", b"<w:tbl>", b"<w:tr><w:tc>", b"</w:body>", b"<w:tc>",
                 b"<w:pStyle/>", b'<w:pStyle w:val="Title"/>', b'<w:gridSpan w:val="99999"/>',
                 b'<w:gridSpan w:val="-3"/>', b"<w:vMerge/>", b"<w:gridCol/>", b"&a;",
                 b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", b"\x00", b"<w:r><w:t>x</w:t></w:r>"]


@settings(max_examples=150)
@given(st.data())
def test_docx_with_damaged_xml_inside(data: st.DataObject) -> None:
    """The archive is sound, its XML parts are not (as a buggy writer leaves them)."""
    entries = _docx_entries()
    parts = ["word/document.xml", "word/styles.xml", "[Content_Types].xml", "_rels/.rels"]
    for _ in range(data.draw(st.integers(1, 4))):
        part = data.draw(st.sampled_from(parts))
        if part not in entries:
            continue
        if data.draw(st.integers(0, 19)) == 0:
            del entries[part]
            continue
        xml = entries[part]
        where = data.draw(st.integers(0, len(xml)))
        if data.draw(st.booleans()):
            xml = xml[:where] + data.draw(st.sampled_from(_XML_SNIPPETS)) + xml[where:]
        else:
            xml = xml[:where] + xml[where + data.draw(st.integers(1, 40)):]
        entries[part] = xml
    read_or_refuse(_rezip(entries), "a.docx")


def test_docx_paragraph_style_without_its_value() -> None:
    # python-docx raises its own InvalidXmlError here, found by the fuzzing above
    entries = _docx_entries()
    entries["word/document.xml"] = entries["word/document.xml"].replace(
        b'<w:pStyle w:val="Heading1"/>', b"<w:pStyle/>", 1)
    assert b"<w:pStyle/>" in entries["word/document.xml"]
    with pytest.raises(UnreadableDocument, match="not a Word document chatapp can read"):
        read_document_bytes(_rezip(entries), "a.docx")


_MARKUP = st.lists(st.sampled_from([
    "<p>", "</p>", "<h1>", "</h1>", "<h2 id='x'>", "</h2>", "<head>", "</head>", "<body>",
    "<script>", "</script>", "<style>", "</style>", "<nav>", "</nav>", "<pre>", "</pre>",
    "<li>", "<td>", "<tr>", "<br/>", "<!--", "-->", "<!doctype html>", "<![CDATA[", "]]>",
    "<a href=\"", "\">", "'", "<", ">", "&amp;", "&#x1F600;", "&#xD800;", "&", "text",
    " ", "\n", "\u00e9", "<title>", "</title>", "<meta charset=koi8-r>",
]), max_size=60).map("".join)


@given(_MARKUP)
def test_any_markup(markup: str) -> None:
    document = read_document_bytes(markup.encode(), "a.html")
    check_document(document)
