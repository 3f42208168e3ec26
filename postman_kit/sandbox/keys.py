"""Who may call the sandbox: private keys with names and scopes, and the public keys (company ids).

Keys file (JSON or YAML)::

    keys:
      pk_0123...: {name: CI, scopes: [profiles:read, events:write]}   # no scopes, or ["*"]: full access
    company_ids:
      AbC123: {name: Storefront}

Without a keys file the sandbox creates one in its data directory with a full-access test key, so the key
survives restarts and is never printed in full.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import string
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postman_kit.errors import InputError
from postman_kit.loader import parse_text, read_source
from postman_kit.secrets import truncate_key

FULL_ACCESS = "*"
DEFAULT_KEYS_FILE = "keys.json"
_ALNUM = string.ascii_letters + string.digits


@dataclass(frozen=True)
class ApiKey:
    secret: str
    name: str
    scopes: frozenset[str] = frozenset({FULL_ACCESS})

    def missing_scopes(self, required: list[str]) -> list[str]:
        """Scopes an operation needs that this key lacks; a `:write` scope also grants `:read`."""
        if FULL_ACCESS in self.scopes:
            return []
        granted = set(self.scopes) | {
            s.rsplit(":", 1)[0] + ":read" for s in self.scopes if s.endswith(":write")
        }
        return [scope for scope in required if scope not in granted]

    @property
    def truncated(self) -> str:
        return truncate_key(self.secret)


@dataclass
class KeyRing:
    private: dict[str, ApiKey] = field(default_factory=dict)
    company_ids: dict[str, str] = field(default_factory=dict)  # public key → name

    def key(self, secret: str) -> ApiKey | None:
        return self.private.get(secret)

    def company(self, company_id: str) -> str | None:
        return self.company_ids.get(company_id)


def new_private_key() -> str:
    """`pk_` and 34 hex characters, the shape of a real private key."""
    return "pk_" + secrets.token_hex(17)


def new_company_id() -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(6))


def keys_from_data(data: Any, source: str) -> KeyRing:
    if not isinstance(data, dict):
        raise InputError(source, "a keys file is a mapping with `keys` (and optionally `company_ids`)")
    ring = KeyRing()
    raw_keys = data.get("keys") or {}
    if not isinstance(raw_keys, dict):
        raise InputError(source, "`keys` must map each private key to {name, scopes}")
    for secret, spec in raw_keys.items():
        spec = spec if isinstance(spec, dict) else {}
        scopes = spec.get("scopes")
        if scopes is None:
            scopes = [FULL_ACCESS]
        if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
            raise InputError(source, f"key {truncate_key(str(secret))}: `scopes` must be a list of strings")
        name = spec.get("name")
        if name is not None and not isinstance(name, str | int | float):
            raise InputError(source, f"key {truncate_key(str(secret))}: `name` must be text")
        ring.private[str(secret)] = ApiKey(
            str(secret), str(name or truncate_key(str(secret))), frozenset(scopes)
        )
    raw_companies = data.get("company_ids") or {}
    if isinstance(raw_companies, list):
        raw_companies = {str(c): {} for c in raw_companies}
    if not isinstance(raw_companies, dict):
        raise InputError(source, "`company_ids` must be a list or a mapping of public keys to {name}")
    for company_id, spec in raw_companies.items():
        name = spec.get("name") if isinstance(spec, dict) else None
        if name is not None and not isinstance(name, str | int | float):
            raise InputError(source, f"company id {company_id}: `name` must be text")
        ring.company_ids[str(company_id)] = str(name or "client")
    if not ring.private and not ring.company_ids:
        raise InputError(source, "no keys: add at least one private key under `keys`")
    return ring


def load_keys(path: str | Path) -> KeyRing:
    """A keys file read as every other input is: a regular file, bounded in size, nesting and YAML aliases."""
    source = str(path)
    raw, _, _ = read_source(source)
    return keys_from_data(parse_text(raw, source), source)


def default_keys(data_dir: str | Path) -> tuple[KeyRing, Path]:
    """The data directory's keys file, created with a fresh full-access test key on first use."""
    path = Path(data_dir) / DEFAULT_KEYS_FILE
    if path.is_symlink() or (os.path.lexists(path) and not path.is_file()):
        # a symlink or other non-regular file is neither read nor replaced: a cloned repository could ship one
        # pointing at a file of the user's
        raise InputError(str(path), "is not a regular file; the sandbox keeps its keys only in one it made")
    if not path.exists():
        data = {
            "keys": {new_private_key(): {"name": "test key", "scopes": [FULL_ACCESS]}},
            "company_ids": {new_company_id(): {"name": "client"}},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        # The file holds a secret: readable by its owner only. A fresh name of its own (O_EXCL), so nothing
        # already in the directory, a symlink above all, is written through.
        fd, temp = tempfile.mkstemp(prefix=".keys-", suffix=".tmp", dir=path.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    return load_keys(path), path
