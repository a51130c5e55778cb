"""A batch job: a prompt template answered for every row of an input, into an output.

Rows go to the model several at a time (engine.batched_generation); each finished row is
written to the output at once. A row that cannot be answered (unreadable, missing a
value, too long for its context) gets its error in the output and the job goes on. A
job run again on the same output skips the rows it holds, so a crash, a quit or a
cancel resumes where it stopped. Pause, resume and cancel take effect between two steps
of the model (one token of every row in flight).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chatapp.batch.inputs import BatchInput, InputRow
from chatapp.batch.outputs import BatchOutput, RowResult
from chatapp.batch.template import MissingValueError, PromptTemplate
from chatapp.engine.batched_generation import BatchedGenerator, BatchReply, BatchRequest
from chatapp.engine.chat_template import ChatMessage
from chatapp.engine.llama_engine import LlamaEngine, Sampling
from chatapp.errors import UserFacingError

# Each row's own context, unless the caller says otherwise: room for a long prompt and a
# long reply, while eight rows at once still fit a small computer's memory.
DEFAULT_CONTEXT_PER_ROW = 4096


@dataclass(frozen=True)
class BatchProgress:
    done: int  # rows with a result in the output, from earlier runs too
    failed: int  # of those, rows whose result is an error
    total: int
    rows_per_s: float | None  # in this run; None before its first row
    seconds_left: float | None
    finished: RowResult | None = None  # the row just written (None for the first event)
    tokens_per_s: float | None = None  # generated in this run, over its time so far


@dataclass(frozen=True)
class BatchSummary:
    total: int
    done: int
    failed: int
    resumed: int  # rows the output already held when the run began
    cancelled: bool
    seconds: float
    generated_tokens: int  # in this run

    @property
    def tokens_per_s(self) -> float | None:
        return self.generated_tokens / self.seconds if self.seconds > 0 else None


class JobControl:
    """Pause, resume and cancel a running job from another thread."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._paused = False
        self._cancelled = False
        self.waiting = threading.Event()  # set while the job waits, paused

    def pause(self) -> None:
        with self._changed:
            self._paused = True

    def resume(self) -> None:
        with self._changed:
            self._paused = False
            self._changed.notify_all()

    def cancel(self) -> None:
        with self._changed:
            self._cancelled = True
            self._changed.notify_all()

    @property
    def paused(self) -> bool:
        return self._paused

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def should_stop(self) -> bool:
        """Between two steps: wait while paused; True once cancelled."""
        with self._changed:
            if self._paused and not self._cancelled:
                self.waiting.set()
                self._changed.wait_for(lambda: not self._paused or self._cancelled)
                self.waiting.clear()
            return self._cancelled


class BatchJob:
    def __init__(self, template: PromptTemplate, source: BatchInput, output_path: Path, *,
                 parallel: int = 4, sampling: Sampling | None = None,
                 context_per_row: int | None = None,
                 on_progress: Callable[[BatchProgress], None] | None = None) -> None:
        """Checks the template against the input's columns now: TemplateError if it uses
        one the input lacks (unless no row of the input could be read at all)."""
        if any(row.error is None for row in source.rows):
            template.check_columns(source.columns)
        self.template = template
        self.source = source
        self.output_path = output_path
        self.parallel = max(1, parallel)
        self.sampling = sampling or Sampling()
        self.context_per_row = context_per_row
        self.on_progress = on_progress or (lambda _progress: None)

    def row_context(self, engine: LlamaEngine) -> int:
        """Each row's context asked of the generator: the job's, at most the model's."""
        return min(engine.context_length, self.context_per_row or DEFAULT_CONTEXT_PER_ROW)

    def run(self, engine: LlamaEngine, control: JobControl | None = None) -> BatchSummary:
        """Answer every row the output does not hold yet; call on the engine's thread.

        Raises BatchOutputError when the output cannot be written (the rows written so
        far stay), EngineError when the model fails as a whole.
        """
        control = control or JobControl()
        started = time.perf_counter()
        output = BatchOutput(self.output_path, self.source.columns)
        resumed = output.open()
        tally = _Tally(len(self.source.rows), len(resumed.done), resumed.failed, started)
        try:
            self.on_progress(tally.progress(None))

            def record(result: RowResult) -> None:
                output.write(result)
                self.on_progress(tally.add(result))

            rows = [row for row in self.source.rows if row.index not in resumed.done]
            by_index = {row.index: row for row in rows}

            def on_reply(reply: BatchReply) -> None:
                row = by_index[reply.key]
                if reply.error is not None:
                    record(RowResult(row, error=reply.error.user_message))
                else:
                    record(RowResult(row, reply.text, stats=reply.stats))

            finished = True
            if rows:  # else the output already holds every row
                with BatchedGenerator(engine, parallel=min(self.parallel, len(rows)),
                                      context_per_row=self.row_context(engine)) as generator:
                    finished = generator.run(self._requests(engine, rows, record),
                                             self.sampling, on_reply, control.should_stop)
        finally:
            output.close()
        return BatchSummary(total=len(self.source.rows), done=tally.done,
                            failed=tally.failed, resumed=len(resumed.done),
                            cancelled=not finished, seconds=time.perf_counter() - started,
                            generated_tokens=tally.generated_tokens)

    def _requests(self, engine: LlamaEngine, rows: list[InputRow],
                  record: Callable[[RowResult], None]) -> Iterator[BatchRequest]:
        """The rows' prompts, made as the model is ready for them; a row that cannot be
        made into one is recorded with its error instead."""
        for row in rows:
            if row.error is not None:
                record(RowResult(row, error=row.error))
                continue
            try:
                prompt = self.template.render(row.values)
                tokens = engine.tokenize_chat([ChatMessage("user", prompt)])
            except MissingValueError as error:
                record(RowResult(row, error=str(error)))
                continue
            except UserFacingError as error:  # the chat template cannot render it
                record(RowResult(row, error=error.user_message))
                continue
            yield BatchRequest(row.index, tokens)


class _Tally:
    def __init__(self, total: int, done: int, failed: int, started: float) -> None:
        self.total = total
        self.done = done
        self.failed = failed
        self.started = started
        self.this_run = 0
        self.generated_tokens = 0

    def add(self, result: RowResult) -> BatchProgress:
        self.done += 1
        self.this_run += 1
        self.failed += result.error is not None
        if result.stats is not None:
            self.generated_tokens += result.stats.generated_tokens
        return self.progress(result)

    def progress(self, finished: RowResult | None) -> BatchProgress:
        elapsed = time.perf_counter() - self.started
        rate = self.this_run / elapsed if self.this_run and elapsed > 0 else None
        left = (self.total - self.done) / rate if rate else None
        tokens = self.generated_tokens / elapsed if self.generated_tokens and elapsed > 0 \
            else None
        return BatchProgress(self.done, self.failed, self.total, rate, left, finished, tokens)
