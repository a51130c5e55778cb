"""Exporting and importing chats at scale: 1,000 chats (about 29,000 messages, with
branches, thoughts, stats and settings) exported to JSON as File ▸ Export all chats…
does it: read from the history, rendered, written atomically. export_1000_s is the
median of a few exports; the same chats as one HTML page, and importing the JSON file
into an empty history, are measured once, for comparison (no target).

The history is written in one go through HistoryStore.import_conversations: how rows
got there does not change what reading and writing them costs.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from bench.common import BenchError, Config, median, summary
from bench.history_scale import TextMaker
from chatapp.exchange.exporter import ExportFormat, write_export
from chatapp.exchange.importer import import_batch, read_import_file
from chatapp.exchange.tree import read_chats
from chatapp.history.store import Conversation, HistoryStore, Message

TURNS = 12  # question and answer pairs on the branch on screen
START = 1_700_000_000.0


def _message(index: int, role: str, text: str, parent: int | None, at: float, *,
             thought: str | None = None) -> Message:
    reply = role == "assistant"
    return Message(
        id=index, conversation_id=0, role=role, content=text, state="complete",
        created_at=at, updated_at=at,
        model_file="SmolLM2-135M-Instruct-Q4_1.gguf" if reply else None,
        model_sha256="5e" * 32 if reply else None,
        generation_settings={"temperature": 0.7, "top_p": 0.95, "seed": -1} if reply
        else None,
        prompt_tokens=412 if reply else None, generated_tokens=187 if reply else None,
        ttft_s=0.213 if reply else None, tokens_per_s=41.7 if reply else None, error=None,
        reasoning=thought, reasoning_s=3.5 if thought else None, parent_id=parent,
        stop_reason="eos" if reply else None)


def _chat(maker: TextMaker, number: int) -> tuple[Conversation, list[Message]]:
    """One chat: every 5th answer has an older sibling (a regenerated reply), every
    other answer a thought; replies carry a model, settings and stats."""
    messages: list[Message] = []
    parent: int | None = None
    at = START + number * 3600.0
    for turn in range(TURNS):
        at += 30.5
        question = len(messages)
        messages.append(_message(question, "user", maker.user(), parent, at))
        if turn % 5 == 0:
            at += 7.25
            messages.append(_message(len(messages), "assistant", maker.assistant(),
                                     question, at))
        at += 7.25
        thought = maker.assistant() if turn % 2 == 0 else None
        parent = len(messages)
        messages.append(_message(parent, "assistant", maker.assistant(), question, at,
                                 thought=thought))
    conversation = Conversation(id=0, title=f"Chat {number + 1}", created_at=START,
                                updated_at=at, system_prompt=None, message_count=0,
                                active_leaf_id=parent, settings={"temperature": 0.6})
    return conversation, messages


def run_export(cfg: Config, work: Path, log: Callable[[str], None]) -> dict[str, object]:
    chats = 20 if cfg.quick else 1000
    reps = 1 if cfg.quick else 5
    maker = TextMaker(23)
    source = work / "export-source.sqlite3"
    with HistoryStore(source) as store:
        store.import_conversations([_chat(maker, n) for n in range(chats)])
        messages = sum(c.message_count for c in store.list_conversations())
        log(f"  {chats:,} chats, {messages:,} messages")
        times = []
        target = work / "export.json"
        for _ in range(reps):
            started = time.perf_counter()
            exported = read_chats(store)
            write_export(exported, ExportFormat.JSON, target)
            times.append(time.perf_counter() - started)
        started = time.perf_counter()
        write_export(read_chats(store), ExportFormat.HTML, work / "export.html")
        html_s = time.perf_counter() - started
    size = target.stat().st_size
    with HistoryStore(work / "import-target.sqlite3") as fresh:
        started = time.perf_counter()
        imported = import_batch(fresh, read_import_file(target))
        import_s = time.perf_counter() - started
    if len(imported) != chats:
        raise BenchError(f"the import gave {len(imported)} chats, not {chats}")
    return {"export_1000_s": median(times), **summary(times), "chats": chats,
            "messages": messages, "json_bytes": size, "html_s": html_s,
            "html_bytes": (work / "export.html").stat().st_size, "import_s": import_s}
