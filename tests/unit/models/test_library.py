from __future__ import annotations

from pathlib import Path

import pytest

from chatapp.gguf.split_files import model_files
from chatapp.models.errors import LibraryError
from chatapp.models.library import ModelLibrary, installed_models


def test_a_split_model_is_listed_once_and_deleted_whole(tmp_path: Path) -> None:
    models = tmp_path / "models"
    models.mkdir()
    parts = [models / f"big-Q4_K_M-{i:05d}-of-00003.gguf" for i in (1, 2, 3)]
    for part in parts:
        part.write_bytes(b"x" * 10)
    assert installed_models(models) == [parts[0]]
    assert model_files(parts[0]) == parts
    library = ModelLibrary(models, tmp_path / "registry.json")
    assert [m.size for m in library.describe()] == [30]
    assert library.delete(parts[0]) is True
    assert list(models.iterdir()) == []


def test_lists_gguf_files_only(tmp_path: Path) -> None:
    (tmp_path / "b.gguf").write_bytes(b"x")
    (tmp_path / "A.GGUF").write_bytes(b"x")
    (tmp_path / ".partial.gguf").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    (tmp_path / "dir.gguf").mkdir()
    assert [p.name for p in installed_models(tmp_path)] == ["A.GGUF", "b.gguf"]
    assert installed_models(tmp_path / "missing") == []


@pytest.fixture
def library(tmp_path: Path) -> ModelLibrary:
    return ModelLibrary(tmp_path / "models", tmp_path / "data" / "imported-models.json")


@pytest.fixture
def elsewhere(tmp_path: Path, model_path: Path) -> Path:
    folder = tmp_path / "Downloads"
    folder.mkdir()
    copy = folder / "SmolLM2.gguf"
    copy.write_bytes(model_path.read_bytes())
    return copy


def test_import_in_place_remembers_without_copying(library: ModelLibrary,
                                                   elsewhere: Path) -> None:
    assert library.import_in_place(elsewhere) == elsewhere
    assert library.model_paths() == [elsewhere]
    assert not library.models_dir.exists() or not any(library.models_dir.iterdir())
    described = library.describe()
    assert described[0].info is not None and described[0].info.architecture == "llama"
    assert not described[0].in_models_folder
    # Deleting an imported model forgets it; the user's file stays.
    assert library.delete(elsewhere) is False
    assert elsewhere.is_file()
    assert library.model_paths() == []


def test_import_copy_lands_in_the_models_folder(library: ModelLibrary,
                                                elsewhere: Path) -> None:
    copied = library.import_copy(elsewhere)
    assert copied == library.models_dir / elsewhere.name
    assert copied.read_bytes() == elsewhere.read_bytes()
    assert [p.name for p in library.models_dir.iterdir()] == [elsewhere.name]
    with pytest.raises(LibraryError, match="already has"):
        library.import_copy(elsewhere)
    assert library.delete(copied) is True
    assert not copied.exists()


def test_bad_files_are_refused_with_the_reason(library: ModelLibrary, tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_text("<html>not a model</html>", encoding="utf-8")
    with pytest.raises(LibraryError, match="not a GGUF"):
        library.import_in_place(bad)
    with pytest.raises(LibraryError):
        library.import_copy(bad)
    assert library.model_paths() == []


def test_vanished_imports_are_not_listed(library: ModelLibrary, elsewhere: Path) -> None:
    library.import_in_place(elsewhere)
    elsewhere.unlink()
    assert library.model_paths() == []
