"""Turning a conversation into the prompt text a model was trained on.

The model's own template (GGUF ``tokenizer.chat_template``) is Jinja code written by
whoever published the file, so it is rendered only in Jinja's immutable sandbox
(llama-cpp-python's ``Jinja2ChatFormatter``): a template cannot call into Python
(CVE-2024-34359). A model without a template, or with one that fails to render, falls
back to ChatML, the format most instruct models of the last years use.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import jinja2
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

log = logging.getLogger(__name__)

Role = Literal["system", "user", "assistant"]

# A rendered prompt longer than this is a template gone wrong (or hostile), not a chat.
MAX_RENDERED_CHARS = 16 * 1024 * 1024


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str


class ChatTemplate:
    """Renders messages with the model's template, or ChatML when that is not usable."""

    def __init__(self, template: str | None, bos_token: str = "", eos_token: str = "") -> None:
        self.source = "ChatML (built-in fallback)"
        self._formatter: Jinja2ChatFormatter | None = None
        self._bos = bos_token
        self._eos = eos_token
        if template:
            try:
                self._formatter = Jinja2ChatFormatter(
                    template=template, eos_token=eos_token, bos_token=bos_token,
                    add_generation_prompt=True,
                )
                self.source = "the model's chat template"
            except jinja2.TemplateError as error:
                log.warning("The model's chat template does not compile (%s); using ChatML", error)

    def render(self, messages: Sequence[ChatMessage]) -> str:
        if self._formatter is not None:
            try:
                prompt = self._formatter(
                    messages=[{"role": m.role, "content": m.content} for m in messages]  # type: ignore[misc]
                ).prompt
                if len(prompt) <= MAX_RENDERED_CHARS:
                    return str(prompt)
                log.warning("The model's chat template produced an oversized prompt")
            except Exception as error:  # noqa: BLE001 - any template failure falls back
                log.warning("The model's chat template failed (%s); using ChatML", error)
            self._formatter = None
            self.source = "ChatML (the model's template failed)"
        return render_chatml(messages)


def render_chatml(messages: Sequence[ChatMessage]) -> str:
    parts = [f"<|im_start|>{m.role}\n{m.content}<|im_end|>\n" for m in messages]
    parts.append("<|im_start|>assistant\n")
    return "".join(parts)
