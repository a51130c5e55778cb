"""Build the Linux installers from the PyInstaller bundle: a .deb and a portable .tar.gz.

The .deb installs the bundle under /opt/chatapp, a ``chatapp`` command in /usr/bin, the
desktop entry and the icons, and declares in ``Depends:`` the system libraries the
bundle links to. That list is derived from the bundle itself:

1. every ELF file's NEEDED entries (objdump -p) that no file of the bundle provides
   are the libraries the system must provide;
2. each is located the way the dynamic loader would (ldconfig's cache) and mapped to
   its Debian package with dpkg -S (a library no package provides stops the build);
3. dpkg-shlibdeps, over the same files, adds the lowest package versions that carry
   the symbols the bundle uses (from the packages' symbols/shlibs files);
4. libraries loaded with dlopen() by name, which no NEEDED entry shows, are added from
   DLOPENED below, each checked against the bundle's text.

Nothing here writes outside the output folders; installing is the test's business.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import subprocess
import sys
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from string import Template

HERE = Path(__file__).resolve().parent
INSTALL_DIR = "opt/chatapp"

# Libraries the bundle opens with dlopen() by name (invisible to NEEDED), keyed by the
# bundled file that names them: Qt's D-Bus module loads libdbus at run time (for the
# desktop portal and accessibility). Each is checked: the file must contain the name.
DLOPENED = {
    "libQt6DBus.so.6": ["libdbus-1.so.3"],
}


@dataclass(frozen=True)
class Dependency:
    package: str
    sonames: tuple[str, ...]
    version: str | None  # ">= version" from dpkg-shlibdeps, if it knows one


def run(command: list[str], cwd: Path | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, check=False, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} ... failed ({done.returncode}):\n"
                         f"{done.stderr.strip()[-3000:]}")
    return done.stdout


def elf_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def needed(path: Path) -> list[str]:
    return re.findall(r"^\s+NEEDED\s+(\S+)$", run(["objdump", "-p", str(path)]), re.M)


def multiarch() -> str:
    return run(["dpkg-architecture", "-qDEB_HOST_MULTIARCH"]).strip()


def loader_cache() -> dict[str, Path]:
    """soname -> path for this architecture, as the dynamic loader would find it."""
    arch_dir = f"/{multiarch()}/"
    found: dict[str, Path] = {}
    for line in run(["/sbin/ldconfig", "-p"]).splitlines():
        match = re.match(r"\s+(\S+) \(([^)]*)\) => (\S+)$", line)
        if match and arch_dir in match.group(3) and match.group(1) not in found:
            found[match.group(1)] = Path(match.group(3))
    return found


def owning_package(path: Path) -> str | None:
    """The Debian package that installed the file (merged /usr: try both spellings)."""
    candidates = [path, path.resolve()]
    for candidate in list(candidates):
        text = str(candidate)
        if text.startswith("/usr/"):
            candidates.append(Path(text.removeprefix("/usr")))
        else:
            candidates.append(Path("/usr" + text))
    for candidate in candidates:
        done = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True,
                              text=True, check=False)
        if done.returncode == 0:
            # "libxcb1:amd64: /usr/lib/x86_64-linux-gnu/libxcb.so.1"
            return done.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def system_sonames(bundle: Path) -> dict[str, list[Path]]:
    """Libraries the bundle links to but does not carry: soname -> the files needing it."""
    provided = {path.name for path in bundle.rglob("*")}
    wanted: dict[str, list[Path]] = {}
    for elf in elf_files(bundle):
        for soname in needed(elf):
            if soname not in provided:
                wanted.setdefault(soname, []).append(elf)
        for name in DLOPENED.get(elf.name, []):
            if name.encode() not in elf.read_bytes():
                raise SystemExit(f"{elf} no longer names {name}: update DLOPENED")
            wanted.setdefault(name, []).append(elf)
    return wanted


def shlibdeps_versions(bundle_root: Path, elves: Iterable[Path], work: Path) -> dict[str, str]:
    """package -> lowest version dpkg-shlibdeps derives from the symbols the bundle uses."""
    source = work / "shlibdeps"
    (source / "debian").mkdir(parents=True, exist_ok=True)
    (source / "debian" / "control").write_text(
        "Source: chatapp\n\nPackage: chatapp\nArchitecture: any\n", encoding="utf-8")
    private_dirs = sorted({str(p.parent) for p in bundle_root.rglob("*.so*")})
    command = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0",
               *(f"-l{d}" for d in private_dirs), *(f"-e{e}" for e in elves)]
    output = run(command, cwd=source)
    line = next(x for x in output.splitlines() if x.startswith("shlibs:Depends="))
    versions: dict[str, str] = {}
    for item in line.removeprefix("shlibs:Depends=").split(","):
        match = re.match(r"\s*([^\s(]+)(?:\s*\(>= ([^)]+)\))?", item)
        if match and match.group(2):
            versions[match.group(1)] = match.group(2)
    return versions


def derive_depends(bundle: Path, stage_root: Path, work: Path) -> list[Dependency]:
    wanted = system_sonames(bundle)
    cache = loader_cache()
    by_package: dict[str, list[str]] = {}
    missing = []
    for soname in sorted(wanted):
        path = cache.get(soname)
        package = owning_package(path) if path else None
        if package is None:
            missing.append(f"{soname} (needed by {wanted[soname][0].relative_to(bundle)})")
            continue
        by_package.setdefault(package, []).append(soname)
    if missing:
        raise SystemExit("no installed Debian package provides: " + ", ".join(missing)
                         + ". Install it on the build machine, or leave out what needs it.")
    versions = shlibdeps_versions(stage_root, elf_files(bundle), work)
    return [Dependency(package, tuple(sonames), versions.get(package))
            for package, sonames in sorted(by_package.items())]


def depends_field(dependencies: Iterable[Dependency]) -> str:
    return ", ".join(f"{d.package} (>= {d.version})" if d.version else d.package
                     for d in dependencies)


# -- staging ---------------------------------------------------------------------------

def normalize_modes(root: Path) -> None:
    """Files 0644 or 0755, folders 0755: what was built under any umask installs sanely."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & stat.S_IXUSR:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def stage(bundle: Path, icons: Path, svg: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    # The bootloader finds _internal/ next to its real path, so a symlink is enough.
    (bin_dir / "chatapp").symlink_to(f"/{INSTALL_DIR}/chatapp")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(HERE / "chatapp.desktop", share / "applications" / "chatapp.desktop")
    for png in sorted((icons / "hicolor").glob("*/apps/chatapp.png")):
        target = share / "icons" / "hicolor" / png.relative_to(icons / "hicolor")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(svg, scalable / "chatapp.svg")
    (share / "doc" / "chatapp").mkdir(parents=True)
    shutil.copy2(HERE / "copyright", share / "doc" / "chatapp" / "copyright")
    normalize_modes(root)


def installed_size_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def write_control(root: Path, version: str, depends: str) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    template = Template((HERE / "control.in").read_text(encoding="utf-8"))
    (debian / "control").write_text(template.substitute(
        version=version,
        architecture=run(["dpkg", "--print-architecture"]).strip(),
        installed_size=installed_size_kib(root),
        depends=depends,
    ), encoding="utf-8")
    debian.chmod(0o755)
    (debian / "control").chmod(0o644)


def build_tarball(bundle: Path, out: Path, top: str) -> None:
    """The bundle as a folder to unpack anywhere and run (./chatapp)."""
    def normalize(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    tmp = out.with_suffix(".part")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=top, filter=normalize)
    os.replace(tmp, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the .deb and .tar.gz of chatapp.")
    parser.add_argument("--bundle", type=Path, required=True,
                        help="the PyInstaller one-folder bundle (dist/chatapp)")
    parser.add_argument("--icons", type=Path, required=True,
                        help="packaging/icons.py's output folder")
    parser.add_argument("--svg", type=Path, required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--work", type=Path, required=True, help="a scratch folder")
    parser.add_argument("--out", type=Path, required=True, help="where the installers go")
    args = parser.parse_args(argv)

    bundle: Path = args.bundle.resolve()
    if not (bundle / "chatapp").is_file():
        raise SystemExit(f"{bundle} is not a PyInstaller bundle of chatapp")
    arch = run(["dpkg", "--print-architecture"]).strip()
    root = args.work.resolve() / "root"
    stage(bundle, args.icons, args.svg, root)
    dependencies = derive_depends(root / INSTALL_DIR, root, args.work.resolve())
    depends = depends_field(dependencies)
    write_control(root, args.version, depends)
    for dependency in dependencies:
        print(f"  {dependency.package:24} {', '.join(dependency.sonames)}")
    print(f"Depends: {depends}")

    args.out.mkdir(parents=True, exist_ok=True)
    deb = args.out / f"chatapp_{args.version}_{arch}.deb"
    # --root-owner-group: files belong to root whoever builds (no fakeroot needed).
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)])
    machine = os.uname().machine
    tarball = args.out / f"chatapp-{args.version}-linux-{machine}.tar.gz"
    build_tarball(bundle, tarball, f"chatapp-{args.version}")
    for artifact in (deb, tarball):
        print(f"{artifact}: {artifact.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
