"""Render the app icon (resources/chatapp.svg) for the installers.

Writes, under the output folder:
  hicolor/NxN/apps/chatapp.png   Linux icon theme sizes 16..512 (the .deb)
  chatapp.ico                    Windows (16..256, PNG-compressed entries)
  chatapp.icns                   macOS (16..1024, PNG entries)

Qt's own SVG renderer draws every size from the vector source, so small sizes are
drawn for their size rather than scaled down from a big bitmap. The .ico and .icns
containers are written here: both are a small header plus PNG files.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
from pathlib import Path

LINUX_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icon types that hold PNG data, by pixel size.
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128),
              (b"ic08", 256), (b"ic09", 512), (b"ic10", 1024))


def render_png(svg: Path, size: int, scratch: Path) -> bytes:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    target = scratch / f"{size}.png"  # the format follows from the suffix
    if not image.save(str(target)):
        raise SystemExit(f"could not write a {size}px PNG")
    return target.read_bytes()


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR with one PNG entry per size (Windows Vista and later read PNG entries)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        png = pngs[size]
        # Width and height 0 mean 256; 32 bits per pixel; one plane.
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(png),
                               offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])  # QImage text and SVG rendering need one
    sizes = sorted({*LINUX_SIZES, *ICO_SIZES, *(size for _kind, size in ICNS_TYPES)})
    with tempfile.TemporaryDirectory() as scratch:
        pngs = {size: render_png(args.svg, size, Path(scratch)) for size in sizes}
    for size in LINUX_SIZES:
        target = args.out / "hicolor" / f"{size}x{size}" / "apps" / "chatapp.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
    (args.out / "chatapp.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (args.out / "chatapp.icns").write_bytes(icns(pngs))
    print(f"icons: {len(LINUX_SIZES)} PNG sizes, chatapp.ico, chatapp.icns in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
