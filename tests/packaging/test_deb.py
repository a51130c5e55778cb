"""The Linux installer, proven on this machine: install, launch, chat, remove.

`make test-package` builds the .deb and the .tar.gz, then runs this module as root. The
tests run in order against one installation: the .deb is installed with dpkg -i, the
installed `chatapp` passes its self-test with no network, a person's first session
runs in a real X server (screenshot kept), the install folder is unchanged by all of
it, and removing the package leaves nothing but the user's own data.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from chatapp.i18n import LANGUAGES
from chatapp.models.starter import STARTER
from tests.packaging.gui_session import QUESTION

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = sorted(code for code in LANGUAGES if code != "en")
# The File menu's title (chatapp/ui/menus.py) and a word of its translations.
FILE_MENU = ("Menus", "&File")
KNOWN_WORDS = {"de": "Datei", "ar": "ملف"}
INSTALL_DIR = Path("/opt/chatapp")
DESKTOP_FILE = Path("/usr/share/applications/chatapp.desktop")
BUNDLED_MODEL = INSTALL_DIR / "_internal" / STARTER.relative_path
# Where the package may put files; all else it touches would be a leak.
PACKAGE_AREAS = ("/opt/chatapp", "/usr/bin/chatapp", "/usr/share/applications/chatapp.desktop",
                 "/usr/share/icons/hicolor/", "/usr/share/doc/chatapp")
# Qt's xcb platform plugin needs these (shared/notes/qt-desktop.md); the derived
# Depends: must name each, or the app aborts on a minimal desktop.
XCB_PACKAGES = ("libxcb-cursor0", "libxkbcommon-x11-0", "libxcb-icccm4", "libxcb-image0",
                "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0",
                "libxcb-xkb1")
# ggml's x86 CPU variants and the /proc/cpuinfo flags each needs (ggml/src/CMakeLists.txt).
HASWELL = {"sse4_2", "avx", "f16c", "fma", "avx2", "bmi2"}
VARIANT_FLAGS = {
    "x64": set(), "sse42": {"sse4_2"}, "sandybridge": {"sse4_2", "avx"},
    "ivybridge": {"sse4_2", "avx", "f16c"}, "piledriver": {"sse4_2", "avx", "f16c", "fma"},
    "haswell": HASWELL, "skylakex": HASWELL | {"avx512f"},
    "cannonlake": HASWELL | {"avx512f", "avx512vbmi"},
    "cascadelake": HASWELL | {"avx512f", "avx512_vnni"},
    "icelake": HASWELL | {"avx512f", "avx512vbmi", "avx512_vnni"},
    "cooperlake": HASWELL | {"avx512f", "avx512_vnni", "avx512_bf16"},
    "zen4": HASWELL | {"avx512f", "avx512vbmi", "avx512_vnni", "avx512_bf16"},
    "alderlake": HASWELL | {"avx_vnni"},
    "sapphirerapids": HASWELL | {"avx512f", "avx512vbmi", "avx512_vnni", "avx512_bf16",
                                 "amx_tile", "amx_int8"},
}


def artifact(variable: str) -> Path:
    value = os.environ.get(variable)
    if not value or not Path(value).is_file():
        pytest.fail(f"{variable} must name a built installer (run `make test-package`)")
    return Path(value)


def sh(*command: str, check: bool = True, timeout: float = 600,
       env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                          check=False, env=env)
    if check and done.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed ({done.returncode}):\n"
                    f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done


def tree_state(root: Path) -> dict[str, tuple[int, int, int, str]]:
    """Every entry under root: mode, size, modification time and symlink target."""
    state = {}
    for path in [root, *root.rglob("*")]:
        info = path.lstat()
        target = os.readlink(path) if path.is_symlink() else ""
        state[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns,
                                              target)
    return state


def user_env(home: Path) -> dict[str, str]:
    """A person's environment: their home, no CHATAPP_HOME, no display."""
    return {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8"}


def package_installed() -> bool:
    done = sh("dpkg-query", "-W", "-f=${Status}", "chatapp", check=False)
    return done.returncode == 0 and "installed" in done.stdout.split()


class Installation:
    """Facts recorded across the ordered tests of this module."""

    def __init__(self, deb: Path, home: Path) -> None:
        self.deb = deb
        self.home = home  # the person's home folder for every run of the app
        self.files: list[Path] = []  # dpkg -L after installing
        self.existed_before: set[Path] = set()
        self.tree_after_install: dict[str, tuple[int, int, int, str]] = {}
        self.areas_before: dict[str, bool] = {}


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installation]:
    if os.geteuid() != 0:
        pytest.fail("installing a .deb needs root (or run `sudo make test-package`)")
    deb = artifact("CHATAPP_DEB")
    if package_installed():
        print("chatapp was installed already (an earlier run?): replacing it")
        sh("dpkg", "--purge", "chatapp")
    listing = sh("dpkg-deb", "--contents", str(deb)).stdout
    paths = [Path(line.split(" -> ")[0].split()[-1].removeprefix("."))
             for line in listing.splitlines() if line.strip()]
    state = Installation(deb, tmp_path_factory.mktemp("person"))
    state.existed_before = {p for p in paths if p.exists() or p.is_symlink()}
    sh("dpkg", "-i", str(deb))  # fails if Depends: is not satisfied here
    state.files = [Path(line) for line in sh("dpkg", "-L", "chatapp").stdout.splitlines()]
    state.tree_after_install = tree_state(INSTALL_DIR)
    yield state
    if package_installed():
        sh("dpkg", "--purge", "chatapp")


def test_the_package_declares_what_the_bundle_needs(installation: Installation) -> None:
    fields = sh("dpkg-deb", "--field", str(installation.deb)).stdout
    depends_line = re.search(r"^Depends: (.*)$", fields, re.M)
    assert depends_line, fields
    depends = {item.split()[0] for item in depends_line.group(1).split(", ")}
    assert set(XCB_PACKAGES) <= depends, set(XCB_PACKAGES) - depends
    assert {"libc6", "libstdc++6", "libgomp1", "libfontconfig1", "libegl1"} <= depends
    # Every Depends package is really installed here, so dpkg -i had it satisfied.
    for package in depends:
        assert sh("dpkg-query", "-W", package, check=False).returncode == 0, package


def test_it_installs_a_command_a_menu_entry_and_icons(installation: Installation) -> None:
    assert Path("/usr/bin/chatapp").resolve() == INSTALL_DIR / "chatapp"
    assert shutil.which("chatapp", path="/usr/bin:/bin") == "/usr/bin/chatapp"
    sh("desktop-file-validate", str(DESKTOP_FILE))
    entry = DESKTOP_FILE.read_text(encoding="utf-8")
    assert re.search(r"^Exec=chatapp$", entry, re.M)
    assert re.search(r"^Icon=chatapp$", entry, re.M)
    for size in (16, 32, 48, 64, 128, 256, 512):
        icon = Path(f"/usr/share/icons/hicolor/{size}x{size}/apps/chatapp.png")
        assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", icon
    assert Path("/usr/share/icons/hicolor/scalable/apps/chatapp.svg").is_file()
    for path in installation.files:
        assert str(path).startswith(PACKAGE_AREAS) or path.is_dir(), path
    # Root owns it all and nobody else may write there (a symlink's own mode is moot).
    for path in [INSTALL_DIR, *INSTALL_DIR.rglob("*")]:
        info = path.lstat()
        assert info.st_uid == 0, path
        assert path.is_symlink() or not info.st_mode & 0o022, path
    assert BUNDLED_MODEL.stat().st_size == STARTER.size_bytes


def test_the_bundle_carries_the_translations(installation: Installation) -> None:
    internal = INSTALL_DIR / "_internal"
    for code in TRANSLATED:
        # chatapp's own, where chatapp/ui/language.py looks (the package's translations
        # folder), and translating: a known string comes out in the language.
        qm = internal / "chatapp" / "resources" / "translations" / f"chatapp_{code}.qm"
        assert qm.is_file(), qm
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        assert KNOWN_WORDS[code] in (translator.translate(*FILE_MENU) or ""), code
        # Qt's, for the standard dialogs' buttons, where the bundled Qt looks: its
        # prefix is the folder of its libraries' parent (PySide6/Qt).
        qt = internal / "PySide6" / "Qt" / "translations" / f"qtbase_{code}.qm"
        assert qt.is_file(), qt
        assert translator.load(str(qt)), qt
        assert translator.translate("QPlatformTheme", "Cancel") not in (None, "", "Cancel")
    # English's singular forms for the command line, where chatapp/i18n.py reads them.
    english = internal / "chatapp" / "resources" / "translations" / "chatapp_en.ts"
    assert b"<numerusform>%Ln chat</numerusform>" in english.read_bytes()
    # Only those: the other languages' Qt translations stay out of the bundle.
    kept = {p.name for p in (internal / "PySide6" / "Qt" / "translations").iterdir()}
    assert kept == {f"qtbase_{code}.qm" for code in TRANSLATED}


def test_the_installed_app_chats_offline_on_the_best_cpu_variant(
        installation: Installation) -> None:
    # unshare --net: a network namespace with no interface up, so no network at all.
    done = sh("unshare", "--net", "chatapp", "--self-test", "--timeout", "300",
              env=user_env(installation.home), timeout=400)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["model"] == STARTER.file_name
    assert report["generated_tokens"] > 0
    # Local documents in the bundle: python-docx's template, PDFium, sqlite-vec's library.
    assert report["documents"]["indexed"] == 2 and report["documents"]["failed"] == 1
    variant = report["cpu_backend"]
    lib_dir = INSTALL_DIR / "_internal" / "llama_cpp" / "lib"
    assert (lib_dir / f"libggml-cpu-{variant}.so").is_file(), variant
    bundled = {p.name.removeprefix("libggml-cpu-").removesuffix(".so")
               for p in lib_dir.glob("libggml-cpu-*.so")}
    assert set(VARIANT_FLAGS) <= bundled, set(VARIANT_FLAGS) - bundled
    flags = set(re.search(r"^flags\s*:(.*)$", Path("/proc/cpuinfo").read_text(),
                          re.M).group(1).split())  # type: ignore[union-attr]
    runnable = {name for name, needs in VARIANT_FLAGS.items() if needs <= flags}
    assert variant in runnable, (variant, runnable)
    # ggml picked the variant with the most instruction sets this CPU has.
    assert not any(VARIANT_FLAGS[variant] < VARIANT_FLAGS[other] for other in runnable), \
        (variant, runnable)
    print(f"self-test: {report}")


def test_the_bundle_runs_the_model_probe(installation: Installation) -> None:
    # The first load of a model runs `<sys.executable> --probe-model PATH` in a child.
    done = sh("unshare", "--net", "chatapp", "--probe-model", str(BUNDLED_MODEL),
              env=user_env(installation.home), timeout=300)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"ok": True, "sha256": STARTER.sha256}


def test_a_person_installs_the_starter_model_and_chats(installation: Installation) -> None:
    screenshot = Path(os.environ.get("CHATAPP_SCREENSHOT",
                                     ROOT / "build" / "package-test" / "screenshot.png"))
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    done = sh("xvfb-run", "-a", "-s", "-screen 0 1100x760x24 -nolisten tcp",
              sys.executable, str(Path(__file__).with_name("gui_session.py")),
              "--home", str(installation.home), "--screenshot", str(screenshot),
              timeout=900)
    session = json.loads(done.stdout.strip().splitlines()[-1])
    assert session["exit_code"] == 0, session["stderr"]
    # Every key typed went into the message (the box has the focus once the model loads).
    assert session["question"] == QUESTION
    entry = DESKTOP_FILE.read_text(encoding="utf-8")
    # The window belongs to the menu entry (docks group and label it by WM_CLASS).
    assert f"StartupWMClass={session['wm_class']}\n" in entry
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # The person's data is in the platform folders of their home...
    home = installation.home
    data = home / ".local" / "share" / "chatapp"
    assert (data / "history.sqlite3").is_file()
    assert (data / "models" / STARTER.file_name).stat().st_size == STARTER.size_bytes
    assert (home / ".config" / "chatapp" / "settings.json").is_file()
    log = (home / ".local" / "state" / "chatapp" / "log" / "chatapp.log").read_text(
        encoding="utf-8")
    # ...and the log names the CPU variant the GUI's engine loaded.
    assert re.search(r"llama\.cpp CPU backend: (?!built-in)\S+ \(", log), log[-2000:]
    print(f"GUI session: {session['seconds']} s; screenshot {screenshot}")


def test_running_the_app_wrote_nothing_in_its_install_folder(
        installation: Installation) -> None:
    assert tree_state(INSTALL_DIR) == installation.tree_after_install


def test_removing_it_leaves_only_the_users_data(installation: Installation) -> None:
    sh("dpkg", "--purge", "chatapp")
    assert not package_installed()
    left = [p for p in installation.files
            if (p.exists() or p.is_symlink()) and p not in installation.existed_before]
    assert left == []
    assert not INSTALL_DIR.exists()
    assert not list(Path("/var/lib/dpkg/info").glob("chatapp.*"))
    found = sh("find", "/opt", "/usr", "/etc", "/var/lib", "-xdev", "-name", "*chatapp*",
               check=False).stdout.split()
    assert found == []
    # A package removal never deletes a person's chats and models.
    assert (installation.home / ".local" / "share" / "chatapp" / "history.sqlite3").is_file()


def test_the_portable_archive_runs_from_any_folder(tmp_path: Path) -> None:
    tarball = artifact("CHATAPP_TARBALL")
    with tarfile.open(tarball) as archive:
        top = archive.getnames()[0].split("/")[0]
        archive.extractall(tmp_path, filter="tar")
    app = tmp_path / top / "chatapp"
    model = tmp_path / top / "_internal" / STARTER.relative_path
    assert model.stat().st_size == STARTER.size_bytes
    version = sh(str(app), "--version", env=user_env(tmp_path)).stdout
    assert version.startswith("chatapp ")
    # The engine, with its CPU variants, loads from wherever the folder was unpacked.
    done = sh("unshare", "--net", str(app), "--probe-model", str(model),
              env=user_env(tmp_path), timeout=300)
    assert json.loads(done.stdout.strip().splitlines()[-1])["ok"] is True
