"""A loaded model and the token loop that streams its replies.

llama-cpp-python loads the model and tokenizes; the generation loop is ours, written
against llama.cpp's C API, because the library's own completion path re-detokenizes the
whole reply on every token (quadratic) and copies logits around in Python. Here each
token costs one native sample, one native decode and one piece lookup, and the stop
flag is checked between tokens.

The tokens whose keys and values sit in the KV cache are remembered, so a follow-up
prompt that starts with the same tokens (the earlier turns, rendered the same way)
evaluates only what is new.

The states of chats left for another are kept in a KvStateStore (when given one): going
back to a chat restores its KV entries instead of evaluating its history again.

A chat is tokenized so that only the template's markup becomes control tokens: what
people write stays text however it looks (chat_template, prompt_tokens).
"""

from __future__ import annotations

import codecs
import ctypes
import logging
import math
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import llama_cpp
from llama_cpp import Llama

from chatapp.engine import native_log
from chatapp.engine.backend_loading import ensure_backends_loaded
from chatapp.engine.chat_template import ChatMessage, ChatTemplate
from chatapp.engine.errors import EngineError, LoadCancelledError, ModelLoadError
from chatapp.engine.kv_state_store import (
    KvStateStore,
    SavedState,
    StateBlob,
    StateKey,
    shared_prefix,
    state_buffer,
)
from chatapp.engine.prompt_tokens import PromptTokenizer, SpecialTokens
from chatapp.engine.token_buffer import TokenBuffer
from chatapp.errors import UserFacingError
from chatapp.i18n import format_number, translate
from chatapp.reasoning.formats import (
    THINKING_VARIABLES,
    ReasoningSyntax,
    ReplyFormat,
    ThinkingControl,
    detect_control,
    detect_syntax,
    starts_in_reasoning,
)
from chatapp.vocabulary import KvCacheType

log = logging.getLogger(__name__)

_GGML_CACHE_TYPES = {KvCacheType.F16: llama_cpp.GGML_TYPE_F16,
                     KvCacheType.Q8_0: llama_cpp.GGML_TYPE_Q8_0,
                     KvCacheType.Q4_0: llama_cpp.GGML_TYPE_Q4_0}


def ggml_cache_type(kv_type: KvCacheType) -> int:
    """llama.cpp's type_k/type_v for a KV cache type."""
    return _GGML_CACHE_TYPES[kv_type]


def needs_flash_attention(kv_type: KvCacheType) -> bool:
    """llama.cpp keeps a quantized V cache only with flash attention."""
    return kv_type is not KvCacheType.F16

# Recent tokens the repeat penalty looks at (llama.cpp's default).
PENALTY_LAST_N = 64

# A state shorter than this is cheaper to evaluate again than to keep.
MIN_SAVED_TOKENS = 64
# A saved state replaces the cache only if it spares at least this many more tokens.
RESTORE_MARGIN = 16


@dataclass(frozen=True)
class LoadSettings:
    context_length: int
    threads: int
    threads_batch: int
    batch_size: int = 512
    use_mmap: bool = True
    chat_template: str | None = None  # the user's template for this model (None: its own)
    kv_cache_type: KvCacheType = KvCacheType.F16


@dataclass(frozen=True)
class Sampling:
    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    max_tokens: int = 1024
    seed: int = 0xC0FFEE
    # For benchmarks: keep generating past end-of-sequence up to max_tokens.
    ignore_eos: bool = False
    # A GBNF grammar (llama.cpp's grammar sampler): the model can write only what it allows.
    grammar: str | None = None


@dataclass(frozen=True)
class Steer:
    """What the listener of a token wants next (None from the listener: go on)."""

    stop: str | None = None  # end the reply, with this stop reason ("length", "eos" ...)
    # Markup to put into the model's context as if it had written it (e.g. "</think>"
    # when the thinking budget is spent); tokenized with special tokens, not shown.
    inject: str = ""


@dataclass(frozen=True)
class GenerationStats:
    prompt_tokens: int  # the whole prompt
    evaluated_prompt_tokens: int  # what was not already in the KV cache
    generated_tokens: int
    ttft_s: float  # from the request to the first sampled token
    prompt_eval_s: float
    generation_s: float  # from the first sampled token to the last
    stop_reason: str  # "eos", "length", "stopped", "context_full"

    @property
    def tokens_per_s(self) -> float | None:
        if self.generated_tokens < 2 or self.generation_s <= 0:
            return None
        # n tokens take n-1 decodes after the first one is sampled.
        return (self.generated_tokens - 1) / self.generation_s

    @property
    def prompt_tokens_per_s(self) -> float | None:
        if self.evaluated_prompt_tokens == 0 or self.prompt_eval_s <= 0:
            return None
        return self.evaluated_prompt_tokens / self.prompt_eval_s


class LlamaEngine:
    """One model in memory with one context. Use from a single thread."""

    def __init__(
        self,
        model_path: Path,
        settings: LoadSettings,
        *,
        cancel: threading.Event | None = None,
        on_progress: Callable[[float], None] | None = None,
    ) -> None:
        """Load the model; LoadCancelledError (nothing stays loaded) once ``cancel`` is set.

        ``on_progress`` receives llama.cpp's load progress (0 to 1), on this thread.
        """
        if cancel is not None and cancel.is_set():
            raise _cancelled(model_path)
        ensure_backends_loaded()  # a portable build loads its CPU variant first
        native_log.install()
        native_log.take_recent_problems()
        self.model_path = model_path
        self.settings = settings
        progress = _LoadProgress(cancel, on_progress)
        try:
            self._llama = _ProgressLlama(
                progress_callback=progress.callback,
                model_path=str(model_path),
                n_ctx=settings.context_length,
                n_batch=settings.batch_size,
                n_ubatch=settings.batch_size,
                n_threads=settings.threads,
                n_threads_batch=settings.threads_batch,
                use_mmap=settings.use_mmap,
                n_gpu_layers=0,
                logits_all=False,
                verbose=False,
                type_k=ggml_cache_type(settings.kv_cache_type),
                type_v=ggml_cache_type(settings.kv_cache_type),
                flash_attn=needs_flash_attention(settings.kv_cache_type),
            )
        except (ValueError, RuntimeError, OSError) as error:
            problems = native_log.take_recent_problems()
            if progress.cancelled:
                raise _cancelled(model_path) from error
            raise ModelLoadError(_load_failure_message(model_path, problems),
                                 detail="; ".join([str(error), *problems])) from error
        if progress.calls == 0:
            # llama.cpp reports progress at least once per load: the hook is not in place
            # (a llama-cpp-python upgrade?), so a load cannot be cancelled midway.
            log.warning("llama.cpp did not report load progress; loads cannot be cancelled")
        try:
            if cancel is not None and cancel.is_set():
                # Set after the weights were in: the context was still being made.
                raise _cancelled(model_path)
            self._set_up()
        except BaseException:
            self._llama.close()  # free the weights now, not whenever the GC runs
            raise

    def _set_up(self) -> None:
        """Everything after llama.cpp's load: the context's handles, template, tokenizer."""
        self._ctx = self._llama._ctx.ctx
        self._vocab = llama_cpp.llama_model_get_vocab(self._llama._model.model)
        self._memory = llama_cpp.llama_get_memory(self._ctx)
        self._cached: list[int] = []  # tokens whose KV entries are in the cache, in order
        self._state_store: KvStateStore | None = None
        self._cache_kept = False  # the store holds the cache's state as it is now
        # A state buffer no longer needed (an earlier turn's, or one restored), reused for
        # the next save: fresh memory of a state's size costs more in page faults than
        # llama.cpp takes to fill it.
        self._spare: StateBlob | None = None
        self._one_token = (llama_cpp.llama_token * 1)()
        self._piece = ctypes.create_string_buffer(256)
        self._tokens = TokenBuffer(self._vocab)
        self._add_bos = bool(llama_cpp.llama_vocab_get_add_bos(self._vocab))
        self._bos = int(llama_cpp.llama_vocab_bos(self._vocab))
        self._n_vocab = int(llama_cpp.llama_vocab_n_tokens(self._vocab))
        metadata = self._llama.metadata
        # Read once per model: scanning the vocabulary costs a call per token.
        self.special_tokens = SpecialTokens.from_vocab(self._vocab)
        self.use_chat_template(self.settings.chat_template)
        self.name = metadata.get("general.name") or self.model_path.stem

    def use_chat_template(self, override: str | None) -> None:
        """Render chats with ``override`` (the user's template), or None: the model's own."""
        special_texts = {token.text for token in self.special_tokens.tokens}
        self.template = ChatTemplate(
            override if override is not None
            else self._llama.metadata.get("tokenizer.chat_template"),
            bos_token=self._token_text(self._bos),
            eos_token=self._token_text(int(llama_cpp.llama_vocab_eos(self._vocab))),
            # Without a template, ChatML only if the vocabulary was made for it.
            chatml_vocab={"<|im_start|>", "<|im_end|>"} <= special_texts,
        )
        self.custom_template = override is not None
        self._prompt_tokenizer = PromptTokenizer(self.special_tokens, self.tokenize_text,
                                                 self.template.sample_markup())
        # What the template decides is decided again.
        for derived in ("reasoning_syntax", "thinking_control"):
            self.__dict__.pop(derived, None)

    # -- facts -------------------------------------------------------------------------

    @property
    def context_length(self) -> int:
        return int(llama_cpp.llama_n_ctx(self._ctx))

    def kv_state_bytes(self) -> int:
        """The size of llama.cpp's serialized state of the cached tokens (their K and V
        entries in the cache's type): what keeping this chat costs."""
        return int(llama_cpp.llama_state_seq_get_size(self._ctx, 0))

    @property
    def cached_tokens(self) -> int:
        return len(self._cached)

    @property
    def llama_model(self) -> object:
        """llama.cpp's model handle: another context on these weights (batched
        generation) shares them instead of loading them again."""
        return self._llama._model.model

    @property
    def vocab(self) -> object:
        return self._vocab

    @cached_property
    def reasoning_syntax(self) -> ReasoningSyntax:
        """How this model marks its thinking (ReasoningSyntax.NONE: it does not think)."""
        vocabulary = {token.text for token in self.special_tokens.tokens}
        return detect_syntax(self.template.template_source, vocabulary)

    @cached_property
    def thinking_control(self) -> ThinkingControl:
        """The per-chat thinking switch the model's template offers, if any."""
        variables = {name for name in THINKING_VARIABLES if self.template.reads(name)}
        return detect_control(self.reasoning_syntax, variables)

    def reply_format(self, options: Mapping[str, object] | None = None) -> ReplyFormat:
        """What the reply parser needs for a reply rendered with these template options."""
        syntax = self.reasoning_syntax
        try:
            generation_prompt = self.template.generation_prompt(options)
            end_markers = self.template.end_markers(options)
        except UserFacingError:
            generation_prompt, end_markers = "", ()  # the turn's own render says why
        if syntax is ReasoningSyntax.HARMONY:
            end_markers = ()  # harmony's <|end|> closes a message, not the reply
        return ReplyFormat(syntax, starts_in_reasoning(syntax, generation_prompt),
                           tuple(end_markers))

    def state_key(self, model_sha256: str) -> StateKey:
        """What this context's saved states are valid for (the model is ``model_sha256``)."""
        return StateKey(model_sha256, self.context_length, self.settings.kv_cache_type.value,
                        llama_cpp.__version__)

    def use_state_store(self, store: KvStateStore | None) -> None:
        """Keep the states of chats left for another in ``store`` (None: forget them)."""
        self._state_store = store

    @property
    def state_store(self) -> KvStateStore | None:
        return self._state_store

    def set_threads(self, threads: int, threads_batch: int) -> None:
        llama_cpp.llama_set_n_threads(self._ctx, threads, threads_batch)

    # -- text <-> tokens ---------------------------------------------------------------

    def tokenize(self, text: str) -> list[int]:
        """Tokenize prompt text in which special tokens' texts are meant as those tokens.

        Only for text the app itself wrote: a chat goes through tokenize_chat.
        """
        return self._with_bos(self._tokenize_bytes(text.encode("utf-8"), special=True))

    def tokenize_text(self, text: str) -> list[int]:
        """Tokenize text as text: no special token is parsed from it, and no BOS added."""
        return self._tokenize_bytes(text.encode("utf-8"), special=False)

    def tokenize_chat(self, messages: Sequence[ChatMessage], *,
                      options: Mapping[str, object] | None = None,
                      continue_final: bool = False) -> list[int]:
        """The prompt for ``messages``: markup from the template, each text as text.

        ``options`` are the template's own variables (``enable_thinking``, ...). Raises
        TemplateRenderError when the template cannot render the conversation.
        """
        rendered = self.template.render_parts(messages, options, continue_final=continue_final)
        return self._with_bos(self._prompt_tokenizer.tokenize(rendered.parts, rendered.messages))

    def _with_bos(self, tokens: list[int]) -> list[int]:
        # Templates usually write the BOS token themselves; add it only where missing.
        if self._add_bos and self._bos >= 0 and (not tokens or tokens[0] != self._bos):
            tokens.insert(0, self._bos)
        return tokens

    def _tokenize_bytes(self, data: bytes, special: bool) -> list[int]:
        if not data:
            return []
        return self._tokens.tokenize(data, add_special=False, parse_special=special)

    def detokenize(self, tokens: Sequence[int]) -> str:
        """The text ``tokens`` spell, special tokens written out as their text."""
        data = b"".join(self.token_bytes(token, special=True) for token in tokens)
        return data.decode("utf-8", errors="replace")

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self.token_bytes(token, special=True).decode("utf-8", errors="replace")

    def token_bytes(self, token: int, special: bool = False) -> bytes:
        n = llama_cpp.llama_token_to_piece(self._vocab, token, self._piece,
                                           len(self._piece), 0, special)
        if n < 0:  # longer than the buffer: grow it once and retry
            self._piece = ctypes.create_string_buffer(-n)
            n = llama_cpp.llama_token_to_piece(self._vocab, token, self._piece,
                                               len(self._piece), 0, special)
        return self._piece.raw[:n]

    # -- generation --------------------------------------------------------------------

    def special_token_ids(self, texts: Iterable[str]) -> frozenset[int]:
        """The special tokens spelled exactly as one of ``texts``."""
        wanted = set(texts)
        return frozenset(token.id for token in self.special_tokens.tokens
                         if token.text in wanted)

    def generate(
        self,
        prompt: Sequence[int],
        sampling: Sampling,
        on_text: Callable[[str], Steer | None],
        should_stop: Callable[[], bool],
        *,
        shown_specials: Collection[int] = (),
    ) -> GenerationStats:
        """Stream a reply to ``prompt``; ``on_text`` receives each token's text ("" for a
        token with none, or whose bytes end in an unfinished character) and may steer.

        Control tokens have no text, except those in ``shown_specials``: the markup a
        reply parser must see (a "<think>" or harmony's "<|channel|>" that is a control
        token in some vocabularies).
        """
        started = time.perf_counter()
        n_ctx = self.context_length
        if not prompt:
            raise EngineError(translate("Engine", "There is nothing to answer."))
        if len(prompt) >= n_ctx:
            raise EngineError(translate(
                "Engine", "The prompt ({tokens} tokens) does not fit the context ({context} "
                "tokens).").format(tokens=format_number(len(prompt)),
                                   context=format_number(n_ctx)))
        self._switch_state(prompt)
        self._cache_kept = False  # the prompt and the reply change it
        reused = self._reuse_prefix(prompt)
        sampler, grammar = self.make_sampler(sampling, prompt)
        shown = frozenset(shown_specials)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        generated = 0
        stop_reason = "length"
        first_token_at: float | None = None
        prompt_done = started
        try:
            # Stop counts while the prompt is read too: before each batch, and once more
            # before the first token is sampled.
            if not self._decode(prompt[reused:], should_stop) or should_stop():
                elapsed = time.perf_counter() - started
                return GenerationStats(len(prompt), len(self._cached) - reused, 0,
                                       elapsed, elapsed, 0.0, "stopped")
            prompt_done = time.perf_counter()
            while True:
                token = llama_cpp.llama_sampler_sample(sampler, self._ctx, -1)
                if first_token_at is None:
                    first_token_at = time.perf_counter()
                end = bool(llama_cpp.llama_vocab_is_eog(self._vocab, token))
                if end and not sampling.ignore_eos:
                    stop_reason = "eos"
                    break
                generated += 1
                # Past an end (ignore_eos) the end marker stays unseen: a reply parser
                # that saw it would end the reply there.
                steer = on_text(decoder.decode(self.token_bytes(token,
                                                                token in shown and not end)))
                if steer is not None and steer.stop:
                    stop_reason = steer.stop
                    break
                if generated >= sampling.max_tokens:
                    stop_reason = "length"
                    break
                if len(self._cached) + 1 >= n_ctx:
                    stop_reason = "context_full"
                    break
                if should_stop():
                    stop_reason = "stopped"
                    break
                self._one_token[0] = token
                self._decode_batch(self._one_token, 1)
                self._cached.append(token)
                if steer is not None and steer.inject:
                    refused = self._inject(steer.inject, sampler, grammar, n_ctx)
                    if refused:
                        stop_reason = refused
                        break
        finally:
            llama_cpp.llama_sampler_free(sampler)
        tail = decoder.decode(b"", final=True)
        if tail:
            on_text(tail)
        ended = time.perf_counter()
        first = first_token_at if first_token_at is not None else ended
        return GenerationStats(
            prompt_tokens=len(prompt),
            evaluated_prompt_tokens=len(prompt) - reused,
            generated_tokens=generated,
            ttft_s=first - started,
            prompt_eval_s=prompt_done - started,
            generation_s=ended - first,
            stop_reason=stop_reason,
        )

    def _inject(self, markup: str, sampler: object, grammar: object | None,
                n_ctx: int) -> str | None:
        """Evaluate markup as the model's own next tokens; the stop reason if it cannot be."""
        tokens = self._tokenize_bytes(markup.encode("utf-8"), special=True)
        if len(self._cached) + len(tokens) + 1 >= n_ctx:
            return "context_full"
        if grammar is not None and not _grammar_allows(grammar, tokens):
            # llama.cpp aborts the process when a grammar is made to accept a token it
            # forbids: a reply whose grammar has no room for the markup ends here.
            log.warning("The reply's grammar does not allow %r here; the reply ends", markup)
            return "length"
        for token in tokens:
            llama_cpp.llama_sampler_accept(sampler, token)  # penalties and grammar see it
        array = (llama_cpp.llama_token * len(tokens))(*tokens)
        self._decode_batch(array, len(tokens))
        self._cached.extend(tokens)
        return None

    def _switch_state(self, prompt: Sequence[int]) -> None:
        """Before a prompt that leaves most of the cache (another chat): keep the cache's
        state in the store, and restore the saved state that shares most with ``prompt``."""
        store = self._state_store
        if store is None:
            return
        common = shared_prefix(self._cached, prompt)
        found = store.take_best(prompt, more_than=common + RESTORE_MARGIN)
        leaving = common < len(self._cached) // 2
        if found is not None or leaving:
            self._keep_state(store, in_memory_only=False)
        if found is not None:
            self._restore_state(found)

    def remember_state(self) -> None:
        """Keep the cache's state in the store now (the engine thread calls this after a
        reply, while the user reads): going to another chat then only restores its state.
        Nothing to do if it is kept already or too short to be worth keeping."""
        if self._state_store is not None:
            self._keep_state(self._state_store, in_memory_only=True)

    def _keep_state(self, store: KvStateStore, *, in_memory_only: bool) -> None:
        if self._cache_kept or len(self._cached) < MIN_SAVED_TOKENS:
            return
        if in_memory_only and self.kv_state_bytes() > store.memory_budget:
            return  # it would be written to disk after every reply: kept when left instead
        state = self._save_state()
        if state is not None:
            self._spare = max(store.put(state.tokens, state.blob), key=len, default=None)
            self._cache_kept = True

    def _save_state(self) -> SavedState | None:
        """The cache's state (seq 0) as llama.cpp serializes it; None if it cannot be."""
        size = self.kv_state_bytes()
        if size <= 0:
            return None
        blob = state_buffer(size, reuse=self._spare)
        self._spare = None
        written = llama_cpp.llama_state_seq_get_data(
            self._ctx, (ctypes.c_uint8 * size).from_buffer(blob), size, 0)
        if written != size:
            log.warning("llama.cpp wrote %d of %d bytes of the chat's state; not kept",
                        written, size)
            return None
        return SavedState(tuple(self._cached), blob)

    def _restore_state(self, state: SavedState) -> None:
        """Put a saved state in the cache; on failure the cache is empty (and the prompt
        is evaluated whole)."""
        llama_cpp.llama_memory_clear(self._memory, True)
        self._cached.clear()
        size = len(state.blob)
        read = llama_cpp.llama_state_seq_set_data(
            self._ctx, (ctypes.c_uint8 * size).from_buffer(state.blob), size, 0)
        last = llama_cpp.llama_memory_seq_pos_max(self._memory, 0)
        if read == 0 or last != len(state.tokens) - 1:
            # 0: llama.cpp refused the state; a wrong length: it is not what was saved.
            log.warning("A saved chat state could not be restored (read %d bytes, last "
                        "position %d for %d tokens); the prompt is evaluated instead",
                        read, last, len(state.tokens))
            llama_cpp.llama_memory_clear(self._memory, True)
            return
        self._cached.extend(state.tokens)
        self._spare = state.blob  # the cache holds it now

    def save_state_to_disk(self) -> bool:
        """Write the cache's state to the store's folder (at quit or unload), so the chat
        resumes from disk after a restart; False if there is nothing worth keeping."""
        store = self._state_store
        if store is None or len(self._cached) < MIN_SAVED_TOKENS:
            return False
        state = self._save_state()
        return state is not None and store.spill(state.tokens, state.blob)

    def _reuse_prefix(self, prompt: Sequence[int]) -> int:
        """Keep the cached tokens shared with ``prompt``; return how many."""
        common = shared_prefix(self._cached, prompt)
        # The last prompt token is always evaluated again: its logits pick the first token.
        common = min(common, len(prompt) - 1)
        if common < len(self._cached):
            if not llama_cpp.llama_memory_seq_rm(self._memory, -1, common, -1):
                # Some memory types (recurrent models) cannot drop a tail: start over.
                llama_cpp.llama_memory_clear(self._memory, True)
                common = 0
            del self._cached[common:]
        return common

    def _decode(self, tokens: Sequence[int], should_stop: Callable[[], bool]) -> bool:
        """Evaluate tokens in batches; False if stopped before one."""
        step = self.settings.batch_size
        for start in range(0, len(tokens), step):
            if should_stop():
                return False
            chunk = tokens[start:start + step]
            array = (llama_cpp.llama_token * len(chunk))(*chunk)
            self._decode_batch(array, len(chunk))
            self._cached.extend(chunk)
        return True

    def _decode_batch(self, array: ctypes.Array[ctypes.c_int32], n: int) -> None:
        batch = llama_cpp.llama_batch_get_one(array, n)
        result = llama_cpp.llama_decode(self._ctx, batch)
        if result != 0:
            # The cache may now hold part of the batch: forget it rather than guess.
            llama_cpp.llama_memory_clear(self._memory, True)
            self._cached.clear()
            raise EngineError(
                translate("Engine", "The model could not process the text (llama.cpp error "
                          "{code}). Try a shorter message or a new chat.").format(code=result),
                detail="; ".join(native_log.take_recent_problems()),
            )

    def make_sampler(self, sampling: Sampling,
                     prompt: Sequence[int]) -> tuple[object, object | None]:
        """The sampler chain, and the grammar sampler in it (if any); the caller frees
        the chain (llama_sampler_free)."""
        params = llama_cpp.llama_sampler_chain_default_params()
        params.no_perf = True
        chain = llama_cpp.llama_sampler_chain_init(params)
        add = llama_cpp.llama_sampler_chain_add
        grammar = None
        if sampling.grammar is not None:
            grammar = llama_cpp.llama_sampler_init_grammar(
                self._vocab, sampling.grammar.encode("utf-8"), b"root")
            if not grammar:
                llama_cpp.llama_sampler_free(chain)
                raise EngineError(translate("Engine", "The grammar for this reply is not valid."),
                                  detail="; ".join(native_log.take_recent_problems()))
            add(chain, grammar)
        penalties = llama_cpp.llama_sampler_init_penalties(
            self._n_vocab, PENALTY_LAST_N, sampling.repeat_penalty, 0.0, 0.0)
        add(chain, penalties)
        if sampling.temperature <= 0:
            add(chain, llama_cpp.llama_sampler_init_greedy())
        else:
            add(chain, llama_cpp.llama_sampler_init_top_k(sampling.top_k))
            add(chain, llama_cpp.llama_sampler_init_top_p(sampling.top_p, 1))
            add(chain, llama_cpp.llama_sampler_init_min_p(sampling.min_p, 1))
            add(chain, llama_cpp.llama_sampler_init_temp(sampling.temperature))
            add(chain, llama_cpp.llama_sampler_init_dist(sampling.seed))
        # The repeat penalty sees the end of the prompt too, as in llama.cpp's own tools
        # (the penalties alone: a grammar constrains the reply, not the prompt).
        for token in prompt[-PENALTY_LAST_N:]:
            llama_cpp.llama_sampler_accept(penalties, token)
        return chain, grammar

    def close(self, *, keep_state: bool = False) -> None:
        """Free the model; with ``keep_state``, first write the cache's state to disk."""
        if keep_state:
            try:
                self.save_state_to_disk()
            except Exception:  # the model must be freed whatever happens to the state
                log.exception("Saving the chat's state at close failed")
        self._cached.clear()
        self._spare = None
        self._llama.close()


def _grammar_allows(grammar: object, tokens: Sequence[int]) -> bool:
    """Whether the grammar, in its present state, accepts ``tokens`` in turn (checked on a
    copy, so its state is unchanged)."""
    trial = llama_cpp.llama_sampler_clone(grammar)
    try:
        for token in tokens:
            candidate = (llama_cpp.llama_token_data * 1)()
            candidate[0].id = llama_cpp.llama_token(token)
            candidate[0].logit, candidate[0].p = 0.0, 0.0
            array = llama_cpp.llama_token_data_array(data=candidate, size=1, selected=-1,
                                                     sorted=False)
            llama_cpp.llama_sampler_apply(trial, ctypes.byref(array))
            if not math.isfinite(candidate[0].logit):  # a forbidden token gets -inf
                return False
            llama_cpp.llama_sampler_accept(trial, token)
        return True
    finally:
        llama_cpp.llama_sampler_free(trial)


class _LoadProgress:
    """llama.cpp's load-progress callback: reports progress, aborts once cancelled."""

    def __init__(self, cancel: threading.Event | None,
                 on_progress: Callable[[float], None] | None) -> None:
        self.calls = 0
        self.cancelled = False
        self._cancel = cancel
        self._on_progress = on_progress
        # Kept here: C holds only the pointer, which must outlive the load.
        self.callback = llama_cpp.llama_progress_callback(self._report)

    def _report(self, progress: float, _user_data: ctypes.c_void_p) -> bool:
        # Runs inside llama.cpp on the loading thread: it must not raise into C.
        self.calls += 1
        if self._on_progress is not None:
            try:
                self._on_progress(progress)
            except Exception:  # a progress display must not break a load
                log.exception("The load progress listener failed")
        if self._cancel is not None and self._cancel.is_set():
            self.cancelled = True
        return not self.cancelled  # false: llama.cpp stops loading and frees the model


class _ProgressLlama(Llama):
    """llama-cpp-python's Llama, with a load-progress callback in its model params.

    llama.cpp aborts a model load when ``llama_model_params.progress_callback`` returns
    false, but llama-cpp-python 0.3.36's ``Llama.__init__`` makes the params itself and
    loads the model in the same call, without a parameter for it. It does assign the
    params to ``self.model_params`` before loading; this property sees the assignment and
    adds the callback to this one instance's params. Nothing global is patched (wrapping
    ``llama_model_default_params`` would reach every Llama the process makes, and need a
    lock). If an upgrade stops assigning the attribute, the callback never runs: the
    engine logs it, and tests/unit/engine/test_load_cancel.py fails.
    """

    def __init__(self, *, progress_callback: object, **kwargs: Any) -> None:
        self._progress_callback = progress_callback
        super().__init__(**kwargs)

    @property
    def model_params(self) -> Any:
        return self._model_params

    @model_params.setter
    def model_params(self, params: Any) -> None:
        params.progress_callback = self._progress_callback
        params.progress_callback_user_data = None
        self._model_params = params


def _cancelled(path: Path) -> LoadCancelledError:
    return LoadCancelledError(
        translate("Engine", "Loading {name} was cancelled.").format(name=path.name),
        detail="load cancelled")


def _load_failure_message(path: Path, problems: list[str]) -> str:
    text = " ".join(problems).lower()
    if "unknown model architecture" in text:
        return translate("Engine", "{name} uses a model architecture this version of chatapp's "
                         "engine cannot run. Update chatapp, or choose another model.").format(
                             name=path.name)
    if "failed to allocate" in text or "out of memory" in text:
        return translate("Engine", "There is not enough memory to load {name}. Close other "
                         "programs, lower the context length in Settings, or choose a smaller "
                         "model.").format(name=path.name)
    if problems:
        return translate("Engine", "{name} could not be loaded: the engine rejected it "
                         "({problem}). The file may be damaged or of a kind chatapp cannot run; "
                         "download it again or choose another model.").format(
                             name=path.name, problem=problems[-1])
    return translate("Engine", "{name} could not be loaded: the engine rejected it. The file may "
                     "be damaged or of a kind chatapp cannot run; download it again or choose "
                     "another model.").format(name=path.name)
