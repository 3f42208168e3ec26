"""POSIX shell words for curl and HTTPie snippets: literals single-quoted, secrets expanded from the
environment (`"${KLAVIYO_PRIVATE_KEY:?}"` stops the command when the variable is unset)."""

from __future__ import annotations

import re

from postman_kit.snippets.request import Text, merged

_SAFE_WORD = re.compile(r"[A-Za-z0-9_@%+=:,./-]+")


def quote(text: str) -> str:
    """One shell word that expands to exactly `text` (single quotes; `'` written as `'\\''`)."""
    if _SAFE_WORD.fullmatch(text):
        return text
    return "'" + text.replace("'", "'\\''") + "'"


def word(text: Text) -> str:
    """`text` as one shell word: quoted literals next to `"${NAME:?}"` expansions."""
    pieces = [quote(p) if isinstance(p, str) else f'"${{{p.name}:?set {p.name}}}"' for p in merged(text)]
    return "".join(pieces) if pieces else "''"


def command(lines: list[str]) -> str:
    """Arguments one per line, joined with backslash continuations."""
    return " \\\n  ".join(lines)
