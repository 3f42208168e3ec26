"""Newline-delimited JSON (JSON Lines, `application/x-ndjson`): what generate writes, and validate and the sandbox
read, a document a line. A module of its own: generate needs these two names and none of conformance's weight
(importing it put conformance, routing and schema validation on every generate's path: 29 ms by
`python -X importtime`, against Train Travel's 0.115 s run)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

# Newline-delimited JSON (OpenSearch's and Elasticsearch's `_bulk` and `_msearch`, JSON Lines): one document a line
JSON_LINES_MEDIA_TYPES = frozenset(
    {"application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines",
     "application/jsonlines", "application/json-lines"}
)  # fmt: skip


def json_lines_read(text: str, parse: Callable[[str], Any] = json.loads) -> list[Any]:
    """The documents of a newline-delimited JSON text, one a line (blank lines skipped); ValueError names the
    first line that is none."""
    documents: list[Any] = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                documents.append(parse(line))
            except ValueError as exc:
                raise ValueError(f"line {number} is not one JSON document: {exc}") from None
    return documents
