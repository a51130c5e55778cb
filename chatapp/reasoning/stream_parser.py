"""A reply's text, as it streams, told apart into thought and answer.

Pieces arrive however the tokens fell: a tag can be split across pieces ("</th", "ink>").
Text that could still be the start of a marker is held back until the next piece
settles it, so the thought and answer come out the same whatever the split (the
property tests check this), and a marker never shows even for a moment.

Whitespace around the thought and the answer is trimmed: models write "\\n\\n" after
"</think>", and a thought's trailing newline is markup, not content. Trailing whitespace
is held back until more text follows, which keeps the output independent of the split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from chatapp.reasoning.formats import (
    HARMONY_CALL,
    HARMONY_CHANNEL,
    HARMONY_CONSTRAIN,
    HARMONY_END,
    HARMONY_MARKERS,
    HARMONY_MESSAGE,
    HARMONY_RETURN,
    HARMONY_START,
    ReasoningSyntax,
    ReplyFormat,
)

# A harmony header ("<|channel|>analysis") is a few words; text that runs on without
# "<|message|>" is a model that skipped the markup, and is shown as the answer.
_MAX_HEADER_CHARS = 200


class PieceKind(StrEnum):
    REASONING = "reasoning"
    ANSWER = "answer"


@dataclass(frozen=True)
class Piece:
    kind: PieceKind
    text: str


@dataclass
class _Channel:
    """Output of one kind: leading whitespace dropped, trailing whitespace held back."""

    kind: PieceKind
    started: bool = False
    held: str = ""  # trailing whitespace, emitted only if more text follows
    out: list[Piece] = field(default_factory=list)

    def write(self, text: str) -> None:
        if not self.started:
            text = text.lstrip()
            if not text:
                return
            self.started = True
        body = text.rstrip()
        if body:
            self.out.append(Piece(self.kind, self.held + body))
            self.held = text[len(body):]
        else:
            self.held += text

    def separate(self) -> None:
        """A new message of the same kind begins (harmony): keep them a paragraph apart."""
        if self.started:
            self.held = "\n\n"


def _partial_suffix(text: str, markers: tuple[str, ...]) -> int:
    """Length of the longest end of ``text`` that could begin one of ``markers``."""
    longest = 0
    for marker in markers:
        for size in range(min(len(marker) - 1, len(text)), longest, -1):
            if text.endswith(marker[:size]):
                longest = size
                break
    return longest


def _first(text: str, markers: tuple[str, ...]) -> tuple[int, str]:
    """The earliest marker in ``text`` (the longest one where several start there)."""
    best, found = -1, ""
    for marker in markers:
        at = text.find(marker)
        if at >= 0 and (best < 0 or at < best or (at == best and len(marker) > len(found))):
            best, found = at, marker
    return best, found


class ReplyParser:
    """Feed text as it streams; get the thought's and the answer's pieces back."""

    def __init__(self, reply_format: ReplyFormat) -> None:
        self.format = reply_format
        self.ended = False  # an end-of-turn marker came: the reply is over
        self._pending = ""
        self._reasoning = _Channel(PieceKind.REASONING)
        self._answer = _Channel(PieceKind.ANSWER)
        self._out: list[Piece] = []
        self._channel_kind = PieceKind.ANSWER  # what the current harmony message is
        syntax = reply_format.syntax
        if syntax is ReasoningSyntax.HARMONY:
            self._state = "header"
            self._header = ""
        elif syntax is ReasoningSyntax.NONE:
            self._state = "answer"
        else:
            self._state = "reasoning" if reply_format.starts_in_reasoning else "start"
        self._thought_started = False

    @property
    def in_reasoning(self) -> bool:
        """Still thinking (or possibly about to): the answer has not begun."""
        if self._state == "answer":
            return False
        if self._state == "harmony_body":
            return self._channel_kind is PieceKind.REASONING
        return self.format.thinks

    def feed(self, text: str) -> list[Piece]:
        if self.ended or not text:
            return []
        self._pending += text
        self._run(final=False)
        return self._take()

    def close(self, *, cut: bool = False) -> list[Piece]:
        """The stream ended: what was held back is settled. A reply ``cut`` short (the
        length limit, Stop) keeps its answer's trailing whitespace: it may be continued,
        and "the year" + "1850" must not lose the space between them."""
        if not self.ended:
            self._run(final=True)
        if cut and self._answer.started and self._answer.held:
            self._answer.out.append(Piece(PieceKind.ANSWER, self._answer.held))
            self._answer.held = ""
        return self._take()

    def force_answer(self) -> list[Piece]:
        """The thinking budget is spent: what follows is the answer.

        The caller writes ``format.to_answer`` into the model's context; the parser
        does not wait to see it come back.
        """
        self._run(final=True)
        self._state = "answer"
        return self._take()

    # -- the machine ------------------------------------------------------------------

    def _take(self) -> list[Piece]:
        for channel in (self._reasoning, self._answer):
            self._out += channel.out
            channel.out.clear()
        out, self._out = self._out, []
        return _merge(out)

    def _emit(self, kind: PieceKind, text: str) -> None:
        if not text:
            return
        # Pieces keep their order: flush the other channel's finished output first.
        channel = self._reasoning if kind is PieceKind.REASONING else self._answer
        other = self._answer if kind is PieceKind.REASONING else self._reasoning
        self._out += other.out
        other.out.clear()
        channel.write(text)

    def _end(self, before: str) -> None:
        self._emit(self._kind(), before)
        self.ended = True
        self._pending = ""

    def _kind(self) -> PieceKind:
        if self._state == "harmony_body":
            return self._channel_kind
        return PieceKind.REASONING if self._state == "reasoning" else PieceKind.ANSWER

    def _run(self, *, final: bool) -> None:
        while self._pending and not self.ended:
            if self.format.syntax is ReasoningSyntax.HARMONY:
                progressed = self._step_harmony(final)
            else:
                progressed = self._step_tags(final)
            if not progressed:
                return

    def _hold_or_emit(self, markers: tuple[str, ...], final: bool) -> bool:
        """No marker in the pending text: emit all but what could begin one."""
        keep = 0 if final else _partial_suffix(self._pending, markers)
        text = self._pending[:len(self._pending) - keep]
        self._pending = self._pending[len(text):]
        self._emit(self._kind(), text)
        return False

    def _step_tags(self, final: bool) -> bool:
        fmt = self.format
        ends = fmt.end_markers
        if self._state == "start":
            stripped = self._pending.lstrip()
            if stripped.startswith(fmt.open_tag):
                self._pending = stripped[len(fmt.open_tag):]
                self._state = "reasoning"
                self._thought_started = True
                return True
            if not final and (not stripped or fmt.open_tag.startswith(stripped)):
                return False  # still could be the tag
            self._state = "answer"
            return True
        if self._state == "reasoning":
            if not self._thought_started:
                # A thought the prompt opened; some models write the tag again anyway.
                stripped = self._pending.lstrip()
                if not final and (not stripped or fmt.open_tag.startswith(stripped)):
                    return False
                if stripped.startswith(fmt.open_tag):
                    self._pending = stripped[len(fmt.open_tag):]
                self._thought_started = True
            markers = (fmt.close_tag, *ends)
        else:
            markers = ends
        at, marker = _first(self._pending, markers)
        if at < 0:
            return self._hold_or_emit(markers, final)
        before, self._pending = self._pending[:at], self._pending[at + len(marker):]
        if marker == fmt.close_tag and self._state == "reasoning":
            self._emit(PieceKind.REASONING, before)
            self._state = "answer"
            return True
        self._end(before)
        return False

    def _step_harmony(self, final: bool) -> bool:
        markers = (*HARMONY_MARKERS, *self.format.end_markers)
        at, marker = _first(self._pending, markers)
        if self._state == "header":
            if at < 0:
                if final or len(self._header) + len(self._pending) > _MAX_HEADER_CHARS:
                    # No markup after all: it is all answer.
                    text, self._pending = self._header + self._pending, ""
                    self._header = ""
                    self._state = "answer"
                    self._emit(PieceKind.ANSWER, text)
                return False
            self._header += self._pending[:at]
            self._pending = self._pending[at + len(marker):]
            if marker == HARMONY_MESSAGE:
                self._open_body()
            elif marker in (HARMONY_RETURN, HARMONY_CALL) or marker in self.format.end_markers:
                self.ended = True
                self._pending = ""
            elif marker in (HARMONY_CHANNEL, HARMONY_START, HARMONY_CONSTRAIN):
                self._header += marker
            return True
        if self._state == "answer":
            # Markup-less answer (see above): only end markers still count.
            ends = (HARMONY_RETURN, HARMONY_CALL, *self.format.end_markers)
            at, marker = _first(self._pending, ends)
            if at < 0:
                return self._hold_or_emit(ends, final)
            self._end(self._pending[:at])
            return False
        # In a message's body.
        if at < 0:
            return self._hold_or_emit(markers, final)
        before, self._pending = self._pending[:at], self._pending[at + len(marker):]
        if marker in (HARMONY_RETURN, HARMONY_CALL) or marker in self.format.end_markers:
            self._end(before)
            return False
        self._emit(self._channel_kind, before)
        # <|end|>, or a new header without it (the tokenizer may hide <|end|>).
        self._state = "header"
        self._header = "" if marker == HARMONY_END else marker
        return True

    def _open_body(self) -> None:
        header = self._header
        self._header = ""
        channel = ""
        if HARMONY_CHANNEL in header:
            channel = header.split(HARMONY_CHANNEL, 1)[1].split(HARMONY_CONSTRAIN)[0]
            channel = channel.split()[0] if channel.split() else ""
        kind = PieceKind.REASONING if channel == "analysis" else PieceKind.ANSWER
        self._channel_kind = kind
        (self._reasoning if kind is PieceKind.REASONING else self._answer).separate()
        self._state = "harmony_body"


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and merged[-1].kind is piece.kind:
            merged[-1] = Piece(piece.kind, merged[-1].text + piece.text)
        else:
            merged.append(piece)
    return merged


def split_reply(text: str, reply_format: ReplyFormat) -> tuple[str, str]:
    """(thought, answer) of a whole reply."""
    parser = ReplyParser(reply_format)
    pieces = parser.feed(text) + parser.close()
    reasoning = "".join(p.text for p in pieces if p.kind is PieceKind.REASONING)
    answer = "".join(p.text for p in pieces if p.kind is PieceKind.ANSWER)
    return reasoning, answer
