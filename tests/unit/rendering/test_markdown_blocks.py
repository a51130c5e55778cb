from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chatapp.rendering.markdown_blocks import Block, split_all, split_complete

REPLY = (
    "Here is code:\n\n"
    "```python\ndef f():\n    return 1\n```\n"
    "It returns **one**.\n\n"
    "- a\n- b\n\n"
    "~~~\nplain\n~~~\n"
    "done"
)


def test_complete_blocks_and_tail() -> None:
    split = split_complete(REPLY)
    assert split.blocks == [
        Block("prose", "Here is code:"),
        Block("code", "def f():\n    return 1", "python"),
        Block("prose", "It returns **one**."),
        Block("prose", "- a\n- b"),
        Block("code", "plain", ""),
    ]
    assert split.tail == "done"


def test_an_open_code_fence_is_not_complete() -> None:
    split = split_complete("Intro\n\n```js\nlet x = 1;\n")
    assert split.blocks == [Block("prose", "Intro")]
    assert split.tail == "```js\nlet x = 1;\n"
    assert split_all("Intro\n\n```js\nlet x = 1;\n")[-1] == Block("code", "let x = 1;", "js")


def test_finished_text_keeps_the_streamed_blocks() -> None:
    # Paragraphs stay the blocks they were while streaming.
    assert split_all(REPLY) == [*split_complete(REPLY).blocks, Block("prose", "done")]


def test_a_list_separated_by_blank_lines_is_one_block() -> None:
    text = "Steps:\n\n1. one\n\n2. two\n\n   more about two\n\n3. three\n\nAfter the list."
    assert split_all(text) == [
        Block("prose", "Steps:"),
        Block("prose", "1. one\n\n2. two\n\n   more about two\n\n3. three"),
        Block("prose", "After the list."),
    ]


def test_a_closing_fence_at_the_very_end() -> None:
    assert split_all("Run:\n\n```sh\nls -la\n```") == [Block("prose", "Run:"),
                                                       Block("code", "ls -la", "sh")]


def test_fence_closing_needs_the_same_character() -> None:
    split = split_complete("```\na\n~~~\nb\n```\n")
    assert split.blocks == [Block("code", "a\n~~~\nb", "")]


@given(st.text(alphabet=st.sampled_from(list("ab `~\n#*-py")), max_size=200))
def test_streaming_split_never_loses_text(text: str) -> None:
    # Whatever prefix has streamed in, rendered blocks + tail account for all of it.
    for end in range(0, len(text) + 1, 7):
        prefix = text[:end]
        split = split_complete(prefix)
        assert prefix[:split.consumed] + split.tail == prefix
        assert 0 <= split.consumed <= len(prefix)
    # Code content survives whole.
    for block in split_all(text):
        if block.kind == "code":
            assert block.text in text
