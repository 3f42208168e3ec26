"""Move a request onto another revision's endpoint: NEW's path template, the user's own values kept."""

from __future__ import annotations

import re

from postman_kit.collection import Header, Request, Url

_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\.pre)?$")
_TEMPLATE_PARAM = re.compile(r"^\{(.+)\}$")


def transplant_request(request: Request, new_template: str, revision_header: str | None, revision: str) -> Request:
    """A copy of `request` calling `new_template`: literal segments from NEW, the user's values where NEW
    has a parameter (so `/api/profiles/01H…/` becomes `/api/profiles/01H…`), and a literal revision header
    bumped to `revision`. Query, body, name and auth stay the user's."""
    copy = Request.from_json(request.to_json())
    user_segments = [s for s in copy.url.path if s]
    new_segments = new_template.split("/")[1:] if new_template.startswith("/") else new_template.split("/")
    path: list[str] = []
    position = 0
    for segment in new_segments:
        if not segment:
            path.append(segment)  # keep NEW's trailing slash, if it has one
            continue
        param = _TEMPLATE_PARAM.match(segment)
        if param is not None:
            path.append(user_segments[position] if position < len(user_segments) else ":" + param.group(1))
        else:
            path.append(segment)
        position += 1
    copy.url = Url(
        host=copy.url.host, path=path, query=copy.url.query, variable=copy.url.variable,
        protocol=copy.url.protocol, port=copy.url.port, extra=copy.url.extra,
    )
    copy.url.rebuild_raw()
    if revision_header:
        copy.header = [_bump(h, revision_header, revision) for h in copy.header]
    return copy


def _bump(header: Header, revision_header: str, revision: str) -> Header:
    if header.key.lower() == revision_header.lower() and _DATED.match(header.value.strip()):
        return Header(header.key, revision, header.description, header.disabled, dict(header.extra))
    return header
