"""The engine worker records the speed of every reply of the loaded model (not of a remote
server's), for the Models pane's predictions."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.prompt_window import PromptPlan
from chatapp.models.speed_records import SpeedRecords
from chatapp.settings import Settings
from chatapp.ui.workers.engine_worker import _EngineWorker, _Relay

STATS = GenerationStats(prompt_tokens=64, evaluated_prompt_tokens=64, generated_tokens=21,
                        ttft_s=0.2, prompt_eval_s=0.2, generation_s=0.5, stop_reason="eos")


def test_a_local_reply_is_recorded_and_a_remote_one_is_not(qtbot: QtBot, tmp_path: Path,
                                                           model_path: Path) -> None:
    worker = _EngineWorker(tmp_path / "history.db", tmp_path / "probes.json",
                           speed_records=tmp_path / "speed-records.json")
    try:
        worker.load(str(model_path), Settings(context_length=1024))
        records = SpeedRecords(tmp_path / "speed-records.json")
        remote = _Relay(worker)
        remote.reply_started(None, PromptPlan([1], 0, 0))  # type: ignore[arg-type]
        remote.reply_finished(None, STATS)  # type: ignore[arg-type]
        assert records.runs() == []
        local = _Relay(worker, local=True)
        local.reply_started(None, PromptPlan([1], 0, 0))  # type: ignore[arg-type]
        local.reply_finished(None, STATS)  # type: ignore[arg-type]
        [run] = records.runs()
        assert run.file_name == model_path.name
        assert run.size_bytes == model_path.stat().st_size
        assert run.quantization == "Q4_1" and len(run.sha256) == 64
        assert run.generation_tokens_per_s == 40.0  # 20 decodes in 0.5 s
        assert run.prompt_tokens_per_s == 320.0
    finally:
        # Not worker.shutdown(): that also quits the thread it runs on, here the test's.
        if worker._model is not None:
            worker._model.engine.close()
