"""Speed known before download: predicted against measured, on every model this machine has.

The models: SmolLM2 Q4_1 (the starter model, the one the app has run) and its other
quantizations made here with the vendored llama.cpp's ``llama-quantize --allow-requantize``
(Q8_0, Q4_0, Q5_K_M, Q2_K; quality does not matter, speed does), plus any GGUF passed with
``--predict-model``. The machine is probed as the app probes it (speed_probe, measured
afresh), then the app's predictor is calibrated with SmolLM2 Q4_1's replies ONLY (recorded
as the engine worker records them: speed_estimate.speed_run) and predicts the others from
their GGUF headers. Each model is then measured with the real engine (LlamaEngine, the
app's threads: chatapp.engine.context_policy.choose_threads): a prompt of ``prompt_tokens``
new tokens and ``gen_tokens`` generated with end-of-sequence ignored, in ``rounds`` rounds
that go through all the models in turn (so a noisy moment hits every model alike); the
median is kept.

``prediction_error`` is the largest relative error of generation tokens/s over the models
that were predicted (|predicted - measured| / measured); ``prediction_prompt_error`` the
same for prompt tokens/s. The uncalibrated prediction (before any run) is reported too.

Run alone: ``python -m bench.prediction [--quick] [--predict-model PATH ...]``; prints JSON.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import BenchError, median, starter_model
from chatapp.engine.context_policy import choose_threads
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, LoadSettings, Sampling
from chatapp.gguf.inspect import inspect_gguf
from chatapp.hardware import detect_hardware
from chatapp.models.speed_estimate import SpeedEstimator, WeightsProfile, speed_run
from chatapp.models.speed_probe import measure_machine_speed
from chatapp.models.speed_records import SpeedRun

QUANTIZATIONS = ("Q8_0", "Q4_0", "Q5_K_M", "Q2_K")


@dataclass(frozen=True)
class PredictionBenchConfig:
    prompt_tokens: int = 256
    gen_tokens: int = 128
    rounds: int = 5  # a round's speeds differ by up to 15 % on a shared machine
    threads: int = 0  # 0: as the app chooses
    quantizations: tuple[str, ...] = QUANTIZATIONS

    @staticmethod
    def quick(threads: int = 0) -> PredictionBenchConfig:
        return PredictionBenchConfig(prompt_tokens=48, gen_tokens=16, rounds=1,
                                     threads=threads, quantizations=("Q8_0", "Q4_0"))


def quantize(source: Path, binary: Path, folder: Path, quantization: str,
             threads: int) -> Path:
    """``source`` requantized to ``quantization`` with llama-quantize."""
    target = folder / f"{source.stem.rsplit('.', 1)[0]}.{quantization}.gguf"
    done = subprocess.run([str(binary), "--allow-requantize", str(source), str(target),
                           quantization, str(threads)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not target.is_file():
        raise BenchError(f"llama-quantize {quantization} failed: {done.stderr[-500:]}")
    return target


def measure_once(model: Path, cfg: PredictionBenchConfig, round_no: int) -> GenerationStats:
    """One reply with the real engine: a fresh prompt of exactly ``prompt_tokens``."""
    hardware = detect_hardware()
    threads, threads_batch = choose_threads(cfg.threads, hardware)
    engine = LlamaEngine(model, LoadSettings(
        context_length=cfg.prompt_tokens + cfg.gen_tokens + 64, threads=threads,
        threads_batch=threads_batch))
    try:
        text = f"Round {round_no}. " + "Tell me a long story about the sea and its ships. " * 80
        prompt = engine.tokenize(text)[:cfg.prompt_tokens]
        if len(prompt) != cfg.prompt_tokens:
            raise BenchError(f"a prompt of {cfg.prompt_tokens} tokens could not be made")
        stats = engine.generate(prompt, Sampling(temperature=0.0, max_tokens=cfg.gen_tokens,
                                                 ignore_eos=True),
                                lambda _text: None, lambda: False)
    finally:
        engine.close()
    if stats.generated_tokens != cfg.gen_tokens:
        raise BenchError(f"{model.name} generated {stats.generated_tokens} tokens, not "
                         f"{cfg.gen_tokens}")
    return stats


def _error(predicted: float | None, measured: float | None) -> float | None:
    if predicted is None or not measured:
        return None
    return abs(predicted - measured) / measured


def run_prediction(calibration_model: Path, cfg: PredictionBenchConfig,
                   log: Callable[[str], None], *, quantize_binary: Path, work: Path,
                   extra_models: Sequence[Path] = ()) -> dict[str, object]:
    if not quantize_binary.is_file():
        raise BenchError(f"{quantize_binary} is missing: make llama-quantize builds it")
    folder = work / "prediction-models"
    folder.mkdir(parents=True, exist_ok=True)
    hardware = detect_hardware()
    threads, _ = choose_threads(cfg.threads, hardware)
    models = [calibration_model]
    for quantization in cfg.quantizations:
        log(f"  llama-quantize {quantization}")
        models.append(quantize(calibration_model, quantize_binary, folder, quantization,
                               threads))
    models.extend(extra_models)
    log("  probing the machine")
    machine = measure_machine_speed(hardware)

    stats: dict[Path, list[GenerationStats]] = {m: [] for m in models}
    for round_no in range(cfg.rounds):
        for model in models:
            stats[model].append(measure_once(model, cfg, round_no))
        log(f"  round {round_no + 1}/{cfg.rounds} measured")

    # Calibrated with the starter model's replies only, recorded as the app records them.
    info = inspect_gguf(calibration_model)
    calibration_runs: list[SpeedRun] = []
    for one in stats[calibration_model]:
        run = speed_run(info, sha256="calibration", file_name=calibration_model.name,
                        size_bytes=calibration_model.stat().st_size,
                        fingerprint=machine.fingerprint, stats=one)
        if run is not None:
            calibration_runs.append(run)
    calibrated = SpeedEstimator(machine, calibration_runs)
    uncalibrated = SpeedEstimator(machine, [])

    rows: list[dict[str, object]] = []
    for model in models:
        model_info = inspect_gguf(model)
        profile = WeightsProfile.from_gguf(model_info)
        predicted = calibrated.predict(profile)
        prior = uncalibrated.predict(profile)
        generation = median([s.tokens_per_s or 0.0 for s in stats[model]])
        prompts = [s.prompt_tokens_per_s for s in stats[model] if s.prompt_tokens_per_s]
        prompt = median(prompts) if prompts else None
        rows.append({
            "model": model.name,
            "quantization": model_info.quantization,
            "size_bytes": model.stat().st_size,
            "calibration": model == calibration_model,
            "predicted_generation_tps": predicted.generation_tokens_per_s,
            "measured_generation_tps": generation,
            "generation_error": _error(predicted.generation_tokens_per_s, generation),
            "uncalibrated_generation_tps": prior.generation_tokens_per_s,
            "predicted_prompt_tps": predicted.prompt_tokens_per_s,
            "measured_prompt_tps": prompt,
            "prompt_error": _error(predicted.prompt_tokens_per_s, prompt),
            "uncalibrated_prompt_tps": prior.prompt_tokens_per_s,
            "generation_rounds_tps": [s.tokens_per_s for s in stats[model]],
        })
    predicted_rows = [r for r in rows if not r["calibration"]]
    generation_errors = [float(e) for r in predicted_rows
                         if isinstance(e := r["generation_error"], float)]
    prompt_errors = [float(e) for r in predicted_rows
                     if isinstance(e := r["prompt_error"], float)]
    return {
        "threads": threads,
        "prompt_tokens": cfg.prompt_tokens,
        "gen_tokens": cfg.gen_tokens,
        "rounds": cfg.rounds,
        "machine": {"memory_gb_per_s": machine.memory_bytes_per_s / 1e9,
                    "gflops": machine.flops_per_s / 1e9, "fingerprint": machine.fingerprint},
        "generation_factor": calibrated.generation_factor,
        "prompt_factor": calibrated.prompt_factor,
        "models": rows,
        "prediction_error": max(generation_errors) if generation_errors else None,
        "prediction_prompt_error": max(prompt_errors) if prompt_errors else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.prediction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=0)
    parser.add_argument("--quantize", type=Path,
                        default=Path("build/llama-bench/bin/llama-quantize"))
    parser.add_argument("--predict-model", type=Path, action="append", default=[],
                        metavar="GGUF", help="another model to predict and measure")
    parser.add_argument("--work", type=Path, default=Path("build/bench-prediction"))
    args = parser.parse_args(argv)
    cfg = PredictionBenchConfig.quick(args.threads) if args.quick \
        else PredictionBenchConfig(threads=args.threads)
    if args.rounds:
        cfg = PredictionBenchConfig(cfg.prompt_tokens, cfg.gen_tokens, args.rounds,
                                    cfg.threads, cfg.quantizations)
    result = run_prediction(starter_model(), cfg, print, quantize_binary=args.quantize,
                            work=args.work, extra_models=args.predict_model)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def report_lines(results: Mapping[str, Any]) -> list[str]:
    """The report's section (bench/report.py)."""
    p = results.get("prediction")
    if not isinstance(p, dict):
        return []

    def rate(value: object) -> str:
        return f"{value:,.1f}" if isinstance(value, (int, float)) else "-"

    def error(value: object) -> str:
        return f"{value:.0%}" if isinstance(value, (int, float)) else "-"

    header = ["model", "size", "generation predicted", "measured", "error",
              "prompt predicted", "measured", "error", "uncalibrated gen / prompt"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for row in p["models"]:
        name = f"{row['model']} ({row['quantization']})"
        if row["calibration"]:
            name += " — calibration"
        lines.append("| " + " | ".join([
            name, f"{row['size_bytes'] / 1e6:,.0f} MB",
            rate(row["predicted_generation_tps"]), rate(row["measured_generation_tps"]),
            error(row["generation_error"]) if not row["calibration"] else "",
            rate(row["predicted_prompt_tps"]), rate(row["measured_prompt_tps"]),
            error(row["prompt_error"]) if not row["calibration"] else "",
            f"{rate(row['uncalibrated_generation_tps'])} / "
            f"{rate(row['uncalibrated_prompt_tps'])}",
        ]) + " |")
    machine = p["machine"]
    return [
        f"The app's predictor (chatapp/models/speed_estimate.py) on every model this machine "
        f"has: the machine probed as the app probes it ({machine['memory_gb_per_s']:.1f} GB/s "
        f"copied, {machine['gflops']:.0f} GFLOPS float32), calibrated with the starter "
        "model's replies only, then each model measured with the real engine at the app's "
        f"threads ({p['threads']}): {p['prompt_tokens']} prompt tokens, {p['gen_tokens']} "
        f"generated, {p['rounds']} interleaved rounds, medians. Largest generation error "
        f"(`prediction_error`): **{error(p['prediction_error'])}**; largest prompt error: "
        f"{error(p['prediction_prompt_error'])}. See bench/prediction.py.",
        "",
        *lines,
    ]
