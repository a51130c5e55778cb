"""HTML files: the text a reader sees, cut at headings.

Scripts, styles, the head, navigation, forms and embedded objects are left out; blocks
(paragraphs, list items, table rows, headings) become lines, ``<pre>`` keeps its spacing,
other white space collapses as a browser shows it, and entities are decoded. Nothing is
fetched: links, images and frames stay what they are, names in the file.

The tags are found by a small scanner of its own rather than the standard library's
``html.parser``, which takes quadratic time on some broken markup (``<a <a <a ...``: ten
seconds for 60 KB here) and raises AssertionError on other (``<![<![``). Here every
construct ends at its terminator or, if it has none, at the end of the file, as in a
browser, so each character is looked at a bounded number of times.
"""

from __future__ import annotations

import codecs
import html
import re
from collections import Counter
from collections.abc import Iterator
from typing import Final

from chatapp.documents.document import MAX_SECTIONS, Document, Part, clean_text, join_parts
from chatapp.documents.plain_text import decode_text

__all__ = ["html_document"]

# Elements whose content is not text for a reader (their whole subtree is dropped).
_HIDDEN: Final = frozenset({
    "script", "style", "noscript", "template", "head", "title", "nav", "footer", "form",
    "button", "select", "textarea", "svg", "math", "canvas", "iframe", "object", "embed",
    "audio", "video", "map", "dialog",
})
# What a <head> holds; any other start tag begins the body (</head> may be left out).
_HEAD_CONTENT: Final = frozenset({"base", "link", "meta", "noscript", "script", "style",
                                  "template", "title"})
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements that start a new line (the rest flow inline).
_BLOCKS: Final = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
    "div", "dl", "dt", "figcaption", "figure", "header", "hr", "html", "li", "main", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul", *_HEADINGS,
})
_CELLS: Final = frozenset({"td", "th"})
# Elements that never have an end tag: they must not open a hidden subtree or a <pre>.
_VOID: Final = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_RUNS_OF_SPACES = re.compile(r" {2,}")  # where two pieces of data meet; tabs part cells
_SNIFF_BYTES = 64 * 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


class _Text:
    """Collects the visible text as parts, a new part at each heading."""

    def __init__(self) -> None:
        self.parts: list[Part] = []
        self._lines: list[str] = []
        self._line: list[str] = []
        self._heading: str | None = None
        self._hidden: list[str] = []  # the open hidden elements, innermost last
        self._hidden_open: Counter[str] = Counter()  # how many of each are in _hidden
        self._pre = 0
        self._heading_text: list[str] | None = None  # inside an <hN>

    def handle_starttag(self, tag: str) -> None:
        if self._hidden_open["head"] and tag not in _HEAD_CONTENT:
            self._close_hidden("head")  # its end tag is optional: the body has begun
        if tag in _HIDDEN and tag not in _VOID:
            self._hidden.append(tag)
            self._hidden_open[tag] += 1
            return
        if self._hidden:
            return
        if tag in _HEADINGS:
            self._end_line()
            if len(self.parts) < MAX_SECTIONS - 1:
                self._end_part()
                self._heading_text = []
        elif tag in _CELLS and self._line:
            self._line.append("\t")
        elif tag in _BLOCKS:
            self._end_line()
        if tag == "pre":
            self._pre += 1
        elif tag == "li":
            self._line.append("- ")

    def handle_startendtag(self, tag: str) -> None:
        if not self._hidden and tag in _BLOCKS:
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            self._close_hidden(tag)
            return
        if tag in _HEADINGS and self._heading_text is not None:
            self._heading = " ".join("".join(self._heading_text).split()) or None
            self._heading_text = None
            self._end_line()
        elif tag == "pre" and self._pre:
            self._end_line()
            self._pre -= 1
        elif tag in _BLOCKS and tag not in _CELLS:
            self._end_line()

    def _close_hidden(self, tag: str) -> None:
        """Close the innermost open ``tag`` and anything left open inside it."""
        if self._hidden_open[tag]:
            while (closed := self._hidden.pop()) != tag:
                self._hidden_open[closed] -= 1
            self._hidden_open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self._hidden == ["head"] and data.strip():
            self._close_hidden("head")  # text in the head: the body has begun
        if self._hidden:
            return
        if not self._pre:
            data = _SPACES.sub(" ", data)
        if self._heading_text is not None:
            self._heading_text.append(data)
        self._line.append(data)

    def _end_line(self) -> None:
        text = "".join(self._line)
        self._line = []
        if self._pre:
            self._lines.extend(text.split("\n"))
        elif text.strip():
            self._lines.append(_RUNS_OF_SPACES.sub(" ", text).strip(" "))

    def _end_part(self) -> None:
        if self._lines:
            self.parts.append(Part("\n".join(self._lines), heading=self._heading))
        self._lines = []

    def finish(self) -> list[Part]:
        if self._heading_text is not None:  # an <hN> never closed
            self._heading = " ".join("".join(self._heading_text).split()) or None
        self._end_line()
        self._end_part()
        return self.parts


def html_document(data: bytes, name: str) -> Document:
    """The visible text of an HTML file; each heading starts a section that carries it."""
    text = _Text()
    for kind, value in _tokens(_decode_html(data, name)):
        if kind == "data":
            text.handle_data(value)
        elif kind == "start":
            text.handle_starttag(value)
        elif kind == "startend":
            text.handle_startendtag(value)
        else:
            text.handle_endtag(value)
    return join_parts(name, "html", text.finish())


# A tag's name, then its attributes up to the ">" that is not inside quotes. Possessive
# quantifiers never backtrack; without a closing ">" (an open quote) it does not match.
_TAG = re.compile(r"""<(/?)([a-zA-Z][^\s/>]*+)(?:[^>"']++|"[^"]*+"|'[^']*+')*+>""")
# Elements whose content is raw text up to their end tag, not markup.
_RAW_TEXT: Final = frozenset({"script", "style", "textarea", "title", "xmp", "iframe",
                              "noembed", "noframes", "noscript"})


def _tokens(markup: str) -> Iterator[tuple[str, str]]:
    """("data", text), ("start" | "startend" | "end", tag name) in order."""
    position = 0
    length = len(markup)
    while position < length:
        bracket = markup.find("<", position)
        if bracket < 0:
            yield "data", html.unescape(markup[position:])
            return
        if bracket > position:
            yield "data", html.unescape(markup[position:bracket])
        following = markup[bracket + 1:bracket + 2]
        if markup.startswith("<!--", bracket):
            close = markup.find("-->", bracket + 4)
            position = length if close < 0 else close + 3
        elif following in ("!", "?"):  # a doctype, CDATA or processing instruction
            close = markup.find(">", bracket + 2)
            position = length if close < 0 else close + 1
        elif following.isascii() and (following.isalpha() or following == "/"):
            tag = _TAG.match(markup, bracket)
            if tag is None:
                if following == "/" and not markup[bracket + 2:bracket + 3].isalpha():
                    yield "data", "</"  # "</ " is text, as in a browser
                    position = bracket + 2
                    continue
                return  # a tag never closed swallows the rest, as in a browser
            name = tag[2].lower()
            position = tag.end()
            if tag[1]:
                yield "end", name
            elif tag[0].endswith("/>"):
                yield "startend", name
            else:
                yield "start", name
                if name in _RAW_TEXT:  # skip to its end tag; its content is no markup
                    raw_end = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(
                        markup, position)
                    if raw_end is None:
                        return
                    position = raw_end.start()
        else:
            yield "data", "<"
            position = bracket + 1


def _decode_html(data: bytes, name: str) -> str:
    """By the BOM, else the ``<meta charset>`` in the first KiB, else as a text file."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
                           ) and b"\x00" not in data[:_SNIFF_BYTES]:  # else binary: below
        declared = _META_CHARSET.search(data[:1024])
        encoding = _encoding_named(declared[1].decode("ascii")) if declared else None
        if encoding is not None:
            return clean_text(data.decode(encoding, errors="replace"))
    return decode_text(data, name)


def _encoding_named(label: str) -> str | None:
    """The codec for a declared charset, as browsers take it; None to guess instead."""
    try:
        encoding = codecs.lookup(label).name
    except LookupError:  # a name Python does not know
        return None
    if encoding.startswith(("utf-16", "utf-32")):  # said in ASCII, so it cannot be true
        return None
    if encoding in ("ascii", "iso8859-1"):  # what pages labelled so are written in
        return "cp1252"
    return encoding
