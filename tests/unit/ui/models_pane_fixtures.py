"""pytest fixtures for the Models pane's tests: a real pane on the stand-in hub (imported
by the test modules that build one, beside tests/hub_stand_in/fixtures.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from chatapp.hardware import detect_hardware
from chatapp.models.catalog import load_catalog
from chatapp.models.library import ModelLibrary
from chatapp.paths import AppPaths
from chatapp.ui.model_manager.pane import ModelsPane
from chatapp.ui.workers.hub_worker import HubController
from chatapp.ui.workers.task_thread import TaskThread
from tests.hub_stand_in.server import StandInHub

__all__ = ["disk", "pane"]


@pytest.fixture
def disk(qtbot: QtBot) -> Iterator[TaskThread]:
    thread = TaskThread("files")
    yield thread
    thread.shutdown(time.monotonic() + 5)


@pytest.fixture
def pane(qtbot: QtBot, app_paths: AppPaths, disk: TaskThread,
         hub: StandInHub) -> Iterator[ModelsPane]:
    hub_thread = HubController(app_paths.models_dir, hub.endpoint)
    secrets = TaskThread("secrets")
    try:
        widget = ModelsPane(library=ModelLibrary(app_paths.models_dir,
                                                 app_paths.models_registry),
                            catalog=load_catalog(), hardware=detect_hardware(), disk=disk,
                            hub=hub_thread, secrets=secrets)
        qtbot.addWidget(widget)
        yield widget
    finally:
        hub_thread.request_stop()
        hub_thread.wait_stopped(time.monotonic() + 5)
        secrets.shutdown(time.monotonic() + 5)
