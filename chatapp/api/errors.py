"""Errors an API client reads, in OpenAI's shape: {"error": {message, type, param, code}}.

Clients (the official ``openai`` library among them) turn the status and this body into
their own exceptions, so both must be what OpenAI would send for the same mistake.
"""

from __future__ import annotations

from typing import Any

INVALID_REQUEST = "invalid_request_error"
AUTHENTICATION = "authentication_error"
SERVER_ERROR = "server_error"


class ApiError(Exception):
    """A request that cannot be answered, with the HTTP status and body that say why."""

    def __init__(self, status: int, message: str, *, type: str = INVALID_REQUEST,
                 param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code

    def body(self) -> dict[str, Any]:
        return {"error": {"message": self.message, "type": self.type, "param": self.param,
                          "code": self.code}}


def bad_parameter(param: str, message: str, code: str = "invalid_value") -> ApiError:
    return ApiError(400, message, param=param, code=code)


def unsupported_parameter(param: str, why: str = "") -> ApiError:
    return ApiError(400, f"The parameter '{param}' is not supported by this server"
                    + (f": {why}" if why else "."), param=param, code="unsupported_parameter")


def no_model_loaded() -> ApiError:
    return ApiError(503, "No model is loaded in chatapp. Load a chat model in the app, "
                    "then try again.", type=SERVER_ERROR, code="model_not_loaded")


def model_not_found(model: str, available: list[str]) -> ApiError:
    offered = ", ".join(repr(name) for name in available) or "none"
    return ApiError(404, f"The model '{model}' does not exist here. Models served: {offered}.",
                    param="model", code="model_not_found")
