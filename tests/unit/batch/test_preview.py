"""What the Batch window says before a job starts: real files read and looked at."""

from __future__ import annotations

from pathlib import Path

from chatapp.batch.inputs import InputRow
from chatapp.batch.outputs import BatchOutput, RowResult
from chatapp.batch.preview import read_job_files, resume_note, rows_left, template_problem


def table(path: Path) -> Path:
    path.write_text("id,text\na,one\nb,two\nc,three\n", encoding="utf-8")
    return path


def test_a_new_output_has_nothing_to_resume(tmp_path: Path) -> None:
    files = read_job_files(table(tmp_path / "in.csv"), tmp_path / "out.csv")
    assert files.source.columns == ("id", "text")
    assert files.held is not None and files.held.done == frozenset()
    assert files.output_problem is None
    assert rows_left(files) == 3 and resume_note(files) == ""
    assert not (tmp_path / "out.csv").exists()


def test_an_unfinished_output_is_said_to_resume(tmp_path: Path) -> None:
    source = table(tmp_path / "in.csv")
    out = tmp_path / "out.jsonl"
    output = BatchOutput(out, ("id", "text"))
    output.open()
    output.write(RowResult(InputRow(1, "b", {"id": "b", "text": "two"}), "Two."))
    output.close()
    files = read_job_files(source, out)
    assert rows_left(files) == 2
    assert resume_note(files) == ("The output holds 1 of 3 rows from an earlier run: Start "
                                  "answers the other 2.")
    for index in (0, 2):
        output.open()
        output.write(RowResult(InputRow(index, "x", {"id": "x", "text": "t"}), "T."))
        output.close()
    done = read_job_files(source, out)
    assert rows_left(done) == 0 and "already holds all 3 rows" in resume_note(done)


def test_an_output_of_another_table_is_told_not_touched(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_bytes(b"name,age\r\nx,3\r\n")
    files = read_job_files(table(tmp_path / "in.csv"), out)
    assert files.held is None and files.output_problem is not None
    assert "does not hold this job's results" in files.output_problem
    assert out.read_bytes() == b"name,age\r\nx,3\r\n"


def test_template_problems_name_the_missing_columns() -> None:
    assert template_problem("Say {text}", ("id", "text")) is None
    assert template_problem("Say {text}", None) is None  # the input is not read yet
    missing = template_problem("Say {txt} to {id}", ("id", "text"))
    assert missing is not None and "{txt}" in missing and "id, text" in missing
    broken = template_problem("Say {text", ("text",))
    assert broken is not None and "does not close it" in broken
