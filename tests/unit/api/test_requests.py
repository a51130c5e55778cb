"""Request bodies: what is accepted, what is refused and how, and stop strings."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.api.errors import ApiError
from chatapp.api.jobs import StopMatcher
from chatapp.api.requests import (
    parse_chat_completion,
    parse_completion,
    parse_embedding,
    parse_json,
)

USER = {"role": "user", "content": "hi"}


def chat(**fields: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [USER], **fields}


def refusal(parse: Any, body: dict[str, Any]) -> tuple[int, str | None, str | None]:
    with pytest.raises(ApiError) as raised:
        parse(body)
    return raised.value.status, raised.value.param, raised.value.code


def test_a_full_chat_request_is_read() -> None:
    request = parse_chat_completion(chat(
        messages=[{"role": "developer", "content": "Be brief."},
                  {"role": "user", "content": [{"type": "text", "text": "a"},
                                               {"type": "text", "text": "b"}]},
                  {"role": "assistant", "content": "ok", "reasoning_content": "hmm"},
                  USER],
        temperature=0.2, top_p=0.5, max_completion_tokens=9, stop="END", seed=2**40 + 5,
        stream=True, stream_options={"include_usage": True}, n=1, user="u",
        response_format={"type": "json_object"}))
    assert [m.role for m in request.messages] == ["system", "user", "assistant", "user"]
    assert request.messages[1].content == "a\nb"
    assert request.messages[2].reasoning == "hmm"
    sampling = request.sampling
    assert (sampling.temperature, sampling.top_p, sampling.max_tokens) == (0.2, 0.5, 9)
    assert sampling.stop == ("END",)
    assert sampling.seed == 5  # folded into llama.cpp's 32 bits
    assert sampling.grammar is not None and "root" in sampling.grammar
    assert request.stream and request.include_usage


@pytest.mark.parametrize(("fields", "expected"), [
    ({"temperature": 2.5}, (400, "temperature", "invalid_value")),
    ({"temperature": True}, (400, "temperature", "invalid_type")),
    ({"top_p": -1}, (400, "top_p", "invalid_value")),
    ({"max_tokens": 0}, (400, "max_tokens", "invalid_value")),
    ({"seed": "1"}, (400, "seed", "invalid_type")),
    ({"stop": ["a"] * 5}, (400, "stop", "invalid_value")),
    ({"stop": [""]}, (400, "stop", "invalid_value")),
    ({"stream": "yes"}, (400, "stream", "invalid_type")),
    ({"stream_options": {"include_usage": True}}, (400, "stream_options", "invalid_value")),
    ({"n": 2}, (400, "n", "unsupported_parameter")),
    ({"tools": [{"type": "function"}]}, (400, "tools", "unsupported_parameter")),
    ({"tool_choice": "auto"}, (400, "tool_choice", "unsupported_parameter")),
    ({"logprobs": True}, (400, "logprobs", "unsupported_parameter")),
    ({"presence_penalty": 0.5}, (400, "presence_penalty", "unsupported_parameter")),
    ({"logit_bias": {"1": 2}}, (400, "logit_bias", "unsupported_parameter")),
    ({"mystery": 1}, (400, "mystery", "unknown_parameter")),
    ({"model": 3}, (400, "model", "invalid_type")),
    ({"messages": []}, (400, "messages", "invalid_value")),
    ({"messages": [{"role": "tool", "content": "x"}]},
     (400, "messages", "unsupported_parameter")),
    ({"messages": [{"role": "user", "content": [{"type": "image_url"}]}]},
     (400, "messages", "unsupported_parameter")),
    ({"messages": [{"role": "robot", "content": "x"}]}, (400, "messages", "invalid_value")),
    ({"messages": [USER, {"role": "assistant", "content": "x"}]},
     (400, "messages", "invalid_value")),
    ({"response_format": {"type": "xml"}}, (400, "response_format", "invalid_value")),
    ({"response_format": {"type": "json_schema", "json_schema": {"schema": 1}}},
     (400, "response_format", "invalid_value")),
])
def test_bad_chat_parameters_are_named(fields: dict[str, Any],
                                       expected: tuple[int, str, str]) -> None:
    assert refusal(parse_chat_completion, chat(**fields)) == expected


def test_neutral_values_of_unsupported_parameters_pass() -> None:
    parse_chat_completion(chat(n=1, logprobs=False, presence_penalty=0.0, frequency_penalty=0,
                               tools=[], logit_bias={}, tool_choice=None, store=False,
                               metadata={"a": "b"}, temperature=None, stop=None))


def test_completion_and_embedding_requests() -> None:
    request = parse_completion({"model": "m", "prompt": ["Once"], "max_tokens": 3})
    assert (request.prompt, request.sampling.max_tokens) == ("Once", 3)
    assert refusal(parse_completion, {"model": "m", "prompt": [[1, 2]]})[1:] \
        == ("prompt", "unsupported_parameter")
    assert refusal(parse_completion, {"model": "m", "prompt": ""})[1] == "prompt"
    assert refusal(parse_completion, {"model": "m", "prompt": "a", "echo": True})[1] == "echo"
    embedding = parse_embedding({"model": "e", "input": "text"})
    assert embedding.inputs == ("text",) and not embedding.base64
    assert parse_embedding({"model": "e", "input": ["a", "b"],
                            "encoding_format": "base64"}).base64
    assert refusal(parse_embedding, {"model": "e", "input": [1, 2]})[1:] \
        == ("input", "unsupported_parameter")
    assert refusal(parse_embedding, {"model": "e", "input": ["a", ""]})[1] == "input"
    assert refusal(parse_embedding, {"model": "e", "input": "a", "dimensions": 8})[1] \
        == "dimensions"


@pytest.mark.parametrize("body", [b"", b"{", b"\xff\xfe", b"[]", b"1", b'"x"', b"[" * 100_000])
def test_a_body_that_is_no_json_object_is_refused(body: bytes) -> None:
    with pytest.raises(ApiError) as raised:
        parse_json(body)
    assert (raised.value.status, raised.value.code) == (400, "invalid_json")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)
KEYS = st.sampled_from(["model", "messages", "prompt", "input", "temperature", "top_p",
                        "max_tokens", "stop", "seed", "stream", "stream_options", "n",
                        "response_format", "encoding_format", "top_k", "user", "tools"])


@given(st.dictionaries(KEYS, JSON, max_size=6))
def test_any_body_is_accepted_or_refused_with_a_400(body: dict[str, Any]) -> None:
    for parse in (parse_chat_completion, parse_completion, parse_embedding):
        try:
            parse(body)
        except ApiError as error:
            assert error.status == 400
            assert error.body()["error"]["message"]


@given(st.text(alphabet="ab\n", max_size=30),
       st.lists(st.text(alphabet="ab\n", min_size=1, max_size=3), min_size=1, max_size=3),
       st.lists(st.integers(0, 30), max_size=6))
def test_stop_strings_cut_at_the_first_match_however_text_is_split(
        text: str, stops: list[str], cuts: list[int]) -> None:
    # The reply ends at the stop string completed first (by its last character); of those
    # completed at the same character, the one that began first is cut.
    found = [(at + len(stop), at) for stop in stops if (at := text.find(stop)) >= 0]
    expected = text[:min(found)[1]] if found else text
    bounds = [0, *sorted(min(c, len(text)) for c in cuts), len(text)]
    matcher = StopMatcher(tuple(stops))
    out, stopped = "", False
    for start, end in pairwise(bounds):
        sent, stopped = matcher.feed(text[start:end])
        out += sent
        if stopped:
            break
    if not stopped:
        out += matcher.flush()
    assert out == expected
    assert stopped == bool(found)
