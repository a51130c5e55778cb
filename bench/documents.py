"""Local documents: indexing files, embedding against native llama.cpp, asking an index.

Indexing: ``CollectionIndexer.index_collection`` over a folder of generated text files
(about 10 KB each), from the scan to the last file stored, into a new index: files per
second with words alone (``index_files_per_s``) and with the real MiniLM embedder
(``index_embedded_files_per_s``, over the first ``documents_embedded_files`` of the same
files: embedding all 10 MB would take this machine many minutes).

Embedding: ``LlamaEmbedder.embed`` over a fixed set of passages (each under the model's
512-token context) against llama.cpp's own ``llama-embedding`` (built next to
llama-bench) on the same passages, one per line, in the same run. Load time is left out
of both: the embedder is loaded before it is timed; llama-embedding's time is its best
run over all the passages minus its best run over one word (loading, start-up, exit).
Best of ``embed_reps`` each. ``embed_native_ratio`` is the app's tokens per second over
native's; the vectors of the two are compared (cosine) to show it is the same work.

Query: an index of ``query_chunks`` passages (generated, inserted through
``KnowledgeIndex.store_file`` with made-up unit vectors: embedding them for real would
take an hour) searched by questions made of its words. ``query_words_ms``:
``KnowledgeIndex.search`` with words alone; ``query_hybrid_ms``: the question embedded
by the real embedder, then words and meaning, from the question to the passages.
Medians over the questions. Everything is built anew in the run's folder: nothing is
cached between runs.
"""

from __future__ import annotations

import math
import os
import random
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from bench.common import REPO_ROOT, BenchError, Config, median, summary
from bench.history_scale import TextMaker
from chatapp.documents.chunking import Passage
from chatapp.engine.embedding import LlamaEmbedder
from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.knowledge.retrieval import MEANING

EMBEDDING_MODEL = REPO_ROOT / "build" / "models" / "all-MiniLM-L6-v2-f16.gguf"
# llama-embedding's context and batches, as the app's embedder uses them for MiniLM
# (its trained context: one text per sequence, one micro-batch per batch).
NATIVE_BATCH = 512
# Characters of a passage for the embedding comparison and the query index: under 512
# tokens even for the generator's made-up words.
PASSAGE_CHARS = 700
PASSAGES_PER_FILE = 10


def _log_none(_: str) -> None:
    pass


def _passage_text(maker: TextMaker, chars: int) -> str:
    parts: list[str] = []
    length = 0
    while length < chars:
        sentence = maker.sentence(maker.rng.randint(6, 20))
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)[:chars].rsplit(" ", 1)[0]


def write_files(folder: Path, count: int, file_bytes: int, seed: int = 21) -> int:
    """``count`` text files of about ``file_bytes`` each, in folders of 100; total bytes."""
    maker = TextMaker(seed)
    total = 0
    for index in range(count):
        sub = folder / f"part-{index // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        paragraphs = []
        size = 0
        while size < file_bytes:
            paragraph = _passage_text(maker, maker.rng.randint(300, 900))
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        data = "\n\n".join(paragraphs).encode()
        (sub / f"note-{index:05d}.txt").write_bytes(data)
        total += len(data)
    return total


def _index_folder(folder: Path, db: Path, embedder: LlamaEmbedder | None) -> dict[str, object]:
    with KnowledgeIndex(db) as index:
        collection = index.add_collection("Bench", [folder])
        indexer = CollectionIndexer(index, embedder=embedder)
        started = time.perf_counter()
        report = indexer.index_collection(collection.id)
        seconds = time.perf_counter() - started
        stats = index.stats(collection.id)
    if report.cancelled:
        raise BenchError("indexing the generated files was cancelled")
    return {"seconds": seconds, "stats": repr(stats), "report": repr(report)}


def run_indexing(cfg: Config, work: Path, embedder: LlamaEmbedder,
                 log: Callable[[str], None]) -> dict[str, object]:
    words_folder = work / "documents-files"
    total = write_files(words_folder, cfg.documents_files, cfg.documents_file_bytes)
    log(f"  indexing {cfg.documents_files:,} files ({total / 1e6:.1f} MB), words only")
    words = _index_folder(words_folder, work / "documents-words.sqlite3", None)
    embedded_folder = work / "documents-embedded"
    embedded_bytes = write_files(embedded_folder, cfg.documents_embedded_files,
                                 cfg.documents_file_bytes)
    log(f"  indexing {cfg.documents_embedded_files:,} files with embeddings")
    embedded = _index_folder(embedded_folder, work / "documents-embedded.sqlite3", embedder)
    words_s = float(words["seconds"])  # type: ignore[arg-type]
    embedded_s = float(embedded["seconds"])  # type: ignore[arg-type]
    return {
        "index_files_per_s": cfg.documents_files / words_s,
        "index_embedded_files_per_s": cfg.documents_embedded_files / embedded_s,
        "files": cfg.documents_files, "bytes": total, "words": words,
        "embedded_files": cfg.documents_embedded_files, "embedded_bytes": embedded_bytes,
        "embedded": embedded,
    }


def _native_run(binary: Path, threads: int, text_file: Path, timeout_s: float
                ) -> tuple[float, str]:
    command = [str(binary), "-m", str(EMBEDDING_MODEL), "-c", str(NATIVE_BATCH),
               "-b", str(NATIVE_BATCH), "-ub", str(NATIVE_BATCH), "-t", str(threads),
               "--embd-output-format", "raw", "--embd-separator", "\n",
               "-f", str(text_file)]
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(
        filter(None, (str(binary.parent), os.environ.get("LD_LIBRARY_PATH")))))
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s,
                              check=False, env=env)
    except subprocess.TimeoutExpired as error:
        raise BenchError(f"llama-embedding took more than {timeout_s:.0f} s") from error
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"llama-embedding failed ({done.returncode}): {done.stderr[-800:]}")
    return seconds, done.stdout


def run_embedding(cfg: Config, work: Path, embedder: LlamaEmbedder, native: Path
                  ) -> dict[str, object]:
    maker = TextMaker(31)
    chunks = [_passage_text(maker, PASSAGE_CHARS) for _ in range(cfg.embed_chunks)]
    tokens = [embedder.count_tokens(chunk) for chunk in chunks]
    if max(tokens) > NATIVE_BATCH:
        raise BenchError(f"a passage has {max(tokens)} tokens, more than {NATIVE_BATCH}")
    all_file = work / "embed-chunks.txt"
    all_file.write_text("\n".join(chunks) + "\n")
    one_file = work / "embed-one.txt"
    one_file.write_text("hello\n")
    app_times: list[float] = []
    native_times: list[float] = []
    load_times: list[float] = []
    vectors: list[list[float]] = []
    output = ""
    embedder.embed(chunks[:4])  # warm-up: first-call allocations
    for _ in range(cfg.embed_reps):  # interleaved, so drifting load hits both alike
        load_times.append(_native_run(native, cfg.threads, one_file, cfg.timeout_s)[0])
        seconds, output = _native_run(native, cfg.threads, all_file, cfg.timeout_s)
        native_times.append(seconds)
        started = time.perf_counter()
        vectors = embedder.embed(chunks)
        app_times.append(time.perf_counter() - started)
    native_s = min(native_times) - min(load_times)
    app_s = min(app_times)
    if native_s <= 0:
        raise BenchError("llama-embedding's embedding time was not measurable")
    rows = [line.split() for line in output.splitlines() if line.strip()]
    cosines = []
    if len(rows) == len(vectors):
        for row, vector in zip(rows, vectors, strict=True):
            a = np.asarray([float(v) for v in row], dtype=np.float64)
            b = np.asarray(vector, dtype=np.float64)
            norm = float(np.linalg.norm(a) * np.linalg.norm(b))
            cosines.append(float(a @ b) / norm if norm else math.nan)
    total_tokens = sum(tokens)
    return {
        "embed_native_ratio": native_s / app_s,
        "chunks": len(chunks), "tokens": total_tokens,
        "app_tokens_per_s": total_tokens / app_s, "native_tokens_per_s": total_tokens / native_s,
        "app_s": summary(app_times), "native_s": summary(native_times),
        "native_load_s": summary(load_times), "threads": cfg.threads,
        "native_vectors": len(rows),
        "min_cosine_app_native": min(cosines) if cosines else None,
    }


def _unit_vectors(rng: np.random.Generator, count: int, dims: int) -> list[list[float]]:
    raw = rng.standard_normal((count, dims)).astype(np.float32)
    raw /= np.linalg.norm(raw, axis=1, keepdims=True)
    result: list[list[float]] = raw.tolist()
    return result


def build_query_index(db: Path, chunks: int, embedder: LlamaEmbedder,
                      log: Callable[[str], None]) -> tuple[int, list[str]]:
    """An index of ``chunks`` generated passages with made-up vectors; its collection id
    and texts to draw questions from."""
    maker = TextMaker(41)
    rng = np.random.default_rng(41)
    samples: list[str] = []
    started = time.perf_counter()
    with KnowledgeIndex(db) as index:
        index.use_embedding_model(embedder.model_id, embedder.dimensions)
        collection = index.add_collection("Bench query", [db.parent / "query-docs"])
        files = (chunks + PASSAGES_PER_FILE - 1) // PASSAGES_PER_FILE
        found = [(db.parent / "query-docs" / f"doc-{i:06d}.txt", 10_000, 0)
                 for i in range(files)]
        file_ids = index.mark_pending_many(collection.id, found)
        left = chunks
        for file_id in file_ids:
            count = min(PASSAGES_PER_FILE, left)
            left -= count
            passages = []
            offset = 0
            for i in range(count):
                text = _passage_text(maker, PASSAGE_CHARS)
                passages.append(Passage(i, text, offset, offset + len(text)))
                offset += len(text) + 2
            if len(samples) < 200 and maker.rng.random() < 0.5:
                samples.append(passages[0].text)
            index.store_file(file_id, size=offset, mtime_ns=0, content_hash=f"{file_id:064x}",
                             passages=passages,
                             vectors=_unit_vectors(rng, count, embedder.dimensions))
    log(f"  query index of {chunks:,} passages built in {time.perf_counter() - started:.0f} s")
    return collection.id, samples


def questions(samples: list[str], count: int, seed: int = 5) -> list[str]:
    """Questions of 3 to 6 words taken from passages of the index (so they find some)."""
    rng = random.Random(seed)
    result = []
    for index in range(count):
        words = rng.choice(samples).rstrip(".").lower().split()
        start = rng.randrange(max(1, len(words) - 6))
        picked = " ".join(words[start:start + rng.randint(3, 6)])
        result.append(f"what does it say about {picked}?" if index % 2 else picked)
    return result


def run_queries(cfg: Config, work: Path, embedder: LlamaEmbedder,
                log: Callable[[str], None]) -> dict[str, object]:
    db = work / "documents-query.sqlite3"
    cid, samples = build_query_index(db, cfg.query_chunks, embedder, log)
    asked = questions(samples, cfg.query_count)
    words_ms: list[float] = []
    hybrid_ms: list[float] = []
    embed_ms: list[float] = []
    hits_words: list[int] = []
    hits_meaning: list[int] = []
    with KnowledgeIndex(db) as index:
        index.search("warm up", [cid])  # first query: the page cache and prepared plans
        for question in asked:
            started = time.perf_counter()
            found = index.search(question, [cid])
            words_ms.append((time.perf_counter() - started) * 1000)
            hits_words.append(len(found))
            started = time.perf_counter()
            (vector,) = embedder.embed([question])
            embedded = time.perf_counter()
            found = index.search(question, [cid], query_vector=vector,
                                 query_model_id=embedder.model_id)
            ended = time.perf_counter()
            hybrid_ms.append((ended - started) * 1000)
            embed_ms.append((embedded - started) * 1000)
            hits_meaning.append(sum(1 for hit in found if MEANING in hit.found_by))
    if not any(hits_words):
        raise BenchError("no question found a passage by its words")
    return {
        "query_words_ms": median(words_ms), "query_hybrid_ms": median(hybrid_ms),
        "chunks": cfg.query_chunks, "questions": len(asked),
        "words": summary(words_ms), "hybrid": summary(hybrid_ms),
        "embed_question": summary(embed_ms),
        "passages_found_median": median([float(n) for n in hits_words]),
        "hybrid_found_by_meaning_median": median([float(n) for n in hits_meaning]),
    }


def run_documents(cfg: Config, work: Path, llama_bench: Path,
                  log: Callable[[str], None] = _log_none) -> dict[str, object]:
    native = llama_bench.parent / "llama-embedding"
    if not native.is_file():
        raise BenchError(f"llama-embedding not found at {native}: build it with "
                         "`make llama-embedding`")
    if not EMBEDDING_MODEL.is_file():
        raise BenchError(f"the embedding model is not at {EMBEDDING_MODEL}: build it with "
                         "`make embedding-model`")
    with LlamaEmbedder(EMBEDDING_MODEL, n_threads=cfg.threads) as embedder:
        indexing = run_indexing(cfg, work, embedder, log)
        log(f"  embedding {cfg.embed_chunks} passages: app and llama-embedding")
        embedding = run_embedding(cfg, work, embedder, native)
        queries = run_queries(cfg, work, embedder, log)
    return {
        "index_files_per_s": indexing["index_files_per_s"],
        "index_embedded_files_per_s": indexing["index_embedded_files_per_s"],
        "embed_native_ratio": embedding["embed_native_ratio"],
        "query_words_ms": queries["query_words_ms"],
        "query_hybrid_ms": queries["query_hybrid_ms"],
        "model": EMBEDDING_MODEL.name,
        "indexing": indexing, "embedding": embedding, "queries": queries,
    }
