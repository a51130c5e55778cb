"""Privacy: chatting opens no network connection, and nothing is sent anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Runs the self-test in a child whose every attempt to reach the network raises.
GUARD = r"""
import sys

def guard(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.bind", "socket.sendto",
                 "urllib.Request", "http.client.connect"):
        family = getattr(args[0], "family", None) if args else None
        if event == "socket.connect" and family is not None and family.name == "AF_UNIX":
            return
        print(f"NETWORK ATTEMPT: {event} {args!r}", file=sys.stderr, flush=True)
        raise PermissionError(f"network access during an offline chat: {event}")

sys.addaudithook(guard)
from chatapp.cli import main
sys.exit(main(["--self-test"]))
"""


def test_a_whole_chat_opens_no_socket(tmp_path: Path) -> None:
    env = dict(os.environ, CHATAPP_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", GUARD], env=env, capture_output=True,
                          text=True, timeout=300, check=False)
    assert "NETWORK ATTEMPT" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert '"generated_tokens"' in done.stdout
