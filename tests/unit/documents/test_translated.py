"""Refusals in another language: the user's message is translated, the log's detail is not."""

from __future__ import annotations

import pytest

from chatapp.documents.reading import (
    KINDS_READ,
    BinaryDocument,
    UnsupportedDocument,
    kinds_read,
    read_document_bytes,
)


@pytest.mark.usefixtures("translated")
def test_a_binary_file_is_refused_in_the_users_language() -> None:
    with pytest.raises(BinaryDocument) as refused:
        read_document_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "notes.txt")
    assert "(it looks like «a PNG image»)" in refused.value.user_message
    assert refused.value.detail == "notes.txt: not text (a PNG image)"  # the log's English


@pytest.mark.usefixtures("translated")
def test_the_kinds_read_are_translated_where_shown() -> None:
    assert KINDS_READ == ".txt, .md, .pdf, .docx, .html and source code files"
    assert kinds_read() == f"«{KINDS_READ}»"
    with pytest.raises(UnsupportedDocument) as refused:
        read_document_bytes(b"x", "slides.pptx")
    assert f"«{KINDS_READ}»" in refused.value.user_message
