"""Time periods as users write them: `7d`, `24h`, `90m`, `2w`, or a date / datetime (UTC)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from postman_kit.errors import InputError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


# The widest period the kit reads: from the epoch to the end of year 9999 (what dates and SQLite's integers hold).
# A duration or date past it is read as all of it: `--since 99999999999w` is every call, not a traceback.
LATEST_INSTANT = 253_402_300_799.0


def parse_duration(text: str, option: str = "--since") -> float:
    """`7d` → seconds."""
    match = _DURATION.match(text)
    if not match:
        raise InputError(option, f"expected a duration such as 30m, 24h, 7d or 2w, got {text!r}")
    return min(float(match.group(1)) * _SECONDS[match.group(2).lower()], LATEST_INSTANT)


def start_of_today(now: float, timezone: str | None = None) -> float:
    """Midnight of `now`'s day in `timezone` (an IANA name; the machine's local zone when None)."""
    if timezone:
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(
                "--timezone", f"unknown time zone {timezone!r}; use an IANA name such as Europe/Paris or UTC"
            ) from None
        moment = datetime.fromtimestamp(now, zone)
    else:
        moment = datetime.fromtimestamp(now).astimezone()
    return moment.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()


def parse_instant(text: str, now: float, option: str = "--since", timezone: str | None = None) -> float:
    """`today` (from midnight in `timezone`), a duration back from `now`, or an ISO date/datetime (UTC unless
    it says otherwise)."""
    if text.strip().lower() == "today":
        return start_of_today(now, timezone)
    if _DURATION.match(text):
        return max(now - parse_duration(text, option), 0.0)
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            option, f"expected a duration such as 7d or a date such as 2026-07-15, got {text!r}"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return min(max(moment.timestamp(), 0.0), LATEST_INSTANT)
    except (OverflowError, ValueError):  # `0001-01-01T00:00:00-14:00` is before year 1 in UTC
        return 0.0


def format_instant(timestamp: float) -> str:
    """The instant in UTC, one of those the kit reads (a stored time past year 9999 shows as its end)."""
    moment = min(max(timestamp, 0.0), LATEST_INSTANT) if timestamp == timestamp else 0.0  # NaN: the epoch
    return datetime.fromtimestamp(moment, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
