"""Words and numbers in the user's language, for code that must not import Qt.

Every string a person reads goes through :func:`translate`, with a context (the class or
module it belongs to) and the English text as the key, as Qt's ``QCoreApplication.
translate`` takes them: ``pyside6-lupdate`` finds these calls by name and extracts them into
``translations/*.ts``. The window installs Qt's translator and locale here at start
(ui/language.py); without it (the command line, the tests' core modules) the English text
is used as it is, but for the singular of a plural ("1 chat"), read from chatapp_en.ts.

A string kept in a constant must be marked with :func:`QT_TRANSLATE_NOOP`, so lupdate sees it,
and translated where it is shown: a translation looked up at import would be English
forever.

Plural forms: ``translate("Context", "%n chats", "", n)`` (positional: lupdate reads them so)
lets each language choose its forms (Arabic has six) and writes ``n`` in the locale's digits.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "LocaleBackend", "format_number", "install",
           "translate"]

# The languages chatapp is translated into, each named in itself (as a language menu shows
# them: a person who cannot read the current language still finds their own). English is
# the source language.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "ar": "العربية"}

Translator = Callable[[str, str, str | None, int], str]
NumberFormatter = Callable[[float, int], str]


_log = logging.getLogger(__name__)

# English's own plural forms: the source text is the general form ("%n chats"), the
# singular ("%n chat") is in chatapp_en.ts (shipped beside the .qm files). The window gets
# it from Qt's translator; without a window (the command line) it is read here.
ENGLISH_TS = "chatapp_en.ts"


@functools.cache
def english_singulars() -> dict[tuple[str, str, str], str]:
    """(context, source, disambiguation) -> the singular form, from chatapp_en.ts (keyed
    as Qt's translator looks a message up); empty if the file is missing or damaged (the
    general form is then used for 1 as well)."""
    from xml.etree import ElementTree  # late: the window never reads it (Qt has it)

    try:
        source = resources.files("chatapp.resources") / "translations" / ENGLISH_TS
        root = ElementTree.fromstring(source.read_bytes())
    except (OSError, ModuleNotFoundError, ElementTree.ParseError) as error:
        _log.warning("English plural forms unavailable (%s): '1 chats' may be shown", error)
        return {}
    singulars: dict[tuple[str, str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            forms = message.findall("translation/numerusform")
            text = message.findtext("source")
            if message.get("numerus") == "yes" and forms and text and forms[0].text:
                comment = message.findtext("comment") or ""
                singulars[name, text, comment] = forms[0].text.replace("%Ln", "%n")
    return singulars


def _english(context: str, text: str, disambiguation: str | None, n: int) -> str:
    if n < 0:
        return text
    if n == 1:
        text = english_singulars().get((context, text, disambiguation or ""), text)
    return text.replace("%n", f"{n:,}")


def _python_number(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}"


@dataclass(frozen=True)
class LocaleBackend:
    """What the UI gives the core: Qt's translator and its locale's number format."""

    translate: Translator = _english
    format_number: NumberFormatter = _python_number


_backend = LocaleBackend()


def install(backend: LocaleBackend) -> None:
    """Use ``backend`` from now on (the window's language; ``LocaleBackend()`` for English)."""
    global _backend  # noqa: PLW0603 - one process-wide language, as Qt's translators are
    _backend = backend


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (``%n`` replaced by ``n`` if it is given)."""
    return _backend.translate(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    """Marks ``text`` for extraction; returns it untranslated, for :func:`translate` later."""
    del context
    return text


def format_number(value: float, decimals: int = 0) -> str:
    """``value`` with the locale's digits, decimal point and thousands separator."""
    return _backend.format_number(value, decimals)
