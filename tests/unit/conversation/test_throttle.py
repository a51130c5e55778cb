"""Throttle: bounded rate, nothing held back for long, nothing lost or reordered."""

from __future__ import annotations

import threading

import pytest

from chatapp.conversation.throttle import Throttle


class Sink:
    def __init__(self) -> None:
        self.got: list[str] = []
        self.threads: set[int] = set()
        self.arrived = threading.Condition()

    def __call__(self, texts: list[str]) -> None:
        with self.arrived:
            self.got.append("".join(texts))
            self.threads.add(threading.get_ident())
            self.arrived.notify_all()

    def wait_for(self, joined: str, timeout: float = 10) -> bool:
        with self.arrived:
            return self.arrived.wait_for(lambda: "".join(self.got) == joined, timeout)


def test_the_first_piece_goes_at_once_and_held_text_follows_without_more_pushes() -> None:
    sink = Sink()
    throttle = Throttle[str](sink, 0.2)
    throttle.push("a")
    assert sink.wait_for("a")
    throttle.push("b")
    throttle.push("c")  # held: within the interval, and nothing pushed after it
    assert sink.wait_for("abc")
    assert sink.got[-1] == "bc"  # one delivery for both
    assert threading.get_ident() not in sink.threads  # delivered on its own thread
    throttle.close()


def test_close_hands_the_rest_to_the_caller_or_delivers_it() -> None:
    sink = Sink()
    throttle = Throttle[str](sink, 60)  # nothing but the first piece can go on its own
    throttle.push("first")
    assert sink.wait_for("first")
    throttle.push(" second")
    here: list[list[str]] = []
    throttle.close(rest_here=here.append)
    assert here == [[" second"]] and sink.got == ["first"]
    other = Sink()
    throttle = Throttle[str](other, 60)
    throttle.push("x")
    assert other.wait_for("x")
    throttle.push("y")
    throttle.close()
    assert other.got == ["x", "y"]
    with pytest.raises(RuntimeError):
        throttle.push("z")


def test_a_failing_delivery_is_raised_by_close() -> None:
    def broken(_texts: list[str]) -> None:
        raise OSError(28, "No space left on device")

    throttle = Throttle[str](broken, 0.01)
    throttle.push("a")
    with pytest.raises(OSError, match="No space"):
        throttle.close()


def test_items_keep_their_order_and_kind() -> None:
    got: list[list[tuple[str, int]]] = []
    done = threading.Event()

    def sink(items: list[tuple[str, int]]) -> None:
        got.append(items)
        if items[-1] == ("end", 3):
            done.set()

    throttle = Throttle[tuple[str, int]](sink, 0.05)
    for item in (("a", 1), ("b", 2), ("end", 3)):
        throttle.push(item)
    assert done.wait(10)
    throttle.close()
    assert [item for batch in got for item in batch] == [("a", 1), ("b", 2), ("end", 3)]
