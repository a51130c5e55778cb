"""What documents go into a prompt, and the citations a reply keeps of them.

A question may come with attached files and with passages found in the chat's local
collections. They go into the user's turn, before the question, as numbered sources
between clear delimiters, and the model is asked to cite them as [1], [2]. They go in the
user's message (not the system prompt, which stays as the user set it), because every
chat template renders a user message and not every one renders a system prompt.

Within the room left in the context:

- an attachment whose whole text fits its share goes in whole ("whole"); the shares are
  filled smallest first, so two small files and a big one give the small ones whole and
  the rest of the room to the big one;
- an attachment too large for its share gives its passages most relevant to the question
  (words, and meaning with an embedder, fused; knowledge.retrieval.rank_passages), a few
  at most and within its share, in the order they stand in the file ("retrieved": n of m
  passages);
- passages from the collections fill what remains, best first.

Each source becomes a :class:`~chatapp.history.store.Citation` stored with the reply, its
text exactly as the model got it. A later prompt that carries this turn again renders it
from those citations with :func:`grounded_question`, so it is the same prompt, token for
token (and the KV cache holds), and the context meter counts it like any other text.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from chatapp.documents.blob_store import BlobMissingError, BlobStore
from chatapp.documents.chunking import Passage, split_passages
from chatapp.documents.reading import Document, read_document_bytes
from chatapp.history.store import Attachment, AttachmentUse, Citation, HistoryStore, Message
from chatapp.knowledge.embedder import Embedder
from chatapp.knowledge.retrieval import RetrievedPassage, rank_passages

__all__ = [
    "SOURCES_PREAMBLE",
    "AttachedDocument",
    "DocumentSources",
    "Grounding",
    "document_budget",
    "ground",
    "ground_question",
    "grounded_question",
    "read_attachment",
]

log = logging.getLogger(__name__)

SOURCES_PREAMBLE: Final = (
    "Answer the question at the end using the numbered sources below. When you use a "
    "source, cite it by its number in square brackets, like [1] or [2].")
QUESTION_LABEL: Final = "Question:"
# Tokens allowed per source for how its text joins the text around it (a count of the
# pieces may differ by a token or so from the count of the whole).
_JOIN_TOKENS: Final = 2
# Text longer than this many characters per token of room cannot fit (tokens average far
# fewer characters), and is not tokenized to find out.
_MAX_CHARS_PER_TOKEN: Final = 8
# Passages an attachment is cut into for retrieval: about a quarter of its share at most,
# within these bounds (characters).
_MIN_PASSAGE_CHARS: Final = 300
_MAX_PASSAGE_CHARS: Final = 1500
# Passages of one attachment given for a question: the most relevant few, not as many as
# the context holds, since on a CPU every token of the prompt costs time before the
# answer starts (and passages further down the ranking add little).
_RANKED_PASSAGES: Final = 8
# Passages in a row that do not fit what is left of a share before it counts as full (each
# try costs a tokenization).
_MAX_MISSES: Final = 8
# Documents get at least this share of the room even when the chat so far would fill it:
# older turns are left out of the prompt instead (engine.prompt_window).
MIN_DOCUMENT_SHARE: Final = 0.5


@dataclass(frozen=True)
class AttachedDocument:
    """An attachment of the question, read."""

    ordinal: int  # its position among the message's attachments (0-based)
    attachment: Attachment
    document: Document


@dataclass(frozen=True)
class DocumentSources:
    """What a reply may draw on besides the attachments stored with the question: where
    the attachments' copies are, the chat's collections, and an embedding model."""

    blobs: BlobStore
    # The chat's collections, searched for a question: passages best first (None: the
    # chat uses none).
    search: Callable[[str], Sequence[RetrievedPassage]] | None = None
    embedder: Embedder | None = None


@dataclass(frozen=True)
class Grounding:
    """What goes into one prompt: the sources, numbered, and how each attachment was used."""

    citations: tuple[Citation, ...] = ()
    uses: dict[int, AttachmentUse] = field(default_factory=dict)  # by attachment ordinal
    question_id: int | None = None  # the message whose attachments ``uses`` describes

    def prompt_text(self, question: str) -> str:
        return grounded_question(question, self.citations)


def _attribute(value: str) -> str:
    return " ".join(value.replace('"', "'").split())


def _source_header(citation: Citation) -> str:
    parts = [f'<source id="{citation.number}" name="{_attribute(citation.name)}"']
    if citation.page is not None:
        parts.append(f'page="{citation.page}"')
    if citation.heading:
        parts.append(f'section="{_attribute(citation.heading)}"')
    return " ".join(parts) + ">"


def render_source(citation: Citation) -> str:
    """One source as the model reads it."""
    return f"{_source_header(citation)}\n{citation.text.strip(chr(10))}\n</source>"


def grounded_question(question: str, citations: Sequence[Citation]) -> str:
    """The user's turn as the model gets it: the sources, then the question (the
    question alone when there are none). Rendered only from what the citations store."""
    if not citations:
        return question
    sources = "\n\n".join(render_source(c) for c in citations)
    if not question.strip():  # files sent without a word
        return f"{SOURCES_PREAMBLE}\n\n{sources}"
    return f"{SOURCES_PREAMBLE}\n\n{sources}\n\n{QUESTION_LABEL} {question}"


def document_budget(room: int, history_tokens: int, question_tokens: int) -> int:
    """Tokens the sources may take: what the prompt with the question (and the chat so
    far) leaves of ``room``, but at least MIN_DOCUMENT_SHARE of what the question alone
    leaves (older turns then make way)."""
    alone = max(0, room - question_tokens)
    return max(0, min(alone, max(room - history_tokens, int(alone * MIN_DOCUMENT_SHARE))))


class _Budget:
    def __init__(self, count_tokens: Callable[[str], int], tokens: int) -> None:
        self.count = count_tokens
        self.left = tokens

    def cost(self, citation: Citation, limit: int | None = None) -> int | None:
        """Tokens the source takes, or None when it cannot fit within ``limit``."""
        limit = self.left if limit is None else limit
        if len(citation.text) > max(limit, 0) * _MAX_CHARS_PER_TOKEN:
            return None
        tokens = self.count(render_source(citation)) + _JOIN_TOKENS
        return tokens if tokens <= limit else None


def ground(question: str, attachments: Sequence[AttachedDocument],
           collection_passages: Sequence[RetrievedPassage] = (), *, budget_tokens: int,
           count_tokens: Callable[[str], int], embedder: Embedder | None = None
           ) -> Grounding:
    """Choose the sources for ``question`` within ``budget_tokens`` (see the module
    docs). ``count_tokens`` counts the tokens of a text as the model reads it."""
    if not attachments and not collection_passages:
        return Grounding()
    fixed = count_tokens(grounded_question(question, [_PROBE]).replace(
        render_source(_PROBE), "")) - count_tokens(question)
    budget = _Budget(count_tokens, budget_tokens - max(fixed, 0))
    chosen: dict[int, list[Citation]] = {}
    uses: dict[int, AttachmentUse] = {}

    # Whole, smallest first: each round gives whole every attachment that fits an equal
    # share of what is left; what none of them needs goes to the others.
    whole = {a.ordinal: _whole(a) for a in attachments}
    costs = {ordinal: budget.cost(citation) for ordinal, citation in whole.items()}
    pending = sorted(attachments, key=lambda a: len(a.document.text))
    while pending:
        share = budget.left // len(pending)
        fitting = [a for a in pending
                   if (cost := costs[a.ordinal]) is not None and cost <= share]
        if not fitting:
            break
        for attached in fitting:
            chosen[attached.ordinal] = [whole[attached.ordinal]]
            uses[attached.ordinal] = AttachmentUse("whole")
            budget.left -= costs[attached.ordinal] or 0
        done = {a.ordinal for a in fitting}
        pending = [a for a in pending if a.ordinal not in done]

    # The rest: their most relevant passages, each within its share of what is left.
    for position, attached in enumerate(sorted(pending, key=lambda a: a.ordinal)):
        share = budget.left // (len(pending) - position)
        picked, total = _retrieve(question, attached, budget, share, embedder)
        chosen[attached.ordinal] = picked
        uses[attached.ordinal] = AttachmentUse("retrieved", len(picked), total)

    citations = [c for ordinal in sorted(chosen) for c in chosen[ordinal]]
    seen = {(c.sha256, c.start, c.end) for c in citations}
    for found in collection_passages:
        key = (str(found.path), found.start, found.end)
        if key in seen:
            continue
        citation = Citation(0, "collection", found.path.name, found.text,
                            path=str(found.path), page=found.page, heading=found.heading,
                            start=found.start, end=found.end, score=found.score)
        cost = budget.cost(citation)
        if cost is None:
            continue
        seen.add(key)
        citations.append(citation)
        budget.left -= cost
    numbered = tuple(replace(c, number=n) for n, c in enumerate(citations, start=1))
    return Grounding(numbered, uses)


# A source of no text: what a source's markup costs around its text is measured with it.
_PROBE: Final = Citation(1, "attachment", "", "")


def _whole(attached: AttachedDocument) -> Citation:
    a, text = attached.attachment, attached.document.text
    return Citation(0, "attachment", a.name, text, sha256=a.sha256, start=0, end=len(text))


def _passage_citation(attached: AttachedDocument, passage: Passage,
                      score: float | None) -> Citation:
    a = attached.attachment
    return Citation(0, "attachment", a.name, passage.text, sha256=a.sha256,
                    page=passage.page, heading=passage.heading, start=passage.start,
                    end=passage.end, score=score)


def _retrieve(question: str, attached: AttachedDocument, budget: _Budget, share: int,
              embedder: Embedder | None) -> tuple[list[Citation], int]:
    """The attachment's passages most relevant to the question that fit ``share`` (at
    most _RANKED_PASSAGES), in the file's order, and how many passages it has. When
    ranking finds nothing (a question with no words of the file, such as "sum this
    up"), the file's passages from its beginning, up to the share."""
    target = max(_MIN_PASSAGE_CHARS, min(_MAX_PASSAGE_CHARS, share))
    passages = split_passages(attached.document, target_chars=target,
                              overlap_chars=min(200, target // 5))
    if not passages or share <= 0:
        return [], len(passages)
    ranked = rank_passages(question, passages, embedder=embedder,
                           limit=min(len(passages), _RANKED_PASSAGES))
    scores = {r.passage.index: r.score for r in ranked}
    order = [r.passage for r in ranked] if ranked else passages
    picked: list[tuple[Passage, Citation]] = []
    left = share
    misses = 0
    for passage in order:
        if left <= _JOIN_TOKENS or misses == _MAX_MISSES:
            break
        citation = _passage_citation(attached, passage, scores.get(passage.index))
        cost = budget.cost(citation, left)
        if cost is None:
            misses += 1
            continue
        picked.append((passage, citation))
        left -= cost
        misses = 0
    budget.left -= share - left
    picked.sort(key=lambda pair: pair[0].index)
    return [citation for _, citation in picked], len(passages)


def read_attachment(blobs: BlobStore, attachment: Attachment) -> Document:
    """An attachment's document, read again from its private copy. Raises BlobError if
    the copy is gone or damaged, DocumentError if it cannot be read (a reader changed)."""
    return read_document_bytes(blobs.read(attachment.sha256), attachment.name)


def ground_question(store: HistoryStore, question: Message, sources: DocumentSources, *,
                    room: int, history_tokens: int, question_tokens: int,
                    count_tokens: Callable[[str], int]) -> Grounding:
    """The documents for ``question`` (its attachments, and what the collections find for
    it) within the room the prompt leaves (see :func:`document_budget`)."""
    try:
        attached = [AttachedDocument(ordinal, a, read_attachment(sources.blobs, a))
                    for ordinal, a in enumerate(store.list_attachments(question.id))]
    except BlobMissingError:
        # An imported chat, or a copy removed by hand: an earlier answer to the same
        # question kept what it was given, which is the best left to give again.
        given = _given_before(store, question)
        if given is None:
            raise
        log.info("An attachment's copy is missing; its earlier sources are used again")
        return Grounding(given, {}, question.id)
    found: Sequence[RetrievedPassage] = ()
    if sources.search is not None and question.content.strip():
        found = sources.search(question.content)
    grounding = ground(question.content, attached, found,
                       budget_tokens=document_budget(room, history_tokens, question_tokens),
                       count_tokens=count_tokens, embedder=sources.embedder)
    return replace(grounding, question_id=question.id)


def _given_before(store: HistoryStore, question: Message) -> tuple[Citation, ...] | None:
    """The sources the newest earlier answer to ``question`` was given, if any."""
    cited = store.citations_of(question.conversation_id)
    answers = [m.id for m in store.list_tree(question.conversation_id)
               if m.parent_id == question.id and m.id in cited]
    return tuple(cited[answers[-1]]) if answers else None
