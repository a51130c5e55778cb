"""Meaning search with the real all-MiniLM-L6-v2 run by llama.cpp, into the real index."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.engine.embedding import LlamaEmbedder
from chatapp.knowledge.embedder import Embedder
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.knowledge.retrieval import MEANING, rank_passages
from tests.unit.knowledge.conftest import passages_of

FACTS = {
    "harbour.txt": "The harbour of Vellmar freezes every January.",
    "trains.txt": "Trains to the capital depart every hour from platform two.",
    "lighthouse.txt": "Ingrid Solberg has kept the Vellmar lighthouse for thirty years.",
    "bakery.txt": "The bakery sells rye bread and cinnamon buns.",
    "football.txt": "The local football club won the regional cup.",
}
# Shares no word with the lighthouse sentence: only its meaning leads there.
QUESTION = "Who looks after the beacon tower on the coast?"


@pytest.fixture(scope="module")
def embedder(embedding_model_path: Path) -> Iterator[LlamaEmbedder]:
    with LlamaEmbedder(embedding_model_path, n_threads=1) as loaded:
        yield loaded


def test_the_engine_embedder_fits_the_protocol(embedder: LlamaEmbedder) -> None:
    assert isinstance(embedder, Embedder)
    assert embedder.dimensions == 384


def test_meaning_finds_the_fact_words_cannot(tmp_path: Path, embedder: LlamaEmbedder) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in FACTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = index.add_collection("Town", [docs]).id
        report = CollectionIndexer(index, embedder=embedder).index_collection(cid)
        assert report.indexed == 5 and report.embedding_problem is None
        assert index.stats(cid).embedded == index.stats(cid).chunks == 5
        (vector,) = embedder.embed([QUESTION])
        found = index.search(QUESTION, [cid], query_vector=vector, limit=3)
        assert found[0].path == docs / "lighthouse.txt"
        assert MEANING in found[0].found_by
        # Words alone: "the" is in every file, so it says nothing; no other word matches.
        assert index.search(QUESTION, [cid], limit=3) == []


def test_another_model_file_means_the_vectors_are_made_again(
        tmp_path: Path, embedder: LlamaEmbedder, embedding_model_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in FACTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    renamed = tmp_path / "other-minilm.gguf"  # the same weights under another name
    shutil.copyfile(embedding_model_path, renamed)
    with KnowledgeIndex(tmp_path / "k.sqlite3") as index:
        cid = index.add_collection("Town", [docs]).id
        CollectionIndexer(index, embedder=embedder).index_collection(cid)
        with LlamaEmbedder(renamed, n_threads=1) as other:
            assert other.model_id != embedder.model_id
            report = CollectionIndexer(index, embedder=other).index_collection(cid)
            assert report.indexed == 0  # the files are not read again ...
            assert index.embedding_model() == (other.model_id, 384)
            assert index.stats(cid).embedded == 5  # ... only embedded again
            (vector,) = other.embed([QUESTION])
            found = index.search(QUESTION, [cid], query_vector=vector, limit=1)
            assert found[0].path.name == "lighthouse.txt"


def test_rank_passages_by_meaning_for_one_attachment(embedder: LlamaEmbedder) -> None:
    passages = passages_of(list(FACTS.values()))
    ranked = rank_passages(QUESTION, passages, embedder=embedder, limit=2)
    assert ranked[0].passage.index == 2
    assert MEANING in ranked[0].found_by
    assert len(ranked) == 2
