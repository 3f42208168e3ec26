"""Resources the sandbox holds, kept in memory and written through to SQLite so they survive restarts."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from pathlib import Path
from typing import Any

from postman_kit.errors import InputError
from postman_kit.private_files import create_private_file, make_private_dir
from postman_kit.sandbox.json_limits import storable

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    PRIMARY KEY (type, id)
)
"""

log = logging.getLogger("postman_kit.sandbox")


class ResourceStore:
    """Resources by type and id, in creation order; `path=None` keeps them in memory only; `reset=True`
    empties the stored ones first (the sandbox then seeds its fixtures again)."""

    def __init__(self, path: str | Path | None = None, *, reset: bool = False) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, dict[str, dict[str, Any]]] = {}
        self._position = 0
        self._db: sqlite3.Connection | None = None
        if path is not None:
            try:
                self._open(Path(path), reset)
            except (sqlite3.Error, OSError) as exc:
                self.close()
                reason = str(getattr(exc, "strerror", None) or exc).strip().splitlines()[0]
                raise InputError(str(path), f"cannot open the sandbox's resource store: {reason}") from None

    def _open(self, path: Path, reset: bool) -> None:
        make_private_dir(path.parent)
        create_private_file(path)  # its -wal and -shm files take its mode
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL with synchronous=NORMAL survives a crash of the process, which is what a sandbox needs.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute(_SCHEMA)
        if reset:
            self._db.execute("DELETE FROM resources")
        skipped = []
        rows = self._db.execute("SELECT type, id, position, attributes FROM resources ORDER BY position")
        for type_name, resource_id, position, attributes in rows:
            self._position = max(self._position, position if isinstance(position, int) else 0)
            value = _stored_value(attributes)
            if value is None:
                # Written by an earlier version, or by hand: serving it would fail every list of its type.
                skipped.append(f"{type_name} {resource_id}")
                continue
            self._items.setdefault(str(type_name), {})[str(resource_id)] = value
        if skipped:
            log.warning(
                "%s: skipped %d stored resource(s) that cannot be served (%s)",
                path,
                len(skipped),
                ", ".join(skipped[:5]) + (", …" if len(skipped) > 5 else ""),
            )

    def get(self, type_name: str, resource_id: str) -> dict[str, Any] | None:
        return self._items.get(type_name, {}).get(resource_id)

    def all(self, type_name: str) -> list[tuple[str, dict[str, Any]]]:
        with self._lock:
            return list(self._items.get(type_name, {}).items())

    def find(self, type_name: str, attribute: str, value: Any) -> str | None:
        """The id of a resource whose `attribute` equals `value`, if any."""
        for resource_id, attributes in self.all(type_name):
            if attributes.get(attribute) == value:
                return resource_id
        return None

    def put(self, type_name: str, resource_id: str, attributes: dict[str, Any]) -> None:
        with self._lock:
            items = self._items.setdefault(type_name, {})
            if resource_id not in items:
                self._position += 1
            items[resource_id] = attributes
            if self._db is not None:
                self._db.execute(
                    "INSERT INTO resources (type, id, position, attributes) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (type, id) DO UPDATE SET attributes = excluded.attributes",
                    (type_name, resource_id, self._position, json.dumps(attributes, separators=(",", ":"))),
                )

    def delete(self, type_name: str, resource_id: str) -> bool:
        with self._lock:
            removed = self._items.get(type_name, {}).pop(resource_id, None) is not None
            if removed and self._db is not None:
                self._db.execute("DELETE FROM resources WHERE type = ? AND id = ?", (type_name, resource_id))
            return removed

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _stored_value(text: Any) -> dict[str, Any] | None:
    """A stored resource's attributes, or None when they do not read back as attributes the sandbox can serve."""
    if not isinstance(text, (str, bytes)):
        return None
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):  # RecursionError: a stored document nested past Python's limit
        return None
    return value if isinstance(value, dict) and storable(value) else None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")
