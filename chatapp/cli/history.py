"""The ``chatapp`` command: the app, and a few things it does without a window.

``chatapp [--self-test | --install-starter-model | Qt options]`` runs the app as always;
a first argument that names a command (``export``, ``import``, ``search``, ``list``)
works on the chat history instead, without Qt. Exit codes: 0 done, 1 failed (the
reason on stderr), 2 wrong usage. Results go to stdout, messages to stderr.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from chatapp import __version__
from chatapp.engine.load_probe import PROBE_FLAG
from chatapp.logging_setup import setup_logging
from chatapp.paths import AppPaths

if TYPE_CHECKING:
    from chatapp.history.store import HistoryStore

COMMANDS = ("export", "import", "search", "list")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatapp",
        description="Chat with language models that run offline on this computer.",
    )
    parser.add_argument("--version", action="version", version=f"chatapp {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="run the app offscreen, answer one message with the model, "
                             "check the history, print one JSON line and exit")
    parser.add_argument("--model", type=Path, metavar="PATH",
                        help="with --self-test: the GGUF model to use (default: the "
                             "starter model)")
    parser.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS",
                        help="with --self-test: give up after this long (default 300)")
    parser.add_argument("--install-starter-model", action="store_true",
                        help="copy the bundled starter model into the models folder if no "
                             "model is installed there yet, then exit")
    parser.add_argument(PROBE_FLAG, type=Path, help=argparse.SUPPRESS)
    parser.epilog = ("commands, without a window: chatapp export [--format md|html|json] "
                     "[--all | CHAT_ID ...] -o PATH; chatapp import PATH; chatapp search "
                     "QUERY; chatapp list (chatapp COMMAND --help for more)")
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments and arguments[0] in COMMANDS:
        return run_command(arguments)
    args, qt_args = build_parser().parse_known_args(argv)
    if args.probe_model is not None:
        from chatapp.engine.load_probe import run_probe_child

        return run_probe_child(args.probe_model)
    if args.self_test:
        from chatapp.ui.self_test import run_self_test

        return run_self_test(args.model, args.timeout)
    paths = AppPaths.from_environment()
    paths.ensure()
    setup_logging(paths.log_dir)
    if args.install_starter_model:
        return _install_starter_if_needed(paths)
    from chatapp.ui.application import run_gui

    return run_gui(paths, [sys.argv[0], *qt_args])


def _install_starter_if_needed(paths: AppPaths) -> int:
    from chatapp.models.errors import StarterModelError
    from chatapp.models.library import installed_models
    from chatapp.models.starter import install_starter

    models = installed_models(paths.models_dir)
    if models:
        print(f"Models already installed in {paths.models_dir}: "
              f"{', '.join(m.name for m in models)}")
        return 0
    try:
        target = install_starter(paths.models_dir)
    except StarterModelError as error:
        print(error.user_message, file=sys.stderr)
        return 1
    print(f"Installed the starter model: {target}")
    return 0


# -- commands on the history --------------------------------------------------------------


def build_command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chatapp", description="Work on the chat history without opening the window "
                                    "(it may be open meanwhile).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    export = commands.add_parser(
        "export", help="write chats to a Markdown, HTML or JSON file",
        description="Write chats to a file: Markdown or one self-contained HTML page (the "
                    "branch on screen of each chat), or chatapp's JSON archive (every "
                    "branch and detail; `chatapp import` reads it back).")
    export.add_argument("chat_ids", nargs="*", type=int, metavar="CHAT_ID",
                        help="the chats to export (ids as `chatapp list` shows them)")
    export.add_argument("--all", action="store_true", help="export every chat")
    export.add_argument("--format", choices=["md", "html", "json"],
                        help="default: from the file's suffix (.md, .html, .json), else json")
    export.add_argument("-o", "--output", required=True, metavar="PATH",
                        help="the file to write (replaced if it exists); - for stdout")
    importing = commands.add_parser(
        "import", help="add the chats of an export to the history",
        description="Add the chats of a chatapp JSON archive or a llama.cpp web UI export "
                    "(.jsonl, .zip, older .json) as new chats. A file with anything wrong "
                    "in it is refused whole.")
    importing.add_argument("path", type=Path, metavar="PATH")
    search = commands.add_parser(
        "search", help="find messages", description="Full-text search of the chats' "
                                                    "messages, best match first.")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N hits (default 20)")
    commands.add_parser("list", help="list the chats with their ids",
                        description="Every chat: id, last change, title.")
    return parser


def run_command(argv: list[str]) -> int:
    parser = build_command_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "export" and bool(args.all) == bool(args.chat_ids):
            parser.error("export: give either --all or the ids of the chats to export")
    except SystemExit as done:  # argparse: --help (0) or wrong usage (2)
        return done.code if isinstance(done.code, int) else 2
    from chatapp.errors import UserFacingError
    from chatapp.history.store import HistoryStore

    paths = AppPaths.from_environment()
    paths.ensure()
    setup_logging(paths.log_dir)
    try:
        with HistoryStore(paths.history_db) as store:
            if args.command == "export":
                return _export(store, args)
            if args.command == "import":
                return _import(store, args.path)
            if args.command == "search":
                return _search(store, " ".join(args.query), args.limit, sys.stdout)
            return _list(store, sys.stdout)
    except UserFacingError as error:
        print(f"chatapp: {error.user_message}", file=sys.stderr)
        return 1


def _export(store: HistoryStore, args: argparse.Namespace) -> int:
    from chatapp.exchange.exporter import ExportFormat, format_for_path, render, write_export
    from chatapp.exchange.tree import read_chats

    output = str(args.output)
    fmt = ExportFormat(args.format) if args.format else \
        (format_for_path(Path(output)) or ExportFormat.JSON)
    chats = read_chats(store, None if args.all else list(args.chat_ids))
    if output == "-":
        if not chats:
            print("chatapp: There are no chats to export.", file=sys.stderr)
            return 1
        sys.stdout.buffer.write(render(chats, fmt))
        sys.stdout.buffer.flush()
    else:
        write_export(chats, fmt, Path(output))
        print(f"Exported {len(chats):,} chat{'s' if len(chats) != 1 else ''} to {output}.",
              file=sys.stderr)
    return 0


def _import(store: HistoryStore, path: Path) -> int:
    from chatapp.exchange.importer import import_file

    result = import_file(store, path)
    print(result.summary(), file=sys.stderr)
    return 0


# Control characters in a title or message would steer the terminal: shown as spaces.
_CONTROLS = dict.fromkeys([*range(0x20), *range(0x7F, 0xA0)], " ")


def _plain(text: str) -> str:
    return text.translate(_CONTROLS)


def _search(store: HistoryStore, query: str, limit: int, out: TextIO) -> int:
    from chatapp.history.store import MATCH_END, MATCH_START, HistoryNotFoundError

    bold = out.isatty()
    start, end = ("\x1b[1m", "\x1b[22m") if bold else ("**", "**")
    hits = store.search(query, limit=max(1, limit))
    if not hits:
        print(f"No message matches {query!r}.", file=sys.stderr)
        return 0
    roles = {"user": "You", "assistant": "Assistant", "system": "System"}
    for hit in hits:
        try:
            written = store.get_message(hit.message_id).created_at
        except HistoryNotFoundError:  # deleted since the search
            continue
        snippet = MATCH_START.join(
            MATCH_END.join(_plain(piece) for piece in part.split(MATCH_END))
            for part in hit.snippet.split(MATCH_START))
        snippet = snippet.replace(MATCH_START, start).replace(MATCH_END, end)
        when = datetime.fromtimestamp(written).strftime("%Y-%m-%d %H:%M")
        print(f"{_plain(hit.conversation_title)} · {when} · chat {hit.conversation_id}",
              file=out)
        print(f"    {roles.get(hit.role, hit.role)}: {snippet}", file=out)
    return 0


def _list(store: HistoryStore, out: TextIO) -> int:
    chats = store.list_conversations()
    if not chats:
        print("There are no chats yet.", file=sys.stderr)
    for chat in chats:
        when = datetime.fromtimestamp(chat.updated_at).strftime("%Y-%m-%d %H:%M")
        pin = "pinned · " if chat.pinned else ""
        print(f"{chat.id:>6}  {when}  {pin}{_plain(chat.title)} "
              f"({chat.message_count:,} message{'s' if chat.message_count != 1 else ''})",
              file=out)
    return 0
