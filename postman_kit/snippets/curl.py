"""curl, for a POSIX shell."""

from __future__ import annotations

from postman_kit.snippets import shell
from postman_kit.snippets.code import credentials, opening_comment
from postman_kit.snippets.request import ResolvedRequest


def render(request: ResolvedRequest) -> str:
    # --globoff: Postman URLs carry `[` `]` (`fields[profile]`) that curl would otherwise read as a glob.
    args = ["curl --globoff", f"--request {request.method}", f"--url {shell.word(request.url)}"]
    for header in request.headers:
        if header.value:
            args.append("--header " + shell.word((header.name + ": ",) + header.value))
        else:  # `Name;` is how curl sends a header with an empty value
            args.append("--header " + shell.word((header.name + ";",)))
    if request.basic_auth is not None:  # curl builds `Authorization: Basic ...` from the credentials
        args.append("--user " + shell.word(credentials(request)))
    for part in request.form or []:
        if part.file is None:  # --form-string: the value is never read as @file or <file
            args.append("--form-string " + shell.word((part.name + "=",) + part.value))
        else:
            path = part.file.replace("\\", "\\\\").replace('"', '\\"')
            args.append("--form " + shell.word((f'{part.name}=@"{path}"',)))
    if request.body is not None:
        # --data-raw sends the text as given: `@` is not a file name, newlines are kept.
        args.append("--data-raw " + shell.word(request.body))
    return "\n".join(opening_comment(request, "#")) + "\n" + shell.command(args) + "\n"
