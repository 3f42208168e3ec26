"""Secrets are never printed in full: `pk_…1234`."""

from __future__ import annotations

import re

PRIVATE_KEY = re.compile(r"\bpk_[A-Za-z0-9]{20,}")
BEARER = re.compile(r"\bBearer\s+([A-Za-z0-9._~+/=-]{20,})")


def truncate_key(key: str | None) -> str:
    """`pk_0123…abcd` → `pk_…abcd`; anything short shows only its last 4 characters."""
    if not key:
        return ""
    key = key.strip()
    prefix = key[:3] if key.startswith(("pk_", "sk_")) else ""
    tail = key[-4:] if len(key) > 8 else ""
    return f"{prefix}…{tail}"


def redact(text: str) -> str:
    """Replace every private key or bearer token in `text` with its truncated form."""
    text = PRIVATE_KEY.sub(lambda m: truncate_key(m.group(0)), text)
    return BEARER.sub(lambda m: "Bearer " + truncate_key(m.group(1)), text)
