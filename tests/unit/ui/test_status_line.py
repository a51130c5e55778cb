"""The status line's model tooltip names the KV cache type and its memory per token."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.engine.model_loader import ModelSummary
from chatapp.ui.status_line import StatusLine
from chatapp.vocabulary import KvCacheType


def summary(model_path: Path, **changes: object) -> ModelSummary:
    values: dict[str, object] = {
        "path": model_path, "name": "SmolLM2", "architecture": "llama",
        "quantization": "Q4_1", "parameter_count": 135_000_000, "file_size": 100_000_000,
        "context_length": 8192, "context_reason": "automatic", "trained_context": 8192,
        "threads": 2, "threads_batch": 2, "chat_template": "the model's own", **changes}
    return ModelSummary(**values)  # type: ignore[arg-type]


def test_the_tooltip_says_the_kv_cache_type_and_its_memory_per_token(
        qtbot: QtBot, tmp_path: Path) -> None:
    line = StatusLine()
    qtbot.addWidget(line)
    line.set_model(summary(tmp_path / "m.gguf", kv_cache_type=KvCacheType.Q8_0,
                           kv_bytes_per_token=16_320))
    assert "Context memory: q8_0 KV cache, 15.9 KB per token" in line.model.toolTip()
    line.set_model(summary(tmp_path / "m.gguf"))
    assert "Context memory: f16 KV cache\n" in line.model.toolTip()
