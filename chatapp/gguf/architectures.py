"""What the llama.cpp bundled with llama-cpp-python 0.3.36 can load.

The app cannot read llama.cpp's sources at run time, so the tables below are literals copied
from the llama-cpp-python 0.3.36 sdist (vendor/llama.cpp). tests/unit/gguf/test_architectures.py
compares them with that sdist whenever it is available; when llama-cpp-python is upgraded, the
test fails until these tables are refreshed.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

LLAMA_CPP_PYTHON_VERSION: Final = "0.3.36"

# Every name in LLM_ARCH_NAMES of vendor/llama.cpp/src/llama-arch.cpp (llama-cpp-python 0.3.36),
# in source order, without the "(unknown)" sentinel.
LLAMA_CPP_ARCHITECTURE_NAMES: Final = frozenset({
    "clip", "llama", "llama4", "deci", "falcon", "grok", "gpt2", "gptj", "gptneox", "mpt",
    "baichuan", "starcoder", "refact", "bert", "modern-bert", "nomic-bert", "nomic-bert-moe",
    "neo-bert", "jina-bert-v2", "jina-bert-v3", "eurobert", "bloom", "stablelm", "qwen", "qwen2",
    "qwen2moe", "qwen2vl", "qwen3", "qwen3moe", "qwen3next", "qwen3vl", "qwen3vlmoe", "qwen35",
    "qwen35moe", "qwen4exp", "phi2", "phi3", "phimoe", "plamo", "plamo2", "plamo3", "codeshell",
    "orion", "internlm2", "minicpm", "minicpm3", "gemma", "gemma2", "gemma3", "gemma3n", "gemma4",
    "gemma4-assistant", "gemma-embedding", "starcoder2", "mamba", "mamba2", "maple", "jamba",
    "falcon-h1", "xverse", "command-r", "cohere2", "cohere2moe", "dbrx", "olmo", "olmo2", "olmoe",
    "muse-glimmer", "openelm", "arctic", "deepseek", "deepseek2", "deepseek2-ocr", "deepseek32",
    "deepseek4", "chatglm", "glm4", "glm4moe", "glm-dsa", "bitnet", "t5", "t5encoder", "jais",
    "jais2", "nemotron", "nemotron_h", "nemotron_h_moe", "exaone", "exaone4", "exaone-moe",
    "rwkv6", "rwkv6qwen2", "rwkv7", "arwkv7", "granite", "granitemoe", "granitehybrid",
    "graniteswitch", "granite_swa", "chameleon", "wavtokenizer-dec", "plm", "bailingmoe",
    "bailingmoe2", "bailingmoe3", "dots1", "dots3note", "arcee", "afmoe", "laguna", "ernie4_5",
    "ernie4_5-moe", "hunyuan-moe", "hunyuan-dense", "hunyuan_vl", "hy_v3", "hy_v4", "smollm3",
    "gpt-oss", "lfm2", "lfm2moe", "dream", "smallthinker", "llada", "llada-moe", "seed_oss",
    "grovemoe", "apertus", "minimax-01", "hrm_text", "minimax-m2", "minimax-m3", "cogvlm", "rnd1",
    "pangu-embedded", "mistral3", "eagle3", "dflash", "mistral4", "paddleocr", "mimo2", "step35",
    "spark2_5", "llama-embed", "maincoder", "kimi-linear", "kimi-k3", "glm5-next", "talkie",
    "mellum", "nanbeige", "qwen3tts", "pockettts",
})  # fmt: skip

# Names llama.cpp knows but refuses as the main model: "clip" is a dummy used only by
# llama-quantize, and llama_model_load throws "CLIP cannot be used as main model" (src/llama.cpp).
# These are the vision projector ("mmproj") files that sit next to multimodal models.
NOT_MAIN_MODEL_ARCHITECTURES: Final = frozenset({"clip"})

# Architectures the bundled engine can load as a model.
SUPPORTED_ARCHITECTURES: Final = LLAMA_CPP_ARCHITECTURE_NAMES - NOT_MAIN_MODEL_ARCHITECTURES


@dataclass(frozen=True)
class GgmlType:
    """One entry of ggml's type_traits table."""

    type_id: int
    name: str  # enum name without the GGML_TYPE_ prefix, e.g. "Q4_K"
    block_size: int  # elements per block; 0 for removed types
    type_size: int  # bytes per block; 0 for removed types

    @property
    def removed(self) -> bool:
        # ggml keeps placeholder entries with blck_size 0 for formats whose support was dropped;
        # gguf.cpp rejects tensors of those types ("not a multiple of block size (0)").
        return self.block_size == 0


# GGML_TYPE_COUNT in vendor/llama.cpp/ggml/include/ggml.h: gguf.cpp rejects type ids outside
# [0, GGML_TYPE_COUNT).
GGML_TYPE_COUNT: Final = 43


def _t(type_id: int, name: str, block_size: int, type_size: int) -> tuple[int, GgmlType]:
    return type_id, GgmlType(type_id, name, block_size, type_size)


# enum ggml_type (ggml/include/ggml.h) with blck_size / type_size from the type_traits table in
# ggml/src/ggml.c (sizeof(block_*) from ggml/src/ggml-common.h), llama-cpp-python 0.3.36.
# Entries with block size 0 are the removed types ggml keeps as placeholders.
GGML_TYPES: Final = MappingProxyType(dict([
    _t(0, "F32", 1, 4),
    _t(1, "F16", 1, 2),
    _t(2, "Q4_0", 32, 18),
    _t(3, "Q4_1", 32, 20),
    _t(4, "Q4_2", 0, 0),  # removed
    _t(5, "Q4_3", 0, 0),  # removed
    _t(6, "Q5_0", 32, 22),
    _t(7, "Q5_1", 32, 24),
    _t(8, "Q8_0", 32, 34),
    _t(9, "Q8_1", 32, 36),
    _t(10, "Q2_K", 256, 84),
    _t(11, "Q3_K", 256, 110),
    _t(12, "Q4_K", 256, 144),
    _t(13, "Q5_K", 256, 176),
    _t(14, "Q6_K", 256, 210),
    _t(15, "Q8_K", 256, 292),
    _t(16, "IQ2_XXS", 256, 66),
    _t(17, "IQ2_XS", 256, 74),
    _t(18, "IQ3_XXS", 256, 98),
    _t(19, "IQ1_S", 256, 50),
    _t(20, "IQ4_NL", 32, 18),
    _t(21, "IQ3_S", 256, 110),
    _t(22, "IQ2_S", 256, 82),
    _t(23, "IQ4_XS", 256, 136),
    _t(24, "I8", 1, 1),
    _t(25, "I16", 1, 2),
    _t(26, "I32", 1, 4),
    _t(27, "I64", 1, 8),
    _t(28, "F64", 1, 8),
    _t(29, "IQ1_M", 256, 56),
    _t(30, "BF16", 1, 2),
    _t(31, "Q4_0_4_4", 0, 0),  # removed from GGUF files: use Q4_0 (repacked at run time)
    _t(32, "Q4_0_4_8", 0, 0),  # removed
    _t(33, "Q4_0_8_8", 0, 0),  # removed
    _t(34, "TQ1_0", 256, 54),
    _t(35, "TQ2_0", 256, 66),
    _t(36, "IQ4_NL_4_4", 0, 0),  # removed from GGUF files: use IQ4_NL (repacked at run time)
    _t(37, "IQ4_NL_4_8", 0, 0),  # removed
    _t(38, "IQ4_NL_8_8", 0, 0),  # removed
    _t(39, "MXFP4", 32, 17),
    _t(40, "NVFP4", 64, 36),
    _t(41, "Q1_0", 128, 18),
    _t(42, "Q2_0", 64, 18),
]))

# enum llama_ftype (include/llama.h), llama-cpp-python 0.3.36: the value of general.file_type,
# labelled like the enum name without LLAMA_FTYPE_MOSTLY_/LLAMA_FTYPE_ALL_ (the names people
# use in file names, e.g. "Q4_K_M"). Removed values (4, 5, 6, 33, 34, 35) are absent.
LLAMA_FTYPE_LABELS: Final = MappingProxyType({
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S", 29: "IQ2_M",
    30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0", 38: "MXFP4_MOE",
    39: "NVFP4", 40: "Q1_0", 41: "Q2_0",
})  # fmt: skip

# LLAMA_FTYPE_GUESSED: a flag llama.cpp ORs in when it guessed the file type itself.
LLAMA_FTYPE_GUESSED: Final = 1024

# LLAMA_MAX_LAYERS (src/llama-hparams.h): load_hparams GGML_ASSERTs 0 < block_count <= this,
# which would abort the whole process.
LLAMA_MAX_LAYERS: Final = 512
# LLAMA_MAX_EXPERTS (src/llama-hparams.h): GGML_ASSERT(n_expert <= LLAMA_MAX_EXPERTS).
LLAMA_MAX_EXPERTS: Final = 1024

# enum llama_pooling_type (include/llama.h) without UNSPECIFIED (-1, stored as 0xFFFFFFFF):
# the values <arch>.pooling_type may hold. Another value makes llama.cpp GGML_ABORT("unknown
# pooling type") when the model embeds (src/llama-graph.cpp build_pooling, llama-context.cpp).
LLAMA_POOLING_TYPES: Final = MappingProxyType({
    0: "none", 1: "mean", 2: "cls", 3: "last", 4: "rank",
})  # fmt: skip
LLAMA_POOLING_UNSPECIFIED_U32: Final = 0xFFFFFFFF

# LLAMA_ROPE_SCALING_TYPES (src/llama-model.cpp): any other <arch>.rope.scaling.type value hits
# GGML_ASSERT(rope_scaling_type_train != LLAMA_ROPE_SCALING_TYPE_UNSPECIFIED).
ROPE_SCALING_TYPES: Final = frozenset({"none", "linear", "yarn", "longrope"})
