"""``chatapp serve``: the OpenAI-compatible API server without the window.

The server is chatapp.api's (the one the window starts from its settings); this command
chooses the model, the address and the key, prints where it listens, and runs until
Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from chatapp.cli.common import EXIT_OK, UsageError, note, open_paths
from chatapp.cli.model_choice import model_for
from chatapp.errors import UserFacingError
from chatapp.settings import Settings, load_settings

__all__ = ["add_parser"]

LOOPBACK = "127.0.0.1"


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "serve", help="run the OpenAI-compatible API server, without the window",
        description="Serve a model over an OpenAI-compatible API (/v1/chat/completions, "
                    "/v1/completions, /v1/models, /v1/embeddings) until Ctrl-C or SIGTERM. "
                    "The address it listens on is printed on stdout once it is ready. "
                    "Chats are saved in the history if the settings say so.")
    parser.add_argument("-m", "--model", metavar="M",
                        help="an installed model's name as `chatapp models list` shows it "
                             "(or part of it), or a GGUF file's path; default: the one the "
                             "app used last, else the only one installed")
    parser.add_argument("--host", default=LOOPBACK, metavar="ADDRESS",
                        help="the address to listen on (default 127.0.0.1: this computer "
                             "only; 0.0.0.0 for every network, with a key)")
    parser.add_argument("--port", type=int, metavar="N",
                        help="the port (default: the settings' API port; 0 picks a free one)")
    parser.add_argument("--api-key-env", metavar="VAR",
                        help="require this API key, read from the environment variable VAR "
                             "(default: the key kept in the keyring when the settings "
                             "require one, else none)")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    if args.port is not None and not 0 <= args.port <= 65535:
        raise UsageError(f"--port must be between 0 and 65535 (got {args.port})")
    paths = open_paths()
    settings = load_settings(paths.settings_file)
    api_key = _api_key(args.api_key_env, settings)
    if api_key is None and not _is_loopback(args.host):
        note(f"Warning: without an API key, anyone who can reach {args.host} can use the "
             "model (--api-key-env VAR sets one).")
    model = model_for(paths, settings, args.model)
    port = settings.api_port if args.port is None else args.port
    from chatapp.api.headless import run_server  # the web stack, only for this command

    stop = threading.Event()

    def ready(url: str) -> None:
        note(f"Serving {model.name} at {url}/v1 (OpenAI-compatible)"
             + (", with an API key" if api_key else "") + ". Ctrl-C stops.")
        print(f"{url}/v1", flush=True)

    note(f"Loading {model.name}…")
    with _stopping_on_signals(stop):
        run_server(paths, settings, model=model, host=args.host, port=port, api_key=api_key,
                   stop=stop, on_ready=ready)
    note("Stopped.")
    return EXIT_OK


class ApiKeyMissingError(UserFacingError):
    """A key was asked for and there is none."""


def _api_key(variable: str | None, settings: Settings) -> str | None:
    """The key from --api-key-env, else the keyring's when the settings require one."""
    from chatapp.secrets.api_server_key import get_key, validate_key

    if variable is not None:
        value = os.environ.get(variable)
        if not value:
            raise ApiKeyMissingError(f"The environment variable {variable} holds no API key.")
        return validate_key(value)
    if not settings.api_require_key:
        return None
    key = get_key()
    if key is None:
        raise ApiKeyMissingError(
            "The settings require an API key, and none is kept yet: make one in the "
            "window's Settings, or give one with --api-key-env VAR.")
    return key


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@contextmanager
def _stopping_on_signals(stop: threading.Event) -> Iterator[None]:
    """Ctrl-C and SIGTERM set ``stop``. From a helper thread: the handler runs in the main
    thread, which may be inside ``stop.wait()`` holding the event's own lock."""
    def handle(_signum: int, _frame: FrameType | None) -> None:
        threading.Thread(target=stop.set, name="stop", daemon=True).start()

    previous = {number: signal.signal(number, handle)
                for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
