"""``chatapp export | import | search | list``: the chat history, without the window
(which may be open meanwhile)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from chatapp.cli.common import UsageError, open_paths, plain

if TYPE_CHECKING:
    from chatapp.history.store import HistoryStore

COMMANDS = ("export", "import", "search", "list")


def add_parser(commands: Any) -> None:
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
    export.set_defaults(run=run, parser=export)
    importing = commands.add_parser(
        "import", help="add the chats of an export to the history",
        description="Add the chats of a chatapp JSON archive or a llama.cpp web UI export "
                    "(.jsonl, .zip, older .json) as new chats. A file with anything wrong "
                    "in it is refused whole.")
    importing.add_argument("path", type=Path, metavar="PATH")
    importing.set_defaults(run=run, parser=importing)
    search = commands.add_parser(
        "search", help="find messages", description="Full-text search of the chats' "
                                                    "messages, best match first.")
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--limit", type=int, default=20, metavar="N",
                        help="show at most N hits (default 20)")
    search.set_defaults(run=run, parser=search)
    listing = commands.add_parser("list", help="list the chats with their ids",
                                  description="Every chat: id, last change, title.")
    listing.set_defaults(run=run, parser=listing)


def run(args: argparse.Namespace) -> int:
    if args.command == "export" and bool(args.all) == bool(args.chat_ids):
        raise UsageError("give either --all or the ids of the chats to export")
    from chatapp.history.store import HistoryStore

    paths = open_paths()
    with HistoryStore(paths.history_db) as store:
        if args.command == "export":
            return _export(store, args)
        if args.command == "import":
            return _import(store, args.path)
        if args.command == "search":
            return _search(store, " ".join(args.query), args.limit, sys.stdout)
        return _list(store, sys.stdout)


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
            MATCH_END.join(plain(piece) for piece in part.split(MATCH_END))
            for part in hit.snippet.split(MATCH_START))
        snippet = snippet.replace(MATCH_START, start).replace(MATCH_END, end)
        when = datetime.fromtimestamp(written).strftime("%Y-%m-%d %H:%M")
        print(f"{plain(hit.conversation_title)} · {when} · chat {hit.conversation_id}",
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
        print(f"{chat.id:>6}  {when}  {pin}{plain(chat.title)} "
              f"({chat.message_count:,} message{'s' if chat.message_count != 1 else ''})",
              file=out)
    return 0
