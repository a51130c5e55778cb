"""Syntax highlighting for code blocks, as HTML that Qt's rich text understands."""

from __future__ import annotations

import functools
import html

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name, guess_lexer
from pygments.util import ClassNotFound

# Guessing a language on long text is slow and rarely better than plain.
_GUESS_LIMIT = 4000


@functools.cache
def _formatter(dark: bool) -> HtmlFormatter:  # type: ignore[type-arg]
    # Building a formatter compiles its whole style: once per theme is enough.
    return HtmlFormatter(nowrap=True, noclasses=True, style="monokai" if dark else "default")


def highlight_html(code: str, language: str, dark: bool = False) -> str:
    """``<pre>`` HTML with inline colours; plain escaped text when no lexer fits."""
    try:
        lexer = get_lexer_by_name(language) if language else (
            guess_lexer(code) if len(code) < _GUESS_LIMIT else None)
    except ClassNotFound:
        lexer = None
    if lexer is None:
        return f"<pre>{html.escape(code)}</pre>"
    body = highlight(code, lexer, _formatter(dark)).rstrip("\n")
    return f"<pre>{body}</pre>"
