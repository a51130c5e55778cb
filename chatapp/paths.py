"""Where the app keeps its files.

Everything the app writes lives under one of four folders. By default they are the
platform's user folders (platformdirs); when the environment variable ``CHATAPP_HOME``
is set, all four are sub-folders of it instead (portable mode, and what tests use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from chatapp import APP_NAME

HOME_ENV = "CHATAPP_HOME"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    models_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def from_environment(cls) -> AppPaths:
        home = os.environ.get(HOME_ENV)
        if home:
            return cls.portable(Path(home))
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            models_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "models",
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @classmethod
    def portable(cls, home: Path) -> AppPaths:
        home = home.expanduser().resolve()
        return cls(
            data_dir=home / "data",
            models_dir=home / "models",
            config_dir=home / "config",
            log_dir=home / "logs",
            cache_dir=home / "cache",
        )

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def models_registry(self) -> Path:
        """GGUF files the user imported in place, outside the models folder."""
        return self.data_dir / "imported-models.json"

    @property
    def chat_templates_dir(self) -> Path:
        """The user's own chat templates, one per model file (models/template_overrides)."""
        return self.data_dir / "chat_templates"

    @property
    def attachments_dir(self) -> Path:
        """Private copies of files attached to messages (documents/blob_store)."""
        return self.data_dir / "attachments"

    @property
    def knowledge_index(self) -> Path:
        """The index of the local documents' collections (knowledge/index_store)."""
        return self.data_dir / "knowledge.sqlite3"

    @property
    def probe_cache(self) -> Path:
        """Model files that passed a test load in a child process (engine/load_probe)."""
        return self.cache_dir / "probe-results.json"

    @property
    def machine_speed_file(self) -> Path:
        """This computer's measured speed, for the Models pane's predictions
        (models/speed_probe)."""
        return self.cache_dir / "machine-speed.json"

    @property
    def speed_records_file(self) -> Path:
        """The speeds of the replies local models gave here (models/speed_records)."""
        return self.cache_dir / "speed-records.json"

    @property
    def kv_state_dir(self) -> Path:
        """Saved KV states of chats, a folder per model and context (engine/kv_state_store)."""
        return self.cache_dir / "kv-states"

    @property
    def window_state_file(self) -> Path:
        """Where the window was left: its size, its splitters, the open chat (ui/window_state).
        Apart from the settings: it changes at every quit and is nothing the user chose."""
        return self.data_dir / "window-state.json"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def presets_file(self) -> Path:
        """The user's presets: named assistant profiles (conversation/presets)."""
        return self.config_dir / "presets.json"

    def ensure(self) -> None:
        """Create the folders, readable by the user alone (chats and logs are private)."""
        for folder in (self.data_dir, self.models_dir, self.config_dir, self.log_dir,
                       self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
