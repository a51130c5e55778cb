from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.engine.llama_engine import LlamaEngine, LoadSettings


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    loaded = LlamaEngine(model_path, LoadSettings(context_length=1024, threads=2,
                                                  threads_batch=2, batch_size=256))
    yield loaded
    loaded.close()
