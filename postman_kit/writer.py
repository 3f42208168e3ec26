"""Deterministic, atomic output: fixed key order and formatting, temp file then rename."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import orjson

from postman_kit.errors import InputError
from postman_kit.secrets import redact_bytes


def dumps(value: Any) -> bytes:
    """JSON with 2-space indentation and a final newline; key order as built, never random."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)  # not `+ b"\n"`: a copy


def dumps_at(value: Any, indent: int) -> bytes:
    """`value` as :func:`dumps` writes it where it stands `indent` spaces deep inside a larger document, without
    the final newline: the text for an `orjson.Fragment` there. JSON text holds no raw newline inside a string,
    so every newline starts a line, which moves right by `indent`."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2).replace(b"\n", b"\n" + b" " * indent)


def json_text(value: Any) -> str:
    """A body as Postman shows it: JSON indented by 2 spaces, non-ASCII kept as is.

    orjson is an order of magnitude faster than `json.dumps` on large example bodies; values it refuses
    (integers beyond 64 bits, non-string keys from YAML) fall back to the standard library.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, indent=2, ensure_ascii=False)


def write_atomic(path: Path, data: bytes, protect: set[Path] | None = None) -> None:
    """Write `data` to `path` through a temp file in the same directory, then rename.

    A path in `protect` (the user's input files) is never overwritten.
    """
    path = Path(path)
    _refuse_input_file(path, protect)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(path)
    except OSError as exc:
        raise InputError(str(path.parent), f"cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _create_temp(path: Path) -> tuple[int, str]:
    """A new file beside `path` under a random name: O_EXCL refuses a name that exists (a symlink included).
    Its mode is what a plain `open` gives (0666 less the umask). `tempfile` would need a chmod after it and
    costs `generate` more to import than the writing itself."""
    for _ in range(100):
        tmp = str(path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_json_files(files: dict[Path, Any], protect: set[Path] | None = None) -> list[Path]:
    """Serialize and check every file first, then write them all: bad input leaves no partial output."""
    for path in files:
        _refuse_input_file(Path(path), protect)
    payloads = {path: redact_bytes(dumps(value)) for path, value in files.items()}
    for path, data in payloads.items():
        write_atomic(path, data, protect)
    return list(payloads)


def _refuse_input_file(path: Path, protect: set[Path] | None) -> None:
    if protect and any(_same_file(path, other) for other in protect):
        raise InputError(str(path), "refusing to overwrite an input file")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
