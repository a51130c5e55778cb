"""A real API server for the tests: SmolLM2 (and all-MiniLM-L6-v2 for embeddings) loaded
once per module on a LocalHost thread; each test gets its own ApiServer on a free port."""

from __future__ import annotations

import queue
from collections.abc import Callable, Iterator
from pathlib import Path

import openai
import pytest

from chatapp.api.jobs import ApiJob
from chatapp.api.local_host import LocalHost
from chatapp.api.server import LOCAL_HOST, ApiServer, BoundAddress
from chatapp.paths import AppPaths
from chatapp.settings import Settings

CONTEXT = 2048


class Host:
    """The LocalHost, and the jobs it finished, in order."""

    def __init__(self, local: LocalHost, model_id: str, paths: AppPaths,
                 finished: queue.Queue[ApiJob]) -> None:
        self.local = local
        self.model_id = model_id
        self.paths = paths
        self.finished = finished

    def next_finished(self, timeout: float = 120) -> ApiJob:
        return self.finished.get(timeout=timeout)


@pytest.fixture(scope="module")
def host(model_path: Path, embedding_model_path: Path,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    paths = AppPaths.portable(tmp_path_factory.mktemp("api-home"))
    paths.ensure()
    settings = Settings(context_length=CONTEXT, embedding_model_path=str(embedding_model_path))
    finished: queue.Queue[ApiJob] = queue.Queue()
    local = LocalHost(paths, settings, model_path, on_job_done=finished.put)
    local.start()
    yield Host(local, model_path.stem, paths, finished)
    local.close()


ServerFactory = Callable[..., BoundAddress]


@pytest.fixture
def start_server(host: Host) -> Iterator[ServerFactory]:
    """Start ApiServers on free ports (keyword arguments go to ApiServer); all stopped
    after the test."""
    servers: list[ApiServer] = []
    while not host.finished.empty():  # jobs of earlier tests
        host.finished.get_nowait()

    def start(**kwargs: object) -> BoundAddress:
        server = ApiServer(host.local, **kwargs)  # type: ignore[arg-type]
        servers.append(server)
        return server.start(LOCAL_HOST, 0)

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def address(start_server: ServerFactory) -> BoundAddress:
    return start_server(api_key=None)


@pytest.fixture
def client(address: BoundAddress) -> openai.OpenAI:
    # The client insists on a key; the server asks for none here.
    return openai.OpenAI(base_url=f"{address.url}/v1", api_key="unused", max_retries=0,
                         timeout=120)
