"""Models split into several files: llama.cpp's ``<base>-00001-of-00003.gguf`` naming.

llama.cpp loads such a model from part 1 and finds the other parts next to it, so the
models folder lists a split model once, by its first part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = ["SPLIT_PATTERN", "SplitName", "model_files", "split_name"]

SPLIT_PATTERN: Final = re.compile(r"^(?P<base>.+)-(?P<index>\d{5})-of-(?P<count>\d{5})\.gguf$",
                                  re.IGNORECASE)


@dataclass(frozen=True)
class SplitName:
    base: str  # the path without "-00001-of-00003.gguf"
    index: int  # 1-based, as in the name
    count: int


def split_name(path: str) -> SplitName | None:
    """The split-set coordinates in a file name such as ``dir/m-00002-of-00003.gguf``."""
    directory, _, name = path.rpartition("/")
    match = SPLIT_PATTERN.match(name)
    if match is None:
        return None
    index, count = int(match.group("index")), int(match.group("count"))
    if not 1 <= index <= count:
        return None
    base = match.group("base")
    return SplitName(base=f"{directory}/{base}" if directory else base, index=index, count=count)


def model_files(path: Path) -> list[Path]:
    """Every file of the model whose (first) file is ``path``: one, or all split parts."""
    split = split_name(path.name)
    if split is None:
        return [path]
    return [path.with_name(f"{split.base}-{i:05d}-of-{split.count:05d}.gguf")
            for i in range(1, split.count + 1)]
