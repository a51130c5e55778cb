"""A long reply streamed into the real view: does each token stay as cheap as the first?

The model is reloaded with a long context and writes a fixed number of tokens (past
end-of-sequence). Each token's text is time-stamped on the engine thread when it is
produced, and each batch of text when it is sent and when it reaches the view.
Meanwhile a 5 ms timer on the UI thread measures its own lateness: the longest the
event loop was unable to react (``max_stall_ms``).

Generating later tokens costs more even natively: each reads the KV cache of all earlier
tokens. llama-bench at the same two depths gives that native late/early ratio, so the
app's own share of any slow-down is visible.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer

from bench.app_session import AppSession, ignore_eos
from bench.common import BenchError, Config, median
from bench.native import run_llama_bench
from chatapp.settings import DEFAULT_SYSTEM_PROMPT
from chatapp.vocabulary import KvCacheType

REQUEST = ("Write a very long, detailed story about a lighthouse keeper, with many "
           "chapters, dialogue and descriptions of the sea.")


class StallMonitor(QObject):
    """A precise timer on the UI thread that records how late each tick arrives."""

    def __init__(self, interval_ms: int) -> None:
        super().__init__()
        self.interval_s = interval_ms / 1000
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self.ticks: list[float] = []

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.ticks.append(time.perf_counter())

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def lateness_ms(self) -> list[float]:
        """For each tick: how much later than its interval it came."""
        return [max(0.0, (b - a - self.interval_s) * 1000)
                for a, b in zip(self.ticks, self.ticks[1:], strict=False)]


def per_token_ms(times: Sequence[float], window: int) -> tuple[float, float]:
    """Mean time per token over the first and the last ``window`` tokens."""
    if len(times) < 2 * window + 1:
        raise BenchError(f"only {len(times)} timed tokens; need {2 * window + 1}")
    early = (times[window] - times[0]) / window * 1000
    late = (times[-1] - times[-1 - window]) / window * 1000
    return early, late


def rolling_ms(times: Sequence[float], window: int) -> list[tuple[int, float]]:
    """(token index at the middle of the window, mean ms per token over the window)."""
    step = max(1, window // 4)
    return [(i - window // 2, (times[i] - times[i - window]) / window * 1000)
            for i in range(window, len(times), step)]


def run_long_reply(session: AppSession, cfg: Config, binary: Path, model: Path,
                   log: Callable[[str], None], *,
                   kv_cache_type: KvCacheType = KvCacheType.F16) -> dict[str, object]:
    """The long reply with the KV cache in ``kv_cache_type``, llama-bench's cache alike."""
    session.reload(context_length=cfg.long_context, kv_cache_type=kv_cache_type)
    loaded = session.window.session.model
    if loaded is None or loaded.context_length != cfg.long_context \
            or loaded.kv_cache_type is not kv_cache_type:
        raise BenchError(f"the app loaded the model with a context of "
                         f"{loaded.context_length if loaded else 0} and a "
                         f"{loaded.kv_cache_type if loaded else '-'} KV cache, not "
                         f"{cfg.long_context} and {kv_cache_type}")
    session.new_conversation()
    session.set_settings(system_prompt=DEFAULT_SYSTEM_PROMPT,
                         max_reply_tokens=cfg.long_reply_tokens)
    monitor = StallMonitor(cfg.stall_timer_ms)
    monitor.start()
    try:
        with ignore_eos():
            turn = session.send(REQUEST, record_engine_times=True)
    finally:
        monitor.stop()
    stats = turn.stats
    if stats.generated_tokens != cfg.long_reply_tokens:
        raise BenchError(f"the long reply stopped after {stats.generated_tokens} tokens "
                         f"({stats.stop_reason})")
    engine_times = list(turn.engine_times)
    ui_times = list(turn.ui_times)
    window = cfg.long_window
    early, late = per_token_ms(turn.token_times, window)
    lateness = monitor.lateness_ms()
    lags = [(u - e) * 1000 for e, u in zip(engine_times, ui_times, strict=False)]
    log(f"  app: {early:.2f} ms/token over the first {window}, {late:.2f} over the last; "
        f"max stall {max(lateness):.1f} ms")

    # Native at the same depths: the first window starts after the prompt, the last one
    # that many tokens later.
    first_depth = stats.prompt_tokens
    last_depth = stats.prompt_tokens + cfg.long_reply_tokens - window
    depths = sorted({first_depth + round(i * (last_depth - first_depth) / 4) for i in range(5)})
    native_rows = run_llama_bench(binary, model, threads=cfg.threads, prompts=[0],
                                  gens=[window], depths=depths, reps=1 if cfg.quick else 3,
                                  timeout_s=cfg.timeout_s, kv_cache_type=kv_cache_type)
    native_ms = {row.n_depth: 1000 / median(row.samples_ts) for row in native_rows}
    native_early, native_late = native_ms[first_depth], native_ms[last_depth]
    log(f"  native: {native_early:.2f} ms/token at depth {first_depth}, {native_late:.2f} at "
        f"depth {last_depth}")
    ordered = sorted(lateness)
    worst = max(range(len(lateness)), key=lateness.__getitem__)
    streaming = [x for t, x in zip(monitor.ticks[1:], lateness, strict=False)
                 if t <= turn.last_text_at]
    return {
        "late_early_token_ratio": late / early,
        "max_stall_ms": max(lateness),
        "max_stall_when": ("finishing the reply" if monitor.ticks[worst + 1] > turn.last_text_at
                           else "streaming"),
        "max_stall_streaming_ms": max(streaming) if streaming else 0.0,
        "early_ms_per_token": early,
        "late_ms_per_token": late,
        "native_early_ms_per_token": native_early,
        "native_late_ms_per_token": native_late,
        "native_late_early_ratio": native_late / native_early,
        "app_excess_ratio": (late / early) / (native_late / native_early),
        "native_ms_by_depth": {str(d): v for d, v in sorted(native_ms.items())},
        "stall_p50_ms": statistics.median(ordered),
        "stall_p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
        "stalls_over_16ms": sum(1 for x in lateness if x > 16),
        "stalls_over_50ms": sum(1 for x in lateness if x > 50),
        "timer_ticks": len(lateness),
        "max_ui_lag_ms": max(lags) if lags else 0.0,
        "median_ui_lag_ms": statistics.median(lags) if lags else 0.0,
        "reply_tokens": stats.generated_tokens,
        "text_events": len(turn.token_times),
        "ui_batches": len(ui_times),
        "prompt_tokens": stats.prompt_tokens,
        "context_length": cfg.long_context,
        "kv_cache_type": kv_cache_type.value,
        "window": window,
        "engine_tokens_per_s": stats.tokens_per_s,
        "reply_chars": len(turn.message.content),
        "rolling_ms": rolling_ms(turn.token_times, window),
        "stall_timeline": [(round(t - monitor.ticks[0], 4), round(x, 2))
                           for t, x in zip(monitor.ticks[1:], lateness, strict=False)
                           if x > 2.0],
        "duration_s": monitor.ticks[-1] - monitor.ticks[0],
        "ui_cpu_s": turn.ui_cpu_s,
        "engine_cpu_s": turn.engine_cpu_s,
        "wall_s": turn.finished_at - turn.sent_at,
    }
