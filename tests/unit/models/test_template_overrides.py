"""The user's own chat template per model: kept privately, read back exactly, removable,
and a damaged file never taken for a template nor crashing the reader."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from chatapp.errors import UserFacingError
from chatapp.gguf import GgufError
from chatapp.models import template_overrides
from chatapp.models.template_overrides import (
    MAX_TEMPLATE_BYTES,
    TemplateOverrideError,
    load,
    override_path,
    read_model_template,
    read_state,
    reset,
    save,
)
from chatapp.paths import AppPaths
from tests.unit.gguf.gguf_factory import (
    CHAT_TEMPLATE,
    STR,
    RawGguf,
    base_metadata,
    kv,
    write_with_gguf_writer,
)

TEMPLATE = ("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"
            "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
            "{# é, 中文, 🙂 #}")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data" / "chat_templates"


@pytest.fixture
def model(tmp_path: Path) -> Path:
    return tmp_path / "models" / "tiny-Q8_0.gguf"


def test_round_trip_keeps_the_text_exactly(model: Path, folder: Path) -> None:
    assert load(model, folder) is None
    written = save(model, TEMPLATE, folder)
    assert written == folder / "tiny-Q8_0.gguf.jinja"
    assert load(model, folder) == TEMPLATE
    assert template_overrides.has_override(model, folder)
    save(model, "{{ messages[0].content }}", folder)  # replaced, not appended
    assert load(model, folder) == "{{ messages[0].content }}"
    assert [p.name for p in folder.iterdir()] == ["tiny-Q8_0.gguf.jinja"]  # no temp files


def test_the_file_and_its_folder_are_private(model: Path, folder: Path) -> None:
    path = save(model, TEMPLATE, folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


def test_reset_removes_the_override(model: Path, folder: Path) -> None:
    save(model, TEMPLATE, folder)
    assert reset(model, folder) is True
    assert load(model, folder) is None
    assert not template_overrides.has_override(model, folder)
    assert reset(model, folder) is False  # nothing left to remove


def test_the_key_is_the_model_file_name(tmp_path: Path, folder: Path) -> None:
    """The same model file, imported in place and later copied, keeps its template; the
    models are told apart by name only."""
    save(tmp_path / "elsewhere" / "m.gguf", TEMPLATE, folder)
    assert load(tmp_path / "models" / "m.gguf", folder) == TEMPLATE
    assert load(tmp_path / "models" / "other.gguf", folder) is None


def test_a_name_too_long_for_the_suffix_is_shortened_and_kept_apart(
        tmp_path: Path, folder: Path) -> None:
    # 254 bytes: a valid file name, but not with ".jinja" and the temporary file's ".…tmp"
    first = tmp_path / ("é" * 124 + "a.gguf")
    second = tmp_path / ("é" * 124 + "b.gguf")
    assert len(first.name.encode()) == 254
    paths = {override_path(first, folder), override_path(second, folder)}
    assert len(paths) == 2
    assert all(len(p.name.encode()) <= 255 - 14 and p.name.endswith(".jinja") for p in paths)
    save(first, "one", folder)
    save(second, "two", folder)
    assert (load(first, folder), load(second, folder)) == ("one", "two")
    short = override_path(tmp_path / ("é" * 100 + ".gguf"), folder)
    assert short.name == "é" * 100 + ".gguf.jinja"  # within the limit: kept as it is


def test_the_default_folder_is_the_data_folders(app_paths: AppPaths, model: Path) -> None:
    save(model, TEMPLATE)
    assert (app_paths.data_dir / "chat_templates" / "tiny-Q8_0.gguf.jinja").is_file()
    assert app_paths.chat_templates_dir == app_paths.data_dir / "chat_templates"
    assert load(model) == TEMPLATE
    assert reset(model) is True


def test_a_file_that_is_not_utf8_is_an_error_a_person_can_act_on(
        model: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    override_path(model, folder).write_bytes(b"{{ bos_token }}\xff\xfe")
    with pytest.raises(TemplateOverrideError) as raised:
        load(model, folder)
    assert isinstance(raised.value, UserFacingError)
    assert "tiny-Q8_0.gguf" in raised.value.user_message
    assert "not valid UTF-8" in raised.value.user_message
    assert "reset" in raised.value.user_message
    assert reset(model, folder) is True  # and it can still be removed


def test_a_file_over_the_limit_is_refused_without_reading_it_all(
        model: Path, folder: Path) -> None:
    folder.mkdir(parents=True)
    override_path(model, folder).write_bytes(b"x" * (MAX_TEMPLATE_BYTES + 1))
    with pytest.raises(TemplateOverrideError, match="larger than"):
        load(model, folder)
    override_path(model, folder).write_bytes(b"x" * MAX_TEMPLATE_BYTES)
    assert load(model, folder) == "x" * MAX_TEMPLATE_BYTES  # the limit itself is fine


def test_a_file_that_cannot_be_read_is_an_error(model: Path, folder: Path) -> None:
    override_path(model, folder).mkdir(parents=True)  # (chmod does not stop root)
    with pytest.raises(TemplateOverrideError, match="cannot be read") as raised:
        load(model, folder)
    assert str(override_path(model, folder)) in raised.value.detail
    with pytest.raises(TemplateOverrideError, match="could not be removed"):
        reset(model, folder)


def test_save_refuses_empty_and_oversized_text(model: Path, folder: Path) -> None:
    with pytest.raises(TemplateOverrideError, match="empty"):
        save(model, " \n\t", folder)
    with pytest.raises(TemplateOverrideError, match="up to"):
        save(model, "x" * (MAX_TEMPLATE_BYTES + 1), folder)
    with pytest.raises(TemplateOverrideError, match="cannot be saved as text"):
        save(model, "{{ '\ud800' }}", folder)  # a lone surrogate is not text
    assert not folder.exists() or not any(folder.iterdir())


def test_save_reports_a_folder_it_cannot_create(tmp_path: Path, model: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(TemplateOverrideError, match="could not be saved"):
        save(model, TEMPLATE, blocker / "chat_templates")


# -- the model's own template --------------------------------------------------------------


def test_the_model_template_and_its_special_tokens_come_from_the_header(
        tmp_path: Path) -> None:
    path = write_with_gguf_writer(tmp_path / "tiny.gguf")
    own = read_model_template(path)
    assert own.template == CHAT_TEMPLATE
    assert (own.bos_token, own.eos_token) == ("<|im_start|>", "<|im_end|>")
    assert own.missing_reason is None


def test_a_model_without_a_template_says_so(tmp_path: Path) -> None:
    kvs = [k for k in base_metadata() if b"tokenizer.chat_template" not in k]
    path = RawGguf(kvs=kvs).write(tmp_path / "base.gguf")
    own = read_model_template(path)
    assert own.template is None
    assert own.missing_reason == "This model file has no chat template of its own."


def test_a_template_too_long_to_use_is_reported_as_such(tmp_path: Path) -> None:
    kvs = [k for k in base_metadata() if b"tokenizer.chat_template" not in k]
    kvs.append(kv("tokenizer.chat_template", STR, "x" * (MAX_TEMPLATE_BYTES + 1)))
    path = RawGguf(kvs=kvs).write(tmp_path / "huge-template.gguf")
    own = read_model_template(path)
    assert own.template is None
    assert own.missing_reason is not None and "larger than" in own.missing_reason


def test_a_damaged_or_missing_model_file_raises_user_facing_errors(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\xff" * 40)
    with pytest.raises(GgufError):
        read_model_template(broken)
    with pytest.raises(TemplateOverrideError, match="cannot be read"):
        read_model_template(tmp_path / "gone.gguf")


def test_state_holds_a_damaged_override_as_a_problem_not_a_failure(
        tmp_path: Path, folder: Path) -> None:
    path = write_with_gguf_writer(tmp_path / "tiny.gguf")
    folder.mkdir(parents=True)
    override_path(path, folder).write_bytes(b"\xff")
    state = read_state(path, folder)
    assert state.override is None
    assert state.model.template == CHAT_TEMPLATE
    assert isinstance(state.override_problem, TemplateOverrideError)
    save(path, TEMPLATE, folder)
    state = read_state(path, folder)
    assert (state.override, state.override_problem) == (TEMPLATE, None)
