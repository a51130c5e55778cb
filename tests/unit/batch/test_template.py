"""Prompt templates: placeholders, escapes, and the columns they need."""

from __future__ import annotations

import pytest

from chatapp.batch.errors import TemplateError
from chatapp.batch.template import MissingValueError, PromptTemplate


def test_placeholders_take_a_rows_values_as_they_are() -> None:
    template = PromptTemplate("Translate {text} into {language}; keep {{braces}} and {text}.")
    assert template.columns == ("text", "language")
    # A value is put in as it is: braces in it are not placeholders.
    assert template.render({"text": "{language}", "language": "French"}) \
        == "Translate {language} into French; keep {braces} and {language}."


def test_a_column_name_may_hold_spaces_and_punctuation() -> None:
    template = PromptTemplate("Q: {first question!} }}")
    assert template.columns == ("first question!",)
    assert template.render({"first question!": "why?"}) == "Q: why? }"


@pytest.mark.parametrize(("text", "words"), [
    ("", "empty"),
    ("   ", "empty"),
    ("Hello {name", "does not close"),
    ("Hello {na{me}", "does not close"),
    ("Hello name}", "lone '}'"),
    ("Hello {}", "empty placeholder"),
])
def test_a_malformed_template_is_refused_clearly(text: str, words: str) -> None:
    with pytest.raises(TemplateError) as caught:
        PromptTemplate(text)
    assert words in caught.value.user_message


def test_columns_the_input_lacks_are_named_up_front() -> None:
    template = PromptTemplate("{title}: {body} ({author})")
    template.check_columns(["title", "body", "author", "extra"])
    with pytest.raises(TemplateError) as caught:
        template.check_columns(["title", "text"])
    message = caught.value.user_message
    assert "{body}, {author}" in message and "title, text" in message


def test_a_row_missing_a_value_fails_alone() -> None:
    template = PromptTemplate("{title}: {body}")
    with pytest.raises(MissingValueError, match=r"no value for \{body\}"):
        template.render({"title": "T"})
