"""Which request is which across two collections.

An endpoint is identified by method + normalized path template: Klaviyo renames operationIds and dropped its
trailing slashes, but a method and a path keep meaning the same thing. Requests are matched by the stable item
id, then by that key; an endpoint left over on both sides whose operationId (or an alias of it) names exactly
one left-over endpoint with the same method, and no other left-over endpoint names that one, moved to a new
path. Otherwise an operationId alias, or (for requests without an operationId, as in collections exported from
Postman) the name, only says where a removed endpoint's operation went. A collection's items that are not the
upstream request of their endpoint are the user's saved requests.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from postman_kit import ids
from postman_kit.collection import Collection, Item
from postman_kit.diff.sides import Side
from postman_kit.naming import parse_collection_name
from postman_kit.openapi import Operation, split_path_key
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch, api_path

Key = tuple[str, str]  # (METHOD, normalized path)
_POSTMAN_VARIABLE = re.compile(r"^\{\{[^}]+\}\}$")


@dataclass(slots=True)
class Endpoint:
    """One operation as a side shows it: its upstream request and, when the spec is known, the operation."""

    key: Key
    method: str
    template: str  # the spec's path (`/api/profiles/{id}/`) or the request's (`/api/profiles/:id/`)
    item: Item | None
    folder: tuple[str, ...]
    operation: Operation | None = None
    operation_id: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        if self.item is not None:
            return self.item.name
        return self.operation.summary if self.operation is not None else f"{self.method} {self.template}"

    @property
    def label(self) -> str:
        return f"{self.method} {self.template}"


@dataclass(slots=True)
class SavedRequest:
    """A request the user added to a fork: not the upstream request of any endpoint."""

    item: Item
    folder: tuple[str, ...]
    key: Key  # the endpoint it calls (normalized), whether or not an upstream operation has it
    template: str | None  # the spec path it routed to, when one did
    path_params: dict[str, str] = field(default_factory=dict)  # template parameter → the user's segment

    @property
    def label(self) -> str:
        return "/".join(self.folder + (self.item.name,))


@dataclass(slots=True)
class SideIndex:
    """One side's endpoints by key, and (for a fork) the saved requests it adds to them."""

    side: Side
    endpoints: dict[Key, Endpoint]
    saved: list[SavedRequest]
    # a fork's folders the user made, known by their ids (see `_user_folders`)
    user_folders: frozenset[tuple[str, ...]] = frozenset()


@dataclass(slots=True)
class Match:
    """An endpoint of OLD paired with NEW's, and what paired them."""

    old: Endpoint
    new: Endpoint
    how: str  # id, path, alias (the operationId or an alias of it, at another path)


@dataclass
class Matching:
    """OLD's endpoints paired with NEW's; what is left over on each side was removed or added."""

    pairs: list[Match]
    removed: list[Endpoint]
    added: list[Endpoint]
    # A removed endpoint whose operationId (or name) lives on at another path in NEW, but not unambiguously
    # enough to pair them: it stays removed and added, and reports name the successor.
    successors: dict[Key, Endpoint] = field(default_factory=dict)

    def new_for(self, old_key: Key) -> Endpoint | None:
        return self._new_by_old.get(old_key)

    @cached_property
    def _new_by_old(self) -> dict[Key, Endpoint]:
        # Asked once per saved request: the pairs are indexed on first use rather than scanned each time.
        by_old: dict[Key, Endpoint] = {}
        for pair in self.pairs:
            by_old.setdefault(pair.old.key, pair.new)
        return by_old


@lru_cache(maxsize=4096)  # a fork's requests route to NEW's templates: each key is asked for on both sides
def endpoint_key(method: str, path: str) -> Key:
    """An endpoint's key: its method and normalised path, and what tells operations sharing them apart in a spec's
    path key (OpenAI's `/responses?beta=true` beside `/responses`, Box's `/oauth2/token#refresh`)."""
    path, apart = ids.split_apart(path)
    segments = ["{}" if _POSTMAN_VARIABLE.match(s) else s for s in path.split("/") if s]
    return method.upper(), ids.endpoint_path("/" + "/".join(segments)) + apart


def index_spec_side(side: Side) -> SideIndex:
    """Endpoints of a side built from a spec: one generated request per operation, no saved requests."""
    assert side.api is not None
    by_id = {ids.operation_id(side.api.title, op.method, op.path): op for op in side.api.operations}
    endpoints: dict[Key, Endpoint] = {}
    for trail, item in side.collection.walk():
        op = by_id.get(item.id or "")
        if op is None:
            continue
        key = endpoint_key(op.method, op.path)
        endpoints.setdefault(
            key,
            Endpoint(
                key=key,
                method=op.method,
                template=op.path,
                item=item,
                folder=trail,
                operation=op,
                operation_id=op.operation_id,
                aliases=tuple(side.profile.aliases(op)),
            ),
        )
    return SideIndex(side=side, endpoints=endpoints, saved=[])


def index_collection_side(side: Side, references: list[SideIndex]) -> SideIndex:
    """Endpoints and saved requests of a fork; `references` (NEW, and OLD's spec when known) route its URLs."""
    routers = [(ref, OperationIndex(ref.side.api)) for ref in references if ref.side.api is not None]
    operation_ids = {
        op.operation_id for _, router in routers for op in router.api.operations if op.operation_id
    }
    titles = {ref.side.api.title for ref in references if ref.side.api is not None}
    named = parse_collection_name(side.collection.info.name)
    if named.title:
        titles.add(named.title)  # ids were derived from the API title the fork was generated with
    groups: dict[Key, list[tuple[tuple[str, ...], Item, str | None, dict[str, str]]]] = {}
    # where the fork's requests go, most of them: the API's own host (`{{baseUrl}}`)
    hosts = Counter(tuple(item.request.url.host) for _, item in side.collection.walk())
    main_host = hosts.most_common(1)[0][0] if hosts else ()
    described: dict[str, set[Key]] = {}  # operation id → the requests whose description names it
    for trail, item in side.collection.walk():
        key, template, params = _route(item, routers, titles, operation_ids)
        groups.setdefault(key, []).append((trail, item, template, params))
        if found := _GENERATED_OPERATION.search(item.request.description or ""):
            described.setdefault(found.group(1), set()).add(key)
    # named by one request only: a copy the user made and switched to another method names it too
    once = {operation for operation, keys in described.items() if len(keys) == 1}
    endpoints: dict[Key, Endpoint] = {}
    saved: list[SavedRequest] = []
    for key, members in groups.items():
        upstream = _pick_upstream(key, members, references, titles, main_host, once)
        for index, (trail, item, template, params) in enumerate(members):
            if index == upstream:
                endpoints[key] = _fork_endpoint(key, trail, item)
            else:
                saved.append(
                    SavedRequest(item=item, folder=trail, key=key, template=template, path_params=params)
                )
    return SideIndex(
        side=side,
        endpoints=endpoints,
        saved=[_own_route(s, endpoints) for s in saved],
        user_folders=_user_folders(side.collection, titles),
    )


def _user_folders(collection: Collection, titles: set[str]) -> frozenset[tuple[str, ...]]:
    """The fork's folders the user made, with everything under them: when the fork still carries the ids
    generate derived for its folders (from the API's title and the folder's path), a folder whose id postman-kit
    did not derive is the user's (Postman gives a new folder a random one). A fork whose folders all have other
    ids (a Postman export or import that made new ones) tells nothing either way: the set is empty."""
    folders = list(collection.folders())
    if not any(folder.id == ids.folder_id(title, trail) for trail, folder in folders for title in titles):
        return frozenset()
    made = [trail for trail, folder in folders if not ids.is_derived(folder.id)]
    return frozenset(trail for trail, _ in folders if any(trail[: len(mine)] == mine for mine in made))


def _own_route(saved: SavedRequest, endpoints: dict[Key, Endpoint]) -> SavedRequest:
    """A saved request no reference spec routed (`DELETE /api/events/4H7KLscuSr/` when neither NEW nor a known
    OLD spec has it) goes to the fork's own upstream request whose path template it fits, so it still counts as
    one of OLD's operations. The fork's templates are few and have no spec behind them, so this is a plain
    segment match rather than a router."""
    if saved.template is not None or saved.key in endpoints:
        return saved
    method = saved.item.request.method.upper()
    segments = [s for s in saved.item.request.url.path_template.split("/") if s]
    fits: list[tuple[int, Endpoint, dict[str, str]]] = []
    for endpoint in endpoints.values():
        parts = [s for s in endpoint.template.split("/") if s]
        if endpoint.method.upper() != method or len(parts) != len(segments):
            continue
        params = {p.strip(":{}"): s for p, s in zip(parts, segments, strict=True) if p.startswith((":", "{"))}
        if all(p.startswith((":", "{")) or p == s for p, s in zip(parts, segments, strict=True)):
            fits.append((len(params), endpoint, params))
    if not fits:
        return saved
    _, endpoint, params = min(fits, key=lambda fit: fit[0])  # the most literal template wins
    return SavedRequest(
        item=saved.item, folder=saved.folder, key=endpoint.key, template=None, path_params=params
    )


def _fork_endpoint(key: Key, trail: tuple[str, ...], item: Item) -> Endpoint:
    kit = item.kit
    operation_id = kit.get("operationId")
    return Endpoint(
        key=key,
        method=item.request.method,
        template=item.request.url.path_template,
        item=item,
        folder=trail,
        operation_id=operation_id if isinstance(operation_id, str) else None,
        aliases=tuple(str(a) for a in kit.get("aliases") or ()),
    )


def _route(
    item: Item, routers: list[tuple[SideIndex, OperationIndex]], titles: set[str], operation_ids: set[str]
) -> tuple[Key, str | None, dict[str, str]]:
    """The endpoint a request calls: routed through the reference specs, so concrete ids normalize too."""
    method = item.request.method
    url = item.request.url
    path = url.path_template
    marked = item.kit.get("operationId")
    # the operation the request was generated for, where a reference names it: a path that now fits another
    # operation's template (Stripe's `/v1/customers/search` ~ `/v1/customers/{customer}`, once search moved) is
    # that operation's old path, not a request to the other
    named = isinstance(marked, str) and marked in operation_ids
    for _, router in routers:
        found = router.match(method, "/" + "/".join(api_path(router.api, url.host, url.path)))
        if isinstance(found, RouteMatch):
            if named and all(op.operation_id != marked for op in found.alternatives or (found.operation,)):
                continue
            template = _alternative(item, found, titles).path
            return endpoint_key(method, template), template, dict(found.path_params)
        if isinstance(found, MethodNotAllowed):
            continue
    return endpoint_key(method, path), None, {}


def _alternative(item: Item, found: RouteMatch, titles: set[str]) -> Operation:
    """Of the operations sharing a request's method and path (`/responses` and `/responses?beta=true`), the one
    the request is: the one whose id or operationId it carries, else the one whose fixed query it sends (the
    most of it), else the one with neither a fixed query nor a fragment. Taking the first made an untouched
    OpenAI or Box collection's other alternatives the user's saved requests, added again at every upgrade."""
    alternatives = found.alternatives or (found.operation,)
    if len(alternatives) == 1:
        return alternatives[0]
    marked = item.kit.get("operationId")
    for op in alternatives:
        if isinstance(marked, str) and op.operation_id == marked:
            return op
    sent = {(q.key, q.value) for q in item.request.url.query if not q.disabled}
    fixed = [
        (len(query), op)
        for op in alternatives
        if (query := split_path_key(op.path)[1]) and set(query) <= sent
    ]
    if fixed:
        return max(fixed, key=lambda pair: pair[0])[1]
    for op in alternatives:
        if any(item.id == ids.operation_id(title, op.method, op.path) for title in titles):
            return op
    return next((op for op in alternatives if "?" not in op.path and "#" not in op.path), alternatives[0])


def _pick_upstream(
    key: Key,
    members: list[tuple[tuple[str, ...], Item, str | None, dict[str, str]]],
    references: list[SideIndex],
    titles: set[str],
    main_host: tuple[str, ...] = (),
    described_once: frozenset[str] | set[str] = frozenset(),
) -> int | None:
    """Index of the request that is the endpoint's own (generated) request; the others are saved requests.

    A request generate marked for an operation no reference knows (or whose description names one) is taken for
    upstream's, of an operation NEW removed, only where it goes to the fork's own host: one the user merged in
    from another API's collection (Twilio's, to `{{twilioBaseUrl}}`) carries that API's marks."""
    known = [ref.endpoints[key] for ref in references if key in ref.endpoints]
    method, _ = key
    expected_ids = {e.item.id for e in known if e.item is not None and e.item.id}
    first = members[0][1].id
    # A collection generated from a spec: its first request carries the id the reference gave the operation.
    if not (first and first in expected_ids):
        for _, item, template, _ in members:
            for title in titles:
                expected_ids.add(ids.operation_id(title, method, template or item.request.url.path_template))
    for index, (_, item, _, _) in enumerate(members):
        if item.id and item.id in expected_ids:
            return index
    methods = {e.operation_id: e.method.upper() for ref in references for e in ref.endpoints.values()}

    def generated_for(item: Item, operation: str) -> bool:
        # the user switched the method of the request generated for `operation` (a PUT to probe a GET's path):
        # it calls that operation no more, and is theirs
        if operation in methods:
            return methods[operation] == method.upper()
        return not main_host or tuple(item.request.url.host) == main_host

    for index, (_, item, _, _) in enumerate(members):
        marked = item.kit.get("operationId")
        if isinstance(marked, str) and generated_for(item, marked):
            return index
    names = {e.name for e in known}
    for index, (_, item, _, _) in enumerate(members):
        if item.name in names:
            return index
    # A fork exported from Postman keeps no ids, and NEW may have renamed the operation ("Get Campaign Tags" →
    # "Get Tags for Campaign"): the request in the folder the reference puts the operation in is upstream's (a
    # copy the user duplicated there comes after it; one saved in a folder of their own is in none of these).
    folders = {e.folder for e in known}
    for index, (trail, _, _, _) in enumerate(members):
        if trail in folders:
            return index
    # Nor does one NEW no longer has: generate wrote the operation's id into the request's description, which
    # an export keeps (a copy the user made of it comes after it)
    for index, (_, item, _, _) in enumerate(members):
        found = _GENERATED_OPERATION.search(item.request.description or "")
        if found and found.group(1) in described_once and generated_for(item, found.group(1)):
            return index
    return None


_GENERATED_OPERATION = re.compile(r"^Operation ID: `([^`\n]+)`$", re.MULTILINE)


def match_endpoints(old: SideIndex, new: SideIndex) -> Matching:
    """Pair OLD's endpoints with NEW's: by item id, then key, then operationId alias, then name."""
    pairs: list[Match] = []
    unmatched_new = dict(new.endpoints)
    new_by_id = {e.item.id: e for e in new.endpoints.values() if e.item is not None and e.item.id}
    # an id two of OLD's requests carry tells neither apart (a hand-copied item; an earlier version gave the
    # operations of `/responses` and `/responses?beta=true` one id): their keys pair them
    old_ids = Counter(e.item.id for e in old.endpoints.values() if e.item is not None and e.item.id)
    remaining: list[Endpoint] = []
    for endpoint in old.endpoints.values():
        found = None
        how = ""
        item_id = endpoint.item.id if endpoint.item is not None else None
        if (
            item_id
            and old_ids[item_id] == 1
            and item_id in new_by_id
            and new_by_id[item_id].key in unmatched_new
        ):
            found, how = new_by_id[item_id], "id"
        elif endpoint.key in unmatched_new:
            found, how = unmatched_new[endpoint.key], "path"
        if found is None:
            remaining.append(endpoint)
            continue
        del unmatched_new[found.key]
        pairs.append(Match(endpoint, found, how))
    left_over_new = dict(unmatched_new)
    removed: list[Endpoint] = []
    for endpoint, found in _moved(remaining, left_over_new):
        if found is None:
            removed.append(endpoint)
        else:
            del unmatched_new[found.key]
            pairs.append(Match(endpoint, found, "alias"))
    successors: dict[Key, Endpoint] = {}
    for endpoint in removed:
        found, _ = _by_alias_or_name(endpoint, left_over_new)
        if found is not None:
            successors[endpoint.key] = found
    return Matching(pairs=pairs, removed=removed, added=list(unmatched_new.values()), successors=successors)


def _operation_names(endpoint: Endpoint) -> set[str]:
    return {name for name in (endpoint.operation_id, *endpoint.aliases) if name}


def _moved(old: list[Endpoint], new: dict[Key, Endpoint]) -> list[tuple[Endpoint, Endpoint | None]]:
    """Each left-over OLD endpoint with the NEW endpoint it moved to, when its operation names pick exactly one
    and no other left-over OLD endpoint's names pick that one too."""
    candidates = {
        endpoint.key: [
            c
            for c in new.values()
            if c.method == endpoint.method and _operation_names(endpoint) & _operation_names(c)
        ]
        for endpoint in old
    }
    claims: dict[Key, int] = {}
    for found in candidates.values():
        for candidate in found:
            claims[candidate.key] = claims.get(candidate.key, 0) + 1
    moves: list[tuple[Endpoint, Endpoint | None]] = []
    for endpoint in old:
        found = candidates[endpoint.key]
        unique = len(found) == 1 and claims[found[0].key] == 1
        moves.append((endpoint, found[0] if unique else None))
    return moves


def _by_alias_or_name(endpoint: Endpoint, candidates: dict[Key, Endpoint]) -> tuple[Endpoint | None, str]:
    names = _operation_names(endpoint)
    if names:
        for candidate in candidates.values():
            if candidate.method == endpoint.method and names & _operation_names(candidate):
                return candidate, "alias"
        return None, ""
    for candidate in candidates.values():
        if candidate.method == endpoint.method and candidate.name == endpoint.name:
            return candidate, "name"
    return None, ""
