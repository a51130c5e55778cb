"""A download's progress on stderr: a bar redrawn in place on a terminal, plain lines else."""

from __future__ import annotations

import threading
from typing import Final, TextIO

from chatapp.cli.common import is_terminal
from chatapp.formatting import format_bytes, format_duration
from chatapp.hub.downloads import DownloadEvent, DownloadState, DownloadStatus

__all__ = ["DownloadProgress"]

_BAR_WIDTH: Final = 28
_STATE_LINES: Final = {
    DownloadState.RUNNING: "Downloading {name}…",
    DownloadState.VERIFYING: "Checking {name}'s checksum…",
    DownloadState.INSTALLING: "Installing {name}…",
}


class DownloadProgress:
    """The download manager's ``on_event``: called from the download's thread."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._bar = is_terminal(out)
        self._lock = threading.Lock()
        self._said: set[DownloadState] = set()  # each stage is announced once
        self._tenth = 0  # the last tenth of the way reported as a plain line
        self._drawn = False  # a bar is on the current line

    def __call__(self, event: DownloadEvent) -> None:
        with self._lock:
            status = event.status
            if status.state not in self._said:
                self._said.add(status.state)
                line = _STATE_LINES.get(status.state)
                if line is not None:
                    self._line(line.format(name=status.name))
            if event.kind == "progress" and status.state == DownloadState.RUNNING:
                self._progress(status)

    def finish(self) -> None:
        """End the bar's line, before anything else is written."""
        with self._lock:
            self._end_bar()

    def _progress(self, status: DownloadStatus) -> None:
        fraction = status.fraction
        if self._bar:
            self._draw(status, fraction)
            return
        if fraction is None:
            return
        tenth = int(fraction * 10)
        if tenth > self._tenth:
            self._tenth = tenth
            self._line(f"{status.name}: {tenth * 10}% ({_amount(status)})")

    def _draw(self, status: DownloadStatus, fraction: float | None) -> None:
        if fraction is None:
            bar, percent = "?" * _BAR_WIDTH, "  ?%"
        else:
            filled = int(fraction * _BAR_WIDTH)
            bar, percent = "#" * filled + "." * (_BAR_WIDTH - filled), f"{fraction:4.0%}"
        speed = f"  {format_bytes(status.speed)}/s" if status.speed else ""
        left = f"  {format_duration(status.eta)} left" if status.eta is not None else ""
        self._out.write(f"\r[{bar}] {percent}  {_amount(status)}{speed}{left}\x1b[K")
        self._out.flush()
        self._drawn = True

    def _line(self, text: str) -> None:
        self._end_bar()
        self._out.write(text + "\n")
        self._out.flush()

    def _end_bar(self) -> None:
        if self._drawn:
            self._out.write("\n")
            self._out.flush()
            self._drawn = False


def _amount(status: DownloadStatus) -> str:
    if status.total_bytes is None:
        return format_bytes(status.bytes_done)
    return f"{format_bytes(status.bytes_done)} of {format_bytes(status.total_bytes)}"
