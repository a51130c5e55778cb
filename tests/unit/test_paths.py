from __future__ import annotations

import stat
from pathlib import Path

import pytest

from chatapp.paths import HOME_ENV, AppPaths


def test_portable_home_holds_every_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "portable"))
    paths = AppPaths.from_environment()
    home = (tmp_path / "portable").resolve()
    for folder in (paths.data_dir, paths.models_dir, paths.config_dir, paths.log_dir,
                   paths.cache_dir):
        assert folder.is_relative_to(home)
    assert paths.history_db.parent == paths.data_dir
    assert paths.settings_file.parent == paths.config_dir


def test_platform_folders_without_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    paths = AppPaths.from_environment()
    assert paths.data_dir == tmp_path / "xdg-data" / "chatapp"
    assert paths.config_dir == tmp_path / "xdg-config" / "chatapp"
    assert paths.models_dir.parent == paths.data_dir


def test_folders_are_private(tmp_path: Path) -> None:
    paths = AppPaths.portable(tmp_path / "home")
    paths.ensure()
    for folder in (paths.data_dir, paths.models_dir, paths.config_dir, paths.log_dir):
        assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0, folder
