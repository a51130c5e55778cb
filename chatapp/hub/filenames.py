"""What a GGUF file's name says: its quantization, whether it is one part of a split model,
whether it is a vision add-on rather than a model.

The hub does not say which quantization a file holds, so the name is all there is before the
header is read; uploaders follow llama.cpp's naming (``Model-7B-Instruct-Q4_K_M.gguf``,
``model.Q8_0.gguf``, ``model-q4_k_m.gguf``, ``Model-UD-Q4_K_XL.gguf``). A split model is a set of
files named ``<base>-00001-of-00003.gguf`` ... that llama.cpp loads from part 1, all parts side
by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from chatapp.gguf.split_files import SPLIT_PATTERN, split_name

__all__ = [
    "GgufGroup",
    "group_gguf_files",
    "is_vision_addon",
    "quantization_from_filename",
]

# Longest alternatives first inside each family, so Q4_0_4_4 is not read as Q4_0 and Q4_K_M
# not as Q4_K. The surrounding look-arounds make the token a whole word of the name, where
# "-", "_", "." and the ends of the name separate words (digits and letters do not).
_QUANT = re.compile(
    r"""
    (?<![A-Za-z0-9])
    (?P<quant>
        (?:UD-)?                                    # Unsloth "dynamic" variants
        (?:
            IQ[1-4]_(?:XXS|XS|NL|S|M|L)             # i-quants
          | Q[2-8]_K(?:_(?:XXS|XS|XL|S|M|L))?       # k-quants
          | Q4_0_(?:4_4|4_8|8_8)                    # ARM repacked legacy quants
          | Q[4-8]_[01]                             # legacy quants
          | TQ[12]_0                                # ternary
          | MXFP4(?:_MOE)?
          | BF16 | FP16 | F16 | FP32 | F32
        )
    )
    (?=$|[^A-Za-z0-9])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_ADDON = re.compile(r"(?:^|[^a-z0-9])mmproj(?:$|[^a-z0-9])", re.IGNORECASE)
_ALIASES: Final = {"FP16": "F16", "FP32": "F32"}


def _basename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def quantization_from_filename(path: str) -> str | None:
    """The quantization named in a GGUF file's name (upper case), e.g. "Q4_K_M"; None if none.

    When a name holds several candidates the last one wins: quantization comes after the model
    name, which may itself contain something like "F16" (``Llama-F16-finetune.Q4_K_M.gguf``).
    """
    name = _basename(path)
    if name.lower().endswith(".gguf"):
        name = name[: -len(".gguf")]
    split = SPLIT_PATTERN.match(_basename(path))
    if split is not None:
        name = split.group("base")
    found = [m.group("quant") for m in _QUANT.finditer(name)]
    if not found:
        return None
    quant = found[-1].upper()
    return _ALIASES.get(quant, quant)


def is_vision_addon(path: str) -> bool:
    """A multimodal projector (``mmproj-*.gguf``): not a chat model on its own."""
    return _ADDON.search(_basename(path)) is not None


@dataclass(frozen=True)
class GgufGroup:
    """One loadable model: a single .gguf file, or all parts of a split set in order."""

    name: str  # the file name, or the split set's base name + ".gguf"
    paths: tuple[str, ...]  # repository paths; part 1 first
    quantization: str | None
    split_count: int  # 1 for a single file
    missing_parts: tuple[int, ...] = ()  # 1-based indexes absent from the repository

    @property
    def complete(self) -> bool:
        return not self.missing_parts

    @property
    def is_split(self) -> bool:
        return self.split_count > 1


def group_gguf_files(paths: Iterable[str]) -> tuple[list[GgufGroup], list[GgufGroup]]:
    """Group a repository's file paths into models and vision add-ons.

    Non-.gguf files are ignored. Parts of a split set become one group, ordered by part index;
    a set missing parts is still returned (``missing_parts`` says which) so the UI can say why
    it cannot be downloaded. Returns ``(models, addons)``, each sorted by name.
    """
    singles: list[GgufGroup] = []
    sets: dict[tuple[str, int], dict[int, str]] = {}
    for path in paths:
        if not path.lower().endswith(".gguf"):
            continue
        split = split_name(path)
        if split is None:
            singles.append(GgufGroup(name=_basename(path), paths=(path,),
                                     quantization=quantization_from_filename(path),
                                     split_count=1))
            continue
        sets.setdefault((split.base, split.count), {})[split.index] = path
    for (base, count), parts in sets.items():
        ordered = tuple(parts[i] for i in sorted(parts))
        missing = tuple(i for i in range(1, count + 1) if i not in parts)
        singles.append(GgufGroup(name=_basename(base) + ".gguf", paths=ordered,
                                 quantization=quantization_from_filename(ordered[0]),
                                 split_count=count, missing_parts=missing))
    models = sorted((g for g in singles if not is_vision_addon(g.paths[0])),
                    key=lambda g: (g.name.lower(), g.paths))
    addons = sorted((g for g in singles if is_vision_addon(g.paths[0])),
                    key=lambda g: (g.name.lower(), g.paths))
    return models, addons
