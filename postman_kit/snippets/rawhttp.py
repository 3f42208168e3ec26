"""The raw HTTP/1.1 message, printed by a POSIX shell script so secrets are filled in from the environment
(an HTTP message has no way to say "read this from the environment"). Send it with
`sh request.sh | openssl s_client -quiet -connect HOST:443` (or `nc HOST 80` for plain http)."""

from __future__ import annotations

from postman_kit.errors import InputError
from postman_kit.snippets import shell
from postman_kit.snippets.code import credentials, disposition, opening_comment, split_url
from postman_kit.snippets.request import ResolvedRequest, Text, TextPart

# Fixed, so the script is the same on every run; a text-only form cannot contain it by chance unless typed.
BOUNDARY = "postman-kit-snippet-boundary-7MA4YWxkTrZu0gW"


def _body(request: ResolvedRequest) -> Text | None:
    if request.form:
        if any(part.file for part in request.form):
            raise InputError(
                None, f"{request.path}: a raw HTTP message cannot hold a file's bytes; use another --lang"
            )
        parts: list[TextPart] = []
        for part in request.form:
            typed = f"Content-Type: {part.content_type}\r\n" if part.content_type else ""
            parts += [
                f"--{BOUNDARY}\r\nContent-Disposition: {disposition(part.name)}\r\n{typed}\r\n",
                *part.value,
                "\r\n",
            ]
        return (*parts, f"--{BOUNDARY}--\r\n")
    return request.body


def render(request: ResolvedRequest) -> str:
    target = split_url(request, "raw HTTP")
    out = opening_comment(request, "#")
    out.append(
        "# Prints the HTTP/1.1 request; send it with: sh THIS_FILE | "
        + (
            f"openssl s_client -quiet -connect {target.host}:{target.port}"
            if target.scheme == "https"
            else f"nc {target.host} {target.port}"
        )
    )
    body = _body(request)
    words = [
        shell.word(line)
        for line in (
            (f"{request.method} ",) + target.target + (" HTTP/1.1",),
            (f"Host: {target.authority}",),
            *((header.name + ": ",) + header.value for header in request.headers),
        )
    ]
    if request.form:
        words.append(shell.quote(f"Content-Type: multipart/form-data; boundary={BOUNDARY}"))
    if request.basic_auth is not None:
        out.append(f"basic=$(printf '%s' {shell.word(credentials(request))} | base64 | tr -d '\\n')")
        words.append("'Authorization: Basic '\"$basic\"")
    if body is not None:
        out.append(f"body={shell.word(body)}")
        out.append("length=$(printf '%s' \"$body\" | wc -c | tr -d ' ')")
        words.append("'Content-Length: '\"$length\"")
    words += ["'Connection: close'", "''"]
    out.append(shell.command(["printf '%s\\r\\n'", *words]))
    if body is not None:
        out.append("printf '%s' \"$body\"")
    return "\n".join(out) + "\n"
