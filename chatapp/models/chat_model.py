"""Loading a chat model as the user set it up: one call for the window, the API server's
host and the command line, so they all load a model alike."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from chatapp.engine.load_probe import ProbeCache
from chatapp.engine.model_loader import LoadedModel, load_model
from chatapp.hardware import detect_hardware
from chatapp.models import template_overrides
from chatapp.settings import Settings


def load_chat_model(path: Path, settings: Settings, *, probe_cache: ProbeCache,
                    chat_templates_dir: Path | None = None,
                    on_stage: Callable[[str], None] | None = None,
                    cancel: threading.Event | None = None) -> LoadedModel:
    """The model at ``path`` with the settings' context, KV cache type and threads and the
    user's own chat template for it (from ``chat_templates_dir``; None: the data folder's).
    UserFacingError (ModelLoadError, LoadCancelledError) when it cannot be loaded."""
    return load_model(
        path, requested_context=settings.context_length,
        chat_template=template_overrides.load(path, chat_templates_dir),
        requested_threads=settings.threads, hardware=detect_hardware(),
        kv_cache_type=settings.kv_cache_type,
        probe_cache=probe_cache, on_stage=on_stage or (lambda _stage: None), cancel=cancel)
