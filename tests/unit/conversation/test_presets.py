"""Presets: the list kept in its file, export and import, and files that must be refused."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from chatapp.conversation.chat_settings import MODEL
from chatapp.conversation.presets import (
    MAX_FILE_BYTES,
    MAX_PRESETS,
    Preset,
    PresetError,
    PresetFileError,
    PresetLibrary,
    check_name,
    parse_presets,
    presets_document,
    unique_name,
)
from chatapp.paths import AppPaths
from tests.conftest import LogFail

TRANSLATOR = Preset("Translator", {"system_prompt": "Translate into French.",
                                   "temperature": 0.2})
POET = Preset("Poet", {"system_prompt": "Answer in verse.", "temperature": 1.2, "top_k": 80,
                       MODEL: "/models/poet.gguf"})


def document(*entries: object, **extra: object) -> bytes:
    return json.dumps({"format": "chatapp-presets", "version": 1, "presets": list(entries),
                       **extra}).encode()


@pytest.fixture
def library(tmp_path: Path) -> PresetLibrary:
    return PresetLibrary(AppPaths.portable(tmp_path / "home").presets_file)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_create_edit_delete_are_kept_in_a_private_file(library: PresetLibrary) -> None:
    assert library.load() == []
    library.create(TRANSLATOR)
    library.create(POET)
    assert library.path.parent.name == "config"
    assert mode(library.path) == 0o600
    assert PresetLibrary(library.path).load() == [TRANSLATOR, POET]
    assert POET.model_path == Path("/models/poet.gguf")
    renamed = Preset("French", {"system_prompt": "Translate into French.", "top_p": 0.9})
    assert library.edit("translator", renamed) == [renamed, POET]  # names match any case
    assert library.delete("Poet") == [renamed]
    assert library.load() == [renamed]
    assert [p.name for p in library.path.parent.iterdir()] == ["presets.json"]  # no leftovers


def test_a_chat_from_a_preset_is_labelled_with_its_name() -> None:
    assert TRANSLATOR.chat_overrides() == {**TRANSLATOR.settings, "preset": "Translator"}


@pytest.mark.parametrize(("change", "message"), [
    (lambda lib: lib.create(Preset("translator")), "already a preset named"),
    (lambda lib: lib.create(Preset("  ")), "needs a name"),
    (lambda lib: lib.create(Preset("x" * 81)), "at most 80"),
    (lambda lib: lib.create(Preset("Evil\u202egnp.exe")), "control or invisible"),
    (lambda lib: lib.create(Preset("Hot", {"temperature": 5.0})), "Temperature must be"),
    (lambda lib: lib.create(Preset("Odd", {"threads": 2})), "not a setting a preset"),
    (lambda lib: lib.edit("Nobody", Preset("X")), "no preset named"),
    (lambda lib: lib.edit("Translator", Preset("Poet")), "already a preset named"),
    (lambda lib: lib.delete("Nobody"), "no preset named"),
])
def test_changes_that_cannot_be_made_say_why(library: PresetLibrary, change: object,
                                             message: str) -> None:
    library.create(TRANSLATOR)
    library.create(POET)
    before = library.path.read_bytes()
    with pytest.raises(PresetError, match=message):
        change(library)  # type: ignore[operator]
    assert library.path.read_bytes() == before


def test_names_are_tidied_and_emoji_are_welcome() -> None:
    assert check_name("  Code\treviewer \n") == "Code reviewer"
    assert check_name("Family 👨\u200d👩\u200d👧") == "Family 👨\u200d👩\u200d👧"
    taken = [Preset("Poet"), Preset("Poet (2)")]
    assert unique_name(taken, "poet") == "poet (3)"
    assert unique_name(taken, "Painter") == "Painter"
    assert len(unique_name([Preset("p" * 80)], "p" * 80)) == 80


def test_export_one_or_all_and_import_them_back(library: PresetLibrary, tmp_path: Path) -> None:
    library.create(TRANSLATOR)
    library.create(POET)
    one, every = tmp_path / "out" / "poet.json", tmp_path / "all.json"
    assert library.export(one, ["poet"]) == 1
    assert library.export(every) == 2
    assert mode(one) == 0o600 and mode(every) == 0o600
    assert json.loads(one.read_text()) == presets_document([POET])
    other = PresetLibrary(tmp_path / "elsewhere" / "presets.json")
    presets, added = other.import_file(every)
    assert presets == [TRANSLATOR, POET] and added == ["Translator", "Poet"]
    # Importing again adds copies under new names instead of replacing anything.
    presets, added = other.import_file(one)
    assert added == ["Poet (2)"]
    assert presets[-1] == Preset("Poet (2)", POET.settings)
    assert other.load() == presets


def test_export_refuses_to_overwrite_the_presets_themselves(library: PresetLibrary) -> None:
    library.create(TRANSLATOR)
    with pytest.raises(PresetError, match="another file"):
        library.export(library.path)
    assert library.load() == [TRANSLATOR]


HOSTILE = [
    (b"", "not valid JSON"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply|not valid JSON"),
    (b'{"format": "chatapp-presets", "version": 1, "presets": [{"name": "x", "settings": '
     b'{"top_k": 1' + b"0" * 5000 + b"}}]}", "not valid JSON"),
    (b'"just a string"', "not a chatapp presets file"),
    (json.dumps({"presets": []}).encode(), "not a chatapp presets file"),
    (json.dumps({"format": "chatapp-presets", "presets": []}).encode(), "version"),
    (json.dumps({"format": "chatapp-presets", "version": 99, "presets": []}).encode(),
     "newer chatapp"),
    (json.dumps({"format": "chatapp-presets", "version": 1, "presets": {}}).encode(),
     "no list of presets"),
    (document(*[{"name": f"p{i}"} for i in range(MAX_PRESETS + 1)]), "more than 500"),
    (document("not an object"), "Entry 1 is not a preset"),
    (document({"name": 7}), "must be text"),
    (document({"name": "A", "settings": []}), "no settings object"),
    (document({"name": "A", "settings": {"temperature": "1e9"}}), "wrong type"),
    (document({"name": "A", "settings": {"temperature": 1e308}}), "Temperature must be"),
    (document({"name": "A", "settings": {"context_length": 17}}), "Context length"),
    (document({"name": "A", "settings": {"rm -rf": 1}}), "unknown setting"),
    (document({"name": "A", "settings": {"model_path": ["/etc/passwd"]}}), "path of a model"),
    (document({"name": "A"}, {"name": "a"}), "there twice"),
    (document({"name": "A", "settings": {"system_prompt": "x" * 100_001}}), "too long"),
    (b" " * (MAX_FILE_BYTES + 1), "larger than"),
]


@pytest.mark.parametrize(("data", "message"), HOSTILE)
def test_an_import_that_is_not_right_is_refused_whole(library: PresetLibrary, tmp_path: Path,
                                                      data: bytes, message: str) -> None:
    library.create(TRANSLATOR)
    source = tmp_path / "given.json"
    source.write_bytes(data)
    with pytest.raises(PresetFileError, match=message) as raised:
        library.import_file(source)
    assert str(source) in raised.value.user_message
    assert library.load() == [TRANSLATOR]


def test_an_import_of_a_missing_or_empty_file(library: PresetLibrary, tmp_path: Path) -> None:
    with pytest.raises(PresetFileError, match="does not exist"):
        library.import_file(tmp_path / "nothing.json")
    (tmp_path / "empty.json").write_bytes(document())
    with pytest.raises(PresetFileError, match="holds no presets"):
        library.import_file(tmp_path / "empty.json")
    assert not library.path.exists()


def test_own_file_keeps_what_it_can(library: PresetLibrary, logfail: LogFail) -> None:
    logfail.expect("chatapp.conversation", "Ignoring")
    library.path.parent.mkdir(parents=True)
    library.path.write_bytes(document(
        {"name": "Good", "settings": {"temperature": 0.3, "top_k": -1, "future": 1}},
        {"name": "good"}, {"name": ""}, {"name": "Also", "settings": {"top_p": 0.5}}))
    assert library.load() == [Preset("Good", {"temperature": 0.3}),
                              Preset("Also", {"top_p": 0.5})]


@pytest.mark.parametrize("data", [b"{broken", b'{"format": "something else"}'])
def test_own_file_that_cannot_be_read_is_kept_aside(library: PresetLibrary,
                                                    data: bytes) -> None:
    library.path.parent.mkdir(parents=True)
    library.path.write_bytes(data)
    with pytest.raises(PresetFileError, match=r"kept as presets\.json\.damaged-") as raised:
        library.load()
    assert "start empty" in raised.value.user_message
    assert not library.path.exists()
    (kept,) = library.path.parent.glob("presets.json.damaged-*")
    assert kept.read_bytes() == data
    assert library.load() == []
    library.create(POET)  # and presets can be saved again
    assert library.load() == [POET]


def test_parse_is_strict_by_default() -> None:
    with pytest.raises(PresetFileError, match=r"given\.json cannot be read as presets"):
        parse_presets(document({"name": "A", "settings": {"top_k": -1}}), "given.json")
