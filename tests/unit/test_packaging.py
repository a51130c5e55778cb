"""What the packages ship: every package folder in pyproject.toml, every imported module in
the installers' bundle."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "chatapp").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"
    assert "chatapp.resources" in listed
    assert (ROOT / "resources" / "chatapp.svg").is_file()


def spec_excludes() -> set[str]:
    """The modules packaging/chatapp.spec leaves out of the bundle (its EXCLUDES list)."""
    tree = ast.parse((ROOT / "packaging" / "chatapp.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "EXCLUDES"
                for target in node.targets):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return set(value)
    raise AssertionError("packaging/chatapp.spec has no EXCLUDES list")


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


def test_the_bundle_keeps_every_module_the_app_imports() -> None:
    # The installed app died at start when the bundle left out a Qt module it imported;
    # only the installer test (make test-package) would have seen it.
    excluded = spec_excludes()
    assert "tkinter" in excluded  # the list was found
    missing = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "chatapp").rglob("*.py")
        for module in imported_modules(path)
        if any(module == name or module.startswith(name + ".") for name in excluded)
    }
    assert missing == set(), "the bundle excludes modules the app imports"


def spec_hiddenimports() -> set[str]:
    tree = ast.parse((ROOT / "packaging" / "chatapp.spec").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "hiddenimports":
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return set(value)
    raise AssertionError("packaging/chatapp.spec has no hiddenimports")


def test_the_bundle_has_the_api_servers_uvicorn_parts() -> None:
    # uvicorn imports its loop, HTTP parser and lifespan by name: PyInstaller cannot see it.
    import uvicorn.config

    from chatapp.api import server

    chosen = {uvicorn.config.LOOP_FACTORIES[server.LOOP],
              uvicorn.config.HTTP_PROTOCOLS[server.HTTP],
              uvicorn.config.LIFESPAN[server.LIFESPAN]}
    assert {name.split(":")[0] for name in chosen if name} == set(server.DYNAMIC_IMPORTS)
    assert set(server.DYNAMIC_IMPORTS) <= spec_hiddenimports()
