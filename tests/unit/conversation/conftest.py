from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.engine.llama_engine import LlamaEngine, LoadSettings


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    """The starter model with a 1,024-token context (test_grounding has its own, larger)."""
    loaded = LlamaEngine(model_path, LoadSettings(context_length=1024, threads=2,
                                                  threads_batch=2))
    yield loaded
    loaded.close()
