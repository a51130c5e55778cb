"""Where generation time goes: the same 128 tokens at each layer of the app.

Every level generates ``gen_tokens`` tokens after a prompt of the same evaluated length,
with the same threads, and adds one layer to the one before. Each runs in a fresh
process (see GROUPS), once untimed, then once timed; rounds repeat that.

1. ``ctypes decode``: llama_decode of one token at a time through llama-cpp-python's
   low-level bindings (a separate llama_cpp.Llama context), no sampling: the Python
   floor under the app's loop, directly comparable with llama-bench's tg test.
2. ``+ sampling``: the same loop sampling each token with the app's sampler chain
   (repeat penalty over the vocabulary, top-k 40, top-p 0.95, min-p 0.05, temperature
   0.7; as LlamaEngine.make_sampler builds it).
3. ``LlamaEngine.generate``: the app's token loop (piece lookup, UTF-8 decoding, the stop
   check), with an empty text callback.
4. ``+ ReplyRunner``: the app's turn (history writes, the streaming flush every 0.5 s,
   the prompt plan), with a listener that does nothing.
5. ``+ engine thread, signals``: the EngineController on its QThread, its text sent in
   batches (as the app sends it) as queued signals to an idle QObject on the UI thread.
6. ``the window``: the throughput phase's numbers: the same path into the real
   MainWindow and ConversationView.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import llama_cpp
from PySide6.QtCore import QObject, Signal, Slot

from bench.app_session import WORDS, ignore_eos, prompt_for_evaluated, wait_until
from bench.common import BATCH, REPO_ROOT, BenchError, Config, median, starter_model, summary
from chatapp.conversation.questions import save_question
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, LoadSettings, Sampling
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError
from chatapp.history.store import HistoryStore, Message
from chatapp.settings import Settings
from chatapp.ui.workers.engine_worker import EngineController

LEVELS = ("ctypes_decode", "sampling", "engine_generate", "reply_runner",
          "engine_thread_signals")


class _RawLoop:
    """llama.cpp through the low-level bindings, without the app."""

    def __init__(self, model: Path, context: int, threads: int) -> None:
        self.llama = llama_cpp.Llama(
            model_path=str(model), n_ctx=context, n_batch=BATCH, n_ubatch=BATCH,
            n_threads=threads, n_threads_batch=threads, use_mmap=True,
            n_gpu_layers=0, logits_all=False, flash_attn=False, verbose=False)
        self.ctx = self.llama._ctx.ctx
        self.memory = llama_cpp.llama_get_memory(self.ctx)
        self.vocab = llama_cpp.llama_model_get_vocab(self.llama._model.model)
        self.n_vocab = int(llama_cpp.llama_vocab_n_tokens(self.vocab))

    def tokens(self, count: int, rng: random.Random) -> list[int]:
        """``count`` ordinary tokens (of random English words), without BOS."""
        words = " ".join(rng.choice(WORDS) for _ in range(count * 2))
        tokens: list[int] = self.llama.tokenize(words.encode(), add_bos=False)
        if len(tokens) < count:
            raise BenchError("could not make a prompt long enough")
        return tokens[:count]

    def _decode(self, tokens: list[int]) -> None:
        array = (llama_cpp.llama_token * len(tokens))(*tokens)
        if llama_cpp.llama_decode(self.ctx, llama_cpp.llama_batch_get_one(array, len(tokens))):
            raise BenchError("llama_decode failed")

    def _sampler(self, seed: int) -> object:
        params = llama_cpp.llama_sampler_chain_default_params()
        params.no_perf = True
        chain = llama_cpp.llama_sampler_chain_init(params)
        add = llama_cpp.llama_sampler_chain_add
        add(chain, llama_cpp.llama_sampler_init_penalties(self.n_vocab, 64, 1.1, 0.0, 0.0))
        add(chain, llama_cpp.llama_sampler_init_top_k(40))
        add(chain, llama_cpp.llama_sampler_init_top_p(0.95, 1))
        add(chain, llama_cpp.llama_sampler_init_min_p(0.05, 1))
        add(chain, llama_cpp.llama_sampler_init_temp(0.7))
        add(chain, llama_cpp.llama_sampler_init_dist(seed))
        return chain

    def run(self, prompt: list[int], gen: int, sample: bool, seed: int) -> float:
        """Tokens per second over ``gen`` one-token decodes after ``prompt``."""
        llama_cpp.llama_memory_clear(self.memory, True)
        for start in range(0, len(prompt), BATCH):
            self._decode(prompt[start:start + BATCH])
        chain = self._sampler(seed) if sample else None
        one = (llama_cpp.llama_token * 1)()
        rng = random.Random(seed)
        try:
            started = time.perf_counter()
            for _ in range(gen):
                if chain is not None:
                    token = llama_cpp.llama_sampler_sample(chain, self.ctx, -1)
                else:
                    token = rng.randrange(self.n_vocab)
                one[0] = token
                if llama_cpp.llama_decode(self.ctx, llama_cpp.llama_batch_get_one(one, 1)):
                    raise BenchError("llama_decode failed")
            elapsed = time.perf_counter() - started
        finally:
            if chain is not None:
                llama_cpp.llama_sampler_free(chain)
        return gen / elapsed

    def close(self) -> None:
        self.llama.close()


class _NullListener:
    def __init__(self) -> None:
        self.stats: GenerationStats | None = None
        self.failed: str | None = None

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        pass

    def reply_text(self, text: str) -> None:
        pass

    def reply_reasoning(self, text: str) -> None:
        pass

    def reasoning_finished(self, seconds: float) -> None:
        pass

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self.stats = stats

    def reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self.failed = error.user_message


class _Counter(QObject):
    done = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.texts = 0
        self.stats: GenerationStats | None = None
        self.failed: str | None = None
        self.loaded = False

    def reset(self) -> None:
        self.stats = None
        self.failed = None

    @Slot(str)
    def on_text(self, _text: str) -> None:
        self.texts += 1

    @Slot(object, object)
    def on_finished(self, _message: object, stats: GenerationStats) -> None:
        self.stats = stats
        self.done.emit()

    @Slot(object, object)
    def on_failed(self, error: UserFacingError, _message: object) -> None:
        self.failed = error.user_message
        self.done.emit()

    @Slot(object)
    def on_loaded(self, _summary: object) -> None:
        self.loaded = True

    @Slot(str, object)
    def on_load_failed(self, _path: str, error: UserFacingError) -> None:
        self.failed = error.user_message


# Each group runs in a process of its own: llama.cpp's OpenMP threads belong to the thread
# that computes, and a second set of them anywhere in a process makes libgomp stop
# spinning at barriers (it sees more threads than cores), which halves generation speed.
# The raw loop and the engine levels compute on the child's main thread; the controller
# level on the controller's engine thread, with nothing computing on the main thread.
GROUPS: dict[str, tuple[str, ...]] = {
    "raw": ("ctypes_decode", "sampling"),
    "engine": ("engine_generate", "reply_runner"),
    "controller": ("engine_thread_signals",),
}


def run_ladder(cfg: Config, log: Callable[[str], None]) -> dict[str, object]:
    results: dict[str, list[float]] = {level: [] for level in LEVELS}
    names = list(GROUPS)
    for round_index in range(cfg.ladder_rounds):
        order = names[round_index % len(names):] + names[:round_index % len(names)]
        for group in order:
            for level, tps in _run_group(group, cfg, round_index).items():
                results[level].append(tps)
        log(f"  round {round_index + 1}/{cfg.ladder_rounds}: " + ", ".join(
            f"{level} {results[level][-1]:.1f}" for level in LEVELS) + " t/s")
    return {
        "levels": {level: summary(values) for level, values in results.items()},
        "ms_per_token": {level: 1000 / median(values) for level, values in results.items()},
        "prompt_tokens": cfg.prompt_sizes[0],
        "gen_tokens": cfg.gen_tokens,
        "rounds": cfg.ladder_rounds,
    }


def _run_group(group: str, cfg: Config, seed: int) -> dict[str, float]:
    params = {"threads": cfg.threads, "context_length": cfg.context_length,
              "prompt": cfg.prompt_sizes[0], "gen": cfg.gen_tokens, "seed": seed,
              "timeout_s": cfg.timeout_s}
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        done = subprocess.run([sys.executable, "-m", "bench.ladder", group, json.dumps(params)],
                              cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                              timeout=cfg.timeout_s, check=False)
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"the ladder's {group} level timed out") from error
    if done.returncode != 0:
        raise BenchError(f"the ladder's {group} level failed: {done.stderr[-2000:]}")
    values = json.loads(done.stdout.strip().splitlines()[-1])
    return {str(k): float(v) for k, v in values.items()}


def _child(group: str, params: dict[str, int | float]) -> dict[str, float]:
    """Runs in a fresh process: each level once untimed, then once timed."""
    model = starter_model()
    threads, context = int(params["threads"]), int(params["context_length"])
    size, gen, seed = int(params["prompt"]), int(params["gen"]), int(params["seed"])
    timeout_s = float(params["timeout_s"])
    rng = random.Random(seed)
    out: dict[str, float] = {}
    if group == "raw":
        raw = _RawLoop(model, context, threads)
        try:
            prompt = raw.tokens(size, rng)
            for sample, level in ((False, "ctypes_decode"), (True, "sampling")):
                raw.run(prompt, gen, sample, seed)  # warm-up
                out[level] = raw.run(raw.tokens(size, rng), gen, sample, seed)
        finally:
            raw.close()
    elif group == "engine":
        out = _engine_levels(model, context, threads, size=size, gen=gen, rng=rng)
    elif group == "controller":
        out = _controller_level(model, context, threads, size=size, gen=gen, rng=rng,
                                timeout_s=timeout_s)
    else:
        raise BenchError(f"unknown ladder group {group}")
    return out


def _engine_levels(model: Path, context: int, threads: int, *, size: int, gen: int,
                   rng: random.Random) -> dict[str, float]:
    out: dict[str, float] = {}
    engine = LlamaEngine(model, LoadSettings(context_length=context, threads=threads,
                                             threads_batch=threads))
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-ladder-") as scratch:
        store = HistoryStore(Path(scratch) / "runner.sqlite3")
        runner = ReplyRunner(store)
        last: list[int] = []
        try:
            for timed in (False, True):
                system = f"Ladder {rng.randrange(10_000)}. Be helpful."
                _, prompt = prompt_for_evaluated(engine, system, size, last, rng)
                stats = engine.generate(prompt, Sampling(max_tokens=gen, ignore_eos=True,
                                                         seed=rng.randrange(1 << 30)),
                                        lambda _t: None, lambda: False)
                last = prompt
                _check(stats, size, gen, "LlamaEngine.generate")
                if timed:
                    out["engine_generate"] = stats.tokens_per_s or 0.0
            for timed in (False, True):
                system = f"Runner {rng.randrange(10_000)}. Be helpful."
                text, prompt = prompt_for_evaluated(engine, system, size, last, rng)
                conversation = save_question(store, None, text).conversation
                listener = _NullListener()
                with ignore_eos():
                    runner.run(engine, ReplyRequest(
                        conversation.id, False,
                        Settings(system_prompt=system, max_reply_tokens=gen),
                        rng.randrange(1 << 30)), listener, lambda: False)
                last = prompt
                if listener.stats is None:
                    raise BenchError(f"ReplyRunner failed: {listener.failed}")
                _check(listener.stats, size, gen, "ReplyRunner")
                if timed:
                    out["reply_runner"] = listener.stats.tokens_per_s or 0.0
        finally:
            store.close()
            engine.close()
    return out


def _controller_level(model: Path, context: int, threads: int, *, size: int, gen: int,
                      rng: random.Random, timeout_s: float) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="chatapp-bench-ladder-") as scratch:
        home = Path(scratch)
        controller = EngineController(home / "controller.sqlite3", home / "probe.json")
        counter = _Counter()
        worker = controller.worker
        worker.reply_text.connect(counter.on_text)
        worker.reply_finished.connect(counter.on_finished)
        worker.reply_failed.connect(counter.on_failed)
        worker.model_loaded.connect(counter.on_loaded)
        worker.model_failed.connect(counter.on_load_failed)
        store = HistoryStore(home / "controller.sqlite3")
        try:
            controller.load(model, Settings(threads=threads, context_length=context,
                                            last_model_path=str(model)))
            wait_until(lambda: counter.loaded or counter.failed is not None, timeout_s,
                       "the controller's model")
            last: list[int] = []
            for timed in (False, True):
                loaded = worker._model
                if loaded is None:
                    raise BenchError(f"the controller could not load the model: "
                                     f"{counter.failed}")
                system = f"Thread {rng.randrange(10_000)}. Be helpful."
                # Tokenizing only (no OpenMP), while the engine thread is idle.
                text, prompt = prompt_for_evaluated(loaded.engine, system, size, last, rng)
                conversation = save_question(store, None, text).conversation
                counter.reset()
                with ignore_eos():
                    controller.send(conversation.id, False,
                                    Settings(system_prompt=system, max_reply_tokens=gen))
                    wait_until(lambda: counter.stats is not None or counter.failed is not None,
                               timeout_s, "the controller's reply", poll_ms=250,
                               wake=counter.done)
                last = prompt
                if counter.stats is None:
                    raise BenchError(f"the controller's reply failed: {counter.failed}")
                _check(counter.stats, size, gen, "EngineController")
                if timed:
                    out["engine_thread_signals"] = counter.stats.tokens_per_s or 0.0
        finally:
            controller.request_shutdown()
            controller.wait_stopped(time.monotonic() + 60)
            store.close()
    del app
    return out


def _check(stats: GenerationStats, evaluated: int, gen: int, what: str) -> None:
    if stats.evaluated_prompt_tokens != evaluated or stats.generated_tokens != gen:
        raise BenchError(f"{what}: evaluated {stats.evaluated_prompt_tokens} (wanted "
                         f"{evaluated}), generated {stats.generated_tokens} (wanted {gen})")


if __name__ == "__main__":
    print(json.dumps(_child(sys.argv[1], json.loads(sys.argv[2]))), flush=True)
