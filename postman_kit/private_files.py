"""Files and directories only their owner may read: the sandbox's data (keys, resources, call log).

Modes are set with chmod after creation, so the result does not depend on the umask. SQLite creates a
database's -wal, -shm and -journal files with the database file's own mode, so creating the database file
private first keeps all of them private.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from postman_kit.errors import InputError

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: str | Path) -> None:
    """Create `path` and any missing parents with mode 0700; directories that exist are left as they are."""
    path = Path(path)
    missing = []
    while not path.exists():
        missing.append(path)
        if path.parent == path:
            break
        path = path.parent
    for directory in reversed(missing):
        with contextlib.suppress(FileExistsError):  # created meanwhile by another process: theirs
            directory.mkdir(mode=PRIVATE_DIR_MODE)
            os.chmod(directory, PRIVATE_DIR_MODE)


def create_private_file(path: str | Path) -> None:
    """Create `path` empty with mode 0600, unless it exists (then it is left as it is)."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    try:
        os.fchmod(descriptor, PRIVATE_FILE_MODE)
    finally:
        os.close(descriptor)


def restrict_to_owner(path: str | Path) -> None:
    """Drop group and other permissions from an existing regular file this user owns (one written by an earlier
    version, before its data was kept private); anything else, a link above all, is left as it is."""
    try:
        status = os.lstat(path)
        if stat.S_ISREG(status.st_mode) and status.st_uid == os.geteuid() and status.st_mode & 0o077:
            os.chmod(path, status.st_mode & 0o700)
    except OSError:
        pass  # missing, or not ours to change


def refuse_unless_regular(path: str | Path) -> None:
    """Refuse a data file the kit writes that is there as something else than a regular file: a symbolic link
    (a data directory shipped with one) would have the kit write, empty or chmod whatever it points at."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(str(path), f"cannot read it: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
        raise InputError(str(path), f"is {what}; the kit keeps its data in regular files only")
