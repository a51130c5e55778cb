"""The models folder: which GGUF files the user has."""

from __future__ import annotations

from pathlib import Path


def installed_models(models_dir: Path) -> list[Path]:
    """GGUF files in the models folder, by name; partial downloads are not listed."""
    if not models_dir.is_dir():
        return []
    return sorted(
        (p for p in models_dir.iterdir()
         if p.suffix.lower() == ".gguf" and p.is_file() and not p.name.startswith(".")),
        key=lambda p: p.name.lower(),
    )
