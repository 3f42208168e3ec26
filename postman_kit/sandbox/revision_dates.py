"""The `revision` header, resolved as the real API does: the latest revision released on or before the date."""

from __future__ import annotations

import re
from datetime import date

_REVISION = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(\.[a-z]+)?$")


class RevisionError(ValueError):
    """The request's revision cannot be served; the message says which one can."""


def parse_revision(text: str) -> tuple[date, str]:
    match = _REVISION.match(text.strip())
    if not match:
        raise RevisionError(f"Invalid revision {text!r}; expected YYYY-MM-DD or YYYY-MM-DD.pre")
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        raise RevisionError(f"Invalid revision {text!r}: no such date") from None
    return day, match.group(4) or ""


def resolve_revision(requested: str | None, served: str) -> str:
    """The revision that answers `requested` when this server holds only `served`."""
    if not requested:
        raise RevisionError(f"A `revision` header is required (this sandbox serves {served})")
    day, suffix = parse_revision(requested)
    served_day, served_suffix = parse_revision(served)
    if suffix != served_suffix:
        kind = "beta" if served_suffix else "stable"
        raise RevisionError(
            f"Revision {requested} is not available; this sandbox serves the {kind} revision {served}"
        )
    if day < served_day:
        raise RevisionError(
            f"Revision {requested} is not available; this sandbox serves {served}, released after {requested}"
        )
    return served
