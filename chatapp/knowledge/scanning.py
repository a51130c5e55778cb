"""Walking a collection's folder: the files to index, one at a time.

The walk streams (a folder of 100,000 files is never listed whole in memory; what it
holds is one directory's listing at a time and the stack of folders still to visit),
follows no symbolic link to a folder (so a link loop cannot trap it) and remembers the
folders it has been in by device and inode (so a folder reached twice, through a bind
mount or as two of a collection's folders, is walked once). Hidden files and folders,
version control and build folders are passed over.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from chatapp.i18n import translate

__all__ = [
    "SKIPPED_FOLDERS",
    "FoundFile",
    "ScanProblem",
    "is_hidden_name",
    "is_skipped_folder",
    "scan_folder",
]

# Never users' documents: tools' caches, dependencies, the system's own folders.
SKIPPED_FOLDERS: Final = frozenset({
    "node_modules", "__pycache__", "site-packages", "venv", "bower_components",
    "$RECYCLE.BIN", "System Volume Information", "lost+found",
})


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class ScanProblem:
    """A folder that could not be listed: files known under it must not be taken for
    deleted."""

    path: Path
    reason: str


def is_hidden_name(name: str) -> bool:
    """Hidden files and folders (.git, .cache ...), editors' lock and backup files."""
    return name.startswith((".", "~$")) or name.endswith("~")


def is_skipped_folder(name: str) -> bool:
    return is_hidden_name(name) or name in SKIPPED_FOLDERS


def scan_folder(folder: Path, *, wanted: Callable[[Path], bool],
                cancelled: Callable[[], bool] = lambda: False,
                visited: set[tuple[int, int]] | None = None,
                ) -> Iterator[FoundFile | ScanProblem]:
    """The files under ``folder`` that ``wanted`` accepts (by name), with their size and
    modification time, and the folders that could not be listed. Stops early once
    ``cancelled()`` says so. ``visited`` may be shared between folders of a collection."""
    seen = visited if visited is not None else set()
    stack = [folder]
    while stack:
        if cancelled():
            return
        current = stack.pop()
        try:
            identity = os.stat(current)  # the folder itself may be a link the user chose
        except OSError as exc:
            yield ScanProblem(current, _reason(exc))
            continue
        key = (identity.st_dev, identity.st_ino)
        if key in seen:
            continue
        seen.add(key)
        subfolders: list[Path] = []
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    found = _entry(entry, wanted, subfolders)
                    if found is not None:
                        yield found
        except OSError as exc:
            yield ScanProblem(current, _reason(exc))
        # Reversed onto the stack: folders are walked in the order they were listed.
        stack.extend(reversed(subfolders))


def _entry(entry: os.DirEntry[str], wanted: Callable[[Path], bool],
           subfolders: list[Path]) -> FoundFile | None:
    name = entry.name
    try:
        if entry.is_dir(follow_symlinks=False):
            if not is_skipped_folder(name):
                subfolders.append(Path(entry.path))
            return None
        if is_hidden_name(name) or not wanted(Path(name)):
            return None
        # A link to a file is read as the file; a link to a folder is not followed
        # (that is how loops are made), nor a broken link.
        info = entry.stat(follow_symlinks=True)
    except OSError:
        return None  # vanished meanwhile, or a broken link: nothing to index
    if not stat.S_ISREG(info.st_mode):
        return None
    return FoundFile(Path(entry.path), info.st_size, info.st_mtime_ns)


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return translate("DocumentIndex", "chatapp is not allowed to read this folder")
    if isinstance(exc, FileNotFoundError):
        return translate("DocumentIndex", "this folder does not exist (any more)")
    if isinstance(exc, NotADirectoryError):
        return translate("DocumentIndex", "this is not a folder")
    return translate("DocumentIndex", "this folder could not be read ({error})").format(
        error=exc.strerror or exc)
