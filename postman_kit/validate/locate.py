"""Where a JSON pointer's value starts in a file: the line code scanning and annotations point at.

Python's json module keeps no positions, so the text is tokenized here (strings, punctuation, bare scalars)
and walked with a stack of open containers; only the lines of the pointers asked for are kept.
"""

from __future__ import annotations

import bisect
import json
import re
from pathlib import Path

from postman_kit.validate.model import Report

# Tokenizing in Python costs about as much per megabyte as all the rules together: past this size findings keep
# their item path and JSON pointer but get no line.
MAX_LOCATED_BYTES = 3_000_000
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def pointer_lines(text: str, pointers: set[str]) -> dict[str, int]:
    """1-based line of the value at each pointer in `pointers` that the JSON `text` holds."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    found: dict[str, int] = {}
    # Each open container: [pointer, is_object, key or index, expecting a key]
    stack: list[list] = []

    def value_at(offset: int) -> str:
        if not stack:
            pointer = ""
        else:
            top = stack[-1]
            part = top[2] if top[1] else str(top[2])
            pointer = top[0] + "/" + str(part).replace("~", "~0").replace("/", "~1")
        if pointer in pointers and pointer not in found:
            found[pointer] = bisect.bisect_right(newlines, offset) + 1
        return pointer

    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token in "{[":
            stack.append([value_at(match.start()), token == "{", "" if token == "{" else 0, token == "{"])
        elif token in "}]":
            stack.pop()
        elif token == ":":
            stack[-1][3] = False
        elif token == ",":
            top = stack[-1]
            if top[1]:
                top[3] = True
            else:
                top[2] += 1
        elif stack and stack[-1][1] and stack[-1][3]:
            stack[-1][2] = json.loads(token)
        else:
            value_at(match.start())
    return found


def finding_lines(report: Report) -> dict[tuple[str, str], int]:
    """(file, pointer) → line for every finding whose file can be read again from disk."""
    wanted: dict[str, set[str]] = {}
    for finding in report.findings:
        wanted.setdefault(finding.file, set()).add(finding.pointer)
    lines: dict[tuple[str, str], int] = {}
    for file, pointers in wanted.items():
        path = Path(file)
        try:
            small = path.is_file() and path.stat().st_size <= MAX_LOCATED_BYTES
            text = path.read_text(encoding="utf-8") if small else None
        except (OSError, UnicodeDecodeError):
            text = None
        if text is None:
            continue
        try:
            located = pointer_lines(text, pointers)
        except (IndexError, ValueError):
            continue  # not the JSON it was when checked: report without lines
        lines.update(((file, pointer), line) for pointer, line in located.items())
    return lines
