"""Resources the sandbox holds, kept in memory and written through to SQLite so they survive restarts."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    attributes TEXT NOT NULL,
    PRIMARY KEY (type, id)
)
"""


class ResourceStore:
    """Resources by type and id, in creation order; `path=None` keeps them in memory only."""

    def __init__(self, path: str | Path | None = None) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, dict[str, dict[str, Any]]] = {}
        self._position = 0
        self._db: sqlite3.Connection | None = None
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            # WAL with synchronous=NORMAL survives a crash of the process, which is what a sandbox needs.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(_SCHEMA)
            rows = self._db.execute("SELECT type, id, position, attributes FROM resources ORDER BY position")
            for type_name, resource_id, position, attributes in rows:
                self._items.setdefault(type_name, {})[resource_id] = json.loads(attributes)
                self._position = max(self._position, position)

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
