"""The real SmolLM2 model, found on the stand-in hub, checked, downloaded, loaded and chatting."""

from __future__ import annotations

from pathlib import Path

from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DownloadManager, DownloadRequest, DownloadState
from chatapp.hub.remote_header import read_model_header
from chatapp.models.library import installed_models
from chatapp.models.starter import STARTER
from tests.hub_stand_in.content import SMOLLM_REPO
from tests.hub_stand_in.fixtures import *  # noqa: F403


def test_search_inspect_download_and_chat(client: HubClient, models_dir: Path) -> None:
    (hit,) = client.search("SmolLM2").results
    listing = client.list_repo(hit.repo_id)
    (model,) = listing.models
    assert model.quantization == "Q4_1" and model.size == STARTER.size_bytes
    assert model.first_file.sha256 == STARTER.sha256
    header = read_model_header(client, SMOLLM_REPO, model)
    assert header.runnable and header.architecture == "llama"

    manager = DownloadManager(models_dir, client)
    manager.enqueue(DownloadRequest.for_model(hit.repo_id, model))
    done = manager.run_next()
    assert done is not None and done.state == DownloadState.DONE, done and done.error
    (path,) = done.installed
    assert installed_models(models_dir) == [path]
    assert inspect_gguf(path).architecture == "llama"

    # one thread: a 135M model needs no more, and it keeps the test quick on a busy machine
    engine = LlamaEngine(path, LoadSettings(context_length=512, threads=1, threads_batch=1,
                                            batch_size=128))
    try:
        prompt = engine.tokenize_chat([ChatMessage("user", "Say hello.")])
        pieces: list[str] = []
        stats = engine.generate(prompt, Sampling(temperature=0.0, max_tokens=8), pieces.append,
                                lambda: False)
    finally:
        engine.close()
    assert stats.generated_tokens > 0 and "".join(pieces).strip()
