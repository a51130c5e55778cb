"""Turning a conversation into the prompt a model was trained on.

The model's own template (GGUF ``tokenizer.chat_template``) is Jinja code written by
whoever published the file. It is rendered exactly as Hugging Face transformers renders
it (``transformers.utils.chat_template_utils``, 5.22.2): the same immutable sandbox, so a
template cannot call into Python (CVE-2024-34359), the same filters and globals, the same
variables. The tests compare the two on every template llama.cpp ships.

What people write is text, never markup: the template is rendered with each message's
content (and reasoning) replaced by a sentinel, so it never sees what anyone typed, and
the result is a skeleton of markup pieces and slots (:meth:`ChatTemplate.render_parts`).
The tokenizer finds control tokens only in the markup (see prompt_tokens). A template
that trims text (``| trim``, ``.strip()``, ``.lstrip('\\n')``) trims the sentinel's
whitespace padding too, and the slot records how, so the text is trimmed the same way. A
template that alters the sentinels otherwise (drops content, repeats, cuts or escapes
it) does something to message text that cannot be reproduced safely: the render fails.

A render that fails raises :class:`TemplateRenderError` and changes nothing: the next
turn renders afresh, so a template that refuses one conversation still serves others.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final, Literal

import jinja2
import jinja2.ext
import jinja2.meta
import jinja2.nodes
import jinja2.parser
import jinja2.utils
from jinja2.sandbox import ImmutableSandboxedEnvironment

from chatapp.engine.errors import EngineError
from chatapp.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

Role = Literal["system", "user", "assistant"]
Field = Literal["content", "reasoning"]
# How a template trims one side of a text: not at all, ``strip('\n')``, or ``strip()``.
Trim = Literal["none", "newlines", "whitespace"]

# A rendered skeleton longer than this is a template gone wrong (or hostile), not a chat.
MAX_RENDERED_CHARS = 16 * 1024 * 1024

# Where a model's chat format comes from, as the status line says it (translated there).
MODEL_SOURCE = QT_TRANSLATE_NOOP("ChatTemplate", "the model's chat template")
CHATML_SOURCE = QT_TRANSLATE_NOOP(
    "ChatTemplate", "ChatML: the model has no chat template, but its vocabulary is ChatML's")
NO_TEMPLATE_SOURCE = QT_TRANSLATE_NOOP("ChatTemplate", "none: the model has no chat template")

CHATML_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)

_WHAT_TO_DO = QT_TRANSLATE_NOOP("ChatTemplate", "Edit the model's chat template in Models, or "
                                "choose another model.")

# Private-use characters (no template writes them) around the message's index. Inside
# them, characters that escaping (tojson, HTML), case changes (upper, title) and line
# edits change, so a template that transforms text loses the sentinel. The padding is
# whitespace to Python's str.strip (Jinja's trim) and never markup, so whether it
# survived tells whether the template stripped that side of the text; two characters,
# so that cutting one off (``[1:]``) is not mistaken for a strip. Left and right pads
# differ, so a pad between two adjacent sentinels belongs to one of them unambiguously.
_OPEN, _CLOSE = "\ue000", "\ue001"
_LEFT, _RIGHT = "\u2029\u2029", "\u2028\u2028"
_FRAGILE = "aA\"'\\\n<>&"
_FIELD_CODE: dict[Field, str] = {"content": "c", "reasoning": "r"}
_CODE_FIELD: dict[str, Field] = {"c": "content", "r": "reasoning"}
_SLOT = re.compile(f"((?:{_LEFT})?){_OPEN}([0-9]+)([cr]){re.escape(_FRAGILE)}{_CLOSE}"
                   f"((?:{_RIGHT})?)")
_SENTINEL_CHARS = (_OPEN, _CLOSE, _LEFT[0], _RIGHT[0])

# What the template reads besides the caller's options (as transformers passes them).
_RESERVED = frozenset({"messages", "tools", "documents", "add_generation_prompt",
                       "bos_token", "eos_token"})


@dataclass(frozen=True)
class ChatMessage:
    role: Role
    content: str
    # The model's thinking before ``content`` (assistant messages), or None.
    reasoning: str | None = None


@dataclass(frozen=True)
class ContentSlot:
    """Where message ``index``'s content or reasoning goes, trimmed as the template trims it."""

    index: int
    field: Field = "content"
    strip_left: Trim = "none"
    strip_right: Trim = "none"

    def text(self, messages: Sequence[ChatMessage]) -> str:
        message = messages[self.index]
        text = message.content if self.field == "content" else message.reasoning or ""
        if self.strip_left != "none":
            text = text.lstrip(None if self.strip_left == "whitespace" else "\n")
        if self.strip_right != "none":
            text = text.rstrip(None if self.strip_right == "whitespace" else "\n")
        return text


# A rendered prompt: markup (the template's own text) and the slots text fills.
Part = str | ContentSlot


@dataclass(frozen=True)
class RenderedChat:
    """A rendered prompt; the slots index into ``messages``, the conversation as rendered
    (turns of one role merged, a refused system prompt folded into the user's turn)."""

    parts: list[Part]
    messages: list[ChatMessage]

    @property
    def text(self) -> str:
        """The prompt as the model reads it."""
        return fill(self.parts, self.messages)


class TemplateRenderError(EngineError):
    """The chat template cannot render this conversation (it does not compile, it raised,
    or it alters message text)."""


class NoChatTemplateError(TemplateRenderError):
    """The model has no chat template, and its vocabulary says nothing of its format."""


def _what_to_do() -> str:
    return translate("ChatTemplate", _WHAT_TO_DO)


_CUTS: Final = QT_TRANSLATE_NOOP("ChatTemplate", "it cuts or transforms message text")


def _no_template_error() -> NoChatTemplateError:
    return NoChatTemplateError(
        translate("ChatTemplate", "This model has no chat template, so chatapp cannot tell how "
                  "to talk to it. It is probably a base model, which continues text rather than "
                  "answering questions: choose an instruct (chat) model, or give it a chat "
                  "template in Models."),
        "the model has no tokenizer.chat_template and no ChatML tokens")


class _TemplateRaisedError(TemplateRenderError):
    """The template itself raised (as opposed to altering message text)."""


class _SystemDroppedError(Exception):
    """The template left out the system message (some do rather than refuse it)."""


# -- the Jinja environment, as transformers 5.22.2 builds it ----------------------------


class _GenerationTag(jinja2.ext.Extension):
    """``{% generation %}…{% endgeneration %}``: transformers marks the assistant's text
    with it for training masks; rendering a prompt, it is just its body."""

    tags = {"generation"}  # noqa: RUF012 - declared so by jinja2.ext.Extension

    def parse(self, parser: jinja2.parser.Parser) -> jinja2.nodes.Node:
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(("name:endgeneration",), drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_body"), [], [], body).set_lineno(
            lineno)

    @staticmethod
    def _body(caller: Callable[[], str]) -> str:
        return caller()


def _raise_exception(message: str) -> None:
    raise jinja2.TemplateError(message)


def _tojson(value: object, ensure_ascii: bool = False, indent: int | str | None = None,
            separators: tuple[str, str] | None = None, sort_keys: bool = False) -> str:
    # Jinja's own tojson escapes HTML characters; templates expect plain JSON.
    return json.dumps(value, ensure_ascii=ensure_ascii, indent=indent, separators=separators,
                      sort_keys=sort_keys)


def _strftime_now(format: str) -> str:
    return datetime.now().strftime(format)


class _TemplateDict:
    """``dict`` for templates without the type itself (no attribute access to break out)."""

    def __call__(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return dict(*args, **kwargs)

    def fromkeys(self, *args: Any, **kwargs: Any) -> dict[Any, Any]:
        return dict.fromkeys(*args, **kwargs)


class _TemplateNamespace(jinja2.utils.Namespace):
    """``namespace`` rejecting underscore names, which could reach CPython internals."""

    def __init__(*args: Any, **kwargs: Any) -> None:
        self, rest = args[0], args[1:]
        attrs = dict(*rest, **kwargs)
        for name in attrs:
            _TemplateNamespace._check_name(name)
        jinja2.utils.Namespace.__init__(self, attrs)

    def __setitem__(self, name: str, value: Any) -> None:
        _TemplateNamespace._check_name(name)
        jinja2.utils.Namespace.__setitem__(self, name, value)

    @staticmethod
    def _check_name(name: object) -> None:
        if isinstance(name, str) and name.startswith("_"):
            raise jinja2.exceptions.SecurityError(
                f"Chat templates cannot store underscore-prefixed attributes on a namespace, "
                f"but got {name!r}. Please rename the attribute.")


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[_GenerationTag, jinja2.ext.loopcontrols])
    env.filters["tojson"] = _tojson
    env.globals["raise_exception"] = _raise_exception
    env.globals["strftime_now"] = _strftime_now
    env.globals["dict"] = _TemplateDict()
    env.globals["namespace"] = _TemplateNamespace
    return env


# -- conversations as templates expect them ----------------------------------------------


def merge_turns(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """Consecutive messages of one role as one message (a failed reply leaves two user
    messages in a row, and many templates insist on alternating roles)."""
    merged: list[ChatMessage] = []
    for message in messages:
        if merged and merged[-1].role == message.role:
            merged[-1] = _joined(merged[-1], message)
        else:
            merged.append(message)
    return merged


def _joined(first: ChatMessage, second: ChatMessage) -> ChatMessage:
    # Empty texts are left out, so they add no stray separators.
    content = "\n\n".join(text for text in (first.content, second.content) if text)
    reasonings = [r for r in (first.reasoning, second.reasoning) if r is not None]
    reasoning = "\n\n".join(r for r in reasonings if r) if reasonings else None
    return ChatMessage(first.role, content, reasoning)


def fold_system(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """System text as the start of the user's turn, for templates without a system role."""
    return merge_turns([replace(m, role="user") if m.role == "system" else m
                        for m in messages])


@dataclass(frozen=True)
class _Skeleton:
    """One render with sentinels: ``pieces[k]`` is the markup before slot ``k`` (the last
    one after every slot); each slot is (index, field, left pad kept, right pad kept)."""

    pieces: list[str]
    slots: list[tuple[int, Field, bool, bool]]


class ChatTemplate:
    """Renders conversations with the model's template (or ChatML, for a model without
    one whose vocabulary is ChatML's). Holds no state that a render changes."""

    def __init__(self, template: str | None, bos_token: str = "", eos_token: str = "", *,
                 chatml_vocab: bool = False) -> None:
        self.template_source: str | None = template or None
        self.bos_token = bos_token
        self.eos_token = eos_token
        self._compiled: jinja2.Template | None = None
        self._compile_error: TemplateRenderError | None = None
        self._variables: frozenset[str] = frozenset()
        if self.template_source is not None:
            self.source = MODEL_SOURCE
            self._compile(self.template_source)
        elif chatml_vocab:
            self.source = CHATML_SOURCE
            self._compile(CHATML_TEMPLATE)
        else:
            self.source = NO_TEMPLATE_SOURCE
            self._compile_error = _no_template_error()

    def _compile(self, source: str) -> None:
        env = _environment()
        try:
            self._compiled = env.from_string(source)
            self._variables = frozenset(jinja2.meta.find_undeclared_variables(env.parse(source)))
        except Exception as error:  # noqa: BLE001 - whatever the template's text holds
            # Reported on every render, not here: the model still loads, and the
            # template can be fixed.
            self._compile_error = TemplateRenderError(
                translate("ChatTemplate", "The model's chat template does not compile ({error}). "
                          "{what_to_do}").format(error=error, what_to_do=_what_to_do()),
                f"chat template does not compile: {type(error).__name__}: {error}")

    # -- public ----------------------------------------------------------------------

    def reads(self, variable: str) -> bool:
        """Whether the template uses ``variable`` without setting it (an option it takes,
        such as ``enable_thinking``)."""
        return variable in self._variables

    def render_parts(self, messages: Sequence[ChatMessage],
                     options: Mapping[str, object] | None = None, *,
                     continue_final: bool = False) -> RenderedChat:
        """The prompt's markup and slots; message text itself never reaches the template.

        With ``continue_final`` the last message is a reply the model goes on writing:
        no generation prompt, and the prompt ends right after that reply's text (as
        transformers' ``continue_final_message``). Raises TemplateRenderError when the
        template cannot render the conversation.
        """
        if continue_final:
            return self._continued(messages, options)
        return self._render(messages, options, generation_prompt=True)

    def _render(self, messages: Sequence[ChatMessage], options: Mapping[str, object] | None,
                *, generation_prompt: bool) -> RenderedChat:
        variables = _checked_options(options)
        if self._compile_error is not None:
            raise self._compile_error
        merged = merge_turns(messages)
        try:
            return RenderedChat(self._parts(merged, variables, generation_prompt), merged)
        except (_SystemDroppedError, _TemplateRaisedError) as first:
            if not any(m.role == "system" for m in merged):
                raise
            # Refused (Gemma 2 raises) or dropped: the system text opens the user's turn.
            # (A template that alters text gets no second try: it alters it either way.)
            folded = fold_system(merged)
            try:
                parts = self._parts(folded, variables, generation_prompt)
            except TemplateRenderError as error:
                error.detail += f" (with the system message as it was: {_detail(first)})"
                raise
            log.debug("chat template: system message folded into the user's (%s)",
                      _detail(first))
            return RenderedChat(parts, folded)

    def _continued(self, messages: Sequence[ChatMessage],
                   options: Mapping[str, object] | None) -> RenderedChat:
        if not messages or messages[-1].role != "assistant" or not messages[-1].content:
            raise TemplateRenderError(translate("ChatTemplate", "There is no reply to continue."),
                                      "continue_final without a final reply")
        rendered = self._render(messages, options, generation_prompt=False)
        final = len(rendered.messages) - 1
        for at in range(len(rendered.parts) - 1, -1, -1):
            part = rendered.parts[at]
            if isinstance(part, ContentSlot) and part.index == final \
                    and part.field == "content":
                # The text as written, untrimmed at its end: the model continues from it.
                kept = [*rendered.parts[:at], replace(part, strip_right="none")]
                return RenderedChat(kept, rendered.messages)
        raise TemplateRenderError(
            translate("ChatTemplate", "The model's chat template leaves the last reply out, so "
                      "it cannot be continued."),
            "continue_final: the final reply's text is not in the render")

    def render(self, messages: Sequence[ChatMessage],
               options: Mapping[str, object] | None = None) -> str:
        """The prompt as text (text filled in), as the model will read it."""
        return self.render_parts(messages, options).text

    def sample_markup(self) -> list[str]:
        """Markup of a few typical conversations (never raises).

        The tokenizer learns from it which tokens the format is built of.
        """
        samples = (
            [ChatMessage("system", "."), ChatMessage("user", "."),
             ChatMessage("assistant", "."), ChatMessage("user", ".")],
            [ChatMessage("user", "."), ChatMessage("assistant", "."), ChatMessage("user", ".")],
            [ChatMessage("user", "."), ChatMessage("assistant", ".", reasoning="."),
             ChatMessage("user", ".")],
        )
        option_sets: list[dict[str, object]] = [{}]
        if self.reads("enable_thinking"):
            option_sets += [{"enable_thinking": True}, {"enable_thinking": False}]
        markup: list[str] = []
        for options in option_sets:
            for sample in samples:
                try:
                    parts = self.render_parts(sample, options).parts
                except TemplateRenderError:
                    continue  # a sample is only a hint
                markup += [part for part in parts if isinstance(part, str)]
        return markup

    def generation_prompt(self, options: Mapping[str, object] | None = None) -> str:
        """The markup that ends the user's turn and opens the assistant's (for instance
        "<|im_end|>\\n<|im_start|>assistant\\n<think>\\n"); "" if the template cannot
        render a lone user message (rendering the chat itself says why)."""
        try:
            parts = self.render_parts([ChatMessage("user", ".")], options).parts
        except TemplateRenderError:
            return ""
        last = max((i for i, p in enumerate(parts) if isinstance(p, ContentSlot)), default=-1)
        return "".join(p for p in parts[last + 1:] if isinstance(p, str))

    def end_markers(self, options: Mapping[str, object] | None = None) -> tuple[str, ...]:
        """The markup that ends an assistant's turn ("<|im_end|>", "<end_of_turn>",
        "<|eot_id|>", "</s>"): the first tag, or else the first run of non-whitespace,
        after an earlier reply's text. Empty when there is none (or the template cannot
        render that conversation)."""
        sample = [ChatMessage("user", "."), ChatMessage("assistant", "."),
                  ChatMessage("user", ".")]
        try:
            parts = self.render_parts(sample, options).parts
        except TemplateRenderError:
            return ()
        for at, part in enumerate(parts[:-1]):
            if isinstance(part, ContentSlot) and part.index == 1 and part.field == "content":
                after = parts[at + 1]
                marker = _first_marker(after) if isinstance(after, str) else ""
                return (marker,) if marker else ()
        return ()

    # -- rendering -------------------------------------------------------------------

    def _parts(self, messages: Sequence[ChatMessage], variables: Mapping[str, object],
               generation_prompt: bool = True) -> list[Part]:
        """Up to three renders with sentinels: plain pads tell which sides a template
        strips of all whitespace; a newline added outside the left (right) pads tells
        which of the others it strips of newlines only (``.lstrip('\\n')``), so that
        render is needed only if a left (right) pad survived. The markup is the plain
        render's."""
        plain = self._skeleton(messages, variables, _LEFT, _RIGHT, generation_prompt)
        left_nl = (self._skeleton(messages, variables, "\n" + _LEFT, _RIGHT, generation_prompt)
                   if any(slot[2] for slot in plain.slots) else plain)
        right_nl = (self._skeleton(messages, variables, _LEFT, _RIGHT + "\n", generation_prompt)
                    if any(slot[3] for slot in plain.slots) else plain)
        if left_nl.slots != plain.slots or right_nl.slots != plain.slots:
            raise self._mangled(QT_TRANSLATE_NOOP(
                "ChatTemplate", "it treats message text differently depending on what it is"))
        n = len(plain.slots)
        if left_nl.pieces[n] != plain.pieces[n] or right_nl.pieces[0] != plain.pieces[0]:
            raise self._mangled(_CUTS)
        parts: list[Part] = []
        for k, (index, field, left_kept, right_kept) in enumerate(plain.slots):
            before, after = plain.pieces[k], plain.pieces[k + 1]
            left = _trim(left_kept, left_nl.pieces[k], before, before + "\n")
            right = _trim(right_kept, right_nl.pieces[k + 1], after, "\n" + after)
            if left is None or right is None:
                raise self._mangled(_CUTS)
            if before:
                parts.append(before)
            parts.append(ContentSlot(index, field, left, right))
        if plain.pieces[n]:
            parts.append(plain.pieces[n])
        return parts

    def _skeleton(self, messages: Sequence[ChatMessage], variables: Mapping[str, object],
                  left: str, right: str, generation_prompt: bool = True) -> _Skeleton:
        def stand_in(index: int, field: Field, text: str) -> str:
            # Empty text shows nothing, and templates test it (``if content``): it is
            # passed as it is, and needs no slot.
            if not text:
                return text
            return f"{left}{_OPEN}{index}{_FIELD_CODE[field]}{_FRAGILE}{_CLOSE}{right}"

        stand_ins: list[dict[str, object]] = []
        for i, message in enumerate(messages):
            entry: dict[str, object] = {"role": message.role,
                                        "content": stand_in(i, "content", message.content)}
            if message.reasoning is not None:
                # Under both names, as transformers' _alias_reasoning_fields: gpt-oss
                # templates read "thinking", most others "reasoning_content".
                reasoning = stand_in(i, "reasoning", message.reasoning)
                entry = {"thinking": reasoning, **entry, "reasoning_content": reasoning}
            stand_ins.append(entry)
        rendered = self._generate({
            "messages": stand_ins, "tools": None, "documents": None,
            "add_generation_prompt": generation_prompt, "bos_token": self.bos_token,
            "eos_token": self.eos_token, **variables,
        })
        return self._split(rendered, messages)

    def _generate(self, variables: Mapping[str, object]) -> str:
        assert self._compiled is not None
        chunks: list[str] = []
        size = 0
        try:
            # Streamed, so a runaway template is stopped at the cap, not at memory's end.
            for chunk in self._compiled.generate(**variables):
                size += len(chunk)
                if size > MAX_RENDERED_CHARS:
                    raise self._mangled(QT_TRANSLATE_NOOP("ChatTemplate",
                                                          "it produces an oversized prompt"))
                chunks.append(chunk)
        except TemplateRenderError:
            raise
        except Exception as error:
            what = (str(error) if type(error) is jinja2.TemplateError
                    else f"{type(error).__name__}: {error}")
            raise _TemplateRaisedError(
                translate("ChatTemplate", "The model's chat template cannot render this "
                          "conversation: it raised \"{error}\". {what_to_do}").format(
                              error=what, what_to_do=_what_to_do()),
                f"chat template raised {type(error).__name__}: {error}") from error
        return "".join(chunks)

    def _split(self, rendered: str, messages: Sequence[ChatMessage]) -> _Skeleton:
        pieces: list[str] = []
        slots: list[tuple[int, Field, bool, bool]] = []
        position = 0
        for match in _SLOT.finditer(rendered):
            pieces.append(rendered[position:match.start()])
            slots.append((int(match.group(2)), _CODE_FIELD[match.group(3)],
                          bool(match.group(1)), bool(match.group(4))))
            position = match.end()
        pieces.append(rendered[position:])
        if any(c in piece for piece in pieces for c in _SENTINEL_CHARS):
            raise self._mangled(_CUTS)
        keys = [(index, field) for index, field, _, _ in slots]
        if len(set(keys)) != len(keys):
            raise self._mangled(QT_TRANSLATE_NOOP("ChatTemplate", "it repeats message text"))
        if any(index >= len(messages) for index, _ in keys):
            raise self._mangled(_CUTS)
        # Reasoning may be left out (templates drop earlier turns' thinking), content not.
        missing = [i for i, m in enumerate(messages) if m.content and (i, "content") not in keys]
        if missing and all(messages[i].role == "system" for i in missing):
            raise _SystemDroppedError("it leaves out the system message")
        if missing:
            raise self._mangled(QT_TRANSLATE_NOOP(
                "ChatTemplate", "it leaves out the text of message(s) {messages}"),
                messages=missing)
        return _Skeleton(pieces, slots)

    @staticmethod
    def _mangled(how: str, **values: object) -> TemplateRenderError:
        """``how``: a QT_TRANSLATE_NOOP("ChatTemplate", ...) phrase, with ``values`` to fill."""
        return TemplateRenderError(
            translate("ChatTemplate", "The model's chat template alters message text ({how}), "
                      "and chatapp passes what people write to the model unchanged. "
                      "{what_to_do}").format(how=translate("ChatTemplate", how).format(**values),
                                             what_to_do=_what_to_do()),
            f"chat template alters message text: {how.format(**values)}")


def _checked_options(options: Mapping[str, object] | None) -> dict[str, object]:
    """Caller options as template variables: plain values only, none of the reserved."""
    variables = dict(options or {})
    clash = _RESERVED & variables.keys()
    if clash:
        raise ValueError(f"template options may not set {sorted(clash)}")
    for name, value in variables.items():
        # The sandbox guards attribute access, but plain values give it nothing to guard.
        if value is not None and type(value) not in (bool, int, float, str):
            raise TypeError(f"template option {name}={value!r} is not a plain value")
    return variables


def _trim(kept: bool, probed: str, stripped: str, unstripped: str) -> Trim | None:
    """How one side of a slot is trimmed: ``kept`` tells whether the plain pad survived,
    ``probed`` is the markup next to the slot when a newline was added outside the pad
    (``unstripped`` if it survived, ``stripped`` if not); None if neither."""
    if not kept:
        return "whitespace" if probed == stripped else None
    if probed == unstripped:
        return "none"
    if probed == stripped:
        return "newlines"
    return None


def _detail(error: Exception) -> str:
    return error.detail if isinstance(error, TemplateRenderError) else str(error)


def _first_marker(markup: str) -> str:
    text = markup.lstrip()
    if not text:
        return ""
    run = text.split(maxsplit=1)[0]
    # A tag ends the run where it closes: "<|eot_id|><|start_header_id|>…" ends at the first.
    closing = {"<": ">", "[": "]"}.get(run[0])
    end = run.find(closing) if closing else -1
    return run[:end + 1] if end > 0 else run


def fill(parts: Sequence[Part], messages: Sequence[ChatMessage]) -> str:
    """The prompt text: markup as it is, each slot's text in its place."""
    return "".join(p if isinstance(p, str) else p.text(messages) for p in parts)
