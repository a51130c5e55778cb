"""``chatapp models pull REPO FILE``: a model from the hub, the way the Models pane gets it.

The download is hub.downloads' (resumable, checked against the SHA-256 of chatapp's
catalog or the hub's, moved into the models folder only once it matches), after reading
the file's header from the hub to refuse a file the engine cannot run. Ctrl-C pauses it:
the bytes stay, and the same command (or the window) goes on from there.
"""

from __future__ import annotations

import argparse
import sys
import threading

from chatapp.cli.common import EXIT_INTERRUPTED, EXIT_OK, Interrupts, fail, note, open_paths
from chatapp.cli.progress import DownloadProgress
from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.hub.client import GgufModel, HubClient, RepoListing
from chatapp.hub.downloads import (
    DownloadManager,
    DownloadRequest,
    DownloadState,
    DownloadStatus,
)
from chatapp.hub.remote_header import read_model_header
from chatapp.settings import Settings, load_settings

__all__ = ["pull"]


def pull(args: argparse.Namespace) -> int:
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
