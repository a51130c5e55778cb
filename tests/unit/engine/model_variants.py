"""Copies of the real starter model with a few token attributes changed, for the tokenizer.

SmolLM2's vocabulary marks its chat tokens CONTROL and none LSTRIP/RSTRIP, but other
models differ in ways llama.cpp handles (gpt-oss's format tokens are USER_DEFINED, which
llama.cpp matches even in plain text; Phi-3's special tokens swallow the whitespace after
them). Rewriting a few metadata values of a copy in place (same sizes) gives a real model,
loaded by the real llama.cpp, that behaves that way.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

# tokenizer.ggml.token_type values (llama.h enum llama_token_type)
TOKEN_TYPE_CONTROL = 3
TOKEN_TYPE_USER_DEFINED = 4
# Three of the vocabulary's last (rarest) merges, renamed to what llama.cpp's Phi-3
# rule looks up (llama-vocab.cpp: it fails the load when they are missing).
PHI3_TOKEN_TEXTS = {49096: "<s>", 49148: "</s>", 49131: "<unk>"}
# For llama.cpp's ModernBERT rule, which makes [MASK] swallow the whitespace before it.
MASK_TOKEN = 49124


def model_variant(source: Path, destination: Path, *, name_prefix: str | None = None,
                  token_types: dict[int, int] | None = None,
                  token_texts: dict[int, str] | None = None) -> Path:
    """A copy of ``source`` with ``general.name`` starting with ``name_prefix``, and the
    given tokens' types and texts replaced (a text by one of the same length in bytes).
    """
    from gguf import GGUFReader  # a test dependency only

    shutil.copyfile(source, destination)
    reader = GGUFReader(str(destination), "r+")
    if name_prefix is not None:
        field = reader.fields["general.name"]
        stored = field.parts[field.data[0]]
        old = bytes(stored)
        new = (name_prefix.encode() + b" " + old)[:len(old)]
        stored[:] = np.frombuffer(new, dtype=np.uint8)
    if token_types:
        field = reader.fields["tokenizer.ggml.token_type"]
        for token, token_type in token_types.items():
            field.parts[field.data[token]][0] = token_type
    if token_texts:
        field = reader.fields["tokenizer.ggml.tokens"]
        for token, text in token_texts.items():
            stored = field.parts[field.data[token]]
            assert len(stored) == len(text.encode()), (token, bytes(stored), text)
            stored[:] = np.frombuffer(text.encode(), dtype=np.uint8)
    reader.data.flush()
    del reader
    return destination
