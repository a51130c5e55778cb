"""The stand-in hub's own promises, which the other hub tests rely on."""

from __future__ import annotations

import time

from chatapp.hub.client import HubClient
from tests.hub_stand_in.content import MEDIUM_FILE, MEDIUM_REPO
from tests.hub_stand_in.fixtures import *  # noqa: F403
from tests.hub_stand_in.server import StandInHub

MiB = 1 << 20


def test_a_request_is_logged_before_its_answer_is_sent(hub: StandInHub,
                                                       client: HubClient) -> None:
    # The answer is held mid-body, so its handler is far from done: a log written when the
    # handler finishes would not have it yet.
    hub.set_faults(stall_at_byte=MiB)
    remote = client.file_metadata(MEDIUM_REPO, MEDIUM_FILE, "main")
    assert hub.requests_matching(server="hub", method="HEAD")[-1].status == 302
    with client.open_range(remote.location, 1000) as response:
        assert response.status_code == 206
        (get,) = hub.requests_matching(server="storage", method="GET")
        assert (get.status, get.header("Range")) == (206, "bytes=1000-")
        assert hub.wait_for_stalls(1)
        assert len(hub.requests_matching(server="storage")) == 1  # logged once, not again
    hub.release_stalls()


def test_a_stalled_answer_ends_when_its_client_goes(hub: StandInHub, client: HubClient) -> None:
    hub.set_faults(stall_at_byte=0, stall_times=2)
    remote = client.file_metadata(MEDIUM_REPO, MEDIUM_FILE, "main")
    for _ in range(2):
        with client.open_range(remote.location) as response:
            assert response.status_code == 200
        # leaving the block closes the connection, so the server stops holding it
    assert hub.wait_for_stalls(2)
    deadline = time.monotonic() + 30  # a guard against hanging, not a speed requirement
    while hub.abandoned < 2:
        assert time.monotonic() < deadline, "the server still holds a connection"
        time.sleep(0.01)
