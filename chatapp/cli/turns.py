"""Questions and answers in a terminal, on the same core as the window.

One model is loaded (engine.model_loader, as the engine thread loads it), each question
is saved first (conversation.questions), and the reply is streamed into the history by
the ReplyRunner; a listener writes the answer to stdout as it comes, and a reasoning
model's thought to stderr when asked to. Ctrl-C stops the reply in progress: the signal
only sets the flag the token loop reads, so the reply ends the way Stop ends it in the
window (saved as stopped, with what was written) instead of being torn mid-write.
"""

from __future__ import annotations

import os
import secrets
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from chatapp.cli.common import Interrupts, for_terminal, is_terminal, note, plain
from chatapp.cli.model_choice import model_for
from chatapp.conversation.chat_settings import (
    chat_collections,
    chat_model_path,
    conversation_overrides,
    effective_settings,
)
from chatapp.conversation.questions import save_question
from chatapp.conversation.reply_runner import ReplyRequest, ReplyRunner
from chatapp.engine.llama_engine import GenerationStats
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel
from chatapp.engine.prompt_window import PromptPlan
from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes, format_elapsed
from chatapp.history.store import Conversation, HistoryNotFoundError, HistoryStore, Message
from chatapp.models import chat_model
from chatapp.paths import AppPaths
from chatapp.settings import Settings

__all__ = ["TerminalChat", "TerminalListener", "Turn", "TurnOutput", "chat_model_of",
           "chat_settings", "existing_chat", "load_chat_model", "open_model"]

_DIM, _UNDIM = "\x1b[2m", "\x1b[22m"




def load_chat_model(paths: AppPaths, settings: Settings, path: Path,
                    cancel: threading.Event, *, verbose: bool) -> LoadedModel:
    """Check, test-load and load the model as the engine thread does; stages on stderr."""
    chatty = verbose or is_terminal(sys.stderr)

    def on_stage(stage: str) -> None:
        if chatty:
            note(f"{path.name}: {stage}")

    # The window's cache of test-loaded models: a model it has test-loaded is not again.
    loaded = chat_model.load_chat_model(
        path, settings, probe_cache=ProbeCache(paths.probe_cache),
        chat_templates_dir=paths.chat_templates_dir, on_stage=on_stage, cancel=cancel,
        kv_state_dir=paths.kv_state_dir)
    if verbose:
        summary = loaded.summary()
        note(f"Loaded {summary.name} ({summary.architecture}, "
             f"{summary.quantization or 'unknown quantization'}, "
             f"{format_bytes(summary.file_size)}): context {summary.context_length:,} tokens "
             f"({summary.context_reason}), {summary.threads} threads.")
    return loaded


def open_model(paths: AppPaths, store: HistoryStore, defaults: Settings, *,
               name: str | None, chat_id: int | None, interrupts: Interrupts,
               verbose: bool) -> LoadedModel | None:
    """The model a chat uses (``name``, else its own, else the default), loaded with its
    settings; None when Ctrl-C cancelled the load."""
    model = model_for(paths, defaults, name, chat_model_of(store, chat_id))
    with interrupts.caught() as cancel:
        try:
            loaded = load_chat_model(paths, chat_settings(store, defaults, chat_id), model,
                                     cancel, verbose=verbose)
        except UserFacingError:
            if cancel.is_set():  # Ctrl-C reaches the test-load's child too, which fails
                return None
            raise
    if cancel.is_set():  # Ctrl-C as the load ended
        loaded.engine.close()
        return None
    return loaded


def existing_chat(store: HistoryStore, chat_id: int) -> Conversation:
    """The chat with this id; HistoryNotFoundError that says where ids are shown."""
    try:
        return store.get_conversation(chat_id)
    except HistoryNotFoundError as error:
        raise HistoryNotFoundError(f"There is no chat with the id {chat_id}. `chatapp list` "
                                   "shows the chats with their ids.", error.detail) from error


def chat_settings(store: HistoryStore, defaults: Settings, chat_id: int | None) -> Settings:
    """The settings a chat's replies use: the app's, with the chat's own changes."""
    if chat_id is None:
        return defaults
    return effective_settings(defaults, conversation_overrides(existing_chat(store, chat_id)))


def chat_model_of(store: HistoryStore, chat_id: int | None) -> Path | None:
    """The model a chat chose for itself, if any."""
    if chat_id is None:
        return None
    return chat_model_path(conversation_overrides(existing_chat(store, chat_id)))


@dataclass(frozen=True)
class TurnOutput:
    """Where a turn writes and what it shows besides the answer."""

    answer: TextIO  # stdout: the answer alone, so it can be piped
    messages: TextIO  # stderr: the thought, stats, notes
    show_thinking: bool = False
    show_stats: bool = False


@dataclass(frozen=True)
class Turn:
    conversation: Conversation
    reply: Message | None  # as saved: complete, stopped or failed (None: not saved)
    error: UserFacingError | None
    interrupted: bool  # Ctrl-C stopped it
    output_closed: bool  # whoever read stdout went away (e.g. `| head`)


class TerminalListener:
    """The ReplyRunner's listener: the answer to stdout as it streams."""

    def __init__(self, output: TurnOutput, stop: threading.Event) -> None:
        self._out = output
        self._stop = stop
        self._ends_line = True
        self._thinking = False
        self.finished: tuple[Message, GenerationStats] | None = None
        self.failed: tuple[UserFacingError, Message | None] | None = None
        self.output_closed = False

    def _write(self, stream: TextIO, text: str) -> None:
        if self.output_closed:
            return
        try:
            stream.write(for_terminal(text, stream))
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away: stop, keep the reply
            self.output_closed = True
            self._stop.set()
            _discard_output(stream)

    def reply_started(self, message: Message, plan: PromptPlan) -> None:
        if plan.dropped_messages and self._out.show_stats:
            note(f"(the {plan.dropped_messages:,} oldest messages of this chat no longer fit "
                 "in the model's context and were left out)")

    def reply_text(self, text: str) -> None:
        if self._thinking:
            self._end_thought()
        if text:
            self._write(self._out.answer, text)
            self._ends_line = text.endswith("\n")

    def reply_reasoning(self, text: str) -> None:
        if not self._out.show_thinking:
            return
        stream = self._out.messages
        dim = is_terminal(stream)
        if not self._thinking:
            self._thinking = True
            self._write(stream, f"{_DIM}Thinking: " if dim else "Thinking: ")
        self._write(stream, text)

    def _end_thought(self) -> None:
        self._thinking = False
        self._write(self._out.messages, f"{_UNDIM}\n" if is_terminal(self._out.messages)
                    else "\n")

    def reasoning_finished(self, seconds: float) -> None:
        if self._thinking:
            self._end_thought()
        if self._out.show_stats:
            note(f"(thought for {format_elapsed(seconds)})")

    def reply_finished(self, message: Message, stats: GenerationStats) -> None:
        self._close_answer()
        self.finished = (message, stats)

    def reply_failed(self, error: UserFacingError, message: Message | None) -> None:
        self._close_answer()
        self.failed = (error, message)

    def _close_answer(self) -> None:
        if self._thinking:
            self._end_thought()
        if not self._ends_line:
            self._write(self._out.answer, "\n")
            self._ends_line = True


def _discard_output(stream: TextIO) -> None:
    """Point a stream whose reader is gone at the null device, so that flushing it at
    exit does not fail again."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):  # not a real file: nothing is flushed to it at exit
        pass


class TerminalChat:
    """One loaded model answering in the terminal; questions go into the history."""

    def __init__(self, store: HistoryStore, loaded: LoadedModel, defaults: Settings,
                 output: TurnOutput, interrupts: Interrupts) -> None:
        self.store = store
        self.loaded = loaded
        self.defaults = defaults
        self.output = output
        self.interrupts = interrupts
        self._runner = ReplyRunner(store)
        self._told_documents: set[int] = set()

    def ask(self, chat_id: int | None, question: str) -> Turn:
        """Save the question (in a new chat when ``chat_id`` is None), stream the reply."""
        settings = chat_settings(self.store, self.defaults, chat_id)
        if chat_id is not None:
            self._tell_about_documents(chat_id)
        saved = save_question(self.store, chat_id, question)
        conversation = saved.conversation
        request = ReplyRequest(conversation.id, False, settings, secrets.randbits(31),
                               model_sha256=self.loaded.sha256)
        stop = self.interrupts.event
        stop.clear()
        listener = TerminalListener(self.output, stop)
        with self.interrupts.caught():
            # The runner never raises: every failure reaches the listener.
            self._runner.run(self.loaded.engine, request, listener, stop.is_set)
        interrupted = stop.is_set() and not listener.output_closed
        stop.clear()
        if listener.finished is not None:
            reply, stats = listener.finished
            if self.output.show_stats:
                self._say_stats(conversation, stats)
            return Turn(conversation, reply, None, interrupted, listener.output_closed)
        error, failed = listener.failed if listener.failed is not None else (None, None)
        return Turn(conversation, failed, error, interrupted, listener.output_closed)

    def _tell_about_documents(self, chat_id: int) -> None:
        """Say once that a chat's Local documents are not searched here (answered without
        them, not silently differently)."""
        overrides = conversation_overrides(existing_chat(self.store, chat_id))
        if chat_collections(overrides) and chat_id not in self._told_documents:
            self._told_documents.add(chat_id)
            note("(This chat uses Local documents, which the command line does not search: "
                 "the answer draws on the chat alone. The window searches them.)")

    def _say_stats(self, conversation: Conversation, stats: GenerationStats) -> None:
        speed = f", {stats.tokens_per_s:.1f} tokens/s" if stats.tokens_per_s else ""
        ended = {"length": " · cut at the reply length limit",
                 "stopped": " · stopped",
                 "context_full": " · the context is full"}.get(stats.stop_reason, "")
        note(f"({stats.generated_tokens:,} tokens{speed}, first after "
             f"{format_elapsed(stats.ttft_s)} · {self.loaded.engine.model_path.name} · "
             f"chat {conversation.id}: {plain(conversation.title)}{ended})")
