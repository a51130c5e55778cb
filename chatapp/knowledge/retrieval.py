"""Finding the passages that answer a question: by words (BM25), by meaning (vectors),
and the two rankings fused by reciprocal rank fusion.

RRF scores an item ``sum(1 / (k + rank))`` over the rankings that hold it (rank 1 is the
best). It needs no calibration between BM25 scores and cosine distances, which are not
comparable, and an item found by both ways rises above one found by a single way.

:func:`rank_passages` does the same for one document's passages held in memory (a large
attachment), with the same words query, the same tokenizer and the same fusion as the
collections' index.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Generic, TypeVar

import apsw

from chatapp.documents.chunking import Passage
from chatapp.knowledge.embedder import Embedder

__all__ = [
    "FTS_TOKENIZER",
    "MEANING",
    "RRF_K",
    "WORDS",
    "Fused",
    "RankedPassage",
    "RetrievedPassage",
    "distinctive_words",
    "match_expression",
    "query_words",
    "rank_passages",
    "reciprocal_rank_fusion",
    "words_query",
]

RRF_K: Final = 60
WORDS: Final = "words"
MEANING: Final = "meaning"
# The same in the index's FTS5 table and in rank_passages's, so both find the same words.
FTS_TOKENIZER: Final = "unicode61 remove_diacritics 2"
# Words of a question that reach FTS5; a pasted page must not become a huge OR.
MAX_QUERY_WORDS: Final = 48
# A word of the question found in more than this share of the passages ("the", "is") is
# left out of the words query: BM25 would weigh it little, but in a ranking it still puts
# the passages it is in ahead of those holding none of the question's words, and rank
# fusion counts ranks, not weights. Judged from the passages, so it suits any language.
COMMON_SHARE: Final = 0.5
# Below this many passages a share says nothing.
MIN_PASSAGES_FOR_COMMON: Final = 4
# Texts embedded in one call by rank_passages.
EMBED_BATCH: Final = 32

_tokenizer_lock = threading.Lock()
_tokenizer: apsw.FTS5Tokenizer | None = None

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Fused(Generic[K]):
    key: K
    score: float
    found_by: frozenset[str]  # WORDS and/or MEANING


@dataclass(frozen=True, slots=True)
class RetrievedPassage:
    """A passage of a collection's file, found for a question."""

    chunk_id: int
    collection_id: int
    path: Path  # the file, as indexed (absolute)
    page: int | None  # 1-based, PDFs
    heading: str | None
    start: int  # offsets of text in the file's readable text
    end: int
    text: str
    score: float  # the fused score; higher is better
    found_by: frozenset[str]  # WORDS and/or MEANING


@dataclass(frozen=True, slots=True)
class RankedPassage:
    """One of a document's own passages, ranked for a question (see rank_passages)."""

    passage: Passage
    score: float
    found_by: frozenset[str]


def reciprocal_rank_fusion(rankings: Mapping[str, Sequence[K]], *,
                           k: int = RRF_K) -> list[Fused[K]]:
    """Fuse rankings (each best first, named by how it was found) into one, best first.

    Ties keep the order in which the items were first met, ranking by ranking, so the
    result is deterministic. A key repeated within one ranking counts at its best rank.
    """
    scores: dict[K, float] = {}
    found: dict[K, set[str]] = {}
    for name, ranking in rankings.items():
        seen: set[K] = set()
        for rank, key in enumerate(ranking, start=1):
            if key in seen:
                continue
            seen.add(key)
            scores[key] = scores.get(key, 0.0) + 1.0 / (k + rank)
            found.setdefault(key, set()).add(name)
    order = {key: position for position, key in enumerate(scores)}
    best = sorted(scores, key=lambda key: (-scores[key], order[key]))
    return [Fused(key, scores[key], frozenset(found[key])) for key in best]


def words_query(text: str) -> str | None:
    """The FTS5 query for all the words of ``text`` (see :func:`match_expression`)."""
    return match_expression(query_words(text))


def query_words(text: str) -> list[str]:
    """The words of ``text`` as the index's own tokenizer makes them (lower case, accents
    removed), each once, at most MAX_QUERY_WORDS: a question finds exactly the words a
    passage was indexed under."""
    return list(dict.fromkeys(_tokens(text)))[:MAX_QUERY_WORDS]


def match_expression(words: Sequence[str]) -> str | None:
    """An FTS5 query for ``words`` that cannot be a syntax error: each a quoted FTS5
    string, so AND/OR/NOT/NEAR, ``*``, ``:`` and quotes are plain text. They are ORed (a
    question's words are rarely all in one passage) and BM25 ranks the passages holding
    more of the rarer ones first. None if there are none."""
    if not words:
        return None
    return " OR ".join('"' + word.replace('"', '""') + '"' for word in words)


def distinctive_words(conn: apsw.Connection, vocabulary: str, words: Sequence[str],
                      passages: int) -> list[str]:
    """``words`` without those in more than COMMON_SHARE of the ``passages`` (counted in
    the fts5vocab "row" table ``vocabulary``); if every one is common, the rarest alone
    (ranking by all of them would rank most of the index, slowly, for nothing)."""
    if passages < MIN_PASSAGES_FOR_COMMON or not words:
        return list(words)
    marks = ",".join("?" * len(words))
    counts = {str(term): count for term, count in conn.execute(
        f"SELECT term, doc FROM {vocabulary} WHERE term IN ({marks})", list(words))}
    def count(word: str) -> int:
        value = counts.get(word, 0)
        return value if isinstance(value, int) else 0

    rare = [w for w in words if count(w) <= passages * COMMON_SHARE]
    return rare or [min(words, key=count)]


def _tokens(text: str) -> list[str]:
    global _tokenizer  # noqa: PLW0603  one per process, made on first use
    data = text.encode("utf-8", "replace")  # a lone surrogate becomes "?", a separator
    with _tokenizer_lock:
        if _tokenizer is None:
            _tokenizer = apsw.Connection(":memory:").fts5_tokenizer(
                "unicode61", ["remove_diacritics", "2"])
        tokens = _tokenizer(data, apsw.FTS5_TOKENIZE_QUERY, None,
                            include_offsets=False, include_colocated=False)
    return [token for token in tokens if isinstance(token, str)]


def rank_passages(query: str, passages: Sequence[Passage], *,
                  embedder: Embedder | None = None, limit: int) -> list[RankedPassage]:
    """The ``limit`` passages most relevant to ``query``, best first: by words (BM25 in an
    in-memory FTS5 table) and, with an embedder, by meaning (cosine), fused by RRF.

    Passages neither way finds are left out, so fewer than ``limit`` may come back.
    """
    if limit <= 0 or not passages:
        return []
    candidates = max(limit * 3, 30)
    rankings: dict[str, list[int]] = {WORDS: _words_ranking(query, passages, candidates)}
    if embedder is not None:
        rankings[MEANING] = _meaning_ranking(query, passages, embedder, candidates)
    fused = reciprocal_rank_fusion(rankings)[:limit]
    return [RankedPassage(passages[item.key], item.score, item.found_by) for item in fused]


def _words_ranking(query: str, passages: Sequence[Passage], limit: int) -> list[int]:
    words = query_words(query)
    if not words:
        return []
    conn = apsw.Connection(":memory:")
    try:
        conn.execute(f"CREATE VIRTUAL TABLE p USING fts5 (text, tokenize = '{FTS_TOKENIZER}');"
                     "CREATE VIRTUAL TABLE p_vocab USING fts5vocab (p, row)")
        with conn:
            conn.executemany("INSERT INTO p (rowid, text) VALUES (?, ?)",
                             ((i, p.text) for i, p in enumerate(passages)))
        match = match_expression(distinctive_words(conn, "p_vocab", words, len(passages)))
        rows = conn.execute("SELECT rowid FROM p WHERE p MATCH ? ORDER BY rank LIMIT ?",
                            (match, limit)).fetchall()
    finally:
        conn.close()
    return [row[0] for row in rows if isinstance(row[0], int)]


def _meaning_ranking(query: str, passages: Sequence[Passage], embedder: Embedder,
                     limit: int) -> list[int]:
    if not query.strip():
        return []
    (query_vector,) = embedder.embed([query])
    similarity: list[tuple[float, int]] = []
    for first in range(0, len(passages), EMBED_BATCH):
        batch = passages[first:first + EMBED_BATCH]
        vectors = embedder.embed([p.text for p in batch])
        for offset, vector in enumerate(vectors):
            similarity.append((_dot(query_vector, vector), first + offset))
    similarity.sort(key=lambda pair: (-pair[0], pair[1]))
    return [index for _, index in similarity[:limit]]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    # Both are L2-normalized (the Embedder contract), so this is the cosine.
    return sum(x * y for x, y in zip(a, b, strict=True))
