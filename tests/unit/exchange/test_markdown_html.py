"""Markdown and HTML exports: the branch on screen, thoughts marked, text escaped, and a
page that needs nothing from outside."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from chatapp.exchange.html_export import to_html
from chatapp.exchange.markdown_export import to_markdown
from chatapp.exchange.tree import read_chats
from chatapp.history.store import HistoryStore


def test_markdown_follows_the_branch_on_screen(store: HistoryStore,
                                               filled: dict[str, int]) -> None:
    text = to_markdown(read_chats(store, [filled["birds"]]))
    assert text.startswith("# Birds & <b>bees</b>\n")
    assert "A robin." in text
    assert "heron" not in text and "Where does it live" not in text  # other branch
    # The thought is quoted above the answer, marked as one.
    thought = text.index("> **Thought for 1.2 s**")
    assert "> The user wants <one> bird.\n> A robin is common." in text
    assert thought < text.index("A robin.")
    assert "> **System prompt**\n>\n> Be brief." in text
    assert "```python\nprint('<b>robin</b>')\n```" in text
    assert "12 tokens · 18.5 tokens/s · first token 0.25 s · SmolLM2.gguf" in text


def test_markdown_of_several_chats_and_how_replies_ended(store: HistoryStore,
                                                         filled: dict[str, int]) -> None:
    text = to_markdown(read_chats(store))
    assert [line for line in text.splitlines() if line.startswith("# ")] == \
        ["# Fish", "# Empty", "# Birds & <b>bees</b>"]  # the chat list's order
    assert text.count("\n---\n") == 2
    assert "*Stopped · 3 tokens · 6.0 tokens/s · first token 0.50 s*" in text
    assert "*Reached the reply length limit · 48 tokens" in text
    assert "*Failed: The model could not be loaded.*" in text


def test_markdown_closes_a_code_block_a_reply_left_open(store: HistoryStore) -> None:
    chat = store.create_conversation("Cut off")
    store.add_message(chat.id, "assistant", "Here:\n\n```python\nwhile True:")
    store.add_message(chat.id, "user", "# Not code")
    text = to_markdown(read_chats(store))
    assert "```python\nwhile True:\n```\n" in text
    assert text.index("### You") > text.index("while True:\n```")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escaped(store: HistoryStore) -> None:
    chat = store.create_conversation("<script>alert('title')</script>")
    store.add_message(chat.id, "user", "<img src=x onerror=alert(1)> & <b>bold</b>")
    reply = store.add_message(chat.id, "assistant", "", state="streaming")
    store.finalize_message(
        reply.id, "Try <iframe src='https://example.com'>\n\n```js\n"
        "fetch('https://example.com/</pre><script>')\n```", "complete",
        reasoning="Is <script>evil()</script> here?")
    page_text = to_html(read_chats(store))
    page = Page()
    page.feed(page_text)
    assert "script" not in page.tags and "iframe" not in page.tags and "img" not in page.tags
    assert set(page.tags) <= {"html", "head", "meta", "title", "style", "body", "main",
                              "article", "h1", "h2", "div", "section", "details", "summary",
                              "pre", "span", "b"}
    # Nothing is loaded from anywhere: no src, no links out, no url() in styles.
    names = {name for name, _ in page.attributes}
    assert not names & {"src", "href", "srcset", "action", "onerror", "onload"}
    assert "url(" not in page_text and "@import" not in page_text
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page_text)
    assert policy is not None and "default-src 'none'" in policy.group(1)
    # Every piece of text is there, as text.
    text = "".join(page.text)
    assert "<img src=x onerror=alert(1)> & <b>bold</b>" in text
    assert "Try <iframe src='https://example.com'>" in text
    assert "Is <script>evil()</script> here?" in text
    assert "fetch('https://example.com/</pre><script>')" in text


def test_html_highlights_code_and_folds_the_thought(store: HistoryStore,
                                                    filled: dict[str, int]) -> None:
    page = to_html(read_chats(store, [filled["birds"]]))
    assert '<details class="thought">\n<summary>Thought for 1.2 s</summary>' in page
    assert page.index("<details") < page.index("A robin.")
    # Pygments' colours, inline: the keyword and the string are styled spans.
    code = page[page.index('<div class="language">python</div>'):]
    assert re.search(r'<span style="[^"]*color: #[0-9A-Fa-f]{6}[^"]*">print</span>', code)
    assert "&#x27;&lt;b&gt;robin&lt;/b&gt;&#x27;" in code or \
        "'&lt;b&gt;robin&lt;/b&gt;'" in code
    assert "heron" not in page  # the branch on screen only
    assert "<nav>" not in page  # one chat: no table of contents


def test_html_of_several_chats_has_a_table_of_contents(store: HistoryStore,
                                                       filled: dict[str, int]) -> None:
    page = to_html(read_chats(store))
    assert "<title>3 chats</title>" in page
    assert page.count('<a href="#chat-') == 3
    assert 'id="chat-3"' in page
