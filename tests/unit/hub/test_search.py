"""Searching the stand-in hub and listing repositories, through the real huggingface_hub."""

from __future__ import annotations

import hashlib
import time

import pytest
from huggingface_hub import constants as hf_constants

from chatapp.hub.client import HubClient
from chatapp.hub.downloads import DownloadRequest
from chatapp.hub.errors import (
    DownloadConflictError,
    HubUnavailableError,
    OfflineModeError,
    RemoteFileNotFoundError,
    RepoNotFoundError,
)
from tests.hub_stand_in.content import (
    BULK_COUNT,
    GATED_REPO,
    SMOLLM_REPO,
    SPLIT_PARTS,
    SPLIT_REPO,
    TINY_REPO,
    Blobs,
)
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub


def test_pages_are_sorted_by_downloads_and_say_whether_more_follow(
    hub: StandInHub, client: HubClient,
) -> None:
    hub.max_page_size = 7  # so huggingface_hub has to follow the hub's Link headers
    pages = [client.search("tiny-model", page=n, page_size=10) for n in range(3)]
    assert [len(p.results) for p in pages] == [10, 10, BULK_COUNT - 20]
    assert [p.has_more for p in pages] == [True, True, False]
    found = [r for p in pages for r in p.results]
    assert len({r.repo_id for r in found}) == BULK_COUNT
    downloads = [r.downloads or 0 for r in found]
    assert downloads == sorted(downloads, reverse=True)
    assert all(r.author == "bulk" and r.likes is not None for r in found)
    listing_requests = hub.requests_matching(path_contains="/api/models", method="GET")
    assert any("cursor" in r.query for r in listing_requests)  # a Link was followed
    first = listing_requests[0].query
    assert first["filter"] == ["gguf"] and first["sort"] == ["downloads"]
    assert first["search"] == ["tiny-model"]


def test_only_gguf_repositories_are_found(client: HubClient) -> None:
    page = client.search("", page_size=5)
    ids = [r.repo_id for r in page.results]
    assert ids[0] == SMOLLM_REPO  # the most downloaded GGUF repository
    assert "chatapp-test/tiny-safetensors" not in ids  # more downloads, but no GGUF
    gated = client.search("gated").results
    assert [r.repo_id for r in gated] == [GATED_REPO] and gated[0].gated


def test_a_search_without_results(client: HubClient) -> None:
    page = client.search("no-such-model-anywhere")
    assert page.results == () and not page.has_more


def test_a_repository_lists_its_gguf_models_with_sizes_and_checksums(
    client: HubClient, hub: StandInHub, blobs: Blobs,
) -> None:
    listing = client.list_repo(TINY_REPO)
    assert listing.commit == hub.repos[TINY_REPO].commit
    assert [(m.name, m.quantization) for m in listing.models] == [
        ("tiny-llama-Q4_K_M.gguf", "Q4_K_M"), ("tiny-llama-Q8_0.gguf", "Q8_0")]
    q8 = listing.models[1]
    assert q8.size == blobs.tiny_q8.stat().st_size
    assert q8.first_file.sha256 == hashlib.sha256(blobs.tiny_q8.read_bytes()).hexdigest()
    # the projector is listed apart, README and config.json not at all
    assert [a.name for a in listing.addons] == ["mmproj-tiny-llama-f16.gguf"]
    assert listing.addons[0].is_vision_addon
    info_request = hub.requests_matching(path_contains=f"/api/models/{TINY_REPO}")[-1]
    assert info_request.query.get("blobs") == ["true"]  # files_metadata=True


def test_a_split_set_is_one_model_whose_size_is_the_sum(client: HubClient, blobs: Blobs) -> None:
    listing = client.list_repo(SPLIT_REPO)
    by_name = {m.name: m for m in listing.models}
    split = by_name["big-model-Q4_K_M.gguf"]
    assert [p.path for p in split.parts] == list(SPLIT_PARTS)
    assert split.size == sum(b.stat().st_size for b in blobs.split)
    assert split.split_count == 3 and split.complete and split.quantization == "Q4_K_M"
    request = DownloadRequest.for_model(SPLIT_REPO, split)
    assert request.paths == SPLIT_PARTS
    broken = by_name["broken-Q2_K.gguf"]
    assert broken.missing_parts == (2,)
    with pytest.raises(DownloadConflictError, match="lacks part"):
        DownloadRequest.for_model(SPLIT_REPO, broken)


def test_gated_repositories_can_be_browsed_without_a_token(client: HubClient) -> None:
    listing = client.list_repo(GATED_REPO)
    assert listing.gated and [m.name for m in listing.models] == ["gated-model-Q4_K_M.gguf"]


def test_listing_at_a_commit_and_at_an_unknown_revision(client: HubClient,
                                                        hub: StandInHub) -> None:
    commit = hub.repos[TINY_REPO].commit
    assert client.list_repo(TINY_REPO, revision=commit).commit == commit
    with pytest.raises(RemoteFileNotFoundError, match="no longer exists"):
        client.list_repo(TINY_REPO, revision="0" * 40)


def test_unknown_and_malformed_repositories(client: HubClient) -> None:
    with pytest.raises(RepoNotFoundError, match="no model repository named nobody/nothing"):
        client.list_repo("nobody/nothing")
    with pytest.raises(RepoNotFoundError, match="not a valid repository name"):
        client.list_repo("not/a/valid--name")


def test_offline_mode_is_reported_at_once(client: HubClient,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", True)
    began = time.monotonic()
    with pytest.raises(OfflineModeError, match="HF_HUB_OFFLINE"):
        client.search("tiny")
    # at once, not after the library's five retries (about 25 s): a wide margin for load
    assert time.monotonic() - began < 10


def test_an_unreachable_hub_gives_a_clear_message() -> None:
    closed = HubClient("http://127.0.0.1:9")  # the discard port: nothing listens
    with pytest.raises(HubUnavailableError, match=r"Cannot reach 127\.0\.0\.1"):
        closed.list_repo(TINY_REPO)


def test_client_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="only sent over https"):
        HubClient("http://hub.example.com", token="hf_secret")
    with pytest.raises(ValueError, match="not a hub address"):
        HubClient("ftp://example.com")
    assert "hf_secret" not in repr(HubClient("https://hub.example.com", token="hf_secret"))
    with pytest.raises(ValueError, match="page_size"):
        HubClient().search("x", page_size=0)
