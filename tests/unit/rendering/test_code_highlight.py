from __future__ import annotations

from chatapp.rendering.code_highlight import highlight_html


def test_known_language_is_coloured_and_escaped() -> None:
    html = highlight_html('if a < b: print("x")', "python")
    assert html.startswith("<pre>") and html.endswith("</pre>")
    assert "color" in html
    assert "&lt;" in html and "<b" not in html.replace("<br", "")


def test_unknown_language_is_plain_escaped_text() -> None:
    html = highlight_html("<script>alert(1)</script>", "no-such-language")
    assert html == "<pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre>"


def test_untagged_code_is_shown_as_it_is() -> None:
    assert highlight_html("def f(): pass", "") == "<pre>def f(): pass</pre>"
