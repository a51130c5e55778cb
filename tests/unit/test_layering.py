"""The architecture, checked: the core runs without Qt, and packages import downward only.

Layers, top to bottom; a module may import from its own package and from any layer below
its own, never above. Packages that share a layer are independent of each other (the
contract import-linter calls "layers" with independent siblings). Imports inside functions
count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "chatapp"

LAYERS: list[set[str]] = [
    {"__main__"},
    {"cli"},
    {"ui"},
    # The local API server: the conversation core behind an HTTP face.
    {"api"},
    {"conversation", "batch"},
    {"models"},
    {"engine", "hub", "exchange", "knowledge", "remote"},
    {"history", "secrets", "rendering", "reasoning", "documents"},
    {"gguf"},
    # The base: where things are kept, the user's settings, the machine ...
    {"paths", "settings", "hardware", "logging_setup"},
    # ... and shared words, numbers and safe file writing ...
    {"vocabulary", "formatting", "files", "__init__"},
    # ... on the one root of the errors a user reads ...
    {"errors"},
    # ... all in the user's language.
    {"i18n"},
]


def core_modules() -> list[str]:
    modules = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "ui" in parts or parts[-1] == "__main__":
            continue
        modules.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return modules


def test_core_modules_do_not_import_qt() -> None:
    modules = core_modules()
    assert "chatapp.engine.llama_engine" in modules and "chatapp.history.store" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.strip() == "[]"


def _unit(module: str) -> str:
    """The layer unit of a module: its top-level package, or the top-level module."""
    return module.split(".")[1] if module.count(".") else "__init__"


def _layer_of(unit: str) -> int:
    for index, layer in enumerate(LAYERS):
        if unit in layer:
            return index
    raise AssertionError(f"chatapp.{unit} is in no layer: add it to LAYERS")


def imports_of(path: Path, root: Path = ROOT) -> set[str]:
    package = root / "chatapp"
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("chatapp."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.rsplit(".", node.level)[0]
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            if name == "chatapp":  # "from chatapp import X": X is a module or the package
                found.update(f"chatapp.{a.name}" if (package / a.name).exists()
                             or (package / f"{a.name}.py").exists() else "chatapp"
                             for a in node.names)
            elif name.startswith("chatapp."):
                found.add(name)
    return found


def violations(root: Path = ROOT) -> list[str]:
    wrong = []
    for path in sorted((root / "chatapp").rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        unit = _unit(module)
        layer = _layer_of(unit)
        for imported in sorted(imports_of(path, root)):
            other = _unit(imported) if imported != "chatapp" else "__init__"
            if other == unit:
                continue
            other_layer = _layer_of(other)
            if other_layer < layer:
                wrong.append(f"{module} imports {imported}, a layer above it")
            elif other_layer == layer:
                wrong.append(f"{module} imports {imported}: they share a layer and must be "
                             "independent")
    return wrong


def test_packages_import_downward_only() -> None:
    assert violations() == []


def test_the_check_finds_upward_and_sideways_imports(tmp_path: Path) -> None:
    package = tmp_path / "chatapp"
    for folder in ("gguf", "engine", "hub"):
        (package / folder).mkdir(parents=True)
    (package / "gguf" / "inspect.py").write_text(
        "def late():\n    from chatapp.engine.llama_engine import LlamaEngine\n")
    (package / "engine" / "loader.py").write_text(
        "from chatapp.hub import client\nfrom chatapp.gguf.inspect import late\n"
        "from . import loader\n")
    (package / "hub" / "client.py").write_text("from ..errors import UserFacingError\n")
    assert violations(tmp_path) == [
        "chatapp.engine.loader imports chatapp.hub: they share a layer and must be independent",
        "chatapp.gguf.inspect imports chatapp.engine.llama_engine, a layer above it",
    ]
