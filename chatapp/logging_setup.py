"""The app's log: a small rotating file in the log folder, and warnings on stderr.

The log never holds message text or secrets: only what the app did and what failed.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE = "chatapp.log"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_chatapp", False) for h in root.handlers):
        return
    root.setLevel(level)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError as error:  # a read-only or full disk must not stop the app
        print(f"chatapp: cannot write the log in {log_dir}: {error}", file=sys.stderr)
    else:
        file_handler.setFormatter(formatter)
        file_handler._chatapp = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(formatter)
    console._chatapp = True  # type: ignore[attr-defined]
    root.addHandler(console)
