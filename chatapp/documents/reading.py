"""Reading a document's text: plain text, Markdown, source code, PDF, DOCX and HTML.

The kind of a file comes from its name (suffix, or a well-known name like ``Makefile``);
its content is sniffed where the name may lie: a "text" file that is really a PDF is read
as one, and one that is binary is refused. Every file comes from anywhere, so:

- Only regular files are read. A folder, a pipe, a socket or a device is refused from its
  file type before it is opened (a pipe would block a reader forever), and the file is
  opened non-blocking and checked again, in case it was swapped in between. Links are
  followed unless ``follow_symlinks=False``; a link loop or a dangling link is refused.
- Size is bounded before reading: a file over the limit is refused from its size, and at
  most one byte more than the limit is ever read (a file growing while read is caught).
  The limit is ``max_bytes`` (:data:`MAX_DOCUMENT_BYTES`, 64 MB), and at most
  :data:`MAX_TEXT_FILE_BYTES` (16 MB) for the kinds that are text (text, Markdown, code,
  HTML), whose characters all become the document's text.
- A file that changes while it is read (its size, modification time or identity differ
  after the read from before it) raises :class:`DocumentChanged`: the text may be half
  old, half new. Reading it again later gives the new one.
- An empty file is an empty :class:`Document` (no text, no sections), not an error: an
  empty notes file in a folder is not a problem to report.

Every refusal is a :class:`DocumentError` whose message names the file and says what to
do; reading never raises anything else for bad input (fuzzed in
tests/unit/documents/test_reading_fuzz.py).

The text is cleaned (``\n`` for every line break, no control characters), so offsets
count characters of :attr:`Document.text`, not bytes of the file. What each format keeps
and what it bounds: ``plain_text``, ``pdf_text``, ``docx_text`` and ``html_text``. One
limit is not ours to set: PDFium is native code without a time limit, so a PDF built to
be slow inside one page is slow (its pages, and the characters taken from each, are
bounded; callers read on a worker thread, never the UI's).
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from chatapp.documents.document import (
    BinaryDocument,
    Document,
    DocumentChanged,
    DocumentError,
    DocumentTooLarge,
    EncryptedDocument,
    ScannedDocument,
    Section,
    UnreadableDocument,
    UnsupportedDocument,
)
from chatapp.documents.html_text import html_document
from chatapp.documents.plain_text import decode_text, markdown_sections, whole_text_sections
from chatapp.formatting import format_bytes
from chatapp.i18n import QT_TRANSLATE_NOOP, translate

__all__ = [
    "KINDS_READ",
    "MAX_DOCUMENT_BYTES",
    "MAX_TEXT_FILE_BYTES",
    "BinaryDocument",
    "Document",
    "DocumentChanged",
    "DocumentError",
    "DocumentTooLarge",
    "EncryptedDocument",
    "FileStamp",
    "ScannedDocument",
    "Section",
    "UnreadableDocument",
    "UnsupportedDocument",
    "check_unchanged",
    "is_supported",
    "kind_of",
    "kinds_read",
    "language_of",
    "read_document",
    "read_document_and_bytes",
    "read_document_bytes",
    "read_file",
]

MAX_DOCUMENT_BYTES: Final = 64_000_000
MAX_TEXT_FILE_BYTES: Final = 16_000_000
# In English; kinds_read() is the user's language.
KINDS_READ: Final = QT_TRANSLATE_NOOP("DocumentReader",
                                      ".txt, .md, .pdf, .docx, .html and source code files")


def kinds_read() -> str:
    """The kinds of file chatapp reads, in the user's language (for a message or a hint)."""
    return translate("DocumentReader", KINDS_READ)

_TEXT_SUFFIXES: Final = frozenset({".txt", ".text", ".log", ".csv", ".tsv", ".rst", ".adoc",
                                   ".asciidoc", ".org", ".srt", ".vtt"})
_TEXT_NAMES: Final = frozenset({"readme", "license", "licence", "copying", "changelog",
                                "changes", "news", "notice", "authors", "contributors",
                                "install", "todo"})
_MARKDOWN_SUFFIXES: Final = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
_HTML_SUFFIXES: Final = frozenset({".html", ".htm", ".xhtml"})
_CODE_LANGUAGES: Final = {
    ".py": "Python", ".pyi": "Python", ".pyw": "Python", ".ipynb": "Jupyter notebook",
    ".js": "JavaScript", ".mjs": "JavaScript", ".cjs": "JavaScript", ".jsx": "JavaScript",
    ".ts": "TypeScript", ".tsx": "TypeScript", ".mts": "TypeScript", ".cts": "TypeScript",
    ".java": "Java", ".kt": "Kotlin", ".kts": "Kotlin", ".scala": "Scala",
    ".groovy": "Groovy", ".gradle": "Gradle", ".c": "C", ".h": "C", ".cc": "C++",
    ".cpp": "C++", ".cxx": "C++", ".hpp": "C++", ".hh": "C++", ".hxx": "C++",
    ".m": "Objective-C", ".mm": "Objective-C++", ".cs": "C#", ".fs": "F#", ".vb": "Visual Basic",
    ".go": "Go", ".rs": "Rust", ".swift": "Swift", ".dart": "Dart", ".zig": "Zig",
    ".rb": "Ruby", ".php": "PHP", ".pl": "Perl", ".pm": "Perl", ".lua": "Lua", ".r": "R",
    ".jl": "Julia", ".hs": "Haskell", ".ml": "OCaml", ".mli": "OCaml", ".ex": "Elixir",
    ".exs": "Elixir", ".erl": "Erlang", ".clj": "Clojure", ".lisp": "Lisp", ".el": "Emacs Lisp",
    ".scm": "Scheme", ".nim": "Nim", ".v": "Verilog", ".vhd": "VHDL", ".asm": "Assembly",
    ".s": "Assembly", ".sh": "Shell", ".bash": "Shell", ".zsh": "Shell", ".fish": "Shell",
    ".ps1": "PowerShell", ".bat": "Batch", ".cmd": "Batch", ".sql": "SQL",
    ".css": "CSS", ".scss": "SCSS", ".sass": "Sass", ".less": "Less", ".vue": "Vue",
    ".svelte": "Svelte", ".json": "JSON", ".jsonl": "JSON Lines", ".yaml": "YAML",
    ".yml": "YAML", ".toml": "TOML", ".ini": "INI", ".cfg": "INI", ".conf": "Config",
    ".xml": "XML", ".xsd": "XML", ".svg": "SVG", ".tex": "TeX", ".bib": "BibTeX",
    ".proto": "Protocol Buffers", ".graphql": "GraphQL", ".gql": "GraphQL",
    ".cmake": "CMake", ".mk": "Makefile", ".tf": "Terraform", ".nix": "Nix",
    ".dockerfile": "Dockerfile", ".diff": "Diff", ".patch": "Diff",
}
_CODE_NAMES: Final = {"makefile": "Makefile", "gnumakefile": "Makefile",
                      "dockerfile": "Dockerfile", "containerfile": "Dockerfile",
                      "cmakelists.txt": "CMake", "gemfile": "Ruby", "rakefile": "Ruby",
                      "jenkinsfile": "Groovy", "vagrantfile": "Ruby", "justfile": "Just"}
_TEXT_KINDS: Final = frozenset({"text", "markdown", "code", "html"})
_OLD_OFFICE: Final = {".doc": ".docx", ".rtf": ".docx", ".odt": ".docx", ".pages": ".docx",
                      ".ppt": "PDF", ".pptx": "PDF", ".key": "PDF", ".odp": "PDF",
                      ".xls": "CSV", ".xlsx": "CSV", ".ods": "CSV", ".epub": "PDF"}
_PDF_MAGIC: Final = b"%PDF-"
_PDF_MAGIC_WITHIN: Final = 1024  # the header may follow some junk, as readers allow


def kind_of(name: str) -> str | None:
    """The kind of document a file name says, or None if chatapp does not read it."""
    lowered = name.lower()
    if lowered in _CODE_NAMES:
        return "code"
    suffix = os.path.splitext(lowered)[1]
    if suffix in _TEXT_SUFFIXES or (not suffix and lowered in _TEXT_NAMES):
        return "text"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix == ".pdf":
        return "pdf"
    if suffix == ".docx":
        return "docx"
    if suffix in _CODE_LANGUAGES:
        return "code"
    return None


def language_of(name: str) -> str | None:
    """A source file's language by its name ("Python" for ``tool.py``)."""
    lowered = name.lower()
    return _CODE_NAMES.get(lowered) or _CODE_LANGUAGES.get(os.path.splitext(lowered)[1])


def is_supported(path: Path) -> bool:
    """Whether chatapp reads files of this name (the content may still be refused)."""
    return kind_of(path.name) is not None


def read_document(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES,
                  follow_symlinks: bool = True) -> Document:
    """The document at ``path`` (see the module docs for what is refused and why)."""
    return read_document_and_bytes(path, max_bytes=max_bytes,
                                   follow_symlinks=follow_symlinks)[0]


def read_document_and_bytes(path: Path, *, max_bytes: int = MAX_DOCUMENT_BYTES,
                            follow_symlinks: bool = True) -> tuple[Document, bytes]:
    """The document at ``path`` and the very bytes it was read from (to keep a copy or
    hash them without reading the file again, when it may have changed since)."""
    name = path.name
    if kind_of(name) is None:  # a folder or a pipe is refused as that, not for its name
        with suppress(OSError, ValueError):
            _check_regular(name, os.stat(path, follow_symlinks=follow_symlinks))
    kind = _supported_kind(name)
    data, stamp = read_file(path, limit=_limit(kind, max_bytes), follow_symlinks=follow_symlinks)
    document = _parse(data, name, kind)
    check_unchanged(path, stamp, follow_symlinks=follow_symlinks)
    return document, data


def read_document_bytes(data: bytes, name: str, *,
                        max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """The document held in ``data``, read as a file called ``name`` (a kept copy of an
    attachment, a pasted file)."""
    kind = _supported_kind(name)
    limit = _limit(kind, max_bytes)
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    return _parse(data, name, kind)


def _supported_kind(name: str) -> str:
    kind = kind_of(name)
    if kind is not None:
        return kind
    suffix = os.path.splitext(name.lower())[1]
    if suffix in _OLD_OFFICE:
        instead = _OLD_OFFICE[suffix]
        raise UnsupportedDocument(
            translate("DocumentReader",
                      "chatapp cannot read {name}: it reads {kinds}. Open it in the program "
                      "that made it and save it as {instead} (or as PDF), then attach that."
                      ).format(name=name, kinds=kinds_read(), instead=instead),
            f"{name}: unsupported kind {suffix}")
    raise UnsupportedDocument(
        translate("DocumentReader",
                  "chatapp cannot read {name}: it reads {kinds}. If it is a document, save it "
                  "as PDF or plain text and attach that.").format(name=name, kinds=kinds_read()),
        f"{name}: unsupported kind {suffix or '(no suffix)'}")


def _limit(kind: str, max_bytes: int) -> int:
    return min(max_bytes, MAX_TEXT_FILE_BYTES) if kind in _TEXT_KINDS else max_bytes


def _too_large(name: str, size: int, limit: int) -> DocumentTooLarge:
    return DocumentTooLarge(
        translate("DocumentReader",
                  "{name} is {size}; chatapp reads files of this kind up to {limit}. Split it "
                  "into smaller files, or attach only the part you need.").format(
            name=name, size=format_bytes(size), limit=format_bytes(limit)),
        f"{name}: {size} bytes, limit {limit}")


def _parse(data: bytes, name: str, kind: str) -> Document:
    if not data:
        return Document(name, kind, "", (), language_of(name) if kind == "code" else None)
    # The PDF and Word readers are imported when first needed: their libraries took a
    # quarter of a second of the window's start.
    if kind == "pdf" or (kind in _TEXT_KINDS and _PDF_MAGIC in data[:_PDF_MAGIC_WITHIN]):
        from chatapp.documents.pdf_text import pdf_document
        return pdf_document(data, name)
    if kind == "docx":
        from chatapp.documents.docx_text import docx_document
        return docx_document(data, name)
    if kind == "html":
        return html_document(data, name)
    text = decode_text(data, name)
    sections = markdown_sections(text) if kind == "markdown" else whole_text_sections(text)
    language = language_of(name) if kind == "code" else None
    return Document(name, kind, text, tuple(sections), language)


# -- the file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FileStamp:
    """What identifies one state of a file: it changed if any of these differ."""

    device: int
    inode: int
    size: int
    modified_ns: int

    @classmethod
    def of(cls, status: os.stat_result) -> FileStamp:
        return cls(status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


_READ_CHUNK = 1024 * 1024
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
               # a pipe put in the file's place after the check must not block the open
               | getattr(os, "O_NONBLOCK", 0))


def read_file(path: Path, *, limit: int, follow_symlinks: bool = True,
              ) -> tuple[bytes, FileStamp]:
    """The bytes of a regular file of at most ``limit`` bytes, and its stamp as read.

    Refused: a file that is not regular, over the limit (from its size, before reading),
    that cannot be opened, or that changes size while read. Pass the stamp to
    :func:`check_unchanged` once done with the bytes.
    """
    name = path.name
    try:
        before = os.stat(path, follow_symlinks=follow_symlinks)
    except OSError as error:
        raise _os_error(path, error) from error
    except ValueError as error:  # a NUL in the name: no file can have it
        raise UnreadableDocument(translate(
            "DocumentReader", "{name} is not a file name chatapp can open.").format(
                name=repr(name)),
                                 f"{path!r}: {error}") from error
    _check_regular(name, before)
    if before.st_size > limit:
        raise _too_large(name, before.st_size, limit)
    flags = _OPEN_FLAGS | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise _os_error(path, error) from error
    try:
        opened = os.fstat(fd)
        _check_regular(name, opened)
        if FileStamp.of(opened) != FileStamp.of(before):
            raise _changed(name, "replaced between its check and its opening")
        chunks: list[bytes] = []
        remaining = limit + 1  # one byte more than allowed tells that it grew
        while remaining > 0:
            chunk = os.read(fd, min(_READ_CHUNK, remaining))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    except OSError as error:
        raise _os_error(path, error) from error
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) != opened.st_size:
        raise _changed(name, f"{opened.st_size} bytes when opened, {len(data)} read")
    return data, FileStamp.of(opened)


def check_unchanged(path: Path, stamp: FileStamp, *, follow_symlinks: bool = True) -> None:
    """Raise :class:`DocumentChanged` unless the file is still as ``stamp`` says."""
    try:
        now = os.stat(path, follow_symlinks=follow_symlinks)
    except OSError as error:
        raise _changed(path.name, f"gone after reading: {error}") from error
    if FileStamp.of(now) != stamp:
        raise _changed(path.name, f"{stamp} before, {FileStamp.of(now)} after")


def _changed(name: str, detail: str) -> DocumentChanged:
    return DocumentChanged(
        translate("DocumentReader",
                  "{name} changed while chatapp was reading it. Wait until it is saved "
                  "completely (or the program writing it is done), then try again."
                  ).format(name=name),
        f"{name}: changed while read ({detail})")


def _check_regular(name: str, status: os.stat_result) -> None:
    mode = status.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnreadableDocument(
            translate("DocumentReader", "{name} is a folder, not a file. To use the files "
                      "in a folder, add it under Local documents.").format(name=name),
            f"{name}: a directory")
    if stat.S_ISLNK(mode):
        raise UnreadableDocument(
            translate("DocumentReader", "{name} is a link to another file, and links are "
                      "not followed here. Add the file it points to instead.").format(
                          name=name), f"{name}: a symbolic link (not followed)")
    what = (QT_TRANSLATE_NOOP("DocumentReader", "a pipe") if stat.S_ISFIFO(mode)
            else QT_TRANSLATE_NOOP("DocumentReader", "a socket") if stat.S_ISSOCK(mode)
            else QT_TRANSLATE_NOOP("DocumentReader", "a device")
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else QT_TRANSLATE_NOOP("DocumentReader", "not a file"))
    raise UnreadableDocument(
        translate("DocumentReader", "{name} is {what}, not a regular file, so chatapp does "
                  "not read it. Save what you want to use as a file and add that.").format(
                      name=name, what=translate("DocumentReader", what)),
        f"{name}: {what} (mode {mode:o})")


def _os_error(path: Path, error: OSError) -> UnreadableDocument:
    name = path.name
    detail = f"{path}: {type(error).__name__}: {error}"
    if isinstance(error, PermissionError):
        message = translate(
            "DocumentReader", "chatapp is not allowed to read {name} (permission denied). "
            "Check the file's permissions, or copy it to a folder of yours and add the copy.")
    elif isinstance(error, FileNotFoundError):
        message = translate(
            "DocumentReader", "{name} is a link to a file that is not there any more. Add the "
            "file itself instead.") if os.path.islink(path) else translate(
            "DocumentReader", "{name} is not there any more: it was moved, renamed or deleted.")
    elif error.errno == errno.ELOOP:
        message = translate(
            "DocumentReader", "{name} is a link that leads back to itself (a link loop), so "
            "there is no file to read. Add the file itself instead.")
    elif isinstance(error, IsADirectoryError):
        message = translate("DocumentReader", "{name} is a folder, not a file.")
    else:
        message = translate(
            "DocumentReader", "chatapp could not read {name} ({error}). Check that the disk "
            "or network drive it is on is still there, then try again.")
    return UnreadableDocument(message.format(name=name, error=error.strerror or error), detail)
