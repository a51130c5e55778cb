"""What documents go into a prompt: whole or retrieved within the room, numbered sources,
and counted with the real model's tokenizer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp.conversation.grounding import (
    MIN_DOCUMENT_SHARE,
    SOURCES_PREAMBLE,
    AttachedDocument,
    document_budget,
    ground,
    grounded_question,
)
from chatapp.documents.reading import Document, read_document
from chatapp.engine.llama_engine import LlamaEngine, LoadSettings
from chatapp.history.store import Attachment, AttachmentUse, Citation
from chatapp.knowledge.retrieval import WORDS, RetrievedPassage

FACT = "The lighthouse on Skerry Island was painted green in 1911."
QUESTION = "What colour was the lighthouse on Skerry Island painted?"


@pytest.fixture(scope="module")
def engine(model_path: Path) -> Iterator[LlamaEngine]:
    loaded = LlamaEngine(model_path, LoadSettings(context_length=2048, threads=2,
                                                  threads_batch=2))
    yield loaded
    loaded.close()


def counter(engine: LlamaEngine) -> Counter:
    return Counter(engine)


class Counter:
    """The real token count of a text, and how often it was asked."""

    def __init__(self, engine: LlamaEngine) -> None:
        self.engine = engine
        self.calls = 0

    def __call__(self, text: str) -> int:
        self.calls += 1
        return len(self.engine.tokenize_text(text))


def attached(tmp_path: Path, ordinal: int, name: str, text: str) -> AttachedDocument:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    document = read_document(path)
    return AttachedDocument(ordinal, Attachment(name, f"{ordinal:064x}", len(text.encode()),
                                                document.kind), document)


def long_report() -> str:
    """About 60 KB of paragraphs on other things, one of which holds the fact."""
    topics = ["harbour dues", "the herring season", "ferry timetables", "the school roll",
              "road repairs", "the church roof", "sheep prices", "the post office"]
    paragraphs = []
    for n in range(160):
        topic = topics[n % len(topics)]
        paragraphs.append(
            f"Minute {n + 1}. The council discussed {topic} at length. Members agreed to "
            f"return to {topic} at the next meeting, after the accounts for {topic} have "
            "been checked by the clerk and read aloud to everyone present.")
        if n == 97:
            paragraphs.append(f"Minute {n + 1}b. {FACT} The keeper chose the colour.")
    return "\n\n".join(paragraphs) + "\n"


def test_a_question_without_documents_is_left_as_it_is() -> None:
    assert grounded_question(QUESTION, []) == QUESTION
    grounding = ground(QUESTION, [], budget_tokens=1000, count_tokens=len)
    assert grounding.citations == () and grounding.uses == {}
    assert grounding.prompt_text(QUESTION) == QUESTION


def test_a_small_attachment_goes_in_whole(engine: LlamaEngine, tmp_path: Path) -> None:
    notes = attached(tmp_path, 0, "notes.md", f"# Island notes\n\n{FACT}\n")
    count = counter(engine)
    grounding = ground(QUESTION, [notes], budget_tokens=500, count_tokens=count)
    (citation,) = grounding.citations
    assert citation == Citation(1, "attachment", "notes.md", notes.document.text,
                                sha256=notes.attachment.sha256, start=0,
                                end=len(notes.document.text))
    assert grounding.uses == {0: AttachmentUse("whole")}
    text = grounding.prompt_text(QUESTION)
    assert text.startswith(SOURCES_PREAMBLE)
    assert '<source id="1" name="notes.md">\n# Island notes\n\n' + FACT in text
    assert text.endswith(f"</source>\n\nQuestion: {QUESTION}")
    # What it adds to the question is within the budget, counted for real.
    assert count(text) - count(QUESTION) <= 500


def test_a_large_attachment_gives_its_relevant_passages(engine: LlamaEngine,
                                                        tmp_path: Path) -> None:
    report = attached(tmp_path, 0, "minutes.txt", long_report())
    count = counter(engine)
    grounding = ground(QUESTION, [report], budget_tokens=400, count_tokens=count)
    use = grounding.uses[0]
    assert use.usage == "retrieved"
    assert use.passages_total is not None and use.passages_total > 20
    assert use.passages_used == len(grounding.citations) >= 1
    assert any(FACT in c.text for c in grounding.citations)
    for number, c in enumerate(grounding.citations, start=1):
        assert c.number == number and c.source == "attachment"
        assert report.document.text[c.start:c.end] == c.text  # where it came from
    starts = [c.start or 0 for c in grounding.citations]
    assert starts == sorted(starts)  # in the file's order
    added = count(grounding.prompt_text(QUESTION)) - count(QUESTION)
    assert added <= 400


def test_small_files_go_whole_and_the_big_one_gets_the_rest(engine: LlamaEngine,
                                                            tmp_path: Path) -> None:
    big = attached(tmp_path, 0, "minutes.txt", long_report())
    small = attached(tmp_path, 1, "keeper.txt", "The keeper was Ann Flett.\n")
    tiny = attached(tmp_path, 2, "boat.txt", "The boat is called Skua.\n")
    count = counter(engine)
    grounding = ground(QUESTION, [big, small, tiny], budget_tokens=600, count_tokens=count)
    assert grounding.uses[1] == grounding.uses[2] == AttachmentUse("whole")
    assert grounding.uses[0].usage == "retrieved"
    assert grounding.uses[0].passages_used
    names = [c.name for c in grounding.citations]
    # Numbered in the order the files were attached.
    assert names == ["minutes.txt"] * names.count("minutes.txt") + ["keeper.txt", "boat.txt"]
    assert count(grounding.prompt_text(QUESTION)) - count(QUESTION) <= 600


def test_collection_passages_fill_what_remains(engine: LlamaEngine, tmp_path: Path) -> None:
    notes = attached(tmp_path, 0, "notes.txt", f"{FACT}\n")
    found = [RetrievedPassage(n, 1, tmp_path / "archive" / f"log-{n}.txt", None,
                              f"Entry {n}", 0, 60, f"Log {n}: the keeper lit the lamp. " * 8,
                              1.0 / (n + 1), frozenset({WORDS})) for n in range(40)]
    count = counter(engine)
    grounding = ground(QUESTION, [notes], found, budget_tokens=700, count_tokens=count)
    attachment, *collection = grounding.citations
    assert attachment.source == "attachment" and attachment.number == 1
    assert 1 <= len(collection) < 40  # as many as fit, best first
    assert [c.name for c in collection] == [f"log-{n}.txt" for n in range(len(collection))]
    first = collection[0]
    assert (first.source, first.path, first.heading, first.score, first.number) == (
        "collection", str(tmp_path / "archive" / "log-0.txt"), "Entry 0", 1.0, 2)
    assert count(grounding.prompt_text(QUESTION)) - count(QUESTION) <= 700


def test_no_room_gives_no_sources_but_says_how_little_was_used(
        engine: LlamaEngine, tmp_path: Path) -> None:
    report = attached(tmp_path, 0, "minutes.txt", long_report())
    grounding = ground(QUESTION, [report], budget_tokens=10, count_tokens=counter(engine))
    assert grounding.citations == ()
    assert grounding.uses[0].usage == "retrieved" and grounding.uses[0].passages_used == 0
    assert grounding.prompt_text(QUESTION) == QUESTION


def test_a_huge_document_is_not_tokenized_whole(engine: LlamaEngine, tmp_path: Path) -> None:
    huge = attached(tmp_path, 0, "huge.txt", long_report() * 30)  # ~2 MB
    count = counter(engine)
    grounding = ground(QUESTION, [huge], budget_tokens=300, count_tokens=count)
    assert grounding.uses[0].usage == "retrieved"
    assert count.calls < 40  # a few passages tried, never the whole text


def test_the_document_budget_keeps_room_for_documents() -> None:
    # A short chat: what it leaves.
    assert document_budget(room=1000, history_tokens=300, question_tokens=50) == 700
    # A long chat: documents still get their share; older turns make way.
    assert document_budget(room=1000, history_tokens=990, question_tokens=50) == int(
        950 * MIN_DOCUMENT_SHARE)
    # A question that fills the room leaves none.
    assert document_budget(room=1000, history_tokens=1200, question_tokens=1200) == 0


def test_sources_are_rendered_only_from_what_is_stored() -> None:
    citations = [Citation(1, "attachment", 'odd "name".pdf', "\nPage text.\n", page=4,
                          heading="Results", sha256="a" * 64, start=5, end=17, score=0.5),
                 Citation(2, "collection", "h.md", "Other.", path="/d/h.md")]
    text = grounded_question("Why?", citations)
    assert text == (
        f"{SOURCES_PREAMBLE}\n\n"
        "<source id=\"1\" name=\"odd 'name'.pdf\" page=\"4\" section=\"Results\">\n"
        "Page text.\n</source>\n\n"
        "<source id=\"2\" name=\"h.md\">\nOther.\n</source>\n\nQuestion: Why?")


def test_a_document_read_from_bytes_grounds_the_same(tmp_path: Path) -> None:
    text = f"{FACT}\n"
    document = Document("a.txt", "text", text, ())
    one = AttachedDocument(0, Attachment("a.txt", "b" * 64, len(text), "text"), document)
    grounding = ground(QUESTION, [one], budget_tokens=200, count_tokens=lambda t: len(t) // 3)
    assert [c.text for c in grounding.citations] == [text]


def test_every_chat_template_gives_the_model_the_sources_whole() -> None:
    from chatapp.engine.chat_template import (
        ChatMessage,
        ChatTemplate,
        TemplateRenderError,
        fill,
    )
    from tests.unit.engine.test_template_corpus import templates_dir

    cited = [Citation(1, "attachment", "notes.md", f"# Notes\n\n{FACT}\n", sha256="c" * 64),
             Citation(2, "collection", "log.txt", "The keeper lit the lamp.", path="/l.txt")]
    earlier = grounded_question("Who painted it?", cited[:1])
    latest = grounded_question(QUESTION, cited)
    messages = [ChatMessage("system", "Be brief."), ChatMessage("user", earlier),
                ChatMessage("assistant", "The keeper [1]."), ChatMessage("user", latest)]
    rendered_by = 0
    for path in sorted(templates_dir().glob("*.jinja")):
        template = ChatTemplate(path.read_text(encoding="utf-8"), "<s>", "</s>")
        try:
            rendered = template.render_parts(messages)
        except TemplateRenderError:
            continue  # the tool-use variants, which need tools
        prompt = fill(rendered.parts, rendered.messages)
        for text in (earlier, latest):
            assert prompt.count(text.strip()) == 1, path.name
        rendered_by += 1
    assert rendered_by > 60


def test_with_an_embedding_model_a_passage_is_found_by_meaning(
        engine: LlamaEngine, embedding_model_path: Path, tmp_path: Path) -> None:
    from chatapp.engine.embedding import LlamaEmbedder

    topics = ["harbour dues were raised", "the herring catch was poor", "the ferry ran late",
              "the school had twelve pupils", "the road to the pier was mended",
              "the church roof leaked", "sheep fetched a good price", "the post came twice"]
    paragraphs = [f"Minute {n + 1}. This year {topics[n % len(topics)]}, the council noted."
                  for n in range(64)]
    paragraphs.insert(41, f"Minute 41b. {FACT}")
    report = attached(tmp_path, 0, "minutes.txt", "\n\n".join(paragraphs) + "\n")
    # No word of the question is in the fact but "the": words alone cannot tell.
    question = "Which hue did they give the beacon tower?"
    embedder = LlamaEmbedder(embedding_model_path)
    try:
        grounding = ground(question, [report], budget_tokens=250,
                           count_tokens=counter(engine), embedder=embedder)
    finally:
        embedder.close()
    use = grounding.uses[0]
    assert use.usage == "retrieved" and use.passages_total is not None
    assert use.passages_used is not None and use.passages_used <= use.passages_total // 4
    assert any(FACT in c.text for c in grounding.citations)
    # Words alone, the same room gives the file's first passages instead.
    alone = ground(question, [report], budget_tokens=250, count_tokens=counter(engine))
    assert alone.citations and not any(FACT in c.text for c in alone.citations)


def test_a_roomy_context_still_gets_the_few_most_relevant_passages(
        engine: LlamaEngine, tmp_path: Path) -> None:
    # Room for far more than eight passages: it is not filled with unrelated ones.
    report = attached(tmp_path, 0, "minutes.txt", long_report())
    grounding = ground(QUESTION, [report], budget_tokens=8000, count_tokens=counter(engine))
    use = grounding.uses[0]
    assert use.passages_total is not None and use.passages_total > 20
    assert use.passages_used is not None and 1 <= use.passages_used <= 8
    assert any(FACT in c.text for c in grounding.citations)


def test_a_question_with_no_word_of_the_file_gets_its_beginning(
        engine: LlamaEngine, tmp_path: Path) -> None:
    report = attached(tmp_path, 0, "minutes.txt", long_report())
    grounding = ground("Sum this up, please.", [report], budget_tokens=400,
                       count_tokens=counter(engine))
    assert grounding.citations and grounding.citations[0].start == 0
