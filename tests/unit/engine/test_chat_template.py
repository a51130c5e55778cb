"""Chat templates from model files are untrusted code: sandboxed, with a fallback."""

from __future__ import annotations

from pathlib import Path

from chatapp.engine.chat_template import ChatMessage, ChatTemplate, render_chatml
from chatapp.engine.llama_engine import LlamaEngine

MESSAGES = [ChatMessage("system", "Be brief."), ChatMessage("user", "Hi")]


def test_the_models_own_template_is_used(engine: LlamaEngine) -> None:
    rendered = engine.template.render(MESSAGES)
    assert rendered.startswith("<|im_start|>system\nBe brief.<|im_end|>")
    assert rendered.endswith("<|im_start|>assistant\n")


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
