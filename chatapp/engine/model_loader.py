"""Loading a model file safely: check the file, test-load it apart, then load it here.

Every step turns what can go wrong into a ModelLoadError whose message the user reads.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from chatapp.engine.context_policy import (
    ContextChoice,
    ModelShape,
    choose_context_length,
    choose_threads,
    kv_bytes_per_token,
)
from chatapp.engine.errors import LoadCancelledError, ModelLoadError
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings
from chatapp.engine.load_probe import ProbeCache, probe_model
from chatapp.gguf.inspect import GgufError, GgufInfo, NotFirstSplitError, inspect_gguf
from chatapp.gguf.model_role import ModelRole, model_role
from chatapp.gguf.split_files import model_files
from chatapp.hardware import Hardware
from chatapp.i18n import translate
from chatapp.reasoning.formats import NO_CONTROL, ReasoningSyntax, ThinkingControl
from chatapp.vocabulary import KvCacheType

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LoadedModel:
    engine: LlamaEngine
    info: GgufInfo
    sha256: str
    context: ContextChoice
    threads: int
    threads_batch: int

    def summary(self) -> ModelSummary:
        return ModelSummary(
            path=self.engine.model_path,
            # The file name, not general.name: it is what the user downloaded and sees in
            # the models folder, and it names the quantization.
            name=self.engine.model_path.stem,
            architecture=self.info.architecture,
            quantization=self.info.quantization,
            parameter_count=self.info.parameter_count,
            file_size=self.engine.model_path.stat().st_size,
            context_length=self.engine.context_length,
            context_reason=self.context.reason,
            trained_context=self.info.context_length,
            threads=self.threads,
            threads_batch=self.threads_batch,
            chat_template=self.engine.template.source
            + (" (your custom template)" if self.engine.custom_template else ""),
            reasoning=self.engine.reasoning_syntax,
            thinking=self.engine.thinking_control,
            kv_cache_type=self.engine.settings.kv_cache_type,
            kv_bytes_per_token=model_shape(self.info,
                                           self.engine.settings.kv_cache_type).kv_bytes_per_token,
        )


@dataclass(frozen=True)
class ModelSummary:
    """What the UI shows of a loaded model (the engine itself stays on its thread)."""

    path: Path
    name: str
    architecture: str
    quantization: str | None
    parameter_count: int
    file_size: int
    context_length: int
    context_reason: str
    trained_context: int | None
    threads: int
    threads_batch: int
    chat_template: str
    reasoning: ReasoningSyntax = ReasoningSyntax.NONE  # how it marks its thinking
    thinking: ThinkingControl = NO_CONTROL  # the per-chat switch its template offers
    kv_cache_type: KvCacheType = KvCacheType.F16
    kv_bytes_per_token: int | None = None  # its context memory per token (None: unknown)


def check_model_file(path: Path) -> GgufInfo:
    """The GGUF header, validated; ModelLoadError with a clear message otherwise."""
    if not path.is_file():
        raise ModelLoadError(translate("Engine", "The model file {path} does not exist (any "
                                       "more). Choose another model.").format(path=path))
    try:
        info = inspect_gguf(path)
        # llama.cpp opens a split model's other parts itself: check them as well.
        for part in model_files(path)[1:]:
            if not part.is_file():
                raise ModelLoadError(translate(
                    "Engine", "{name} is one part of a model split into several files, and "
                    "{part} is missing. Download the model again.").format(name=path.name,
                                                                          part=part.name))
            # NotFirstSplitError: a later part, structurally sound.
            with contextlib.suppress(NotFirstSplitError):
                inspect_gguf(part)
    except GgufError as error:
        raise ModelLoadError(translate("Engine", "Cannot load {name}. {problem}").format(
                                 name=path.name, problem=error.user_message),
                             detail=error.detail) from error
    except OSError as error:
        raise ModelLoadError(translate("Engine", "{name} cannot be read: {reason}.").format(
                                 name=path.name, reason=error.strerror or error),
                             detail=str(error)) from error
    return info


def model_shape(info: GgufInfo, kv_cache_type: KvCacheType = KvCacheType.F16) -> ModelShape:
    f16_per_token = info.kv_cache_bytes_per_token()
    return ModelShape(
        weights_bytes=info.tensor_data_bytes,
        trained_context=info.context_length,
        kv_bytes_per_token=None if f16_per_token is None
        else kv_bytes_per_token(f16_per_token, kv_cache_type),
    )


def load_model(
    path: Path,
    *,
    requested_context: int,
    requested_threads: int,
    hardware: Hardware,
    probe_cache: ProbeCache,
    on_stage: Callable[[str], None] = lambda _stage: None,
    cancel: threading.Event | None = None,
    chat_template: str | None = None,
    kv_cache_type: KvCacheType = KvCacheType.F16,
) -> LoadedModel:
    """Check, probe and load ``path``; LoadCancelledError at the next step once cancelled.

    A cancel stops the probe's child process at once and aborts llama.cpp's load of the
    weights midway, so quitting never waits for a load. ``chat_template`` is the user's
    template for this model (None: the model's own). The context is chosen for the KV cache
    ``kv_cache_type`` keeps: a quantized cache fits more tokens in the same memory.
    """
    def check_cancel() -> None:
        if cancel is not None and cancel.is_set():
            raise LoadCancelledError(translate("Engine", "Loading {name} was cancelled.").format(
                                         name=path.name),
                                     detail="load cancelled")

    check_cancel()
    on_stage(translate("Engine", "Checking the model file…"))
    info = check_model_file(path)
    role = model_role(info)
    if role is not ModelRole.CHAT:
        if role is ModelRole.EMBEDDING:
            message = translate("Engine", "{name} is an embedding model: it turns text into "
                                "vectors for Local documents, and cannot chat. Choose a chat "
                                "model.")
        else:
            message = translate("Engine", "{name} is a reranking model, and cannot chat. Choose "
                                "a chat model.")
        raise ModelLoadError(message.format(name=path.name),
                             detail=f"architecture {info.architecture}, role {role.value}")
    check_cancel()
    on_stage(translate("Engine", "Test-loading the model…"))
    sha256 = probe_model(path, probe_cache, cancel=cancel)
    context = choose_context_length(model_shape(info, kv_cache_type), requested_context,
                                    hardware)
    threads, threads_batch = choose_threads(requested_threads, hardware)
    check_cancel()
    on_stage(translate("Engine", "Loading the model…"))
    log.info("Loading %s: context %d (%s), KV cache %s, threads %d/%d", path.name,
             context.context_length, context.reason, kv_cache_type, threads, threads_batch)
    engine = LlamaEngine(path, LoadSettings(context_length=context.context_length,
                                            threads=threads, threads_batch=threads_batch,
                                            chat_template=chat_template,
                                            kv_cache_type=kv_cache_type),
                         cancel=cancel)
    return LoadedModel(engine, info, sha256, context, threads, threads_batch)
