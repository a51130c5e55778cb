"""Turning a conversation into the prompt a model was trained on.

The model's own template (GGUF ``tokenizer.chat_template``) is Jinja code written by
whoever published the file, so it is rendered only in Jinja's immutable sandbox
(llama-cpp-python's ``Jinja2ChatFormatter``): a template cannot call into Python
(CVE-2024-34359). A model without a template, or with one that fails to render, falls
back to ChatML, the format most instruct models of the last years use.

What people write is text, never markup: the template is rendered with each message's
content replaced by a sentinel, so it never sees what anyone typed, and the result is a
skeleton of markup pieces and content slots (:func:`render_parts`). The tokenizer finds
control tokens only in the markup (see prompt_tokens). A template that trims content
(``| trim``, ``.strip()``) strips the whitespace padding of the sentinel too, and the
slot records it, so the content is trimmed the same way. A template that alters the
sentinels otherwise (drops, repeats, cuts or escapes them) does something to message
text that cannot be reproduced safely: it falls back to ChatML.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import jinja2
from llama_cpp.llama_chat_format import Jinja2ChatFormatter

log = logging.getLogger(__name__)

Role = Literal["system", "user", "assistant"]

# A rendered skeleton longer than this is a template gone wrong (or hostile), not a chat.
MAX_RENDERED_CHARS = 16 * 1024 * 1024

# Private-use characters (no template writes them) around the message's index. Inside
# them, characters that escaping (tojson, HTML), case changes (upper, title) and line
# edits change, so a template that transforms text loses the sentinel. The padding is
# whitespace to Python's str.strip (Jinja's trim), and never markup, so whether it
# survived tells whether the template stripped that side of the content.
_OPEN, _CLOSE, _PAD = "\ue000", "\ue001", "\u2029"
_FRAGILE = "aA\"'\\\n<>&"
_SLOT = re.compile(f"({_PAD}?){_OPEN}([0-9]+){re.escape(_FRAGILE)}{_CLOSE}({_PAD}?)")

FALLBACK_SOURCE = "ChatML (built-in fallback)"
FAILED_SOURCE = "ChatML (the model's template failed)"
MODEL_SOURCE = "the model's chat template"


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True)
class ContentSlot:
    """Where message ``index``'s content goes, stripped as the template strips it."""

    index: int
    strip_left: bool = False
    strip_right: bool = False

    def text(self, messages: Sequence[ChatMessage]) -> str:
        content = messages[self.index].content
        if self.strip_left and self.strip_right:
            return content.strip()
        if self.strip_left:
            return content.lstrip()
        if self.strip_right:
            return content.rstrip()
        return content


# A rendered prompt: markup (the template's own text) and the slots content fills.
Part = str | ContentSlot


class TemplateMangledError(Exception):
    """The template did something to message text other than inserting (or trimming) it."""


class ChatTemplate:
    """Renders messages with the model's template, or ChatML when that is not usable.

    Once the model's template fails it is not tried again: a conversation keeps one
    format (and its KV cache) rather than switching back and forth.
    """

    def __init__(self, template: str | None, bos_token: str = "", eos_token: str = "") -> None:
        self.source = FALLBACK_SOURCE
        # Why the model's template is not used, for the log and the tests.
        self.fallback_reason: str | None = None if template else "the model has no template"
        self._formatter: Jinja2ChatFormatter | None = None
        if template:
            try:
                self._formatter = Jinja2ChatFormatter(
                    template=template, eos_token=eos_token, bos_token=bos_token,
                    add_generation_prompt=True,
                )
                self.source = MODEL_SOURCE
            except jinja2.TemplateError as error:
                self.fallback_reason = f"it does not compile ({error})"
                log.warning("The model's chat template does not compile (%s); using ChatML",
                            error)

    def render_parts(self, messages: Sequence[ChatMessage]) -> list[Part]:
        """The prompt's markup and content slots; content itself never reaches the template."""
        if self._formatter is not None:
            try:
                return self._model_parts(self._formatter, messages)
            except TemplateMangledError as error:
                reason = str(error)
            except Exception as error:  # noqa: BLE001 - any template failure falls back
                reason = f"it raised {type(error).__name__}: {error}"
            log.warning("The model's chat template is not usable (%s); using ChatML", reason)
            self._formatter = None
            self.source = FAILED_SOURCE
            self.fallback_reason = reason
        return chatml_parts(messages)

    def render(self, messages: Sequence[ChatMessage]) -> str:
        """The prompt as text (content filled in), as the model will read it."""
        return fill(self.render_parts(messages), messages)

    def sample_markup(self) -> list[str]:
        """Markup of a few typical conversations, without changing the template's state.

        The tokenizer learns from it which tokens the format is built of.
        """
        samples = (
            [ChatMessage("system", "."), ChatMessage("user", "."),
             ChatMessage("assistant", "."), ChatMessage("user", ".")],
            [ChatMessage("user", "."), ChatMessage("assistant", "."), ChatMessage("user", ".")],
        )
        markup: list[str] = []
        for sample in samples:
            try:
                parts = (self._model_parts(self._formatter, sample)
                         if self._formatter is not None else chatml_parts(sample))
            except Exception:  # noqa: BLE001 - a sample is only a hint
                continue
            markup += [part for part in parts if isinstance(part, str)]
        return markup

    @staticmethod
    def _model_parts(formatter: Jinja2ChatFormatter,
                     messages: Sequence[ChatMessage]) -> list[Part]:
        stand_ins = [{"role": m.role, "content": f"{_PAD}{_OPEN}{i}{_FRAGILE}{_CLOSE}{_PAD}"}
                     for i, m in enumerate(messages)]
        rendered = str(formatter(messages=stand_ins).prompt)  # type: ignore[arg-type]
        if len(rendered) > MAX_RENDERED_CHARS:
            raise TemplateMangledError("it produced an oversized prompt")
        return split_skeleton(rendered, len(messages))


def split_skeleton(rendered: str, n_messages: int) -> list[Part]:
    """Split a skeleton rendered with sentinels into markup and slots; checks every slot."""
    parts: list[Part] = []
    indices: list[int] = []
    position = 0
    for match in _SLOT.finditer(rendered):
        index = int(match.group(2))
        indices.append(index)
        if match.start() > position:
            parts.append(rendered[position:match.start()])
        parts.append(ContentSlot(index, strip_left=not match.group(1),
                                 strip_right=not match.group(3)))
        position = match.end()
    if position < len(rendered):
        parts.append(rendered[position:])
    for part in parts:
        if isinstance(part, str) and any(c in part for c in (_OPEN, _CLOSE, _PAD)):
            raise TemplateMangledError("it cuts or transforms message text")
    if len(set(indices)) != len(indices) or any(i >= n_messages for i in indices):
        raise TemplateMangledError("it repeats message text")
    if len(indices) != n_messages:
        missing = sorted(set(range(n_messages)) - set(indices))
        raise TemplateMangledError(f"it leaves out the text of message(s) {missing}")
    return parts


def fill(parts: Sequence[Part], messages: Sequence[ChatMessage]) -> str:
    return "".join(p if isinstance(p, str) else p.text(messages) for p in parts)


def chatml_parts(messages: Sequence[ChatMessage]) -> list[Part]:
    parts: list[Part] = []
    for index, message in enumerate(messages):
        parts += [f"<|im_start|>{message.role}\n", ContentSlot(index), "<|im_end|>\n"]
    parts.append("<|im_start|>assistant\n")
    return parts


def render_chatml(messages: Sequence[ChatMessage]) -> str:
    return fill(chatml_parts(messages), messages)
