"""Passages: exact offsets, every character covered, bounded sizes, natural cuts."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.documents.chunking import Passage, split_passages
from chatapp.documents.plain_text import markdown_sections
from chatapp.documents.reading import Document, Section, read_document, read_document_bytes
from tests.unit.documents.pdf_files import make_pdf


def check_invariants(document: Document, passages: list[Passage], target: int) -> None:
    covered = [False] * len(document.text)
    for index, passage in enumerate(passages):
        assert passage.index == index
        assert passage.text == document.text[passage.start:passage.end]
        assert 0 < len(passage.text) <= target
        assert not passage.text[0].isspace() and not passage.text[-1].isspace()
        for position in range(passage.start, passage.end):
            covered[position] = True
        for cut in (passage.start, passage.end):  # never between a surrogate pair's halves
            if 0 < cut < len(document.text):
                assert not ("\ud800" <= document.text[cut - 1] <= "\udbff"
                            and "\udc00" <= document.text[cut] <= "\udfff")
    for section in document.sections:
        for position in range(section.start, section.end):
            assert covered[position] or document.text[position].isspace(), position
    # every passage lies in one section and carries its page and heading
    for passage in passages:
        owner = [s for s in document.sections if s.start <= passage.start < s.end]
        assert len(owner) == 1 and passage.end <= owner[0].end
        assert (passage.page, passage.heading) == (owner[0].page, owner[0].heading)


def single(text: str) -> Document:
    return Document("t.txt", "text", text, (Section(text, 0),) if text else ())


# Words, spaces, line and paragraph breaks, sentence ends, emoji (surrogate pairs in
# UTF-16, and written here as the pairs themselves too), combining marks, and runs with no
# space at all.
_PIECES = st.sampled_from([
    "word", "longerword", " ", " ", "\n", "\n\n", ". ", "! ", "? ", "\u3002", "\U0001f600",
    "\ud83d\ude00", "e\u0301", "\u200d", "x" * 40, "\t", "\u00a0", "Ünïcödé",
])
texts = st.lists(_PIECES, max_size=400).map("".join)


@given(texts, st.integers(2, 300), st.integers(0, 120))
def test_passages_of_any_text(text: str, target: int, overlap: int) -> None:
    document = single(text)
    check_invariants(document, split_passages(document, target_chars=target,
                                              overlap_chars=overlap), target)


@given(st.text(max_size=600), st.integers(2, 200))
def test_passages_of_arbitrary_unicode(text: str, target: int) -> None:
    document = single(text)
    check_invariants(document, split_passages(document, target_chars=target), target)


@given(st.lists(st.tuples(st.sampled_from(["#", "##", ""]), texts), max_size=8),
       st.integers(20, 400))
def test_passages_of_markdown_keep_their_headings(blocks: list[tuple[str, str]],
                                                  target: int) -> None:
    text = "\n\n".join(f"{mark} Title {i}\n\n{body}" if mark else body
                       for i, (mark, body) in enumerate(blocks))
    document = Document("n.md", "markdown", text, tuple(markdown_sections(text)))
    check_invariants(document, split_passages(document, target_chars=target), target)


def test_cuts_at_sentences_and_overlaps() -> None:
    sentences = [f"Sentence number {i} is here." for i in range(40)]
    text = " ".join(sentences)
    passages = split_passages(single(text), target_chars=200, overlap_chars=60)
    assert len(passages) > 5
    for passage in passages[:-1]:
        assert passage.text.endswith("here.")
    for before, after in itertools.pairwise(passages):
        assert after.start < before.end  # they overlap
        assert before.end - after.start <= 60
        assert text[after.start - 1] == " "  # and the next starts at a word


def test_prefers_paragraph_breaks() -> None:
    paragraphs = ["First paragraph has words. " * 3, "Second one, also. " * 3,
                  "Third paragraph. " * 3]
    text = "\n\n".join(p.strip() for p in paragraphs)
    passages = split_passages(single(text), target_chars=100, overlap_chars=0)
    assert [p.text for p in passages] == [p.strip() for p in paragraphs]


def test_short_document_is_one_passage_and_empty_none() -> None:
    assert [p.text for p in split_passages(single("Just this."))] == ["Just this."]
    assert split_passages(single("")) == []
    assert split_passages(single("   \n\n ")) == []


def test_a_run_without_spaces_is_cut_but_not_inside_an_emoji() -> None:
    text = "a" * 9 + "\U0001f600" * 30
    passages = split_passages(single(text), target_chars=10, overlap_chars=0)
    assert "".join(p.text for p in passages) == text
    assert all(len(p.text) <= 10 for p in passages)
    surrogates = "\ud83d\ude00" * 10  # the same emoji as UTF-16 halves (from a PDF, say)
    passages = split_passages(single("a" + surrogates), target_chars=4, overlap_chars=0)
    assert "".join(p.text for p in passages) == "a" + surrogates
    for passage in passages:
        assert 0 < len(passage.text) <= 4
        assert passage.text[0] != "\ude00" and passage.text[-1] != "\ud83d"


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="target_chars"):
        split_passages(single("x"), target_chars=1)
    with pytest.raises(ValueError, match="overlap_chars"):
        split_passages(single("x"), overlap_chars=-1)


def test_text_of_page_3_lands_in_a_passage_of_page_3(tmp_path: Path) -> None:
    filler = "\n".join(f"Line {i} of filler text about nothing in particular." for i in range(30))
    pages = [filler, filler, "The secret ingredient is cardamom.\n" + filler, filler]
    path = tmp_path / "cookbook.pdf"
    path.write_bytes(make_pdf(pages))
    document = read_document(path)
    passages = split_passages(document, target_chars=500, overlap_chars=100)
    check_invariants(document, passages, 500)
    found = [p for p in passages if "cardamom" in p.text]
    assert found and all(p.page == 3 for p in found)
    assert {p.page for p in passages} == {1, 2, 3, 4}


def test_docx_and_html_passages_carry_headings(tmp_path: Path) -> None:
    page = ("<h1>Alpha</h1><p>" + "Alpha words here. " * 30 + "</p><h2>Beta</h2><p>"
            + "Beta words. " * 30 + "</p>")
    document = read_document_bytes(page.encode(), "page.html")
    passages = split_passages(document, target_chars=200, overlap_chars=40)
    check_invariants(document, passages, 200)
    assert {p.heading for p in passages if "Alpha words" in p.text} == {"Alpha"}
    assert {p.heading for p in passages if "Beta words" in p.text} == {"Beta"}
