"""Chat templates render exactly as Hugging Face transformers renders them.

Every template llama.cpp ships for testing, with conversations of every shape the app
sends, is rendered by ChatTemplate (sentinels in place of message text, text filled in
afterwards) and by transformers' ``render_jinja_template`` with the real text; the two
prompts must be equal. transformers gets the conversation as ChatTemplate rendered it
(``RenderedChat.messages``: turns of one role merged, a refused system prompt folded).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from transformers.utils import chat_template_utils

from chatapp.engine import chat_template
from chatapp.engine.chat_template import (
    CHATML_SOURCE,
    ChatMessage,
    ChatTemplate,
    ContentSlot,
    NoChatTemplateError,
    TemplateRenderError,
    merge_turns,
)
from chatapp.engine.errors import EngineError
from chatapp.errors import UserFacingError
from tests.unit.engine.test_template_corpus import FixedClock, templates_dir

M = ChatMessage
BOS, EOS = "<s>", "</s>"
# Text that looks like markup or template code, and non-ASCII text. (Not "</think>":
# templates look for it in content, which sentinels deliberately keep from them.)
TRICKY = "<|im_end|> {{ 7*7 }} {% raw %} <s>[INST] <end_of_turn> café 🐉 日本"

CONVERSATIONS: dict[str, list[ChatMessage]] = {
    "system+user+assistant+user": [
        M("system", "Be brief."), M("user", "Hi there"),
        M("assistant", "Hello! How can I help?"), M("user", "Name a colour.")],
    "user+assistant+user": [
        M("user", "Hi there"), M("assistant", "Hello!"), M("user", "Name a colour.")],
    "user": [M("user", "Hi there")],
    "earlier reasoning": [
        M("user", "What is 2+2?"),
        M("assistant", "4", reasoning="Two and two make four."), M("user", "And 3+3?")],
    # Whitespace at the edges, so templates that trim (all of it, or newlines) are seen to.
    "tricky text": [
        M("system", "\n" + TRICKY + " \n"), M("user", "\n\n " + TRICKY + "\t\n"),
        M("assistant", "\n" + TRICKY + " ", reasoning="\n " + TRICKY + "\n\n"),
        M("user", "\t" + TRICKY + "\n")],
    # Ends with the reply's reasoning, which templates render in full (and trim).
    "reasoning last": [
        M("system", " Be brief. "), M("user", "\n " + TRICKY + "\n"),
        M("assistant", "\n\n" + TRICKY + " \n", reasoning="\n \n" + TRICKY + "\n \n")],
    # What a failed reply leaves behind: two user messages in a row.
    "user+user": [M("user", "Hi"), M("user", "Anyone there?")],
    # Empty text reaches templates as it is (they test it), and needs no slot.
    "empty reply": [M("user", "Hi"), M("assistant", ""), M("user", "Hello?")],
}

# Templates that cannot render a plain chat, in transformers either, and why. The
# tool-use variants iterate over ``tools`` (None without tools); firefunction needs a
# ``functions`` variable nobody passes.
FAILS_ALWAYS = {
    "CohereForAI-c4ai-command-r-plus-tool_use": "'NoneType' object is not iterable",
    "NousResearch-Hermes-2-Pro-Llama-3-8B-tool_use": "'NoneType' object is not iterable",
    "NousResearch-Hermes-3-Llama-3.1-8B-tool_use": "'NoneType' object is not iterable",
    "fireworks-ai-llama-3-firefunction-v2": "'functions' is undefined",
}
# Single conversations a template refuses, in transformers too.
FAILS = {
    ("mistralai-Ministral-3-14B-Reasoning-2512", "empty reply"):
        "Assistant message must have a string or a list of chunks in content",
}


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    # Some templates print today's date: two renders must not straddle midnight.
    monkeypatch.setattr(chat_template, "datetime", FixedClock)
    monkeypatch.setattr(chat_template_utils, "datetime", FixedClock)


def reference(source: str, messages: Sequence[ChatMessage],
              options: Mapping[str, object] | None = None) -> str:
    """transformers' rendering of the real text (reasoning as ``reasoning_content``)."""
    conversation: list[dict[str, str]] = []
    for m in messages:
        message = {"role": m.role, "content": m.content}
        if m.reasoning is not None:
            message["reasoning_content"] = m.reasoning
        conversation.append(message)
    variables: dict[str, Any] = {"bos_token": BOS, "eos_token": EOS, **(options or {})}
    # Annotated "-> str", it returns (prompts, generation indices).
    result: Any = chat_template_utils.render_jinja_template(
        conversations=[conversation], chat_template=source, add_generation_prompt=True,
        **variables)
    return str(result[0][0])


def option_sets(template: ChatTemplate) -> list[dict[str, object]]:
    sets: list[dict[str, object]] = [{}]
    if template.reads("enable_thinking"):
        sets += [{"enable_thinking": True}, {"enable_thinking": False}]
    if template.reads("reasoning_effort"):
        sets += [{"reasoning_effort": "low"}, {"reasoning_effort": "high"}]
    return sets


def template_paths() -> list[Path]:
    paths = sorted(templates_dir().glob("*.jinja"))
    assert len(paths) > 60
    return paths


def test_every_template_renders_as_transformers_does() -> None:
    failed: dict[tuple[str, str], str] = {}
    compared = 0
    for path in template_paths():
        source = path.read_text(encoding="utf-8")
        template = ChatTemplate(source, BOS, EOS)
        for name, messages in CONVERSATIONS.items():
            for options in option_sets(template):
                where = f"{path.name} with {name} and {options}"
                try:
                    rendered = template.render_parts(messages, options)
                except TemplateRenderError as error:
                    failed[(path.stem, name)] = error.user_message
                    # transformers refuses the same conversation.
                    with pytest.raises(Exception) as theirs:  # whatever the template raises
                        reference(source, merge_turns(messages), options)
                    assert str(theirs.value) in error.user_message, where
                    continue
                assert rendered.text == reference(source, rendered.messages, options), where
                compared += 1
    expected = {(stem, name) for stem in FAILS_ALWAYS for name in CONVERSATIONS} | set(FAILS)
    assert set(failed) == expected
    for (stem, name), message in failed.items():
        assert (FAILS_ALWAYS.get(stem) or FAILS[(stem, name)]) in message
        assert "Edit the model's chat template in Models" in message
    assert compared > 500


def test_each_text_has_one_slot_and_the_template_never_sees_it() -> None:
    for path in template_paths():
        if path.stem in FAILS_ALWAYS:
            continue
        template = ChatTemplate(path.read_text(encoding="utf-8"), BOS, EOS)
        rendered = template.render_parts(CONVERSATIONS["tricky text"])
        slots = [(p.index, p.field) for p in rendered.parts if isinstance(p, ContentSlot)]
        content = [index for index, field in slots if field == "content"]
        assert sorted(content) == list(range(len(rendered.messages))), path.name
        assert len(set(slots)) == len(slots), path.name  # reasoning at most once
        markup = "".join(p for p in rendered.parts if isinstance(p, str))
        assert "café" not in markup and "7*7" not in markup, path.name


# -- reasoning -------------------------------------------------------------------------


def read_template(stem: str) -> str:
    return (templates_dir() / f"{stem}.jinja").read_text(encoding="utf-8")


THOUGHT = "Two and two make four."
EARLIER = CONVERSATIONS["earlier reasoning"]


def test_qwen3_drops_an_earlier_turns_reasoning_but_keeps_the_current_ones() -> None:
    source = read_template("Qwen-Qwen3-0.6B")
    template = ChatTemplate(source, BOS, EOS)
    next_turn = template.render_parts(EARLIER)
    assert THOUGHT not in next_turn.text
    assert not any(isinstance(p, ContentSlot) and p.field == "reasoning"
                   for p in next_turn.parts)
    assert "<|im_start|>assistant\n4<|im_end|>" in next_turn.text
    # The reply being written (after the last question) keeps its thought.
    current = template.render(EARLIER[:2])
    assert f"<think>\n{THOUGHT}\n</think>\n\n4" in current
    assert current == reference(source, EARLIER[:2])


@pytest.mark.parametrize("stem", ["ByteDance-Seed-OSS", "MiniMax-M3", "Kimi-K3"])
def test_templates_that_keep_earlier_reasoning_get_it(stem: str) -> None:
    source = read_template(stem)
    rendered = ChatTemplate(source, BOS, EOS).render_parts(EARLIER)
    assert any(isinstance(p, ContentSlot) and (p.index, p.field) == (1, "reasoning")
               for p in rendered.parts)
    assert THOUGHT in rendered.text
    assert rendered.text == reference(source, rendered.messages)


@pytest.mark.parametrize("field", ["reasoning_content", "thinking"])
def test_reasoning_is_there_under_both_names(field: str) -> None:
    # gpt-oss's template reads "thinking", most others "reasoning_content".
    template = ChatTemplate(f"{{% for m in messages %}}{{% if m.{field} %}}({{{{ m.{field} }}}})"
                            "{% endif %}{{ m.content }}{% endfor %}")
    assert template.render(EARLIER) == "What is 2+2?(Two and two make four.)4And 3+3?"


def test_gpt_oss_takes_the_reasoning_effort() -> None:
    source = read_template("openai-gpt-oss-120b")
    template = ChatTemplate(source, BOS, EOS)
    assert template.reads("reasoning_effort")
    rendered = template.render(EARLIER, {"reasoning_effort": "high"})
    assert "Reasoning: high" in rendered
    assert THOUGHT not in rendered  # an earlier turn's analysis is dropped
    assert rendered == reference(source, EARLIER, {"reasoning_effort": "high"})


# -- conversations templates refuse as they are -------------------------------------


def test_gemma2_gets_the_system_prompt_as_the_start_of_the_users_turn() -> None:
    source = read_template("google-gemma-2-2b-it")
    messages = [M("system", "Be brief."), M("user", "Hi"), M("assistant", "Hello!"),
                M("user", "Name a colour.")]
    with pytest.raises(Exception, match="System role not supported"):
        reference(source, messages)
    rendered = ChatTemplate(source, BOS, EOS).render_parts(messages)
    assert rendered.messages == [M("user", "Be brief.\n\nHi"), *messages[2:]]
    assert rendered.text.startswith("<s><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n")
    assert rendered.text == reference(source, rendered.messages)
    # A system prompt alone (its size is measured so) becomes the user's turn.
    alone = ChatTemplate(source, BOS, EOS).render_parts([M("system", "Be brief.")])
    assert alone.messages == [M("user", "Be brief.")]


def test_a_template_that_drops_the_system_message_gets_it_folded() -> None:
    template = ChatTemplate("{% for m in messages if m.role != 'system' %}[{{ m.role }}]"
                            "{{ m.content }}{% endfor %}")
    assert template.render([M("system", "S"), M("user", "U")]) == "[user]S\n\nU"


@pytest.mark.parametrize("stem", ["mistralai-Mistral-Nemo-Instruct-2407",
                                  "Mistral-Small-3.2-24B-Instruct-2506"])
def test_mistral_templates_get_consecutive_user_messages_merged(stem: str) -> None:
    source = read_template(stem)
    messages = [M("user", "Hi"), M("user", "Anyone there?")]
    with pytest.raises(Exception, match="must alternate"):
        reference(source, messages)
    rendered = ChatTemplate(source, BOS, EOS).render_parts(messages)
    assert rendered.messages == [M("user", "Hi\n\nAnyone there?")]
    assert "[INST]Hi\n\nAnyone there?[/INST]" in rendered.text
    assert rendered.text == reference(source, rendered.messages)


def test_merging_joins_texts_and_reasonings() -> None:
    merged = merge_turns([M("system", "S"), M("user", "a"), M("user", ""), M("user", "b"),
                          M("assistant", "x", reasoning="r1"), M("assistant", "y"),
                          M("assistant", "z", reasoning="r2")])
    assert merged == [M("system", "S"), M("user", "a\n\nb"),
                      M("assistant", "x\n\ny\n\nz", reasoning="r1\n\nr2")]
    assert merge_turns([M("user", "a"), M("user", "b")])[0].reasoning is None


# -- failures change nothing ---------------------------------------------------------

# Refuses a conversation that carries reasoning; renders any other.
PICKY = ("{% for m in messages %}{% if m.reasoning_content is defined %}"
         "{{ raise_exception('no thoughts here') }}{% endif %}"
         "<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
         "<|im_start|>assistant\n")


def test_a_template_that_fails_one_turn_renders_the_next() -> None:
    template = ChatTemplate(PICKY)
    with pytest.raises(TemplateRenderError) as failure:
        template.render(EARLIER)
    assert failure.value.user_message == (
        "The model's chat template cannot render this conversation: it raised "
        "\"no thoughts here\". Edit the model's chat template in Models, or choose "
        "another model.")
    plain = [M("user", "What is 2+2?"), M("assistant", "4"), M("user", "And 3+3?")]
    assert template.render(plain) == ChatTemplate(PICKY).render(plain) == (
        "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n4<|im_end|>\n"
        "<|im_start|>user\nAnd 3+3?<|im_end|>\n<|im_start|>assistant")
    assert template.source == "the model's chat template"
    with pytest.raises(TemplateRenderError, match="no thoughts here"):
        template.render(EARLIER)


def test_a_template_that_does_not_compile_fails_every_render_but_loads() -> None:
    template = ChatTemplate("{% for m in messages %}{{ m.content ")
    for _ in range(2):
        with pytest.raises(TemplateRenderError, match="does not compile") as failure:
            template.render([M("user", "Hi")])
        assert "Edit the model's chat template in Models" in failure.value.user_message
    assert template.sample_markup() == []
    assert template.end_markers() == ()
    assert template.generation_prompt() == ""
    assert not template.reads("messages")


# -- no template -------------------------------------------------------------------


def test_no_template_and_a_chatml_vocabulary_gives_chatml() -> None:
    template = ChatTemplate(None, BOS, EOS, chatml_vocab=True)
    assert template.source == CHATML_SOURCE
    assert template.template_source is None
    messages = [M("system", "S"), M("user", "U"), M("assistant", "A", reasoning="R"),
                M("user", "V")]
    assert template.render(messages) == (
        "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n"
        "<|im_start|>assistant\nA<|im_end|>\n<|im_start|>user\nV<|im_end|>\n"
        "<|im_start|>assistant\n")
    assert template.end_markers() == ("<|im_end|>",)
    assert template.generation_prompt() == "<|im_end|>\n<|im_start|>assistant\n"
    assert template.sample_markup()[0] == "<|im_start|>system\n"


@pytest.mark.parametrize("source", [None, ""])
def test_no_template_otherwise_is_an_error_on_every_render(source: str | None) -> None:
    template = ChatTemplate(source, BOS, EOS)
    for _ in range(2):
        with pytest.raises(NoChatTemplateError) as failure:
            template.render([M("user", "Hi")])
        error = failure.value
        assert isinstance(error, TemplateRenderError)
        assert isinstance(error, EngineError) and isinstance(error, UserFacingError)
        assert error.user_message == (
            "This model has no chat template, so chatapp cannot tell how to talk to it. It "
            "is probably a base model, which continues text rather than answering "
            "questions: choose an instruct (chat) model, or give it a chat template in "
            "Models.")
    assert template.sample_markup() == []
    assert template.end_markers() == ()
    assert "no chat template" in template.source
