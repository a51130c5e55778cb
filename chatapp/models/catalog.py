"""The curated catalog: recommended models, each pinned to one exact GGUF file.

The catalog ships with the app as ``catalog.json`` in the package ``chatapp.resources`` and is
read without any network. Every entry names the Hugging Face repository and file, its size and
SHA-256 (so a download can be verified before it is used), the public records that size and hash
were taken from (at least two independent ones), what the model is for (``kind``: a chat model, or
an embedding model for Local documents' meaning search), whether the model reasons before it answers
(a thinking phase the user waits through), and the few numbers of the model's shape that the
memory estimate needs (layers, KV heads, head sizes, trained context).

The file is validated strictly: a wrong type, a missing or unknown field, an architecture the
bundled engine cannot run or a duplicate id is an error that names the entry and the field, so a
bad edit fails the tests instead of showing a broken catalog to users.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Final, NoReturn

from chatapp.gguf.architectures import (
    LLAMA_FTYPE_LABELS,
    LLAMA_MAX_LAYERS,
    SUPPORTED_ARCHITECTURES,
)
from chatapp.i18n import translate
from chatapp.models.errors import CatalogError

__all__ = [
    "CATALOG_RESOURCE",
    "CATALOG_SCHEMA",
    "MIN_SOURCES",
    "Catalog",
    "CatalogEntry",
    "CatalogError",
    "ModelKind",
    "load_catalog",
    "parse_catalog",
]

CATALOG_RESOURCE: Final = "catalog.json"
CATALOG_SCHEMA: Final = 1
# A size and sha256 are entered only when this many independent public records agree on them.
MIN_SOURCES: Final = 2

_SHA256 = re.compile(r"[0-9a-f]{64}")
_REVISION = re.compile(r"[0-9a-f]{40}")
_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,79}")
# Hugging Face repository ids: owner/name, letters, digits and . _ - only.
_REPO = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}")
_FILE_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._+-]*")
_KNOWN_QUANTIZATIONS: Final = frozenset(LLAMA_FTYPE_LABELS.values())

# Generous bounds that still catch typos (a size in GB instead of bytes, a context in K).
_MAX_SIZE_BYTES: Final = 1 << 40
_MAX_PARAMETERS: Final = 10**12
_MIN_CONTEXT: Final = 512
_MAX_CONTEXT: Final = 1 << 24
_MAX_HEADS: Final = 1024
_MAX_HEAD_SIZE: Final = 4096
_MAX_TEXT: Final = 300


class ModelKind(Enum):
    """What a catalog model is for."""

    CHAT = "chat"
    EMBEDDING = "embedding"  # turns text into vectors for Local documents; cannot chat


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    name: str  # display name
    family: str
    description: str  # one line, for the catalog list
    repo: str  # Hugging Face repository, "owner/name"
    file: str  # path of the GGUF file inside the repository
    revision: str | None  # a commit that holds exactly this file; None: the main branch
    quantization: str  # e.g. "Q4_K_M"
    size_bytes: int
    sha256: str | None  # None: not verified here, the downloader uses the hub's LFS sha256
    # The independent public records that agree on size and sha256 (at least two when sha256 is
    # set): "<owner>/<repository> <path> (what it states)" or another citable record.
    sources: tuple[str, ...]
    reasoning: bool  # thinks before answering (a reasoning phase precedes the reply)
    kind: ModelKind
    parameters: int
    context_length: int  # the trained maximum (<arch>.context_length)
    license: str
    architecture: str  # general.architecture
    layers: int  # <arch>.block_count
    kv_heads: int
    key_length: int  # per KV head
    value_length: int

    @property
    def shown_description(self) -> str:
        """The description in the user's language (models/catalog_texts.py marks them)."""
        return translate("Catalog", self.description)

    def kv_cache_bytes_per_token(self, bytes_per_element: int = 2) -> int:
        """KV cache per context token (f16 by default): K and V for every layer and KV head.

        The same formula as GgufInfo.kv_cache_bytes_per_token, so a catalog entry and the
        downloaded file give the same estimate.
        """
        return (
            self.layers * self.kv_heads * (self.key_length + self.value_length) * bytes_per_element
        )


@dataclass(frozen=True)
class Catalog:
    entries: tuple[CatalogEntry, ...]

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, model_id: str) -> CatalogEntry | None:
        return next((e for e in self.entries if e.id == model_id), None)

    def find_file(self, repo: str, file: str) -> CatalogEntry | None:
        """The entry for a repository file (repository names compare case-insensitively,
        as on the hub)."""
        return next(
            (e for e in self.entries if e.repo.lower() == repo.lower() and e.file == file), None
        )


@functools.cache
def load_catalog() -> Catalog:
    """The catalog shipped with the app (read once; it cannot change while the app runs)."""
    resource = importlib.resources.files("chatapp.resources") / CATALOG_RESOURCE
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"{CATALOG_RESOURCE} cannot be read: {error}") from error
    return parse_catalog(text, origin=CATALOG_RESOURCE)


def parse_catalog(text: str, *, origin: str = CATALOG_RESOURCE) -> Catalog:
    """Parse and validate catalog JSON; CatalogError names the entry and field at fault."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogError(
            f"{origin}: not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}"
        ) from error
    if not isinstance(document, dict):
        raise CatalogError(f"{origin}: the top level must be an object")
    _exact_keys(document, {"schema", "models"}, origin)
    schema = document["schema"]
    if type(schema) is not int or schema != CATALOG_SCHEMA:
        raise CatalogError(f"{origin}: field 'schema' must be {CATALOG_SCHEMA}, got {schema!r}")
    models = document["models"]
    if not isinstance(models, list) or not models:
        raise CatalogError(f"{origin}: field 'models' must be a non-empty list")

    entries: list[CatalogEntry] = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[tuple[str, str], int] = {}
    for index, raw in enumerate(models):
        entry = _parse_entry(raw, f"{origin}: model #{index + 1}")
        where = f"{origin}: model #{index + 1} ({entry.id!r})"
        if entry.id in seen_ids:
            raise CatalogError(
                f"{where}: field 'id' repeats model #{seen_ids[entry.id] + 1}; ids must be unique"
            )
        key = (entry.repo.lower(), entry.file)
        if key in seen_files:
            raise CatalogError(
                f"{where}: fields 'repo'/'file' repeat model #{seen_files[key] + 1}"
            )
        seen_ids[entry.id] = index
        seen_files[key] = index
        entries.append(entry)
    return Catalog(tuple(entries))


_FIELDS: Final = (
    "id", "name", "family", "description", "repo", "file", "revision", "quantization",
    "size_bytes", "sha256", "sources", "kind", "reasoning", "parameters", "context_length",
    "license",
    "architecture", "layers", "kv_heads", "key_length", "value_length",
)  # fmt: skip


def _parse_entry(raw: object, where: str) -> CatalogEntry:
    if not isinstance(raw, dict):
        raise CatalogError(f"{where}: must be an object")
    # Name the entry by its id in every later message, once the id is known to be a string.
    raw_id = raw.get("id")
    if isinstance(raw_id, str):
        where = f"{where} ({raw_id!r})"
    _exact_keys(raw, set(_FIELDS), where)
    f = _Fields(raw, where)

    model_id = f.text("id", pattern=_ID, hint="lower-case letters, digits, '.', '_' or '-'")
    repo = f.text("repo", pattern=_REPO, hint="a Hugging Face repository id, owner/name")
    file = f.text("file")
    parts = file.split("/")
    if not file.endswith(".gguf") or not all(_FILE_PART.fullmatch(p) for p in parts):
        f.fail("file", file, "a .gguf path inside the repository, without '..' or '\\'")
    quantization = f.text("quantization")
    if quantization not in _KNOWN_QUANTIZATIONS:
        f.fail("quantization", quantization, "a llama.cpp file type such as Q4_K_M")
    architecture = f.text("architecture")
    if architecture not in SUPPORTED_ARCHITECTURES:
        f.fail("architecture", architecture, "an architecture the bundled engine can load")
    sha256 = f.optional_text("sha256", pattern=_SHA256, hint="64 lower-case hex digits")
    sources = f.text_list("sources")
    if sha256 is not None and len(sources) < MIN_SOURCES:
        f.fail("sources", list(sources),
               f"at least {MIN_SOURCES} independent records of size and sha256 (required when "
               "sha256 is set)")
    layers = f.integer("layers", 1, LLAMA_MAX_LAYERS)
    kind_text = f.text("kind")
    kinds = {kind.value: kind for kind in ModelKind}
    if kind_text not in kinds:
        f.fail("kind", kind_text, " or ".join(repr(k) for k in kinds))
    kind = kinds[kind_text]
    reasoning = f.boolean("reasoning")
    if kind is ModelKind.EMBEDDING and reasoning:
        f.fail("reasoning", reasoning, "false for an embedding model (it writes no reply)")
    return CatalogEntry(
        id=model_id,
        name=f.text("name"),
        family=f.text("family"),
        description=f.text("description"),
        repo=repo,
        file=file,
        revision=f.optional_text("revision", pattern=_REVISION, hint="a 40-hex-digit commit"),
        quantization=quantization,
        size_bytes=f.integer("size_bytes", 1, _MAX_SIZE_BYTES),
        sha256=sha256,
        sources=sources,
        reasoning=reasoning,
        kind=kind,
        parameters=f.integer("parameters", 1, _MAX_PARAMETERS),
        context_length=f.integer("context_length", _MIN_CONTEXT, _MAX_CONTEXT),
        license=f.text("license"),
        architecture=architecture,
        layers=layers,
        kv_heads=f.integer("kv_heads", 1, _MAX_HEADS),
        key_length=f.integer("key_length", 1, _MAX_HEAD_SIZE),
        value_length=f.integer("value_length", 1, _MAX_HEAD_SIZE),
    )


def _exact_keys(mapping: Mapping[str, object], expected: set[str], where: str) -> None:
    missing = sorted(expected - mapping.keys())
    if missing:
        raise CatalogError(f"{where}: missing field {', '.join(repr(k) for k in missing)}")
    unknown = sorted(mapping.keys() - expected)
    if unknown:
        raise CatalogError(f"{where}: unknown field {', '.join(repr(k) for k in unknown)}")


class _Fields:
    """Typed access to one entry's fields; every failure names the entry and the field."""

    def __init__(self, raw: Mapping[str, object], where: str) -> None:
        self._raw = raw
        self._where = where

    def fail(self, key: str, value: object, expected: str) -> NoReturn:
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        raise CatalogError(f"{self._where}: field {key!r} must be {expected}, got {shown}")

    def text(self, key: str, *, pattern: re.Pattern[str] | None = None, hint: str = "") -> str:
        value = self._raw[key]
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            self.fail(key, value, "a non-empty string without surrounding spaces")
        if len(value) > _MAX_TEXT or any(ord(c) < 32 for c in value):
            self.fail(key, value, f"one line of at most {_MAX_TEXT} characters")
        if pattern is not None and not pattern.fullmatch(value):
            self.fail(key, value, hint)
        return value

    def optional_text(
        self, key: str, *, pattern: re.Pattern[str] | None = None, hint: str = ""
    ) -> str | None:
        if self._raw[key] is None:
            return None
        return self.text(key, pattern=pattern, hint=hint)

    def boolean(self, key: str) -> bool:
        value = self._raw[key]
        if type(value) is not bool:  # 0/1 or "true" are mistakes, not booleans
            self.fail(key, value, "true or false")
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        """A list of distinct one-line strings (possibly empty)."""
        value = self._raw[key]
        if not isinstance(value, list):
            self.fail(key, value, "a list of strings")
        items: list[str] = []
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip() or item != item.strip():
                self.fail(key, item, f"a list of non-empty strings (item {index + 1})")
            if len(item) > _MAX_TEXT or any(ord(c) < 32 for c in item):
                self.fail(key, item, f"a list of one-line strings of at most {_MAX_TEXT} chars")
            if item in items:
                self.fail(key, item, "a list of distinct records (this one repeats)")
            items.append(item)
        return tuple(items)

    def integer(self, key: str, low: int, high: int) -> int:
        value = self._raw[key]
        # bool is an int in Python, and 1.0 parses as a float: both are mistakes here.
        if type(value) is not int or not low <= value <= high:
            self.fail(key, value, f"an integer from {low:,} to {high:,}")
        return value
