"""pytest fixtures for the hub tests (imported by each test module of tests/unit/hub).

Every test gets its own stand-in hub, so fault knobs and the request log never leak between
tests. A trap token is put where huggingface_hub would look for one on its own (``HF_TOKEN``);
after each test, no request may have carried it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.hub.client import HubClient
from tests.hub_stand_in.content import Blobs, populate, write_blobs
from tests.hub_stand_in.server import StandInHub, iter_requests_with_token

__all__ = ["TRAP_TOKEN", "blobs", "client", "hub", "models_dir", "no_ambient_token"]

TRAP_TOKEN = "hf_TRAP_ambient_token_must_never_be_sent"


@pytest.fixture(scope="session")
def blobs(tmp_path_factory: pytest.TempPathFactory) -> Blobs:
    return write_blobs(tmp_path_factory.mktemp("hub-blobs"))


@pytest.fixture(autouse=True)
def no_ambient_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_TOKEN", TRAP_TOKEN)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)


@pytest.fixture
def hub(blobs: Blobs, model_path: Path) -> Iterator[StandInHub]:
    with StandInHub() as server:
        populate(server, blobs, model_path)
        yield server
        leaked = list(iter_requests_with_token(server, TRAP_TOKEN))
        assert leaked == [], f"the ambient HF_TOKEN was sent: {leaked[:1]}"


@pytest.fixture
def client(hub: StandInHub) -> HubClient:
    return HubClient(hub.endpoint)


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    return folder
