"""Which operation a request is for: concrete paths, `{id}` / `:id` templates, Postman `{{var}}` segments.

Trailing slashes never count (Klaviyo's paths ended in `/` through 2024-07-15 and not after). Among templates
that fit, the one with the most literal segments wins, so `/api/profiles/bulk-import` beats `/api/profiles/{id}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from postman_kit.openapi import Api, Operation

_TEMPLATE_PARAM = re.compile(r"^\{([^}]+)\}$")
_WILDCARD = re.compile(r"^(?::(?P<colon>.+)|\{\{(?P<var>[^}]+)\}\}|\{(?P<brace>[^}]+)\})$")


@dataclass(frozen=True)
class RouteMatch:
    operation: Operation
    path_params: dict[str, str]
    template: str  # the spec's path, e.g. /api/profiles/{id}


@dataclass(frozen=True)
class MethodNotAllowed:
    template: str
    allowed: tuple[str, ...]


@dataclass
class _Route:
    template: str
    segments: tuple[str | None, ...]  # None where the template has a parameter
    names: tuple[str | None, ...]
    operations: dict[str, Operation] = field(default_factory=dict)

    @property
    def literal_count(self) -> int:
        return sum(1 for s in self.segments if s is not None)


def split_path(path: str) -> list[str]:
    return [s for s in path.split("?", 1)[0].split("/") if s]


class OperationIndex:
    """Routes requests to an API's operations."""

    def __init__(self, api: Api) -> None:
        self.api = api
        routes: dict[tuple[str | None, ...], _Route] = {}
        for op in api.operations:
            parts = split_path(op.path)
            names = tuple(m.group(1) if (m := _TEMPLATE_PARAM.match(p)) else None for p in parts)
            segments = tuple(None if n is not None else p for p, n in zip(parts, names, strict=True))
            route = routes.get(segments)
            if route is None:
                route = routes[segments] = _Route(template=op.path, segments=segments, names=names)
            route.operations.setdefault(op.method, op)
        self._by_shape = routes
        self._by_length: dict[int, list[_Route]] = {}
        for route in routes.values():
            self._by_length.setdefault(len(route.segments), []).append(route)
        for candidates in self._by_length.values():
            candidates.sort(key=lambda r: (-r.literal_count, r.template))

    def _find(self, parts: list[str]) -> tuple[_Route, dict[str, str]] | None:
        """The best route for concrete or wildcard segments (`:id`, `{id}`, `{{var}}` are wildcards)."""
        best: tuple[int, _Route, dict[str, str]] | None = None
        wildcards = [_WILDCARD.match(part) is not None for part in parts]  # once, not once per route
        # A route of exactly this shape (wildcards where it has parameters, the same literals elsewhere) scores
        # the most at every segment, so it wins outright: most requests (a collection's own) end the search here.
        exact = self._by_shape.get(tuple(None if w else part for part, w in zip(parts, wildcards, strict=True)))
        if exact is not None:
            return exact, {name or "": part for part, name in zip(parts, exact.names, strict=True) if name}
        for route in self._by_length.get(len(parts), []):
            score = 0
            params: dict[str, str] = {}
            for part, wildcard, literal, name in zip(parts, wildcards, route.segments, route.names, strict=True):
                if literal is None:
                    params[name or ""] = part
                    score += 2 if wildcard else 1
                elif part == literal:
                    score += 3
                elif wildcard:
                    score += 0  # a user's {{var}} may stand for a literal segment: allowed, ranked last
                else:
                    break
            else:
                if best is None or score > best[0]:
                    best = (score, route, params)
        return (best[1], best[2]) if best else None

    def match(self, method: str, path: str) -> RouteMatch | MethodNotAllowed | None:
        """Route a request path (concrete or templated); None when no path fits."""
        found = self._find(split_path(path))
        if found is None:
            return None
        route, params = found
        op = route.operations.get(method.upper())
        if op is None:
            return MethodNotAllowed(route.template, tuple(sorted(route.operations)))
        return RouteMatch(op, params, route.template)

    def match_segments(self, method: str, segments: list[str]) -> RouteMatch | MethodNotAllowed | None:
        """Route a Postman URL's path segments (`["api", "profiles", ":id"]`)."""
        return self.match(method, "/" + "/".join(s for s in segments if s))

    def templates(self) -> list[str]:
        return sorted(route.template for routes in self._by_length.values() for route in routes)
