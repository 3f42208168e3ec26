"""A CallFilter from what a user typed: command-line options or the web page's form fields."""

from __future__ import annotations

from postman_kit.activity.periods import parse_instant
from postman_kit.errors import InputError
from postman_kit.logstore import CallFilter, parse_statuses


def call_filter(
    now: float,
    path: str | None = None,
    since: str | None = None,
    until: str | None = None,
    statuses: tuple[str, ...] = (),
    methods: tuple[str, ...] = (),
    categories: tuple[str, ...] = (),
    sources: tuple[str, ...] = (),
    revisions: tuple[str, ...] = (),
    resource_id: str | None = None,
    timezone: str | None = None,
) -> CallFilter:
    """Empty strings mean "no constraint", as an empty form field does; a period ending before it starts is bad
    input."""
    start = parse_instant(since, now, "--since", timezone) if since else None
    end = parse_instant(until, now, "--until", timezone) if until else None
    if start is not None and end is not None and end < start:
        raise InputError("--until", f"{until!r} is before --since {since!r}")
    return CallFilter(
        path=(path or "").strip() or None,
        statuses=parse_statuses(statuses),
        methods=tuple(m.strip().upper() for m in methods if m.strip()),
        sources=tuple(s for s in sources if s),
        revisions=tuple(r for r in revisions if r),
        categories=tuple(c for c in categories if c),
        resource_id=(resource_id or "").strip() or None,
        since=start,
        until=end,
    )
