"""Reading a batch job's rows from real CSV, JSONL files and folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chatapp.batch import inputs
from chatapp.batch.errors import BatchInputError
from chatapp.batch.inputs import read_input


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_csv_rows_are_named_by_the_header(tmp_path: Path) -> None:
    source = read_input(write(tmp_path / "in.csv", (
        "\ufeffid, question ,note\r\n"
        'q1,"What is 2+2?","a, b"\r\n'
        "\r\n"  # a blank line is no row
        'q2,"Two\nlines",\r\n'
        ",No id\r\n"  # no id: the row number names it
    ).encode()))
    assert source.kind == "csv"
    assert source.columns == ("id", "question", "note")
    assert [row.id for row in source.rows] == ["q1", "q2", "3"]
    assert [row.index for row in source.rows] == [0, 1, 2]
    assert source.rows[0].values == {"id": "q1", "question": "What is 2+2?", "note": "a, b"}
    assert source.rows[1].values["question"] == "Two\nlines"
    assert source.rows[2].values == {"id": "", "question": "No id"}  # short: note missing
    assert all(row.error is None for row in source.rows)


def test_bad_csv_rows_fail_alone(tmp_path: Path) -> None:
    source = read_input(write(tmp_path / "in.csv", b"".join([
        b"id,text\n",
        b"good,fine\n",
        b"latin,caf\xe9\n",  # not UTF-8
        b"many,a,b\n",  # more values than columns
        b"last,ok\n",
    ])))
    errors = [row.error for row in source.rows]
    assert errors[0] is None and errors[3] is None
    assert errors[1] == "This row is not valid UTF-8 text."
    assert source.rows[1].id == "latin"  # its id is still readable
    assert errors[2] is not None and "3 values" in errors[2] and "2 columns" in errors[2]
    assert source.rows[3].values == {"id": "last", "text": "ok"}


def test_a_value_too_long_fails_its_row(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_VALUE_CHARS", 10)
    source = read_input(write(tmp_path / "in.csv", b"a\nshort\n" + b"x" * 11 + b"\n"))
    assert source.rows[0].error is None
    assert source.rows[1].error is not None and "longer than 10" in source.rows[1].error


@pytest.mark.parametrize(("name", "data", "words"), [
    ("in.csv", b"", "is empty"),
    ("in.csv", b"\n \n", "is empty"),
    ("in.jsonl", b"\n\n", "is empty"),
    ("in.csv", b"a,b\n", "only a header"),
    ("in.csv", b",\nx,y\n", "first line of in.csv is empty"),
    ("in.csv", b"caf\xe9,b\nx,y\n", "(the column names) is not UTF-8"),
    ("in.csv", b"a,b,a\n1,2,3\n", "names the column 'a' twice"),
    ("in.txt", b"hello", "not a CSV or JSONL file"),
])
def test_an_unusable_file_is_refused_clearly(tmp_path: Path, name: str, data: bytes,
                                             words: str) -> None:
    with pytest.raises(BatchInputError) as caught:
        read_input(write(tmp_path / name, data))
    assert words in caught.value.user_message


def test_a_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(BatchInputError, match="does not exist"):
        read_input(tmp_path / "nothing.csv")


def test_bounds_are_told_clearly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 20)
    with pytest.raises(BatchInputError, match="reads at most"):
        read_input(write(tmp_path / "big.csv", b"a\n" + b"x\n" * 20))
    monkeypatch.setattr(inputs, "MAX_INPUT_BYTES", 10_000)
    monkeypatch.setattr(inputs, "MAX_ROWS", 3)
    with pytest.raises(BatchInputError, match="4 rows; a batch job takes at most 3"):
        read_input(write(tmp_path / "many.csv", b"a\n1\n2\n3\n4\n"))


def test_jsonl_lines_are_rows_and_bad_lines_fail_alone(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "first", "question": "Why?", "n": 3, "skip": None}).encode(),
        b"{not json",
        b"[1, 2]",
        json.dumps({"question": "caf\u00e9", "extra": {"k": [1]}},
                   ensure_ascii=False).encode(),
        b'{"question": "caf\xe9"}',
        b"",
    ]
    source = read_input(write(tmp_path / "in.jsonl", b"\n".join(lines)))
    assert source.kind == "jsonl"
    assert source.columns == ("id", "question", "n", "extra")
    rows = source.rows
    assert len(rows) == 5
    assert rows[0].id == "first"
    assert rows[0].values == {"id": "first", "question": "Why?", "n": "3"}
    assert rows[1].error is not None and rows[1].error.startswith("Line 2 is not valid JSON")
    assert rows[2].error == "Line 3 is not a JSON object."
    assert rows[3].id == "line 4"
    assert rows[3].values == {"question": "café", "extra": '{"k": [1]}'}
    assert rows[4].error == "Line 5 is not valid UTF-8 text."


def test_a_folder_of_text_files(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "b.txt").write_text("Second file", encoding="utf-8")
    (folder / "a.md").write_text("First file", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"caf\xe9")
    (folder / ".hidden").write_text("not a row", encoding="utf-8")
    (folder / "sub").mkdir()
    source = read_input(folder)
    assert source.kind == "folder"
    assert source.columns == ("name", "text")
    assert [row.id for row in source.rows] == ["a.md", "b.txt", "c.txt"]
    assert source.rows[0].values == {"name": "a.md", "text": "First file"}
    assert source.rows[2].error == "c.txt is not valid UTF-8 text."


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BatchInputError, match="holds no files"):
        read_input(tmp_path)
