"""What every language's snippet shares: the opening comment, string literals, headers merged for maps."""

from __future__ import annotations

import json
from collections.abc import Callable

from postman_kit.snippets.request import (
    EnvironmentValue,
    ResolvedHeader,
    ResolvedRequest,
    Text,
    TextPart,
    merged,
)


def opening_comment(request: ResolvedRequest, prefix: str) -> list[str]:
    """First line: which environment variables to set (or that none is needed); second: what is sent."""
    secrets = request.secrets
    if secrets:
        names = " and ".join(f"{s.name} ({_origin(s)})" for s in secrets)
        first = f"{prefix} Set {names} in the environment before running this; the snippet holds no secret."
    else:
        first = f"{prefix} No environment variable needed: this request carries no secret."
    return [first, f"{prefix} {request.method} {request.path} (from postman-kit snippet)"]


def _origin(secret: EnvironmentValue) -> str:
    return f"the value of {{{{{secret.variable}}}}}" if secret.variable else "the private key"


def string_literal(text: str) -> str:
    """A double-quoted literal that Python, JavaScript and Go all read back as exactly `text`."""
    return json.dumps(text, ensure_ascii=False).replace("\ufeff", "\\ufeff")


def expression(text: Text, environment: Callable[[str], str], empty: str = '""') -> str:
    """`text` as a string expression: literals and environment lookups joined with `+`."""
    pieces = [string_literal(p) if isinstance(p, str) else environment(p.name) for p in merged(text)]
    return " + ".join(pieces) if pieces else empty


def lines_of(text: Text) -> list[Text]:
    """`text` split after each newline, so long bodies print one source line per body line."""
    lines: list[list[TextPart]] = [[]]
    for part in text:
        if isinstance(part, EnvironmentValue):
            lines[-1].append(part)
            continue
        for piece in part.splitlines(keepends=True):
            lines[-1].append(piece)
            if piece.endswith(("\n", "\r")):
                lines.append([])
    return [tuple(line) for line in lines if line]


def credentials(request: ResolvedRequest) -> Text:
    """`username:password` of the request's basic auth (empty when it has none)."""
    basic = request.basic_auth
    return merged(basic.username + (":",) + basic.password) if basic is not None else ()


def merged_headers(headers: list[ResolvedHeader]) -> list[ResolvedHeader]:
    """Headers for a language that keeps them in a map: a repeated name is sent once, values joined by
    `, ` as HTTP allows (RFC 9110, 5.3)."""
    merged: dict[str, ResolvedHeader] = {}
    for header in headers:
        key = header.name.lower()
        if key in merged:
            previous = merged[key]
            merged[key] = ResolvedHeader(previous.name, previous.value + (", ",) + header.value)
        else:
            merged[key] = header
    return list(merged.values())
