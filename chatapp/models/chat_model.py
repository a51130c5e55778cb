"""Loading a chat model as the user set it up: one call for the window, the API server's
host and the command line, so they all load a model alike."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from chatapp.engine.kv_state_store import KvStateStore, memory_budget
from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel, load_model
from chatapp.hardware import detect_hardware
from chatapp.models import template_overrides
from chatapp.settings import Settings


def load_chat_model(path: Path, settings: Settings, *, probe_cache: ProbeCache,
                    chat_templates_dir: Path | None = None,
                    on_stage: Callable[[str], None] | None = None,
                    cancel: threading.Event | None = None,
                    kv_state_dir: Path | None = None) -> LoadedModel:
    """The model at ``path`` with the settings' context, KV cache type and threads and the
    user's own chat template for it (from ``chat_templates_dir``; None: the data folder's).
    UserFacingError (ModelLoadError, LoadCancelledError) when it cannot be loaded.

    With ``kv_state_dir`` the engine keeps the states of chats left for another (in the
    settings' memory budget, then in that folder), so going back evaluates only what is
    new; close it with ``keep_state=True`` to resume the last chat after a restart."""
    loaded = load_model(
        path, requested_context=settings.context_length,
        chat_template=template_overrides.load(path, chat_templates_dir),
        requested_threads=settings.threads, hardware=detect_hardware(),
        kv_cache_type=settings.kv_cache_type,
        probe_cache=probe_cache, on_stage=on_stage or (lambda _stage: None), cancel=cancel)
    if kv_state_dir is not None:
        engine = loaded.engine
        engine.use_state_store(KvStateStore(
            kv_state_dir, engine.state_key(loaded.sha256),
            memory_budget=memory_budget(settings.kv_memory_budget_mb)))
    return loaded
