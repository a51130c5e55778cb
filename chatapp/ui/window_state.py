"""Where the window was left: its geometry, its splitter and the open chat.

Kept in its own file (AppPaths.window_state_file), apart from the settings: it changes at
every quit and is nothing the user chose. Read once when the window is built and written
in its closeEvent, so the UI thread touches the file only before and after the event
loop's work. A missing, damaged or hostile file is never a reason not to start: what
cannot be read is left at its default and the reason logged.

No Qt here: the geometry is Qt's own opaque bytes (QWidget.saveGeometry), kept as base64.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatapp.files.atomic import write_json_atomic

log = logging.getLogger(__name__)

FORMAT = 1
# A real state is a few hundred bytes; anything far larger is not ours.
MAX_FILE_BYTES = 64 * 1024
MAX_GEOMETRY_BYTES = 4096
MAX_SPLITTER_PARTS = 8
MAX_PIXELS = 100_000


@dataclass(frozen=True)
class WindowState:
    geometry: bytes | None = None  # QWidget.saveGeometry
    splitter: tuple[int, ...] = ()  # QSplitter.sizes
    conversation_id: int | None = None  # the chat open at quit (None: a new chat)


def read_window_state(path: Path) -> WindowState:
    """The state saved at ``path``; the defaults for what is missing or unusable."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            log.warning("Window state %s is too large; starting with the default layout",
                        path)
            return WindowState()
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return WindowState()
    except (OSError, ValueError, RecursionError) as error:
        log.warning("Window state %s unreadable (%s); starting with the default layout",
                    path, error)
        return WindowState()
    if not isinstance(data, dict):
        log.warning("Window state %s is not an object; starting with the default layout", path)
        return WindowState()
    return WindowState(geometry=_geometry(data.get("geometry")),
                       splitter=_splitter(data.get("splitter")),
                       conversation_id=_conversation(data.get("conversation_id")))


def write_window_state(path: Path, state: WindowState) -> None:
    """Save ``state`` (atomically, readable by the user only: chat ids are private)."""
    write_json_atomic(path, {
        "format": FORMAT,
        "geometry": base64.b64encode(state.geometry).decode("ascii")
        if state.geometry is not None else None,
        "splitter": list(state.splitter),
        "conversation_id": state.conversation_id,
    })


def _geometry(value: Any) -> bytes | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_GEOMETRY_BYTES * 2:
        log.warning("Window state: geometry ignored (not a short base64 text)")
        return None
    try:
        return base64.b64decode(value, validate=True) or None
    except (binascii.Error, ValueError):
        log.warning("Window state: geometry ignored (not base64)")
        return None


def _splitter(value: Any) -> tuple[int, ...]:
    if value is None or value == []:
        return ()
    if (not isinstance(value, list) or not 0 < len(value) <= MAX_SPLITTER_PARTS
            or not all(type(size) is int and 0 <= size <= MAX_PIXELS for size in value)
            or not any(value)):
        log.warning("Window state: splitter sizes ignored (%r)", value)
        return ()
    return tuple(value)


def _conversation(value: Any) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value <= 0:
        log.warning("Window state: open chat ignored (%r)", value)
        return None
    return value
