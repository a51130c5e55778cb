"""llama.cpp work off the engine thread, in a thread that ends with the work.

llama.cpp computes with OpenMP, and every thread that runs a computation keeps a team of
OpenMP workers for as long as it lives. While more such workers exist than the computer
has CPUs, libgomp stops every team spin-waiting between the steps of a computation, and
the engine thread's generation, which lives on that spinning, slows down: on two cores a
reply ran 2.6 times slower for the rest of the session once the indexing thread (which
lives as long as the window) had embedded anything. A thread that ends frees its team.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["run_in_passing_thread"]

T = TypeVar("T")


def run_in_passing_thread(work: Callable[[], T], name: str = "llama-compute") -> T:
    """``work()``'s result, computed in a new thread that ends before this returns; its
    exception, if it raised one, is raised here."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as error:  # noqa: BLE001 - raised again in the caller
            failure.append(error)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return outcome[0]
