"""Klaviyo's revision lifecycle: stable for a year after release, deprecated the next year, then retired.

Pure: the caller passes `today` (the CLI reads the clock, or `--today` pins it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_REVISION_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
STABLE_YEARS = 1
RETIRED_YEARS = 2


@dataclass(slots=True, frozen=True)
class Lifecycle:
    """Where a revision stands in Klaviyo's policy: stable a year, deprecated a year, then retired."""

    revision: str
    release: date
    effective_revision: str  # the released revision that serves `revision` (latest on or before it)
    status: str  # stable, deprecated, retired
    deprecated_on: date
    retired_on: date
    age_days: int

    @property
    def label(self) -> str:
        if self.revision.endswith(".pre"):
            # Klaviyo's stable, deprecated and retired years are its GA revisions'; a beta's were "stable until"
            return "a beta (pre-release) revision, outside the stable revisions' lifecycle"
        if self.status == "retired":
            return f"retired since {self.retired_on.isoformat()}"
        if self.status == "deprecated":
            return f"deprecated since {self.deprecated_on.isoformat()}"
        return f"stable until {self.deprecated_on.isoformat()}"


def revision_date(revision: str) -> date | None:
    """`2023-10-15` and `2023-10-15.pre` → the date; anything else → None."""
    match = _REVISION_DATE.match(revision or "")
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# Another API's version number: `1.1.0`, `v2`, `2.0.0-beta.1` (a pre-release comes before its release)
# Parts of at most 18 digits: a version is no longer, and Python refuses to read an integer of 4,300 digits
_VERSION_NUMBER = re.compile(r"^[vV]?(\d{1,18}(?:\.\d{1,18})*)(-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")


def revision_order(old: str | None, new: str | None) -> int | None:
    """-1, 0 or 1 as `old` comes before, is, or comes after `new`, when both are dates or both version numbers
    (`1.10.0` after `1.9.0`, `v2` the same as `2`); None when the two cannot be ordered."""
    if not old or not new:
        return None
    old_date, new_date = revision_date(old), revision_date(new)
    if old_date and new_date:
        return (old_date > new_date) - (old_date < new_date)
    old_number, new_number = _VERSION_NUMBER.match(old), _VERSION_NUMBER.match(new)
    if old_date or new_date or old_number is None or new_number is None:
        return None
    old_key, new_key = _version_key(old_number), _version_key(new_number)
    return (old_key > new_key) - (old_key < new_key)


def _version_key(found: re.Match[str]) -> tuple[tuple[int, ...], bool]:
    numbers = tuple(int(part) for part in found.group(1).split("."))
    while len(numbers) > 1 and numbers[-1] == 0:  # `1.1` is `1.1.0`
        numbers = numbers[:-1]
    return numbers, found.group(2) is None


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


def effective_revision(revision: str, released: list[str]) -> str:
    """The latest released revision on or before `revision`'s date (Klaviyo serves a request with it)."""
    wanted = revision_date(revision)
    if wanted is None or not released:
        return revision
    same_channel = [r for r in released if r.endswith(".pre") == revision.endswith(".pre")] or released
    candidates = [r for r in same_channel if (d := revision_date(r)) is not None and d <= wanted]
    return max(candidates, key=lambda r: (revision_date(r), r)) if candidates else revision


def lifecycle(revision: str, today: date, released: list[str] | None = None) -> Lifecycle | None:
    """Where `revision` stands on `today`; None when it is not a dated revision."""
    effective = effective_revision(revision, released or [])
    release = revision_date(effective)
    if release is None:
        return None
    deprecated_on = add_years(release, STABLE_YEARS)
    retired_on = add_years(release, RETIRED_YEARS)
    if today >= retired_on:
        status = "retired"
    elif today >= deprecated_on:
        status = "deprecated"
    else:
        status = "stable"
    return Lifecycle(
        revision=revision,
        release=release,
        effective_revision=effective,
        status=status,
        deprecated_on=deprecated_on,
        retired_on=retired_on,
        age_days=(today - release).days,
    )


def revision_key(revision: str) -> tuple[int, Any] | None:
    """What orders a revision among others of its kind: a Klaviyo date, else a version number (`1.10.0` after
    `1.9.0`); None for neither. Dates come before version numbers, which no list mixes in practice."""
    day = revision_date(revision)
    if day is not None:
        return 0, (day, revision)
    number = _VERSION_NUMBER.match(revision or "")
    return (1, _version_key(number)) if number is not None else None


def revisions_between(old: str, new: str, released: list[str]) -> list[str]:
    """Released revisions after `old` up to and including `new`, oldest first (same channel as `new`)."""
    low, high = revision_date(old), revision_date(new)
    if low is None or high is None:
        old_key, new_key = revision_key(old), revision_key(new)
        if old_key is None or new_key is None or old_key[0] != 1 or new_key[0] != 1:
            return []
        between = [
            (key, r) for r in released if (key := revision_key(r)) is not None and old_key < key <= new_key
        ]
        return [r for _, r in sorted(between)]
    beta = new.endswith(".pre")
    return sorted(
        r
        for r in released
        if r.endswith(".pre") == beta and (d := revision_date(r)) is not None and low < d <= high
    )
