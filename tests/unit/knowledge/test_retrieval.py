"""Fusion and the words query, property-tested; one document's passages ranked in memory."""

from __future__ import annotations

import apsw
from hypothesis import given
from hypothesis import strategies as st

from chatapp.documents.chunking import Passage
from chatapp.knowledge.retrieval import (
    FTS_TOKENIZER,
    MEANING,
    RRF_K,
    WORDS,
    rank_passages,
    reciprocal_rank_fusion,
    words_query,
)

rankings = st.lists(st.integers(0, 30), max_size=20, unique=True)


@given(rankings, rankings)
def test_fused_scores_are_the_sum_of_reciprocal_ranks(words: list[int], meaning: list[int]
                                                      ) -> None:
    fused = reciprocal_rank_fusion({WORDS: words, MEANING: meaning})
    assert {item.key for item in fused} == set(words) | set(meaning)
    for item in fused:
        expected = sum(1 / (RRF_K + ranking.index(item.key) + 1)
                       for ranking in (words, meaning) if item.key in ranking)
        assert abs(item.score - expected) < 1e-12
        assert item.found_by == frozenset(
            name for name, ranking in ((WORDS, words), (MEANING, meaning))
            if item.key in ranking)
    scores = [item.score for item in fused]
    assert scores == sorted(scores, reverse=True)


@given(rankings, rankings)
def test_an_item_first_in_every_ranking_is_first(words: list[int], meaning: list[int]) -> None:
    winner = 99
    fused = reciprocal_rank_fusion({WORDS: [winner, *words], MEANING: [winner, *meaning]})
    assert fused[0].key == winner
    assert fused[0].found_by == {WORDS, MEANING}


@given(rankings, rankings, st.data())
def test_raising_an_item_in_one_ranking_never_lowers_it(words: list[int], meaning: list[int],
                                                        data: st.DataObject) -> None:
    if not words:
        return
    key = data.draw(st.sampled_from(words))
    before = [item.key for item in reciprocal_rank_fusion({WORDS: words, MEANING: meaning})]
    raised = [key, *(other for other in words if other != key)]
    after = [item.key for item in reciprocal_rank_fusion({WORDS: raised, MEANING: meaning})]
    assert after.index(key) <= before.index(key)


def test_found_by_both_ways_beats_found_by_one_at_the_same_rank() -> None:
    fused = reciprocal_rank_fusion({WORDS: ["a", "b"], MEANING: ["c", "b"]})
    assert fused[0].key == "b"
    # a and c tie; the order they were met in decides, so the result is stable
    assert [item.key for item in fused[1:]] == ["a", "c"]


@given(st.text(max_size=200))
def test_words_query_is_never_fts_syntax(text: str) -> None:
    query = words_query(text)
    conn = apsw.Connection(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5 (text, tokenize = '{FTS_TOKENIZER}');"
                 "CREATE VIRTUAL TABLE t_vocab USING fts5vocab (t, row)")
    conn.execute("INSERT INTO t (text) VALUES (?)", (text,))
    if query is None:
        assert conn.execute("SELECT count(*) FROM t_vocab").fetchone() == (0,)
        return
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (query,)).fetchall()
    assert rows == [(1,)]  # the text holds its own words


def test_words_query_quotes_operators_and_ors_the_words() -> None:
    assert words_query('cats AND "dogs" NEAR(x*)') == '"cats" OR "and" OR "dogs" OR "near" OR "x"'
    assert words_query("  ?! ") is None
    assert words_query("Cat cat CAT Café") == '"cat" OR "cafe"'


def _passages(texts: list[str]) -> list[Passage]:
    passages, start = [], 0
    for index, text in enumerate(texts):
        passages.append(Passage(index, text, start, start + len(text)))
        start += len(text) + 1
    return passages


def test_rank_passages_finds_the_passage_with_the_fact() -> None:
    passages = _passages([
        "The harbour of Vellmar freezes in January.",
        "Trains to the coast leave every hour from the central station.",
        "The lighthouse keeper of Vellmar is called Ingrid Solberg.",
        "Fishing boats return at dawn with herring and cod.",
    ])
    ranked = rank_passages("Who keeps the lighthouse at Vellmar?", passages, limit=2)
    assert ranked[0].passage.index == 2
    assert ranked[0].found_by == {WORDS}
    assert len(ranked) == 2
    assert rank_passages("zzz", passages, limit=3) == []
    assert rank_passages("Vellmar", [], limit=3) == []


def test_rank_passages_ignores_accents_like_the_index() -> None:
    passages = _passages(["Le café de la gare ouvre à six heures.", "Rien ici."])
    assert [r.passage.index for r in rank_passages("cafe", passages, limit=5)] == [0]


def test_words_in_most_passages_do_not_rank_them() -> None:
    passages = _passages([
        "The harbour of Vellmar freezes.", "The trains leave hourly.",
        "The bakery sells bread.", "The lighthouse is white.", "The club won.",
    ])
    # "the" is in every passage: ranking by it would put four unrelated passages in.
    assert [r.passage.index for r in rank_passages("the lighthouse", passages, limit=5)] == [3]
    # A question of common words only still finds what holds them.
    assert len(rank_passages("the", passages, limit=5)) == 5
