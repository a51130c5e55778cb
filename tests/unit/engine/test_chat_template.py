"""Chat templates from model files are untrusted code: sandboxed, with a fallback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from chatapp.engine.chat_template import ChatMessage, ChatTemplate, render_chatml
from chatapp.engine.llama_engine import LlamaEngine

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi")]


def test_the_models_own_template_is_used(engine: LlamaEngine) -> None:
    rendered = engine.template.render(MESSAGES)
    assert rendered.startswith("<|im_start|>system\nBe brief.<|im_end|>")
    assert rendered.endswith("<|im_start|>assistant\n")


@pytest.mark.expect_log("chatapp.engine.chat_template", "raised SecurityError: access to attribute")
def test_a_template_cannot_reach_python(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    # CVE-2024-34359 shape: walk from a string to os and run a command.
    hostile = (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}"
        "{% for c in ''.__class__.__mro__[1].__subclasses__() %}"
        "{% if c.__name__ == 'Popen' %}{{ c(['touch', '" + str(marker) + "']) }}{% endif %}"
        "{% endfor %}"
    )
    template = ChatTemplate(hostile)
    rendered = template.render(MESSAGES)
    assert not marker.exists()
    assert rendered == render_chatml(MESSAGES)
    assert "failed" in template.source


@pytest.mark.expect_log("chatapp.engine.chat_template",
                        "does not compile|raised ValueError: no system role")
def test_missing_or_broken_templates_fall_back_to_chatml() -> None:
    assert ChatTemplate(None).render(MESSAGES) == render_chatml(MESSAGES)
    broken = ChatTemplate("{% for m in messages %}{{ m.content ")
    assert broken.render(MESSAGES) == render_chatml(MESSAGES)
    raising = ChatTemplate("{{ raise_exception('no system role') }}")
    assert raising.render(MESSAGES) == render_chatml(MESSAGES)


def test_bos_and_eos_are_available_to_templates() -> None:
    template = ChatTemplate("{{ bos_token }}{% for m in messages %}{{ m.content }}"
                            "{{ eos_token }}{% endfor %}", bos_token="<s>", eos_token="</s>")
    assert template.render(MESSAGES) == "<s>Be brief.</s>Hi</s>"
    assert template.source == "the model's chat template"


# -- message text never reaches the template ------------------------------------------

CHATML_LOOP = "<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n"


def test_a_template_cannot_look_at_message_text() -> None:
    # A template that acts on what was written, as a hostile one could.
    nosy = ChatTemplate("{% for m in messages %}{% if 'evil' in m.content %}LEAK{% endif %}"
                        "{% if m.content | length > 40 %}LONG{% endif %}"
                        + CHATML_LOOP + "{% endfor %}")
    messages = [ChatMessage("user", "evil " * 20)]
    rendered = nosy.render(messages)
    assert "LEAK" not in rendered and "LONG" not in rendered
    assert rendered == "<|im_start|>user\n" + "evil " * 20 + "<|im_end|>\n"
    assert nosy.source == "the model's chat template"


@pytest.mark.parametrize(("expression", "expected"), [
    ("m.content | trim", "[a  b]"),
    ("m.content.strip()", "[a  b]"),
    ("m.content.lstrip()", "[a  b \n]"),
    ("m.content.rstrip()", "[\t a  b]"),
    ("m.content", "[\t a  b \n]"),
])
def test_content_is_trimmed_as_the_template_trims_it(expression: str, expected: str) -> None:
    template = ChatTemplate("{% for m in messages %}[{{ " + expression + " }}]{% endfor %}")
    assert template.render([ChatMessage("user", "\t a  b \n")]) == expected
    assert template.source == "the model's chat template"


@pytest.mark.parametrize(("body", "reason"), [
    ("{% for m in messages[1:] %}{{ m.content }}{% endfor %}", "leaves out"),
    ("{% for m in messages %}{{ m.content }}{{ m.content }}{% endfor %}", "repeats"),
    ("{% for m in messages %}{{ m.content[:3] }}{% endfor %}", "cuts"),
    ("{% for m in messages %}{{ m.content.split('\\n')[0] }}{% endfor %}", "cuts"),
    ("{% for m in messages %}{{ m.content | tojson }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | e }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | upper }}{% endfor %}", "transforms"),
    ("{% for m in messages %}{{ m.content | replace('\\n', ' ') }}{% endfor %}", "transforms"),
])
@pytest.mark.expect_log("chatapp.engine.chat_template",
                        r"is not usable \(it (cuts or transforms|repeats|leaves out the text of)")
def test_a_template_that_alters_message_text_falls_back(body: str, reason: str,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    template = ChatTemplate(body)
    with caplog.at_level(logging.WARNING):
        assert template.render(MESSAGES) == render_chatml(MESSAGES)
    assert "failed" in template.source
    assert template.fallback_reason is not None and reason in template.fallback_reason
    assert template.fallback_reason in caplog.text
    # For good: the conversation keeps one format.
    assert template.render(MESSAGES[1:]) == render_chatml(MESSAGES[1:])


def test_sample_markup_leaves_the_template_as_it_was() -> None:
    # Refuses system messages (as Gemma 2's does): the samples without one still count.
    template = ChatTemplate("{% for m in messages %}{% if m.role == 'system' %}"
                            "{{ raise_exception('no system') }}{% endif %}"
                            "<start_of_turn>{{ m.role }}\n{{ m.content }}<end_of_turn>\n"
                            "{% endfor %}<start_of_turn>model\n")
    markup = template.sample_markup()
    assert "<start_of_turn>user\n" in markup
    assert any("<end_of_turn>" in piece for piece in markup)
    assert template.source == "the model's chat template"
    assert ChatTemplate(None).sample_markup()[0] == "<|im_start|>system\n"
