"""``chatapp chat``: an interactive chat in the terminal, on one loaded model.

Each line typed is a question (saved, answered and streamed as ``chatapp ask`` does);
a line starting with / is a command. Ctrl-C stops the answer being written and the chat
goes on; at the prompt it clears the line. Ctrl-D or /exit leaves. Driven through a pipe
(stdin not a terminal), it reads one question per line, without prompts.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any, Final

from chatapp.cli.ask import add_model_options, turn_output
from chatapp.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT_CLOSED,
    Interrupts,
    is_terminal,
    note,
    open_paths,
    plain,
)

__all__ = ["add_parser"]

HELP: Final = """\
Type a message and press Enter: the answer streams below it, and the chat is saved.
  /new    start a new chat (the model stays loaded)
  /exit   leave (Ctrl-D too; /quit as well)
  /help   this help
Ctrl-C stops an answer; the chat goes on."""
_PROMPT: Final = "> "


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "chat", help="chat with a model in the terminal",
        description="An interactive chat in the terminal: the model is loaded once, each "
                    "line is a question, answers stream as they are written, and the chat "
                    "is saved in the history like the window's. /help lists the commands.")
    add_model_options(parser)
    parser.add_argument("--chat", type=int, metavar="ID",
                        help="go on with this chat (ids as `chatapp list` shows them)")
    parser.set_defaults(run=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    from chatapp.cli.turns import TerminalChat, existing_chat, open_model
    from chatapp.history.store import HistoryStore
    from chatapp.settings import load_settings

    paths = open_paths()
    defaults = load_settings(paths.settings_file)
    interrupts = Interrupts()
    interactive = is_terminal(sys.stdin)
    chatty = interactive or args.verbose
    with HistoryStore(paths.history_db) as store:
        chat_id: int | None = args.chat
        if chat_id is not None:
            chat = existing_chat(store, chat_id)
            note(f"Going on with chat {chat.id}: {plain(chat.title)} "
                 f"({chat.message_count:,} messages).")
        loaded = open_model(paths, store, defaults, name=args.model, chat_id=chat_id,
                            interrupts=interrupts, verbose=args.verbose)
        if loaded is None:
            return EXIT_INTERRUPTED
        if chatty:
            note(f"Chatting with {loaded.engine.model_path.name}. /help for commands, "
                 "Ctrl-D to leave.")
        session = TerminalChat(store, loaded, defaults, turn_output(args), interrupts)
        if interactive:
            _line_editing()
        try:
            while (line := _read_line(interactive)) is not None:
                text = line.strip()
                if not text:
                    continue
                if text.startswith("/"):
                    command = text.split()[0].casefold()
                    if command in ("/exit", "/quit"):
                        break
                    if command == "/new":
                        chat_id = None
                        note("New chat: your next message starts it.")
                    elif command == "/help":
                        note(HELP)
                    else:
                        note(f"There is no command {plain(command)}. /help lists them.")
                    continue
                turn = session.ask(chat_id, text)
                chat_id = turn.conversation.id
                if turn.output_closed:
                    return EXIT_OUTPUT_CLOSED
                if turn.interrupted:
                    note("(stopped; what was written is saved)")
                elif turn.error is not None:
                    note(f"chatapp: {turn.error.user_message}")
        finally:
            loaded.engine.close(keep_state=True)  # `chat --chat ID` resumes from disk
    return EXIT_OK


def _read_line(interactive: bool) -> str | None:
    """The next line typed or piped; None at the end (Ctrl-D)."""
    if not interactive:
        line = sys.stdin.readline()
        return line if line else None
    while True:
        try:
            return input(_PROMPT)
        except EOFError:
            print(file=sys.stderr)
            return None
        except KeyboardInterrupt:  # at the prompt: drop the line, as shells do
            print(file=sys.stderr)


def _line_editing() -> None:
    """Arrow keys and history at the prompt, where Python has readline (not Windows)."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401 - importing it is what turns editing on
