"""Files on questions and sources under replies, in the conversation view."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from chatapp.history.store import Attachment, Citation
from chatapp.ui.conversation_view import INITIAL_MESSAGES
from tests.unit.ui.test_conversation_view import STATS, make, message

SHA = "ab" * 32
CAT = Attachment("cat.txt", SHA, 46, "text")
CITED = Citation(1, "attachment", "cat.txt", "The lighthouse keeper's cat is named Quintus.",
                 sha256=SHA, start=0, end=46)


def test_a_chat_opens_with_its_files_and_sources(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.set_documents(1, {1: [CAT]}, {2: [CITED]})
    view.show_conversation(1, [message(1, "user", "The cat?"), message(2, "assistant", "Q [1]")])
    question, reply = view.messages
    assert question.chips is not None and [c.name for c in question.chips.chips] == ["cat.txt"]
    assert reply.chips is None and question.citations is None  # made only when needed
    assert reply.citations is not None and reply.citations.citations == (CITED,)
    clicked: list[Citation] = []
    view.citation_activated.connect(clicked.append)
    reply.citations.buttons[0].click()
    assert clicked == [CITED]


def test_after_a_reply_its_sources_and_the_files_use_appear(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.show_conversation(1, [])
    view.set_documents(1, {1: [CAT]}, {})  # the question was saved with its file
    question = view.add_user_message(message(1, "user", "The cat?"))
    assert question.chips is not None
    assert question.chips.chips[0].detail_label.text() == "46 bytes"
    view.start_reply()
    view.finish_reply(message(2, "assistant", "Quintus [1]."), STATS)
    used = Attachment("cat.txt", SHA, 46, "text", "whole")
    view.set_documents(1, {1: [used]}, {2: [CITED]})
    assert question.chips.chips[0].detail_label.text() == "46 bytes · whole"
    reply = view.messages[-1]
    assert reply.citations is not None and reply.citations.isVisibleTo(reply)


def test_another_chat_forgets_the_last_ones_documents(qtbot: QtBot) -> None:
    view = make(qtbot)
    view.set_documents(1, {1: [CAT]}, {})
    view.set_documents(2, {}, {})
    view.show_conversation(2, [message(1, "user", "same id, other chat?")])
    assert view.messages[0].chips is None


def test_earlier_messages_shown_later_get_their_files(qtbot: QtBot) -> None:
    view = make(qtbot)
    messages = [message(n, "user" if n % 2 else "assistant", f"m{n}")
                for n in range(1, INITIAL_MESSAGES + 4)]
    view.set_documents(1, {1: [CAT]}, {})
    view.show_conversation(1, messages)
    assert all(w.chips is None for w in view.messages)
    view.earlier_button.click()
    assert view.messages[0].chips is not None
