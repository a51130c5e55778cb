"""The German and Arabic translations are complete, keep their placeholders and load.

A string added to the code without its translations fails here, named: `make translations`
extracts it into resources/translations/chatapp_<lang>.ts (unfinished), where it is
translated (Qt Linguist, or by hand: plural messages have 2 forms in German, 6 in Arabic).
"""

from __future__ import annotations

import ast
import re
import string
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from chatapp.ui.language import translations_dir
from tests import ts_files

LANGUAGES = list(ts_files.PLURAL_FORMS)
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
# {name}, {0}, {size:.1f}; not the words between "{{" and "}}" (literal braces).
NAMED = re.compile(r"\{\w*(?:[!:.\[][^{}]*)?\}")
POSITIONAL = re.compile(r"%L?[1-9]")
TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9]*)")
# (context, source) and a word its translation has: the File menu, which every language's
# menu bar has.
KNOWN = ("Menus", "&File")
KNOWN_WORDS = {"de": "Datei", "ar": "ملف"}


def describe(message: ts_files.Message) -> str:
    return f"{message.context} / {message.source!r}"


@pytest.fixture(scope="module")
def extracted() -> list[ts_files.Message]:
    """The messages in today's code, as `make translations` extracts them."""
    assert LUPDATE.is_file(), f"{LUPDATE} (PySide6-Essentials) is missing"
    return ts_files.extract(LUPDATE, ts_files.source_files())


def committed(language: str) -> dict[ts_files.Key, ts_files.Message]:
    return {message.key: message for message in ts_files.read_ts(ts_files.ts_path(language))}


def test_the_extraction_finds_the_strings_of_the_window(
        extracted: list[ts_files.Message]) -> None:
    keys = {(message.context, message.source) for message in extracted}
    assert KNOWN in keys
    # Plain, plural and constant-marked (QT_TRANSLATE_NOOP) strings are all found.
    assert any(message.plural for message in extracted)
    assert len(keys) > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_code_is_translated(language: str,
                                                extracted: list[ts_files.Message]) -> None:
    translations = committed(language)
    extracted = [m for m in extracted if ts_files.wanted(m, language)]
    missing = [describe(m) for m in extracted if m.key not in translations]
    unfinished = [describe(m) for m in extracted if m.key in translations
                  and not ts_files.fits(m, translations[m.key].translation, language)]
    assert not missing, (f"{len(missing)} strings are not in chatapp_{language}.ts (run "
                         "`make translations`, then translate them):\n" + "\n".join(missing))
    assert not unfinished, (f"{len(unfinished)} strings are untranslated in chatapp_{language}"
                            ".ts (plurals need " f"{ts_files.PLURAL_FORMS[language]} forms):\n"
                            + "\n".join(unfinished))


def placeholder_problems(source: str, translation: str) -> list[str]:
    """What ``translation`` lost or added of ``source``'s placeholders and markup."""
    problems = []
    if sorted(NAMED.findall(source)) != sorted(NAMED.findall(translation)):
        problems.append(f"{{placeholders}} {sorted(NAMED.findall(source))} != "
                        f"{sorted(NAMED.findall(translation))}")
    if sorted(POSITIONAL.findall(source)) != sorted(POSITIONAL.findall(translation)):
        problems.append(f"%1-style placeholders {sorted(POSITIONAL.findall(source))} != "
                        f"{sorted(POSITIONAL.findall(translation))}")
    if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
        problems.append("HTML tags differ")
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(source)]
    except ValueError:  # a text with a brace of its own, never given to str.format
        fields = None
    if fields is not None:
        try:
            translated = [field for _, field, _, _ in string.Formatter().parse(translation)]
        except ValueError as error:
            problems.append(f"str.format fails on it: {error}")
        else:
            if sorted(filter(None, fields)) != sorted(filter(None, translated)):
                problems.append("str.format fields differ")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    problems = []
    for message in committed(language).values():
        translation = message.translation
        if translation is None:
            continue  # unfinished: the completeness test names it
        forms = translation if isinstance(translation, list) else [translation]
        for index, form in enumerate(forms):
            source = message.source
            if message.plural:
                # A plural form for one, two or none may say the number in words ("ein
                # Chat", "محادثتان"); the general one (Qt's last) must show it, as %Ln: in
                # the locale's digits and separators (%n would be 1234 in Arabic too).
                if "%n" in form:
                    problems.append(f"{describe(message)} form {index}: %n instead of %Ln "
                                    f"in {form!r}")
                if index == len(forms) - 1 and "%Ln" not in form:
                    problems.append(f"{describe(message)} form {index}: no %Ln in {form!r}")
                source = ts_files.PLURAL.sub("", source)
            problems += [f"{describe(message)}: {problem} in {form!r}"
                         for problem in placeholder_problems(
                             source, ts_files.PLURAL.sub("", form) if message.plural else form)]
    assert not problems, "\n".join(problems)


def test_a_translation_dropping_a_placeholder_is_caught() -> None:
    assert placeholder_problems("Loaded {name} in <b>{seconds}</b> s",
                                "{name} in {seconds} s geladen")
    assert placeholder_problems("Loaded {name}", "{name} geladen {") != []
    assert placeholder_problems("Page %1 of %2", "Seite %1") != []
    assert placeholder_problems("Loaded {name} in <b>{seconds}</b> s",
                                "<b>{seconds}</b> s: {name} geladen") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_translation_loads_and_translates(language: str) -> None:
    qm = translations_dir() / f"chatapp_{language}.qm"
    assert qm.is_file(), f"{qm} is missing: make compiles it from chatapp_{language}.ts"
    translator = QTranslator()
    assert translator.load(f"chatapp_{language}", str(translations_dir()))
    if language == ts_files.SOURCE_LANGUAGE:  # its plurals alone: one chat, two chats
        assert translator.translate("ChatExport", "%n chats", None, 1) == "%Ln chat"
    else:
        assert KNOWN_WORDS[language] in (translator.translate(*KNOWN) or "")
    wrong = []
    for message in committed(language).values():
        if message.translation is None:
            continue
        if isinstance(message.translation, list):
            # n = 1 is in the one form in every language; 1000 in the last one.
            checks = [(1, message.translation[1 if language == "ar" else 0]),
                      (1000, message.translation[-1])]
        else:
            checks = [(-1, message.translation)]
        for n, expected in checks:
            got = translator.translate(message.context, message.source,
                                       message.disambiguation or None, n)
            if got != expected:
                wrong.append(f"{describe(message)} (n={n}): {got!r} != {expected!r}")
    assert not wrong, (f"{qm} differs from chatapp_{language}.ts (compiled from an older "
                       "one? make compiles it again):\n" + "\n".join(wrong))


# -- every call is one lupdate reads -------------------------------------------------------

TRANSLATING = {"translate", "QT_TRANSLATE_NOOP"}


def _calls(path: Path) -> list[tuple[ast.Call, str]]:
    """The calls of chatapp.i18n's translate and QT_TRANSLATE_NOOP, and Qt's own
    QCoreApplication.translate (not the hub's error translation, nor a painter's)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module == "chatapp.i18n"
                for alias in node.names} & TRANSLATING
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id in imported:
            found.append((node, node.func.id))
        elif (isinstance(node.func, ast.Attribute) and node.func.attr == "translate"
              and isinstance(node.func.value, ast.Name)
              and node.func.value.id == "QCoreApplication"):
            found.append((node, "translate"))
    return found


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def test_every_translated_string_is_one_lupdate_extracts(
        extracted: list[ts_files.Message]) -> None:
    """pyside6-lupdate skips, without a word, a call whose count is an expression
    (``len(rows)``, ``self.count``) or a keyword: its string would stay English in every
    language while the completeness test above passes. A ``translate(context, variable)``
    of a QT_TRANSLATE_NOOP-marked constant is fine: the constant is what lupdate reads."""
    keys = {(message.context, message.source) for message in extracted}
    wrong: list[str] = []
    for path in ts_files.source_files():
        for call, name in _calls(path):
            where = f"{path.relative_to(ts_files.ROOT)}:{call.lineno}"
            if call.keywords:
                wrong.append(f"{where}: keyword arguments (lupdate reads positions only)")
                continue
            if len(call.args) < 2:
                wrong.append(f"{where}: {name} needs a context and a text")
                continue
            context, text = _literal(call.args[0]), _literal(call.args[1])
            if text is None:
                if name == "QT_TRANSLATE_NOOP" or isinstance(call.args[1], ast.JoinedStr):
                    wrong.append(f"{where}: the text is not one string literal")
                continue  # translating a marked constant, in its marker's context
            if context is None:
                wrong.append(f"{where}: the context is not one string literal")
                continue
            if len(call.args) >= 4 and not isinstance(call.args[3], ast.Name | ast.Constant):
                wrong.append(f"{where}: the count is an expression; give it a name first")
                continue
            if (context, text) not in keys:
                wrong.append(f"{where}: lupdate did not extract {text!r}")
    assert not wrong, "\n".join(wrong)
