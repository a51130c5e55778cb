"""llama.cpp's tokenizer into a reusable buffer that grows when a text needs more."""

from __future__ import annotations

import llama_cpp

from chatapp.engine.errors import EngineError


class TokenBuffer:
    """Tokenizes with one vocabulary; use from one thread (the buffer is shared)."""

    def __init__(self, vocab: object, size: int = 1024) -> None:
        self._vocab = vocab
        self._buffer = (llama_cpp.llama_token * size)()

    def tokenize(self, data: bytes, *, add_special: bool, parse_special: bool,
                 error: type[EngineError] = EngineError) -> list[int]:
        """The tokens of ``data``; ``add_special``: the tokens the model puts around a
        text (BOS, [CLS]/[SEP]); ``parse_special``: markup like "<|im_start|>" becomes
        control tokens. A failure raises ``error``."""
        # A token covers at least one byte; the added tokens (and SPM's space) a few more.
        needed = len(data) + 8
        if len(self._buffer) < needed:
            self._buffer = (llama_cpp.llama_token * needed)()
        n = self._call(data, add_special, parse_special)
        if n < 0:  # more tokens than the buffer holds: llama.cpp says how many
            self._buffer = (llama_cpp.llama_token * -n)()
            n = self._call(data, add_special, parse_special)
        if n < 0:
            raise error("The text could not be tokenized.", detail=f"llama_tokenize {n}")
        return list(self._buffer[:n])

    def _call(self, data: bytes, add_special: bool, parse_special: bool) -> int:
        return int(llama_cpp.llama_tokenize(self._vocab, data, len(data), self._buffer,
                                            len(self._buffer), add_special, parse_special))
