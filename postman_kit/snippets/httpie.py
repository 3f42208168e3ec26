"""HTTPie (`http`), for a POSIX shell."""

from __future__ import annotations

from postman_kit.errors import InputError
from postman_kit.snippets import shell
from postman_kit.snippets.code import credentials, opening_comment, warn_untyped_text_parts
from postman_kit.snippets.request import ResolvedRequest, Text

# Characters HTTPie reads as item separators (`:` header, `==` query, `=` / `:=` data, `@` file, `;` empty).
_SEPARATOR_CHARACTERS = ":;=@"


def render(request: ResolvedRequest) -> str:
    # --ignore-stdin: without it HTTPie reads a piped or redirected stdin as the body.
    # Options go before METHOD: HTTPie reads the rest as positional URL and items.
    options = "--ignore-stdin --multipart" if request.form else "--ignore-stdin"
    args = [f"http {options} {request.method}", shell.word(request.url)]
    for header in request.headers:
        if header.value:
            args.append(shell.word((_escaped(header.name) + ":",) + _escaped_text(header.value, header.name)))
        else:  # `Name;` sends a header with an empty value (`Name:` would remove it)
            args.append(shell.word((_escaped(header.name) + ";",)))
    if request.basic_auth is not None:
        args.append("--auth " + shell.word(credentials(request)))
    warn_untyped_text_parts(request, "HTTPie")
    for part in request.form or []:
        if part.file is None:
            args.append(shell.word((_escaped(part.name) + "=",) + _escaped_text(part.value, part.name)))
        else:
            typed = f";type={part.content_type}" if part.content_type else ""
            args.append(shell.word((_escaped(part.name) + "@" + _escaped(part.file) + typed,)))
    if request.body is not None:
        args.append("--raw " + shell.word(request.body))
    return "\n".join(opening_comment(request, "#")) + "\n" + shell.command(args) + "\n"


def _escaped(text: str) -> str:
    """A backslash before each separator character makes HTTPie take it literally."""
    return "".join("\\" + c if c in _SEPARATOR_CHARACTERS else c for c in text)


def _escaped_text(text: Text, header: str) -> Text:
    literals = [p for p in text if isinstance(p, str)]
    for literal in literals:
        for index, char in enumerate(literal[:-1]):
            if char == "\\" and literal[index + 1] in _SEPARATOR_CHARACTERS:
                # HTTPie has no escape for a backslash itself, so this value cannot be written exactly.
                raise InputError(
                    None,
                    f"header {header!r}: HTTPie cannot send a backslash followed by "
                    f"{literal[index + 1]!r}; use another --lang",
                )
    return tuple(_escaped(p) if isinstance(p, str) else p for p in text)
