"""The real app, offscreen, driven the way a person drives it.

An AppSession is the real MainWindow (its EngineController on the engine thread, the
storage thread, the ConversationView with its paint timer) in a private CHATAPP_HOME.
A turn is sent as Enter in the composer sends it; the reply comes back through the
app's own signals into the view. A probe QObject on the UI thread, connected after the
window's own slots, notes when each piece of reply text has reached the view.

Two hooks are needed that the app has not got. "Generate exactly N tokens, ignoring the
end-of-sequence token" (Sampling.ignore_eos exists, but the send path always builds
Sampling from the user's Settings): ``ignore_eos()`` wraps the reply runner's
``sampling_from`` for the duration of a measurement. "When was each token produced": the
engine thread sends text to the UI in batches, so the long-reply phase stamps each piece
as the reply runner hands it to the engine worker's relay (``_Relay.reply_text``).
Everything else is the app's code.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QApplication

from bench.common import BenchError, thread_cpu
from chatapp.conversation import reply_runner
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.kv_state_store import shared_prefix
from chatapp.engine.llama_engine import GenerationStats, LlamaEngine, Sampling
from chatapp.errors import UserFacingError
from chatapp.history.store import Message
from chatapp.paths import AppPaths
from chatapp.settings import Settings
from chatapp.ui.application import create_application, create_main_window
from chatapp.ui.main_window import MainWindow
from chatapp.ui.workers import engine_worker

ENGINE_THREAD = "engine"  # the EngineController's QThread (and its OpenMP workers)
_ignore_eos = threading.Event()
_original_sampling_from = reply_runner.sampling_from


def _sampling_from(settings: Settings, seed: int, **kwargs: Any) -> Sampling:
    sampling = _original_sampling_from(settings, seed, **kwargs)
    return replace(sampling, ignore_eos=True) if _ignore_eos.is_set() else sampling


setattr(reply_runner, "sampling_from", _sampling_from)  # noqa: B010 - a hook

# Filled on the engine thread while a turn records token times (see AppSession.send).
_token_times: list[float] | None = None
_original_relay_text = engine_worker._Relay.reply_text


def _relay_text(self: engine_worker._Relay, text: str) -> None:
    if _token_times is not None:
        _token_times.append(time.perf_counter())
    _original_relay_text(self, text)


setattr(engine_worker._Relay, "reply_text", _relay_text)  # noqa: B010 - a hook


@contextmanager
def ignore_eos() -> Iterator[None]:
    """Replies sent meanwhile run to max_reply_tokens, past end-of-sequence."""
    _ignore_eos.set()
    try:
        yield
    finally:
        _ignore_eos.clear()


def wait_until(ready: Callable[[], bool], timeout_s: float, what: str,
               poll_ms: int = 10, wake: SignalInstance | None = None) -> None:
    """Run the Qt event loop until ``ready()`` (BenchError after ``timeout_s``).

    ``ready`` is checked every ``poll_ms`` and whenever ``wake`` is emitted: while the
    model computes, the suite wakes the UI thread as rarely as it can.
    """
    if ready():
        return
    loop = QEventLoop()
    deadline = time.monotonic() + timeout_s

    def check() -> None:
        if ready() or time.monotonic() > deadline:
            loop.quit()

    timer = QTimer()
    timer.setInterval(poll_ms)
    timer.timeout.connect(check)
    timer.start()
    if wake is not None:
        wake.connect(check)
    try:
        loop.exec()
    finally:
        timer.stop()
        if wake is not None:
            wake.disconnect(check)
    if not ready():
        raise BenchError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def pump(seconds: float) -> None:
    """Let the event loop run for a while (idle time between measurements)."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, seconds + 5, "idle time", poll_ms=20)


class _Probe(QObject):
    """Lives on the UI thread: records when the engine's signals reach it."""

    done = Signal()  # the reply finished or failed

    def __init__(self) -> None:
        super().__init__()
        self.reset()

    def reset(self) -> None:
        self.first_text_at: float | None = None
        self.last_text_at: float | None = None
        self.text_times: list[float] = []
        self.finished_at: float | None = None
        self.stats: GenerationStats | None = None
        self.message: Message | None = None
        self.failed: str | None = None

    @Slot(str)
    def on_text(self, _text: str) -> None:
        now = time.perf_counter()
        if self.first_text_at is None:
            self.first_text_at = now
        self.last_text_at = now
        self.text_times.append(now)

    @Slot(object, object)
    def on_finished(self, message: Message, stats: GenerationStats) -> None:
        self.finished_at = time.perf_counter()
        self.message = message
        self.stats = stats
        self.done.emit()

    @Slot(object, object)
    def on_failed(self, error: UserFacingError, _message: object) -> None:
        self.failed = error.user_message
        self.done.emit()


@dataclass(frozen=True)
class Turn:
    """One reply as the UI saw it, with the engine's own statistics."""

    sent_at: float
    # When the first and last reply text reached the view (UI thread); a reply without
    # text counts as shown when it finished.
    first_text_at: float
    last_text_at: float
    finished_at: float
    stats: GenerationStats
    message: Message
    ui_times: tuple[float, ...]  # each batch of text reaching the view
    engine_times: tuple[float, ...] = ()  # each batch of text emitted (engine thread)
    token_times: tuple[float, ...] = ()  # each token's text produced (engine thread)
    ui_cpu_s: float = 0.0  # CPU time of the UI thread from Enter to the reply finished
    engine_cpu_s: float = 0.0  # the engine thread and its OpenMP workers (Linux)

    @property
    def text_events(self) -> int:
        return len(self.ui_times)

    @property
    def ttft_ui_s(self) -> float:
        """From pressing Enter to the first reply text in the view."""
        return self.first_text_at - self.sent_at

    @property
    def generation_ui_tps(self) -> float:
        """Tokens per second as they reached the view, first to last."""
        span = self.last_text_at - self.first_text_at
        if self.stats.generated_tokens < 2 or span <= 0:
            raise BenchError("the reply was too short to time")
        return (self.stats.generated_tokens - 1) / span

    @property
    def prompt_ui_tps(self) -> float:
        """Evaluated prompt tokens per second of the time to first token in the view."""
        return self.stats.evaluated_prompt_tokens / self.ttft_ui_s


class AppSession:
    """The app's main window in its own CHATAPP_HOME, with a model loaded (or not)."""

    def __init__(self, home: Path, settings: Settings, timeout_s: float,
                 expect_model: bool = True) -> None:
        self.timeout_s = timeout_s
        self.paths = AppPaths.portable(home)
        self.paths.ensure()
        self.app = create_application(["chatapp-bench"])
        self.window: MainWindow = create_main_window(self.paths, settings)
        self.window.show()
        self.probe = _Probe()
        worker = self.window.session.engine.worker
        # Connected after the session's slots: they run first, on the UI thread.
        worker.reply_text.connect(self.probe.on_text)
        worker.reply_finished.connect(self.probe.on_finished)
        worker.reply_failed.connect(self.probe.on_failed)
        self.last_prompt: list[int] = []
        self._engine_times: list[float] = []
        if expect_model:
            self.wait_loaded()
        self.settle()

    # -- state -------------------------------------------------------------------------

    def wait_loaded(self) -> None:
        window = self.window
        wait_until(lambda: window.session.model is not None
                   and window.session.loading_path is None, self.timeout_s,
                   "the model to load")

    def settle(self) -> None:
        """Wait until the history and files threads have nothing queued (the UI is idle)."""
        wait_until(lambda: not self.window.session.busy, self.timeout_s,
                   "the history and files threads")
        QApplication.processEvents()

    def engine(self) -> LlamaEngine:
        """The window's engine, for its tokenizer. Only while the engine thread is idle."""
        model = self.window.session.engine.worker._model
        if model is None:
            raise BenchError("no model is loaded")
        return model.engine

    def set_settings(self, **changes: object) -> None:
        """What the send path reads (as the Settings dialog would set it, unsaved)."""
        session = self.window.session
        session.settings = replace(session.settings, **changes)  # type: ignore[arg-type]

    def reload(self, **changes: object) -> None:
        """Load the model again with new settings (e.g. a longer context)."""
        self.set_settings(**changes)
        session = self.window.session
        model = session.model
        if model is None:
            raise BenchError("no model is loaded")
        before = model
        session.load_model(model.path)
        wait_until(lambda: session.model is not before and session.loading_path is None,
                   self.timeout_s, "the model to reload")
        self.last_prompt = []
        self.settle()

    def new_conversation(self) -> None:
        """An empty chat; it is saved with its first message, as the app does."""
        self.window.session.new_conversation()
        self.settle()

    # -- a turn ------------------------------------------------------------------------

    def send(self, text: str, record_engine_times: bool = False) -> Turn:
        """Type ``text`` in the composer and press Enter; wait for the whole reply."""
        global _token_times  # noqa: PLW0603 - the hook's switch
        window = self.window
        if window.session.turn is not None:
            raise BenchError("a reply is already being written")
        self.probe.reset()
        self._engine_times = []
        worker = window.session.engine.worker
        token_times: list[float] = []
        if record_engine_times:
            _token_times = token_times
            # Called on the engine thread at each emission of a batch of text.
            worker.reply_text.connect(self._stamp, Qt.ConnectionType.DirectConnection)
        try:
            window.composer.edit.setPlainText(text)
            engine_cpu = thread_cpu().get(ENGINE_THREAD, 0.0)
            ui_cpu = time.thread_time()
            sent_at = time.perf_counter()
            window.composer.edit.submitted.emit()  # what Enter does
            probe = self.probe
            wait_until(lambda: probe.finished_at is not None or probe.failed is not None,
                       self.timeout_s, "the reply", poll_ms=250, wake=probe.done)
            ui_cpu = time.thread_time() - ui_cpu
            engine_cpu = thread_cpu().get(ENGINE_THREAD, 0.0) - engine_cpu
        finally:
            if record_engine_times:
                _token_times = None
                worker.reply_text.disconnect(self._stamp)
        if probe.failed is not None:
            raise BenchError(f"the reply failed: {probe.failed}")
        assert probe.stats is not None and probe.message is not None
        assert probe.finished_at is not None
        first = probe.first_text_at if probe.first_text_at is not None else probe.finished_at
        last = probe.last_text_at if probe.last_text_at is not None else probe.finished_at
        self.settle()
        return Turn(sent_at, first, last, probe.finished_at, probe.stats, probe.message,
                    tuple(probe.text_times), tuple(self._engine_times), tuple(token_times),
                    ui_cpu, engine_cpu)

    def _stamp(self, _text: str) -> None:
        self._engine_times.append(time.perf_counter())

    def close(self) -> None:
        self.window.close()
        QApplication.processEvents()
        self.window.deleteLater()
        QApplication.processEvents()


# -- prompts of an exact length ----------------------------------------------------------

_WORDS_TEXT = (
    "the a of and to in is it that for on with as was at by this be from or have an "
    "are not but what all were when we there can more if no out so said up its about "
    "into than them some could time these two may first then do any like my now over "
    "such our man me even most made after also did many before must through back years "
    "where much your way well down should because each just those people how too little "
    "state good very make world still own see men work long get here between both life "
    "being under never day same another know while last might us great old year off come "
    "since against go came right used take three small house water river garden music "
    "city light morning paper story table window friend school market winter summer"
)
WORDS = tuple(_WORDS_TEXT.split())


def single_token_words(engine: LlamaEngine) -> list[str]:
    """Words that are one token after a space, so each adds exactly one token."""
    empty = len(engine.tokenize(""))
    return [w for w in dict.fromkeys(WORDS) if len(engine.tokenize(" " + w)) - empty == 1]


def fit_text(count: Callable[[str], int], target: int, words: Sequence[str],
             rng: random.Random, prefix: str = "") -> str:
    """A text of random words whose ``count`` is exactly ``target``."""
    sequence = [rng.choice(words) for _ in range(target + 64)]

    def text(k: int) -> str:
        body = " ".join(sequence[:k])
        return f"{prefix} {body}".strip() if prefix else body

    low, high = 1, len(sequence)  # at least one word: a message is never empty
    while low < high:  # the smallest k whose count reaches the target
        middle = (low + high) // 2
        if count(text(middle)) < target:
            low = middle + 1
        else:
            high = middle
    for k in (low, low - 1, low + 1):
        if 1 <= k <= len(sequence) and count(text(k)) == target:
            return text(k)
    raise BenchError(f"could not build a text of exactly {target} tokens")


def prompt_for_evaluated(engine: LlamaEngine, system: str, evaluated: int,
                         cached_prompt: Sequence[int], rng: random.Random) -> tuple[str, list[int]]:
    """A user message whose prompt makes the engine evaluate exactly ``evaluated`` tokens.

    The engine keeps the longest common prefix of the new prompt with what its KV cache
    holds (the previous prompt, then that reply). A fresh conversation whose system
    prompt differs early shares only the template's first few tokens with it; the
    message is sized so that the rest is exactly ``evaluated`` tokens long.
    """
    words = single_token_words(engine)
    if len(words) < 20:
        raise BenchError("the model's tokenizer splits too many common words")

    def tokens(user: str) -> list[int]:
        return engine.tokenize_chat([ChatMessage("system", system), ChatMessage("user", user)])

    reused = min(shared_prefix(cached_prompt, tokens("")), len(tokens("")) - 1)
    text = fit_text(lambda user: len(tokens(user)), evaluated + reused, words, rng)
    prompt = tokens(text)
    reused_now = min(shared_prefix(cached_prompt, prompt), len(prompt) - 1)
    if len(prompt) - reused_now != evaluated:
        raise BenchError(f"the prompt would evaluate {len(prompt) - reused_now} tokens, "
                         f"not {evaluated}")
    return text, prompt
