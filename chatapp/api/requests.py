"""Request bodies, checked and turned into frozen values before anything reaches the engine.

Every mistake becomes an ApiError naming the parameter (400), so a client learns what to
fix instead of getting an answer that silently ignored what it asked for. Parameters the
official clients send on their own and that change nothing here (``user``, ``n`` = 1,
``stream_options``, zero penalties ...) are accepted; ones we cannot honour (``n`` > 1,
tools, log probabilities, images) are refused with a clear message.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, cast

from chatapp.api.errors import ApiError, bad_parameter, unsupported_parameter
from chatapp.engine.chat_template import ChatMessage, Role

MAX_STOP_STRINGS: Final = 4  # as OpenAI
MAX_STOP_CHARS: Final = 200
MAX_EMBEDDING_INPUTS: Final = 2048  # as OpenAI
MAX_SEED: Final = 2**32 - 1  # llama.cpp's sampler seed is 32 bits

# Sent by clients as a matter of course; they change nothing here, so they are accepted
# and ignored (OpenAI's own bookkeeping: who asked, what to keep).
_IGNORED = frozenset({"user", "metadata", "store", "service_tier", "prediction"})
# Accepted at their neutral values only; anything else is refused with this reason.
_NEUTRAL: Mapping[str, tuple[object, str]] = {
    "n": (1, "only one choice is generated per request"),
    "best_of": (1, "only one choice is generated per request"),
    "presence_penalty": (0, "use repeat_penalty instead"),
    "frequency_penalty": (0, "use repeat_penalty instead"),
    "logprobs": (False, "log probabilities are not returned"),
    "top_logprobs": (0, "log probabilities are not returned"),
    "echo": (False, "the prompt is not echoed"),
    "logit_bias": ({}, "logit biases are not applied"),
    "tools": ([], "this server does not call tools"),
    "tool_choice": ("none", "this server does not call tools"),
    "functions": ([], "this server does not call functions"),
    "function_call": ("none", "this server does not call functions"),
    "parallel_tool_calls": (False, "this server does not call tools"),
}


@dataclass(frozen=True)
class SamplingRequest:
    """What a client asked of the sampler; None: the app's settings decide."""

    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    min_p: float | None = None
    repeat_penalty: float | None = None
    max_tokens: int | None = None
    stop: tuple[str, ...] = ()
    seed: int | None = None
    grammar: str | None = None  # GBNF, from response_format's JSON schema


@dataclass(frozen=True)
class ChatCompletionRequest:
    model: str
    messages: tuple[ChatMessage, ...]
    sampling: SamplingRequest
    stream: bool = False
    include_usage: bool = False  # stream_options.include_usage


@dataclass(frozen=True)
class CompletionRequest:
    model: str
    prompt: str
    sampling: SamplingRequest
    stream: bool = False
    include_usage: bool = False


@dataclass(frozen=True)
class EmbeddingRequest:
    model: str
    inputs: tuple[str, ...]
    base64: bool = False  # encoding_format "base64" (the openai client's default)


def parse_json(body: bytes) -> dict[str, Any]:
    """The body as a JSON object; 400 when it is not one."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ApiError(400, f"The request body is not valid JSON ({error}).",
                       code="invalid_json") from error
    if not isinstance(data, dict):
        raise ApiError(400, "The request body must be a JSON object.", code="invalid_json")
    return data


def parse_chat_completion(data: Mapping[str, Any]) -> ChatCompletionRequest:
    fields = _Fields(data, {"model", "messages", "stream", "stream_options", "temperature",
                            "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens",
                            "max_completion_tokens", "stop", "seed", "response_format"})
    raw_messages = fields.required("messages", list, "an array of messages")
    if not raw_messages:
        raise bad_parameter("messages", "'messages' must contain at least one message.")
    messages = tuple(_message(raw, f"messages[{index}]")
                     for index, raw in enumerate(raw_messages))
    if messages[-1].role == "assistant":
        raise bad_parameter("messages", "The last message must not be the assistant's: "
                            "there is nothing to answer.")
    stream, include_usage = _stream(fields)
    max_tokens = fields.integer("max_completion_tokens", 1)
    if max_tokens is None:
        max_tokens = fields.integer("max_tokens", 1)
    return ChatCompletionRequest(
        model=fields.required("model", str, "a string"), messages=messages,
        sampling=_sampling(fields, max_tokens, _grammar(fields.get("response_format"))),
        stream=stream, include_usage=include_usage)


def parse_completion(data: Mapping[str, Any]) -> CompletionRequest:
    fields = _Fields(data, {"model", "prompt", "stream", "stream_options", "temperature",
                            "top_p", "top_k", "min_p", "repeat_penalty", "max_tokens", "stop",
                            "seed", "suffix"})
    if fields.get("suffix") not in (None, ""):
        raise unsupported_parameter("suffix", "text is only written after the prompt")
    prompt = fields.get("prompt")
    if isinstance(prompt, list) and len(prompt) == 1 and isinstance(prompt[0], str):
        prompt = prompt[0]
    if isinstance(prompt, list):
        raise unsupported_parameter("prompt", "give one prompt as a string (several prompts "
                                    "or token arrays are not accepted)")
    if not isinstance(prompt, str) or not prompt:
        raise bad_parameter("prompt", "'prompt' must be a non-empty string.")
    stream, include_usage = _stream(fields)
    return CompletionRequest(
        model=fields.required("model", str, "a string"), prompt=prompt,
        sampling=_sampling(fields, fields.integer("max_tokens", 1), None),
        stream=stream, include_usage=include_usage)


def parse_embedding(data: Mapping[str, Any]) -> EmbeddingRequest:
    fields = _Fields(data, {"model", "input", "encoding_format", "dimensions"})
    if fields.get("dimensions") is not None:
        raise unsupported_parameter("dimensions", "vectors have the model's own size")
    raw = fields.get("input")
    inputs = [raw] if isinstance(raw, str) else raw
    if not isinstance(inputs, list) or not inputs:
        raise bad_parameter("input", "'input' must be a string or a non-empty array of "
                            "strings.")
    if not all(isinstance(text, str) for text in inputs):
        raise unsupported_parameter("input", "give texts as strings (token arrays are not "
                                    "accepted)")
    if any(not text for text in inputs):
        raise bad_parameter("input", "'input' must not contain empty strings.")
    if len(inputs) > MAX_EMBEDDING_INPUTS:
        raise bad_parameter("input", f"'input' may hold at most {MAX_EMBEDDING_INPUTS} texts.")
    encoding = fields.get("encoding_format") or "float"
    if encoding not in ("float", "base64"):
        raise bad_parameter("encoding_format", "'encoding_format' must be 'float' or "
                            "'base64'.")
    return EmbeddingRequest(model=fields.required("model", str, "a string"),
                            inputs=tuple(cast(list[str], inputs)), base64=encoding == "base64")


# -- pieces ---------------------------------------------------------------------------------


class _Fields:
    """A body's fields: unknown ones refused, ignorable ones ignored, null as missing."""

    def __init__(self, data: Mapping[str, Any], known: set[str]) -> None:
        for name, value in data.items():
            if name in known or name in _IGNORED:
                continue
            if name in _NEUTRAL:
                neutral, why = _NEUTRAL[name]
                if value is None or value == neutral or (
                        # An empty list of tools, or a zero penalty given as 0.0.
                        isinstance(neutral, list | dict) and not value):
                    continue
                raise unsupported_parameter(name, why)
            raise ApiError(400, f"Unrecognized request argument supplied: {name}",
                           param=name, code="unknown_parameter")
        self._data = data

    def get(self, name: str) -> Any:
        return self._data.get(name)

    def required(self, name: str, kind: type, described: str) -> Any:
        value = self._data.get(name)
        if value is None:
            raise bad_parameter(name, f"'{name}' is required.", code="missing_required_parameter")
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise bad_parameter(name, f"'{name}' must be {described}.", code="invalid_type")
        return value

    def boolean(self, name: str) -> bool:
        value = self._data.get(name)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise bad_parameter(name, f"'{name}' must be true or false.", code="invalid_type")
        return value

    def number(self, name: str, low: float, high: float) -> float | None:
        value = self._data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not math.isfinite(value):
            raise bad_parameter(name, f"'{name}' must be a number.", code="invalid_type")
        if not low <= value <= high:
            raise bad_parameter(name, f"'{name}' must be between {low:g} and {high:g} "
                                f"(got {value:g}).")
        return float(value)

    def integer(self, name: str, low: int, high: int | None = None) -> int | None:
        value = self._data.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad_parameter(name, f"'{name}' must be an integer.", code="invalid_type")
        if value < low or (high is not None and value > high):
            bound = f"between {low} and {high}" if high is not None else f"at least {low}"
            raise bad_parameter(name, f"'{name}' must be {bound} (got {value}).")
        return value


def _stream(fields: _Fields) -> tuple[bool, bool]:
    stream = fields.boolean("stream")
    options = fields.get("stream_options")
    if options is None:
        return stream, False
    if not isinstance(options, dict) or not set(options) <= {"include_usage",
                                                               "include_obfuscation"}:
        raise bad_parameter("stream_options", "'stream_options' may only hold "
                            "'include_usage'.")
    if not stream:
        raise bad_parameter("stream_options", "'stream_options' is only allowed when "
                            "'stream' is true.")
    include = options.get("include_usage", False)
    if not isinstance(include, bool):
        raise bad_parameter("stream_options", "'include_usage' must be true or false.")
    return stream, include


def _sampling(fields: _Fields, max_tokens: int | None, grammar: str | None) -> SamplingRequest:
    return SamplingRequest(
        temperature=fields.number("temperature", 0.0, 2.0),
        top_p=fields.number("top_p", 0.0, 1.0),
        top_k=fields.integer("top_k", 0, 1000),
        min_p=fields.number("min_p", 0.0, 1.0),
        repeat_penalty=fields.number("repeat_penalty", 1.0, 2.0),
        max_tokens=max_tokens,
        stop=_stop(fields.get("stop")),
        seed=_seed(fields.get("seed")),
        grammar=grammar,
    )


def _seed(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad_parameter("seed", "'seed' must be an integer.", code="invalid_type")
    # OpenAI takes any 64-bit integer; llama.cpp's seed is 32 bits: fold it, so
    # different seeds stay different and the same seed gives the same reply.
    return value % (MAX_SEED + 1)


def _stop(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    stops = [value] if isinstance(value, str) else value
    if not isinstance(stops, list) or not all(isinstance(s, str) for s in stops):
        raise bad_parameter("stop", "'stop' must be a string or an array of strings.",
                            code="invalid_type")
    if len(stops) > MAX_STOP_STRINGS:
        raise bad_parameter("stop", f"'stop' may hold at most {MAX_STOP_STRINGS} strings.")
    if any(not s or len(s) > MAX_STOP_CHARS for s in stops):
        raise bad_parameter("stop", f"Each stop string must have 1 to {MAX_STOP_CHARS} "
                            "characters.")
    return tuple(cast(list[str], stops))


def _message(raw: object, where: str) -> ChatMessage:
    if not isinstance(raw, dict):
        raise bad_parameter("messages", f"'{where}' must be an object.", code="invalid_type")
    role = raw.get("role")
    if role in ("tool", "function"):
        raise unsupported_parameter("messages", f"'{where}' has role '{role}': this server "
                                    "does not call tools")
    if role == "developer":
        role = "system"  # OpenAI's newer name for the system message
    if role not in ("system", "user", "assistant"):
        raise bad_parameter("messages", f"'{where}.role' must be 'system', 'developer', "
                            "'user' or 'assistant'.")
    if raw.get("tool_calls") or raw.get("function_call"):
        raise unsupported_parameter("messages", f"'{where}' has tool calls: this server "
                                    "does not call tools")
    content = _content(raw.get("content"), where, allow_none=role == "assistant")
    reasoning = raw.get("reasoning_content")
    if reasoning is not None and not isinstance(reasoning, str):
        raise bad_parameter("messages", f"'{where}.reasoning_content' must be a string.")
    return ChatMessage(cast(Role, role), content, reasoning or None)


def _content(value: object, where: str, *, allow_none: bool) -> str:
    if value is None and allow_none:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        texts: list[str] = []
        for part in value:
            kind = part.get("type") if isinstance(part, dict) else None
            if kind == "text" and isinstance(part.get("text"), str):
                texts.append(part["text"])
            elif kind in ("image_url", "input_audio", "file"):
                raise unsupported_parameter("messages", f"'{where}' has a part of type "
                                            f"'{kind}': only text is understood")
            else:
                raise bad_parameter("messages", f"'{where}.content' has a part that is not "
                                    "{'type': 'text', 'text': ...}.")
        return "\n".join(texts)
    raise bad_parameter("messages", f"'{where}.content' must be a string or an array of "
                        "text parts.", code="invalid_type")


def _grammar(value: object) -> str | None:
    """response_format as a GBNF grammar (llama.cpp's), None for plain text."""
    if value is None:
        return None
    kind = value.get("type") if isinstance(value, dict) else None
    if kind == "text":
        return None
    if kind == "json_object":
        return _schema_grammar({"type": "object"})
    if kind == "json_schema" and isinstance(value, dict):
        spec = value.get("json_schema")
        schema = spec.get("schema") if isinstance(spec, dict) else None
        if not isinstance(schema, dict):
            raise bad_parameter("response_format", "'response_format.json_schema.schema' "
                                "must be a JSON schema object.")
        return _schema_grammar(schema)
    raise bad_parameter("response_format", "'response_format.type' must be 'text', "
                        "'json_object' or 'json_schema'.")


def _schema_grammar(schema: dict[str, Any]) -> str:
    # Imported here: it loads llama.cpp, which parsing other requests does not need.
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    try:
        grammar: str = json_schema_to_gbnf(json.dumps(schema))
    except (AssertionError, ValueError, KeyError, TypeError, RecursionError) as error:
        # llama.cpp's converter asserts on schemas it does not understand.
        raise bad_parameter("response_format", "This JSON schema cannot be turned into a "
                            f"grammar: {error or type(error).__name__}.",
                            code="invalid_schema") from error
    return grammar
