"""What every language's snippet shares: the opening comment, string literals, headers merged for maps."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from postman_kit.errors import InputError
from postman_kit.snippets.request import (
    EnvironmentValue,
    FormField,
    ResolvedHeader,
    ResolvedRequest,
    Text,
    TextPart,
    merged,
)
from postman_kit.terminal import printable


def opening_comment(request: ResolvedRequest, prefix: str) -> list[str]:
    """First line: which environment variables to set (or that none is needed); second: what is sent."""
    secrets = request.secrets
    if secrets:
        names = " and ".join(f"{s.name} ({_origin(s)})" for s in secrets)
        first = f"{prefix} Set {names} in the environment before running this; the snippet holds no secret."
    else:
        first = f"{prefix} No environment variable needed: this request carries no secret."
    # A line break in a folder's or request's name (or a separator a language reads as one) would end the
    # comment, and what follows would run as code: every control character is written escaped, and so is what
    # a language reads as the end of a line comment (see comment_safe).
    return [
        comment_safe(printable(first)),
        comment_safe(printable(f"{prefix} {request.method} {request.path} (from postman-kit snippet)")),
    ]


def comment_safe(text: str) -> str:
    """`text` that ends no line comment in any language a snippet is written in: PHP ends one at `?>` (what
    follows is output, and a `<?php` after it runs); javac reads `\\u000a` as a line break before it reads
    comments, unless the backslash is itself escaped: every backslash is doubled, so none starts an escape."""
    return text.replace("\\", "\\\\").replace("?>", "? >")


def _origin(secret: EnvironmentValue) -> str:
    # Named without braces: a snippet holds no `{{`, so none can be mistaken for an unresolved variable.
    if secret.variable:
        return f"the Postman variable {secret.variable}"
    return f"the {secret.literal} the request holds" if secret.literal else "the private key"


def string_literal(text: str) -> str:
    """A double-quoted literal that Python, JavaScript and Go all read back as exactly `text`."""
    return json.dumps(text, ensure_ascii=False).replace("\ufeff", "\\ufeff")


def expression(
    text: Text,
    environment: Callable[[str], str],
    empty: str = '""',
    literal: Callable[[str], str] = string_literal,
    join: str = " + ",
) -> str:
    """`text` as a string expression: literals and environment lookups joined with `+` (or `join`)."""
    pieces = [literal(p) if isinstance(p, str) else environment(p.name) for p in merged(text)]
    return join.join(pieces) if pieces else empty


def ascii_literal(text: str) -> str:
    """A double-quoted literal with every non-ASCII character as `\\uXXXX` (UTF-16), which Java and C# read back
    exactly whatever encoding the compiler assumes for the source file."""
    return json.dumps(text, ensure_ascii=True)


def single_quoted(text: str, quote_escape: str = "\\'", backslash: str = "\\\\") -> str:
    """A single-quoted literal for languages where only `'` and `\\` are special inside (PHP, Ruby); PowerShell
    passes `quote_escape="''"` and `backslash="\\"` (a backslash is literal there)."""
    return "'" + text.replace("\\", backslash).replace("'", quote_escape) + "'"


def bracket_free(text: Text) -> Text:
    """`text` (a URL) with `[` and `]` after the host percent-encoded: Java's URI and Ruby's URI reject them,
    and the server decodes both forms to the same bytes."""
    out: list[TextPart] = []
    for index, part in enumerate(text):
        if isinstance(part, str):
            head, tail = "", part
            if index == 0 and "://" in part:
                scheme, _, rest = part.partition("://")
                authority, slash, path = rest.partition("/")
                head, tail = f"{scheme}://{authority}{slash}", path
            part = head + tail.replace("[", "%5B").replace("]", "%5D")
        out.append(part)
    return tuple(out)


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


def concatenated(text: Text, quote: Callable[[Text], str], indent: str, end: str) -> list[str]:
    """`text` as source lines of quoted literals joined with ` +` (JavaScript, Java, C#, Go, PowerShell), one
    per body line, the last ending with `end`."""
    literals = [quote(line) for line in lines_of(text)]
    return [
        f"{indent}{literal}" + (" +" if i < len(literals) - 1 else end) for i, literal in enumerate(literals)
    ]


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


@dataclass(frozen=True)
class Target:
    """A URL split for clients that take the host and the request target apart (http.client, Node's http)."""

    scheme: str
    host: str
    port: int
    target: Text  # path and query, as sent on the request line

    @property
    def authority(self) -> str:
        """The `Host` header: the port only when it is not the scheme's default."""
        default = 443 if self.scheme == "https" else 80
        return self.host if self.port == default else f"{self.host}:{self.port}"


def split_url(request: ResolvedRequest, language: str) -> Target:
    """The request's URL as scheme, host, port and target; the origin must be literal (it is, unless a secret
    variable names the host)."""
    url = request.url
    head = url[0] if url and isinstance(url[0], str) else ""
    scheme, _, rest = head.partition("://")
    origin, slash, path = rest.partition("/")
    if not slash and len(url) > 1 or scheme.lower() not in ("http", "https"):
        raise InputError(
            None,
            f"{request.path}: the {language} snippet needs a literal http(s) origin in the "
            f"URL, not one read from the environment",
        )
    try:
        parsed = urlsplit(f"{scheme}://{origin}")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
    except ValueError as exc:  # `http://h:abc/`, a port past 65535, `http://[x/`
        raise InputError(None, f"{request.path}: the URL's host or port cannot be sent: {exc}") from None
    host = parsed.hostname or ""
    host = f"[{host}]" if ":" in host else host
    query_first = "?" in origin  # `https://host?x=1`: the target is `/?x=1`
    if query_first:
        origin, _, query = origin.partition("?")
        return Target(parsed.scheme, host, port, merged(("/?" + query,) + tuple(url[1:])))
    return Target(parsed.scheme, host, port, merged(("/" + path,) + tuple(url[1:])))


def disposition(name: str, filename: str | None = None) -> str:
    """A multipart part's `Content-Disposition` value, quoting as browsers do (`"` → %22, CR/LF escaped)."""

    def quoted(text: str) -> str:
        return '"' + text.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A") + '"'

    value = f"form-data; name={quoted(name)}"
    return value + f"; filename={quoted(filename)}" if filename is not None else value


def warn_untyped_text_parts(request: ResolvedRequest, tool: str, *, files_too: bool = False) -> None:
    """Say which text parts (and, with `files_too`, file parts) go without the Content-Type their entry sets,
    where `tool` has no way to type them (Postman sends the type)."""
    for part in request.form or []:
        if part.content_type and (part.file is None or files_too):
            request.warnings.append(
                f"form field {part.name!r} is sent without its content type {part.content_type}: {tool} types "
                + ("no part" if files_too else "only file parts")
            )


def part_head(part: FormField) -> str:
    """The header lines of one multipart part, through the blank line, for languages that build the body."""
    head = f"Content-Disposition: {disposition(part.name, part.filename if part.file else None)}\r\n"
    if part.content_type is not None:
        head += f"Content-Type: {part.content_type}\r\n"
    elif part.file is not None:
        head += "Content-Type: application/octet-stream\r\n"
    return head + "\r\n"
