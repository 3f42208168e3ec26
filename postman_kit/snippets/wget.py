"""GNU wget (1.15 or later, for `--method` and `--body-data`), for a POSIX shell."""

from __future__ import annotations

from postman_kit.errors import InputError
from postman_kit.snippets import shell
from postman_kit.snippets.code import credentials, opening_comment
from postman_kit.snippets.request import ResolvedRequest


def render(request: ResolvedRequest) -> str:
    if request.form:
        raise InputError(None, f"{request.path}: wget cannot send a multipart form; use --lang curl")
    # --output-document=-: the answer goes to stdout instead of a file named after the URL;
    # --content-on-error: an error's body is printed too.
    args = ["wget --quiet --output-document=- --content-on-error", f"--method={request.method}"]
    for header in request.headers:
        args.append("--header=" + shell.word((header.name + ": ",) + header.value))
    if request.basic_auth is not None:
        # Built here: wget sends --user/--password only after a 401 challenge, and as Latin-1.
        pair = shell.word(credentials(request))
        args.append(f"--header=\"Authorization: Basic $(printf '%s' {pair} | base64 | tr -d '\\n')\"")
    if request.body is not None:
        args.append("--body-data=" + shell.word(request.body))
    args.append(shell.word(request.url))
    return "\n".join(opening_comment(request, "#")) + "\n" + shell.command(args) + "\n"
