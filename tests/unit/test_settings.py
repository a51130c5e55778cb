from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chatapp.settings import LIMITS, Settings, SettingsError, load_settings, save_settings
from chatapp.vocabulary import KvCacheType


def test_defaults_are_valid() -> None:
    assert Settings().validated() == Settings()


@pytest.mark.parametrize(("field", "value"), [
    ("temperature", -0.1), ("temperature", 2.5), ("top_p", 1.5), ("top_k", -1),
    ("repeat_penalty", 0.5), ("max_reply_tokens", 4), ("thinking_budget_tokens", 10),
    ("context_length", 100),
    ("threads", -2), ("hub_endpoint", "http://example.org"), ("hub_endpoint", "ftp://x"),
    ("hub_endpoint", "not a url"),
])
def test_out_of_range_is_refused_with_the_field_named(field: str, value: float) -> None:
    with pytest.raises(SettingsError) as raised:
        replace(Settings(), **{field: value}).validated()  # type: ignore[arg-type]
    assert field.split("_", maxsplit=1)[0] in str(raised.value).lower()


def test_round_trip_and_private_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    settings = Settings(system_prompt="Be brief.", temperature=0.2, top_k=10,
                        context_length=2048, threads=1, last_model_path="/m/x.gguf",
                        embedding_model_path="/m/minilm.gguf")
    save_settings(path, settings)
    assert load_settings(path) == settings
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p for p in path.parent.iterdir() if p.name != "settings.json"]


@pytest.mark.expect_log("chatapp.settings",
                        "is not valid JSON|Cannot read settings")
def test_missing_or_damaged_file_gives_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.json") == Settings()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert load_settings(broken) == Settings()
    broken.write_text("[1, 2]", encoding="utf-8")
    assert load_settings(broken) == Settings()


@pytest.mark.expect_log("chatapp.settings", "Ignoring setting")
def test_bad_fields_fall_back_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({
        "temperature": 9.0, "top_k": "many", "top_p": 0.5, "threads": True,
        "system_prompt": "Hi", "unknown": 1, "last_model_path": 5,
        "embedding_model_path": ["x"],
    }), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.temperature == Settings().temperature
    assert loaded.top_k == Settings().top_k
    assert loaded.threads == Settings().threads
    assert loaded.last_model_path is None
    assert loaded.embedding_model_path is None
    assert loaded.top_p == 0.5
    assert loaded.system_prompt == "Hi"


def test_saving_an_invalid_value_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with pytest.raises(SettingsError):
        save_settings(path, Settings(temperature=5.0))
    assert not path.exists()


@pytest.mark.expect_log("chatapp.settings", "Ignoring setting|not valid JSON")
@given(st.dictionaries(st.sampled_from(sorted(LIMITS)),
                       st.one_of(st.integers(-10**6, 10**6), st.floats(allow_nan=True),
                                 st.text(max_size=5), st.none(), st.booleans())))
def test_any_json_loads_to_valid_settings(data: dict[str, object]) -> None:
    from chatapp.settings import settings_from_dict

    settings_from_dict(data).validated()


@pytest.mark.expect_log("chatapp.settings", "Ignoring setting (api_port|api_allow_network)")
def test_api_server_settings_round_trip_and_are_checked(tmp_path: Path) -> None:
    from chatapp.settings import settings_from_dict

    loaded = settings_from_dict({"api_server_enabled": True, "api_port": 80,
                                 "api_allow_network": 1, "api_save_chats": True})
    # Off by default; a port below 1024 and a number for a switch are ignored.
    assert Settings().api_server_enabled is False
    assert (loaded.api_server_enabled, loaded.api_port, loaded.api_allow_network,
            loaded.api_save_chats) == (True, Settings().api_port, False, True)
    path = tmp_path / "settings.json"
    save_settings(path, replace(loaded, api_port=9000))
    assert load_settings(path).api_port == 9000


@pytest.mark.parametrize("kv_type", list(KvCacheType))
def test_kv_cache_type_round_trips(tmp_path: Path, kv_type: KvCacheType) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(kv_cache_type=kv_type))
    assert json.loads(path.read_text(encoding="utf-8"))["kv_cache_type"] == kv_type.value
    loaded = load_settings(path)
    assert loaded.kv_cache_type is kv_type
    assert Settings().kv_cache_type is KvCacheType.F16


@pytest.mark.expect_log("chatapp.settings", "Ignoring setting kv_cache_type")
@pytest.mark.parametrize("raw", ["q5_1", "Q8_0", "", 8, None, True, ["q8_0"]])
def test_an_unknown_kv_cache_type_falls_back_to_f16(tmp_path: Path, raw: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"kv_cache_type": raw, "top_p": 0.5}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.kv_cache_type is KvCacheType.F16
    assert loaded.top_p == 0.5  # the other fields are kept


def test_a_kv_cache_type_that_is_not_one_is_refused() -> None:
    with pytest.raises(SettingsError, match="KV cache type"):
        Settings(kv_cache_type="q8_0").validated()  # type: ignore[arg-type]
