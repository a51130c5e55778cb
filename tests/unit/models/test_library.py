from __future__ import annotations

from pathlib import Path

from chatapp.models.library import installed_models


def test_lists_gguf_files_only(tmp_path: Path) -> None:
    (tmp_path / "b.gguf").write_bytes(b"x")
    (tmp_path / "A.GGUF").write_bytes(b"x")
    (tmp_path / ".partial.gguf").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "dir.gguf").mkdir()
    assert [p.name for p in installed_models(tmp_path)] == ["A.GGUF", "b.gguf"]
    assert installed_models(tmp_path / "missing") == []
