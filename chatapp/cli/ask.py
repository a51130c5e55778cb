"""``chatapp ask QUESTION``: one question, the answer streamed to stdout and saved."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from chatapp.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT_CLOSED,
    Interrupts,
    UsageError,
    fail,
    is_terminal,
    open_paths,
)

if TYPE_CHECKING:
    from chatapp.cli.turns import TurnOutput


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "ask", help="ask a model one question; the answer streams to stdout",
        description="Ask the model one question. The answer streams to stdout as it is "
                    "written and is saved in the chat history, in a new chat named after "
                    "the question (or in --chat ID). Ctrl-C stops the answer (what was "
                    "written stays saved) and exits 130. Sampling and context follow the "
                    "app's settings, and the chat's own.")
    parser.add_argument("question", nargs="*", metavar="QUESTION",
                        help="the question (several words are joined by spaces); - or "
                             "nothing reads it from stdin")
    add_model_options(parser)
    parser.add_argument("--chat", type=int, metavar="ID",
                        help="continue this chat (ids as `chatapp list` shows them), on "
                             "the branch the window shows")
    parser.set_defaults(run=run, parser=parser)


def add_model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-m", "--model", metavar="M",
                        help="an installed model's name as `chatapp models list` shows it "
                             "(or part of it), or a GGUF file's path; default: the chat's "
                             "own model, else the one the app used last, else the only "
                             "one installed")
    parser.add_argument("--show-thinking", action="store_true",
                        help="show a reasoning model's thought on stderr (hidden otherwise)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say how the model was loaded, and the reply's statistics "
                             "even when stderr is not a terminal")


def read_question(words: list[str]) -> str:
    """The question from the arguments, or from stdin with - or none (not a terminal)."""
    if words and words != ["-"]:
        question = " ".join(words)
    elif words == ["-"] or not is_terminal(sys.stdin):
        question = sys.stdin.read()
    else:
        raise UsageError("give the question, or pipe it in (chatapp ask - < question.txt)")
    if not question.strip():
        raise UsageError("the question is empty")
    return question.strip()


def run(args: argparse.Namespace) -> int:
    # The engine's modules load here, not with the command line: other commands (and
    # the window) start without them.
    from chatapp.cli.turns import TerminalChat, open_model
    from chatapp.history.store import HistoryStore
    from chatapp.settings import load_settings

    question = read_question(args.question)
    paths = open_paths()
    defaults = load_settings(paths.settings_file)
    interrupts = Interrupts()
    with HistoryStore(paths.history_db) as store:
        loaded = open_model(paths, store, defaults, name=args.model, chat_id=args.chat,
                            interrupts=interrupts, verbose=args.verbose)
        if loaded is None:
            return EXIT_INTERRUPTED
        try:
            turn = TerminalChat(store, loaded, defaults, turn_output(args),
                                interrupts).ask(args.chat, question)
        finally:
            loaded.engine.close(keep_state=True)  # the next `ask --chat ID` resumes from disk
    if turn.output_closed:
        return EXIT_OUTPUT_CLOSED
    if turn.interrupted:
        return EXIT_INTERRUPTED
    if turn.error is not None:
        return fail(turn.error)
    return EXIT_OK


def turn_output(args: argparse.Namespace) -> TurnOutput:
    """stdout and stderr, with what the options ask to show."""
    from chatapp.cli.turns import TurnOutput

    return TurnOutput(sys.stdout, sys.stderr, show_thinking=args.show_thinking,
                      show_stats=args.verbose or is_terminal(sys.stderr))
