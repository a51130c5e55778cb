"""A reply's sources under it: [1] [2] … with the file, the page or section, a snippet.

Clicking a source opens its file at that place when the file is on disk (a file of a
local collection: a PDF at its page), else shows the passage the model was given in a
small dialog; an attached file's source always shows the passage (its private copy has
no name an app could open it by, and the passage is what the model read). The passage
text is stored with the reply, so the dialog works even when the file is gone.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chatapp.history.store import Citation
from chatapp.i18n import format_number, translate
from chatapp.ui.plain_text import plain_label, plain_tooltip
from chatapp.ui.workers.task_thread import TaskThread

__all__ = ["CitationOpener", "CitationsView", "PassageDialog", "citation_place",
           "citation_url", "first_shown", "snippet"]

SNIPPET_CHARS = 110
# A reply given many passages lists this many at first ("Show all N sources" for the rest).
FOLDED_SOURCES = 4
_MARKER = re.compile(r"\[(\d{1,4})\]")


def citation_place(citation: Citation) -> str:
    """Where in the file the passage is: its page, its section, or "" (the whole file)."""
    parts = []
    if citation.page is not None:
        parts.append(translate("CitationsView", "page {page}").format(
            page=format_number(citation.page)))
    if citation.heading:
        parts.append(translate("CitationsView", "“{heading}”").format(heading=citation.heading))
    return translate("CitationsView", ", ").join(parts)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The passage's beginning on one line, cut at a word."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[:cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def citation_url(citation: Citation) -> QUrl | None:
    """The file a source came from, as a URL an app opens (a PDF at its page: viewers
    that follow the PDF open-parameters fragment go there, the others open the file);
    None for an attached file's source (its copy is kept under a hash, not a name)."""
    if citation.path is None:
        return None
    url = QUrl.fromLocalFile(citation.path)
    if citation.page is not None and Path(citation.path).suffix.lower() == ".pdf":
        url.setFragment(f"page={citation.page}")
    return url


def first_shown(citations: Sequence[Citation], reply: str) -> list[Citation]:
    """The sources listed before "Show all": those the reply cites ([n] in its text),
    then each file's most relevant one, then the most relevant; in their numbers' order."""
    if len(citations) <= FOLDED_SOURCES + 1:
        return list(citations)
    cited = {int(n) for n in _MARKER.findall(reply)}
    best: dict[tuple[str, str | None, str | None], Citation] = {}
    for citation in citations:
        key = (citation.name, citation.sha256, citation.path)
        held = best.get(key)
        if held is None or (citation.score or 0.0) > (held.score or 0.0):
            best[key] = citation
    leaders = {c.number for c in best.values()}
    ranked = sorted(citations, key=lambda c: (c.number not in cited, c.number not in leaders,
                                              -(c.score or 0.0), c.number))
    return sorted(ranked[:FOLDED_SOURCES], key=lambda c: c.number)


class _SourceButton(QPushButton):
    """A source's line, cut with an ellipsis to the width there is (a long line must not
    widen the message beyond the window)."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.full_text = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(0, self.contentsRect().width() - 12)
        self.setText(self.fontMetrics().elidedText(self.full_text,
                                                   Qt.TextElideMode.ElideRight, room))


def _label(citation: Citation) -> str:
    place = citation_place(citation)
    number = format_number(citation.number)
    if place:
        return translate("CitationsView", "[{number}] {name} · {place}").format(
            number=number, name=citation.name, place=place)
    return translate("CitationsView", "[{number}] {name}").format(number=number,
                                                                  name=citation.name)


class CitationsView(QWidget):
    """The numbered sources of one reply."""

    citation_activated = Signal(object)  # Citation

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citations")
        self.citations: tuple[Citation, ...] = ()
        self.buttons: list[_SourceButton] = []  # one per source, in number order
        self.expanded = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(2)
        self.title = QLabel(translate("CitationsView", "Sources"), self)
        self.title.setObjectName("citationsTitle")
        self.setAccessibleName(translate("CitationsView", "Sources"))
        self.setAccessibleDescription(
            translate("CitationsView", "The passages of your documents the reply was given"))
        self._layout.addWidget(self.title)
        self.more = QPushButton(self)
        self.more.setObjectName("moreSources")
        self.more.setFlat(True)
        self.more.clicked.connect(lambda: self._expand(not self.expanded))
        self.more.hide()
        self._layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._folded: set[int] = set()
        self.hide()

    def set_citations(self, citations: Sequence[Citation], reply: str = "") -> None:
        """The reply's sources; ``reply`` (its text) says which it cites, listed first."""
        if tuple(citations) == self.citations:
            return
        self.citations = tuple(citations)
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        for citation in self.citations:
            # Text of the user's files: a button's text is never read as HTML.
            button = _SourceButton(f"{_label(citation)} — {snippet(citation.text)}", self)
            button.setObjectName("citation")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setToolTip(plain_tooltip(snippet(citation.text, 600)))
            button.setAccessibleName(translate("CitationsView", "Source {number}: {name}").format(
                number=format_number(citation.number), name=citation.name))
            button.setAccessibleDescription(translate(
                "CitationsView", "Opens the file at this place, or shows the passage"))
            button.clicked.connect(lambda _checked=False, c=citation:
                                   self.citation_activated.emit(c))
            self._layout.insertWidget(self._layout.indexOf(self.more), button)
            self.buttons.append(button)
        shown = {c.number for c in first_shown(self.citations, reply)}
        self._folded = {c.number for c in self.citations} - shown
        self._expand(False)
        self.setVisible(bool(self.citations))

    def _expand(self, expanded: bool) -> None:
        self.expanded = expanded
        for citation, button in zip(self.citations, self.buttons, strict=True):
            button.setVisible(expanded or citation.number not in self._folded)
        count = len(self.citations)
        self.more.setText(translate("CitationsView", "Show fewer sources") if expanded
                          else translate("CitationsView", "Show all %n sources", "", count))
        self.more.setVisible(bool(self._folded))


class PassageDialog(QDialog):
    """The passage a source gave the model, as it was given."""

    def __init__(self, citation: Citation, parent: QWidget | None = None, *,
                 note: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("passageDialog")
        self.setWindowTitle(translate("CitationsView", "Source {number}: {name}").format(
            number=format_number(citation.number), name=citation.name))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        heading = plain_label(QLabel(self))
        heading.setText(_label(citation))
        heading.setObjectName("passageHeading")
        heading.setAccessibleName(translate("PassageDialog", "Source"))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if citation.path:
            where = plain_label(QLabel(self))
            where.setText(citation.path)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setAccessibleName(translate("PassageDialog", "File"))
            layout.addWidget(where)
        self.note = plain_label(QLabel(self))
        self.note.setObjectName("passageNote")
        self.note.setAccessibleName(translate("PassageDialog", "Note"))
        self.note.setWordWrap(True)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        layout.addWidget(self.note)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("passageText")
        self.text.setAccessibleName(translate("PassageDialog", "Passage"))
        self.text.setAccessibleDescription(
            translate("PassageDialog", "The passage the model was given, as it was given"))
        self.text.setReadOnly(True)
        self.text.setPlainText(citation.text)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CitationOpener(QObject):
    """Opens a source where it came from, or shows its passage (see the module docs).

    Whether the file is still there is asked on a worker thread (the UI thread does no
    file I/O); ``open_url`` is how a URL is handed to the desktop (QDesktopServices)."""

    passage_shown = Signal(object)  # the PassageDialog shown
    url_opened = Signal(object)  # the QUrl handed to the desktop

    def __init__(self, files: TaskThread, parent: QWidget, *,
                 open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self._files = files
        self._parent = parent
        self.open_url = open_url  # the desktop's opener (tests pass their own)

    def open(self, citation: Citation) -> None:
        url = citation_url(citation)
        if url is None:
            self._show_passage(citation, "")
            return
        path = Path(url.toLocalFile())

        def there(_cancel: threading.Event | None) -> bool:
            return path.is_file()

        def checked(exists: bool) -> None:
            if not exists:
                self._show_passage(citation, translate(
                    "CitationOpener", "The file is no longer there; this is the passage the "
                    "model was given."))
            elif self.open_url(url):
                self.url_opened.emit(url)
            else:
                self._show_passage(citation, translate(
                    "CitationOpener", "No app on this computer opened the file; this is the "
                    "passage the model was given."))

        self._files.submit(there, checked,
                           lambda _error: self._show_passage(citation, ""))

    def _show_passage(self, citation: Citation, note: str) -> None:
        dialog = PassageDialog(citation, self._parent, note=note)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.passage_shown.emit(dialog)
