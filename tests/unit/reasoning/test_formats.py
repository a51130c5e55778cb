"""Which convention a model thinks in, from its real template and vocabulary."""

from __future__ import annotations

import pytest

from chatapp.engine.chat_template import ChatTemplate
from chatapp.reasoning.formats import (
    THINKING_VARIABLES,
    ReasoningSyntax,
    ThinkingChoice,
    detect_control,
    detect_syntax,
    starts_in_reasoning,
)
from tests.unit.engine.test_template_corpus import templates_dir


def template(name: str) -> ChatTemplate:
    source = (templates_dir() / f"{name}.jinja").read_text(encoding="utf-8")
    return ChatTemplate(source, bos_token="<s>", eos_token="</s>")


@pytest.mark.parametrize(("name", "syntax", "switch"), [
    ("Qwen-Qwen3-0.6B", ReasoningSyntax.THINK_TAGS, "enable_thinking"),
    ("HuggingFaceTB-SmolLM3-3B", ReasoningSyntax.THINK_TAGS, "enable_thinking"),
    ("Qwen3.5-4B", ReasoningSyntax.THINK_TAGS, "enable_thinking"),
    ("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B", ReasoningSyntax.THINK_TAGS,
     "enable_thinking"),
    ("ibm-granite-granite-3.3-2B-Instruct", ReasoningSyntax.THINK_TAGS, "thinking"),
    ("mistralai-Ministral-3-14B-Reasoning-2512", ReasoningSyntax.THINK_BRACKETS, None),
    ("openai-gpt-oss-120b", ReasoningSyntax.HARMONY, "reasoning_effort"),
    ("meta-llama-Llama-3.2-3B-Instruct", ReasoningSyntax.NONE, None),
    ("google-gemma-2-2b-it", ReasoningSyntax.NONE, None),
    ("Qwen-Qwen2.5-7B-Instruct", ReasoningSyntax.NONE, None),
])
def test_the_template_tells_how_a_model_thinks(name: str, syntax: ReasoningSyntax,
                                               switch: str | None) -> None:
    chat = template(name)
    found = detect_syntax(chat.template_source, vocabulary=())
    assert found is syntax
    control = detect_control(found, {v for v in THINKING_VARIABLES if chat.reads(v)})
    assert control.variable == switch


def test_the_vocabulary_tells_too() -> None:
    # A model whose template never shows a thought, but whose vocabulary has the tag.
    plain = "{% for m in messages %}{{ m.content }}{% endfor %}"
    assert detect_syntax(plain, {"<think>", "</think>"}) is ReasoningSyntax.THINK_TAGS
    assert detect_syntax(plain, {"[THINK]"}) is ReasoningSyntax.THINK_BRACKETS
    assert detect_syntax(plain, {"<|im_start|>"}) is ReasoningSyntax.NONE
    assert detect_syntax(None, ()) is ReasoningSyntax.NONE


def test_a_generation_prompt_that_opens_the_thought() -> None:
    deepseek = template("deepseek-ai-DeepSeek-R1-Distill-Qwen-32B")
    on = deepseek.generation_prompt({"enable_thinking": True})
    off = deepseek.generation_prompt({"enable_thinking": False})
    assert starts_in_reasoning(ReasoningSyntax.THINK_TAGS, on)
    assert not starts_in_reasoning(ReasoningSyntax.THINK_TAGS, off)
    qwen3 = template("Qwen-Qwen3-0.6B")
    # Qwen3 lets the model open the thought; "off" writes an empty, closed one.
    assert not starts_in_reasoning(ReasoningSyntax.THINK_TAGS, qwen3.generation_prompt(
        {"enable_thinking": True}))
    assert qwen3.generation_prompt({"enable_thinking": False}).endswith("</think>\n\n")
    assert not starts_in_reasoning(ReasoningSyntax.NONE, "<think>\n")


def test_choices_and_defaults() -> None:
    effort = detect_control(ReasoningSyntax.HARMONY, {"reasoning_effort"})
    assert effort.choices == (ThinkingChoice.LOW, ThinkingChoice.MEDIUM, ThinkingChoice.HIGH)
    assert effort.resolve(None) is ThinkingChoice.MEDIUM
    granite = detect_control(ReasoningSyntax.THINK_TAGS, {"thinking"})
    assert granite.options(None) == {"thinking": False}  # Granite thinks when asked
    # A model that does not think gets no switch, whatever its template reads.
    assert detect_control(ReasoningSyntax.NONE, {"enable_thinking"}).choices == ()
