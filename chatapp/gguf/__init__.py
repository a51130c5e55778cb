"""Reading and validating GGUF model files before they reach llama.cpp."""

from chatapp.gguf.inspect import (
    CorruptGgufError,
    GgufError,
    GgufInfo,
    NeedMoreData,
    NotFirstSplitError,
    NotGgufError,
    TensorInfo,
    TruncatedGgufError,
    UnsupportedGgufError,
    inspect_gguf,
    inspect_gguf_prefix,
)

__all__ = [
    "CorruptGgufError",
    "GgufError",
    "GgufInfo",
    "NeedMoreData",
    "NotFirstSplitError",
    "NotGgufError",
    "TensorInfo",
    "TruncatedGgufError",
    "UnsupportedGgufError",
    "inspect_gguf",
    "inspect_gguf_prefix",
]
