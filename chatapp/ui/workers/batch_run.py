"""One batch job on the engine thread, for the Batch window.

The job needs the loaded model, which lives on the engine thread: the window makes a
BatchRun and queues it there (EngineController.submit_batch_run), behind whatever the
thread is doing; chat replies and API requests queue behind it in turn. Progress and
the end come back as signals only; pause, resume and cancel go through the JobControl,
which is safe from any thread and takes effect between two steps of the model.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from chatapp.batch.job import BatchJob, BatchProgress, JobControl
from chatapp.batch.memory import check_job_memory
from chatapp.engine.errors import EngineError
from chatapp.engine.model_loader import LoadedModel
from chatapp.errors import UserFacingError, internal_error
from chatapp.hardware import Hardware, detect_hardware
from chatapp.i18n import translate

log = logging.getLogger(__name__)


class BatchRun(QObject):
    progress = Signal(object)  # BatchProgress
    finished = Signal(object)  # BatchSummary (its ``cancelled`` says whether it stopped)
    failed = Signal(object)  # UserFacingError: the job could not start, or stopped on it

    def __init__(self, make_job: Callable[[], BatchJob],
                 hardware: Callable[[], Hardware] = detect_hardware) -> None:
        """``make_job`` reads the input and makes the job, on the engine thread (the file
        as it is when the job starts; its errors are told like the job's)."""
        super().__init__()
        self._make_job = make_job
        self.control = JobControl()
        self._hardware = hardware

    def _progress(self, progress: BatchProgress) -> None:
        self.progress.emit(progress)

    def run(self, model: LoadedModel | None, quitting: threading.Event) -> None:
        """On the engine thread: check the memory, then answer the rows; never raises."""
        if quitting.is_set() or self.control.cancelled:
            self.failed.emit(EngineError(translate(
                "BatchRun", "The batch job was cancelled before it started.")))
            return
        try:
            if model is None:
                raise EngineError(translate("BatchRun", "No model is loaded. Load a model "
                                            "first, then start the job again."))
            job = self._make_job()
            job.on_progress = self._progress
            check_job_memory(job, model, self._hardware())
            summary = job.run(model.engine, self.control)
        except UserFacingError as error:
            log.info("The batch job stopped: %s", error.detail)
            self.failed.emit(error)
            return
        except Exception as error:
            log.exception("The batch job failed")
            self.failed.emit(internal_error(error, translate("BatchRun",
                                                            "running the batch job")))
            return
        self.finished.emit(summary)
