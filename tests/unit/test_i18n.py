"""chatapp.i18n: English by default; a backend the window installs changes every core text.

The backend here is written in plain Python (a dictionary and a German-style number format),
so these tests need no Qt: they show that the Qt-free core asks i18n for its words and its
digits instead of writing English and f"{n:,}" itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from chatapp import i18n
from chatapp.formatting import (
    format_bytes,
    format_context,
    format_duration,
    format_elapsed,
    format_parameters,
)
from chatapp.gguf.inspect import NotGgufError, inspect_gguf
from chatapp.hub.errors import NotEnoughSpaceError
from chatapp.models.fit import Fit
from chatapp.vocabulary import DEFAULT_TITLE


def german_number(value: float, decimals: int) -> str:
    """1234.5 -> "1.234,5", as QLocale("de").toString does."""
    english = f"{value:,.{decimals}f}"
    return english.replace(",", "\0").replace(".", ",").replace("\0", ".")


GERMAN: dict[tuple[str, str], str] = {
    ("Formatting", "%n bytes"): "%n Bytes",
    ("Formatting", "1 byte"): "1 Byte",
    ("Formatting", "{minutes} min {seconds} s"): "{minutes} Min. {seconds} s",
    ("Formatting", "{used} / {total} tokens"): "{used} / {total} Tokens",
    ("ModelFit", "Fits"): "Passt",
    ("Vocabulary", "New chat"): "Neuer Chat",
    ("HubErrors", "This download needs {needed} of free space, but only {free} is free on "
                  "{where}. Free some space, then try again."):
        "Dieser Download braucht {needed} freien Speicherplatz, aber auf {where} sind nur "
        "{free} frei. Geben Sie Speicherplatz frei und versuchen Sie es dann erneut.",
    ("GgufValidator", "This file is not a GGUF model file ({what}). Download the model's .gguf "
                      "file instead."):
        "Diese Datei ist keine GGUF-Modelldatei ({what}). Laden Sie stattdessen die "
        ".gguf-Datei des Modells herunter.",
    ("GgufValidator", 'it starts with "{start}"; {hint}?'): "sie beginnt mit „{start}“; {hint}?",
    ("GgufValidator", "a web page"): "eine Webseite",
}


def german_translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
    del disambiguation
    translated = GERMAN.get((context, text), text)
    return translated.replace("%n", german_number(n, 0)) if n >= 0 else translated


@pytest.fixture
def german() -> Iterator[None]:
    i18n.install(i18n.LocaleBackend(translate=german_translate, format_number=german_number))
    yield
    i18n.install(i18n.LocaleBackend())  # English again for the tests that follow


def test_english_by_default() -> None:
    assert i18n.translate("Ctx", "Hello") == "Hello"
    assert i18n.translate("Ctx", "%n chats", "", 1234) == "1,234 chats"
    assert i18n.translate("Ctx", "100% sure") == "100% sure"  # no n: nothing replaced
    assert i18n.format_number(1234567.891, 2) == "1,234,567.89"
    assert i18n.format_number(5) == "5"


def test_english_without_a_window_writes_one_in_the_singular() -> None:
    """The command line has no Qt translator: chatapp_en.ts's singulars are read here."""
    assert i18n.translate("ChatExport", "%n tokens", "", 1) == "1 token"
    assert i18n.translate("ChatExport", "%n tokens", "", 0) == "0 tokens"
    assert i18n.translate("ChatExport", "%n tokens", "", 2) == "2 tokens"
    assert i18n.translate("ChatExport", "{name} ({used} of %n passages)", "", 1) == \
        "{name} ({used} of 1 passage)"
    assert i18n.translate("Nowhere", "%n things", "", 1) == "1 things"  # not in the file
    # Another disambiguation is another message, as for Qt's translator.
    assert i18n.translate("ChatExport", "%n tokens", "a different meaning", 1) == "1 tokens"


@pytest.mark.expect_log("chatapp.i18n", "English plural forms unavailable")
def test_without_the_english_file_the_general_form_stands_for_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "ENGLISH_TS", "chatapp_xx.ts")
    i18n.english_singulars.cache_clear()
    try:
        assert i18n.translate("ChatExport", "%n tokens", "", 1) == "1 tokens"
    finally:
        monkeypatch.undo()
        i18n.english_singulars.cache_clear()


def test_formatting_reads_as_before_in_english() -> None:
    assert [format_bytes(n) for n in (0, 1, 512, 1000, 98_400_000, 4.1e9, 128e9, 1.2e18)] == [
        "0 bytes", "1 byte", "512 bytes", "1 KB", "98.4 MB", "4.1 GB", "128 GB", "1,200 PB"]
    assert format_bytes(1023, binary=True) == "1,023 bytes"
    assert format_bytes(16 * 1024**3, binary=True) == "16 GB"
    assert [format_elapsed(s) for s in (0.4, 7, 12, 65, 3600, 3720)] == [
        "0.4 s", "7 s", "12 s", "1 min 5 s", "1 h", "1 h 2 min"]
    assert [format_duration(s) for s in (0.2, 59, 600, 5400)] == ["1 s", "59 s", "10 min",
                                                                   "1.5 h"]
    assert format_context(1234, 4096) == "1,234 / 4,096 tokens"
    assert [format_parameters(n) for n in (1_500_000_000, 360_000_000, 12_345)] == [
        "1.5B", "360M", "12,345"]


@pytest.mark.usefixtures("german")
def test_an_installed_backend_changes_words_and_numbers() -> None:
    assert i18n.translate("ModelFit", "Fits") == "Passt"
    assert i18n.translate("Ctx", "Not translated") == "Not translated"
    assert i18n.translate("Formatting", "%n bytes", "", 1234) == "1.234 Bytes"
    assert i18n.format_number(1234.5, 1) == "1.234,5"


@pytest.mark.usefixtures("german")
def test_sizes_times_and_counts_use_the_backends_numbers() -> None:
    assert format_bytes(1_500_000_000) == "1,5 GB"
    assert format_bytes(98_400_000) == "98,4 MB"
    assert format_bytes(1.2e18) == "1.200 PB"
    assert format_bytes(512) == "512 Bytes"
    assert format_bytes(1) == "1 Byte"
    assert format_elapsed(0.4) == "0,4 s"
    assert format_elapsed(65) == "1 Min. 5 s"
    assert format_context(1234, 4096) == "1.234 / 4.096 Tokens"
    assert format_parameters(1_500_000_000) == "1,5B"


@pytest.mark.usefixtures("german")
def test_core_messages_follow_the_backend_and_details_stay_english() -> None:
    assert Fit.FITS.label == "Passt"
    error = NotEnoughSpaceError(needed=2_500_000_000, free=1_000_000_000, where="/data")
    assert error.user_message == (
        "Dieser Download braucht 2,5 GB freien Speicherplatz, aber auf /data sind nur 1 GB "
        "frei. Geben Sie Speicherplatz frei und versuchen Sie es dann erneut.")
    assert error.detail == "needed 2500000000 + margin 0 bytes, free 1000000000 bytes on /data"


@pytest.mark.usefixtures("german")
def test_a_bad_model_file_is_explained_in_the_users_language(tmp_path: Path) -> None:
    page = tmp_path / "model.gguf"
    page.write_bytes(b"<!DOCTYPE html><html><body>Not found</body></html>")
    with pytest.raises(NotGgufError) as raised:
        inspect_gguf(page)
    assert raised.value.user_message == (
        "Diese Datei ist keine GGUF-Modelldatei (sie beginnt mit „<!DO“; eine Webseite?). "
        "Laden Sie stattdessen die .gguf-Datei des Modells herunter.")


@pytest.mark.usefixtures("german")
def test_a_new_chats_title_is_stored_in_english_and_shown_translated() -> None:
    assert DEFAULT_TITLE == "New chat"
    assert i18n.translate("Vocabulary", DEFAULT_TITLE) == "Neuer Chat"
