"""What every command shares: the app's folders and log, exit codes, terminal-safe text."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Final, TextIO

from chatapp.errors import UserFacingError
from chatapp.logging_setup import setup_logging
from chatapp.paths import AppPaths

# The usual conventions: sysexits' "usage" is argparse's 2; 128 + SIGINT when interrupted.
EXIT_OK: Final = 0
EXIT_FAILED: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130
EXIT_OUTPUT_CLOSED: Final = 141  # 128 + SIGPIPE: whoever read stdout went away (`| head`)


def open_paths() -> AppPaths:
    """The app's folders (created if needed), with the app's log in its folder."""
    paths = AppPaths.from_environment()
    paths.ensure()
    setup_logging(paths.log_dir)
    return paths


def fail(error: UserFacingError | str) -> int:
    """Say why on stderr, as one line for a person; the failure exit code."""
    text = error.user_message if isinstance(error, UserFacingError) else error
    print(f"chatapp: {text}", file=sys.stderr, flush=True)
    return EXIT_FAILED


def note(text: str) -> None:
    """A message for the person at the terminal (never mixed into results on stdout)."""
    print(text, file=sys.stderr, flush=True)


# Control characters in a title, message or model output would steer the terminal.
_CONTROLS: Final = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")
_CONTROLS_BUT_LINES: Final = {k: v for k, v in _CONTROLS.items() if k not in (0x09, 0x0A)}


def plain(text: str) -> str:
    """One line of text, its control characters shown as spaces."""
    return text.translate(_CONTROLS)


def for_terminal(text: str, out: TextIO) -> str:
    """Streamed text as it may go to ``out``: a terminal gets no control characters
    other than tabs and line breaks; a pipe or file gets the text as it is."""
    return text.translate(_CONTROLS_BUT_LINES) if is_terminal(out) else text


def is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):  # closed, or not a real stream
        return False


class UsageError(Exception):
    """Arguments argparse accepts that do not go together: exit 2 with the usage."""


class Interrupts:
    """Ctrl-C (SIGINT) sets ``event`` instead of raising KeyboardInterrupt, while active.

    A Python signal handler runs between bytecodes, so KeyboardInterrupt could land in the
    middle of a history write; a flag is read where stopping is safe. ``on_interrupt``
    also runs (in the main thread, which must then hold no lock it takes)."""

    def __init__(self) -> None:
        self.event = threading.Event()

    @contextmanager
    def caught(self, on_interrupt: Callable[[], None] | None = None
               ) -> Iterator[threading.Event]:
        def handle(_signum: int, _frame: FrameType | None) -> None:
            self.event.set()
            if on_interrupt is not None:
                on_interrupt()

        previous = signal.signal(signal.SIGINT, handle)
        try:
            yield self.event
        finally:
            signal.signal(signal.SIGINT, previous)
