"""`diff`: match two sides, classify what changed, judge how stale OLD is and which saved requests break."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from postman_kit import ids
from postman_kit.auth_fit import describe, required_schemes, sends_credentials
from postman_kit.collection import Item, Request
from postman_kit.conformance import Problem, other_host
from postman_kit.diff.changes import (
    Change,
    DiffReport,
    EndpointRef,
    OperationChange,
    SavedRequestVerdict,
    Verdict,
)
from postman_kit.diff.classify import SignatureComparer
from postman_kit.diff.lifecycle import lifecycle, revision_date, revision_order, revisions_between
from postman_kit.diff.matching import (
    Endpoint,
    Key,
    Matching,
    SavedRequest,
    SideIndex,
    index_collection_side,
    index_spec_side,
    match_endpoints,
)
from postman_kit.diff.revisions import RevisionList
from postman_kit.diff.sides import Side
from postman_kit.diff.signature import SchemaShapes, item_signature, operation_signature
from postman_kit.diff.transplant import refresh_headers, transplant_request
from postman_kit.errors import InputError
from postman_kit.naming import stamped
from postman_kit.openapi import Api, Operation
from postman_kit.routing import RouteMatch, api_path
from postman_kit.secrets import find_keys, find_tokens, holds_named_credential

if TYPE_CHECKING:
    from postman_kit.conformance import RequestChecker


@dataclass(slots=True)
class Comparison:
    """Both sides indexed and matched; what diff reports and upgrade merges."""

    old: SideIndex
    new: SideIndex
    base: SideIndex | None  # the spec OLD was generated from, when known
    matching: Matching  # what upstream changed: OLD's spec (when known, else OLD) against NEW
    fork_matching: Matching  # OLD's own requests against NEW: where its edits and saved requests go
    comparer: SignatureComparer = field(default_factory=SignatureComparer)
    _shapes: dict[int, SchemaShapes] = field(default_factory=dict)
    _checker: RequestChecker | None = None
    _old_checker: RequestChecker | None = None
    # id(saved request) → (it, the endpoint it went to, its moved request, that request's problems)
    _moved: dict[int, tuple[SavedRequest, Endpoint, Request, list[Problem] | None]] = field(
        default_factory=dict
    )

    @property
    def api(self) -> Api | None:
        """The API's spec whose servers say which hosts are its own: NEW's, else OLD's (NEW given as the
        collection generated from its spec names the same API's hosts)."""
        if self.new.side.api is not None:
            return self.new.side.api
        return self.base.side.api if self.base is not None else None

    @property
    def checker(self) -> RequestChecker | None:
        """Checks requests against NEW's spec; None without it.

        Built on first use: its schema validators import jsonschema, which a fork without saved requests or
        edits never needs.
        """
        new_side = self.new.side
        if self._checker is None and new_side.api is not None:
            from postman_kit.conformance import RequestChecker

            self._checker = RequestChecker(new_side.api, new_side.profile)
        return self._checker

    @property
    def upstream_old(self) -> SideIndex:
        """The side upstream changes are measured from: OLD's spec when known, else OLD."""
        return self.base if self.base is not None else self.old

    def shapes(self, api: Api, include_docs: bool) -> SchemaShapes:
        key = id(api) * 2 + int(include_docs)
        if key not in self._shapes:
            self._shapes[key] = SchemaShapes(api, include_docs)
        return self._shapes[key]

    def new_endpoint_for(self, saved: SavedRequest) -> Endpoint | None:
        return self.fork_matching.new_for(saved.key) or self.new.endpoints.get(saved.key)

    def fork_variables(self) -> dict[str, str]:
        """OLD's collection variables NEW's collection does not define: a host one of them names (a Twilio folder
        merged in, sent to `{{twilioBaseUrl}}`) is another service's, while NEW's own (`{{baseUrl}}`, which the
        user may point at staging) is always the API's."""
        own = {v.key for v in self.new.side.collection.variables}
        return {
            v.key: str(v.value)
            for v in self.old.side.collection.variables
            if not v.disabled and v.key not in own
        }

    def variables(self) -> dict[str, str]:
        values = {v.key: str(v.value) for v in self.new.side.collection.variables}
        values.update({v.key: str(v.value) for v in self.old.side.collection.variables if not v.disabled})
        return values

    def transplant(self, saved: SavedRequest, endpoint: Endpoint) -> Request:
        new_side = self.new.side
        # On a moved endpoint the path's shape changed: the user's values go to NEW's parameters by name.
        moved_values = (saved.path_params or None) if endpoint.key != saved.key else None
        url = saved.item.request.url
        api = new_side.api or (self.base.side.api if self.base is not None else None)
        prefix = len(url.path) - len(api_path(api, url.host, url.path)) if api is not None else 0
        request = transplant_request(
            saved.item.request,
            endpoint.template,
            new_side.profile.revision_header,
            new_side.revision or "",
            moved_values,
            prefix,
        )
        before = self.upstream_item(saved)
        if before is not None and endpoint.item is not None:
            refresh_headers(request, before.request, endpoint.item.request)
        return request

    def upstream_item(self, saved: SavedRequest) -> Item | None:
        """The request upstream generated for a saved request's operation in OLD's revision: what the user
        started from when they saved it."""
        endpoint = self.upstream_old.endpoints.get(saved.key) or self.old.endpoints.get(saved.key)
        return endpoint.item if endpoint is not None else None

    def old_problems(self, saved: SavedRequest) -> list[Problem] | None:
        """The errors OLD's own spec finds in a saved request as the user saved it; None when that spec is not
        known (a fork compared without --base or --revisions)."""
        reference = (
            self.base if self.base is not None else (self.old if self.old.side.api is not None else None)
        )
        if reference is None or reference.side.api is None:
            return None
        if self._old_checker is None:
            from postman_kit.conformance import RequestChecker

            self._old_checker = RequestChecker(reference.side.api, reference.side.profile)
        values = {v.key: str(v.value) for v in reference.side.collection.variables}
        values.update({v.key: str(v.value) for v in self.old.side.collection.variables if not v.disabled})
        return [p for p in self._old_checker.check(saved.item.request, values) if p.severity == "error"]

    def check(self, saved: SavedRequest, endpoint: Endpoint) -> list[Problem] | None:
        """NEW's conformance problems of a saved request moved onto `endpoint`; None without NEW's spec."""
        return self.moved(saved, endpoint)[1]

    def moved(self, saved: SavedRequest, endpoint: Endpoint) -> tuple[Request, list[Problem] | None]:
        """A saved request moved onto `endpoint` and its problems in NEW (None without NEW's spec): worked out
        once for diff's verdicts and upgrade's merge alike."""
        known = self._moved.get(id(saved))
        if known is not None and known[0] is saved and known[1] is endpoint:
            return known[2], known[3]
        request = self.transplant(saved, endpoint)
        problems = self.problems(request)
        self._moved[id(saved)] = (saved, endpoint, request, problems)
        return request, problems

    def problems(self, request: Request) -> list[Problem] | None:
        """The errors NEW's spec finds in `request`; None without NEW's spec."""
        checker = self.checker
        if checker is None:
            return None
        found = [p for p in checker.check(request, self.variables()) if p.severity == "error"]
        return found + self._auth_problems(request)

    def _auth_problems(self, request: Request) -> list[Problem]:
        """A request's own auth (not inherited) that sends no credential NEW's operation takes: an API key kept
        on a saved request where NEW takes OAuth 2.0 only, which validate then failed and diff called fine."""
        api, checker, own = self.new.side.api, self.checker, request.auth
        if api is None or checker is None or own is None or own.type == "inherit":
            return []
        route = checker.route(request)
        if not isinstance(route, RouteMatch):
            return []
        schemes = required_schemes(api, route.operation.security)
        if schemes is None or sends_credentials(request, own, schemes):
            return []
        operation = route.operation
        accepted = describe(schemes)
        message = f"its own {own.type} auth is none {operation.method} {operation.path} takes ({accepted})"
        return [Problem("auth-mismatch", message, "/auth")]


def prepare(old: Side, new: Side, base: Side | None = None) -> Comparison:
    """Index both sides (OLD's requests routed through NEW's and base's specs) and match their endpoints."""
    base_index = index_spec_side(base) if base is not None else None
    new_index = index_spec_side(new) if new.is_spec else index_collection_side(new, [])
    if old.is_spec:
        old_index = index_spec_side(old)
    else:
        references = [ref for ref in (new_index, base_index) if ref is not None and ref.side.api is not None]
        old_index = index_collection_side(old, references)
        if base_index is not None:
            _identify_from_base(old_index, base_index)
    fork_matching = match_endpoints(old_index, new_index)
    matching = match_endpoints(base_index, new_index) if base_index is not None else fork_matching
    return Comparison(
        old=old_index, new=new_index, base=base_index, matching=matching, fork_matching=fork_matching
    )


def _identify_from_base(old: SideIndex, base: SideIndex) -> None:
    """A fork exported from Postman keeps no marks of the operation a request was generated for (ids renewed,
    `x-postman-kit` dropped): OLD's spec names it, so an operation NEW moved to another path under an alias is
    still followed there (Klaviyo's unsubscribe_profiles), as it is for a fork that kept them."""
    for key, endpoint in old.endpoints.items():
        known = base.endpoints.get(key)
        if endpoint.operation_id is None and known is not None and known.operation_id is not None:
            old.endpoints[key] = replace(endpoint, operation_id=known.operation_id, aliases=known.aliases)


def endpoint_ref(endpoint: Endpoint, successor: Endpoint | None = None) -> EndpointRef:
    return EndpointRef(
        endpoint.method,
        endpoint.template,
        endpoint.name,
        endpoint.folder,
        endpoint.operation_id,
        successor.label if successor is not None else None,
    )


def judge(
    old_revision: str | None,
    new_revision: str | None,
    today: date,
    revisions: RevisionList | None,
    with_lifecycle: bool = True,
) -> Verdict:
    """How stale OLD is: revisions behind NEW, and OLD's lifecycle as of `today` (`with_lifecycle`: the API's
    profile follows Klaviyo's revision lifecycle)."""
    released = revisions.revisions if revisions else []
    new_date = revision_date(new_revision or "")
    order = revision_order(old_revision, new_revision)
    stale = order == -1 if order is not None else old_revision != new_revision
    behind: int | None = None
    missed: list[str] = []
    newer: list[str] = []
    if revisions is not None and old_revision and new_revision:
        missed = revisions_between(old_revision, new_revision, released)
        # none counted where OLD is older (a stable fork against a beta NEW, which the list's track does not
        # hold): "older than", never "0 behind"
        behind = len(missed) if missed or not stale else None
        newer = [
            r
            for r in released
            if new_date
            and (d := revision_date(r)) is not None
            and d > new_date
            and r.endswith(".pre") == new_revision.endswith(".pre")
        ]
    # OLD's own revision was released (generate stamps the spec's), whether or not --revisions DIR holds it
    released_too = [*released, old_revision] if old_revision and old_revision not in released else released
    life = lifecycle(old_revision, today, released_too) if old_revision and with_lifecycle else None
    return Verdict(
        old_revision=old_revision,
        new_revision=new_revision,
        today=today.isoformat(),
        stale=stale,
        lifecycle=life,
        revisions_behind=behind,
        missed_revisions=missed,
        newer_than_new=newer,
        old_newer=order == 1,
    )


def endpoint_changes(
    comparison: Comparison, old: Endpoint, new: Endpoint, include_docs: bool
) -> list[Change]:
    """What changed between two matched endpoints: contract (via deepdiff) plus name, folder and path moves."""
    old_op = old.operation
    new_op = new.operation
    old_side = comparison.upstream_old.side
    old_profile = old_side.profile
    new_profile = comparison.new.side.profile
    if old_op is not None and new_op is not None:
        old_api = old_side.api
        assert old_api is not None and comparison.new.side.api is not None
        changes = comparison.comparer.compare(
            operation_signature(old_op, comparison.shapes(old_api, include_docs), old_profile),
            operation_signature(
                new_op, comparison.shapes(comparison.new.side.api, include_docs), new_profile
            ),
        )
    elif old.item is not None and new.item is not None:
        # Without OLD's spec, a fork's request as generate wrote it (its examples record it) is what upstream
        # changed from: a header the user added is not a parameter NEW removed. NEW given as a collection is
        # read the same way, so two forks of one revision compare equal whatever their users edited.
        before = _as_generated(old_side, old.item)
        after = _as_generated(comparison.new.side, new.item)
        changes = comparison.comparer.compare(
            item_signature(before, include_docs, old_profile.revision_header),
            item_signature(after, include_docs, new_profile.revision_header),
        )
        new_api = comparison.new.side.api
        if new_op is not None and new_api is not None:
            changes = [_judged_by_new_schema(change, new_op, new_api) for change in changes]
    else:
        changes = []
    changes = _renamed_path_parameters(changes, old.template, new.template)
    old_id = old_op.operation_id if old_op is not None else old.operation_id
    if old_id and new.operation_id and old_id != new.operation_id:
        changes.append(Change("renamed", False, "operationId", f"`{old_id}` is now `{new.operation_id}`"))
    # without OLD's spec, a fork's name or folder may be the user's rename as well as upstream's: said as it is
    unknown_whose = comparison.base is None and not old_side.is_spec
    if old.name != new.name:
        said = (
            f"'{old.name}' in OLD, '{new.name}' in NEW"
            if unknown_whose
            else f"'{old.name}' is now '{new.name}'"
        )
        changes.append(Change("request-renamed", False, "name", said))
    if old.folder != new.folder and old.folder not in comparison.upstream_old.user_folders:
        changes.append(
            Change(
                "moved",
                False,
                "folder",
                f"in {'/'.join(old.folder) or '(top)'} in OLD, {'/'.join(new.folder) or '(top)'} in NEW"
                if unknown_whose
                else f"moved from {'/'.join(old.folder) or '(top)'} to {'/'.join(new.folder) or '(top)'}",
            )
        )
    path = path_change(old, new)
    return changes + [path] if path is not None else changes


_BODY_FIELD = "request body /"


def _judged_by_new_schema(change: Change, op: Operation, api: Api) -> Change:
    """Without OLD's spec, a body field NEW's request sends that OLD's did not is new, and breaking where NEW's
    schema requires it: every request OLD's collection sends lacks it (Train Travel's booking given a required
    `passenger_email` was "new field", `--fail-on breaking` passed, and validate failed the same request)."""
    if change.kind != "field-added" or not change.where.startswith(_BODY_FIELD) or op.request_body is None:
        return change
    media = op.request_body.preferred
    path = change.where[len(_BODY_FIELD) :].split("/")
    if media is None or not _required_at(api, media.schema, path):
        return change
    return Change(
        "field-required", True, change.where, f"field `{path[-1]}` is required in NEW, not sent by OLD"
    )


def _required_at(api: Api, schema: Any, path: list[str]) -> bool:
    """Whether the object schema at `path` (property names, list indices) under `schema` requires its last
    name; `$ref`s and `allOf` parts read, an alternative (`oneOf`, `anyOf`) never taken for a requirement."""
    try:
        for step in path[:-1]:
            schema = api.resolve(schema)
            if not isinstance(schema, dict):
                return False
            schema = schema.get("items") if step.isdigit() else api.merged_properties(schema)[0].get(step)
        return path[-1] in api.merged_properties(schema)[1]
    except InputError:  # a ref that does not resolve, or loops: no requirement read
        return False


def _as_generated(side: Side, item: Item) -> Item:
    """A collection's request item with the request its examples recorded, when they hold one; its auth is the
    item's own (a v3 example records none)."""
    recorded = side.as_generated(item) if not side.is_spec else None
    if recorded is None:
        return item
    return replace(item, request=replace(recorded.request, auth=item.request.auth))


def _renamed_path_parameters(changes: list[Change], old_template: str, new_template: str) -> list[Change]:
    """A path parameter removed and another added in the same place of the path (Klaviyo's `campaign_id` now
    `id`) is one rename, which no caller sees: every request sends the same URL."""
    old_segments = ids.without_trailing_slash(old_template.split("/"))
    new_segments = ids.without_trailing_slash(new_template.split("/"))
    renamed = {
        old_param[0]: new_param[0]
        for before, after in zip(old_segments, new_segments, strict=False)
        if (old_param := _segment_parameter(before))
        and (new_param := _segment_parameter(after))
        and old_param[0] != new_param[0]
        and old_param[1] == new_param[1]
    }
    if not renamed or len(old_segments) != len(new_segments):
        return changes
    removed = {c.where for c in changes if c.kind == "parameter-removed"}
    added = {c.where for c in changes if c.kind == "parameter-added"}
    pairs = {
        old_name: new_name
        for old_name, new_name in renamed.items()
        if f"path `{old_name}`" in removed and f"path `{new_name}`" in added
    }
    out: list[Change] = []
    for change in changes:
        if change.kind == "parameter-added" and change.where in {f"path `{n}`" for n in pairs.values()}:
            continue
        name = change.where[len("path `") : -1] if change.where.startswith("path `") else None
        if change.kind == "parameter-removed" and name in pairs:
            change = Change(
                "parameter-renamed", False, change.where, f"path parameter `{name}` is now `{pairs[name]}`"
            )
        out.append(change)
    return out


_ONE_PARAMETER = re.compile(r"^([^{}]*)\{([^{}]+)\}([^{}]*)$")


def _segment_parameter(segment: str) -> tuple[str, str] | None:
    """The one parameter a path segment holds and the segment's shape around it: `{campaign_id}` or
    `:campaign_id` → (`campaign_id`, `{}`); Twilio's `{Sid}.json` or `:Sid.json` → (`Sid`, `{}.json`)."""
    found = _ONE_PARAMETER.match(segment)
    if found:
        return found.group(2), found.group(1) + "{}" + found.group(3)
    variable = ids.path_variable(segment) if "{" not in segment else None
    return (variable[0], "{}" + variable[1]) if variable is not None and variable[0] else None


def path_change(old: Endpoint, new: Endpoint) -> Change | None:
    """A move to another path breaks every caller; a trailing slash dropped or a parameter renamed does not."""
    if old.key != new.key:
        return Change(
            "path-moved",
            True,
            "path",
            f"moved from `{old.template}` to `{new.template}`: the old path no longer answers",
        )
    if _spec_path(old.template) != _spec_path(new.template):
        return Change("path-changed", False, "path", f"`{old.template}` is now `{new.template}`")
    return None


def _spec_path(template: str) -> str:
    return "/".join("{}" if s.startswith((":", "{")) else s for s in template.split("/"))


def not_in_new(comparison: Comparison, saved: SavedRequest) -> str:
    """Why a saved request has no operation in NEW, naming where its operation went when it moved."""
    request = saved.item.request
    message = (
        f"{saved.key[0]} {request.url.path_template} is not an operation in v{comparison.new.side.revision}"
    )
    successor = comparison.fork_matching.successors.get(saved.key)
    return message + (f"; it is now {successor.label}" if successor is not None else "")


def saved_verdicts(comparison: Comparison) -> list[SavedRequestVerdict]:
    """Each saved request judged against OLD's own spec (when known) and NEW's: fine, already broken, broken by
    NEW or fixed by NEW, so a fork's old mistakes are not blamed on the new revision."""
    verdicts: list[SavedRequestVerdict] = []
    fork_variables = comparison.fork_variables()
    for saved in comparison.old.saved:
        old_endpoint = comparison.old.endpoints.get(saved.key)
        new_endpoint = comparison.new_endpoint_for(saved)
        request = saved.item.request
        before = comparison.old_problems(saved)
        after: list[tuple[str, str]] | None  # NEW's problems as (code, message)
        elsewhere = other_host(request, comparison.api, fork_variables)
        if elsewhere is not None:  # another service's request (a webhook relay): not this API's to judge
            old_endpoint = new_endpoint = None
            before, after, status, problems = None, None, "unchecked", [elsewhere.message]
        else:
            if new_endpoint is None:
                after = [("not-in-new", not_in_new(comparison, saved))]
            else:
                found = comparison.check(saved, new_endpoint)
                after = None if found is None else [(p.code, p.message) for p in found]
            status = saved_status(before, after)
            problems = [m for _, m in after] if after is not None else [UNCHECKED]
        verdicts.append(
            SavedRequestVerdict(
                name=saved.item.name,
                folder=saved.folder,
                method=request.method,
                url=request.url.raw,
                operation=endpoint_ref(old_endpoint) if old_endpoint else None,
                new_operation=endpoint_ref(new_endpoint) if new_endpoint else None,
                status=status,
                problems=problems,
                old_problems=[p.message for p in before] if before else [],
            )
        )
    return verdicts


def saved_status(before: list[Problem] | None, after: list[tuple[str, str]] | None) -> str:
    """fine, already-broken (NEW finds no kind of problem OLD's spec did not), broken-by-new, fixed-by-new;
    `broken` when OLD's spec is unknown (so whether it was broken before cannot be told), `unchecked` without
    NEW's spec."""
    if after is None:
        return "unchecked"
    if before is None:
        return "broken" if after else "fine"
    if not after:
        return "fixed-by-new" if before else "fine"
    known = {p.code for p in before}
    if known & _NO_OPERATION:
        known.add("not-in-new")  # OLD had no such operation either
    return "already-broken" if {code for code, _ in after} <= known else "broken-by-new"


_NO_OPERATION = {"unknown-path", "method-not-allowed"}
UNCHECKED = "NEW is a collection without its spec; not checked"


def compare_sides(
    old: Side,
    new: Side,
    *,
    today: date,
    base: Side | None = None,
    revisions: RevisionList | None = None,
    include_docs: bool = False,
    comparison: Comparison | None = None,
    classify: bool = True,
) -> DiffReport:
    """The whole diff report; pure (sides are already loaded, `today` is given).

    `classify=False` skips the fine-grained comparison of matched operations: all count as unchanged but those
    that moved to another path.
    """
    comparison = comparison or prepare(old, new, base)
    changed: list[OperationChange] = []
    unchanged = 0
    for pair in sorted(comparison.matching.pairs, key=lambda p: _order(p.new.key)):
        if classify:
            changes = endpoint_changes(comparison, pair.old, pair.new, include_docs)
        else:
            moved = path_change(pair.old, pair.new)
            changes = [moved] if moved is not None and moved.kind == "path-moved" else []
        if changes:
            changed.append(OperationChange(endpoint_ref(pair.old), endpoint_ref(pair.new), pair.how, changes))
        else:
            unchanged += 1
    notes: list[str] = []
    partial = not old.is_spec and base is None
    if partial:
        notes.append(
            f"OLD's spec{f' ({stamped(old.revision)})' if old.revision else ''} is not known: changes compare "
            "the requests only, and a "
            "saved request broken in NEW may have been broken before "
            "(give --base SPEC or --revisions DIR for the full comparison)"
        )
    old_revision = old.revision
    if (
        old.revision is not None
        and old.revision == new.revision
        and (comparison.matching.added or comparison.matching.removed)
    ):
        notes.append(
            f"OLD and NEW both say {stamped(old.revision)}, yet operations were added or removed: the API changed "
            "without a new version, so the version alone does not tell how stale OLD is"
        )
    if base is not None and not old.is_spec and base.revision and base.revision != old.revision:
        # the user set the fork's `revision` variable to a newer one: its requests are still its spec's
        notes.append(
            f"OLD's `revision` variable says {old.revision}, but its requests are {stamped(base.revision)}'s: "
            f"judged as {stamped(base.revision)}; setting the variable sends the newer revision header without "
            "bringing the requests to it (`postman-kit upgrade` does)"
        )
        old_revision = base.revision
    return DiffReport(
        old_source=old.source,
        new_source=new.source,
        verdict=judge(old_revision, new.revision, today, revisions, new.profile.revision_lifecycle),
        added=[endpoint_ref(e) for e in sorted(comparison.matching.added, key=lambda e: _order(e.key))],
        removed=[
            endpoint_ref(e, comparison.matching.successors.get(e.key))
            for e in sorted(comparison.matching.removed, key=lambda e: _order(e.key))
        ],
        changed=changed,
        unchanged=unchanged,
        saved=saved_verdicts(comparison),
        notes=notes,
        partial=partial,
        api_changes=api_changes(comparison),
    )


def api_changes(comparison: Comparison) -> list[Change]:
    """What changed for every request: the collection variables generate writes for the spec's servers (the
    base URL, another server's URL, a server variable's default). A base path that moved breaks every request
    sent with OLD's value; another host is said, not judged. A credential's value is never compared or shown.

    Without OLD's spec, OLD's values are the fork's, which may be the user's own (`baseUrl` pointed at
    staging): said as they are, never judged, and a variable the fork has and NEW lacks is not reported (it
    may be the user's)."""
    old_side = comparison.upstream_old.side
    new_side = comparison.new.side
    partial = comparison.base is None and not old_side.is_spec
    revision = new_side.profile.revision_header or "revision"
    old_values = _plain_variables(old_side, revision)
    new_values = _plain_variables(new_side, revision)
    old_names = {variable.key for variable in old_side.collection.variables}
    changes: list[Change] = []
    for name, new_value in new_values.items():
        where = f"collection variable `{name}`"
        if name not in old_names:
            changes.append(Change("variable-added", False, where, f"new in NEW, set to {new_value!r}"))
            continue
        if name not in old_values:
            continue  # switched off in OLD (by the fork's user), or a credential: nothing to compare
        old_value = old_values[name]
        if old_value == new_value:
            continue
        if partial:
            changes.append(
                Change("variable-changed", False, where, f"{old_value!r} in OLD, {new_value!r} in NEW")
            )
            continue
        moved = _base_path(old_value) != _base_path(new_value)
        detail = f"{old_value!r} is now {new_value!r}"
        if moved:
            detail += ": a request sent with OLD's value (an environment still setting it) goes to paths NEW's server does not serve"
        changes.append(
            Change("server-changed" if _is_url(old_value) else "variable-changed", moved, where, detail)
        )
    if not partial:
        for name, old_value in old_values.items():
            if name not in new_values:
                changes.append(
                    Change(
                        "variable-removed",
                        False,
                        f"collection variable `{name}`",
                        f"was {old_value!r}; NEW has none",
                    )
                )
    return changes + _server_list_changes(old_side, new_side)


def _server_list_changes(old_side: Side, new_side: Side) -> list[Change]:
    """The document's other servers (past the first, which `baseUrl` stands for) each side lists and the other
    does not: an EU server NEW drops was said nowhere, though a fork's `baseUrl` pointed at it."""
    if old_side.api is None or new_side.api is None:
        return []
    old_urls = [server.template or server.url for server in old_side.api.servers]
    new_urls = [server.template or server.url for server in new_side.api.servers]
    changes = [
        Change("server-removed", False, "servers", f"`{url}` is no longer a server of the API")
        for url in old_urls[1:]
        if url not in new_urls
    ]
    changes += [
        Change("server-added", False, "servers", f"`{url}` is a new server of the API")
        for url in new_urls[1:]
        if url not in old_urls
    ]
    return changes


_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//[^/?#]*", re.IGNORECASE)


def _is_url(value: str) -> bool:
    return _URL.match(value) is not None


def _base_path(value: str) -> str | None:
    """A URL's path without its trailing slash; None for a value that is not a URL."""
    found = _URL.match(value)
    return value[found.end() :].split("?")[0].split("#")[0].rstrip("/") if found else None


def _plain_variables(side: Side, revision: str) -> dict[str, str]:
    """A side's collection variables that stand for where requests go, by name: not the revision (the verdict
    says it), not a disabled one, never one holding a credential."""
    values: dict[str, str] = {}
    for variable in side.collection.variables:
        value = variable.value
        if variable.disabled or variable.key == revision or not isinstance(value, str | int | float | bool):
            continue
        text = str(value)
        if holds_named_credential(variable.key, text) or find_keys(text) or find_tokens(text):
            continue
        values.setdefault(variable.key, text)
    return values


def _order(key: Key) -> tuple[str, str]:
    return key[1], key[0]
