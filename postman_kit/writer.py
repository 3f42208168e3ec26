"""Deterministic, atomic output: fixed key order and formatting, temp file then rename."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

import orjson

from postman_kit.errors import InputError
from postman_kit.loader import MAX_FILE_BYTES, is_url
from postman_kit.secrets import redact, redact_bytes
from postman_kit.terminal import printable, printable_json

# The collection formats `generate` and `upgrade` write: three v2.1 JSON files, or Postman v12's v3 git layout
# (postman_kit.collection_v3, imported only when asked for).
COLLECTION_FORMATS = ("v2.1", "v3")


def dumps(value: Any) -> bytes:
    """JSON with 2-space indentation and a final newline; key order as built, never random.

    What orjson refuses (an integer beyond 64 bits a user's collection holds) is written by the standard
    library in the same layout.
    """
    try:
        return orjson.dumps(
            value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
        )  # not `+ b"\n"`: a copy
    except (orjson.JSONEncodeError, TypeError):
        return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode()


def printed_json(value: Any) -> str:
    """`value` as :func:`dumps` writes it, for a terminal or a CI log: every credential truncated, and the
    characters that would steer a terminal escaped (the same JSON value)."""
    return printable_json(redact(dumps(value).decode()))


def collection_dumps(value: Any) -> bytes:
    """A collection file as :func:`dumps` writes it, or on one line when indented it would be more than the kit
    reads (MAX_FILE_BYTES): a big fork's upgrade (76 MB indented, 41 MB on one line) stays one the kit can
    upgrade and validate again, and Postman imports either."""
    data = dumps(value)
    return data if len(data) <= MAX_FILE_BYTES else (compact_json_text(value) + "\n").encode()


def json_text(value: Any) -> str:
    """A body as Postman shows it: JSON indented by 2 spaces, non-ASCII kept as is.

    orjson is an order of magnitude faster than `json.dumps` on large example bodies; values it refuses
    (integers beyond 64 bits, non-string keys from YAML) fall back to the standard library.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, indent=2, ensure_ascii=False)


def compact_json_text(value: Any) -> str:
    """`value` as one line of JSON, non-ASCII kept; integers beyond 64 bits, which orjson refuses, through the
    standard library (a user's file may hold any number)."""
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def input_paths(*sources: str | Path | None) -> set[Path]:
    """The local files among a command's inputs (paths, `-`, URLs, None), for `protect=`: the kit never writes
    over any of them."""
    return {Path(s) for s in sources if s and str(s) != "-" and not is_url(str(s))}


def output_file(out_dir: Path, name: str) -> Path:
    """`out_dir / name` for a file name the kit made (from slugs): one plain name, never a way out of out_dir."""
    if not _PLAIN_NAME.fullmatch(name) or ".." in name:
        raise InputError(str(out_dir), f"refusing the output file name '{printable(name)}'")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), "is not a directory; give a directory for the output files")
    return out_dir / name


_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}")


def write_output(target: str | Path, data: bytes, protect: set[Path] | None = None) -> None:
    """`data` to stdout when `target` is `-`, else to the file `target` through :func:`write_atomic`."""
    if str(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomic(Path(target), data, protect)


def write_atomic(path: Path, data: bytes, protect: set[Path] | None = None) -> None:
    """Write `data` to `path` through a temp file in the same directory, then rename.

    A path in `protect` (the user's input files) is never overwritten, be it named another way or a hard link
    to one. Only a regular file or a new path is replaced: a symlink, FIFO, device, socket or directory there is
    refused, never swapped for a file (as root, `-o /dev/stdout` would replace the system's).
    """
    _write_all({Path(path): data}, protect)


def _write_all(payloads: dict[Path, bytes], protect: set[Path] | None) -> None:
    """Every file written to a temp file beside it first, then all renamed: a full disk or a file size limit
    on any of them leaves none written (and no temp file behind)."""
    inputs = _Inputs(protect or set())
    for path in payloads:
        inputs.refuse(path)
        _refuse_special_file(path)
    temps: dict[Path, str] = {}
    try:
        for path, data in payloads.items():
            temps[path] = _write_temp(path, data)
        for path, tmp in temps.items():
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp in temps.values():
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if isinstance(
            exc, OSError
        ):  # a full disk, a file size limit, a directory in the way: nothing written
            failed = next((path for path in payloads if path not in temps), next(iter(payloads)))
            raise InputError(str(failed), f"cannot write output: {exc.strerror or exc}") from None
        raise


def _write_temp(path: Path, data: bytes) -> str:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(path)
    except OSError as exc:
        raise InputError(str(path.parent), f"cannot write output: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


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
    """Serialize every file, then write them all or none (:func:`_write_all` checks each path first)."""
    payloads = {Path(path): redact_bytes(collection_dumps(value)) for path, value in files.items()}
    _write_all(payloads, protect)
    return list(files)


_SPECIAL_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def output_mode(path: Path) -> int | None:
    """The file mode of an output path itself (a symlink's own, not its target's); None when nothing is there."""
    try:
        return os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(str(path), f"cannot write output: {exc.strerror or exc}") from None


def _refuse_special_file(path: Path) -> None:
    """Refuse to replace anything but a regular file (the path itself, not what a symlink points to)."""
    mode = output_mode(path)
    if mode is None or stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _SPECIAL_KINDS if test(mode)), "not a regular file")
    raise InputError(str(path), f"is {kind}; refusing to replace it (give a regular file or a new path)")


class _Inputs:
    """The files an output must not be: each input by its resolved path and by its (device, inode), worked out
    once, not again for each output (a v3 layout of Lob's 494 spec files wrote 1,500 files and took 28 s)."""

    def __init__(self, protect: set[Path]) -> None:
        self.paths = {resolved for path in protect if (resolved := _resolved(path)) is not None}
        self.identities = {identity for path in protect if (identity := _identity(path)) is not None}

    def refuse(self, path: Path) -> None:
        if not self.paths and not self.identities:
            return
        if _resolved(path) in self.paths or _identity(path) in self.identities:  # None is in neither
            raise InputError(str(path), "refusing to overwrite an input file")


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file `path` names, through symlinks: equal for hard links and other spellings."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _resolved(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None
