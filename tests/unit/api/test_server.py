"""The API server against the real model, through the official openai client and raw HTTP."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from typing import Any

import openai
import pytest
from openai.types.chat import ChatCompletionMessageParam

from chatapp.api.server import LOCAL_HOST, ApiServer, ApiServerError, BoundAddress
from tests.unit.api.conftest import CONTEXT, Host, ServerFactory

HELLO: list[ChatCompletionMessageParam] = [{"role": "user", "content": "Say hello to me."}]


def post(address: BoundAddress, path: str, body: bytes | dict[str, Any], *,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, Any]]:
    connection = http.client.HTTPConnection(address.host, address.port, timeout=120)
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    connection.request("POST", path, data, {"Content-Type": "application/json",
                                            **(headers or {})})
    response = connection.getresponse()
    payload = json.loads(response.read() or b"null")
    connection.close()
    return response.status, payload


def test_models_lists_the_chat_and_the_embedding_model(client: openai.OpenAI,
                                                       host: Host) -> None:
    ids = [model.id for model in client.models.list()]
    assert ids == [host.model_id, "all-MiniLM-L6-v2-f16"]
    assert client.models.retrieve(host.model_id).owned_by == "chatapp"


def test_chat_completion_answers_with_usage(client: openai.OpenAI, host: Host) -> None:
    reply = client.chat.completions.create(model=host.model_id, messages=HELLO,
                                           max_tokens=12, temperature=0)
    choice = reply.choices[0]
    assert reply.object == "chat.completion"
    assert reply.model == host.model_id
    assert choice.message.role == "assistant"
    assert choice.message.content
    assert choice.finish_reason in ("stop", "length")
    usage = reply.usage
    assert usage is not None
    assert usage.prompt_tokens > 5
    assert 0 < usage.completion_tokens <= 12
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


def test_streamed_chat_matches_and_ends_with_usage(client: openai.OpenAI, host: Host) -> None:
    whole = client.chat.completions.create(model=host.model_id, messages=HELLO,
                                           max_tokens=16, temperature=0)
    chunks = list(client.chat.completions.create(
        model=host.model_id, messages=HELLO, max_tokens=16, temperature=0,
        stream=True, stream_options={"include_usage": True}))
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    assert chunks[0].choices[0].delta.role == "assistant"
    finishing = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(finishing) == 1
    assert finishing[0].choices[0].finish_reason == whole.choices[0].finish_reason
    assert chunks[-1].choices == []
    assert chunks[-1].usage == whole.usage


def test_a_seed_makes_a_sampled_reply_repeatable(client: openai.OpenAI, host: Host) -> None:
    def ask(seed: int) -> str | None:
        reply = client.chat.completions.create(
            model=host.model_id, messages=[{"role": "user", "content": "Tell me a story."}],
            max_tokens=24, temperature=1.5, seed=seed)
        return reply.choices[0].message.content

    first = ask(7)
    assert ask(7) == first
    assert any(ask(seed) != first for seed in (8, 9, 10))


def test_stop_strings_end_the_text_before_them(client: openai.OpenAI, host: Host) -> None:
    plain = client.completions.create(model=host.model_id, prompt="1, 2, 3,", max_tokens=12,
                                      temperature=0)
    assert " 6" in plain.choices[0].text
    stopped = client.completions.create(model=host.model_id, prompt="1, 2, 3,",
                                        max_tokens=12, temperature=0, stop=[" 6", "xyz"])
    text = stopped.choices[0].text
    assert text == plain.choices[0].text.split(" 6")[0]
    assert stopped.choices[0].finish_reason == "stop"
    streamed = "".join(c.choices[0].text for c in client.completions.create(
        model=host.model_id, prompt="1, 2, 3,", max_tokens=12, temperature=0, stop=" 6",
        stream=True))
    assert streamed == text


def test_json_schema_gives_json_of_the_schema(client: openai.OpenAI, host: Host) -> None:
    schema = {"type": "object", "additionalProperties": False, "required": ["name", "age"],
              "properties": {"name": {"type": "string", "maxLength": 12},
                             "age": {"type": "integer", "minimum": 0, "maximum": 120}}}
    reply = client.chat.completions.create(
        model=host.model_id, max_tokens=60, temperature=0.8, seed=3,
        messages=[{"role": "user", "content": "Describe a person as JSON."}],
        response_format={"type": "json_schema",
                         "json_schema": {"name": "person", "schema": schema}})
    data = json.loads(reply.choices[0].message.content or "")
    assert set(data) == {"name", "age"}
    assert isinstance(data["name"], str) and len(data["name"]) <= 12
    assert isinstance(data["age"], int) and 0 <= data["age"] <= 120


def test_text_completion(client: openai.OpenAI, host: Host) -> None:
    reply = client.completions.create(model=host.model_id, prompt="The capital of France is",
                                      max_tokens=8, temperature=0)
    assert reply.object == "text_completion"
    assert reply.choices[0].text
    assert reply.usage is not None and reply.usage.completion_tokens <= 8
    assert reply.usage.prompt_tokens >= 5


def test_embeddings_float_and_base64(client: openai.OpenAI, address: BoundAddress) -> None:
    # The openai client asks for base64 and decodes it itself.
    result = client.embeddings.create(model="all-MiniLM-L6-v2-f16",
                                      input=["a cat sat", "a dog ran", "tax law"])
    vectors = [item.embedding for item in result.data]
    assert [len(v) for v in vectors] == [384] * 3
    assert all(abs(sum(x * x for x in v) - 1) < 1e-3 for v in vectors)
    assert result.usage.prompt_tokens > 6
    status, body = post(address, "/v1/embeddings", {
        "model": "all-MiniLM-L6-v2-f16", "input": "a cat sat", "encoding_format": "float"})
    assert status == 200
    assert body["data"][0]["embedding"] == pytest.approx(vectors[0], abs=1e-6)


def read_events(response: http.client.HTTPResponse) -> list[bytes]:
    """The raw SSE stream, split at its blank lines (each event kept with its framing)."""
    raw = response.read()
    assert raw.endswith(b"\n\n")
    return [part + b"\n\n" for part in raw.split(b"\n\n")[:-1]]


def test_sse_framing_is_openais(address: BoundAddress, host: Host) -> None:
    connection = http.client.HTTPConnection(address.host, address.port, timeout=120)
    connection.request("POST", "/v1/chat/completions", json.dumps({
        "model": host.model_id, "messages": HELLO, "max_tokens": 6, "stream": True,
        "stream_options": {"include_usage": True}}), {"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type", "").startswith("text/event-stream")
    events = read_events(response)
    connection.close()
    assert events[-1] == b"data: [DONE]\n\n"
    chunks = []
    for event in events[:-1]:
        assert event.startswith(b"data: ") and event.count(b"\n") == 2
        chunks.append(json.loads(event[len(b"data: "):]))
    assert {c["object"] for c in chunks} == {"chat.completion.chunk"}
    assert len({c["id"] for c in chunks}) == 1
    assert chunks[0]["choices"][0]["delta"] == {"role": "assistant", "content": ""}
    assert chunks[-2]["choices"][0]["delta"] == {}
    assert chunks[-2]["choices"][0]["finish_reason"] == "length"
    assert all(c["usage"] is None for c in chunks[:-1])
    assert chunks[-1]["choices"] == []
    assert chunks[-1]["usage"]["completion_tokens"] == 6


def test_concurrent_clients_are_both_answered(start_server: ServerFactory,
                                             host: Host) -> None:
    counts: list[int] = []
    both_in, all_done = threading.Event(), threading.Event()

    def activity(count: int) -> None:
        counts.append(count)
        if count == 2:
            both_in.set()
        elif count == 0 and both_in.is_set():
            all_done.set()

    address = start_server(api_key=None, on_activity=activity)
    client = openai.OpenAI(base_url=f"{address.url}/v1", api_key="x", max_retries=0,
                           timeout=300)
    # The first answer's grammar keeps it long (150 numbers: hundreds of tokens), so it is
    # still being written when the second request comes, however slow the machine.
    first = client.chat.completions.create(
        model=host.model_id, max_tokens=1500, stream=True,
        messages=[{"role": "user", "content": "List numbers."}],
        response_format={"type": "json_schema", "json_schema": {"name": "numbers", "schema": {
            "type": "array", "minItems": 150, "maxItems": 150,
            "items": {"type": "integer", "minimum": 0, "maximum": 9}}}})
    chunks = iter(first)
    opening = next(chunks)  # being written now
    second: dict[str, str] = {}
    failures: list[openai.OpenAIError] = []

    def ask_second() -> None:
        try:
            stream = client.chat.completions.create(
                model=host.model_id, max_tokens=20, stream=True,
                messages=[{"role": "user", "content": "Give me an idea."}])
            second["text"] = "".join(c.choices[0].delta.content or "" for c in stream
                                     if c.choices)
        except openai.OpenAIError as error:  # reported by the assertion below
            failures.append(error)

    thread = threading.Thread(target=ask_second)
    thread.start()
    assert both_in.wait(300)  # both were in at once: one answered, one waiting its turn
    rest = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    thread.join(300)
    assert not failures
    # The schema's whitespace is the model's choice, so the answer may reach max_tokens
    # before its end: that it was written, as a JSON array, is what counts here.
    text = "".join(c.delta.content or "" for c in opening.choices) + rest
    assert text.lstrip().startswith("[") and len(text) > 150
    assert second["text"]
    # Counted out after the last byte is sent, so possibly after the client has read it.
    assert all_done.wait(60)


def test_a_client_that_leaves_stops_its_generation(address: BoundAddress, host: Host) -> None:
    # The grammar makes the reply long (at least 150 numbers), so only the disconnect
    # can end it before max_tokens.
    schema = {"type": "array", "items": {"type": "integer"}, "minItems": 150}
    body = json.dumps({
        "model": host.model_id, "stream": True, "max_tokens": 1500,
        "messages": [{"role": "user", "content": "List numbers."}],
        "response_format": {"type": "json_schema", "json_schema": {"name": "n",
                                                                   "schema": schema}}})
    with socket.create_connection((address.host, address.port), timeout=120) as sock:
        sock.sendall(f"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                     f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                     f"\r\n{body}".encode())
        received = b""
        while received.count(b"data: ") < 4:  # the role chunk and a few tokens
            data = sock.recv(4096)
            assert data
            received += data
    job = host.next_finished()
    assert job.cancelled
    assert 3 <= job.generated_tokens < 1500
    # Generation stops within a token of the moment the server noticed.
    assert job.tokens_after_cancel <= 1


def test_api_key_is_required_when_set(start_server: ServerFactory, host: Host) -> None:
    address = start_server(api_key="sk-test-key-123")
    good = openai.OpenAI(base_url=f"{address.url}/v1", api_key="sk-test-key-123",
                         max_retries=0)
    assert next(m.id for m in good.models.list()) == host.model_id
    reply = good.chat.completions.create(model=host.model_id, messages=HELLO,
                                         max_tokens=2)
    assert reply.usage is not None and reply.usage.completion_tokens == 2
    for key in ("wrong-key", "sk-test-key-12"):
        bad = openai.OpenAI(base_url=f"{address.url}/v1", api_key=key, max_retries=0)
        with pytest.raises(openai.AuthenticationError) as raised:
            bad.models.list()
        assert raised.value.code == "invalid_api_key"
    status, body = post(address, "/v1/chat/completions",
                        {"model": host.model_id, "messages": HELLO})
    assert status == 401
    assert body["error"]["type"] == "authentication_error"


def test_without_a_key_any_key_or_none_is_accepted(address: BoundAddress, host: Host) -> None:
    status, body = post(address, "/v1/completions",
                        {"model": host.model_id, "prompt": "Hi", "max_tokens": 1})
    assert status == 200 and body["usage"]["completion_tokens"] == 1


def test_a_port_in_use_is_told_plainly(host: Host) -> None:
    with socket.socket() as taken:
        taken.bind((LOCAL_HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ApiServerError, match=f"Port {port} is already in use"):
            ApiServer(host.local, api_key=None).start(LOCAL_HOST, port)


def error_of(status_and_body: tuple[int, dict[str, Any]]) -> tuple[int, str | None, str | None]:
    status, body = status_and_body
    error = body["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["message"]
    return status, error["param"], error["code"]


def test_bad_requests_get_openai_errors(start_server: ServerFactory, host: Host) -> None:
    address = start_server(api_key=None, max_body_bytes=64 * 1024)
    chat = "/v1/chat/completions"
    model = host.model_id

    def chat_with(**fields: Any) -> tuple[int, str | None, str | None]:
        return error_of(post(address, chat, {"model": model, "messages": HELLO, **fields}))

    assert error_of(post(address, chat, b"{not json")) == (400, None, "invalid_json")
    assert error_of(post(address, chat, b"[1, 2]")) == (400, None, "invalid_json")
    assert error_of(post(address, chat, b"x" * (65 * 1024)))[0] == 413
    assert error_of(post(address, chat, {"model": "gpt-4", "messages": HELLO})) \
        == (404, "model", "model_not_found")
    assert error_of(post(address, chat, {"model": model})) \
        == (400, "messages", "missing_required_parameter")
    assert chat_with(temperature=5) == (400, "temperature", "invalid_value")
    assert chat_with(max_tokens="ten") == (400, "max_tokens", "invalid_type")
    assert chat_with(n=2) == (400, "n", "unsupported_parameter")
    assert chat_with(tools=[{"type": "function", "function": {"name": "f"}}]) \
        == (400, "tools", "unsupported_parameter")
    assert chat_with(logprobs=True) == (400, "logprobs", "unsupported_parameter")
    assert chat_with(frobnicate=1) == (400, "frobnicate", "unknown_parameter")
    assert chat_with(response_format={"type": "json_schema", "json_schema": {
        "name": "x", "schema": {"type": "nonsense"}}}) \
        == (400, "response_format", "invalid_schema")
    # Harmless parameters clients send by themselves are accepted.
    status, body = post(address, chat, {"model": model, "messages": HELLO, "max_tokens": 1,
                                        "n": 1, "user": "me", "presence_penalty": 0})
    assert status == 200, body
    long_prompt = "word " * (CONTEXT * 2)
    assert error_of(post(address, chat, {"model": model, "messages": [
        {"role": "user", "content": long_prompt}]})) \
        == (400, "messages", "context_length_exceeded")
    assert error_of(post(address, "/v1/embeddings", {"model": model, "input": "x"})) \
        == (404, "model", "model_not_found")
    assert error_of(post(address, "/v1/nothing", {}))[0] == 404
    connection = http.client.HTTPConnection(address.host, address.port, timeout=60)
    connection.request("GET", chat)
    response = connection.getresponse()
    assert response.status == 405
    assert json.loads(response.read())["error"]["message"]
    connection.close()
    # Still up, and answering.
    client = openai.OpenAI(base_url=f"{address.url}/v1", api_key="x", max_retries=0)
    with pytest.raises(openai.BadRequestError) as raised:
        client.chat.completions.create(model=model, messages=HELLO, n=3)
    assert raised.value.param == "n"
    reply = client.chat.completions.create(model=model, messages=HELLO, max_tokens=1)
    assert reply.usage is not None and reply.usage.completion_tokens == 1


def test_api_chats_are_not_saved_unless_asked(client: openai.OpenAI, host: Host) -> None:
    client.chat.completions.create(model=host.model_id, messages=HELLO, max_tokens=1)
    assert not host.paths.history_db.exists()
