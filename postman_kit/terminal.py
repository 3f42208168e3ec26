"""Text bound for a terminal: what a spec, a collection or a path says is shown, never obeyed.

A title, revision, item name or path may hold ESC (colours, cursor moves, a cleared screen), CR (a line written
over) or LF (a made-up line): printed raw, input would steer the terminal or forge the kit's own output.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides and isolates that
# reorder what is shown ("Trojan Source").
_STEERING = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_STEERING}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` on one line with every control character escaped as Python writes it in a literal (`\\x1b`,
    `\\n`, `\\u202e`); text without one comes back unchanged (the same object)."""
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text


# What JSON encoders leave raw inside a string yet a terminal obeys: DEL, the C1 controls, the line and paragraph
# separators and the bidirectional controls (C0 controls are escaped by JSON itself)
_RAW_IN_JSON = re.compile(f"[{_STEERING}]")


def printable_json(text: str) -> str:
    """JSON text for a terminal or a CI log: each such character in its strings written as its `\\uXXXX` escape,
    the same JSON value, never a reordered line."""
    return _RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if _RAW_IN_JSON.search(text) else text


def printable_lines(text: str) -> str:
    """Multi-line text (a report, a table) with each line made :func:`printable`; its own line breaks kept."""
    return "\n".join(printable(line) for line in text.split("\n")) if has_control_character(text) else text


def has_control_character(text: str) -> bool:
    """Whether `text` holds a character :func:`printable` escapes."""
    return _UNPRINTABLE.search(text) is not None
