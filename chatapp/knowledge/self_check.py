"""What ``chatapp --self-test`` proves of Local documents in an installed app.

An installer's bundle keeps only what its builder found: a native library opened by
path (sqlite-vec's extension), a data file (python-docx's default template) or PDFium
can be missing while every module imports. This writes a DOCX, a PDF and a text file,
indexes them with the real indexer and searches by words and by meaning, so a bundle
that lacks any of them fails its self-test instead of a user's first collection.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from chatapp.knowledge.index_store import KnowledgeIndex
from chatapp.knowledge.indexer import CollectionIndexer
from chatapp.knowledge.retrieval import MEANING, WORDS

__all__ = ["DocumentsCheckError", "check_local_documents"]

FACT = "The lighthouse keeper's cat is named Quintus."


class DocumentsCheckError(Exception):
    pass


def _write_docx(path: Path) -> None:
    import docx

    document = docx.Document()  # opens the package's default template
    document.add_heading("Keeper's notes", level=1)
    document.add_paragraph(FACT)
    document.save(str(path))


def _write_blank_pdf(path: Path) -> None:
    import pypdfium2  # type: ignore[import-untyped]

    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(200, 200)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    path.write_bytes(buffer.getvalue())


def _unit(values: list[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in values))
    return [v / norm for v in values]


def check_local_documents(work_dir: Path) -> dict[str, object]:
    """Index a folder of real files in ``work_dir``; raise DocumentsCheckError if a part
    of Local documents does not work. Returns what was found, for the report."""
    folder = work_dir / "documents"
    folder.mkdir(parents=True)
    _write_docx(folder / "notes.docx")
    _write_blank_pdf(folder / "scan.pdf")  # PDFium reads it: a page with no text
    (folder / "tides.txt").write_text("High tide is at noon on Sundays.\n", encoding="utf-8")
    with KnowledgeIndex(work_dir / "knowledge.sqlite3") as index:
        collection = index.add_collection("Self-test", [folder])
        report = CollectionIndexer(index).index_collection(collection.id)
        if (report.indexed, report.failed) != (2, 1):
            raise DocumentsCheckError(
                f"indexed {report.indexed} and failed {report.failed} of the 3 files, "
                "expected 2 and 1 (the PDF without text)")
        reasons = [f.reason for f in index.files(collection.id) if f.reason]
        words = index.search("cat named", [collection.id], limit=3)
        if not words or "Quintus" not in words[0].text or WORDS not in words[0].found_by:
            raise DocumentsCheckError("the words search did not find the DOCX's sentence")
        # Meaning, with made-up vectors: proves the sqlite-vec extension loads and answers.
        index.use_embedding_model("self-test", 2)
        index.store_vectors([(chunk_id, _unit([1.0, float("Quintus" in text)]))
                             for chunk_id, text in index.chunks_to_embed(100)])
        meaning = index.search("zzz", [collection.id], query_vector=_unit([1.0, 1.0]),
                               query_model_id="self-test", limit=1)
        if not meaning or "Quintus" not in meaning[0].text or MEANING not in meaning[0].found_by:
            raise DocumentsCheckError("the meaning search (sqlite-vec) found nothing")
    return {"indexed": report.indexed, "failed": report.failed, "failure": reasons[:1]}
