"""What a batch job would do, told before it starts: the input's columns, the template's
problems with them, and how much of the output an earlier run already wrote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chatapp.batch.errors import TemplateError
from chatapp.batch.inputs import BatchInput, read_input
from chatapp.batch.outputs import BatchOutput, ResumedRows
from chatapp.batch.template import PromptTemplate
from chatapp.errors import UserFacingError
from chatapp.i18n import format_number, translate


@dataclass(frozen=True)
class JobFiles:
    source: BatchInput
    held: ResumedRows | None  # what the output holds (None: no output named, or unusable)
    output_problem: str | None = None  # why the output cannot be used, for the user


def read_job_files(input_path: Path, output_path: Path | None) -> JobFiles:
    """The input's rows, and what an output already holds; BatchInputError when the
    input cannot be used (an output's problem is told in ``output_problem``)."""
    source = read_input(input_path)
    if output_path is None:
        return JobFiles(source, None)
    try:
        return JobFiles(source, BatchOutput(output_path, source.columns).held())
    except UserFacingError as error:
        return JobFiles(source, None, error.user_message)


def template_problem(text: str, columns: tuple[str, ...] | None) -> str | None:
    """What is wrong with the template (against the input's columns, when known)."""
    try:
        template = PromptTemplate(text)
        if columns is not None:
            template.check_columns(columns)
    except TemplateError as error:
        return error.user_message
    return None


def rows_left(files: JobFiles) -> int:
    """The input's rows the output does not hold yet."""
    held = files.held.done if files.held is not None else frozenset()
    return sum(row.index not in held for row in files.source.rows)


def resume_note(files: JobFiles) -> str:
    """What Start will do with the output ("" for a new one)."""
    if files.held is None or not files.held.done:
        return ""
    total = len(files.source.rows)
    done = total - rows_left(files)
    if done >= total:
        return translate("BatchJob", "The output already holds all %n rows: there is nothing "
                         "left to answer. Choose another output file to answer them again.",
                         "", total)
    return translate("BatchJob", "The output holds {done} of %n rows from an earlier run: "
                     "Start answers the other {left}.", "", total).format(
                         done=format_number(done), left=format_number(total - done))
