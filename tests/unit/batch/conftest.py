from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.engine.llama_engine import LlamaEngine, LoadSettings, Sampling

# Short greedy replies: the same row gets the same reply in any run.
SAMPLING = Sampling(temperature=0.0, max_tokens=12)
ENGINE_SETTINGS = LoadSettings(context_length=512, threads=1, threads_batch=1,
                               batch_size=256)


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    loaded = LlamaEngine(model_path, ENGINE_SETTINGS)
    yield loaded
    loaded.close()
