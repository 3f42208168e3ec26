"""curl, for a POSIX shell."""

from __future__ import annotations

from postman_kit.snippets import shell
from postman_kit.snippets.code import credentials, opening_comment
from postman_kit.snippets.request import ResolvedRequest


def render(request: ResolvedRequest) -> str:
    # --globoff: Postman URLs carry `[` `]` (`fields[profile]`) that curl would otherwise read as a glob.
    # --head for HEAD: `--request HEAD` waits for a body that never comes. --location follows redirects as
    # Postman (and its own curl code) does.
    method = "--head" if request.method == "HEAD" else f"--request {request.method}"
    args = ["curl --globoff", method, *(["--location"] if request.follow_redirects else [])]
    args.append(f"--url {shell.word(request.url)}")
    for header in request.headers:
        if header.value:
            args.append("--header " + shell.word((header.name + ": ",) + header.value))
        else:  # `Name;` is how curl sends a header with an empty value
            args.append("--header " + shell.word((header.name + ";",)))
    if request.basic_auth is not None:  # curl builds `Authorization: Basic ...` from the credentials
        args.append("--user " + shell.word(credentials(request)))
    for part in request.form or []:
        typed = f";type={part.content_type}" if part.content_type else ""
        if part.file is None and typed and all(isinstance(piece, str) for piece in part.value):
            # A typed text part: a double-quoted value is never read as @file or <file, and `;type=` follows it
            text = "".join(piece for piece in part.value if isinstance(piece, str))
            args.append("--form " + shell.word((f'{part.name}="{_curl_quoted(text)}"{typed}',)))
        elif part.file is None:  # --form-string: the value is never read as @file or <file
            if typed:
                request.warnings.append(
                    f"form field {part.name!r} is sent without its content type {part.content_type}: curl can "
                    "type a part only when its value is written out, not read from the environment"
                )
            args.append("--form-string " + shell.word((part.name + "=",) + part.value))
        else:
            args.append("--form " + shell.word((f'{part.name}=@"{_curl_quoted(part.file)}"{typed}',)))
    if request.body is not None:
        # --data-raw sends the text as given: `@` is not a file name, newlines are kept.
        args.append("--data-raw " + shell.word(request.body))
    return "\n".join(opening_comment(request, "#")) + "\n" + shell.command(args) + "\n"


def _curl_quoted(text: str) -> str:
    """`text` inside a double-quoted `--form` value, as curl reads one back."""
    return text.replace("\\", "\\\\").replace('"', '\\"')
