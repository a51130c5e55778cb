"""Syntax highlighting for code blocks, as HTML that Qt's rich text understands.

Only a block that names its language is highlighted: guessing one means asking every one
of Pygments' ~600 lexers (importing each module the first time) and is often wrong, so
an untagged block is shown as plain text. Highlighting costs time in proportion to the
code, so the app does it off the UI thread (ui/highlighter.py).
"""

from __future__ import annotations

import functools
import html

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound


@functools.cache
def _formatter(dark: bool) -> HtmlFormatter:  # type: ignore[type-arg]
    # Building a formatter compiles its whole style: once per theme is enough.
    return HtmlFormatter(nowrap=True, noclasses=True, style="monokai" if dark else "default")


def plain_html(code: str) -> str:
    """``<pre>`` HTML of the code as it is, escaped."""
    return f"<pre>{html.escape(code)}</pre>"


def highlight_html(code: str, language: str, dark: bool = False) -> str:
    """``<pre>`` HTML with inline colours; plain escaped text when no lexer fits."""
    if not language:
        return plain_html(code)
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return plain_html(code)
    body = highlight(code, lexer, _formatter(dark)).rstrip("\n")
    return f"<pre>{body}</pre>"
