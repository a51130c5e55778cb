"""Batch jobs end to end: real files in, the real SmolLM2 model, real files out."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from chatapp.batch.errors import TemplateError
from chatapp.batch.inputs import read_input
from chatapp.batch.job import BatchJob, BatchProgress, JobControl
from chatapp.batch.template import PromptTemplate
from chatapp.engine.llama_engine import LlamaEngine
from tests.unit.batch import job_child
from tests.unit.batch.conftest import SAMPLING

REPO_ROOT = Path(__file__).resolve().parents[3]
QUESTIONS = ["What is the capital of France?", "Name three colors.", "What is 2+2?",
             "Who wrote Hamlet?", "Say hello in Spanish.", "Name a large animal.",
             "What color is the sky?", "Name a fruit.", "What is water made of?",
             "Name a planet."]


def questions_csv(path: Path, questions: list[str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "question"])
        writer.writerows([f"q{n}", question] for n, question in enumerate(questions, 1))
    return path


def read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def job(source: Path, output: Path, *, parallel: int = 3,
        on_progress: Callable[[BatchProgress], None] | None = None,
        template: str = job_child.TEMPLATE) -> BatchJob:
    return BatchJob(PromptTemplate(template), read_input(source), output, parallel=parallel,
                    sampling=SAMPLING, context_per_row=256, on_progress=on_progress)


def test_every_row_is_answered_and_bad_rows_fail_alone(engine: LlamaEngine,
                                                       tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_bytes(b"".join([
        b"id,question,note\n",
        b"q1,What is the capital of France?,x\n",
        b"q2,caf\xe9?,x\n",  # not UTF-8
        b"q3\n",  # no question
        b"q4," + b"Tell me more about this. " * 60 + b",x\n",  # too long for 256 tokens
        b"q5,Name three colors.,x\n",
    ]))
    progress: list[BatchProgress] = []
    summary = job(source, tmp_path / "out.jsonl", parallel=2,
                  on_progress=progress.append).run(engine)
    records = {str(record["id"]): record for record in read_jsonl(tmp_path / "out.jsonl")}
    assert sorted(records) == ["q1", "q2", "q3", "q4", "q5"]
    assert records["q2"]["error"] == "This row is not valid UTF-8 text."
    assert records["q3"]["error"] == "This row has no value for {question}."
    assert "does not fit the context of one row" in str(records["q4"]["error"])
    for good in ("q1", "q5"):
        assert records[good]["error"] is None and str(records[good]["reply"]).strip()
        stats = records[good]["stats"]
        assert isinstance(stats, dict) and 0 < stats["generated_tokens"] <= 12
    assert "Paris" in str(records["q1"]["reply"])
    assert (summary.total, summary.done, summary.failed, summary.resumed,
            summary.cancelled) == (5, 5, 3, 0, False)
    assert summary.generated_tokens > 0
    # A first event before any row, then one per row, counting up.
    assert [event.done for event in progress] == [0, 1, 2, 3, 4, 5]
    assert [event.failed for event in progress][-1] == 3
    assert progress[0].rows_per_s is None and progress[0].finished is None
    assert progress[-1].rows_per_s is not None and progress[-1].seconds_left == 0
    assert all(event.total == 5 for event in progress)


def test_a_folder_in_a_csv_out(engine: LlamaEngine, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "one.txt").write_text("The capital of France is Paris.", encoding="utf-8")
    (folder / "two.txt").write_text("Blue and green are colors.", encoding="utf-8")
    output = tmp_path / "out.csv"
    job(folder, output, template="Summarize {name}: {text}").run(engine)
    records = sorted(read_csv(output), key=lambda record: record["row"])
    assert [(record["row"], record["id"], record["name"], record["text"])
            for record in records] == [
        ("1", "one.txt", "one.txt", "The capital of France is Paris."),
        ("2", "two.txt", "two.txt", "Blue and green are colors.")]
    assert all(record["reply"].strip() and record["error"] == "" for record in records)


def test_a_template_column_the_input_lacks_is_refused_before_any_work(
        tmp_path: Path) -> None:
    source = questions_csv(tmp_path / "in.csv", QUESTIONS[:2])
    with pytest.raises(TemplateError, match=r"\{topic\}"):
        job(source, tmp_path / "out.csv", template="About {topic}: {question}")
    assert not (tmp_path / "out.csv").exists()


def test_cancel_then_run_again_finishes_the_rest(engine: LlamaEngine,
                                                 tmp_path: Path) -> None:
    source = questions_csv(tmp_path / "in.csv", QUESTIONS)
    output = tmp_path / "out.jsonl"
    control = JobControl()

    def cancel_after_two(progress: BatchProgress) -> None:
        if progress.done >= 2:
            control.cancel()

    first = job(source, output, on_progress=cancel_after_two).run(engine, control)
    assert first.cancelled
    kept = read_jsonl(output)
    assert 2 <= len(kept) < len(QUESTIONS)  # rows in flight are not written
    second = job(source, output).run(engine)
    assert not second.cancelled
    assert second.resumed == len(kept) and second.done == len(QUESTIONS)
    records = read_jsonl(output)
    assert records[:len(kept)] == kept
    assert sorted(int(str(record["row"])) for record in records) \
        == list(range(1, len(QUESTIONS) + 1))
    # Nothing left: a third run answers nothing and changes nothing.
    third = job(source, output).run(engine)
    assert (third.resumed, third.done, third.generated_tokens) == (len(QUESTIONS),) * 2 + (0,)
    assert read_jsonl(output) == records


def test_pause_holds_the_job_between_steps_until_resumed(engine: LlamaEngine,
                                                         tmp_path: Path) -> None:
    source = questions_csv(tmp_path / "in.csv", QUESTIONS[:6])
    output = tmp_path / "out.jsonl"
    control = JobControl()
    seen_while_paused: list[int] = []

    def pause_after_first(progress: BatchProgress) -> None:
        if progress.done == 1:
            control.pause()

    def resume_when_waiting() -> None:
        assert control.waiting.wait(timeout=120), "the job never paused"
        # The job is blocked between steps: what it wrote now stays until resumed.
        seen_while_paused.append(len(read_jsonl(output)))
        assert control.paused
        seen_while_paused.append(len(read_jsonl(output)))
        control.resume()

    helper = threading.Thread(target=resume_when_waiting)
    helper.start()
    summary = job(source, output, parallel=2, on_progress=pause_after_first).run(engine,
                                                                               control)
    helper.join(timeout=120)
    assert not helper.is_alive()
    # Paused after the step that finished the first row (its batch-mate may have ended
    # in the same step), and nothing more was written until resumed.
    assert seen_while_paused[0] == seen_while_paused[1]
    assert 1 <= seen_while_paused[0] <= 2
    assert summary.done == 6 and not summary.cancelled


def test_a_killed_job_resumes_with_no_row_twice_and_none_missing(
        engine: LlamaEngine, model_path: Path, tmp_path: Path) -> None:
    source = questions_csv(tmp_path / "in.csv", QUESTIONS)
    output = tmp_path / "out.csv"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.batch.job_child", str(model_path), str(source),
         str(output)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        for line in child.stdout:  # the child prints rows done after each write
            if int(line) >= 3:
                break
        else:
            pytest.fail(f"the job ended before it was killed: {child.communicate()[1]}")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert child.returncode == -signal.SIGKILL
    before = read_csv(output)
    assert 3 <= len(before) < len(QUESTIONS)

    summary = job(source, output, parallel=job_child.PARALLEL).run(engine)
    assert summary.resumed == len(before) and summary.done == len(QUESTIONS)
    records = read_csv(output)
    assert records[:len(before)] == before
    assert sorted(int(record["row"]) for record in records) \
        == list(range(1, len(QUESTIONS) + 1))
    # The same replies as a run never interrupted (greedy, each row on its own seed).
    whole = tmp_path / "whole.csv"
    job(source, whole, parallel=job_child.PARALLEL).run(engine)
    assert {record["id"]: record["reply"] for record in records} \
        == {record["id"]: record["reply"] for record in read_csv(whole)}


def test_cancel_releases_a_paused_job() -> None:
    control = JobControl()
    assert control.should_stop() is False  # running: go on at once
    control.pause()
    answers: list[bool] = []
    waiter = threading.Thread(target=lambda: answers.append(control.should_stop()))
    waiter.start()
    assert control.waiting.wait(timeout=60)  # blocked between steps
    assert answers == []
    control.cancel()
    waiter.join(timeout=60)
    assert answers == [True] and not control.waiting.is_set()
