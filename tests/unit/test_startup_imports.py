"""The window's start imports only what it uses: libraries for features used later (the
PDF and Word readers, the folder watcher, the API server's HTTP stack) are imported when
first needed. Each cost a tenth of a second or more of every start (startup_s in bench)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LATER = ("docx", "pypdfium2", "watchdog", "uvicorn")


def test_the_window_module_leaves_later_features_unimported() -> None:
    code = ("import json, sys\nimport chatapp.ui.main_window\n"
            f"print(json.dumps([m for m in {LATER!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=True,
                          timeout=120)
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
