"""The Models pane's "Speed here" column: predicted (or measured) tokens per second.

SpeedSource measures the computer once (speed_probe; about a second, on the files thread, and
only when the hardware changed since the cached measurement), reads the speeds of the replies
recorded so far and the user's minimum speed, and builds the SpeedEstimator the tabs ask. It
is refreshed whenever the pane is shown, so a model that has just answered shows its measured
speed, and every prediction is calibrated by it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from chatapp.errors import UserFacingError
from chatapp.hardware import Hardware
from chatapp.hub.client import GgufModel
from chatapp.i18n import QT_TRANSLATE_NOOP, translate
from chatapp.models.fit import Fit, fit_for_file_size
from chatapp.models.quant_guidance import QuantAdvice, QuantOption, advise
from chatapp.models.speed_estimate import SpeedEstimator, SpeedPrediction, WeightsProfile
from chatapp.models.speed_probe import machine_speed
from chatapp.models.speed_records import SpeedRecords
from chatapp.settings import Settings, load_settings
from chatapp.ui.plain_text import plain_tooltip
from chatapp.ui.workers.task_thread import TaskThread
from chatapp.vocabulary import KvCacheType

SPEED_HEADER = QT_TRANSLATE_NOOP("ModelTables", "Speed here")
MEASURING = QT_TRANSLATE_NOOP("SpeedLabel", "measuring…")


class SpeedSource(QObject):
    """The pane's predictions; ``estimator`` is None until the first measurement is in."""

    changed = Signal()

    def __init__(self, machine_speed_file: Path, speed_records_file: Path,
                 settings_file: Path | None, hardware: Hardware, disk: TaskThread, *,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.machine_speed_file = machine_speed_file
        self.speed_records_file = speed_records_file
        self.settings_file = settings_file
        self.hardware = hardware
        self.disk = disk
        self.estimator: SpeedEstimator | None = None
        self.min_tokens_per_s = Settings().min_tokens_per_s

    def refresh(self) -> None:
        machine_file, records_file = self.machine_speed_file, self.speed_records_file
        settings_file, hardware = self.settings_file, self.hardware

        def job(_ctx: object) -> tuple[SpeedEstimator, float]:
            machine = machine_speed(machine_file, hardware)
            runs = SpeedRecords(records_file).runs()
            minimum = load_settings(settings_file).min_tokens_per_s \
                if settings_file is not None else Settings().min_tokens_per_s
            return SpeedEstimator(machine, runs), minimum

        self.disk.submit(job, self._ready, self._failed)

    def _ready(self, result: tuple[SpeedEstimator, float]) -> None:
        self.estimator, self.min_tokens_per_s = result
        self.changed.emit()

    def _failed(self, error: UserFacingError) -> None:
        # Nothing to predict with; the column says so rather than showing nothing.
        self.estimator = None
        self.changed.emit()

    def speed(self, profile: WeightsProfile, *, sha256: str | None = None,
              file_name: str | None = None,
              size_bytes: int | None = None) -> SpeedPrediction | None:
        if self.estimator is None:
            return None
        return self.estimator.speed(profile, sha256=sha256, file_name=file_name,
                                    size_bytes=size_bytes)

    def advise(self, models: Sequence[GgufModel], kv_cache_type: KvCacheType,
               profiles: Mapping[int, WeightsProfile] | None = None) -> QuantAdvice | None:
        """Which of a repository's files to take (None: nothing to compare, or no estimate).
        ``profiles``: by the file's index, what its header says, where it was read."""
        if self.estimator is None:
            return None
        options = []
        for index, model in enumerate(models):
            size = model.size
            if size is None or model.is_vision_addon or not model.complete:
                continue
            profile = (profiles or {}).get(index) \
                or WeightsProfile.from_file_size(size, model.quantization)
            speed = self.estimator.speed(profile,
                                         sha256=model.first_file.sha256,
                                         file_name=model.first_file.name, size_bytes=size)
            fit = fit_for_file_size(size, self.hardware, kv_cache_type=kv_cache_type)
            options.append(QuantOption(model.quantization or model.name, size, speed,
                                       fit.fit is Fit.FITS))
        if len(options) < 2:
            return None
        return advise(options, self.min_tokens_per_s)


class SpeedLabel(QLabel):
    """One model's speed: '≈ 11 tokens/s · prompt ≈ 60/s', or 'measured: 104 tokens/s', on
    two lines so the column stays narrow (``speed_text`` gives it back on one)."""

    def __init__(self, speed: SpeedPrediction | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speedLabel")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        if speed is None:
            self.setText(translate("SpeedLabel", MEASURING))
            self.setToolTip(translate("SpeedLabel",
                                      "Measuring this computer's speed (once, about a second)…"))
            self.setAccessibleName(translate("SpeedLabel", "Speed on this computer: {speed}")
                                   .format(speed=self.text()))
            self.setAccessibleDescription(self.toolTip())
            return
        # speed.text and speed.explanation come translated from the speed estimate.
        self.setText(speed.text.replace(" · ", "\n"))
        self.setAccessibleName(translate("SpeedLabel", "Speed on this computer: {speed}")
                               .format(speed=speed.text))
        self.setAccessibleDescription(speed.explanation)
        self.setToolTip(plain_tooltip(speed.explanation))


def speed_text(label: SpeedLabel) -> str:
    """What the label says, on one line."""
    return label.text().replace("\n", " · ")
