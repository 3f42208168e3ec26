"""Which operation a request is for: concrete paths, `{id}` / `:id` templates, Postman `{{var}}` segments.

Trailing slashes never count (Klaviyo's paths ended in `/` through 2024-07-15 and not after). Among templates
that fit, the one with the most literal segments wins, so `/api/profiles/bulk-import` beats `/api/profiles/{id}`.

A parameter may sit inside a segment (`/Calls/{Sid}.json`, `/files/v{version}`): such a segment fits a concrete
segment that reads the same around the parameter, and a Postman segment that carries a variable in the
parameter's place (`:Sid.json`, Postman's variable `Sid` followed by `.json`).

A path key is read as its authors mean it (:func:`postman_kit.openapi.split_path_key`): `/files/{id}#add_link`
and `/responses?beta=true` are the paths `/files/{id}` and `/responses`, so several operations can share one
method on one path. They are a match's `alternatives`; which one a request is for depends on what it sends
(`postman_kit.conformance` picks the one it fits).
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field

from postman_kit.openapi import Api, Operation, split_path_key

_TEMPLATE_PARAM = re.compile(r"^\{([^}]+)\}$")
_PARAM_IN_SEGMENT = re.compile(r"\{([^{}]+)\}")
# A whole-segment Postman variable: `:id` (Postman's name ends at the first `.`), `{{var}}`, or `{id}`.
_WILDCARD = re.compile(r"^(?::(?P<colon>[^.]+)|\{\{(?P<var>[^}]+)\}\}|\{(?P<brace>[^}]+)\})$")
# A variable inside a segment: `{{var}}` anywhere, or `:name` at its start up to the first `.`.
_VARIABLE_IN_SEGMENT = re.compile(r"\{\{[^{}]+\}\}|^:[^.]+")
# Stands for a request's variable while a segment is matched; never in a real path.
_HOLE = "\x00"

# How well a request segment fits a template segment: the highest sum wins.
_LITERAL, _PARTIAL, _WILDCARD_FOR_PARAM, _VALUE_FOR_PARAM, _WILDCARD_FOR_LITERAL = 6, 5, 4, 2, 0


@dataclass(frozen=True)
class RouteMatch:
    operation: Operation
    path_params: dict[str, str]
    template: str  # the spec's path without a fragment or fixed query, e.g. /api/profiles/{id}
    # every operation with this method on this path, in the spec's order (`operation` first)
    alternatives: tuple[Operation, ...] = ()


@dataclass(frozen=True)
class MethodNotAllowed:
    template: str
    allowed: tuple[str, ...]


@dataclass(frozen=True)
class _PartialSegment:
    """A template segment with parameters inside it, e.g. `{Sid}.json`."""

    pattern: re.Pattern[str]
    names: tuple[str, ...]

    @classmethod
    def parse(cls, segment: str) -> _PartialSegment:
        names: list[str] = []
        pattern = ""
        position = 0
        for found in _PARAM_IN_SEGMENT.finditer(segment):
            pattern += re.escape(segment[position : found.start()]) + "(.+?)"
            names.append(found.group(1))
            position = found.end()
        return cls(re.compile(pattern + re.escape(segment[position:])), tuple(names))


Segment = str | None | _PartialSegment  # a literal, a whole-segment parameter, or a segment with parameters


@dataclass
class _Route:
    template: str
    segments: tuple[Segment, ...]
    names: tuple[str | None, ...]  # the parameter's name where a whole segment is one
    operations: dict[str, list[Operation]] = field(default_factory=dict)

    @property
    def literal_count(self) -> int:
        return sum(1 for s in self.segments if isinstance(s, str))


def split_path(path: str) -> list[str]:
    return [s for s in path.split("?", 1)[0].split("/") if s]


def _template_segment(part: str) -> tuple[Segment, str | None]:
    whole = _TEMPLATE_PARAM.match(part)
    if whole:
        return None, whole.group(1)
    if _PARAM_IN_SEGMENT.search(part):
        return _PartialSegment.parse(part), None
    return decoded(part), None


def decoded(part: str) -> str:
    """A path segment as the server reads it: percent-escapes decoded (`100%25` is the spec's `100%`, `a%20b` a
    value `a b`). Decoded after the path is split, so an escaped `/` stays inside its segment."""
    return urllib.parse.unquote(part) if "%" in part else part


def api_path(api: Api, host: list[str], path: list[str]) -> list[str]:
    """A request's path segments as the spec writes its operations' paths: where the request names one of the
    spec's server hosts itself (a URL pasted from the docs, `https://api.spotify.com/v1/me`), without the path
    that server's URL puts before every operation (`/v1`)."""
    name = ".".join(host).lower()
    if not name or "{{" in name:
        return path
    for prefix in api.server_paths.get(name, ()):
        if prefix and tuple(path[: len(prefix)]) == prefix:
            return path[len(prefix) :]
    return path


class OperationIndex:
    """Routes requests to an API's operations."""

    def __init__(self, api: Api) -> None:
        self.api = api
        routes: dict[tuple[Segment, ...], _Route] = {}
        for op in api.operations:
            path, _ = split_path_key(op.path)
            parsed = [_template_segment(part) for part in split_path(path)]
            segments = tuple(segment for segment, _ in parsed)
            route = routes.get(segments)
            if route is None:
                route = routes[segments] = _Route(path, segments, tuple(name for _, name in parsed))
            route.operations.setdefault(op.method, []).append(op)
        self._by_shape = routes
        self._by_length: dict[int, list[_Route]] = {}
        for route in routes.values():
            self._by_length.setdefault(len(route.segments), []).append(route)
        for candidates in self._by_length.values():
            candidates.sort(key=lambda r: (-r.literal_count, r.template))

    def _find(self, parts: list[str], method: str = "") -> tuple[_Route, dict[str, str]] | None:
        """The best route for concrete or wildcard segments (`:id`, `{id}`, `{{var}}` are wildcards); of routes that
        fit, one that has `method` first (Discourse's `GET /groups/{name}.json` beside `PUT /groups/{id}.json`)."""
        best: tuple[tuple[bool, int], _Route, dict[str, str]] | None = None
        parts = [decoded(part) for part in parts]
        wildcards = [_WILDCARD.match(part) for part in parts]  # once, not once per route
        # A route of exactly this shape (wildcards where it has parameters, the same literals elsewhere) scores
        # the most at every segment, so it wins outright: most requests (a collection's own) end the search here.
        exact = self._by_shape.get(
            tuple(None if w is not None else part for part, w in zip(parts, wildcards, strict=True))
        )
        if exact is not None and (not method or method in exact.operations):
            return exact, {name or "": part for part, name in zip(parts, exact.names, strict=True) if name}
        for route in self._by_length.get(len(parts), []):
            score = 0
            params: dict[str, str] = {}
            for part, wildcard, segment, name in zip(
                parts, wildcards, route.segments, route.names, strict=True
            ):
                if segment is None:
                    params[name or ""] = part
                    score += _VALUE_FOR_PARAM if wildcard is None else _WILDCARD_FOR_PARAM
                elif isinstance(segment, _PartialSegment):
                    values = _partial_values(part, segment)
                    if values is None:
                        break
                    params.update(values)
                    score += _PARTIAL
                elif part == segment:
                    score += _LITERAL
                elif wildcard is not None and wildcard.group("var"):
                    # A user's {{var}} may stand for a literal segment (`{{version}}` for `v1`): ranked last. A
                    # path variable (`:note_id`, `{note_id}`) names a parameter, never a literal: taking it for
                    # one moved a fork's `/notes/:note_id/legacy_export` onto `/notes/exports/{export_id}`.
                    score += _WILDCARD_FOR_LITERAL
                else:
                    break
            else:
                rank = (not method or method in route.operations, score)
                if best is None or rank > best[0]:
                    best = (rank, route, params)
        return (best[1], best[2]) if best else None

    def match(
        self, method: str, path: str, *, exact_method: bool = False
    ) -> RouteMatch | MethodNotAllowed | None:
        """Route a request path (concrete or templated); None when no path fits. The method is read in any case
        (a saved request's `get`) unless `exact_method`, as HTTP reads it: a server's `get` is no GET."""
        wanted = method if exact_method else method.upper()
        found = self._find(split_path(path), wanted)
        if found is None:
            return None
        route, params = found
        operations = route.operations.get(wanted)
        if not operations:
            return MethodNotAllowed(route.template, tuple(sorted(route.operations)))
        return RouteMatch(operations[0], params, route.template, tuple(operations))

    def match_segments(self, method: str, segments: list[str]) -> RouteMatch | MethodNotAllowed | None:
        """Route a Postman URL's path segments (`["api", "profiles", ":id"]`)."""
        return self.match(method, "/" + "/".join(s for s in segments if s))

    def templates(self) -> list[str]:
        return sorted(route.template for routes in self._by_length.values() for route in routes)


def _partial_values(part: str, segment: _PartialSegment) -> dict[str, str] | None:
    """The parameters' values when a request segment fits a segment with parameters inside, else None.

    The request's variables stand in for anything, so `:Sid.json` and `{{sid}}.json` fit `{Sid}.json`; the
    text around them must read as the template's."""
    variables = iter([found.group(0) for found in _VARIABLE_IN_SEGMENT.finditer(part)])
    found = segment.pattern.fullmatch(_VARIABLE_IN_SEGMENT.sub(_HOLE, part))
    if found is None:
        return None
    values: dict[str, str] = {}
    for name, value in zip(segment.names, found.groups(), strict=True):
        while _HOLE in value:  # the holes, in order, back to the variables they stand for
            value = value.replace(_HOLE, next(variables), 1)
        values[name] = value
    return values
