"""Where a JSON pointer's value starts in a file: the line and column code scanning and annotations point at.

Python's json module keeps no positions, and json-source-map (the one library for this) maps every value in
Python and has not been released since 2022. Here only the containers on the way to the pointers asked for
are walked; every other value is skipped by the json module's C scanner (`raw_decode`), so locating a few
findings in a 7 MB collection takes a fraction of a second. A pointer the file does not hold (a description a
request lacks) is placed at its nearest ancestor that it does.
"""

from __future__ import annotations

import json
import re
from json.decoder import scanstring  # type: ignore[attr-defined]  # public, but not in typeshed
from pathlib import Path

from postman_kit.validate.model import Report

MAX_LOCATED_BYTES = 50_000_000
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()

Position = tuple[int, int]  # 1-based line and column (in characters)


class _AllFound(Exception):
    pass


def pointer_positions(text: str, pointers: set[str]) -> dict[str, Position]:
    """(line, column) of the value at each pointer of `pointers` that the JSON `text` holds; ValueError when
    the text is not JSON."""
    on_the_way = {ancestor for pointer in pointers for ancestor in _ancestors(pointer)}
    offsets: dict[str, int] = {}

    def skip(index: int) -> int:
        blank = _WHITESPACE.match(text, index)  # always matches: the pattern may match nothing
        return blank.end() if blank else index

    def walk(index: int, pointer: str) -> int:
        """Read the value starting at `index`; returns the index after it."""
        if pointer in pointers:
            offsets[pointer] = index
            if len(offsets) == len(pointers):
                raise _AllFound
        opening = text[index]
        if opening not in "{[" or pointer not in on_the_way:
            return _DECODER.raw_decode(text, index)[1]
        closing = "}" if opening == "{" else "]"
        index = skip(index + 1)
        if text[index] == closing:
            return index + 1
        position = 0
        while True:
            if opening == "{":
                if text[index] != '"':
                    raise ValueError(f"expected a key at {index}")
                key, index = scanstring(text, index + 1)
                index = skip(index)
                if text[index] != ":":
                    raise ValueError(f"expected ':' at {index}")
                index = skip(index + 1)
                part = key.replace("~", "~0").replace("/", "~1")
            else:
                part = str(position)
            index = skip(walk(index, f"{pointer}/{part}"))
            position += 1
            if text[index] == ",":
                index = skip(index + 1)
            elif text[index] == closing:
                return index + 1
            else:
                raise ValueError(f"expected ',' or {closing!r} at {index}")

    try:
        walk(skip(0), "")
    except _AllFound:
        pass
    except IndexError:
        raise ValueError("the JSON ends early") from None
    return _lines_and_columns(text, offsets)


def _lines_and_columns(text: str, offsets: dict[str, int]) -> dict[str, Position]:
    """Each offset's line and column, the text read once in order of offset: counting the lines before each
    from the start took 30,000 findings past two minutes (a 6 MB collection's SARIF report)."""
    positions: dict[str, Position] = {}
    line, counted_to = 1, 0
    for pointer, offset in sorted(offsets.items(), key=lambda entry: entry[1]):
        line += text.count("\n", counted_to, offset)
        counted_to = offset
        positions[pointer] = line, offset - text.rfind("\n", 0, offset)
    return positions


def locate(text: str, pointers: set[str]) -> dict[str, Position]:
    """Every pointer's position, or its nearest ancestor's when the text does not hold it."""
    wanted = {ancestor for pointer in pointers for ancestor in _ancestors(pointer)}
    found = pointer_positions(text, wanted)
    located: dict[str, Position] = {}
    for pointer in pointers:
        place = next((found[a] for a in _ancestors(pointer) if a in found), None)
        if place is not None:
            located[pointer] = place
    return located


def finding_positions(report: Report) -> dict[tuple[str, str], Position]:
    """(file, pointer) → (line, column) for every finding, in the text as validate read it (or, for a report
    made from parsed JSON, the file read again from disk)."""
    wanted: dict[str, set[str]] = {}
    positions: dict[tuple[str, str], Position] = {}
    for finding in report.findings:
        if finding.line is not None:  # placed where it was read (a v3 collection's YAML file)
            positions[(finding.file, finding.pointer)] = (finding.line, 1)
        else:
            wanted.setdefault(finding.file, set()).add(finding.pointer)
    for file, pointers in wanted.items():
        text = report.sources.get(file)
        if text is None:
            text = _read(Path(file))
        if text is None or len(text) > MAX_LOCATED_BYTES:
            continue
        try:
            located = locate(text, pointers)
        except (IndexError, ValueError, RecursionError):
            continue  # not the JSON it was when checked: report without lines
        positions.update(((file, pointer), place) for pointer, place in located.items())
    return positions


def _ancestors(pointer: str) -> list[str]:
    """`/item/0/request` → [`/item/0/request`, `/item/0`, `/item`, ``]: the pointer first, the root last."""
    parts = pointer.split("/")
    return ["/".join(parts[:end]) for end in range(len(parts), 0, -1)]


def _read(path: Path) -> str | None:
    try:
        if not path.is_file() or path.stat().st_size > MAX_LOCATED_BYTES:
            return None
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
