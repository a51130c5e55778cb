"""History at scale: opening a 2,000-message chat, searching 100,000 messages.

Test data is written through the app's own HistoryStore API (so the full-text index is
built the way a real history's is, message by message). The 100,000-message history
takes a minute or two to write; it is kept in build/bench-cache, keyed by the schema
version and the generator, and copied for each run.

Open: the window's own ``open_conversation`` (what a click in the sidebar calls) from
the request until the view has painted the conversation (the first paint pass of the
view after it shows that chat, completed). Alternates with a short chat, so every open
of the long one builds its widgets anew.

Search: ``HistoryStore.search`` (what the search box calls), several queries from common
to rare words, each repeated; search_100k_ms is the median over queries of each query's
median time.

Search as you type: in the app's window (no model) over a copy of the same history, the
search panel (Ctrl+K) is typed into one key at a time, each key waiting for its results;
search_keystroke_ms is the 90th percentile, over every key, of the time from the key
press to that text's results in the list (the query ran on the history thread).
"""

from __future__ import annotations

import hashlib
import random
import shutil
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtTest import QTest

from bench.app_session import AppSession, wait_until
from bench.common import CACHE_DIR, BenchError, Config, median, summary
from chatapp.history.migrations import LATEST_VERSION
from chatapp.history.store import HistoryStore
from chatapp.paths import AppPaths
from chatapp.settings import Settings

GENERATOR_VERSION = 1
# Marker words with known frequencies (share of messages containing them), for searches
# from common to rare.
MARKERS = {"python": 0.2, "sqlite": 0.02, "kubernetes": 0.002, "zeppelin": 0.0002}
QUERIES = ("python", "sqlite", "kubernetes", "zeppelin", "python sqlite", "kube",
           "lighthouse keeper")
# Typed a key at a time: common and rare words, two words, and one matching nothing.
KEYSTROKE_QUERIES = ("python sqlite", "kubernetes", "lighthouse keeper")
_COMMON_TEXT = (
    "the of and to in is it that for on with as was at by this be from or have an are not "
    "but what all were when we there can more if no out so said up about into than them "
    "some could time these two may first then do any like now over such made after also "
    "did many before must through back years where much your way well down should because "
    "each just those people how too little state good very make world still own see work "
    "long get here between both life being under never day same another know while last "
    "might great old year off come since against go came right used take three small "
    "function value error file data code return list string number test model question "
    "answer example result output input version problem change reason system memory"
)
_COMMON = tuple(_COMMON_TEXT.split())


class TextMaker:
    """Deterministic, English-like chat messages with some Markdown."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        syllables = ["ka", "lo", "mi", "ret", "an", "vo", "su", "del", "tri", "po", "ne",
                     "sar", "qu", "ib", "or", "fen", "ta", "gu", "lem", "ost"]
        rng = random.Random(seed + 1)
        synthetic = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))
                     for _ in range(6000)}
        self.vocabulary = list(_COMMON) + sorted(synthetic)
        # Zipf-like: the common words first, then a long tail.
        weights = [1 / (rank + 1) for rank in range(len(self.vocabulary))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def words(self, count: int) -> list[str]:
        words = self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)
        for marker, share in MARKERS.items():
            if self.rng.random() < share:
                words.insert(self.rng.randrange(len(words) + 1), marker)
        return words

    def sentence(self, count: int) -> str:
        words = self.words(count)
        return " ".join(words).capitalize() + "."

    def user(self) -> str:
        return " ".join(self.sentence(self.rng.randint(5, 18))
                        for _ in range(self.rng.randint(1, 3)))

    def assistant(self) -> str:
        parts = []
        for _ in range(self.rng.randint(2, 5)):
            kind = self.rng.random()
            if kind < 0.15:
                body = "\n".join(f"    {' '.join(self.words(self.rng.randint(2, 8)))}"
                                 for _ in range(self.rng.randint(2, 8)))
                parts.append(f"```python\n{body}\n```")
            elif kind < 0.3:
                parts.append("\n".join(f"- {self.sentence(self.rng.randint(4, 12))}"
                                       for _ in range(self.rng.randint(2, 5))))
            else:
                parts.append(" ".join(self.sentence(self.rng.randint(8, 24))
                                      for _ in range(self.rng.randint(1, 4))))
        return "\n\n".join(parts)


def fill_conversation(store: HistoryStore, maker: TextMaker, messages: int,
                      title: str) -> int:
    conversation = store.create_conversation(title)
    for index in range(messages):
        role = "user" if index % 2 == 0 else "assistant"
        text = maker.user() if role == "user" else maker.assistant()
        store.add_message(conversation.id, role, text)
    return conversation.id


def fill_branched(store: HistoryStore, maker: TextMaker, messages: int, title: str,
                  every: int = 10) -> int:
    """A chat of ``messages`` on the branch on screen where every ``every``-th reply was
    regenerated twice and every ``every``-th question edited once: the older versions
    stay as branches (about 40% more messages), the newest is shown."""
    conversation = store.create_conversation(title)
    for index in range(messages):
        role = "user" if index % 2 == 0 else "assistant"
        text = maker.user() if role == "user" else maker.assistant()
        turn = index // 2
        versions = 3 if role == "assistant" and turn % every == 0 else \
            2 if role == "user" and turn % every == every // 2 else 1
        parent = store.get_conversation(conversation.id).active_leaf_id
        for _ in range(versions):
            store.add_message(conversation.id, role, text, parent_id=parent)
    return conversation.id


def _generator_key(messages: int) -> str:
    source = Path(__file__).read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:10]
    return f"history-{messages}-g{GENERATOR_VERSION}-s{LATEST_VERSION}-{digest}.sqlite3"


def search_history(messages: int, log: Callable[[str], None], folder: Path) -> Path:
    """A history of ``messages`` messages in chats of 200, written via the app's API."""
    cached = folder / _generator_key(messages)
    if cached.is_file():
        return cached
    log(f"  writing a history of {messages:,} messages (once; kept in {folder})")
    folder.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    maker = TextMaker(7)
    started = time.perf_counter()
    with HistoryStore(partial) as store:
        written = 0
        while written < messages:
            count = min(200, messages - written)
            fill_conversation(store, maker, count, f"Chat {written // 200 + 1}")
            written += count
    log(f"  written in {time.perf_counter() - started:.0f} s")
    partial.replace(cached)
    return cached


def run_search(cfg: Config, work: Path, log: Callable[[str], None]) -> dict[str, object]:
    source = search_history(cfg.search_messages, log, work if cfg.quick else CACHE_DIR)
    copy = work / "search.sqlite3"
    shutil.copyfile(source, copy)
    per_query: dict[str, dict[str, object]] = {}
    medians = []
    with HistoryStore(copy) as store:
        for query in QUERIES:
            times = []
            hits = 0
            for _ in range(cfg.search_reps):
                started = time.perf_counter()
                hits = len(store.search(query))
                times.append((time.perf_counter() - started) * 1000)
            per_query[query] = {"hits": hits, "first_ms": times[0], **summary(times)}
            medians.append(median(times))
    keystrokes = run_keystrokes(cfg, source, work)
    return {"search_100k_ms": median(medians), "queries": per_query,
            "messages": cfg.search_messages,
            "search_keystroke_ms": keystrokes["p90"], "keystrokes": keystrokes}


def run_keystrokes(cfg: Config, source: Path, work: Path) -> dict[str, object]:
    """Milliseconds from a key pressed in the window's search panel to the results for
    the text it makes shown in the list, for every key of KEYSTROKE_QUERIES."""
    home = work / "keystroke-home"
    paths = AppPaths.portable(home)
    paths.ensure()
    shutil.copyfile(source, paths.history_db)
    session = AppSession(home, Settings(), cfg.timeout_s, expect_model=False)
    times: list[float] = []
    try:
        panel = session.window.search_panel
        shown: list[tuple[str, float]] = []
        panel.results_shown.connect(lambda query: shown.append((query, time.perf_counter())))

        def answered(text: str) -> bool:
            return bool(shown) and shown[-1][0] == text

        for _ in range(cfg.search_reps):
            for query in KEYSTROKE_QUERIES:
                session.window.menu_actions.search_chats.trigger()
                panel.field.clear()
                for key in query:
                    text = panel.field.text() + key
                    started = time.perf_counter()
                    QTest.keyClicks(panel.field, key)
                    wait_until(partial(answered, text), session.timeout_s,
                               f"the results for {text!r}", poll_ms=1)
                    times.append((shown[-1][1] - started) * 1000)
                panel.close_panel()
    finally:
        session.close()
    ordered = sorted(times)
    return {"p90": ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))],
            "keys": len(times), "queries": list(KEYSTROKE_QUERIES), **summary(times)}


class _PaintWatch(QObject):
    """Notes when the view has finished its first paint pass showing a conversation.

    Watches only the widget that holds the messages (the scroll area's widget): it is
    painted, before the messages on it, in every paint pass that shows them.
    """

    def __init__(self, session: AppSession, conversation_id: int) -> None:
        super().__init__()
        self.view = session.window.view
        self.conversation_id = conversation_id
        self.painted_at: float | None = None
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self._seen and event.type() == QEvent.Type.Paint
                and self.view.conversation_id == self.conversation_id):
            self._seen = True
            # Runs once this paint pass (all of the view's widgets) has completed.
            QTimer.singleShot(0, self._done)
        return False

    def _done(self) -> None:
        self.painted_at = time.perf_counter()


def time_open(session: AppSession, conversation_id: int) -> float:
    """Milliseconds from the open request to the conversation painted."""
    watch = _PaintWatch(session, conversation_id)
    column = session.window.view.widget()
    if column is None:
        raise BenchError("the conversation view has no widget")
    column.installEventFilter(watch)
    try:
        started = time.perf_counter()
        session.window.session.open_conversation(conversation_id)
        wait_until(lambda: watch.painted_at is not None, session.timeout_s,
                   "the conversation to be painted", poll_ms=5)
    finally:
        column.removeEventFilter(watch)
    assert watch.painted_at is not None
    session.settle()
    return (watch.painted_at - started) * 1000


def run_open(work: Path, cfg: Config) -> dict[str, object]:
    """In a window without a model: with one, opening a chat also starts measuring its
    context on the engine thread (see bench/context_cost.py), which for a long chat
    keeps a core busy for minutes and would disturb everything measured after it."""
    session = AppSession(work / "open-home", Settings(), cfg.timeout_s, expect_model=False)
    try:
        maker = TextMaker(11)
        with HistoryStore(session.paths.history_db) as store:
            long_chat = fill_conversation(store, maker, cfg.open_messages, "Long chat")
            branched_chat = fill_branched(store, maker, cfg.open_messages, "Branched chat")
            short_chat = fill_conversation(store, maker, 4, "Short chat")
            for chat in (long_chat, branched_chat):
                if len(store.list_messages(chat)) != cfg.open_messages:
                    raise BenchError("a long chat was not written completely")
            branched_total = len(store.list_tree(branched_chat))
        session.window.session.refresh_conversations()
        session.settle()
        times = []
        branched_times = []
        short_times = []
        for _ in range(cfg.open_reps):
            short_times.append(time_open(session, short_chat))
            times.append(time_open(session, long_chat))
            short_times.append(time_open(session, short_chat))
            branched_times.append(time_open(session, branched_chat))
        shown = len(session.window.view.messages)
        loaded = session.window.session.model is not None
    finally:
        session.close()
    return {"open_2000_ms": median(times), "first_open_ms": times[0], **summary(times),
            "open_branched_2000_ms": median(branched_times),
            "branched": {**summary(branched_times), "messages_in_tree": branched_total},
            "short_chat_ms": summary(short_times), "messages": cfg.open_messages,
            "widgets_shown": shown, "model_loaded": loaded}

