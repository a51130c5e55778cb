"""The hub's errors: Retry-After, and words that match the state a download ends in.

A download that fails is FAILED, shown with "Try again" and "Dismiss"; only a download the
user paused is PAUSED, shown with "Resume". So no message a download can fail with may call
it paused or tell the user to resume it.
"""

from __future__ import annotations

import email.utils
import errno

import httpx2
import pytest
from huggingface_hub import errors as hf_errors
from huggingface_hub import hf_raise_for_status

from chatapp.errors import UserFacingError
from chatapp.hub.errors import (
    RETRY_AFTER_CAP,
    ChecksumMismatchError,
    ConnectionLostError,
    DiskFullError,
    DownloadStalledError,
    HubError,
    HubUnavailableError,
    NotEnoughSpaceError,
    RateLimitedError,
    parse_retry_after,
    translate,
)

HUB = "https://hub.example"
NOW = 1_800_000_000.0  # a fixed wall-clock time for HTTP dates


def http_error(status: int, headers: dict[str, str] | None = None) -> hf_errors.HfHubHTTPError:
    """The error huggingface_hub raises for this answer."""
    response = httpx2.Response(status, headers=headers or {},
                               request=httpx2.Request("GET", f"{HUB}/org/model/resolve/main/x"))
    with pytest.raises(hf_errors.HfHubHTTPError) as raised:
        hf_raise_for_status(response)
    return raised.value


@pytest.mark.parametrize(("value", "seconds"), [
    ("120", 120.0),
    (" 5 ", 5.0),
    ("0", 0.0),
    (email.utils.formatdate(NOW + 90, usegmt=True), 90.0),
    (email.utils.formatdate(NOW + 90), 90.0),  # "-0000": UTC as well
    (email.utils.formatdate(NOW - 30, usegmt=True), 0.0),  # already past: go ahead
    ("999999999", RETRY_AFTER_CAP),
    ("soon", None),
    ("-5", None),
    ("1.5", None),  # not a form HTTP allows
    ("\u0661\u0662", None),  # Arabic-Indic digits: str.isdigit() says yes, HTTP says no
    ("", None),
])
def test_retry_after_seconds_and_dates(value: str, seconds: float | None) -> None:
    assert parse_retry_after({"Retry-After": value}, now=NOW) == seconds


def test_retry_after_is_found_in_any_case_and_may_be_missing() -> None:
    assert parse_retry_after({"retry-after": "3"}) == 3.0
    assert parse_retry_after({"Content-Type": "text/plain"}) is None


def test_429_becomes_a_rate_limit_with_the_servers_wait() -> None:
    error = translate(http_error(429, {"Retry-After": "300"}), endpoint=HUB)
    assert isinstance(error, RateLimitedError) and error.retry_may_help
    assert error.retry_after == 300.0
    assert "Wait about 5 min, then try again" in error.user_message
    unsaid = translate(http_error(429), endpoint=HUB)
    assert isinstance(unsaid, RateLimitedError) and unsaid.retry_after is None
    assert "Wait a few minutes" in unsaid.user_message


def test_503_keeps_its_retry_after_and_other_errors_have_none() -> None:
    busy = translate(http_error(503, {"Retry-After": "20"}), endpoint=HUB)
    assert isinstance(busy, HubUnavailableError) and not isinstance(busy, RateLimitedError)
    assert busy.retry_after == 20.0
    failing = translate(http_error(500, {"Retry-After": "20"}), endpoint=HUB)
    assert isinstance(failing, HubUnavailableError) and failing.retry_after is None


def test_a_broken_connection_speaks_of_a_download_only_during_one() -> None:
    searching = translate(httpx2.RemoteProtocolError("peer closed"), endpoint=HUB)
    assert isinstance(searching, ConnectionLostError) and not searching.downloading
    assert "download" not in searching.user_message
    assert "try again" in searching.user_message
    downloading = ConnectionLostError("hub.example", "detail", downloading=True)
    assert "the download stopped" in downloading.user_message
    assert "already downloaded is kept" in downloading.user_message


def test_the_stall_message_says_what_happened_and_what_try_again_does() -> None:
    error = DownloadStalledError("hub.example", 60.0, "no byte for 60.2 s")
    assert error.resumable and not error.retry_may_help  # the last word, after the retries
    assert isinstance(error, UserFacingError)
    assert error.user_message == (
        "hub.example stopped sending the file: nothing arrived for 1 min, so the download "
        "stopped. What was already downloaded is kept: Try again continues from there.")


def failed_download_errors() -> list[HubError]:
    """Every error a download can end FAILED with, from what the network and disk raise."""
    raised: list[BaseException] = [
        httpx2.ConnectError("refused"), httpx2.ConnectTimeout("slow"),
        httpx2.ReadTimeout("slow"), httpx2.ReadError("reset"),
        httpx2.RemoteProtocolError("peer closed"), hf_errors.OfflineModeIsEnabled("offline"),
        http_error(401), http_error(403), http_error(404), http_error(429), http_error(500),
        http_error(503), OSError(errno.ENOSPC, "No space left on device", "/models/x"),
        OSError(errno.EACCES, "Permission denied", "/models/x"), ValueError("bad json"),
    ]
    found = [translate(e, endpoint=HUB, repo_id="org/model", filename="x.gguf")
             for e in raised]
    return [*found,
            ConnectionLostError("hub.example", "detail", downloading=True),
            DownloadStalledError("hub.example", 60.0, "detail"),
            DiskFullError("/models", "detail"),
            NotEnoughSpaceError(needed=10**9, free=10**8, where="/"),
            NotEnoughSpaceError(needed=10**9, free=2 * 10**9, where="/", margin=10**9),
            ChecksumMismatchError("x.gguf", expected="a" * 64, actual="b" * 64,
                                  source="the hub")]


@pytest.mark.parametrize("error", failed_download_errors(),
                         ids=lambda e: f"{type(e).__name__}")
def test_no_failure_calls_the_download_paused(error: HubError) -> None:
    words = error.user_message.lower()
    assert "paus" not in words and "resum" not in words, error.user_message


@pytest.mark.parametrize("error", [
    ConnectionLostError("hub.example", "detail", downloading=True),
    DownloadStalledError("hub.example", 60.0, "detail"),
    DiskFullError("/models", "detail"),
    NotEnoughSpaceError(needed=10**9, free=10**8, where="/"),
], ids=lambda e: f"{type(e).__name__}")
def test_failures_that_keep_the_bytes_point_to_try_again(error: HubError) -> None:
    assert error.resumable
    assert "try again" in error.user_message.lower(), error.user_message
    if isinstance(error, DiskFullError):
        # the FAILED row's other button says "Dismiss", not "Cancel"
        assert "dismiss it to delete the partial file" in error.user_message
