"""The Qt translation sources, resources/translations/chatapp_<lang>.ts: extract, read, write.

``python -m tests.ts_files --lupdate .venv/bin/pyside6-lupdate`` (``make translations``)
extracts the strings of chatapp/ into the .ts files, keeping their translations.

lupdate alone cannot do it: its Python parser knows plurals only in ``self.tr(text, "", n)``,
so ``translate("Ctx", "%n chats", "", n)`` comes out as a plain message, and merging into a
.ts file whose message has plural forms keeps only the first. So lupdate extracts into a
scratch file and this module merges: a message whose source has ``%n`` (or ``%Ln``) is a
plural one (``numerus="yes"``, one form per plural rule of the language: 2 in German, 6 in
Arabic), translations are kept by (context, source, disambiguation), vanished ones dropped.
The translation test (tests/unit/ui/test_translations.py) extracts the same way.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# The languages with a .ts file, and how many plural forms each has in Qt's rules
# (qtbase's numerus table: English and German one/other; Arabic zero, one, two, few, many,
# other). English is the source language: its file holds only the plural messages (as
# lupdate's -pluralonly), whose source ("%n chats") is the general form alone.
PLURAL_FORMS: dict[str, int] = {"en": 2, "de": 2, "ar": 6}
SOURCE_LANGUAGE = "en"
# Parts of chatapp whose text nobody reads in the window: the API server's JSON and the
# command line's output stay English (issue 15's conventions).
UNTRANSLATED_PACKAGES = ("api", "cli")

# A plural message has Qt's number placeholder: %n, or %Ln in the locale's digits.
PLURAL = re.compile(r"%L?n")

Key = tuple[str, str, str]  # context, source, disambiguation ("" for none)
Translation = str | list[str]


@dataclass
class Message:
    context: str
    source: str
    disambiguation: str = ""
    # None: unfinished (no translation yet, or one that no longer fits the message).
    translation: Translation | None = None

    @property
    def key(self) -> Key:
        return self.context, self.source, self.disambiguation

    @property
    def plural(self) -> bool:
        return PLURAL.search(self.source) is not None


def wanted(message: Message, language: str) -> bool:
    """Whether ``language``'s file translates ``message`` (the source language: plurals)."""
    return language != SOURCE_LANGUAGE or message.plural


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"chatapp_{language}.ts"


def source_files(root: Path = ROOT) -> list[Path]:
    """The Python files whose strings are translated: chatapp/ but its API server and CLI."""
    package = root / "chatapp"
    return sorted(path for path in package.rglob("*.py")
                  if path.relative_to(package).parts[0] not in UNTRANSLATED_PACKAGES)


def extract(lupdate: Path, sources: list[Path]) -> list[Message]:
    """Every translatable message in ``sources``, as lupdate finds it."""
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "sources.lst"
        listing.write_text("".join(f"{path}\n" for path in sources), encoding="utf-8")
        out = Path(scratch) / "extracted.ts"
        subprocess.run([str(lupdate), "-silent", "-no-obsolete", "-locations", "none",
                        f"@{listing}", "-ts", str(out)], check=True, capture_output=True)
        return [Message(m.context, m.source, m.disambiguation) for m in read_ts(out)]


def read_ts(path: Path) -> list[Message]:
    """The messages of a .ts file; unfinished ones without a translation."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for element in context.iter("message"):
            message = Message(name, element.findtext("source") or "",
                              element.findtext("comment") or "")
            translation = element.find("translation")
            if translation is not None and translation.get("type") not in (
                    "unfinished", "obsolete", "vanished"):
                forms = translation.findall("numerusform")
                if element.get("numerus") == "yes":
                    message.translation = [form.text or "" for form in forms]
                else:
                    message.translation = translation.text or ""
            messages.append(message)
    return messages


def fits(message: Message, translation: Translation | None, language: str) -> bool:
    """Whether ``translation`` is a finished one of ``message`` (right plural forms)."""
    if translation is None:
        return False
    if message.plural:
        return (isinstance(translation, list) and len(translation) == PLURAL_FORMS[language]
                and all(translation))
    return isinstance(translation, str) and translation != ""


def merge(extracted: list[Message], existing: list[Message], language: str,
          fills: dict[tuple[str, str], Translation] | None = None) -> list[Message]:
    """``extracted`` with the translations of ``existing``, overridden by ``fills``.

    ``fills`` is keyed by (context, source) for every disambiguation. A translation that no
    longer fits (a message that became a plural one) leaves the message unfinished.
    """
    known = {message.key: message.translation for message in existing}
    merged = []
    for message in (m for m in extracted if wanted(m, language)):
        translation = known.get(message.key)
        if fills and (message.context, message.source) in fills:
            translation = fills[message.context, message.source]
        merged.append(Message(message.context, message.source, message.disambiguation,
                              translation if fits(message, translation, language) else None))
    return merged


def write_ts(path: Path, language: str, messages: list[Message]) -> None:
    """The .ts file as lupdate writes it (contexts sorted by name, messages in source order)."""
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
             f'<TS version="2.1" language="{language}" sourcelanguage="en">']
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for message in by_context[context]:
            lines.append('    <message numerus="yes">' if message.plural else "    <message>")
            lines.append(f"        <source>{escape(message.source)}</source>")
            if message.disambiguation:
                lines.append(f"        <comment>{escape(message.disambiguation)}</comment>")
            lines += _translation_lines(message, language)
            lines.append("    </message>")
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _translation_lines(message: Message, language: str) -> list[str]:
    translation = message.translation
    unfinished = ' type="unfinished"' if translation is None else ""
    if not message.plural:
        text = escape(translation) if isinstance(translation, str) else ""
        return [f"        <translation{unfinished}>{text}</translation>"]
    forms = translation if isinstance(translation, list) else [""] * PLURAL_FORMS[language]
    return [f"        <translation{unfinished}>",
            *(f"            <numerusform>{escape(form)}</numerusform>" for form in forms),
            "        </translation>"]


def update(lupdate: Path, languages: list[str],
           fills: dict[str, dict[tuple[str, str], Translation]] | None = None
           ) -> dict[str, list[Message]]:
    """Extract chatapp's strings into each language's .ts file; returns what was written."""
    extracted = extract(lupdate, source_files())
    written = {}
    for language in languages:
        path = ts_path(language)
        existing = read_ts(path) if path.exists() else []
        written[language] = merge(extracted, existing, language, (fills or {}).get(language))
        write_ts(path, language, written[language])
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", type=Path, required=True)
    parser.add_argument("languages", nargs="*", default=list(PLURAL_FORMS))
    args = parser.parse_args()
    for language, messages in update(args.lupdate, args.languages).items():
        unfinished = sum(message.translation is None for message in messages)
        print(f"{ts_path(language).relative_to(ROOT)}: {len(messages)} messages, "
              f"{unfinished} unfinished")


if __name__ == "__main__":
    main()
