"""JSON:API error documents, as Klaviyo returns them."""

from __future__ import annotations

import uuid
from http import HTTPStatus
from typing import Any

from postman_kit.error_kinds import ERROR_KINDS
from postman_kit.secrets import redact

_TITLES = {
    400: ("invalid", "Invalid input."),
    415: ("unsupported_media_type", "Unsupported media type."),
    429: ("throttled", "Request was throttled."),
    500: ("error", "A server error occurred."),
    **{status: (kind.code, kind.title) for status, kind in ERROR_KINDS.items()},
}


def _phrase(status: int) -> str:
    """`Request Entity Too Large.`: the status's reason phrase, for a refusal Klaviyo's guide names no title for."""
    try:
        return HTTPStatus(status).phrase + "."
    except ValueError:
        return "Error."


class ApiError(Exception):
    """A request the sandbox refuses: becomes one JSON:API error with `status`, `code`, `title`, `detail`."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        code: str | None = None,
        title: str | None = None,
        pointer: str | None = None,
        parameter: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        # what the request sent, quoted back (an id, a cursor, a revision header), may be a key: truncated, as
        # every output writes one
        detail = redact(detail)
        super().__init__(detail)
        default_code, default_title = _TITLES.get(status, ("error", _phrase(status)))
        self.status = status
        self.code = code or default_code
        self.title = title or default_title
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter
        self.headers = headers or {}

    def document(self) -> dict[str, Any]:
        error: dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "status": self.status,
            "code": self.code,
            "title": self.title,
            "detail": self.detail,
        }
        if self.parameter is not None:
            error["source"] = {"parameter": self.parameter}
        else:
            error["source"] = {"pointer": self.pointer or "/data/"}
        return {"errors": [error]}


def method_not_allowed(method: str, allowed: tuple[str, ...]) -> ApiError:
    return ApiError(
        405,
        f'Method "{method}" not allowed.',
        title=f'Method "{method}" not allowed.',
        headers={"Allow": ", ".join(allowed)},
    )
