"""``chatapp ask``: the real model answers in a subprocess; the history keeps the turn."""

from __future__ import annotations

import signal
from dataclasses import replace
from pathlib import Path

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.vocabulary import MessageState, Role
from tests.unit.cli.conftest import (
    QUICK,
    Run,
    first_output,
    signalled,
    start,
    with_terminal_stderr,
    write_settings,
)


def chat_messages(paths: AppPaths) -> list[list[tuple[str, str, str]]]:
    """Every chat's branch, newest chat first: (role, state, content) per message."""
    with HistoryStore(paths.history_db) as store:
        return [[(m.role, m.state, m.content) for m in store.list_messages(chat.id)]
                for chat in store.list_conversations()]


def test_the_answer_streams_to_stdout_and_is_saved(chatapp: Run, installed: Path,
                                                   app_paths: AppPaths) -> None:
    done = chatapp("ask", "What is the capital of France?")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # not a terminal, not --verbose: nothing but the answer
    [[question, reply]] = chat_messages(app_paths)
    assert question == (Role.USER, MessageState.COMPLETE, "What is the capital of France?")
    role, state, answer = reply
    assert (role, state) == (Role.ASSISTANT, MessageState.COMPLETE) and answer.strip()
    assert done.stdout == (answer if answer.endswith("\n") else answer + "\n")
    with HistoryStore(app_paths.history_db) as store:
        [chat] = store.list_conversations()
        assert chat.title == "What is the capital of France?"
        assert store.list_messages(chat.id)[1].model_file == installed.name


def test_chat_continues_a_chat_and_verbose_tells_how(chatapp: Run, installed: Path,
                                                     app_paths: AppPaths) -> None:
    first = chatapp("ask", "Name a colour.")
    assert first.returncode == 0, first.stderr
    with HistoryStore(app_paths.history_db) as store:
        [chat] = store.list_conversations()
        store.set_conversation_settings(chat.id, {"collections": [7]})  # chosen in the window
    again = chatapp("ask", "--chat", str(chat.id), "-v", "-m", "smollm2", "Another one?")
    assert again.returncode == 0, again.stderr
    assert "(This chat uses Local documents, which the command line does not search" \
        in again.stderr
    assert "Loaded SmolLM2-135M-Instruct.Q4_1" in again.stderr
    assert f"chat {chat.id}: Name a colour." in again.stderr and "tokens" in again.stderr
    [branch] = chat_messages(app_paths)
    assert [(role, text) for role, _state, text in branch][::2] == \
        [(Role.USER, "Name a colour."), (Role.USER, "Another one?")]
    assert branch[3][2] + ("" if branch[3][2].endswith("\n") else "\n") == again.stdout


def test_the_question_can_come_from_stdin(chatapp: Run, installed: Path,
                                          app_paths: AppPaths) -> None:
    done = chatapp("ask", stdin="Why is the sky blue?\nAnswer briefly.\n")
    assert done.returncode == 0, done.stderr
    assert chat_messages(app_paths)[0][0][2] == "Why is the sky blue?\nAnswer briefly."
    dash = chatapp("ask", "-", stdin="Hello")
    assert dash.returncode == 0 and chat_messages(app_paths)[0][0][2] == "Hello"


def test_what_cannot_be_done_says_why_and_saves_nothing(chatapp: Run, installed: Path,
                                                        app_paths: AppPaths) -> None:
    unknown = chatapp("ask", "--model", "llama-70b", "Hello?")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr.startswith("chatapp: No installed model is named 'llama-70b' "
                                     f"(installed chat models: {installed.name})")
    no_file = chatapp("ask", "--model", "/nowhere/model.gguf", "Hello?")
    assert no_file.returncode == 1 and "no model file at /nowhere/model.gguf" in no_file.stderr
    no_chat = chatapp("ask", "--chat", "42", "Hello?")
    assert no_chat.returncode == 1 and "no chat with the id 42" in no_chat.stderr
    empty = chatapp("ask", "  ")
    assert empty.returncode == 2 and "the question is empty" in empty.stderr
    for done in (unknown, no_file, no_chat, empty):
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 3
    assert chat_messages(app_paths) == []


def test_without_any_model_it_says_how_to_get_one(chatapp: Run, app_paths: AppPaths) -> None:
    done = chatapp("ask", "Hello?")
    assert done.returncode == 1
    assert "No model is installed yet" in done.stderr
    assert "chatapp models pull" in done.stderr


def test_ctrl_c_stops_the_answer_keeps_it_and_exits_130(installed: Path,
                                                        app_paths: AppPaths) -> None:
    # Long enough that the model is still writing when the signal comes.
    write_settings(app_paths, replace(QUICK, max_reply_tokens=2048, temperature=0.7))
    process = start("ask", "Write a very long story about a lighthouse keeper, in ten chapters.")
    done = signalled(process, signal.SIGINT, seen=first_output(process))
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    [[_question, (role, state, answer)]] = chat_messages(app_paths)
    assert (role, state) == (Role.ASSISTANT, MessageState.STOPPED)
    assert answer and done.stdout.startswith(answer)


def test_on_a_terminal_stderr_tells_the_stages_and_the_stats(installed: Path,
                                                            app_paths: AppPaths) -> None:
    done = with_terminal_stderr("ask", "Name a bird.")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0] == f"{installed.name}: Checking the model file…"
    assert lines[-1].startswith("(") and f"· {installed.name} · chat 1: Name a bird." \
        in lines[-1]
    [[_question, (_role, _state, answer)]] = chat_messages(app_paths)
    assert done.stdout.strip() == answer.strip()  # stdout stays the answer alone


def test_a_reader_that_goes_away_stops_the_answer_which_stays_saved(
        installed: Path, app_paths: AppPaths) -> None:
    write_settings(app_paths, replace(QUICK, max_reply_tokens=2048, temperature=0.7))
    process = start("ask", "Write a very long story about a lighthouse keeper.")
    assert process.stdout is not None and process.stderr is not None
    first_output(process)
    process.stdout.close()  # as `chatapp ask ... | head -c 1` does
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141, errors  # 128 + SIGPIPE, as a shell reports
    assert "Traceback" not in errors and "Broken pipe" not in errors
    [[_question, (_role, state, answer)]] = chat_messages(app_paths)
    assert state == MessageState.STOPPED and answer
