"""What the stand-in hub serves in tests: the real SmolLM2 model and small synthetic GGUFs.

The synthetic files are written by the reference ``gguf`` package (through the GGUF tests'
factory), so they are files a real converter could produce.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import numpy as np

from tests.hub_stand_in.server import HubFile, HubRepo, StandInHub
from tests.unit.gguf.gguf_factory import write_with_gguf_writer

SMOLLM_REPO: Final = "HuggingFaceTB/SmolLM2-135M-Instruct-GGUF"
SMOLLM_FILE: Final = "SmolLM2-135M-Instruct.Q4_1.gguf"
TINY_REPO: Final = "chatapp-test/tiny-llama-GGUF"
MEDIUM_REPO: Final = "chatapp-test/medium-GGUF"
MEDIUM_FILE: Final = "medium-Q8_0.gguf"
IN_GIT_FILE: Final = "small-in-git-Q4_0.gguf"
SPLIT_REPO: Final = "chatapp-test/split-GGUF"
SPLIT_PARTS: Final = tuple(f"Q4_K_M/big-model-Q4_K_M-{i:05d}-of-00003.gguf" for i in (1, 2, 3))
UNSUPPORTED_REPO: Final = "chatapp-test/futurenet-GGUF"
UNSUPPORTED_FILE: Final = "futurenet-7B-Q4_K_M.gguf"
GATED_REPO: Final = "chatapp-test/gated-GGUF"
GATED_FILE: Final = "gated-model-Q4_K_M.gguf"
GRANTED_TOKEN: Final = "hf_stand_in_granted_0123456789"
NOT_GRANTED_TOKEN: Final = "hf_stand_in_not_granted_98765"
BULK_COUNT: Final = 23  # "tiny-model" repositories, for paging


@dataclass(frozen=True)
class Blobs:
    """The synthetic GGUF files, written once per test session."""

    tiny_q4: Path
    tiny_q8: Path
    mmproj: Path
    medium: Path
    in_git: Path
    split: tuple[Path, ...]
    unsupported: Path
    gated: Path


def _big_tensor(name: str, megabytes: float, seed: int) -> Any:
    # random values, so an offset mistake cannot hide behind runs of equal bytes
    rows = int(megabytes * (1 << 20) / 4 / 1024)

    def add(writer: Any) -> None:
        data = np.random.default_rng(seed).standard_normal((rows, 1024)).astype(np.float32)
        writer.add_tensor(name, data)
    return add


def _split_keys(index: int, count: int, tensors: int, extra: Any = None) -> Any:
    def add(writer: Any) -> None:
        writer.add_uint16("split.no", index)
        writer.add_uint16("split.count", count)
        writer.add_int32("split.tensors.count", tensors)
        if extra is not None:
            extra(writer)
    return add


def write_blobs(folder: Path) -> Blobs:
    folder.mkdir(parents=True, exist_ok=True)
    return Blobs(
        tiny_q4=write_with_gguf_writer(folder / "tiny-q4.gguf"),
        tiny_q8=write_with_gguf_writer(folder / "tiny-q8.gguf",
                                       extra=_big_tensor("blk.0.ffn_down.weight", 0.05, 1)),
        mmproj=write_with_gguf_writer(folder / "mmproj.gguf", arch="clip"),
        medium=write_with_gguf_writer(folder / "medium.gguf",
                                      extra=_big_tensor("blk.0.ffn_down.weight", 8, 2)),
        in_git=write_with_gguf_writer(folder / "in-git.gguf"),
        split=tuple(
            write_with_gguf_writer(folder / f"split-{i}.gguf", extra=_split_keys(
                i, 3, 15, _big_tensor(f"blk.{i}.ffn_gate.weight", 0.5, 10 + i)))
            for i in range(3)),
        unsupported=write_with_gguf_writer(folder / "futurenet.gguf", arch="futurenet"),
        gated=write_with_gguf_writer(folder / "gated.gguf"),
    )


def populate(hub: StandInHub, blobs: Blobs, smollm: Path) -> StandInHub:
    """The repositories every hub test can rely on."""
    readme = HubFile("README.md", data=b"# A model\n", lfs=False)
    hub.add_repo(HubRepo(
        SMOLLM_REPO, downloads=50_000, likes=120,
        files={SMOLLM_FILE: HubFile(SMOLLM_FILE, source=smollm), "README.md": readme},
        gguf={"architecture": "llama", "context_length": 8192, "total": 134515008}))
    hub.add_repo(HubRepo(TINY_REPO, downloads=900, likes=3, files={
        "tiny-llama-Q4_K_M.gguf": HubFile("tiny-llama-Q4_K_M.gguf", source=blobs.tiny_q4),
        "tiny-llama-Q8_0.gguf": HubFile("tiny-llama-Q8_0.gguf", source=blobs.tiny_q8),
        "mmproj-tiny-llama-f16.gguf": HubFile("mmproj-tiny-llama-f16.gguf", source=blobs.mmproj),
        "README.md": readme,
        "config.json": HubFile("config.json", data=b"{}", lfs=False),
    }))
    hub.add_repo(HubRepo(MEDIUM_REPO, downloads=800, files={
        MEDIUM_FILE: HubFile(MEDIUM_FILE, source=blobs.medium),
        IN_GIT_FILE: HubFile(IN_GIT_FILE, source=blobs.in_git, lfs=False),
    }))
    split_files = {p: HubFile(p, source=b) for p, b in zip(SPLIT_PARTS, blobs.split,
                                                              strict=True)}
    # a set whose part 2 is missing from the repository
    split_files["broken-Q2_K-00001-of-00002.gguf"] = HubFile(
        "broken-Q2_K-00001-of-00002.gguf", source=blobs.split[0])
    hub.add_repo(HubRepo(SPLIT_REPO, downloads=700, files=split_files))
    hub.add_repo(HubRepo(UNSUPPORTED_REPO, downloads=600, files={
        UNSUPPORTED_FILE: HubFile(UNSUPPORTED_FILE, source=blobs.unsupported)}))
    hub.add_repo(HubRepo(GATED_REPO, downloads=500, gated="manual",
                         authorized_tokens={GRANTED_TOKEN},
                         files={GATED_FILE: HubFile(GATED_FILE, source=blobs.gated)}))
    hub.add_repo(HubRepo("chatapp-test/tiny-safetensors", downloads=10_000_000,
                         tags=["safetensors", "text-generation"]))
    for i in range(BULK_COUNT):
        # downloads deliberately not in name order, so sorting is visible
        hub.add_repo(HubRepo(f"bulk/tiny-model-{i:02d}-GGUF", downloads=(i * 37) % 101 + 1,
                             likes=i))
    hub.valid_tokens |= {GRANTED_TOKEN, NOT_GRANTED_TOKEN}
    return hub
