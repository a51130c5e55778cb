"""``chatapp chat`` driven through stdin, with the real model: one load, many turns."""

from __future__ import annotations

import signal
import subprocess
from dataclasses import replace
from pathlib import Path

from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.vocabulary import MessageState, Role
from tests.unit.cli.conftest import QUICK, Run, first_output, signalled, start, write_settings


def chats(paths: AppPaths) -> dict[str, list[tuple[str, str, str]]]:
    """Every chat by title: its branch as (role, state, content)."""
    with HistoryStore(paths.history_db) as store:
        return {chat.title: [(m.role, m.state, m.content)
                             for m in store.list_messages(chat.id)]
                for chat in store.list_conversations()}


def test_questions_commands_and_exit(chatapp: Run, installed: Path,
                                     app_paths: AppPaths) -> None:
    done = chatapp("chat", stdin="Hello there\n\n/frobnicate\n/new\nName a fruit.\n"
                                 "/help\n/exit\nNever asked\n")
    assert done.returncode == 0, done.stderr
    saved = chats(app_paths)
    assert sorted(saved) == ["Hello there", "Name a fruit."]  # /new started the second
    for title, [question, reply] in saved.items():
        assert question == (Role.USER, MessageState.COMPLETE, title)
        assert reply[:2] == (Role.ASSISTANT, MessageState.COMPLETE)
        assert reply[2].strip() and reply[2] in done.stdout  # streamed to stdout
    assert "There is no command /frobnicate. /help lists them." in done.stderr
    assert "/new    start a new chat" in done.stderr
    assert "Chatting with" not in done.stderr  # a pipe: no greeting, no prompts
    assert ">" not in done.stdout.replace("->", "")


def test_end_of_input_leaves_and_chat_goes_on_with_a_chat(chatapp: Run, installed: Path,
                                                          app_paths: AppPaths) -> None:
    first = chatapp("chat", stdin="Name a colour.\n")  # then Ctrl-D: the end of stdin
    assert first.returncode == 0, first.stderr
    with HistoryStore(app_paths.history_db) as store:
        [chat] = store.list_conversations()
    again = chatapp("chat", "--chat", str(chat.id), stdin="Another one?\nAnd one more?\n")
    assert again.returncode == 0, again.stderr
    assert f"Going on with chat {chat.id}: Name a colour. (2 messages)." in again.stderr
    [branch] = chats(app_paths).values()
    assert [text for role, _state, text in branch if role == Role.USER] == \
        ["Name a colour.", "Another one?", "And one more?"]
    assert len(branch) == 6


def test_ctrl_c_stops_the_answer_and_the_chat_goes_on(installed: Path,
                                                      app_paths: AppPaths) -> None:
    write_settings(app_paths, replace(QUICK, max_reply_tokens=2048, temperature=0.7))
    process = start("chat", stdin=subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write(b"Write a very long story about a lighthouse keeper.\n")
    process.stdin.flush()
    # Then a command: the session is still there to answer it.
    done = signalled(process, signal.SIGINT, seen=first_output(process), then=b"/help\n")
    assert done.returncode == 0, done.stderr
    stopped_at = done.stderr.index("(stopped; what was written is saved)")
    assert done.stderr.index("/new    start a new chat") > stopped_at
    [[_question, (role, state, story)]] = chats(app_paths).values()
    assert (role, state) == (Role.ASSISTANT, MessageState.STOPPED)
    assert story and done.stdout.startswith(story)
