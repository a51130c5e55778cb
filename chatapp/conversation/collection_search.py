"""Searching a chat's Local documents collections for its question (for grounding).

A chat names the collections it may use in its settings (chat_settings.chat_collections);
the passages found go into the prompt as sources (conversation.grounding). This runs on
the thread that writes replies, with its own connection to the index, opened only once a
chat uses collections. With an embedding model the question is also searched by meaning,
and only against vectors of that same model (the index says which model made its own).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from chatapp.knowledge.embedder import Embedder
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.retrieval import RetrievedPassage

__all__ = ["DEFAULT_PASSAGES", "CollectionSearch"]

log = logging.getLogger(__name__)

# Passages proposed per question; grounding keeps what fits the context, best first.
DEFAULT_PASSAGES: Final = 8


class CollectionSearch:
    """The collections' index at ``index_path``, searched from one thread."""

    def __init__(self, index_path: Path, *, limit: int = DEFAULT_PASSAGES) -> None:
        self.index_path = index_path
        self.limit = limit
        self._index: KnowledgeIndex | None = None

    def searcher(self, collection_ids: Sequence[int], embedder: Embedder | None = None,
                 ) -> Callable[[str], list[RetrievedPassage]] | None:
        """What DocumentSources.search takes for a chat using these collections (None:
        it uses none)."""
        chosen = tuple(collection_ids)
        if not chosen:
            return None
        return lambda question: self.search(question, chosen, embedder)

    def search(self, question: str, collection_ids: Sequence[int],
               embedder: Embedder | None = None) -> list[RetrievedPassage]:
        """The passages best answering ``question``, best first; none without an index
        (no collection was ever added). Index errors reach the caller (the reply says
        them); an embedding model that fails leaves words alone."""
        if not collection_ids or not question.strip():
            return []
        if self._index is None:
            if not self.index_path.exists():
                return []
            self._index = KnowledgeIndex(self.index_path)
        vector: list[float] | None = None
        if embedder is not None:
            try:
                vector = embedder.embed([question])[0]
            except Exception:  # the question is still searched by its words
                log.warning("embedding the question failed; searching words alone",
                            exc_info=True)
        return self._index.search(question, collection_ids, query_vector=vector,
                                  query_model_id=embedder.model_id if embedder else None,
                                  limit=self.limit)

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
