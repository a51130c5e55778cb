"""The Batch window: a prompt template, an input file, an output file; Start, Pause, Cancel.

The window only asks and shows. Files are read on the files thread (the input's columns,
what the output already holds); the job runs on the engine thread, which holds the loaded
model (ui/workers/batch_run.py), and reports by signals. While it runs, the engine thread
is busy: chat replies wait for it, which the window and the status line say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chatapp.batch.inputs import read_input
from chatapp.batch.job import BatchJob, BatchProgress, BatchSummary
from chatapp.batch.memory import memory_error, model_batch_memory
from chatapp.batch.preview import (
    JobFiles,
    read_job_files,
    resume_note,
    rows_left,
    template_problem,
)
from chatapp.batch.progress_text import rates_text, summary_text
from chatapp.batch.template import PromptTemplate
from chatapp.conversation.reply_runner import sampling_from
from chatapp.engine.llama_engine import Sampling
from chatapp.engine.model_loader import ModelSummary
from chatapp.errors import UserFacingError
from chatapp.formatting import format_bytes
from chatapp.hardware import Hardware, detect_hardware
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.settings import Settings
from chatapp.ui.icons import Icon, icon
from chatapp.ui.label_tone import Tone, set_tone
from chatapp.ui.plain_text import plain_label, plain_question
from chatapp.ui.workers.batch_run import BatchRun
from chatapp.ui.workers.engine_worker import EngineController
from chatapp.ui.workers.task_thread import TaskThread

MAX_PARALLEL = 16
DEFAULT_PARALLEL = 4
DEFAULT_REPLY_TOKENS = 256
DEFAULT_ROW_CONTEXT = 4096
INPUT_FILTER = QT_TRANSLATE_NOOP("BatchWindow", "Tables (*.csv *.jsonl *.ndjson);;All files (*)")
# The output's filter names the formats only; "jsonl" in the chosen one picks the suffix.
OUTPUT_FILTER = "CSV (*.csv);;JSON Lines (*.jsonl)"
OUTPUT_SUFFIXES = (".csv", ".jsonl")
WAITING_NOTE = QT_TRANSLATE_NOOP("BatchWindow", "While the job runs, chat replies wait for it.")
INPUT_KINDS = {"csv": "CSV", "jsonl": "JSONL",
               "folder": QT_TRANSLATE_NOOP("BatchWindow", "text files")}


class BatchWindow(QWidget):
    running_changed = Signal(bool)  # a job holds the engine thread (True) or ended

    def __init__(self, engine: EngineController, files: TaskThread,
                 settings: Callable[[], Settings], parent: QWidget | None = None, *,
                 hardware: Callable[[], Hardware] = detect_hardware) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("batchWindow")
        self.setWindowTitle(translate("BatchWindow", "Batch jobs"))
        self.resize(720, 560)
        self.engine = engine
        self.files = files
        self.settings = settings
        self.hardware = hardware  # asked at each start: the memory free then
        self.model: ModelSummary | None = None
        self.job_files: JobFiles | None = None
        self.run: BatchRun | None = None
        self._reading = 0  # the latest file read; older answers are dropped
        self._choosers: list[QPushButton] = []
        self._latest_error = ""  # of this run's rows, for the failures line
        self._build()
        self._update()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(translate("BatchWindow", "Answer a prompt for every row of a file with "
                                 "the loaded model, several rows at once. Each finished row "
                                 "is written to the output at once; a job that was stopped "
                                 "resumes where it stopped."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(form)

        self.template = QPlainTextEdit(self)
        self.template.setObjectName("batchTemplate")
        self.template.setAccessibleName(translate("BatchWindow", "Prompt template"))
        self.template.setAccessibleDescription(translate(
            "BatchWindow", "The prompt for each row; {column} takes the row's value of that "
            "column"))
        self.template.setTabChangesFocus(True)  # Tab goes on to the input, as in a form
        # Not .format()ed: the braces are what the user types.
        self.template.setPlaceholderText(translate(
            "BatchWindow", "Summarize this review in one sentence: {text}\n\n{column} takes "
            "the row's value of that column; {{ and }} write braces."))
        self.template.setMinimumHeight(110)
        self.template.textChanged.connect(self._update)
        self.template_note = self._note("batchTemplateProblem", Tone.WARNING,
                                        translate("BatchWindow", "Prompt problem"))
        form.addRow(translate("BatchWindow", "Prompt"),
                    self._field(self.template, self.template_note))

        self.input = QLineEdit(self)
        self.input.setObjectName("batchInput")
        self.input.setAccessibleName(translate("BatchWindow", "Input file"))
        self.input.setPlaceholderText(translate(
            "BatchWindow", "A .csv or .jsonl file, or a folder of text files"))
        self.input.setAccessibleDescription(self.input.placeholderText())
        self.input.editingFinished.connect(self._read_files)
        choose_file = self._chooser(translate("BatchWindow", "File…"), Icon.DOCUMENTS,
                                    translate("BatchWindow", "Choose the input file"))
        choose_file.clicked.connect(self._choose_input_file)
        choose_folder = self._chooser(translate("BatchWindow", "Folder…"), Icon.FOLDER,
                                      translate("BatchWindow",
                                                "Choose a folder of text files as the input"))
        choose_folder.clicked.connect(self._choose_input_folder)
        self.columns = self._note("batchColumns", Tone.QUIET,
                                  translate("BatchWindow", "The input's rows and columns"))
        form.addRow(translate("BatchWindow", "Input"),
                    self._field(self._row(self.input, choose_file, choose_folder),
                                self.columns))

        self.output = QLineEdit(self)
        self.output.setObjectName("batchOutput")
        self.output.setAccessibleName(translate("BatchWindow", "Output file"))
        self.output.setPlaceholderText(translate("BatchWindow",
                                                 "replies.csv or replies.jsonl"))
        self.output.setAccessibleDescription(translate(
            "BatchWindow", "A .csv or .jsonl file; one that holds rows already resumes"))
        self.output.editingFinished.connect(self._read_files)
        choose_output = self._chooser(translate("BatchWindow", "Choose…"), Icon.FOLDER,
                                      translate("BatchWindow", "Choose the output file"))
        choose_output.clicked.connect(self._choose_output)
        self.resume = self._note("batchResume", Tone.NORMAL,
                                 translate("BatchWindow", "What the output holds"))
        form.addRow(translate("BatchWindow", "Output"),
                    self._field(self._row(self.output, choose_output), self.resume))

        self.parallel = self._spin("batchParallel", 1, MAX_PARALLEL, DEFAULT_PARALLEL, step=1,
                                   tip=translate("BatchWindow", "Rows answered at once: more "
                                                 "rows per second, more memory"))
        self.reply_tokens = self._spin("batchReplyTokens", 1, 32768, DEFAULT_REPLY_TOKENS,
                                       step=64, tip=translate(
                                           "BatchWindow",
                                           "The longest reply a row gets, in tokens"))
        self.row_context = self._spin("batchRowContext", 256, 131072, DEFAULT_ROW_CONTEXT,
                                      step=256,
                                      tip=translate("BatchWindow", "Each row's prompt and "
                                                    "reply must fit in this many tokens (at "
                                                    "most the loaded model's context)"))
        sizes = QHBoxLayout()
        for label, spin in ((translate("BatchWindow", "Rows at once"), self.parallel),
                            (translate("BatchWindow", "Tokens per reply"), self.reply_tokens),
                            (translate("BatchWindow", "Context per row"), self.row_context)):
            caption = QLabel(label, self)
            caption.setBuddy(spin)
            spin.setAccessibleName(label)
            sizes.addWidget(caption)
            sizes.addWidget(spin)
            sizes.addSpacing(12)
        sizes.addStretch(1)
        form.addRow("", sizes)
        # Below the form: a long wrapped note in a form row gets a height for a narrower
        # width than it has, and floats in empty space.
        self.memory = self._note("batchMemory", Tone.QUIET,
                                 translate("BatchWindow", "Memory the job needs"))
        layout.addWidget(self.memory)
        for spin in (self.parallel, self.row_context):
            spin.valueChanged.connect(self._show_memory)

        buttons = QHBoxLayout()
        self.hint = self._note("batchHint", Tone.QUIET,
                               translate("BatchWindow", "What Start needs"))
        buttons.addWidget(self.hint, 1)
        self.start_button = QPushButton(icon(Icon.RESUME), translate("BatchWindow", "Start"),
                                        self)
        self.start_button.setObjectName("batchStart")
        self.start_button.setDefault(True)
        self.start_button.setAccessibleDescription(translate(
            "BatchWindow", "Answers the rows not in the output yet"))
        self.start_button.clicked.connect(self.start)
        self.pause_button = QPushButton(self)
        self.pause_button.setObjectName("batchPause")
        self._show_paused(False)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.cancel_button = QPushButton(icon(Icon.CANCEL),
                                         translate("BatchWindow", "Cancel"), self)
        self.cancel_button.setObjectName("batchCancel")
        self.cancel_button.setToolTip(translate(
            "BatchWindow", "Stop after the current step; the rows done stay in the output, "
            "and Start resumes"))
        self.cancel_button.setAccessibleDescription(self.cancel_button.toolTip())
        self.cancel_button.clicked.connect(self.cancel)
        for button in (self.start_button, self.pause_button, self.cancel_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        # %v and %m are Qt's: the rows done and all rows, in the locale's digits.
        self.progress.setFormat(translate("BatchWindow", "%v / %m rows"))
        self.progress.setAccessibleName(translate("BatchWindow", "Rows answered"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.rates = self._note("batchRates", Tone.NORMAL, translate("BatchWindow", "Speed"))
        layout.addWidget(self.rates)
        self.failures = self._note("batchFailures", Tone.WARNING,
                                   translate("BatchWindow", "Rows not answered"))
        layout.addWidget(self.failures)
        self.summary = self._note("batchSummary", Tone.NORMAL, translate("BatchWindow", "Job"))
        layout.addWidget(self.summary)
        self.error = self._note("batchError", Tone.ERROR,
                                translate("BatchWindow", "Problem"))
        layout.addWidget(self.error)
        layout.addStretch(1)

    def _note(self, name: str, tone: Tone, accessible_name: str) -> QLabel:
        label = plain_label(QLabel(self))  # file names and rows' text: never HTML
        label.setObjectName(name)
        label.setAccessibleName(accessible_name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(label, tone)
        label.hide()
        return label

    def _chooser(self, text: str, glyph: Icon, description: str) -> QPushButton:
        button = QPushButton(icon(glyph), text, self)
        button.setAccessibleDescription(description)
        self._choosers.append(button)
        return button

    @staticmethod
    def _field(main: QWidget | QLayout, note: QLabel) -> QVBoxLayout:
        """A form field with its note just below it (a note row of its own would take a
        wrapped label's full spacing even while hidden)."""
        column = QVBoxLayout()
        column.setSpacing(2)
        if isinstance(main, QLayout):
            column.addLayout(main)
        else:
            column.addWidget(main)
        column.addWidget(note)
        return column

    def _row(self, *widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for index, widget in enumerate(widgets):
            row.addWidget(widget, 1 if index == 0 else 0)
        return row

    def _spin(self, name: str, low: int, high: int, value: int, *, step: int,
              tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSingleStep(step)
        spin.setValue(value)
        spin.setGroupSeparatorShown(True)
        spin.setToolTip(tip)
        spin.setAccessibleDescription(tip)
        return spin

    @staticmethod
    def _say(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    # -- what the window is told -------------------------------------------------------

    def set_model(self, summary: ModelSummary | None) -> None:
        self.model = summary
        self._update()
        self._show_memory()

    @property
    def running(self) -> bool:
        return self.run is not None

    # -- the files -----------------------------------------------------------------------

    def _choose_input_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("BatchWindow", "Batch input"), self.input.text(),
            translate("BatchWindow", INPUT_FILTER))
        if chosen:
            self.set_input(Path(chosen))

    def _choose_input_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, translate("BatchWindow", "A folder of text files"), self.input.text())
        if chosen:
            self.set_input(Path(chosen))

    def _choose_output(self) -> None:
        suggested = self.output.text() or str(self._suggested_output() or "")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, translate("BatchWindow", "Batch output"), suggested, OUTPUT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)  # an existing one resumes
        if chosen:
            path = Path(chosen)
            if path.suffix.lower() not in OUTPUT_SUFFIXES:
                path = path.with_suffix(".jsonl" if "jsonl" in chosen_filter else ".csv")
            self.set_output(path)

    def set_input(self, path: Path) -> None:
        self.input.setText(str(path))
        if not self.output.text():
            suggested = self._suggested_output()
            if suggested is not None:
                self.output.setText(str(suggested))
        self._read_files()

    def set_output(self, path: Path) -> None:
        self.output.setText(str(path))
        self._read_files()

    def _suggested_output(self) -> Path | None:
        text = self.input.text().strip()
        if not text:
            return None
        source = Path(text)
        return source.parent / f"{source.stem or source.name}-replies.csv"

    def _output_path(self) -> Path | None:
        text = self.output.text().strip()
        return Path(text) if text else None

    def _read_files(self, *, clear_error: bool = True, again: bool = False) -> None:
        """Read the input's rows and what the output holds, on the files thread.

        ``again``: the same files, read after a job: what was read stays meanwhile, so
        Start is not disabled while they are read (a job resumes from the output itself).
        """
        if clear_error:
            self._say(self.error, "")
        self._reading += 1
        reading = self._reading
        text = self.input.text().strip()
        if not again:
            self.job_files = None
        if not text:
            self._say(self.columns, "")
            self._say(self.resume, "")
            self._update()
            return
        source, output = Path(text), self._output_path()
        if not again:
            self._say(self.columns, translate("BatchWindow", "Reading the input…"))

        def done(files: JobFiles) -> None:
            if reading == self._reading:
                self._files_read(files)

        def failed(error: UserFacingError) -> None:
            if reading == self._reading:
                self.job_files = None
                self._say(self.columns, "")
                self._say(self.resume, "")
                self._say(self.error, error.user_message)
                self._update()

        self.files.submit(lambda _context: read_job_files(source, output), done, failed)
        self._update()

    def _files_read(self, files: JobFiles) -> None:
        self.job_files = files
        source = files.source
        kind = translate("BatchWindow", INPUT_KINDS[source.kind])
        unreadable = sum(row.error is not None for row in source.rows)
        rows = len(source.rows)
        # Column names are the file's own, joined as they are written in it.
        columns = ", ".join(source.columns) or translate("BatchWindow", "none")
        text = (translate("BatchWindow", "1 row ({kind}); columns: {columns}") if rows == 1
                else translate("BatchWindow", "%n rows ({kind}); columns: {columns}", "",
                               rows)).format(kind=kind, columns=columns)
        if unreadable == 1:  # its own string: English's plural source has no singular
            text += translate("BatchWindow", ". 1 row cannot be read: its error goes to the "
                              "output")
        elif unreadable:
            text += translate("BatchWindow", ". %n rows cannot be read: their errors go to "
                              "the output", "", unreadable)
        self._say(self.columns, text)
        self._say(self.resume, files.output_problem or resume_note(files))
        set_tone(self.resume, Tone.ERROR if files.output_problem else Tone.NORMAL)
        self._update()
        self._show_memory()

    # -- state ---------------------------------------------------------------------------

    def _update(self) -> None:
        files = self.job_files
        columns = files.source.columns if files is not None else None
        problem = template_problem(self.template.toPlainText(), columns) \
            if self.template.toPlainText().strip() else None
        self._say(self.template_note, problem or "")
        output = self._output_path()
        reason = ""
        if self.running:
            reason = translate("BatchWindow", WAITING_NOTE)
        elif self.model is None:
            reason = translate("BatchWindow",
                               "Load a model first: the job runs on the loaded model.")
        elif not self.template.toPlainText().strip():
            reason = translate("BatchWindow", "Write the prompt, with {column} where a "
                               "column's value goes.")  # the braces are literal: no format
        elif not self.input.text().strip():
            reason = translate("BatchWindow", "Choose the input: a CSV or JSONL file, or a "
                               "folder of text files.")
        elif files is None:
            reason = ""  # being read, or unreadable (the error says so)
        elif output is None or output.suffix.lower() not in OUTPUT_SUFFIXES:
            reason = translate("BatchWindow", "Name the output: a .csv or .jsonl file.")
        self._say(self.hint, reason)
        ready = (not self.running and self.model is not None and files is not None
                 and problem is None and bool(self.template.toPlainText().strip())
                 and files.output_problem is None and rows_left(files) > 0
                 and output is not None
                 and output.suffix.lower() in OUTPUT_SUFFIXES)
        self.start_button.setEnabled(ready)
        self.pause_button.setEnabled(self.running and not self._cancelling)
        self.cancel_button.setEnabled(self.running and not self._cancelling)
        # Read-only, not disabled, while it runs: the job's prompt and files stay legible.
        self.template.setReadOnly(self.running)
        for line in (self.input, self.output):
            line.setReadOnly(self.running)
        for spin in (self.parallel, self.reply_tokens, self.row_context):
            spin.setReadOnly(self.running)
        for button in self._choosers:
            button.setEnabled(not self.running)

    def _show_memory(self) -> None:
        """What the rows' context would take on the loaded model, against the memory free
        now (Start checks again: memory may be freed meanwhile)."""
        if self.model is None or self.job_files is None:
            self._say(self.memory, "")
            return
        memory = model_batch_memory(self.model, rows=len(self.job_files.source.rows),
                                    parallel=self.parallel.value(),
                                    context_per_row=self.row_context.value(),
                                    hardware=self.hardware())
        if memory.fits:
            set_tone(self.memory, Tone.QUIET)
            parallel = memory.parallel
            rows = (translate("BatchWindow", "1 row") if parallel == 1
                    else translate("BatchWindow", "%n rows at once", "", parallel))
            self._say(self.memory, translate(
                "BatchWindow", "The job needs about {needed} of memory ({rows}, {tokens} "
                "tokens each); {free} is free.").format(
                    needed=format_bytes(memory.needed_bytes, binary=True), rows=rows,
                    tokens=format_number(memory.tokens_per_row),
                    free=format_bytes(memory.available_bytes, binary=True)))
        else:
            set_tone(self.memory, Tone.WARNING)
            self._say(self.memory, memory_error(memory).user_message)

    @property
    def _cancelling(self) -> bool:
        return self.run is not None and self.run.control.cancelled

    # -- the job -------------------------------------------------------------------------

    def start(self) -> None:
        files, output = self.job_files, self._output_path()
        if self.running or self.model is None or files is None or output is None:
            return
        try:
            template = PromptTemplate(self.template.toPlainText())
        except UserFacingError as error:
            self._say(self.error, error.user_message)
            return
        source_path = files.source.path
        settings = self.settings()
        # Each row's sampler is seeded from this and its row number: a rerun answers alike.
        sampling = replace(sampling_from(settings, Sampling().seed),
                           max_tokens=self.reply_tokens.value())
        parallel, context = self.parallel.value(), self.row_context.value()

        def make_job() -> BatchJob:  # on the engine thread: the input as it is now
            return BatchJob(template, read_input(source_path), output, parallel=parallel,
                            sampling=sampling, context_per_row=context)

        run = BatchRun(make_job, self.hardware)
        run.progress.connect(self._progress)
        run.finished.connect(self._finished)
        run.failed.connect(self._failed)
        self.run = run
        self._latest_error = ""
        for label in (self.error, self.summary, self.failures, self.rates):
            self._say(label, "")
        self.progress.setRange(0, max(1, len(files.source.rows)))
        self.progress.setValue(0)
        self._show_paused(False)
        self._say(self.rates, translate("BatchWindow", "Starting… (after the reply or job "
                                        "the model is busy with, if any)"))
        self._update()
        self.running_changed.emit(True)
        self.engine.submit_batch_run(run)

    def toggle_pause(self) -> None:
        run = self.run
        if run is None:
            return
        if run.control.paused:
            run.control.resume()
            self._show_paused(False)
            self._say(self.summary, "")
        else:
            run.control.pause()
            self._show_paused(True)
            self._say(self.summary, translate("BatchWindow", "Paused. The model waits, and so "
                                              "do chat replies: Resume, or Cancel to free "
                                              "it."))

    def _show_paused(self, paused: bool) -> None:
        button = self.pause_button
        if paused:
            button.setText(translate("BatchWindow", "Resume"))
            button.setIcon(icon(Icon.RESUME))
            button.setAccessibleDescription(translate("BatchWindow", "Goes on with the job"))
        else:
            button.setText(translate("BatchWindow", "Pause"))
            button.setIcon(icon(Icon.PAUSE))
            button.setAccessibleDescription(translate(
                "BatchWindow", "Holds the job after the current step; chat replies wait "
                "while it is paused"))

    def cancel(self) -> None:
        if self.run is not None:
            self.run.control.cancel()  # also wakes a paused job
            self._say(self.summary, translate("BatchWindow",
                                              "Cancelling after the current step…"))
            self._update()

    def stop_for_quit(self) -> None:
        """The app quits: stop the job at its next step, without asking (what is done is
        in the output; the next Start resumes)."""
        if self.run is not None:
            self.run.control.cancel()

    def _progress(self, progress: BatchProgress) -> None:
        self.progress.setRange(0, max(1, progress.total))
        self.progress.setValue(progress.done)
        self._say(self.rates, rates_text(progress)
                  or translate("BatchWindow", "Answering the first rows…"))
        finished = progress.finished
        if finished is not None and finished.error:
            self._latest_error = translate("BatchWindow", "Latest: row {row} ({id}): "
                                           "{error}").format(
                row=format_number(finished.row.index + 1), id=finished.row.id,
                error=finished.error)
        failed = progress.failed
        if failed:
            text = (translate("BatchWindow", "1 row could not be answered: the output's "
                              "error column says why.") if failed == 1
                    else translate("BatchWindow", "%n rows could not be answered: the "
                                   "output's error column says why.", "", failed))
            if self._latest_error:
                text += f" {self._latest_error}"
            self._say(self.failures, text)

    def _finished(self, summary: BatchSummary) -> None:
        output = self._output_path()
        name = output.name if output is not None else translate("BatchWindow", "the output")
        if summary.cancelled:
            text = translate("BatchWindow", "Cancelled: {summary} Start again to answer the "
                             "rest.").format(summary=summary_text(summary, name))
        else:
            text = translate("BatchWindow", "Done: {summary}").format(
                summary=summary_text(summary, name))
        self._ended()
        self._say(self.summary, text)
        if not summary.cancelled:
            self._say(self.rates, "")

    def _failed(self, error: UserFacingError) -> None:
        self._ended()
        self._say(self.summary, "")
        self._say(self.rates, "")
        self._say(self.error, error.user_message)

    def _ended(self) -> None:
        self.run = None
        self._show_paused(False)
        self.running_changed.emit(False)
        self._update()
        self._read_files(clear_error=False, again=True)  # what the output holds now

    # -- closing -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is not None and not self._cancelling:
            if not plain_question(self, translate("BatchWindow", "Stop the batch job?"),
                                  translate("BatchWindow", "A batch job is running. Stop it "
                                            "and close the window? The rows done so far stay "
                                            "in the output; Start with the same output "
                                            "answers the rest.")):
                event.ignore()
                return
            self.cancel()
        event.accept()
