"""Words and numbers in the user's language, for code that must not import Qt.

Every string a person reads goes through :func:`translate`, with a context (the class or
module it belongs to) and the English text as the key, as Qt's ``QCoreApplication.
translate`` takes them: ``pyside6-lupdate`` finds these calls by name and extracts them into
``translations/*.ts``. The window installs Qt's translator and locale here at start
(ui/language.py); without it (the command line, the tests' core modules) the English text
is used as it is.

A string kept in a constant must be marked with :func:`QT_TRANSLATE_NOOP`, so lupdate sees it,
and translated where it is shown: a translation looked up at import would be English
forever.

Plural forms: ``translate("Context", "%n chats", "", n)`` (positional: lupdate reads them so)
lets each language choose its forms (Arabic has six) and writes ``n`` in the locale's digits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["LANGUAGES", "QT_TRANSLATE_NOOP", "LocaleBackend", "format_number", "install",
           "translate"]

# The languages chatapp is translated into, each named in itself (as a language menu shows
# them: a person who cannot read the current language still finds their own). English is
# the source language.
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "ar": "العربية"}

Translator = Callable[[str, str, str | None, int], str]
NumberFormatter = Callable[[float, int], str]


def _english(context: str, text: str, disambiguation: str | None, n: int) -> str:
    return text.replace("%n", f"{n:,}") if n >= 0 else text


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
