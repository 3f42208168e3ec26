"""The list of released revisions, from a text file (one a line) or a directory of specs.

Reading 21 multi-megabyte specs only to learn their revision would take seconds, so a spec's revision is read
cheaply: from its file name when that is a date (`2023-10-15.json`, `2023-01-25.pre.json`), else from a peek at
the start of the file, where `info.version` sits in practice; only the bytes up to it are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from postman_kit.diff.lifecycle import revision_key
from postman_kit.errors import InputError
from postman_kit.loader import read_local_file

SPEC_SUFFIXES = (".json", ".yaml", ".yml")
_NAME_REVISION = re.compile(r"^(\d{4}-\d{2}-\d{2}(?:\.pre)?)$")
_JSON_INFO = re.compile(rb'"info"\s*:\s*\{')
_JSON_VERSION = re.compile(rb'"version"\s*:\s*"([^"]+)"')
_YAML_INFO = re.compile(rb"^info:\s*$", re.MULTILINE)
_YAML_VERSION = re.compile(rb"^[ \t]+version:[ \t]*['\"]?([^'\"\s#]+)", re.MULTILINE)
PEEK_CHUNK = 64 * 1024
PEEK_LIMIT = 4 * 1024 * 1024


@dataclass(slots=True)
class RevisionList:
    """Known revisions, oldest first, and the spec file of each when the list came from a directory."""

    revisions: list[str] = field(default_factory=list)
    specs: dict[str, Path] = field(default_factory=dict)
    source: str | None = None

    def spec_for(self, revision: str | None) -> Path | None:
        return self.specs.get(revision) if revision else None


def peek_version(path: Path) -> str | None:
    """`info.version` read from the first bytes of a JSON or YAML spec, without parsing the whole file."""
    data = b""
    with path.open("rb") as handle:
        while len(data) < PEEK_LIMIT:
            chunk = handle.read(PEEK_CHUNK)
            if not chunk:
                break
            data += chunk
            version = _version_in(data)
            if version is not None:
                return version
    return None


def _version_in(data: bytes) -> str | None:
    info = _JSON_INFO.search(data)
    if info is not None:
        found = _JSON_VERSION.search(data, info.end())
        return found.group(1).decode("utf-8", "replace") if found else None
    info = _YAML_INFO.search(data)
    if info is not None:
        found = _YAML_VERSION.search(data, info.end())
        return found.group(1).decode("utf-8", "replace") if found else None
    return None


def spec_revision(path: Path) -> str | None:
    stem = path.name
    for suffix in SPEC_SUFFIXES:
        stem = stem.removesuffix(suffix)
    if _NAME_REVISION.match(stem):
        return stem
    return peek_version(path)


def read_revisions(source: str | Path) -> RevisionList:
    """A revisions file (one revision a line, `#` comments) or a directory of specs."""
    path = Path(source)
    if path.is_dir():
        specs: dict[str, Path] = {}
        for spec in sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(SPEC_SUFFIXES)):
            revision = spec_revision(spec)
            if revision is not None and revision_key(revision) is not None:
                specs.setdefault(revision, spec)
        if not specs:
            raise InputError(
                str(source),
                "no spec in this directory has a revision (a date YYYY-MM-DD or a version number)",
            )
        return RevisionList(revisions=_sorted(specs), specs=specs, source=str(source))
    if not path.exists():
        raise InputError(str(source), "no such file or directory")
    try:
        text = read_local_file(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(source), f"cannot read revisions: {exc}") from None
    revisions: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if revision_key(entry) is None:
            raise InputError(
                str(source),
                f"line {number}: {entry!r} is not a revision (YYYY-MM-DD[.pre] or a version number)",
            )
        revisions.append(entry)
    if not revisions:
        raise InputError(str(source), "lists no revisions")
    return RevisionList(revisions=_sorted(revisions), source=str(source))


def _sorted(revisions: Iterable[str]) -> list[str]:
    return sorted(set(revisions), key=lambda r: revision_key(r) or (2, r))
