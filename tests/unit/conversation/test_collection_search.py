"""A chat's collections searched for its question: a real index of real files, and the
real embedding model for meaning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.conversation.collection_search import CollectionSearch
from chatapp.engine.embedding import LlamaEmbedder
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.knowledge.retrieval import MEANING, WORDS


@pytest.fixture(scope="module")
def embedder(embedding_model_path: Path) -> Iterator[LlamaEmbedder]:
    with LlamaEmbedder(embedding_model_path) as made:
        yield made


def indexed(tmp_path: Path, embedder: LlamaEmbedder | None = None) -> tuple[Path, int, int]:
    """An index with two collections; the cat is only in the first."""
    notes, recipes = tmp_path / "notes", tmp_path / "recipes"
    notes.mkdir()
    recipes.mkdir()
    (notes / "keeper.md").write_text(
        "# The keeper\n\nThe lighthouse keeper's cat is named Quintus.\n")
    (notes / "weather.txt").write_text("Storms come from the west in March.\n")
    (recipes / "cat-biscuits.txt").write_text("Biscuits for a cat: fish and oats.\n")
    path = tmp_path / "knowledge.sqlite3"
    with KnowledgeIndex(path) as index:
        first = index.add_collection("Notes", [notes]).id
        second = index.add_collection("Recipes", [recipes]).id
        indexer = CollectionIndexer(index, embedder=embedder)
        indexer.index_collection(first)
        indexer.index_collection(second)
    return path, first, second


def test_only_the_chats_collections_are_searched(tmp_path: Path) -> None:
    path, notes, recipes = indexed(tmp_path)
    search = CollectionSearch(path)
    try:
        assert search.searcher([]) is None  # a chat without collections searches nothing
        for_notes = search.searcher([notes])
        assert for_notes is not None
        found = for_notes("What is the keeper's cat called?")
        assert found and found[0].path.name == "keeper.md" and "Quintus" in found[0].text
        assert all(p.collection_id == notes for p in found)
        assert found[0].found_by == frozenset({WORDS})
        assert {p.collection_id for p in search.search("cat", [recipes])} == {recipes}
        assert search.search("   ", [notes]) == []
    finally:
        search.close()


def test_no_index_yet_finds_nothing(tmp_path: Path) -> None:
    search = CollectionSearch(tmp_path / "none.sqlite3")
    assert search.search("anything", [1]) == []
    assert not (tmp_path / "none.sqlite3").exists()  # looking creates no index


def test_the_embedding_model_finds_by_meaning(tmp_path: Path, embedder: LlamaEmbedder) -> None:
    path, notes, _recipes = indexed(tmp_path, embedder)
    search = CollectionSearch(path)
    try:
        found = search.search("What is the name of the pet at the lighthouse?", [notes],
                              embedder)
        assert found[0].path.name == "keeper.md"
        assert MEANING in found[0].found_by
    finally:
        search.close()
