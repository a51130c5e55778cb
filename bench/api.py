"""The API server: streaming through it against llama-server, and follow-up turns.

Both servers run the starter model with the same context, threads and greedy sampling,
one request at a time, and are driven by the official ``openai`` client exactly alike.

``api_native_ratio``: tokens per second of a streamed reply as the client receives them
(from the first text to the last; the tokens counted by the server's usage), chatapp's
server over llama-server's (llama-server built from the same vendored llama.cpp, run
with the same settings), interleaved rounds, medians.

``api_followup_ttft_ratio``: a conversation of ``followup_turns`` turns sent the way API
clients send it (the whole conversation every time); the time to first text of the last
turn over the first. A server that keeps its KV cache between requests evaluates only
each turn's new tokens, so the ratio stays near 1 (the target is the same as the
window's, <= 1.2, and what is left above 1 is the model attending over a longer
conversation); one that re-reads the conversation grows with it. llama-server's ratio
for the same conversations is given beside it. As in the window's follow-up phase, an
untimed conversation first puts the system prompt in the KV cache.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx2
import openai
from openai.types.chat import ChatCompletionMessageParam

from bench.common import BenchError, Config, median, summary
from bench.history_scale import TextMaker
from chatapp.api.headless import serving
from chatapp.paths import AppPaths
from chatapp.settings import Settings

START_TIMEOUT_S = 120.0
QUESTION = ("Write a long story about a lighthouse keeper who finds a message in a "
            "bottle. Describe every day of the week in detail.")
SYSTEM = "You are a helpful assistant."


@dataclass(frozen=True)
class Streamed:
    text: str
    ttft_s: float  # request sent -> first text
    tokens: int  # the server's completion tokens
    tokens_per_s: float | None  # after the first text


def stream_reply(client: openai.OpenAI, model: str, messages: list[ChatCompletionMessageParam],
                 max_tokens: int) -> Streamed:
    started = time.perf_counter()
    first: float | None = None
    last = started
    parts: list[str] = []
    tokens = 0
    stream = client.chat.completions.create(
        model=model, messages=messages,
        max_tokens=max_tokens, temperature=0.0, seed=42, stream=True,
        stream_options={"include_usage": True})
    for chunk in stream:
        if chunk.usage is not None:
            tokens = chunk.usage.completion_tokens
        for choice in chunk.choices:
            if choice.delta.content:
                last = time.perf_counter()
                if first is None:
                    first = last
                parts.append(choice.delta.content)
    if first is None:
        raise BenchError("a streamed reply had no text")
    rate = (tokens - 1) / (last - first) if tokens > 1 and last > first else None
    return Streamed("".join(parts), first - started, tokens, rate)


@contextmanager
def llama_server(binary: Path, model: Path, cfg: Config, log_path: Path) -> Iterator[str]:
    """llama-server on a free port of 127.0.0.1, with the app's context and threads."""
    command = [str(binary), "--model", str(model), "--host", "127.0.0.1", "--port", "0",
               "--ctx-size", str(cfg.context_length), "-t", str(cfg.threads),
               "-tb", str(cfg.threads), "--parallel", "1", "--no-webui",
               "-b", "512", "-ub", "512"]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL)
    try:
        yield _wait_listening(process, log_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_listening(process: subprocess.Popen[bytes], log_path: Path) -> str:
    """The base URL once /health answers (port 0: llama-server logs the port it got)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    url: str | None = None
    with httpx2.Client(trust_env=False, timeout=5.0) as http:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise BenchError("llama-server exited: "
                                 + log_path.read_text(errors="replace")[-1500:])
            if url is None:
                url = _logged_url(log_path)
            if url is not None:
                try:
                    if http.get(f"{url}/health").status_code == 200:
                        return url
                except httpx2.TransportError:
                    pass  # not answering yet
            time.sleep(0.1)  # polling the log and /health
    raise BenchError(f"llama-server did not start within {START_TIMEOUT_S:.0f} s")


def _logged_url(log_path: Path) -> str | None:
    for line in log_path.read_text(errors="replace").splitlines():
        marker = "listening on http://"
        if marker in line:
            return "http://" + line.split(marker, 1)[1].split()[0].rstrip("/")
    return None


@contextmanager
def chatapp_server(model: Path, cfg: Config, home: Path) -> Iterator[str]:
    """chatapp's API server, as ``chatapp serve`` runs it."""
    paths = AppPaths.portable(home)
    paths.ensure()
    settings = Settings(context_length=cfg.context_length, threads=cfg.threads)
    with serving(paths, settings, model=model, host="127.0.0.1", port=0,
                 api_key=None) as address:
        yield address.url


def _client(url: str) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{url}/v1", api_key="not-needed", max_retries=0,
                         timeout=900.0)


def _model_id(client: openai.OpenAI) -> str:
    return client.models.list().data[0].id


def _conversation(client: openai.OpenAI, model: str, cfg: Config,
                  questions: list[str]) -> list[Streamed]:
    messages: list[ChatCompletionMessageParam] = [{"role": "system", "content": SYSTEM}]
    turns: list[Streamed] = []
    for question in questions:
        messages.append({"role": "user", "content": question})
        reply = stream_reply(client, model, messages, cfg.followup_reply_tokens)
        messages.append({"role": "assistant", "content": reply.text})
        turns.append(reply)
    return turns


def run_api(cfg: Config, work: Path, llama_bench: Path, model: Path,
            log: Callable[[str], None]) -> dict[str, object]:
    binary = llama_bench.parent / "llama-server"
    if not binary.is_file():
        raise BenchError(f"llama-server not found at {binary}: build it with "
                         "`make llama-server`")
    maker = TextMaker(77)
    # Questions of about the window's follow-up size (a word is about 1.3 tokens), new
    # ones for every conversation: a repeated first question would be found whole in
    # the KV cache, and its turn would cost nothing.
    words = max(4, int(cfg.followup_message_tokens / 1.3))

    def questions() -> list[str]:
        return [f"Question {n}: " + maker.sentence(words) for n in range(cfg.followup_turns)]
    with chatapp_server(model, cfg, work / "api-home") as app_url, \
            llama_server(binary, model, cfg, work / "llama-server.log") as native_url:
        app, native = _client(app_url), _client(native_url)
        app_model, native_model = _model_id(app), _model_id(native)
        question: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": SYSTEM}, {"role": "user", "content": QUESTION}]
        # Untimed: first-call allocations on both sides.
        stream_reply(app, app_model, question, 8)
        stream_reply(native, native_model, question, 8)
        app_rates: list[float] = []
        native_rates: list[float] = []
        app_tokens: list[float] = []
        native_tokens: list[float] = []
        for round_ in range(cfg.rounds):  # interleaved: drifting load hits both alike
            for client, name, rates, counts in ((native, native_model, native_rates,
                                                 native_tokens),
                                                (app, app_model, app_rates, app_tokens)):
                reply = stream_reply(client, name, question, cfg.gen_tokens)
                if reply.tokens_per_s is None:
                    raise BenchError("a streamed reply was too short to time")
                rates.append(reply.tokens_per_s)
                counts.append(reply.tokens)
            log(f"  round {round_ + 1}/{cfg.rounds}: chatapp {app_rates[-1]:.1f} t/s, "
                f"llama-server {native_rates[-1]:.1f} t/s")
        followups: dict[str, dict[str, object]] = {}
        ratios: dict[str, float] = {}
        for name, client, model_id in (("chatapp", app, app_model),
                                       ("llama_server", native, native_model)):
            firsts: list[float] = []
            lasts: list[float] = []
            # Untimed, as in the window's follow-up phase: the system prompt enters the
            # KV cache, as any conversation after the first finds it.
            _conversation(client, model_id, cfg, questions()[:1])
            for _ in range(cfg.followup_reps):
                turns = _conversation(client, model_id, cfg, questions())
                firsts.append(turns[0].ttft_s)
                lasts.append(turns[-1].ttft_s)
            ratios[name] = median(lasts) / median(firsts)
            followups[name] = {"first_ttft_s": summary(firsts), "last_ttft_s": summary(lasts),
                               "ratio": ratios[name]}
        log(f"  follow-up turn {cfg.followup_turns} TTFT / turn 1: chatapp "
            f"{ratios['chatapp']:.2f}, llama-server {ratios['llama_server']:.2f}")
    return {
        "api_native_ratio": median(app_rates) / median(native_rates),
        "api_followup_ttft_ratio": ratios["chatapp"],
        "app_tokens_per_s": summary(app_rates), "native_tokens_per_s": summary(native_rates),
        "app_tokens": summary(app_tokens), "native_tokens": summary(native_tokens),
        "followup": followups, "turns": cfg.followup_turns, "threads": cfg.threads,
        "context_length": cfg.context_length, "max_tokens": cfg.gen_tokens,
    }
