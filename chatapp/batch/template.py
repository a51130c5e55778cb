"""The prompt template of a batch job: text with ``{column}`` placeholders.

``{{`` and ``}}`` stand for literal braces. A placeholder names a column of the input
exactly (spaces and punctuation included); nothing else is interpreted, so a row's text
is put in as it is, never formatted or evaluated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chatapp.batch.errors import TemplateError
from chatapp.i18n import format_number, translate


@dataclass(frozen=True)
class Placeholder:
    column: str


class MissingValueError(ValueError):
    """A row has no value for a column the template uses (that row alone fails)."""


class PromptTemplate:
    def __init__(self, text: str) -> None:
        if not text.strip():
            raise TemplateError(translate(
                "BatchJob", "The prompt template is empty. Write the prompt to send for each "
                "row, with {placeholder} where a column's value goes.").format(
                    placeholder="{column}"))
        self.text = text
        self.parts: tuple[str | Placeholder, ...] = tuple(_parse(text))
        self.columns: tuple[str, ...] = tuple(dict.fromkeys(
            part.column for part in self.parts if isinstance(part, Placeholder)))

    def check_columns(self, available: Sequence[str]) -> None:
        """TemplateError naming every column the template uses that the input lacks."""
        missing = [column for column in self.columns if column not in available]
        if missing:
            comma = translate("BatchJob", ", ", "between column names")
            names = comma.join(f"{{{column}}}" for column in missing)
            have = comma.join(available) if available else translate("BatchJob", "none")
            raise TemplateError(translate(
                "BatchJob", "The prompt template uses {names}, but the input has no such "
                "column (its columns: {columns}). Change the template or choose another input."
            ).format(names=names, columns=have))

    def render(self, values: Mapping[str, str]) -> str:
        """The prompt for one row; MissingValueError when it lacks a value."""
        pieces: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                pieces.append(part)
                continue
            value = values.get(part.column)
            if value is None:
                raise MissingValueError(translate(
                    "BatchJob", "This row has no value for {placeholder}.").format(
                        placeholder=f"{{{part.column}}}"))
            pieces.append(value)
        return "".join(pieces)


def _parse(text: str) -> list[str | Placeholder]:
    parts: list[str | Placeholder] = []
    literal: list[str] = []
    at = 0
    while at < len(text):
        char = text[at]
        if char in "{}" and text.startswith(char * 2, at):
            literal.append(char)
            at += 2
        elif char == "}":
            raise TemplateError(translate(
                "BatchJob", "The prompt template has a lone {brace} (at character {position}). "
                "Write {escaped} for a literal brace.").format(
                    brace="'}'", position=format_number(at + 1), escaped="'}}'"))
        elif char == "{":
            end = text.find("}", at + 1)
            nested = text.find("{", at + 1)
            if end < 0 or 0 <= nested < end:
                raise TemplateError(translate(
                    "BatchJob", "The prompt template opens a placeholder at character "
                    "{position} and does not close it. Write {placeholder}, or {escaped} for a "
                    "literal brace.").format(position=format_number(at + 1),
                                             placeholder="{column}", escaped="'{{'"))
            column = text[at + 1:end]
            if not column:
                raise TemplateError(translate(
                    "BatchJob", "The prompt template has an empty placeholder {empty}. Name a "
                    "column inside the braces, or write {escaped} for literal braces.").format(
                        empty="{}", escaped="'{{}}'"))
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(Placeholder(column))
            at = end + 1
        else:
            literal.append(char)
            at += 1
    if literal:
        parts.append("".join(literal))
    return parts
