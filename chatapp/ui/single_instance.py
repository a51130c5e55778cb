"""One running chatapp per data folder; a second launch brings the first to the front.

The first process to start on a data folder takes an OS file lock on
``<data_dir>/chatapp.lock`` (:class:`~chatapp.files.process_lock.ProcessLock`: the OS
drops it when the process dies, however it dies, so a crash never blocks the next start)
and listens on a local server named after that folder. A later launch on the same folder
finds the lock taken, connects to the server, asks for the window to come to the front,
waits for the answer and exits -- before it opens the history, so it never runs
``recover_interrupted``, which would cut off the reply the first instance is writing.

The local server is not a network socket: it is a Unix domain socket in the temporary
folder (a named pipe on Windows), reachable only by this user
(``QLocalServer.SocketOption.UserAccessOption``) and by no other computer. The promise
"no network socket unless the user starts a download" holds.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from pathlib import Path
from typing import Final

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from chatapp.files.process_lock import ProcessLock

__all__ = [
    "LOCK_FILE",
    "InstanceGuard",
    "activate_running_instance",
    "bring_to_front",
    "request_activation",
    "server_name_for",
]

log = logging.getLogger(__name__)

LOCK_FILE: Final = "chatapp.lock"

# The whole protocol: one line each way.
ACTIVATE: Final = b"activate\n"
ACKNOWLEDGED: Final = b"ok\n"
_MAX_MESSAGE: Final = 64  # anything longer is not ours

# The first instance may still be starting (lock taken, not yet listening): retry.
CONNECT_TIMEOUT_S: Final = 3.0
_RETRY_INTERVAL_S: Final = 0.1
# Once connected, the answer comes from the first instance's event loop; if that does not
# run for this long, the instance is hung (or still building its window on a busy machine).
REPLY_TIMEOUT_S: Final = 5.0
# A client that connects and says nothing is dropped, so it holds nothing for long.
_IDLE_CLIENT_MS: Final = 5_000

ALREADY_RUNNING: Final = "chatapp is already running; its window was brought to the front."


def server_name_for(data_dir: Path) -> str:
    """The local server's name for a data folder: short (Unix socket paths are limited to
    about 100 bytes) and per user as well as per folder, since the temporary folder (and
    Windows' pipe namespace) is shared by all users."""
    folder = os.path.normcase(str(data_dir.expanduser().resolve()))
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    digest = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()
    return f"chatapp-{digest[:16]}"


class InstanceGuard(QObject):
    """Claims a data folder for this process; see the module docs.

    Needs a QCoreApplication (the server runs on its event loop).
    """

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.server_name = server_name_for(data_dir)
        self._lock = ProcessLock(data_dir / LOCK_FILE)
        self._server: QLocalServer | None = None

    @property
    def lock_path(self) -> Path:
        return self._lock.path

    @property
    def claimed(self) -> bool:
        return self._lock.held

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self) -> bool:
        """False if another process holds the folder (then see
        :func:`activate_running_instance`); True otherwise, when this process is the
        instance for it."""
        if self._lock.held:
            return True
        try:
            acquired = self._lock.acquire()
        except OSError as error:
            # An unwritable data folder: start unguarded, as before this guard existed,
            # and let the history report the problem. Not listening: without the lock,
            # the server name may be a live instance's.
            log.warning("cannot lock the data folder %s (%s); starting without the "
                        "one-instance check", self.data_dir, error)
            return True
        if not acquired:
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A server socket file left by a crashed instance would make listen() fail (Qt
        # replaces it itself only with some socket options). Removing it is safe: we hold
        # the lock, so no live instance owns that name.
        QLocalServer.removeServer(self.server_name)
        if server.listen(self.server_name):
            server.newConnection.connect(self._accept)
            self._server = server
            log.info("claimed the data folder %s; listening for other launches",
                     self.data_dir)
        else:
            # The app still runs; only a second launch cannot reach it (and says so).
            log.warning("claimed the data folder %s but cannot listen for other launches: %s",
                        self.data_dir, server.errorString())
            server.deleteLater()
        return True

    def release(self) -> None:
        """Stop listening, then give up the lock (in that order: closing removes the
        socket file, which must not be a newer instance's)."""
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        self._lock.release()

    def _accept(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            QTimer.singleShot(_IDLE_CLIENT_MS, socket, socket.abort)
            self._read(socket)  # bytes may have come with the connection

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            if socket.bytesAvailable() > _MAX_MESSAGE:
                socket.abort()
            return
        message = bytes(socket.readLine(_MAX_MESSAGE + 1).data())
        if message != ACTIVATE:
            socket.abort()
            return
        log.info("another launch asked this instance to come to the front")
        self.activation_requested.emit()
        socket.write(ACKNOWLEDGED)
        socket.disconnectFromServer()  # after the answer is written


def request_activation(server_name: str, *, connect_timeout_s: float = CONNECT_TIMEOUT_S,
                       reply_timeout_s: float = REPLY_TIMEOUT_S) -> bool:
    """Ask the instance listening on ``server_name`` to come to the front; True once it
    has answered. Needs a QCoreApplication; runs a local event loop until done (not
    QLocalSocket's blocking waitFor* calls: PySide6 holds the GIL in them, and with an
    event loop the guard asked may even live in this thread, as in the unit tests)."""
    loop = QEventLoop()
    socket = QLocalSocket()
    retry = QTimer(singleShot=True, interval=int(_RETRY_INTERVAL_S * 1000))
    give_up = QTimer(singleShot=True)
    connect_deadline = time.monotonic() + connect_timeout_s
    asking: list[bool] = []  # set once connected
    outcome: list[bool] = []

    def finish(answered: bool) -> None:
        if not outcome:
            outcome.append(answered)
        loop.quit()

    def try_connect() -> None:
        socket.abort()
        socket.connectToServer(server_name)

    def connected() -> None:
        asking.append(True)
        if sys.platform == "win32":
            # Windows lets only the foreground process hand the foreground on; this
            # launch is it (the user just started it), the running instance is not.
            import ctypes

            ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY
        give_up.start(int(reply_timeout_s * 1000))
        socket.write(ACTIVATE)

    def read() -> None:
        if socket.canReadLine():
            finish(bytes(socket.readLine(_MAX_MESSAGE + 1).data()) == ACKNOWLEDGED)
        elif socket.bytesAvailable() > _MAX_MESSAGE:
            finish(False)

    def ended() -> None:
        if outcome:
            return
        read()  # the answer may have come with the hang-up
        if outcome:
            return
        if asking:
            finish(False)  # it hung up without answering
        elif time.monotonic() + _RETRY_INTERVAL_S < connect_deadline:
            retry.start()  # not listening yet: the first instance may still be starting
        else:
            finish(False)

    socket.connected.connect(connected)
    socket.readyRead.connect(read)
    socket.errorOccurred.connect(lambda _error: ended())
    socket.disconnected.connect(ended)
    retry.timeout.connect(try_connect)
    give_up.timeout.connect(lambda: finish(False))
    # Until connected, this caps an attempt that neither connects nor fails.
    give_up.start(int((connect_timeout_s + reply_timeout_s) * 1000))
    try_connect()  # may succeed or fail at once, before the loop runs
    if not outcome:
        loop.exec()
    retry.stop()
    give_up.stop()
    socket.abort()
    return outcome == [True]


def activate_running_instance(guard: InstanceGuard) -> int:
    """For a launch whose claim was refused: bring the running instance to the front,
    say what happened, and return the exit code."""
    log.info("the data folder %s is in use by another chatapp; asking it to come to the "
             "front", guard.data_dir)
    if request_activation(guard.server_name):
        print(ALREADY_RUNNING, flush=True)
        return 0
    log.warning("the chatapp using %s did not answer", guard.data_dir)
    print(f"chatapp is already running for {guard.data_dir}, but it did not answer; it may "
          "be hung: close it or end it in the task manager, then start chatapp again.",
          file=sys.stderr, flush=True)
    return 1


def bring_to_front(window: QWidget) -> None:
    """Show, raise and activate a window. A minimized window is restored to what it was
    before (maximized stays maximized, which showNormal would undo)."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
