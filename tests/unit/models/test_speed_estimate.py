"""Predicted speeds: from the machine's speed and the weights, calibrated by real runs."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

import pytest

from chatapp.engine.llama_engine import GenerationStats
from chatapp.gguf.inspect import inspect_gguf
from chatapp.models.catalog import load_catalog
from chatapp.models.speed_estimate import (
    SpeedEstimator,
    SpeedPrediction,
    WeightsProfile,
    raw_speeds,
    speed_run,
)
from chatapp.models.speed_probe import MachineSpeed
from chatapp.models.speed_records import SpeedRun

MACHINE = MachineSpeed(fingerprint="this machine", memory_bytes_per_s=20e9, flops_per_s=50e9,
                       threads=2, measured_at=0.0)
GB = 1_000_000_000


def stats(generated: int, seconds: float, prompt: int = 100,
          prompt_s: float = 0.5) -> GenerationStats:
    return GenerationStats(prompt_tokens=prompt, evaluated_prompt_tokens=prompt,
                           generated_tokens=generated, ttft_s=prompt_s, prompt_eval_s=prompt_s,
                           generation_s=seconds, stop_reason="eos")


def recorded(profile: WeightsProfile, generation: float, prompt: float | None,
             sha: str = "s" * 64, fingerprint: str = MACHINE.fingerprint) -> SpeedRun:
    return SpeedRun(sha256=sha, file_name="m.gguf", size_bytes=profile.weights_bytes,
                    quantization="Q4_0", fingerprint=fingerprint,
                    generation_tokens_per_s=generation, prompt_tokens_per_s=prompt,
                    parameters=profile.parameters, bytes_by_type=profile.bytes_by_type,
                    kv_bytes_per_token=profile.kv_bytes_per_token)


def test_bigger_files_are_predicted_slower() -> None:
    estimator = SpeedEstimator(MACHINE, [])
    speeds = [estimator.predict(WeightsProfile.from_file_size(size, "Q4_K_M"))
              for size in (GB // 2, GB, 2 * GB, 4 * GB, 8 * GB)]
    generation = [s.generation_tokens_per_s for s in speeds]
    prompt = [s.prompt_tokens_per_s or 0 for s in speeds]
    assert generation == sorted(generation, reverse=True) and len(set(generation)) == 5
    assert prompt == sorted(prompt, reverse=True) and len(set(prompt)) == 5
    assert not any(s.measured for s in speeds)


def test_calibration_moves_predictions_toward_the_measurements() -> None:
    ran = WeightsProfile.from_file_size(GB, "Q4_0")
    other = WeightsProfile.from_file_size(3 * GB, "Q4_0")
    raw_generation, raw_prompt = raw_speeds(ran, MACHINE)
    before = SpeedEstimator(MACHINE, []).predict(other)
    # This computer turned out twice as fast as the raw prediction, and its prompts 3x.
    runs = [recorded(ran, 2 * raw_generation, 3 * raw_prompt)]
    after = SpeedEstimator(MACHINE, runs)
    assert after.predict(ran).generation_tokens_per_s == pytest.approx(2 * raw_generation)
    assert after.predict(ran).prompt_tokens_per_s == pytest.approx(3 * raw_prompt)
    assert after.predict(other).generation_tokens_per_s == pytest.approx(
        2 * before.generation_tokens_per_s)
    assert after.predict(other).runs == 1
    # Runs on another computer say nothing of this one.
    elsewhere = SpeedEstimator(MACHINE, [recorded(ran, 9 * raw_generation, None,
                                                  fingerprint="another machine")])
    assert elsewhere.predict(other) == before


def test_a_model_that_ran_shows_its_measured_speed() -> None:
    profile = WeightsProfile.from_file_size(GB, "Q4_0")
    runs = [recorded(profile, g, p) for g, p in ((100.0, 800.0), (104.0, 900.0),
                                                 (110.0, None))]
    estimator = SpeedEstimator(MACHINE, runs)
    speed = estimator.speed(profile, sha256="s" * 64)
    assert speed.measured and speed.runs == 3
    assert speed.text == "measured: 104 tokens/s · prompt 850/s"
    assert "last 3 replies" in speed.explanation
    by_name = estimator.speed(profile, file_name="m.gguf", size_bytes=profile.weights_bytes)
    assert by_name == speed
    never_ran = estimator.speed(profile, sha256="t" * 64)
    assert not never_ran.measured and never_ran.text.startswith("≈ ")
    slow = SpeedPrediction(0.04, None, measured=False, runs=0)
    assert slow.text == "≈ 0.04 tokens/s"
    assert SpeedPrediction(6.0, 60.0, measured=False, runs=0).text == \
        "≈ 6.0 tokens/s · prompt ≈ 60/s"
    assert " tokens/s · prompt ≈ " in never_ran.text


def test_a_real_gguf_is_profiled_by_its_tensors(model_path: Path) -> None:
    info = inspect_gguf(model_path)
    profile = WeightsProfile.from_gguf(info)
    assert profile.weights_bytes == info.tensor_data_bytes
    assert {"Q4_1", "Q8_0"} <= set(profile.bytes_by_type)
    assert profile.parameters == info.parameter_count and not profile.estimated
    run = speed_run(info, sha256="a" * 64, file_name=model_path.name,
                    size_bytes=model_path.stat().st_size, fingerprint="m",
                    stats=stats(51, 0.5))
    assert run is not None
    assert run.generation_tokens_per_s == pytest.approx(100.0)
    assert run.prompt_tokens_per_s == pytest.approx(200.0)
    assert run.bytes_by_type == profile.bytes_by_type
    # A short prompt evaluation is no measure of prompt speed; one token none of generation.
    short = speed_run(info, sha256="a" * 64, file_name="x", size_bytes=1, fingerprint="m",
                      stats=stats(51, 0.5, prompt=5, prompt_s=0.1))
    assert short is not None and short.prompt_tokens_per_s is None
    for too_short in (stats(1, 0.0), stats(8, 0.1)):
        assert speed_run(info, sha256="a" * 64, file_name="x", size_bytes=1, fingerprint="m",
                         stats=too_short) is None


def test_an_untied_token_embedding_is_a_lookup_not_read_per_token(model_path: Path) -> None:
    tied = inspect_gguf(model_path)  # SmolLM2 ties its output to the token embedding
    [embedding] = [t for t in tied.tensors if t.name == "token_embd.weight"]
    untied = replace(tied, tensors=(*tied.tensors, replace(embedding, name="output.weight")),
                     parameter_count=tied.parameter_count + math.prod(embedding.shape))
    tied_profile, untied_profile = WeightsProfile.from_gguf(tied), WeightsProfile.from_gguf(untied)
    # The output projection is read per token either way; the embedding only when tied.
    assert tied_profile.weights_bytes == tied.tensor_data_bytes
    assert untied_profile.weights_bytes == tied_profile.weights_bytes
    assert untied_profile.parameters == tied_profile.parameters == tied.parameter_count


def test_quantization_names_choose_the_format() -> None:
    assert set(WeightsProfile.from_file_size(GB, "Q4_K_M").bytes_by_type) == {"Q4_K"}
    assert set(WeightsProfile.from_file_size(GB, "UD-Q4_K_XL").bytes_by_type) == {"Q4_K"}
    assert set(WeightsProfile.from_file_size(GB, "Q8_0").bytes_by_type) == {"Q8_0"}
    q8 = WeightsProfile.from_file_size(GB, "Q8_0")
    q4 = WeightsProfile.from_file_size(GB, "Q4_0")
    assert q4.parameters > 1.7 * q8.parameters  # the same bytes hold more 4-bit weights


def test_every_catalog_entry_gets_a_prediction() -> None:
    estimator = SpeedEstimator(MACHINE, [])
    for entry in load_catalog():
        speed = estimator.predict(WeightsProfile.from_catalog(entry))
        assert speed.generation_tokens_per_s > 0
        assert speed.text.startswith("≈ ")


def test_a_format_that_has_run_is_calibrated_by_its_own_runs() -> None:
    q4 = WeightsProfile.from_file_size(GB, "Q4_0")
    k4 = WeightsProfile.from_file_size(GB, "Q4_K_M")
    q8 = WeightsProfile.from_file_size(GB, "Q8_0")
    runs = [recorded(q4, 2 * raw_speeds(q4, MACHINE)[0], None, sha="a" * 64),
            recorded(k4, 1 * raw_speeds(k4, MACHINE)[0], None, sha="b" * 64)]
    estimator = SpeedEstimator(MACHINE, runs)
    assert estimator.generation_factor == pytest.approx(1.5)  # the median of all runs
    assert estimator.predict(WeightsProfile.from_file_size(3 * GB, "Q4_0")) \
        .generation_tokens_per_s == pytest.approx(
            2 * raw_speeds(WeightsProfile.from_file_size(3 * GB, "Q4_0"), MACHINE)[0])
    assert estimator.predict(k4).generation_tokens_per_s == pytest.approx(
        raw_speeds(k4, MACHINE)[0])
    assert estimator.predict(q8).generation_tokens_per_s == pytest.approx(
        1.5 * raw_speeds(q8, MACHINE)[0])
