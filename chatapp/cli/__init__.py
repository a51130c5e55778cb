"""The ``chatapp`` command: the window, and everything it does without one.

``chatapp [--self-test | --install-starter-model | Qt options]`` opens the app as always.
A first argument that names a command works without a window (and without Qt):
``ask``, ``chat``, ``batch``, ``models``, ``serve``, and ``export``, ``import``,
``search``, ``list`` on the chat history. Each command is a module of this package that
adds its parser (``add_parser``); the parser records the function that runs it.

Exit codes: 0 done, 1 failed (the reason on stderr), 2 wrong usage, 130 interrupted
(Ctrl-C). Results go to stdout, messages to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

from chatapp.cli import app, ask, batch, chat, history, models, serve
from chatapp.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    UsageError,
    fail,
)
from chatapp.errors import UserFacingError, internal_error

__all__ = ["COMMANDS", "build_command_parser", "main"]

log = logging.getLogger(__name__)

# In the order `chatapp --help` lists them.
_MODULES = (ask, chat, batch, models, serve, history)
COMMANDS = ("ask", "chat", "batch", "models", "serve", *history.COMMANDS)


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments and arguments[0] in COMMANDS:
        return run_command(arguments)
    return app.run_app(argv)


def build_command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatapp", description="chatapp without its window: ask a model, chat in the "
                                    "terminal, manage models, serve the API, work on the "
                                    "chat history. `chatapp` alone opens the window.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in _MODULES:
        module.add_parser(commands)
    return parser


def run_command(argv: list[str]) -> int:
    try:
        args = build_command_parser().parse_args(argv)
        run: Callable[[argparse.Namespace], int] = args.run
        try:
            return run(args)
        except UsageError as wrong:
            args.parser.error(str(wrong))
    except SystemExit as done:  # argparse: --help (0) or wrong usage (2)
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    except UserFacingError as error:
        return fail(error)
    except KeyboardInterrupt:  # Ctrl-C where a command does not stop by itself
        print(file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # a bug: a sentence for the person, the traceback in the log
        # At INFO: the log file has it, the console handler (warnings) does not print it.
        log.info("The command %s failed", argv[0], exc_info=True)
        return fail(internal_error(error, f"running chatapp {argv[0]}"))
    return EXIT_FAILED
