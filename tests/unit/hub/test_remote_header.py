"""Reading a model's GGUF header from the hub with Range requests, before downloading it."""

from __future__ import annotations

import itertools
import re

import pytest

from chatapp.gguf.inspect import UnsupportedGgufError
from chatapp.hub.client import HubClient
from chatapp.hub.errors import GatedRepoError, RemoteFileNotFoundError, RemoteHeaderError
from chatapp.hub.remote_header import FIRST_READ_BYTES, read_model_header, read_remote_header
from tests.hub_stand_in.content import (
    GATED_REPO,
    SMOLLM_FILE,
    SMOLLM_REPO,
    SPLIT_PARTS,
    SPLIT_REPO,
    TINY_REPO,
    UNSUPPORTED_FILE,
    UNSUPPORTED_REPO,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub


def _ranges(hub: StandInHub) -> list[tuple[int, int]]:
    found = []
    for request in hub.requests_matching(server="storage", method="GET"):
        match = re.fullmatch(r"bytes=(\d+)-(\d+)", request.header("Range") or "")
        assert match is not None, request.headers
        found.append((int(match.group(1)), int(match.group(2))))
    return found


def test_the_header_of_a_real_model_is_read_with_growing_ranges(
    client: HubClient, hub: StandInHub,
) -> None:
    header = read_remote_header(client, SMOLLM_REPO, SMOLLM_FILE)
    assert header.runnable and header.warning is None
    assert header.architecture == "llama"
    assert header.context_length == 8192
    assert header.info is not None and header.info.quantization == "Q4_1"
    assert header.size == 98_362_432
    # SmolLM2's 49k-token vocabulary needs more than the first MiB: the second request
    # continues exactly where the first ended, and far less than the file is fetched.
    ranges = _ranges(hub)
    assert ranges[0] == (0, FIRST_READ_BYTES - 1)
    assert len(ranges) >= 2 and ranges[1][0] == FIRST_READ_BYTES
    assert all(a[1] + 1 == b[0] for a, b in itertools.pairwise(ranges))
    assert header.bytes_read == ranges[-1][1] + 1 < header.size // 20


def test_an_architecture_the_engine_cannot_run_is_a_warning_not_an_error(
    client: HubClient,
) -> None:
    header = read_remote_header(client, UNSUPPORTED_REPO, UNSUPPORTED_FILE)
    assert not header.runnable and header.unsupported
    assert isinstance(header.problem, UnsupportedGgufError)
    assert header.architecture == "futurenet"
    assert header.warning is not None and '"futurenet" architecture' in header.warning


def test_a_vision_projector_is_not_a_model(client: HubClient) -> None:
    header = read_remote_header(client, TINY_REPO, "mmproj-tiny-llama-f16.gguf")
    assert header.unsupported and header.warning is not None
    assert "vision add-on" in header.warning


def test_a_split_model_is_read_from_part_one_only(client: HubClient, hub: StandInHub) -> None:
    listing = client.list_repo(SPLIT_REPO)
    model = next(m for m in listing.models if m.complete and m.split_count == 3)
    header = read_model_header(client, SPLIT_REPO, model)
    assert header.runnable and header.architecture == "llama"
    assert header.path == SPLIT_PARTS[0]
    assert header.info is not None and header.info.split_count == 3
    touched = {r.path for r in hub.requests if "/resolve/" in r.path}
    assert all(SPLIT_PARTS[0] in p for p in touched)


def test_a_server_ignoring_range_still_gives_the_header(client: HubClient,
                                                        hub: StandInHub) -> None:
    hub.set_faults(ignore_range=True)
    header = read_remote_header(client, SMOLLM_REPO, SMOLLM_FILE)
    assert header.architecture == "llama" and header.context_length == 8192
    assert all(r.status == 200 for r in hub.requests_matching(server="storage"))


def test_fetching_is_capped(client: HubClient) -> None:
    with pytest.raises(RemoteHeaderError, match=r"larger than 262 KB"):
        read_remote_header(client, SMOLLM_REPO, SMOLLM_FILE, first_read=4096,
                           max_bytes=256 * 1024)


def test_missing_and_gated_files(client: HubClient) -> None:
    with pytest.raises(RemoteFileNotFoundError, match=r"no-such\.gguf is no longer in"):
        read_remote_header(client, TINY_REPO, "no-such.gguf")
    with pytest.raises(GatedRepoError, match="accept its terms"):
        read_remote_header(client, GATED_REPO, "gated-model-Q4_K_M.gguf")
