"""Listing remote servers' models for the picker: the real llama-server answers with its
model; a closed port is a server that cannot be reached, not one without models."""

from __future__ import annotations

import pytest

from chatapp.remote.errors import (
    InvalidServerAddressError,
    RemoteAuthError,
    RemoteTimeoutError,
    RemoteUnreachableError,
)
from chatapp.remote.listing import (
    describe_models,
    display_name,
    list_all,
    plain_http_warning,
    problem_label,
    unsaved_server,
)
from chatapp.remote.servers import RemoteServer, normalize_base_url
from chatapp.secrets.keyring_store import KeyringError, Problem
from tests.remote_server import RunningServer, free_port, llama_server

__all__ = ["llama_server"]  # a fixture, used by name


def server_at(url: str, server_id: str = "0" * 32) -> RemoteServer:
    return RemoteServer(server_id, "test", normalize_base_url(url))


def test_each_server_is_listed_with_its_models_or_why_not(
        llama_server: RunningServer) -> None:
    closed = server_at(f"http://127.0.0.1:{free_port()}", "1" * 32)
    answering = server_at(llama_server.url)
    listed = list_all([closed, answering])
    assert [entry.server for entry in listed] == [closed, answering]
    assert listed[0].models == () and isinstance(listed[0].error, RemoteUnreachableError)
    assert problem_label(listed[0].error) == "cannot be reached"
    assert closed.host in listed[0].error.user_message
    assert listed[1].error is None and len(listed[1].models) == 1
    assert listed[1].models[0].strip()


def test_plain_http_to_another_computer_is_warned_of() -> None:
    assert "unencrypted" in plain_http_warning("http://192.168.1.20:8080")
    assert "unencrypted" in plain_http_warning("http://llm.example.com/v1")
    assert plain_http_warning("https://llm.example.com") == ""
    assert plain_http_warning("llm.example.com") == ""  # https unless on this computer
    assert plain_http_warning("http://127.0.0.1:8080") == ""
    assert plain_http_warning("http://localhost:8080") == ""
    assert plain_http_warning("not an address at all") == ""  # the Add button says why


def test_models_are_described_in_words() -> None:
    assert describe_models([]) == "The server answers, but lists no models."
    assert describe_models(["a"]) == "The server answers and lists 1 model: a."
    many = [f"m{i}" for i in range(10)]
    assert describe_models(many).endswith("m7 and 2 more.")


def test_an_address_to_test_is_checked_first() -> None:
    assert unsaved_server("127.0.0.1:8080").base_url == "http://127.0.0.1:8080/v1"
    with pytest.raises(InvalidServerAddressError):
        unsaved_server("ftp://example.com")


def test_a_model_named_by_its_file_shows_the_files_name() -> None:
    assert display_name("/models/SmolLM2-135M-Instruct.Q4_1.gguf") == \
        "SmolLM2-135M-Instruct.Q4_1"
    assert display_name("C:\\models\\qwen.GGUF") == "qwen"
    assert display_name("Qwen/Qwen3-8B") == "Qwen/Qwen3-8B"
    assert display_name("llama3:8b") == "llama3:8b"


def test_why_a_server_is_not_listed_in_a_few_words() -> None:
    assert problem_label(RemoteTimeoutError("h", "slow")) == "cannot be reached"
    assert problem_label(RemoteAuthError("h", "401")) == "refused the API key"
    assert problem_label(KeyringError(Problem.NO_DBUS, "no bus")) == \
        "its API key cannot be read from the keyring"
