"""How fast a model will answer on this computer, before it is downloaded.

Generating a token reads every weight once (and the KV cache of the context so far), so the
time per token is the bytes read over the memory bandwidth. Not every byte costs the same:
llama.cpp's CPU kernels turn some formats into products faster than others (f16 streams;
Q4_0 and Q8_0 have simple, repacked or int8 kernels; Q4_1, Q5_0/Q5_1 and the k-quants do
more work per byte). Reading a prompt multiplies matrices, so its speed is compute: about
2 x parameters operations per token, again at a speed that depends on the format.

The raw prediction comes from the machine probe (speed_probe) and the weights' make-up (the
GGUF's tensors by type, or only the file's size and quantization for a hub file not yet
read). Then it is calibrated: every reply the app generated with a local model is recorded
(speed_records), and the median ratio measured / predicted of those runs scales every
prediction, so running one model improves the numbers shown for all the others. A model
that has run shows its own measured speed instead.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from chatapp.gguf.architectures import GGML_TYPES
from chatapp.gguf.inspect import GgufInfo
from chatapp.i18n import format_number, translate
from chatapp.models.catalog import CatalogEntry
from chatapp.models.fit import estimated_kv_bytes_per_token
from chatapp.models.speed_probe import MachineSpeed
from chatapp.models.speed_records import SpeedRun

if TYPE_CHECKING:  # the engine's module loads llama.cpp; only its type is needed here
    from chatapp.engine.llama_engine import GenerationStats

__all__ = [
    "SpeedEstimator",
    "SpeedPrediction",
    "WeightsProfile",
    "format_rate",
    "speed_run",
]

# Compute time per byte of each ggml type's matrix-vector kernel, relative to f16 (1.0).
# Measured with llama-bench at two threads, the app's on the machine measured (all its
# cores, compute-bound: the per-byte cost of a kernel changes with the threads sharing the
# work; a one-thread table put Q8_0 and Q4_0 23 % too slow beside Q4_1), on SmolLM2-135M
# quantized with llama-quantize --pure, vendored llama.cpp on an x86-64 CPU with AVX-512;
# the mean of two runs, each the median of three rounds of 5 x 128 tokens (the runs
# differed by up to 15 %). It follows the kernels: f16, Q8_0, Q4_0 and IQ4_NL have
# llamafile's tinyBLAS or repacked kernels; Q4_1, Q5_0 and Q5_1 go through ggml's block dot
# products, more work per byte. The k-quants' 256-wide super-blocks fit only SmolLM2's
# 1,536-wide tensors (--pure quantizes the rest to a fallback type, whose cost is known):
# their cost is what is left, from a smaller share, so rougher. A prior only: the
# calibration with the models the user ran scales it.
_GENERATION_COST: Final[Mapping[str, float]] = {
    "F32": 1.0, "F16": 1.0, "BF16": 1.0,
    "Q8_0": 1.5, "Q4_0": 1.56, "IQ4_NL": 1.68, "MXFP4": 1.68,
    "Q4_1": 2.64, "Q5_0": 2.29, "Q5_1": 2.52,
    "Q2_K": 4.8, "Q3_K": 3.9, "Q4_K": 3.0, "Q5_K": 2.1, "Q6_K": 1.7,
}
# Other types (i-quants but IQ4_NL, ternary): taken as the mid k-quant.
_GENERATION_COST_OTHER: Final = 3.0
# f16 weights per second the matrix-vector kernels get through, in bytes, per float32 FLOP/s
# of numpy's matrix product (speed_probe) on the same threads (the same measurements: 25 GB/s
# of f16 on two threads against the probe's 197 GFLOPS).
_COMPUTE_BYTES_PER_FLOP: Final = 0.127
# Prompt (matrix-matrix) speed of each type relative to Q4_0's repacked kernel (1.0), from
# the same runs; Q4_1 and Q5_1 have no fast matrix kernel on x86.
_PROMPT_SPEED: Final[Mapping[str, float]] = {
    "Q4_0": 1.0, "IQ4_NL": 1.0, "MXFP4": 1.0,
    "F32": 0.5, "F16": 0.7, "BF16": 0.7, "Q8_0": 0.6, "Q5_0": 0.65,
    "Q4_1": 0.2, "Q5_1": 0.3,
}
_PROMPT_SPEED_OTHER: Final = 0.6
# Before any run: llama.cpp's int8 matrix kernels outrun numpy's float32 product by about
# this much (the same measurements).
_PROMPT_PRIOR: Final = 4.0
_GENERATION_PRIOR: Final = 1.0
# The context a reply is judged at: the KV cache read per token grows with it.
TYPICAL_CONTEXT_TOKENS: Final = 1024
# Prompt evaluations shorter than this run in small batches, far below the matrix speed:
# they say little about it and are not used to calibrate.
MIN_PROMPT_TOKENS: Final = 32
# Replies shorter than this are timed mostly by their start: not used to calibrate either.
MIN_GENERATED_TOKENS: Final = 16

_QUANT_SUFFIX = re.compile(r"^(?:UD-)?(?P<base>[A-Z0-9]+_[A-Z0-9]+?)(?:_(?:XXS|XS|S|M|L|XL))?$")
_LABEL_TYPES: Final[Mapping[str, str]] = {
    "IQ3_M": "IQ3_S", "IQ2_M": "IQ2_S", "IQ1_M": "IQ1_M", "MXFP4_MOE": "MXFP4",
    "Q2_K_S": "Q2_K", "IQ3_XS": "IQ3_XXS", "IQ4_XS": "IQ4_XS", "IQ2_XS": "IQ2_XS",
    "IQ2_XXS": "IQ2_XXS", "IQ3_XXS": "IQ3_XXS", "IQ1_S": "IQ1_S", "IQ2_S": "IQ2_S",
}


def _main_type(quantization: str | None) -> str:
    """The ggml type that holds most of a model quantized as ``quantization`` ("Q4_K_M")."""
    if not quantization:
        return "Q4_K"  # what most GGUF uploads are
    label = quantization.upper()
    if label in _LABEL_TYPES:
        return _LABEL_TYPES[label]
    if any(t.name == label for t in GGML_TYPES.values()):
        return label
    match = _QUANT_SUFFIX.match(label)
    base = match.group("base") if match else label
    return base if any(t.name == base for t in GGML_TYPES.values()) else "Q4_K"


def _bytes_per_weight(type_name: str) -> float:
    for ggml_type in GGML_TYPES.values():
        if ggml_type.name == type_name and not ggml_type.removed:
            return ggml_type.type_size / ggml_type.block_size
    return 0.5625  # Q4_K


@dataclass(frozen=True)
class WeightsProfile:
    """What the prediction needs of a model: its weights by type and its KV per token."""

    bytes_by_type: Mapping[str, int] = field(hash=False)
    parameters: int
    kv_bytes_per_token: int
    estimated: bool  # from the file's size and name, not its tensors

    @property
    def weights_bytes(self) -> int:
        return sum(self.bytes_by_type.values())

    @property
    def main_type(self) -> str:
        """The ggml type that holds most of the weights."""
        return max(self.bytes_by_type.items(), key=lambda item: (item[1], item[0]))[0] \
            if self.bytes_by_type else ""

    @classmethod
    def from_gguf(cls, info: GgufInfo) -> WeightsProfile:
        by_type: dict[str, int] = {}
        # A token embedding is a lookup, a row per token, unless the model ties its output
        # projection to it (no output.weight): only then is it read whole for each token.
        untied = any(tensor.name == "output.weight" for tensor in info.tensors)
        lookup_parameters = 0
        for tensor in info.tensors:
            if untied and tensor.name == "token_embd.weight":
                lookup_parameters = math.prod(tensor.shape)
                continue
            ggml_type = GGML_TYPES.get(tensor.ggml_type)
            name = ggml_type.name if ggml_type is not None else "Q4_K"
            by_type[name] = by_type.get(name, 0) + tensor.n_bytes
        parts = info.split_count if info.split_count and info.split_count > 1 else 1
        if not by_type:  # a header without its tensor list
            return cls.from_file_size(info.tensor_data_bytes * parts, info.quantization)
        kv = info.kv_cache_bytes_per_token()
        return cls(
            bytes_by_type={name: n * parts for name, n in by_type.items()},
            parameters=max(1, (info.parameter_count - lookup_parameters) * parts),
            kv_bytes_per_token=kv if kv is not None
            else estimated_kv_bytes_per_token(info.tensor_data_bytes * parts),
            estimated=parts > 1 or kv is None,
        )

    @classmethod
    def from_file_size(cls, size_bytes: int, quantization: str | None, *,
                       parameters: int | None = None,
                       kv_bytes_per_token: int | None = None) -> WeightsProfile:
        """Only the size and the quantization's name are known (a hub file, a catalog entry)."""
        if size_bytes <= 0:
            raise ValueError("a model file's size must be positive")
        main = _main_type(quantization)
        return cls(
            bytes_by_type={main: size_bytes},
            parameters=parameters or max(1, int(size_bytes / _bytes_per_weight(main))),
            kv_bytes_per_token=kv_bytes_per_token if kv_bytes_per_token is not None
            else estimated_kv_bytes_per_token(size_bytes),
            estimated=True,
        )

    @classmethod
    def from_catalog(cls, entry: CatalogEntry) -> WeightsProfile:
        return cls.from_file_size(entry.size_bytes, entry.quantization,
                                  parameters=entry.parameters,
                                  kv_bytes_per_token=entry.kv_cache_bytes_per_token())


def raw_speeds(profile: WeightsProfile, machine: MachineSpeed) -> tuple[float, float]:
    """Uncalibrated (generation, prompt) tokens per second of the model on the machine."""
    # A token costs the longer of reading the weights (and the KV cache) from memory and
    # computing with them: small models on few cores are compute-bound, large ones
    # memory-bound.
    weighted_bytes = sum(n * _GENERATION_COST.get(name, _GENERATION_COST_OTHER)
                         for name, n in profile.bytes_by_type.items())
    kv_bytes = profile.kv_bytes_per_token * TYPICAL_CONTEXT_TOKENS
    compute_s = weighted_bytes / (machine.flops_per_s * _COMPUTE_BYTES_PER_FLOP)
    memory_s = (profile.weights_bytes + kv_bytes) / machine.memory_bytes_per_s
    generation = 1 / max(compute_s, memory_s, 1e-9)
    total = max(1, profile.weights_bytes)
    # The parameters are spread over the types as their bytes are.
    seconds_per_token = sum(
        2 * profile.parameters * (n / total)
        / (machine.flops_per_s * _PROMPT_SPEED.get(name, _PROMPT_SPEED_OTHER))
        for name, n in profile.bytes_by_type.items())
    prompt = 1 / seconds_per_token if seconds_per_token > 0 else 0.0
    return generation, prompt


def format_rate(tokens_per_s: float) -> str:
    if tokens_per_s < 0.995:
        return format_number(tokens_per_s, 2)
    return format_number(tokens_per_s, 1 if tokens_per_s < 9.95 else 0)


@dataclass(frozen=True)
class SpeedPrediction:
    generation_tokens_per_s: float
    prompt_tokens_per_s: float | None
    measured: bool  # the model's own runs on this computer, not a prediction
    runs: int  # the runs behind it: the model's own, or the calibration's

    @property
    def text(self) -> str:
        """What the model manager shows: '≈ 11 tokens/s · prompt ≈ 60/s'."""
        if self.measured:
            text = translate("SpeedEstimate", "measured: {rate} tokens/s").format(
                rate=format_rate(self.generation_tokens_per_s))
            if self.prompt_tokens_per_s:
                text += translate("SpeedEstimate", " · prompt {rate}/s").format(
                    rate=format_rate(self.prompt_tokens_per_s))
            return text
        text = translate("SpeedEstimate", "≈ {rate} tokens/s").format(
            rate=format_rate(self.generation_tokens_per_s))
        if self.prompt_tokens_per_s:
            text += translate("SpeedEstimate", " · prompt ≈ {rate}/s").format(
                rate=format_rate(self.prompt_tokens_per_s))
        return text

    @property
    def explanation(self) -> str:
        # The singulars are strings of their own: English's source has one plural form.
        # (A plain name as the count: lupdate skips a call whose count is self.runs.)
        runs = self.runs
        if self.measured:
            if runs == 1:
                return translate("SpeedEstimate",
                                 "Measured on this computer: its last reply.")
            return translate("SpeedEstimate", "Measured on this computer: the median of its "
                             "last %n replies.", "", runs)
        if runs == 1:
            basis = translate("SpeedEstimate", "calibrated with 1 reply of models run here")
        elif runs:
            basis = translate("SpeedEstimate", "calibrated with %n replies of models run here",
                              "", runs)
        else:
            basis = translate("SpeedEstimate", "not yet calibrated: run a model and the numbers "
                              "adjust to it")
        return translate(
            "SpeedEstimate", "Predicted for this computer from its measured memory speed and "
            "compute and the model's size and format ({basis}). Replies slow down as the chat "
            "gets longer.").format(basis=basis)


class SpeedEstimator:
    """Predictions for one computer, calibrated with the runs recorded on it.

    The factors are the median ratio measured / predicted over all the runs; a model whose
    main weight format (the ggml type holding most bytes) has run here takes the median of
    those runs instead, which also corrects the kernel cost the prior has for that format.
    """

    def __init__(self, machine: MachineSpeed, runs: Sequence[SpeedRun]) -> None:
        self.machine = machine
        self.runs = [r for r in runs if r.fingerprint == machine.fingerprint]
        generation: dict[str, list[float]] = {}
        prompt: dict[str, list[float]] = {}
        for run in self.runs:
            profile = _profile_of(run)
            raw_generation, raw_prompt = raw_speeds(profile, machine)
            main = profile.main_type
            generation.setdefault(main, []).append(run.generation_tokens_per_s / raw_generation)
            if run.prompt_tokens_per_s and raw_prompt > 0:
                prompt.setdefault(main, []).append(run.prompt_tokens_per_s / raw_prompt)
        every_generation = [f for fs in generation.values() for f in fs]
        every_prompt = [f for fs in prompt.values() for f in fs]
        self.generation_factor = statistics.median(every_generation) if every_generation \
            else _GENERATION_PRIOR
        self.prompt_factor = statistics.median(every_prompt) if every_prompt \
            else _PROMPT_PRIOR
        self._generation_by_type = {t: statistics.median(fs) for t, fs in generation.items()}
        self._prompt_by_type = {t: statistics.median(fs) for t, fs in prompt.items()}

    def predict(self, profile: WeightsProfile) -> SpeedPrediction:
        generation, prompt = raw_speeds(profile, self.machine)
        main = profile.main_type
        generation_factor = self._generation_by_type.get(main, self.generation_factor)
        prompt_factor = self._prompt_by_type.get(main, self.prompt_factor)
        return SpeedPrediction(
            generation_tokens_per_s=generation * generation_factor,
            prompt_tokens_per_s=prompt * prompt_factor if prompt > 0 else None,
            measured=False,
            runs=len(self.runs),
        )

    def measured(self, *, sha256: str | None = None, file_name: str | None = None,
                 size_bytes: int | None = None) -> SpeedPrediction | None:
        """The model's own speed on this computer, if it has run: by its sha256, or else by
        its file name and size."""
        own = [r for r in self.runs
               if (sha256 is not None and r.sha256 == sha256)
               or (file_name is not None and r.file_name == file_name
                   and r.size_bytes == size_bytes)]
        if not own:
            return None
        prompts = [r.prompt_tokens_per_s for r in own if r.prompt_tokens_per_s]
        return SpeedPrediction(
            generation_tokens_per_s=statistics.median(r.generation_tokens_per_s for r in own),
            prompt_tokens_per_s=statistics.median(prompts) if prompts else None,
            measured=True,
            runs=len(own),
        )

    def speed(self, profile: WeightsProfile, *, sha256: str | None = None,
              file_name: str | None = None, size_bytes: int | None = None) -> SpeedPrediction:
        """Measured if the model has run here, else predicted."""
        return self.measured(sha256=sha256, file_name=file_name, size_bytes=size_bytes) \
            or self.predict(profile)


def _profile_of(run: SpeedRun) -> WeightsProfile:
    return WeightsProfile(bytes_by_type=run.bytes_by_type, parameters=run.parameters,
                          kv_bytes_per_token=run.kv_bytes_per_token, estimated=False)


def speed_run(info: GgufInfo, *, sha256: str, file_name: str, size_bytes: int,
              fingerprint: str, stats: GenerationStats) -> SpeedRun | None:
    """The record of one reply, or None when it says little of the speed (too short)."""
    generation = stats.tokens_per_s
    if generation is None or generation <= 0 or stats.generated_tokens < MIN_GENERATED_TOKENS:
        return None
    prompt = stats.prompt_tokens_per_s \
        if stats.evaluated_prompt_tokens >= MIN_PROMPT_TOKENS else None
    profile = WeightsProfile.from_gguf(info)
    return SpeedRun(
        sha256=sha256, file_name=file_name, size_bytes=size_bytes,
        quantization=info.quantization, fingerprint=fingerprint,
        generation_tokens_per_s=generation, prompt_tokens_per_s=prompt,
        parameters=profile.parameters, bytes_by_type=dict(profile.bytes_by_type),
        kv_bytes_per_token=profile.kv_bytes_per_token,
    )
