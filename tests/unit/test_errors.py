"""One root for the errors a user reads: every package's own root derives from it."""

from __future__ import annotations

import pytest

from chatapp.engine.errors import EngineError
from chatapp.errors import InternalError, UserFacingError, internal_error
from chatapp.gguf.inspect import GgufError
from chatapp.history.store import HistoryError
from chatapp.hub.errors import HubError
from chatapp.models.errors import ModelsError
from chatapp.secrets.hf_token import Problem, TokenStoreError
from chatapp.settings import SettingsError


@pytest.mark.parametrize("root", [EngineError, GgufError, HistoryError, HubError, ModelsError,
                                  TokenStoreError, SettingsError])
def test_each_package_root_is_a_user_facing_error(root: type[Exception]) -> None:
    assert issubclass(root, UserFacingError)


def test_message_and_detail() -> None:
    plain = UserFacingError("The disk is full.")
    assert str(plain) == plain.user_message == plain.detail == "The disk is full."
    token = TokenStoreError(Problem.LOCKED, "Unlock the keyring.", "org.freedesktop: locked")
    assert (token.user_message, token.detail) == ("Unlock the keyring.",
                                                  "org.freedesktop: locked")


def test_a_bug_is_wrapped_with_its_cause() -> None:
    cause = KeyError("conversation")
    wrapped = internal_error(cause, "writing the reply")
    assert isinstance(wrapped, InternalError) and wrapped.__cause__ is cause
    assert "while writing the reply" in wrapped.user_message
    assert "KeyError" in wrapped.user_message and "log" in wrapped.user_message
