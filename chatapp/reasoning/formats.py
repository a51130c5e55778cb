"""How a model marks its thinking, decided from its chat template and vocabulary.

The text a model writes is no evidence: a model that does not think may well write
"<think>" when asked about HTML. The template (which renders earlier thoughts, or opens
one for the model) and the vocabulary (which has a token for the tag) are.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum


class ReasoningSyntax(StrEnum):
    NONE = "none"
    THINK_TAGS = "think_tags"  # <think> … </think> answer (Qwen3, DeepSeek-R1, SmolLM3 …)
    THINK_BRACKETS = "think_brackets"  # [THINK] … [/THINK] answer (Magistral, Ministral)
    HARMONY = "harmony"  # gpt-oss: an "analysis" message, then a "final" one


# Harmony's markup (https://cookbook.openai.com/articles/openai-harmony).
HARMONY_START = "<|start|>"
HARMONY_CHANNEL = "<|channel|>"
HARMONY_CONSTRAIN = "<|constrain|>"
HARMONY_MESSAGE = "<|message|>"
HARMONY_END = "<|end|>"
HARMONY_RETURN = "<|return|>"
HARMONY_CALL = "<|call|>"
HARMONY_MARKERS = (HARMONY_START, HARMONY_CHANNEL, HARMONY_CONSTRAIN, HARMONY_MESSAGE,
                   HARMONY_END, HARMONY_RETURN, HARMONY_CALL)
# Where the thought ends and the answer begins, when the thinking budget is spent.
HARMONY_TO_FINAL = f"{HARMONY_END}{HARMONY_START}assistant{HARMONY_CHANNEL}final{HARMONY_MESSAGE}"

_TAGS = {
    ReasoningSyntax.THINK_TAGS: ("<think>", "</think>"),
    ReasoningSyntax.THINK_BRACKETS: ("[THINK]", "[/THINK]"),
}


@dataclass(frozen=True)
class ReplyFormat:
    """What the stream parser needs to know of one reply."""

    syntax: ReasoningSyntax = ReasoningSyntax.NONE
    # The generation prompt already opened the thought: the reply starts inside it.
    starts_in_reasoning: bool = False
    # Texts that end the reply wherever they appear (the template's end-of-turn markup).
    end_markers: tuple[str, ...] = ()

    @property
    def open_tag(self) -> str:
        return _TAGS.get(self.syntax, ("", ""))[0]

    @property
    def close_tag(self) -> str:
        return _TAGS.get(self.syntax, ("", ""))[1]

    @property
    def thinks(self) -> bool:
        return self.syntax is not ReasoningSyntax.NONE

    @property
    def markers(self) -> tuple[str, ...]:
        """Every text the parser acts on: the tokens that spell them must reach it."""
        if self.syntax is ReasoningSyntax.HARMONY:
            return (*HARMONY_MARKERS, *self.end_markers)
        tags = (self.open_tag, self.close_tag) if self.thinks else ()
        return (*tags, *self.end_markers)

    @property
    def to_answer(self) -> str:
        """What ends a thought and opens the answer, written for the model when its
        thinking budget is spent."""
        if self.syntax is ReasoningSyntax.HARMONY:
            return HARMONY_TO_FINAL
        return f"{self.close_tag}\n\n" if self.thinks else ""


def detect_syntax(template_source: str | None, vocabulary: Collection[str]) -> ReasoningSyntax:
    """The model's thinking convention, from its template's markup and its special tokens."""
    source = template_source or ""
    if HARMONY_CHANNEL in source and HARMONY_MESSAGE in source:
        return ReasoningSyntax.HARMONY
    if "[THINK]" in source or "[THINK]" in vocabulary:
        return ReasoningSyntax.THINK_BRACKETS
    if "<think>" in source or "<think>" in vocabulary:
        return ReasoningSyntax.THINK_TAGS
    return ReasoningSyntax.NONE


def starts_in_reasoning(syntax: ReasoningSyntax, generation_prompt: str) -> bool:
    """True when the generation prompt leaves a thought open (it ends "<think>\\n")."""
    open_tag, close_tag = _TAGS.get(syntax, ("", ""))
    if not open_tag:
        return False
    opened = generation_prompt.rfind(open_tag)
    return opened >= 0 and generation_prompt.rfind(close_tag) < opened


class ThinkingChoice(StrEnum):
    ON = "on"
    OFF = "off"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


THINKING_LABELS = {
    ThinkingChoice.ON: "Thinking on",
    ThinkingChoice.OFF: "Thinking off",
    ThinkingChoice.LOW: "Reasoning: low",
    ThinkingChoice.MEDIUM: "Reasoning: medium",
    ThinkingChoice.HIGH: "Reasoning: high",
}


@dataclass(frozen=True)
class ThinkingControl:
    """The switch a template offers over thinking, and the template options it sets."""

    variable: str | None = None  # the template variable; None: no switch
    choices: tuple[ThinkingChoice, ...] = ()
    default: ThinkingChoice | None = None

    def options(self, choice: ThinkingChoice | str | None) -> Mapping[str, object]:
        """Template options for a chat's choice (its default when unset or unknown)."""
        if self.variable is None:
            return {}
        chosen = ThinkingChoice(choice) if choice in self.choices else self.default
        if chosen in (ThinkingChoice.ON, ThinkingChoice.OFF):
            return {self.variable: chosen is ThinkingChoice.ON}
        return {self.variable: str(chosen)}

    def resolve(self, choice: ThinkingChoice | str | None) -> ThinkingChoice | None:
        return ThinkingChoice(choice) if choice in self.choices else self.default


NO_CONTROL = ThinkingControl()
# The template variables a thinking switch can be (see detect_control).
THINKING_VARIABLES = ("reasoning_effort", "enable_thinking", "thinking")


def detect_control(syntax: ReasoningSyntax,
                   template_variables: Collection[str]) -> ThinkingControl:
    """The per-chat switch, where the template takes one.

    ``reasoning_effort``: gpt-oss and others (low, medium, high; medium is their default).
    ``enable_thinking``: Qwen3, SmolLM3, DeepSeek V3.1 … (on by default).
    ``thinking``: Granite 3.3's flag (off by default).
    """
    if syntax is ReasoningSyntax.NONE:
        return NO_CONTROL
    if "reasoning_effort" in template_variables:
        return ThinkingControl("reasoning_effort",
                               (ThinkingChoice.LOW, ThinkingChoice.MEDIUM, ThinkingChoice.HIGH),
                               ThinkingChoice.MEDIUM)
    if "enable_thinking" in template_variables:
        return ThinkingControl("enable_thinking", (ThinkingChoice.ON, ThinkingChoice.OFF),
                               ThinkingChoice.ON)
    if "thinking" in template_variables:
        return ThinkingControl("thinking", (ThinkingChoice.ON, ThinkingChoice.OFF),
                               ThinkingChoice.OFF)
    return NO_CONTROL
