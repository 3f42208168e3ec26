"""Move a request onto another revision's endpoint: NEW's path template, the user's own values kept."""

from __future__ import annotations

import re
from collections.abc import Mapping

from postman_kit.collection import Header, Request, Url

_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\.pre)?$")
_TEMPLATE_PARAM = re.compile(r"^\{(.+)\}$")
_SUFFIXED_PARAM = re.compile(r"^\{([^{}.:]+)\}(\.[^{}]*)$")


def transplant_request(
    request: Request,
    new_template: str,
    revision_header: str | None,
    revision: str,
    moved_values: Mapping[str, str] | None = None,
    prefix: int = 0,
) -> Request:
    """A copy of `request` calling `new_template`: literal segments from NEW, the user's values where NEW
    has a parameter (so `/api/profiles/01H…/` becomes `/api/profiles/01H…`), and a literal revision header
    bumped to `revision`. Query, body, name and auth stay the user's.

    When the operation moved to a path of another shape, `moved_values` holds the user's value of each of
    OLD's path parameters: NEW's parameters take them by name, else in order from the last (a path names its
    resource last, after the parents NEW may have dropped).

    `prefix`: how many of the request's first segments are its server's path, written out with a literal host
    (Spotify's `/v1` in `https://api.spotify.com/v1/me`); they stay before NEW's path.
    """
    copy = Request.from_json(request.to_json())
    server_path = copy.url.path[:prefix]
    user_segments = [s for s in copy.url.path[prefix:] if s]
    new_segments = new_template.split("/")[1:] if new_template.startswith("/") else new_template.split("/")
    by_name = dict(moved_values or {})
    names = [m.group(1) for s in new_segments if (m := _TEMPLATE_PARAM.match(s))]
    unnamed_new = [name for name in names if name not in by_name]
    unnamed_old = [value for name, value in by_name.items() if name not in names]
    by_name.update(zip(reversed(unnamed_new), reversed(unnamed_old), strict=False))
    path: list[str] = []
    position = 0
    for segment in new_segments:
        if not segment:
            path.append(segment)  # keep NEW's trailing slash, if it has one
            continue
        # a parameter followed by a `.suffix` (Twilio's `{Sid}.json`) is Postman's `:Sid.json`, as generate writes it
        param = _TEMPLATE_PARAM.match(segment) or _SUFFIXED_PARAM.match(segment)
        suffix = param.group(2) if param is not None and param.re is _SUFFIXED_PARAM else ""
        if param is None:
            path.append(segment)
        elif moved_values is not None:
            path.append((by_name.get(param.group(1)) or ":" + param.group(1)) + suffix)
        else:
            path.append(
                user_segments[position] if position < len(user_segments) else f":{param.group(1)}{suffix}"
            )
        position += 1
    copy.url = Url(
        host=copy.url.host,
        path=server_path + path,
        query=copy.url.query,
        variable=copy.url.variable,
        protocol=copy.url.protocol,
        port=copy.url.port,
        extra=copy.url.extra,
    )
    copy.url.rebuild_raw()
    if revision_header:
        copy.header = [_bump(h, revision_header, revision) for h in copy.header]
    return copy


def _bump(header: Header, revision_header: str, revision: str) -> Header:
    if header.key.lower() == revision_header.lower() and _DATED.match(header.value.strip()):
        return Header(header.key, revision, header.description, header.disabled, dict(header.extra))
    return header


# Headers upstream sets on every request it generates; a saved request still holding upstream's old value never
# chose it, so it follows upstream to NEW's value.
UPSTREAM_HEADERS = ("accept", "content-type")


def refresh_headers(request: Request, old_upstream: Request, new_upstream: Request) -> None:
    """Give `request` NEW's value of each upstream header it holds unchanged from OLD's generated request (a
    2023 `Accept: application/json` becomes NEW's `application/vnd.api+json`); a value the user changed stays."""
    before = {h.key.lower(): h.value for h in old_upstream.header if not h.disabled}
    after = {h.key.lower(): h for h in new_upstream.header if not h.disabled}
    kept: list[Header] = []
    for header in request.header:
        name = header.key.lower()
        if name in UPSTREAM_HEADERS and not header.disabled and before.get(name) == header.value:
            replacement = after.get(name)
            if replacement is None:
                continue  # NEW no longer sends it
            header = Header(
                header.key, replacement.value, header.description, header.disabled, dict(header.extra)
            )
        kept.append(header)
    request.header = kept
