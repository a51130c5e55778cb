"""Chat templates from model files are untrusted code: sandboxed, and never shown text."""

from __future__ import annotations

import json
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Self

import pytest

from chatapp.engine import chat_template
from chatapp.engine.chat_template import (
    MODEL_SOURCE,
    ChatMessage,
    ChatTemplate,
    ContentSlot,
    TemplateRenderError,
)
from chatapp.engine.llama_engine import LlamaEngine

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi")]
CHATML_LOOP = "<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"


def render(source: str, messages: list[ChatMessage] | None = None,
           options: dict[str, object] | None = None) -> str:
    return ChatTemplate(source).render(MESSAGES if messages is None else messages, options)


def test_the_models_own_template_is_used(engine: LlamaEngine) -> None:
    rendered = engine.template.render(MESSAGES)
    assert rendered.startswith("<|im_start|>system\nBe brief.<|im_end|>")
    assert rendered.endswith("<|im_start|>assistant\n")
    assert engine.template.source == MODEL_SOURCE
    assert engine.template.template_source is not None


def test_the_engine_tokenizes_the_conversation_as_rendered(engine: LlamaEngine) -> None:
    # Two user messages in a row (a failed reply) are one turn, text joined.
    apart = [ChatMessage("user", "Hi"), ChatMessage("user", "Anyone there?")]
    together = [ChatMessage("user", "Hi\n\nAnyone there?")]
    assert engine.tokenize_chat(apart) == engine.tokenize_chat(together)
    assert engine.tokenize_chat(apart, options={"enable_thinking": False}) \
        == engine.tokenize_chat(together)


def test_a_template_cannot_reach_python(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    # CVE-2024-34359 shape: walk from a string to os and run a command.
    hostile = (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}"
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == 'Popen' %}{{ c(['touch', '" + str(marker) + "']) }}{% endif %}"
        "{% endfor %}"
    )
    with pytest.raises(TemplateRenderError, match=r'raised "SecurityError: access to attr'):
        render(hostile)
    assert not marker.exists()


@pytest.mark.parametrize("body", [
    "{% set ns = namespace(_private=1) %}",
    "{% set ns = namespace(a=1) %}{% set ns._b = 2 %}",
    "{{ dict.__class__ }}{{ messages.append(1) }}",
])
def test_the_sandbox_holds_as_in_transformers(body: str) -> None:
    with pytest.raises(TemplateRenderError, match="raised"):
        render(body + "{% for m in messages %}{{ m.content }}{% endfor %}")


def test_transformers_filters_and_globals_are_there(monkeypatch: pytest.MonkeyPatch) -> None:
    class Clock(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Self:
            return cls(2025, 3, 14, tzinfo=tz)

    monkeypatch.setattr(chat_template, "datetime", Clock)
    source = ("{{ {'b': '<é>', 'a': [1]} | tojson }}|{{ {'b': 1, 'a': 2} | tojson(sort_keys=true,"
              " separators=(',', ':')) }}|{{ strftime_now('%d %b %Y') }}|"
              "{{ dict(x=1) | tojson }}|{% set ns = namespace(n=0) %}"
              "{% for i in range(5) %}{% if i == 2 %}{% break %}{% endif %}{{ i }}{% endfor %}"
              "{% for m in messages %}{% set ns.n = ns.n + 1 %}"
              "{% generation %}[{{ m.content }}]{% endgeneration %}{% endfor %}{{ ns.n }}")
    assert render(source) == (
        '{"b": "<é>", "a": [1]}|{"a":2,"b":1}|14 Mar 2025|{"x": 1}|01[Be brief.][Hi]2')
    assert json.loads(render("{{ messages | tojson(indent=2) }}", [ChatMessage("user", "")])) \
        == [{"role": "user", "content": ""}]


def test_the_variables_are_transformers_ones() -> None:
    source = ("{{ bos_token }}{% for m in messages %}{{ m.content }}{{ eos_token }}{% endfor %}"
              "{{ tools is none }}{{ documents is none }}{{ add_generation_prompt }}"
              "{{ enable_thinking is defined }}{{ enable_thinking }}")
    template = ChatTemplate(source, bos_token="<s>", eos_token="</s>")
    assert template.render(MESSAGES) == "<s>Be brief.</s>Hi</s>TrueTrueTrueFalse"
    assert template.render(MESSAGES, {"enable_thinking": False}) \
        == "<s>Be brief.</s>Hi</s>TrueTrueTrueTrueFalse"
    assert template.source == MODEL_SOURCE
    assert template.reads("enable_thinking") and template.reads("bos_token")
    assert not template.reads("reasoning_effort") and not template.reads("m")


@pytest.mark.parametrize(("options", "error"), [
    ({"messages": []}, ValueError), ({"add_generation_prompt": False}, ValueError),
    ({"bos_token": "x"}, ValueError), ({"enable_thinking": [True]}, TypeError),
    ({"effort": object()}, TypeError),
])
def test_options_are_plain_values_of_the_callers_own(options: dict[str, object],
                                                      error: type[Exception]) -> None:
    with pytest.raises(error):
        render("{{ messages[0].content }}", options=options)


@pytest.mark.parametrize(("body", "message"), [
    ("{% for m in messages %}{{ m.content ", "does not compile"),
    ("{{ raise_exception('no system role') }}", 'raised "no system role"'),
    ("{{ messages[5].content.x }}", 'raised "UndefinedError: '),
])
def test_a_template_that_fails_says_what_failed_and_what_to_do(body: str, message: str) -> None:
    template = ChatTemplate(body)
    with pytest.raises(TemplateRenderError) as failure:
        template.render([ChatMessage("user", "Hi")])
    assert message in failure.value.user_message
    assert failure.value.user_message.endswith(
        "Edit the model's chat template in Models, or choose another model.")
    assert failure.value.detail


# -- message text never reaches the template ------------------------------------------


def test_a_template_cannot_look_at_message_text() -> None:
    # A template that acts on what was written, as a hostile one could.
    nosy = ChatTemplate("{% for m in messages %}{% if 'evil' in m.content %}LEAK{% endif %}"
                        "{% if m.content | length > 40 %}LONG{% endif %}"
                        + CHATML_LOOP + "{% endfor %}")
    messages = [ChatMessage("user", "evil " * 20)]
    rendered = nosy.render(messages)
    assert "LEAK" not in rendered and "LONG" not in rendered
    assert rendered == "<|im_start|>user\n" + "evil " * 20 + "<|im_end|>\n"


@pytest.mark.parametrize(("expression", "expected"), [
    ("m.content | trim", "[a  b]"),
    ("m.content.strip()", "[a  b]"),
    ("m.content.lstrip()", "[a  b \n\n]"),
    ("m.content.rstrip()", "[\n\t a  b]"),
    ("m.content.strip('\\n')", "[\t a  b ]"),
    ("m.content.lstrip('\\n')", "[\t a  b \n\n]"),
    ("m.content.rstrip('\\n')", "[\n\t a  b ]"),
    ("m.content.lstrip('\\n') | trim", "[a  b]"),
    ("m.content", "[\n\t a  b \n\n]"),
])
def test_content_is_trimmed_as_the_template_trims_it(expression: str, expected: str) -> None:
    template = ChatTemplate("{% for m in messages %}[{{ " + expression + " }}]{% endfor %}")
    assert template.render([ChatMessage("user", "\n\t a  b \n\n")]) == expected


def test_reasoning_is_trimmed_as_the_template_trims_it() -> None:
    template = ChatTemplate("{% for m in messages %}<{{ m.reasoning_content.strip('\\n') }}>"
                            "{{ m.content | trim }}{% endfor %}")
    rendered = template.render_parts([ChatMessage("assistant", " A \n", reasoning="\n R \n")])
    assert ContentSlot(0, "reasoning", "newlines", "newlines") in rendered.parts
    assert rendered.text == "< R >A"


@pytest.mark.parametrize(("body", "reason"), [
    ("{% for m in messages[1:] %}{{ m.content }}{% endfor %}", "leaves out the text"),
    ("{% for m in messages %}{{ m.content }}{{ m.content }}{% endfor %}", "repeats"),
    ("{% for m in messages %}{{ m.content[:3] }}{% endfor %}", "cuts or transforms"),
    ("{% for m in messages %}{{ m.content[1:] }}{% endfor %}", "cuts or transforms"),
    ("{% for m in messages %}{{ m.content.split('\\n')[1] }}{% endfor %}", "cuts"),
    ("{% for m in messages %}{{ m.content | tojson }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | e }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | upper }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | replace('\\n', ' ') }}{% endfor %}", "transforms"),
])
def test_a_template_that_alters_message_text_is_refused(body: str, reason: str) -> None:
    template = ChatTemplate(body)
    for _ in range(2):  # and again: a failure changes nothing
        with pytest.raises(TemplateRenderError) as failure:
            template.render([ChatMessage("user", "Hi"), ChatMessage("assistant", "Hello")])
        assert "alters message text" in failure.value.user_message
        assert reason in failure.value.user_message
    assert template.source == MODEL_SOURCE


def test_sample_markup_never_raises() -> None:
    # Refuses system messages and replies (system prompts are folded into the user's
    # turn): the samples that render still count.
    template = ChatTemplate("{% for m in messages %}{% if m.role != 'user' %}"
                            "{{ raise_exception('users only') }}{% endif %}"
                            "<start_of_turn>{{ m.role }}\n{{ m.content }}<end_of_turn>\n"
                            "{% endfor %}<start_of_turn>model\n")
    assert template.sample_markup() == []
    assert template.end_markers() == ()
    # (Jinja drops a template's final newline.)
    assert template.generation_prompt() == "<end_of_turn>\n<start_of_turn>model"


@pytest.mark.parametrize(("after", "markers"), [
    ("<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n", ("<|eot_id|>",)),
    ("\n<end_of_turn>\n", ("<end_of_turn>",)),
    ("</s>[INST]", ("</s>",)),
    ("\n\nUser: ", ("User:",)),
    ("", ()),
    ("\n", ()),
])
def test_end_markers_are_what_follows_a_reply(after: str, markers: tuple[str, ...]) -> None:
    template = ChatTemplate("{% for m in messages %}{{ m.content }}"
                            "{% if m.role == 'assistant' %}" + after + "{% endif %}{% endfor %}")
    assert template.end_markers() == markers


def test_generation_prompt_follows_the_options() -> None:
    template = ChatTemplate("{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}"
                            "<|im_end|>\n{% endfor %}<|im_start|>assistant\n"
                            "{% if enable_thinking is defined and enable_thinking %}<think>\n"
                            "{% endif %}")
    assert template.generation_prompt() == "<|im_end|>\n<|im_start|>assistant\n"
    assert template.generation_prompt({"enable_thinking": True}) \
        == "<|im_end|>\n<|im_start|>assistant\n<think>\n"
    assert any("<think>" in piece for piece in template.sample_markup())
