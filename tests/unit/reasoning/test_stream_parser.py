"""The stream parser: thought and answer apart, the same whatever the split."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chatapp.reasoning.formats import HARMONY_TO_FINAL, ReasoningSyntax, ReplyFormat
from chatapp.reasoning.stream_parser import PieceKind, ReplyParser, split_reply

TAGS = ReplyFormat(ReasoningSyntax.THINK_TAGS, end_markers=("<|im_end|>",))
OPENED = ReplyFormat(ReasoningSyntax.THINK_TAGS, starts_in_reasoning=True,
                     end_markers=("<|im_end|>",))
BRACKETS = ReplyFormat(ReasoningSyntax.THINK_BRACKETS, end_markers=("</s>",))
HARMONY = ReplyFormat(ReasoningSyntax.HARMONY)
PLAIN = ReplyFormat(ReasoningSyntax.NONE, end_markers=("<end_of_turn>",))

HARMONY_REPLY = ("<|channel|>analysis<|message|>User greets. Reply kindly.<|end|>"
                 "<|start|>assistant<|channel|>final<|message|>Hello! How are you?<|return|>")


@pytest.mark.parametrize(("reply_format", "text", "expected"), [
    (TAGS, "<think>\nFirst, 2+2.\n</think>\n\nIt is 4.", ("First, 2+2.", "It is 4.")),
    (TAGS, "  <think>a < b & c</think>Yes<|im_end|>ignored", ("a < b & c", "Yes")),
    (TAGS, "No thought here.", ("", "No thought here.")),
    (TAGS, "Writes <think> later", ("", "Writes <think> later")),  # only a start opens one
    (TAGS, "<think>never closed", ("never closed", "")),
    (TAGS, "<thi", ("", "<thi")),  # a tag never finished is text
    (OPENED, "Reasoning already open.\n</think>\n\nAnswer.", ("Reasoning already open.",
                                                            "Answer.")),
    (OPENED, "<think>\nthe tag again\n</think>Answer", ("the tag again", "Answer")),
    (BRACKETS, "[THINK]Check units.[/THINK]42 m</s>", ("Check units.", "42 m")),
    (HARMONY, HARMONY_REPLY, ("User greets. Reply kindly.", "Hello! How are you?")),
    # llama.cpp may hide <|end|> (a control token): the next header still ends the thought.
    (HARMONY, HARMONY_REPLY.replace("<|end|>", ""), ("User greets. Reply kindly.",
                                                     "Hello! How are you?")),
    (HARMONY, "Just text, no channels.", ("", "Just text, no channels.")),
    (HARMONY, "<|channel|>final<|message|>Direct.<|return|>", ("", "Direct.")),
    (PLAIN, "An answer<end_of_turn>\nmore", ("", "An answer")),
    (PLAIN, "  keeps <think> as text ", ("", "keeps <think> as text")),
])
def test_thought_and_answer(reply_format: ReplyFormat, text: str,
                            expected: tuple[str, str]) -> None:
    assert split_reply(text, reply_format) == expected


def test_end_marker_stops_the_reply() -> None:
    parser = ReplyParser(TAGS)
    pieces = parser.feed("<think>x</think>done<|im_")
    states = [parser.ended]
    pieces += parser.feed("end|>and then some")
    states.append(parser.ended)
    assert states == [False, True]
    assert parser.feed("more") == []
    assert [(p.kind, p.text) for p in pieces] == [(PieceKind.REASONING, "x"),
                                                  (PieceKind.ANSWER, "done")]


def test_a_marker_never_shows_even_half() -> None:
    parser = ReplyParser(TAGS)
    shown: list[str] = []
    for piece in ("<", "think", ">", "idea", "</", "thi", "nk", ">", "Answer"):
        shown += [p.text for p in parser.feed(piece)]
    shown += [p.text for p in parser.close()]
    assert "".join(shown) == "ideaAnswer"
    assert not any(c in text for text in shown for c in "<>")


def test_in_reasoning_follows_the_stream() -> None:
    def states(parser: ReplyParser, *pieces: str) -> list[bool]:
        seen = [parser.in_reasoning]
        for piece in pieces:
            parser.feed(piece)
            seen.append(parser.in_reasoning)
        return seen

    assert states(ReplyParser(OPENED), "thinking...", "</think>Now the answer") == [
        True, True, False]
    assert states(ReplyParser(HARMONY), "<|channel|>analysis<|message|>hm",
                  "<|end|><|start|>assistant<|channel|>final<|message|>A") == [True, True, False]
    assert not ReplyParser(PLAIN).in_reasoning


def test_force_answer_turns_the_rest_into_the_answer() -> None:
    parser = ReplyParser(OPENED)
    pieces = parser.feed("a long thought that goes on")
    pieces += parser.force_answer()
    pieces += parser.feed("The answer.") + parser.close()
    assert [(p.kind, p.text) for p in pieces] == [
        (PieceKind.REASONING, "a long thought that goes on"),
        (PieceKind.ANSWER, "The answer.")]
    assert OPENED.to_answer == "</think>\n\n"
    assert HARMONY.to_answer == HARMONY_TO_FINAL


def _split(text: str, cuts: list[int]) -> list[str]:
    points = sorted({c % (len(text) + 1) for c in cuts})
    bounds = [0, *points, len(text)]
    return [text[a:b] for a, b in pairwise(bounds)]


def _streamed(reply_format: ReplyFormat, pieces: list[str]) -> tuple[str, str, bool]:
    parser = ReplyParser(reply_format)
    out = [p for piece in pieces for p in parser.feed(piece)] + parser.close()
    assert all(p.text for p in out)  # nothing empty is ever sent on
    return ("".join(p.text for p in out if p.kind is PieceKind.REASONING),
            "".join(p.text for p in out if p.kind is PieceKind.ANSWER), parser.ended)


# Text built of the markers themselves, their fragments, whitespace and words: where
# splits go wrong.
_ATOMS = st.sampled_from([
    "<think>", "</think>", "[THINK]", "[/THINK]", "<|im_end|>", "</s>", "<end_of_turn>",
    "<|channel|>", "analysis", "final", "<|message|>", "<|end|>", "<|start|>", "assistant",
    "<|return|>", "<", "</", "<|", "|>", "[", "think", " ", "\n", "\n\n", "a", "Answer.",
    "x < y", "é", "🦉",
])
_TEXTS = st.lists(_ATOMS, max_size=24).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, cuts=st.lists(st.integers(min_value=0, max_value=400), max_size=12),
       reply_format=st.sampled_from([TAGS, OPENED, BRACKETS, HARMONY, PLAIN]))
def test_any_split_gives_the_same_thought_and_answer(
        text: str, cuts: list[int], reply_format: ReplyFormat) -> None:
    whole = _streamed(reply_format, [text])
    assert _streamed(reply_format, _split(text, cuts)) == whole
    assert _streamed(reply_format, list(text)) == whole  # one character at a time


@settings(max_examples=200, deadline=None)
@given(thought=st.text(st.characters(blacklist_characters="<[|"), max_size=40),
       answer=st.text(st.characters(blacklist_characters="<[|"), max_size=40),
       cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=8))
def test_what_is_written_comes_back(thought: str, answer: str, cuts: list[int]) -> None:
    text = f"<think>{thought}</think>{answer}<|im_end|>"
    reasoning, shown, ended = _streamed(TAGS, _split(text, cuts))
    assert (reasoning, shown, ended) == (thought.strip(), answer.strip(), True)


def test_a_cut_reply_keeps_its_trailing_space_for_a_continuation() -> None:
    for cut, expected in ((False, "in the year"), (True, "in the year ")):
        parser = ReplyParser(PLAIN)
        pieces = parser.feed("in the year ") + parser.close(cut=cut)
        assert "".join(p.text for p in pieces) == expected
