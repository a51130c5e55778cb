"""The user's models: GGUF files in the models folder, plus files imported from elsewhere.

A file imported "in place" stays where the user keeps it and is remembered in a small
registry; a copied file lands in the models folder like a download. Deleting a model
from the models folder deletes the file; "deleting" an imported-in-place model only
forgets it, the user's own file stays untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from chatapp.files.atomic import keep_aside, write_json_atomic
from chatapp.files.copying import copy_file
from chatapp.formatting import format_bytes
from chatapp.gguf.inspect import GgufError, GgufInfo, inspect_gguf
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.gguf.split_files import model_files, split_name
from chatapp.i18n import translate
from chatapp.models.errors import LibraryError, RegistryDamagedError


@dataclass(frozen=True)
class InstalledModel:
    path: Path
    size: int
    in_models_folder: bool  # False: imported in place from elsewhere
    info: GgufInfo | None  # None when the file could not be read as a GGUF
    problem: str | None  # why it cannot be used, for the user


def installed_models(models_dir: Path) -> list[Path]:
    """GGUF models in the models folder, by name; partial downloads are not listed.

    A model split into several files is listed once, by its first part: llama.cpp finds
    the other parts next to it.
    """
    if not models_dir.is_dir():
        return []
    return sorted(
        (p for p in models_dir.iterdir()
         if p.suffix.lower() == ".gguf" and p.is_file() and not p.name.startswith(".")
         and _split_index(p) in (None, 1)),
        key=lambda p: p.name.lower(),
    )


def _split_index(path: Path) -> int | None:
    split = split_name(path.name)
    return split.index if split is not None else None


class ModelLibrary:
    def __init__(self, models_dir: Path, registry: Path) -> None:
        self.models_dir = models_dir
        self.registry = registry

    # -- the registry of files imported in place ---------------------------------------

    def imported_paths(self) -> list[Path]:
        """The files imported in place. A registry that cannot be read is moved aside
        (never replaced by an empty one) and reported as RegistryDamagedError; the next
        call starts from an empty list."""
        try:
            text = self.registry.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as error:
            raise LibraryError(translate(
                "ModelLibrary", "The list of imported models ({path}) cannot be read: "
                "{reason}.").format(path=self.registry, reason=error.strerror or error)) \
                from error
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("imported"), list):
            kept = keep_aside(self.registry)
            raise RegistryDamagedError(
                translate("ModelLibrary", "The list of models you imported from other folders "
                          "was damaged, so chatapp kept it aside as {name} and starts a new "
                          "list. Your model files are untouched: import them again (Models ▸ "
                          "Installed ▸ Import).").format(name=kept.name),
                f"unreadable registry {self.registry}, kept as {kept}")
        return [Path(p) for p in data["imported"] if isinstance(p, str)]

    def _write_registry(self, paths: list[Path]) -> None:
        try:
            write_json_atomic(self.registry, {"imported": [str(p) for p in paths]})
        except OSError as error:
            raise LibraryError(translate(
                "ModelLibrary", "The list of imported models could not be saved: "
                "{reason}.").format(reason=error.strerror or error)) from error

    # -- listing -----------------------------------------------------------------------

    def model_paths(self) -> list[Path]:
        """Every usable path: the models folder first, then imported files that exist."""
        own = installed_models(self.models_dir)
        imported = [p for p in self.imported_paths() if p.is_file() and p not in own]
        return own + imported

    def chat_and_embedding_paths(self) -> tuple[list[Path], list[Path]]:
        """model_paths() split by what each model is for (its header says): the chat
        models, and the embedding models Local documents uses. Reranking models are in
        neither; a file whose header cannot be read counts as a chat model, whose load then
        says what is wrong with it."""
        chat: list[Path] = []
        embedding: list[Path] = []
        for path in self.model_paths():
            try:
                role = model_role(inspect_gguf(path))
            except (GgufError, OSError):
                role = ModelRole.CHAT
            if role is ModelRole.CHAT:
                chat.append(path)
            elif role is ModelRole.EMBEDDING:
                embedding.append(path)
        return chat, embedding

    def describe(self) -> list[InstalledModel]:
        """Every model with what its header says (reads only the headers)."""
        described = []
        for path in self.model_paths():
            info: GgufInfo | None = None
            problem: str | None = None
            try:
                info = inspect_gguf(path)
            except GgufError as error:
                problem = error.user_message
            except OSError as error:
                problem = translate("ModelLibrary", "The file cannot be read: {reason}.").format(
                    reason=error.strerror or error)
            size = sum(p.stat().st_size for p in model_files(path) if p.is_file())
            described.append(InstalledModel(
                path=path, size=size,
                in_models_folder=path.parent == self.models_dir, info=info, problem=problem))
        return described

    # -- changes -----------------------------------------------------------------------

    def import_in_place(self, path: Path) -> Path:
        """Remember a GGUF file where it is; it is checked first."""
        path = path.expanduser().resolve()
        self._check(path)
        if path.parent == self.models_dir.resolve():
            return path
        paths = self.imported_paths()
        if path not in paths:
            self._write_registry([*paths, path])
        return path

    def import_copy(self, path: Path, cancel: threading.Event | None = None) -> Path:
        """Copy a GGUF file into the models folder (checked first, never half-copied)."""
        path = path.expanduser().resolve()
        self._check(path)
        target = self.models_dir / path.name
        if target.exists():
            raise LibraryError(translate(
                "ModelLibrary", "The models folder already has a file named {name}.").format(
                    name=path.name))
        self.models_dir.mkdir(parents=True, exist_ok=True)
        needed = path.stat().st_size
        free = shutil.disk_usage(self.models_dir).free
        if free < needed:
            raise LibraryError(translate(
                "ModelLibrary", "Copying {name} needs {needed}, but only {free} is free in "
                "{folder}. Import it in place instead, or free some space.").format(
                    name=path.name, needed=format_bytes(needed), free=format_bytes(free),
                    folder=self.models_dir))
        fd, tmp_name = tempfile.mkstemp(dir=self.models_dir, prefix=".import-", suffix=".part")
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            copy_file(path, tmp, cancel)
            os.replace(tmp, target)
        except OSError as error:
            raise LibraryError(translate(
                "ModelLibrary", "{name} could not be copied: {reason}.").format(
                    name=path.name, reason=error.strerror or error)) from error
        finally:
            tmp.unlink(missing_ok=True)
        return target

    def remove_leftovers(self) -> list[Path]:
        """Delete the temporary files of copies a killed app left in the models folder.

        Only while no other chatapp uses this folder (the app holds its instance lock).
        """
        removed = []
        if self.models_dir.is_dir():
            for leftover in self.models_dir.glob(".*.part"):
                if leftover.name.startswith((".import-", ".starter-")) and leftover.is_file():
                    leftover.unlink(missing_ok=True)
                    removed.append(leftover)
        return removed

    def delete(self, path: Path) -> bool:
        """Delete a model from the models folder, or forget an imported one.

        Returns True if a file was deleted, False if only forgotten.
        """
        if path.parent == self.models_dir:
            for part in model_files(path):
                try:
                    part.unlink()
                except FileNotFoundError:
                    pass
                except OSError as error:
                    raise LibraryError(translate(
                        "ModelLibrary", "{name} could not be deleted: {reason}.").format(
                            name=part.name, reason=error.strerror or error)) from error
            return True
        self._write_registry([p for p in self.imported_paths() if p != path])
        return False

    @staticmethod
    def _check(path: Path) -> GgufInfo:
        if not path.is_file():
            raise LibraryError(translate("ModelLibrary", "{path} is not a file.").format(
                path=path))
        try:
            return inspect_gguf(path)
        except GgufError as error:
            raise LibraryError(error.user_message) from error
        except OSError as error:
            raise LibraryError(translate("ModelLibrary", "{name} cannot be read: {reason}.")
                               .format(name=path.name, reason=error.strerror or error)) \
                from error
