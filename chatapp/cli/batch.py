"""``chatapp batch``: a prompt template answered for every row of a file, into a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chatapp.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Interrupts,
    UsageError,
    is_terminal,
    note,
    open_paths,
)

if TYPE_CHECKING:
    from chatapp.batch.job import BatchProgress

MAX_PARALLEL = 16


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "batch", help="answer a prompt template for every row of a CSV/JSONL file or folder",
        description="Answer a prompt template for every row of the input: a CSV file (its "
                    "first line names the columns), a JSONL file (one object per line) or "
                    "a folder of text files (columns `name` and `text`). `{column}` in the "
                    "template takes the row's value ({{ and }} for braces). Several rows "
                    "are answered at once on one model load. Each finished row is written "
                    "to the output (.csv or .jsonl) at once, with its reply and statistics, "
                    "or its error; the job goes on past rows that cannot be answered. Run "
                    "the same command again to finish a job that was stopped: rows the "
                    "output holds are skipped. Ctrl-C stops (exit 130); what was written "
                    "stays.")
    parser.add_argument("--prompt", required=True, metavar="TEMPLATE",
                        help="the prompt, with {column} placeholders; @FILE reads it from "
                             "a file")
    parser.add_argument("--input", required=True, type=Path, metavar="FILE",
                        help="a .csv or .jsonl file, or a folder of text files")
    parser.add_argument("--output", required=True, type=Path, metavar="FILE",
                        help="where the replies go: a .csv or .jsonl file (created, or "
                             "continued)")
    parser.add_argument("--parallel", type=int, default=4, metavar="N",
                        help=f"rows answered at once (1-{MAX_PARALLEL}; default 4): more "
                             "rows per second, more memory")
    parser.add_argument("--context", type=int, default=None, metavar="TOKENS",
                        help="each row's context: its prompt and reply (default 4096, at "
                             "most the model's)")
    parser.add_argument("-m", "--model", metavar="M",
                        help="an installed model's name as `chatapp models list` shows it "
                             "(or part of it), or a GGUF file's path; default: the one the "
                             "app used last, else the only one installed")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="say how the model was loaded, and progress even when stderr "
                             "is not a terminal")
    parser.set_defaults(run=run, parser=parser)


def read_template(text: str) -> str:
    """The template given, or the text of the file named after an @."""
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"the prompt file {path} cannot be read ({error})") from error


def run(args: argparse.Namespace) -> int:
    # The engine's modules load here, not with the command line.
    from chatapp.batch.inputs import read_input
    from chatapp.batch.job import BatchJob, JobControl
    from chatapp.batch.memory import check_job_memory
    from chatapp.batch.progress_text import summary_text
    from chatapp.batch.template import PromptTemplate
    from chatapp.cli.turns import open_model
    from chatapp.conversation.reply_runner import sampling_from
    from chatapp.engine.llama_engine import Sampling
    from chatapp.history.store import HistoryStore
    from chatapp.settings import load_settings

    if not 1 <= args.parallel <= MAX_PARALLEL:
        raise UsageError(f"--parallel must be between 1 and {MAX_PARALLEL}")
    if args.context is not None and args.context < 256:
        raise UsageError("--context must be at least 256 tokens")
    template = PromptTemplate(read_template(args.prompt))
    source = read_input(args.input)
    paths = open_paths()
    defaults = load_settings(paths.settings_file)
    interrupts = Interrupts()
    with HistoryStore(paths.history_db) as store:
        loaded = open_model(paths, store, defaults, name=args.model, chat_id=None,
                            interrupts=interrupts, verbose=args.verbose)
    if loaded is None:
        return EXIT_INTERRUPTED
    progress = _ProgressLine(args.verbose or is_terminal(sys.stderr))
    job = BatchJob(template, source, args.output, parallel=args.parallel,
                   # Each row's sampler is seeded from this and its row number, so a
                   # rerun answers alike.
                   sampling=sampling_from(defaults, Sampling().seed),
                   context_per_row=args.context, on_progress=progress)
    control = JobControl()
    try:
        check_job_memory(job, loaded)  # BatchMemoryError: exit 1, saying what would fit
        with interrupts.caught(control.cancel):
            summary = job.run(loaded.engine, control)
    finally:
        loaded.engine.close()
        progress.end()
    note(summary_text(summary, str(args.output)))
    if summary.cancelled:
        note("Stopped: run the same command again to answer the rest.")
        return EXIT_INTERRUPTED
    return EXIT_FAILED if summary.failed == summary.total else EXIT_OK


class _ProgressLine:
    """Rows done, rows per second and time left, redrawn in place on a terminal."""

    def __init__(self, shown: bool) -> None:
        self._shown = shown
        self._terminal = is_terminal(sys.stderr)
        self._drawn = False

    def __call__(self, progress: BatchProgress) -> None:
        if not self._shown:
            return
        from chatapp.batch.progress_text import progress_text

        text = progress_text(progress)
        if self._terminal:
            sys.stderr.write("\r\x1b[2K" + text)
            sys.stderr.flush()
            self._drawn = True
        else:
            note(text)

    def end(self) -> None:
        if self._drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()
