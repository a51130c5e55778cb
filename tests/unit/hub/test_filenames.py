"""Quantization from file names, split-set grouping, vision add-ons."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.gguf.split_files import split_name
from chatapp.hub.filenames import (
    group_gguf_files,
    is_vision_addon,
    quantization_from_filename,
)

QUANTS = [
    "Q2_K", "Q2_K_S", "Q3_K_S", "Q3_K_M", "Q3_K_L", "Q3_K_XL", "Q4_0", "Q4_1", "Q4_K_S",
    "Q4_K_M", "Q4_K_L", "Q5_0", "Q5_1", "Q5_K_S", "Q5_K_M", "Q6_K", "Q8_0", "IQ1_S", "IQ1_M",
    "IQ2_XXS", "IQ2_XS", "IQ2_S", "IQ2_M", "IQ3_XXS", "IQ3_XS", "IQ3_S", "IQ3_M", "IQ4_XS",
    "IQ4_NL", "F16", "BF16", "F32", "Q4_0_4_4", "Q4_0_4_8", "Q4_0_8_8", "TQ1_0", "TQ2_0",
    "MXFP4", "UD-Q4_K_XL", "UD-IQ2_M",
]  # fmt: skip


@pytest.mark.parametrize(("name", "expected"), [
    ("Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", "Q4_K_M"),
    ("llama-2-7b-chat.Q8_0.gguf", "Q8_0"),
    ("qwen2.5-0.5b-instruct-q4_k_m.gguf", "Q4_K_M"),
    ("gemma-2-2b-it-IQ4_XS.gguf", "IQ4_XS"),
    ("Phi-3-mini-4k-instruct-fp16.gguf", "F16"),
    ("Llama-3.2-1B-Instruct-BF16.gguf", "BF16"),
    ("mistral-7b-instruct-v0.2.Q4_0_4_4.gguf", "Q4_0_4_4"),
    ("DeepSeek-R1-UD-Q2_K_XL-00001-of-00005.gguf", "UD-Q2_K_XL"),
    ("Q4_K_M/Qwen3-30B-A3B-Q4_K_M-00002-of-00002.gguf", "Q4_K_M"),
    ("SmolLM2-135M-Instruct.Q4_1.gguf", "Q4_1"),
    ("gpt-oss-20b-MXFP4.gguf", "MXFP4"),
    ("Llama-F16-finetune.Q5_K_S.gguf", "Q5_K_S"),  # the last candidate wins
    ("model.gguf", None),
    ("mixtral-8x7b-v0.1.gguf", None),  # "8x7b" is no quantization
    ("model-Q4_0x.gguf", None),  # not a whole word
    ("xQ4_0.gguf", None),
])  # fmt: skip
def test_quantization_from_real_world_names(name: str, expected: str | None) -> None:
    assert quantization_from_filename(name) == expected


# Letters that cannot start any quantization token, so a name made of them holds none.
_NEUTRAL = st.text(alphabet="acdeghjklnoprsvwyz0123456789", min_size=1, max_size=12)
_SEPARATOR = st.sampled_from(["-", ".", "_"])


@given(prefix=st.lists(_NEUTRAL, min_size=1, max_size=4), sep=_SEPARATOR,
       quant=st.sampled_from(QUANTS), lower=st.booleans(),
       split=st.one_of(st.none(), st.tuples(st.integers(1, 9), st.integers(1, 9))),
       folder=st.booleans())
def test_quantization_is_found_in_any_well_formed_name(
    *, prefix: list[str], sep: str, quant: str, lower: bool, split: tuple[int, int] | None,
    folder: bool,
) -> None:
    name = sep.join(prefix) + sep + (quant.lower() if lower else quant)
    if split is not None:
        index, extra = split
        name += f"-{index:05d}-of-{index + extra - 1:05d}"
    path = (f"{quant}/" if folder else "") + name + ".gguf"
    assert quantization_from_filename(path) == quant


@given(words=st.lists(_NEUTRAL, min_size=1, max_size=5), sep=_SEPARATOR)
def test_names_without_a_quantization_give_none(words: list[str], sep: str) -> None:
    assert quantization_from_filename(sep.join(words) + ".gguf") is None


def test_split_names() -> None:
    assert split_name("dir/m-Q4_K_M-00002-of-00003.gguf") is not None
    found = split_name("dir/m-Q4_K_M-00002-of-00003.gguf")
    assert found is not None
    assert (found.base, found.index, found.count) == ("dir/m-Q4_K_M", 2, 3)
    assert split_name("m-00000-of-00003.gguf") is None  # parts count from 1
    assert split_name("m-00004-of-00003.gguf") is None
    assert split_name("m-00001-of-00003.bin") is None
    assert split_name("m-1-of-3.gguf") is None


def test_vision_addons_are_recognised() -> None:
    assert is_vision_addon("mmproj-model-f16.gguf")
    assert is_vision_addon("sub/Qwen2-VL-7B-mmproj-F16.gguf")
    assert not is_vision_addon("mmprojector-like-name.gguf")
    assert not is_vision_addon("llama-Q4_K_M.gguf")


@given(count=st.integers(1, 12), seed=st.integers(0, 2**32 - 1))
def test_a_split_set_in_any_order_is_one_model_with_ordered_parts(count: int, seed: int) -> None:
    parts = [f"Q8_0/big-Q8_0-{i:05d}-of-{count:05d}.gguf" for i in range(1, count + 1)]
    shuffled = [*parts, "README.md", "single-Q4_0.gguf", "mmproj-big-f16.gguf"]
    random.Random(seed).shuffle(shuffled)
    models, addons = group_gguf_files(shuffled)
    (split,) = [m for m in models if m.name == "big-Q8_0.gguf"]
    assert split.paths == tuple(parts)
    assert split.split_count == count and split.complete
    assert split.quantization == "Q8_0"
    assert [m.name for m in models] == ["big-Q8_0.gguf", "single-Q4_0.gguf"]
    assert [a.name for a in addons] == ["mmproj-big-f16.gguf"]


def test_incomplete_and_separate_sets() -> None:
    models, _ = group_gguf_files([
        "a/m-Q4_0-00001-of-00003.gguf", "a/m-Q4_0-00003-of-00003.gguf",
        "b/m-Q4_0-00001-of-00002.gguf", "b/m-Q4_0-00002-of-00002.gguf",
    ])
    by_folder = {m.paths[0].split("/")[0]: m for m in models}
    assert by_folder["a"].missing_parts == (2,) and not by_folder["a"].complete
    assert by_folder["b"].complete and len(by_folder["b"].paths) == 2
