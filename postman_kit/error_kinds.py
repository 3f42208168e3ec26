"""Which error responses an API answers with, and which of them apply to an operation.

`generate` saves one troubleshooting example for each (postman_kit/generation/error_examples.py), `validate`
checks that a saved request has them, and the sandbox answers with the same JSON:API errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postman_kit.openapi import Api, Operation
from postman_kit.profiles import Profile

TROUBLESHOOTING_STATUSES = (401, 403, 404, 405, 409)
# Only methods the API itself uses somewhere are probed for 405: a JSON:API such as Klaviyo's never uses PUT,
# and an example for a method nobody would try is noise.
PROBED_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_PATH_PARAMETER = re.compile(r"\{([^}]+)\}")


@dataclass(slots=True, frozen=True)
class ErrorKind:
    """The JSON:API error an API answers with for one troubleshooting status."""

    status: int
    code: str
    title: str


ERROR_KINDS: dict[int, ErrorKind] = {
    401: ErrorKind(401, "not_authenticated", "Authentication credentials were not provided."),
    403: ErrorKind(403, "permission_denied", "You do not have permission to perform this action."),
    404: ErrorKind(404, "not_found", "Not found."),
    405: ErrorKind(405, "method_not_allowed", 'Method "{method}" not allowed.'),
    409: ErrorKind(409, "conflict", "Conflict."),
}


def requires_key(op: Operation, profile: Profile) -> bool:
    """The operation is sent with the private key: it has a non-empty security requirement."""
    return not profile.is_client_operation(op) and any(requirement for requirement in op.security)


def is_create_operation(op: Operation) -> bool:
    """A POST that answers 201 Created: sending it twice can conflict."""
    return op.method == "POST" and any(r.status == "201" for r in op.responses)


def first_path_parameter(op: Operation) -> str | None:
    match = _PATH_PARAMETER.search(op.path)
    return match.group(1) if match else None


def is_first_of_path(op: Operation) -> bool:
    # 405 examples go on the path's first operation (the order the spec and the folders list them) because that
    # is the request a user opens when they wonder what else the path accepts; one place, not one per method.
    return bool(op.path_methods) and op.path_methods[0] == op.method


def unsupported_methods(api: Api, op: Operation) -> list[str]:
    """Methods the API uses elsewhere but this path does not support."""
    return [m for m in PROBED_METHODS if m in api.methods and m not in op.path_methods]


def expected_statuses(api: Api, op: Operation, profile: Profile) -> list[int]:
    """Every troubleshooting status that applies to `op` (405 only on the path's first operation)."""
    statuses: list[int] = []
    if requires_key(op, profile):
        statuses.append(401)
        if profile.scopes(op):
            statuses.append(403)
    if first_path_parameter(op):
        statuses.append(404)
    if is_first_of_path(op) and unsupported_methods(api, op):
        statuses.append(405)
    if is_create_operation(op):
        statuses.append(409)
    return statuses
