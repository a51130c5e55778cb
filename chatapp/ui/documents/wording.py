"""What the Local documents pane says about a collection and a run, in words."""

from __future__ import annotations

from pathlib import Path

from chatapp.formatting import format_duration
from chatapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from chatapp.knowledge.index_store import CollectionStats, FileRecord, FileStatus
from chatapp.knowledge.indexer import IndexProgress, Phase

WORDS_ONLY_NOTE = QT_TRANSLATE_NOOP(
    "DocumentsWording",
    "Without an embedding model, passages are found by the words of the question alone. "
    "An embedding model also finds the passages that say the same thing in other words "
    "(“car repair costs” finds “what I paid the garage”). Get one in the Models pane: "
    "they are small and run on the CPU.")


def words_only_note() -> str:
    return translate("DocumentsWording", WORDS_ONLY_NOTE)


def meaning_note(model: Path) -> str:
    return translate("DocumentsWording", "Passages are found by their words and by their meaning "
                     "({model}). Changing the model embeds every passage again.").format(
        model=model.name)


# A count of one has its own string: English's plural source has no singular. Counts are
# passed to translate() as plain names: pyside6-lupdate drops a call whose count is an
# attribute or a call.

def files(count: int) -> str:
    if count == 1:
        return translate("DocumentsWording", "1 file")
    return translate("DocumentsWording", "%n files", "", count)


def passages(count: int) -> str:
    if count == 1:
        return translate("DocumentsWording", "1 passage")
    return translate("DocumentsWording", "%n passages", "", count)


def failed(count: int) -> str:
    return translate("DocumentsWording", "%n failed", "", count)


def joined(parts: list[str]) -> str:
    return translate("DocumentsWording", " · ").join(parts)


def collection_state(stats: CollectionStats, *, running: bool, paused: bool,
                     meaning: bool) -> str:
    """The State column: what the index of the collection holds, and what it does."""
    if running:
        return (translate("DocumentsWording", "Paused") if paused
                else translate("DocumentsWording", "Indexing…"))
    parts = []
    if stats.files == 0:
        parts.append(translate("DocumentsWording", "No files found yet"))
    elif stats.pending:
        pending = stats.pending
        parts.append(translate("DocumentsWording", "%n waiting", "", pending))
    else:
        parts.append(translate("DocumentsWording", "Indexed"))
    if stats.failed:
        parts.append(failed(stats.failed))
    if meaning and stats.chunks and stats.embedded < stats.chunks:
        to_embed = stats.chunks - stats.embedded
        parts.append(translate("DocumentsWording", "1 passage to embed") if to_embed == 1
                     else translate("DocumentsWording", "%n passages to embed", "", to_embed))
    return joined(parts)


def progress_text(progress: IndexProgress, name: str) -> str:
    """The line above the progress bar."""
    paused = progress.paused
    if progress.phase is Phase.SCANNING:
        text = translate("DocumentsWording", "Looking for files in {name}: {files} found").format(
            name=name, files=files(progress.files_found))
        return _paused(text) if paused else text
    if progress.phase is Phase.EMBEDDING:
        text = translate("DocumentsWording", "Embedding the passages of {name}: {count} "
                         "done").format(name=name, count=format_number(progress.chunks))
        return _paused(text) if paused else text
    if progress.phase is Phase.DONE:
        return translate("DocumentsWording", "{name}: done").format(name=name)
    reading = translate("DocumentsWording", "Reading {name}: {done} of {files}").format(
        name=name, done=format_number(progress.files_done), files=files(progress.files_total))
    parts = [_paused(reading) if paused else reading, passages(progress.chunks)]
    if progress.files_failed:
        parts.append(failed(progress.files_failed))
    if progress.files_per_s is not None:
        parts.append(translate("DocumentsWording", "{rate} files/s").format(
            rate=format_number(progress.files_per_s, 1)))
    if progress.seconds_left is not None and not paused:
        parts.append(translate("DocumentsWording", "about {duration} left").format(
            duration=format_duration(progress.seconds_left)))
    return joined(parts)


def _paused(text: str) -> str:
    return translate("DocumentsWording", "Paused · {progress}").format(progress=text)


def file_status(record: FileRecord) -> str:
    if record.status is FileStatus.INDEXED:
        return translate("DocumentsWording", "Indexed")
    if record.status is FileStatus.FAILED:
        return translate("DocumentsWording", "Failed")
    return translate("DocumentsWording", "Waiting")
