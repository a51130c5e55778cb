"""A real Secret Service for tests: a private D-Bus session bus and gnome-keyring-daemon.

Used by the token tests (tests/unit/secrets) and by the quit test that needs a keyring
that never answers (the daemon, stopped with SIGSTOP, keeps its name on the bus).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import secretstorage

# A session bus of our own: no service directories, so nothing from the host is activated
# (in particular no unlock prompt, which makes a locked keyring answer at once).
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def start_session_bus(root: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str]:
    config = root / "session.conf"
    config.write_text(BUS_CONFIG.format(socket=root / "bus"), encoding="utf-8")
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()  # printed once listening; EOF if it failed
    if not address:
        bus.kill()
        pytest.fail(f"dbus-daemon did not start (exit status {bus.wait()})")
    return bus, address


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def private_environment(root: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}}
    for name in ("home", "data", "config", "cache", "runtime"):
        (root / name).mkdir(mode=0o700, parents=True)
    env.update(HOME=str(root / "home"), XDG_DATA_HOME=str(root / "data"),
               XDG_CONFIG_HOME=str(root / "config"), XDG_CACHE_HOME=str(root / "cache"),
               XDG_RUNTIME_DIR=str(root / "runtime"))
    return env


def require_binaries(*names: str) -> None:
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (Debian: apt-get install gnome-keyring "
                    "dbus-daemon; make test installs them)")


def wait_for_secret_service(daemon: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if daemon.poll() is not None:
            pytest.fail(f"gnome-keyring-daemon exited with status {daemon.returncode}")
        connection = secretstorage.dbus_init()
        try:
            if secretstorage.check_service_availability(connection):
                # The login collection exists once the daemon has unlocked it.
                secretstorage.get_default_collection(connection)
                return
        except secretstorage.exceptions.SecretStorageException:
            pass
        finally:
            connection.close()
        time.sleep(0.05)
    pytest.fail("gnome-keyring-daemon did not offer the Secret Service within 10 s")




@contextlib.contextmanager
def running_secret_service(root: Path) -> Iterator[subprocess.Popen[str]]:
    """A running, unlocked gnome-keyring on a private session bus under ``root``; yields
    the daemon. The environment (HOME, XDG folders, DBUS_SESSION_BUS_ADDRESS) points at
    them meanwhile and is restored afterwards."""
    require_binaries("dbus-daemon", "gnome-keyring-daemon")
    env = private_environment(root)
    bus, address = start_session_bus(root, env)
    env["DBUS_SESSION_BUS_ADDRESS"] = address
    daemon = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=env, text=True)
    assert daemon.stdin is not None
    daemon.stdin.write("test-password")  # read up to end of input: the login keyring's password
    daemon.stdin.close()
    try:
        with pytest.MonkeyPatch.context() as patch:
            for key in ("DISPLAY", "WAYLAND_DISPLAY"):
                patch.delenv(key, raising=False)
            for key in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                        "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS"):
                patch.setenv(key, env[key])
            wait_for_secret_service(daemon)
            yield daemon
    finally:
        stop(daemon)
        stop(bus)
