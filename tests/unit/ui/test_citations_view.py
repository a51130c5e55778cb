"""A reply's sources: how each is labelled, and what a click opens (real files, the real
files thread; the desktop's opener is the one seam, so no app is launched)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from chatapp.history.store import Citation
from chatapp.ui.citations_view import (
    CitationOpener,
    CitationsView,
    PassageDialog,
    citation_place,
    citation_url,
    first_shown,
    snippet,
)
from chatapp.ui.workers.files_thread import FilesThread
from chatapp.ui.workers.task_thread import TaskThread

SHA = "ab" * 32
WHOLE = Citation(1, "attachment", "cat.txt", "The lighthouse keeper's cat is named Quintus.",
                 sha256=SHA, start=0, end=46)
PASSAGE = Citation(2, "attachment", "minutes.md", "Minute 80b. The harbour " * 20,
                   sha256=SHA, heading="Harbour dues", start=900, end=1380, score=0.03)


def on_disk(path: Path, page: int | None = None) -> Citation:
    return Citation(3, "collection", path.name, "Page three says the ferry is late.",
                    path=str(path), page=page, start=10, end=44, score=0.02)


def test_where_a_passage_is() -> None:
    assert citation_place(WHOLE) == ""
    assert citation_place(PASSAGE) == "“Harbour dues”"
    assert citation_place(on_disk(Path("/d/r.pdf"), 3)) == "page 3"
    assert citation_place(on_disk(Path("/d/r.txt"))) == ""


def test_snippets_are_one_line_cut_at_a_word() -> None:
    assert snippet("a\n\nb   c") == "a b c"
    cut = snippet("word " * 100, 30)
    assert cut.endswith("…") and len(cut) <= 31 and "wor…" not in cut


def test_urls_go_to_the_file_and_a_pdf_to_its_page(tmp_path: Path) -> None:
    assert citation_url(WHOLE) is None  # an attachment's copy has no name to open
    pdf = citation_url(on_disk(tmp_path / "report.pdf", 7))
    assert pdf is not None and pdf.isLocalFile()
    assert pdf.toLocalFile() == str(tmp_path / "report.pdf") and pdf.fragment() == "page=7"
    text = citation_url(on_disk(tmp_path / "notes.txt", None))
    assert text is not None and text.fragment() == ""


def test_sources_are_listed_numbered_and_clicked(qtbot: QtBot) -> None:
    view = CitationsView()
    qtbot.addWidget(view)
    view.set_citations([WHOLE, PASSAGE])
    assert [b.full_text.split(" — ")[0] for b in view.buttons] == [
        "[1] cat.txt", "[2] minutes.md · “Harbour dues”"]
    assert "Quintus" in view.buttons[0].full_text
    assert view.more.isHidden()
    clicked: list[Citation] = []
    view.citation_activated.connect(clicked.append)
    view.buttons[1].click()
    assert clicked == [PASSAGE]
    view.set_citations([])
    assert view.buttons == [] and view.isHidden()


@pytest.fixture
def files(qtbot: QtBot) -> Iterator[TaskThread]:
    thread = FilesThread()
    yield thread
    thread.shutdown(time.monotonic() + 5)


def make_opener(qtbot: QtBot, files: TaskThread, *, opens: bool = True
                ) -> tuple[CitationOpener, list[QUrl], list[PassageDialog]]:
    parent = QWidget()
    qtbot.addWidget(parent)
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return opens

    opener = CitationOpener(files, parent, open_url=open_url)
    dialogs: list[PassageDialog] = []
    opener.passage_shown.connect(dialogs.append)
    return opener, urls, dialogs


def test_a_file_on_disk_opens_at_its_page(qtbot: QtBot, files: TaskThread,
                                          tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    opener, urls, dialogs = make_opener(qtbot, files)
    with qtbot.waitSignal(opener.url_opened, timeout=10_000):
        opener.open(on_disk(pdf, 3))
    assert [u.toString() for u in urls] == [QUrl.fromLocalFile(str(pdf)).toString()
                                            + "#page=3"]
    assert dialogs == []


def test_a_gone_file_or_an_attachment_shows_the_passage(qtbot: QtBot, files: TaskThread,
                                                        tmp_path: Path) -> None:
    opener, urls, dialogs = make_opener(qtbot, files)
    with qtbot.waitSignal(opener.passage_shown, timeout=10_000):
        opener.open(on_disk(tmp_path / "moved-away.txt"))
    assert urls == []
    assert "no longer there" in dialogs[0].note.text()
    assert dialogs[0].text.toPlainText() == "Page three says the ferry is late."
    opener.open(WHOLE)  # at once: the passage is stored with the reply
    assert len(dialogs) == 2 and dialogs[1].text.toPlainText() == WHOLE.text
    assert dialogs[1].note.isHidden()


def test_a_file_no_app_opens_shows_the_passage(qtbot: QtBot, files: TaskThread,
                                               tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("x")
    opener, urls, dialogs = make_opener(qtbot, files, opens=False)
    with qtbot.waitSignal(opener.passage_shown, timeout=10_000):
        opener.open(on_disk(text))
    assert len(urls) == 1 and "No app" in dialogs[0].note.text()


def passages(count: int) -> list[Citation]:
    """A whole file, then ``count`` passages of a long one (the 7th the most relevant)."""
    found = [Citation(n + 2, "attachment", "log.md", f"Day {n} " * 30, sha256="cd" * 32,
                      start=n * 200, end=n * 200 + 180, score=0.5 if n == 7 else 0.01)
             for n in range(count)]
    return [WHOLE, *found]


def test_many_sources_list_the_cited_and_the_best_first(qtbot: QtBot) -> None:
    many = passages(20)
    assert [c.number for c in first_shown(many, "Quintus [1].")] == [1, 2, 3, 9]
    assert [c.number for c in first_shown(many, "See [15] and [21].")] == [1, 9, 15, 21]
    assert first_shown(many[:5], "") == many[:5]  # few: all of them
    view = CitationsView()
    qtbot.addWidget(view)
    view.show()
    view.resize(300, 400)
    view.set_citations(many, "Quintus [1].")
    assert [b.isVisible() for b in view.buttons].count(True) == 4
    assert view.more.text() == "Show all 21 sources"
    view.more.click()
    assert all(b.isVisible() for b in view.buttons)
    view.more.click()
    assert [b.isVisible() for b in view.buttons].count(True) == 4
    # A long line is cut to the width there is, never widening the reply.
    assert view.buttons[0].text().endswith("…") and view.minimumSizeHint().width() < 300
