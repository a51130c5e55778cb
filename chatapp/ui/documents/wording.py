"""What the Local documents pane says about a collection and a run, in words."""

from __future__ import annotations

from pathlib import Path

from chatapp.formatting import format_duration
from chatapp.knowledge.index_store import CollectionStats, FileRecord, FileStatus
from chatapp.knowledge.indexer import IndexProgress, Phase

WORDS_ONLY_NOTE = (
    "Without an embedding model, passages are found by the words of the question alone. "
    "An embedding model also finds the passages that say the same thing in other words "
    "(“car repair costs” finds “what I paid the garage”). Get one in the Models pane: "
    "they are small and run on the CPU.")


def meaning_note(model: Path) -> str:
    return (f"Passages are found by their words and by their meaning ({model.name}). "
            "Changing the model embeds every passage again.")


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def collection_state(stats: CollectionStats, *, running: bool, paused: bool,
                     meaning: bool) -> str:
    """The State column: what the index of the collection holds, and what it does."""
    if running:
        return "Paused" if paused else "Indexing…"
    parts = []
    if stats.files == 0:
        parts.append("No files found yet")
    elif stats.pending:
        parts.append(f"{stats.pending:,} waiting")
    else:
        parts.append("Indexed")
    if stats.failed:
        parts.append(f"{stats.failed:,} failed")
    if meaning and stats.chunks and stats.embedded < stats.chunks:
        parts.append(f"{stats.chunks - stats.embedded:,} passages to embed")
    return " · ".join(parts)


def progress_text(progress: IndexProgress, name: str) -> str:
    """The line above the progress bar."""
    paused = "Paused · " if progress.paused else ""
    if progress.phase is Phase.SCANNING:
        return f"{paused}Looking for files in {name}: {plural(progress.files_found, 'file')} found"
    if progress.phase is Phase.EMBEDDING:
        return f"{paused}Embedding the passages of {name}: {progress.chunks:,} done"
    if progress.phase is Phase.DONE:
        return f"{name}: done"
    parts = [f"{paused}Reading {name}: {progress.files_done:,} of "
             f"{plural(progress.files_total, 'file')}",
             plural(progress.chunks, "passage")]
    if progress.files_failed:
        parts.append(f"{progress.files_failed:,} failed")
    if progress.files_per_s is not None:
        parts.append(f"{progress.files_per_s:.1f} files/s")
    if progress.seconds_left is not None and not progress.paused:
        parts.append(f"about {format_duration(progress.seconds_left)} left")
    return " · ".join(parts)


def file_status(record: FileRecord) -> str:
    if record.status is FileStatus.INDEXED:
        return "Indexed"
    if record.status is FileStatus.FAILED:
        return "Failed"
    return "Waiting"
