"""Exporting chats: read them from the history, render them, write the file.

Reading needs the history (its thread, in the app); rendering and writing are file work
and can run elsewhere, so they are separate steps: read_chats, then write_export.
"""

from __future__ import annotations

import enum
from pathlib import Path

from chatapp.exchange.errors import ExchangeError
from chatapp.exchange.html_export import to_html
from chatapp.exchange.json_format import dump_document
from chatapp.exchange.markdown_export import to_markdown
from chatapp.exchange.tree import ChatTree, read_chats
from chatapp.files.atomic import write_atomic
from chatapp.history.store import HistoryStore
from chatapp.i18n import translate

__all__ = ["ExportFormat", "export_chats", "format_for_path", "render", "write_export"]


class ExportFormat(enum.StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


_SUFFIXES = {".md": ExportFormat.MARKDOWN, ".markdown": ExportFormat.MARKDOWN,
             ".html": ExportFormat.HTML, ".htm": ExportFormat.HTML,
             ".json": ExportFormat.JSON}


def format_for_path(path: Path) -> ExportFormat | None:
    return _SUFFIXES.get(path.suffix.lower())


def render(chats: list[ChatTree], fmt: ExportFormat) -> bytes:
    if fmt is ExportFormat.JSON:
        return dump_document(chats)
    text = to_markdown(chats) if fmt is ExportFormat.MARKDOWN else to_html(chats)
    return text.encode("utf-8")


def write_export(chats: list[ChatTree], fmt: ExportFormat, path: Path) -> None:
    """Render and write ``path`` whole or not at all, private to the user (0600)."""
    if not chats:
        raise ExchangeError(translate("ChatExport", "There are no chats to export."))
    data = render(chats, fmt)
    try:
        write_atomic(path, data)
    except OSError as error:
        raise ExchangeError(translate("ChatExport", "{path} could not be written ({error}).")
                            .format(path=path, error=error.strerror or error),
                            f"{type(error).__name__}: {error}") from error


def export_chats(store: HistoryStore, conversation_ids: list[int] | None,
                 fmt: ExportFormat, path: Path) -> int:
    """Export the chats (None: all of them) to ``path``; how many were written."""
    chats = read_chats(store, conversation_ids)
    write_export(chats, fmt, path)
    return len(chats)
