"""The speeds the app measured: every reply of a local model, kept to calibrate predictions.

One small JSON file in the cache folder (0600), written atomically: for each run, which
model (sha256, file name and size, quantization), what its weights are made of (bytes per
ggml type, parameters; what the prediction needs to be computed again), the computer it ran
on (the hardware fingerprint) and the measured generation and prompt speeds. The newest
runs are kept, a few per model, so the file stays small. A file that cannot be read is
moved aside (files.atomic.keep_aside) and a new one started: only calibration is lost.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from chatapp.files.atomic import keep_aside, write_json_atomic

__all__ = ["SpeedRecords", "SpeedRun"]

log = logging.getLogger(__name__)

_SCHEMA: Final = 1
RUNS_PER_MODEL: Final = 8
MAX_RUNS: Final = 200


@dataclass(frozen=True)
class SpeedRun:
    sha256: str
    file_name: str
    size_bytes: int
    quantization: str | None
    fingerprint: str  # the computer (speed_probe.hardware_fingerprint)
    generation_tokens_per_s: float
    prompt_tokens_per_s: float | None  # None: the prompt was already in the KV cache
    parameters: int
    bytes_by_type: Mapping[str, int] = field(hash=False)  # ggml type name -> bytes
    kv_bytes_per_token: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "sha256": self.sha256, "file_name": self.file_name,
            "size_bytes": self.size_bytes, "quantization": self.quantization,
            "fingerprint": self.fingerprint,
            "generation_tokens_per_s": self.generation_tokens_per_s,
            "prompt_tokens_per_s": self.prompt_tokens_per_s,
            "parameters": self.parameters, "bytes_by_type": dict(self.bytes_by_type),
            "kv_bytes_per_token": self.kv_bytes_per_token,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> SpeedRun:
        prompt = raw["prompt_tokens_per_s"]
        quantization = raw["quantization"]
        types = raw["bytes_by_type"]
        if not isinstance(types, dict):
            raise TypeError("bytes_by_type is not an object")
        run = cls(
            sha256=str(raw["sha256"]), file_name=str(raw["file_name"]),
            size_bytes=int(raw["size_bytes"]),
            quantization=None if quantization is None else str(quantization),
            fingerprint=str(raw["fingerprint"]),
            generation_tokens_per_s=float(raw["generation_tokens_per_s"]),
            prompt_tokens_per_s=None if prompt is None else float(prompt),
            parameters=int(raw["parameters"]),
            bytes_by_type={str(k): int(v) for k, v in types.items()},
            kv_bytes_per_token=int(raw.get("kv_bytes_per_token", 0)),
        )
        if run.generation_tokens_per_s <= 0 or run.parameters <= 0:
            raise ValueError("a speed and a parameter count must be positive")
        return run


class SpeedRecords:
    """The store. Safe to use from several threads of one process (one lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def runs(self) -> list[SpeedRun]:
        with self._lock:
            return self._read()

    def record(self, run: SpeedRun) -> None:
        with self._lock:
            runs = [*self._read(), run]
            same = [r for r in runs if r.sha256 == run.sha256]
            drop = {id(r) for r in same[:-RUNS_PER_MODEL]}
            runs = [r for r in runs if id(r) not in drop][-MAX_RUNS:]
            write_json_atomic(self.path, {"schema": _SCHEMA,
                                          "runs": [r.to_json() for r in runs]})

    def _read(self) -> list[SpeedRun]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if raw["schema"] != _SCHEMA:
                raise ValueError(f"schema {raw['schema']!r}")
            return [SpeedRun.from_json(item) for item in raw["runs"]]
        except FileNotFoundError:
            return []
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("The speed records %s are unreadable (%s); starting new ones",
                        self.path, error)
            try:
                keep_aside(self.path)
            except OSError as move_error:
                log.warning("Could not move %s aside: %s", self.path, move_error)
            return []
