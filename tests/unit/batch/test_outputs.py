"""Batch outputs on real files: records written at once, read back to resume."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from chatapp.batch.errors import BatchOutputError
from chatapp.batch.inputs import InputRow
from chatapp.batch.outputs import BatchOutput, RowResult
from chatapp.engine.llama_engine import GenerationStats

COLUMNS = ("id", "text", "reply")  # "reply" clashes with the output's own column
STATS = GenerationStats(prompt_tokens=12, evaluated_prompt_tokens=12, generated_tokens=5,
                        ttft_s=0.25, prompt_eval_s=0.25, generation_s=0.5,
                        stop_reason="eos")


def row(index: int, text: str = "hello") -> InputRow:
    return InputRow(index, f"r{index}", {"id": f"r{index}", "text": text, "reply": "old"})


def write_rows(path: Path, *results: RowResult) -> BatchOutput:
    output = BatchOutput(path, COLUMNS)
    output.open()
    for result in results:
        output.write(result)
    output.close()
    return output


def test_csv_records_hold_the_input_the_reply_and_the_stats(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_rows(path, RowResult(row(0, "a,\n\"b\""), "Reply one\nwith lines", stats=STATS),
               RowResult(row(2), error="This row is not valid UTF-8 text."))
    assert path.stat().st_mode & 0o777 == 0o600
    with path.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert list(records[0]) == ["row", "id", "input:id", "text", "input:reply", "reply",
                                "error", "prompt_tokens", "generated_tokens",
                                "stop_reason", "seconds"]
    assert records[0]["row"] == "1" and records[0]["text"] == "a,\n\"b\""
    assert records[0]["reply"] == "Reply one\nwith lines"
    assert records[0]["input:reply"] == "old"
    assert (records[0]["generated_tokens"], records[0]["stop_reason"],
            records[0]["seconds"]) == ("5", "eos", "0.75")
    assert records[1]["row"] == "3" and records[1]["error"].startswith("This row")
    assert records[1]["reply"] == "" and records[1]["seconds"] == ""


def test_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_rows(path, RowResult(row(0), "Hi", stats=STATS),
               RowResult(row(1), error="Too long."))
    first, second = (json.loads(line) for line in path.read_text("utf-8").splitlines())
    assert first == {"row": 1, "id": "r0", "input": {"id": "r0", "text": "hello",
                                                     "reply": "old"},
                     "reply": "Hi", "error": None,
                     "stats": {"prompt_tokens": 12, "generated_tokens": 5,
                               "stop_reason": "eos", "seconds": 0.75}}
    assert second["error"] == "Too long." and second["stats"] is None


@pytest.mark.parametrize("name", ["out.csv", "out.jsonl"])
def test_reopening_resumes_and_a_torn_last_record_is_dropped(tmp_path: Path,
                                                             name: str) -> None:
    path = tmp_path / name
    write_rows(path, RowResult(row(0), "A", stats=STATS), RowResult(row(3), error="bad"))
    whole = path.read_bytes()
    # A crash in the middle of writing row 5's record.
    write_rows(path, RowResult(row(5), "Half written\nreply", stats=STATS))
    path.write_bytes(path.read_bytes()[:-7])
    output = BatchOutput(path, COLUMNS)
    resumed = output.open()
    assert resumed.done == {0, 3}
    assert resumed.failed == 1
    assert path.read_bytes() == whole  # the torn record is gone, the rest untouched
    output.write(RowResult(row(5), "Again", stats=STATS))
    output.close()
    again = BatchOutput(path, COLUMNS)
    assert again.open().done == {0, 3, 5}
    again.close()
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(("name", "content"), [
    ("out.csv", "name,age\r\nx,3\r\n"),  # another table
    ("out.jsonl", '{"row": 1}\nnot json\n{"row": 2}\n'),  # damaged in the middle
    ("out.jsonl", "just some notes\n"),
])
def test_a_file_this_job_did_not_write_is_not_touched(tmp_path: Path, name: str,
                                                      content: str) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode())
    with pytest.raises(BatchOutputError) as caught:
        BatchOutput(path, COLUMNS).open()
    assert "does not hold this job's results" in caught.value.user_message
    assert path.read_bytes() == content.encode()


def test_an_output_name_must_say_its_format(tmp_path: Path) -> None:
    with pytest.raises(BatchOutputError, match=r"\.csv or \.jsonl"):
        BatchOutput(tmp_path / "out.txt", COLUMNS)


def test_an_output_that_cannot_be_written_is_told(tmp_path: Path) -> None:
    with pytest.raises(BatchOutputError, match="cannot be written"):
        BatchOutput(tmp_path / "missing-folder" / "out.csv", COLUMNS).open()


def test_a_header_torn_as_the_file_was_made_is_written_again(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_bytes(b"row,id,input:i")
    output = BatchOutput(path, COLUMNS)
    assert output.open().done == frozenset()
    output.write(RowResult(row(0), "A", stats=STATS))
    output.close()
    with path.open(newline="", encoding="utf-8") as handle:
        records = list(csv.DictReader(handle))
    assert [(record["row"], record["reply"]) for record in records] == [("1", "A")]


@pytest.mark.parametrize("name", ["out.csv", "out.jsonl"])
def test_what_a_run_would_resume_is_read_without_writing(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    assert BatchOutput(path, COLUMNS).held().done == frozenset()
    assert not path.exists()  # looking creates nothing
    write_rows(path, RowResult(row(0), "A", stats=STATS), RowResult(row(2), error="bad"))
    path.write_bytes(path.read_bytes() + b'{"row": 9, "tor')  # a torn last record
    before = path.read_bytes()
    held = BatchOutput(path, COLUMNS).held()
    assert held.done == {0, 2} and held.failed == 1
    assert path.read_bytes() == before  # not repaired: only a run writes
    (tmp_path / "other.csv").write_text("name,age\r\nx,3\r\n", encoding="utf-8")
    with pytest.raises(BatchOutputError):
        BatchOutput(tmp_path / "other.csv", COLUMNS).held()
