"""Tokenizing a rendered chat so that only the template's markup yields control tokens.

llama.cpp's tokenizer (``llama_vocab::impl::tokenize`` in llama-vocab.cpp) first splits
the text at special tokens (``tokenizer_st_partition``: every token whose attributes
include CONTROL, USER_DEFINED or UNKNOWN, longest first; with ``parse_special=false``
only the USER_DEFINED ones), then tokenizes each stretch of text between them on its
own. Here that partition is done in Python, but only inside the template's markup
(chat_template.render_parts); each stretch between two of the template's special tokens,
markup text and message content joined, goes to llama.cpp as one piece of plain text
(``parse_special=false``). For text that holds no special token's text this gives
exactly the tokens llama.cpp gives the whole prompt: the stretches are the same and each
is tokenized alone either way. That includes SPM's space prefix, which llama.cpp adds to
a stretch at the start or after a special token, and every stretch here is one of those.

USER_DEFINED tokens are matched in plain text too (llama.cpp does so as Hugging Face
matches non-special added tokens). Most are ordinary text (runs of spaces, HTML tags),
but some chat formats are built of them (llama.cpp makes gpt-oss's ``<|start|>``,
``<|message|>`` and ``<|channel|>`` USER_DEFINED). Those the template's markup uses are
"structural" (unless they are only whitespace): where one's text occurs in a message,
the stretch is handed to llama.cpp in two calls cut inside it, so it stays text. (On an
SPM vocabulary the second call gets a space prefix, as llama.cpp gives the text after
any special token.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

import llama_cpp

from chatapp.engine.chat_template import ChatMessage, Part

# C's isspace() in the C locale: what llama.cpp strips next to LSTRIP/RSTRIP tokens.
_C_SPACE = " \t\n\v\f\r"
# Distinct markup pieces a template produces are few; the bound only guards memory.
_PARTITION_CACHE_LIMIT = 4096


@dataclass(frozen=True)
class SpecialToken:
    id: int
    text: str
    lstrip: bool = False  # whitespace before it is dropped (LLAMA_TOKEN_ATTR_LSTRIP)
    rstrip: bool = False  # whitespace after it is dropped (LLAMA_TOKEN_ATTR_RSTRIP)
    text_level: bool = False  # USER_DEFINED and not CONTROL: llama.cpp matches it in text


Fragment = str | SpecialToken


class SpecialTokens:
    """A vocabulary's special tokens, and llama.cpp's partition of text at them."""

    def __init__(self, tokens: Iterable[SpecialToken]) -> None:
        # llama.cpp tries longer texts (in bytes) first; its sort is not stable, so
        # equal lengths are ordered by id (it matters only if two such texts overlap).
        ordered = sorted((t for t in tokens if t.text),
                         key=lambda t: (-len(t.text.encode("utf-8")), t.id))
        self.tokens: tuple[SpecialToken, ...] = tuple(ordered)
        self._rank = {token.id: rank for rank, token in enumerate(ordered)}
        # Indexed by first character, so a piece is checked only against tokens that
        # could occur in it.
        self._by_first: dict[str, list[SpecialToken]] = {}
        for token in ordered:
            self._by_first.setdefault(token.text[0], []).append(token)
        self._partitions: dict[str, tuple[Fragment, ...]] = {}

    @classmethod
    def from_vocab(cls, vocab: object) -> SpecialTokens:
        """The table llama.cpp's ``cache_special_tokens`` holds, read once per model."""
        wanted = (llama_cpp.LLAMA_TOKEN_ATTR_CONTROL | llama_cpp.LLAMA_TOKEN_ATTR_USER_DEFINED
                  | llama_cpp.LLAMA_TOKEN_ATTR_UNKNOWN)
        not_text = llama_cpp.LLAMA_TOKEN_ATTR_CONTROL | llama_cpp.LLAMA_TOKEN_ATTR_UNKNOWN
        get_attr = llama_cpp.llama_vocab_get_attr
        tokens: list[SpecialToken] = []
        for token in range(int(llama_cpp.llama_vocab_n_tokens(vocab))):
            attr = int(get_attr(vocab, token))
            if not attr & wanted:
                continue
            try:
                text = bytes(llama_cpp.llama_vocab_get_text(vocab, token)).decode("utf-8")
            except UnicodeDecodeError:
                continue  # no str can contain it, so no rendered prompt can either
            tokens.append(SpecialToken(
                token, text,
                lstrip=bool(attr & llama_cpp.LLAMA_TOKEN_ATTR_LSTRIP),
                rstrip=bool(attr & llama_cpp.LLAMA_TOKEN_ATTR_RSTRIP),
                text_level=bool(attr & llama_cpp.LLAMA_TOKEN_ATTR_USER_DEFINED)
                and not attr & not_text,
            ))
        return cls(tokens)

    def partition(self, text: str) -> tuple[Fragment, ...]:
        """``text`` split at special tokens as llama.cpp splits it (without stripping)."""
        cached = self._partitions.get(text)
        if cached is not None:
            return cached
        candidates = [token for first in set(text) for token in self._by_first.get(first, ())
                      if token.text in text]
        candidates.sort(key=lambda token: self._rank[token.id])
        fragments: list[Fragment] = [text] if text else []
        for token in candidates:
            fragments = list(_split_at(fragments, token))
        result = tuple(fragments)
        if len(self._partitions) >= _PARTITION_CACHE_LIMIT:
            self._partitions.clear()
        self._partitions[text] = result
        return result


def _split_at(fragments: Iterable[Fragment], token: SpecialToken) -> Iterator[Fragment]:
    """Each text fragment split at every occurrence of ``token``, left to right."""
    for fragment in fragments:
        if isinstance(fragment, SpecialToken):
            yield fragment
            continue
        start = 0
        at = fragment.find(token.text)
        while at >= 0:
            if at > start:
                yield fragment[start:at]
            yield token
            start = at + len(token.text)
            at = fragment.find(token.text, start)
        if start < len(fragment):
            yield fragment[start:]


class PromptTokenizer:
    """Rendered parts to token ids: control tokens from markup only, content as text.

    ``tokenize_text`` is llama.cpp's tokenizer with ``parse_special=false`` and no BOS.
    ``structural_markup`` is markup of the model's format (ChatTemplate.sample_markup).
    """

    def __init__(self, specials: SpecialTokens, tokenize_text: Callable[[str], list[int]],
                 structural_markup: Iterable[str] = ()) -> None:
        self._specials = specials
        self._tokenize_text = tokenize_text
        self.structural = frozenset(
            fragment for piece in structural_markup for fragment in specials.partition(piece)
            if isinstance(fragment, SpecialToken) and _is_format_token(fragment))

    def tokenize(self, parts: Sequence[Part], messages: Sequence[ChatMessage]) -> list[int]:
        items: list[SpecialToken | tuple[str, bool]] = []  # (text, is content)
        breakable = set(self.structural)
        for part in parts:
            if isinstance(part, str):
                for fragment in self._specials.partition(part):
                    if isinstance(fragment, SpecialToken):
                        items.append(fragment)
                        if _is_format_token(fragment):
                            breakable.add(fragment)
                    else:
                        items.append((fragment, False))
            else:
                content = part.text(messages)
                if content:
                    items.append((content, True))
        tokens: list[int] = []
        stretch: list[tuple[str, bool]] = []
        before: SpecialToken | None = None
        for item in items:
            if isinstance(item, SpecialToken):
                self._tokenize_stretch(stretch, before, item, breakable, tokens)
                tokens.append(item.id)
                stretch, before = [], item
            else:
                stretch.append(item)
        self._tokenize_stretch(stretch, before, None, breakable, tokens)
        return tokens

    def _tokenize_stretch(self, stretch: Sequence[tuple[str, bool]],
                          before: SpecialToken | None, after: SpecialToken | None,
                          breakable: set[SpecialToken], out: list[int]) -> None:
        """Tokenize the text between two special tokens, stripped as llama.cpp strips it."""
        if not stretch:
            return
        text = "".join(piece for piece, _ in stretch)
        start, end = 0, len(text)
        if before is not None and before.rstrip:
            start = end - len(text.lstrip(_C_SPACE))
        if after is not None and after.lstrip:
            end = len(text.rstrip(_C_SPACE))
        if start >= end:
            return  # llama.cpp drops a fragment stripped to nothing
        cuts = _cuts(stretch, text, start, end, breakable) if breakable else []
        bounds = [start, *cuts, end]
        for low, high in pairwise(bounds):
            out.extend(self._tokenize_text(text[low:high]))


def _is_format_token(token: SpecialToken) -> bool:
    """A token llama.cpp matches in text that could mark up a chat if text held it.

    Runs of whitespace are USER_DEFINED tokens in some vocabularies (Gemma's), and the
    markup holds them too; they mark up nothing, and cutting them would change how
    ordinary text is tokenized. A single character cannot be cut.
    """
    return token.text_level and len(token.text) >= 2 and not token.text.isspace()


def _cuts(stretch: Sequence[tuple[str, bool]], text: str, start: int, end: int,
          breakable: Iterable[SpecialToken]) -> list[int]:
    """Where to cut ``text`` so no structural token's text within content stays whole.

    Every occurrence touching content, overlapping ones included, is cut after its first
    character: no piece then holds a whole occurrence, and no cut makes a new one.
    """
    spans: list[tuple[int, int]] = []
    offset = 0
    for piece, is_content in stretch:
        if is_content:
            spans.append((offset, offset + len(piece)))
        offset += len(piece)
    cuts: set[int] = set()
    for token in breakable:
        length = len(token.text)
        at = text.find(token.text, start, end)
        while at >= 0:
            if any(low < at + length and at < high for low, high in spans):
                cuts.add(at + 1)
            at = text.find(token.text, at + 1, end)
    return sorted(cuts)
