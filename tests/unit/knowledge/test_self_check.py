"""The self-test's Local documents check (run by installers' tests on the bundle)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chatapp.knowledge import self_check
from chatapp.knowledge.self_check import DocumentsCheckError, check_local_documents


def test_it_indexes_real_documents_and_finds_by_words_and_meaning(tmp_path: Path) -> None:
    report = check_local_documents(tmp_path)
    assert (report["indexed"], report["failed"]) == (2, 1)
    assert (tmp_path / "knowledge.sqlite3").is_file()


def test_it_fails_when_a_document_is_not_read(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # As a bundle without python-docx's template would: the DOCX is not written readable.
    monkeypatch.setattr(self_check, "_write_docx",
                        lambda path: path.write_bytes(b"PK\x03\x04 not a docx"))
    with pytest.raises(DocumentsCheckError, match="indexed 1 and failed 2"):
        check_local_documents(tmp_path)
