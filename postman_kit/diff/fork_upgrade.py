"""`upgrade`: NEW's requests laid into the fork's own tree, the user's saved requests and edits carried over.

Start from NEW (its revision, auth, variables, folders, examples); lay the fork's tree over it, so every folder
the user made and every saved request stays where the user put it, moved onto NEW's operation and marked `⚠ `
(never changed) when it breaks there; carry the user's edits to upstream requests where they still fit NEW (three-way: the base
is what upstream generated for OLD's revision when that spec is known, else OLD itself, so nothing counts as
an edit); keep the user's own variables and the fork's name label. A collection generated from spec A and
upgraded to B with nothing added is exactly the collection generated from B.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from postman_kit import ids
from postman_kit.collection import (
    CREDENTIAL_ATTRIBUTES,
    Auth,
    Collection,
    Folder,
    Header,
    Item,
    Node,
    QueryParam,
    Request,
    Response,
    Url,
    Variable,
    item_path,
)
from postman_kit.conformance import other_host
from postman_kit.diff.changes import DiffReport
from postman_kit.diff.compare import Comparison, compare_sides, not_in_new, prepare
from postman_kit.diff.matching import Endpoint, SavedRequest
from postman_kit.diff.revisions import RevisionList
from postman_kit.diff.sides import Side
from postman_kit.diff.signature import security_identity
from postman_kit.generation.build import truncate_in_words
from postman_kit.generation.contracts import CONTRACT_TEST_HEADER
from postman_kit.generation.serialize import query_value
from postman_kit.generation.servers import host_label
from postman_kit.ids import is_derived, stable_uuid
from postman_kit.naming import parse_collection_name, stamped
from postman_kit.secrets import (
    MIN_TOKEN_LENGTH,
    find_keys,
    find_tokens,
    holds_named_credential,
    is_credential_name,
    looks_like_a_credential,
    named_credentials,
    redact,
    replace_keys,
    replace_tokens,
    truncate_key,
)
from postman_kit.writer import json_text

if TYPE_CHECKING:
    from postman_kit.conformance import Problem
    from postman_kit.openapi import Api

KIT_KEY = "x-postman-kit"
CONFLICT_MARK = "⚠ "
REFUSED_COPY_SUFFIX = " (your edit)"  # the name of the copy of edits NEW refuses, after its request's
NOTE_HEADING = "**Needs review after upgrading from"
_QUERY_POINTER = re.compile(r"^/url/query/(\d+)")
# What generate wrote where it now writes a realistic value: in a fork, that text is upstream's, not an edit.
OLD_PLACEHOLDERS = frozenset({"string"})
_VARIABLE_REFERENCE = re.compile(r"\{\{([^{}]+)\}\}")
# A word naming how a credential is sent (`Klaviyo-API-Key`, `Bearer`), no part of the credential itself
_SCHEME_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_PASSWORD_FIELD = re.compile(r"(?i)pass(?:word|wd)")
KIT_MARKER = "x-postman-kit"  # what generate keeps on an item (Item.kit)
DEFAULT_KEY_VARIABLE = "privateKey"


# an upstream request an earlier upgrade kept, marked, for the user's edits
KEPT_BEFORE = "kept by an earlier upgrade"


@dataclass(slots=True)
class KeyReplacement:
    """A private key pasted into what OLD carried, replaced by the collection's key variable."""

    label: str  # the request (folder path and name), or `collection`
    where: str  # header `Authorization`, query `api_key`, body, ...
    key: str  # truncated: `pk_…1234`
    variable: str

    def text(self) -> str:
        return f"{self.label}: {self.where} ({self.key}) → {{{{{self.variable}}}}}"

    def to_json(self) -> dict[str, Any]:
        return {"request": self.label, "where": self.where, "key": self.key, "variable": self.variable}


@dataclass(slots=True)
class Conflict:
    """A saved request kept in the upgrade but not valid in NEW (or the copy of an upstream request holding the
    user's edits NEW refuses): kept as the user wrote it, and marked."""

    label: str  # folder path and name in the upgraded collection
    problems: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"request": self.label, "problems": self.problems}


@dataclass(slots=True)
class UpgradeReport:
    """What the upgrade did with each part of OLD, beside the diff it was based on."""

    diff: DiffReport
    carried: list[str] = field(default_factory=list)  # saved requests carried cleanly (their new place)
    edits_kept: list[str] = field(default_factory=list)  # user edits to upstream requests carried over
    dropped: list[str] = field(default_factory=list)  # upstream requests or edits with no place in NEW
    conflicts: list[Conflict] = field(default_factory=list)
    keys_replaced: list[KeyReplacement] = field(default_factory=list)
    folders_kept: list[str] = field(default_factory=list)  # the user's own folders, kept where they were
    unmatched: list[str] = field(default_factory=list)  # saved requests of no operation of either revision
    rewritten: list[str] = field(default_factory=list)  # the unambiguous fixes made to saved requests
    # parts of upstream requests unlike NEW's, left as NEW has them: without OLD's spec, whether the user or
    # upstream changed them is unknown
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    output: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "verdict": self.diff.verdict.to_json(),
            "summary": {
                "carried": len(self.carried),
                "editsKept": len(self.edits_kept),
                "dropped": len(self.dropped),
                "conflicts": len(self.conflicts),
                "keysReplaced": len(self.keys_replaced),
                "foldersKept": len(self.folders_kept),
                "unmatched": len(self.unmatched),
                "notCarried": len(self.not_carried),
                "added": len(self.diff.added),
                "changed": len(self.diff.changed),
            },
            "carried": self.carried,
            "editsKept": self.edits_kept,
            "dropped": self.dropped,
            "conflicts": [c.to_json() for c in self.conflicts],
            "keysReplaced": [k.to_json() for k in self.keys_replaced],
            "foldersKept": self.folders_kept,
            "unmatched": self.unmatched,
            "rewritten": self.rewritten,
            "notCarried": self.not_carried,
            "notes": self.notes,
            "diff": self.diff.to_json(),
        }


def upgrade_sides(
    old: Side,
    new: Side,
    *,
    today: date,
    base: Side | None = None,
    revisions: RevisionList | None = None,
    include_docs: bool = False,
    classify: bool = True,
    take_new: bool = False,
) -> tuple[Collection, UpgradeReport]:
    """The upgraded collection and what happened to each part of OLD; pure (nothing is written).

    With `take_new`, NEW's collection itself becomes the upgrade (no copy is made; NEW's side is not to be used
    afterwards).
    """
    comparison = prepare(old, new, base)
    report = UpgradeReport(
        diff=compare_sides(
            old,
            new,
            today=today,
            base=base,
            revisions=revisions,
            include_docs=include_docs,
            comparison=comparison,
            classify=classify,
        )
    )
    result = new.collection if take_new else Collection.from_json(new.collection.to_json())
    merger = _Merger(comparison, result, report)
    merger.carry_edits()
    merger.carry_collection_auth()
    merger.carry_tree()
    merger.carry_order()
    merger.carry_variables()
    result.info.name = _fork_name(old, new, result.info.name, base, report)
    merger.carry_description()
    _carry_collection_scripts(old.collection, result, report)
    settings = _carried_fields(old.collection.extra, result.extra, result.extra)
    if settings:
        report.edits_kept.append("collection settings: " + ", ".join(settings))
    merger.carry_folder_variables()
    merger.replace_pasted_keys()
    merger.replace_literal_credentials()
    merger.replace_found_credentials_everywhere()
    merger.declare_credential_variables()
    merger.note_shadowed_auth()
    merger.scrub_report()
    # what no request sends but the user wrote (a folder named or described with a token, a header or variable
    # name holding one, `?api_key=…` in a description): truncated, as every output writes a key, and listed to
    # revoke, as it was in the collection the user shares
    _note_exposed_credentials(result, report)
    truncate_in_words(result.items)
    for variable in result.variables:
        variable.key = redact(variable.key)
    result.info.description = redact(result.info.description)
    result.info.name = redact(result.info.name)  # a Slack webhook pasted into it
    return result, report


class _Merger:
    def __init__(self, comparison: Comparison, result: Collection, report: UpgradeReport) -> None:
        self.comparison = comparison
        self.result = result
        self.report = report
        self.new_revision = comparison.new.side.revision or "NEW"
        self.old_revision = comparison.old.side.revision or "OLD"
        # as the report names them: `v1.1.0`, `v2026-07-15`; NEW and OLD when unknown
        self.new_label = stamped(comparison.new.side.revision) if comparison.new.side.revision else "NEW"
        self.old_label = stamped(comparison.old.side.revision) if comparison.old.side.revision else "OLD"
        # where each of NEW's requests sits in the result: item id → (the list holding it, folder trail)
        self.places: dict[str, tuple[list[Node], tuple[str, ...], Item]] = {}
        self._index(result.items, ())
        self.key_variable = _key_variable(result)
        # what came from OLD, where a pasted key may be: (item, its label in the upgrade)
        self.carried_items: list[tuple[Item, str]] = []
        # the auth NEW gave each upstream request the user's edits went onto (by the item's identity)
        self.new_auth: dict[int, Auth | None] = {}
        # NEW's request in the result, the fork's request it was paired with, and that one's endpoint key
        self.paired: list[tuple[Item, Item, Any]] = []
        # the marks an earlier upgrade put on a request (origin revision, problems, note heading), by identity
        self.earlier_marks: dict[int, tuple[Any, Any, str | None]] = {}
        # NEW's request in the result → the copy beside it holding the user's edits NEW refuses (see _keep_refused)
        self.refused_copies: dict[int, Item] = {}
        # upstream requests NEW removed that the user had edited: id → (what they changed, NEW's successor)
        self.kept_removed: dict[int, tuple[list[str], str | None]] = {}
        # each credential taken out of the fork → the variable it became: one variable per value
        self.credential_variables: dict[str, str] = {}
        # every credential found in the fork, in full: the report never names a request by one (a Slack
        # webhook's secret is the last part of its path)
        self.found_secrets: set[str] = set()
        # what NEW's own auths send (an environment's variables), before anything of OLD's joins them
        self.new_auth_variables = _auth_variables(result)

    def _index(self, nodes: list[Node], trail: tuple[str, ...]) -> None:
        for node in nodes:
            if isinstance(node, Folder):
                self._index(node.items, trail + (node.name,))
            elif node.id:
                self.places[node.id] = (nodes, trail, node)

    def _result_item(self, endpoint: Endpoint) -> tuple[list[Node], tuple[str, ...], Item] | None:
        if endpoint.item is None or not endpoint.item.id:
            return None
        return self.places.get(endpoint.item.id)

    # -- edits to upstream requests ----------------------------------------------------------------------------
    def carry_edits(self) -> None:
        """The user's edits to upstream requests, three-way: what differs between the fork's request and what
        upstream generated for it goes onto NEW's request. What upstream generated is the request OLD's spec
        builds when that spec is known, else the request the item's own examples recorded (see
        `Side.as_generated`); a request with neither is left as NEW has it, and counted in a note."""
        base = self.comparison.base
        no_base: list[str] = []
        # the operation a request is marked with, where the user pointed it at another path (an endpoint the spec
        # does not document): what OLD's spec generated for that operation is what the user edited
        base_by_id = (
            {e.operation_id: e.item for e in base.endpoints.values() if e.operation_id} if base else {}
        )
        for pair in self.comparison.fork_matching.pairs:
            place = self._result_item(pair.new)
            if place is None or pair.old.item is None:
                continue
            base_item = base.endpoints[pair.old.key].item if base and pair.old.key in base.endpoints else None
            if base_item is None and pair.old.operation_id:
                base_item = base_by_id.get(pair.old.operation_id)
            from_spec = base_item is not None
            if base_item is None:
                base_item = self.comparison.old.side.as_generated(pair.old.item)
            _, trail, target = place
            self.paired.append((target, pair.old.item, pair.old.key))
            label = "/".join(trail + (target.name,))
            if base_item is None:
                no_base.append(label)
                continue
            self._apply_edits(pair.old.item, base_item, target, label, exact=from_spec)
        if no_base:
            self.report.notes.append(
                f"{len(no_base)} upstream request(s) (e.g. {no_base[0]}) have no example recording what upstream "
                f"generated and {self.old_label}'s spec was not given: any edits you made to them are not "
                "carried (give --base SPEC or --revisions DIR to carry them)"
            )
        if base is not None:
            # what OLD's spec generated and the fork no longer has: the user deleted it; NEW brings it back
            paired = {pair.new.key for pair in self.comparison.fork_matching.pairs}
            restored = [
                f"{new.name} ({new.label})"
                for key, new in self.comparison.new.endpoints.items()
                if key in base.endpoints and key not in self.comparison.old.endpoints and key not in paired
            ]
            if restored:
                self.report.notes.append(
                    f"{len(restored)} upstream request(s) you had deleted are back from {self.new_label} (e.g. "
                    f"{restored[0]}); delete them again if you do not want them"
                )
        for endpoint in self.comparison.fork_matching.removed:
            successor = self.comparison.fork_matching.successors.get(endpoint.key)
            judged = self._unpinned(endpoint.item) if endpoint.item is not None else None
            edits = self._edits_of(judged, endpoint.key) if judged is not None else []
            if not edits and endpoint.item is not None and _marked_before(endpoint.item):
                # kept by an earlier upgrade for edits that may not show against this one's base (a rename, when
                # the upgrade is upgraded again to the same version): it stays the user's, marked as it was
                edits = [KEPT_BEFORE]
            if edits and endpoint.item is not None:
                # the user's work on it outlives the operation: kept where it was, marked (see _lay)
                self.kept_removed[id(endpoint.item)] = (edits, successor.label if successor else None)
                continue
            self.report.dropped.append(
                f"{endpoint.label} ({endpoint.name}): not an operation in "
                f"{self.new_label}" + (f"; see {successor.label}" if successor else "")
            )

    def _edits_of(self, item: Item, key: Any) -> list[str]:
        """What the user changed on one of upstream's requests: against the request OLD's spec builds when it
        is known, else the one the item's examples recorded (then only the request and scripts that are no
        contract test count: a name or docs unlike NEW's may be upstream's)."""
        base = self.comparison.base
        generated = base.endpoints[key].item if base is not None and key in base.endpoints else None
        exact = generated is not None
        if generated is None:
            generated = self.comparison.old.side.as_generated(item)
        if generated is None:
            return []
        edits: list[str] = []
        if _sends(item.request) != _sends(generated.request):
            edits.append("request")
        if exact:
            if item.name != generated.name:
                edits.append("name")
            if (item.description, item.request.description) != (
                generated.description,
                generated.request.description,
            ):
                edits.append("description")
            if item.event != generated.event:
                edits.append("scripts")
            if len(item.response) > len(generated.response):
                edits.append("saved examples")
        elif any(not _is_contract_test(event) for event in item.event):
            edits.append("scripts")
        settings = "protocolProfileBehavior"
        if item.extra.get(settings) != generated.extra.get(settings) and (
            exact or settings not in generated.extra
        ):
            edits.append("settings")  # a request's settings (Postman's Settings tab)
        return edits

    def _apply_edits(self, mine: Item, base: Item, target: Item, label: str, exact: bool = False) -> None:
        """`exact`: `base` is the item OLD's spec builds. Otherwise it is the request read back from the item's
        examples, which record neither its name, docs and auth, nor its scripts and examples: a name, docs or auth
        unlike NEW's may then be the user's edit or upstream's change, so NEW's is kept and the difference named
        under "Not carried"; scripts where NEW has none, and examples NEW has not, can only be the user's."""
        # A built item's examples share its request's parts; edits go to a copy, so examples show NEW's call.
        self.new_auth[id(target)] = target.request.auth
        target.request = Request.from_json(target.request.to_json())
        kept: list[str] = []
        unknown: list[str] = []  # unlike NEW's, but whose change it was is unknown (inexact base)
        refused: list[tuple[str, Callable[[Request], None]]] = []  # edits NEW refuses: what, and how to redo
        if exact and mine.name != base.name:
            target.name = mine.name
            kept.append(f"name '{mine.name}'")
        elif not exact and mine.name != target.name:
            unknown.append(f"name '{mine.name}'")
        # words the user wrote; an emptied description is more likely an older export's than an edit
        written = (mine.request.description, mine.description)
        if exact and any(written) and written != (base.request.description, base.description):
            # the user's words added to upstream's go into NEW's (a changed scope, a new link stays seen)
            target.request.description = _merged_words(
                mine.request.description, base.request.description, target.request.description
            )
            target.description = _merged_words(mine.description, base.description, target.description)
            kept.append("description")
        elif not exact and any(written) and written != (target.request.description, target.description):
            unknown.append("description")
        if exact and _auth_json(mine.request.auth) != _auth_json(base.request.auth):
            target.request.auth = mine.request.auth
            kept.append("auth")
        elif not exact and _auth_json(mine.request.auth) != _auth_json(target.request.auth):
            unknown.append("auth")
        kept += self._query_edits(mine.request, base.request, target, label, refused)
        typed = _typed_path_values(mine.request.url, base.request.url)
        if typed is None and exact:
            # the user pointed the request at another path (an endpoint the spec does not document): theirs, and
            # where it is sent; NEW's documented path in its place would call another endpoint unasked
            url = target.request.url
            url.path = list(mine.request.url.path)
            url.variable = [Variable.from_json(v.to_json()) for v in mine.request.url.variable]
            kept.append(f"path /{'/'.join(url.path)}")
        elif typed is None:
            unknown.append(f"path /{'/'.join(mine.request.url.path)}")
        base_vars = {v.key: v.value for v in base.request.url.variable}
        values = [(v.key, v.value) for v in mine.request.url.variable] + list((typed or {}).items())
        for name, value in values if typed is not None else ():
            if base_vars.get(name) != value and value not in OLD_PLACEHOLDERS:
                owns = [own for own in target.request.url.variable if own.key == name]
                if not owns:
                    # NEW renamed the parameter (`{bookingId}` → `{booking_id}`): the one in the same segment,
                    # where the fork's path has it, or where upstream's had it for an id typed over it
                    owns = _same_segment(name, mine.request.url, target.request.url) or _same_segment(
                        name, base.request.url, target.request.url
                    )
                named_by_user = name not in base_vars and any(
                    variable is not None and variable[0] == name
                    for variable in (ids.path_variable(part) for part in mine.request.url.path)
                )
                for own in owns:
                    own.value = value
                    if own.key == name:
                        kept.append(f"path variable `{name}`")
                    elif named_by_user:
                        # the user's name for it (`:couponId` for `:id`), which no request sends: a script of
                        # theirs reads it by that name
                        kept.append(f"path variable `{name}` (your name for `:{own.key}`)")
                        _rename_path_variable(target.request.url, own.key, name)
                    else:
                        kept.append(f"path variable `{name}`, `:{own.key}` in {self.new_label}")
                        if _scripts_read(mine, name):
                            self.report.notes.append(
                                f"{label}: {self.new_label} names path variable `{name}` `{own.key}`: a script "
                                f"of yours that reads `{name}` reads nothing now"
                            )
                if not owns:  # the operation moved to a path without this parameter
                    self.report.dropped.append(
                        f"{label}: your path variable `{name}={value}` "
                        f"(not a parameter of {target.request.url.path_template} in "
                        f"{self.new_label})"
                    )
        # where it is sent (`http://localhost:4010` while trying a mock, production while `baseUrl` is staging)
        if _origin(mine.request.url) != _origin(base.request.url):
            url = target.request.url
            url.protocol, url.host, url.port = (
                mine.request.url.protocol,
                mine.request.url.host,
                mine.request.url.port,
            )
            # the path the server's URL puts before the operation's, written out with the host (Spotify's `/v1`
            # in `https://api.spotify.com/v1/me`, a URL pasted from the docs), goes with it
            mine_path, base_path = mine.request.url.path, base.request.url.path
            extra = len(mine_path) - len(base_path)
            if extra > 0 and mine_path[extra:] == base_path:
                url.path = mine_path[:extra] + url.path
            kept.append("host")
        base_headers = {h.key.lower(): h for h in base.request.header}
        target_headers = {h.key.lower(): h for h in target.request.header}
        revision_header = (self.comparison.new.side.profile.revision_header or "").lower()
        rows_by_key: dict[str, list[Header]] = {}
        for header in mine.request.header:
            rows_by_key.setdefault(header.key.lower(), []).append(header)
        for key, rows in rows_by_key.items():
            before = base_headers.get(key)
            # Of several rows of one name (the generated one switched off, the user's own beside it), the one
            # that holds OLD's value, else the first, is the generated row; the others are the user's own.
            generated_row = next(
                (row for row in rows if before is not None and row.value == before.value), rows[0]
            )
            for header in rows:
                own_row = header is not generated_row
                if (
                    not own_row
                    and before is not None
                    and (before.value, before.disabled) == (header.value, header.disabled)
                ):
                    continue
                if (
                    key == revision_header
                    and header.value.strip() == self.old_revision
                    and key in target_headers
                ):
                    # OLD's revision typed in place of the variable: the one unambiguous fix, named in the report.
                    fixed = target_headers[key].value
                    self.report.rewritten.append(
                        f"{label}: {header.key} header {header.value.strip()} → {fixed}"
                    )
                    if own_row:  # a row of the user's own beside the generated one: still sent
                        target.request.header.append(
                            Header(header.key, fixed, header.description, header.disabled, dict(header.extra))
                        )
                    continue
                if not own_row and key in target_headers:
                    target_headers[key].value = header.value
                    target_headers[key].disabled = header.disabled
                else:
                    target.request.header.append(header)
                kept.append(f"header `{header.key}`")
        # A header upstream generated that the user deleted (an `Accept`, a `revision` a collection script sets)
        # stays out, told by the request the item's examples recorded where they hold one: a header a later
        # generate adds that the fork was never given is no deletion.
        recorded = self.comparison.old.side.as_generated(mine) if exact else base
        recorded_keys = {h.key.lower() for h in (recorded or base).request.header}
        mine_keys = {h.key.lower() for h in mine.request.header}
        for header in base.request.header:
            key = header.key.lower()
            if key not in mine_keys and key in recorded_keys and key in target_headers:
                target.request.header = [h for h in target.request.header if h.key.lower() != key]
                kept.append(f"removed header `{header.key}`")
        if mine.request.body is None and base.request.body is not None and target.request.body is not None:
            # the user took the body out (Postman's "none"): theirs where OLD's spec is known, else named
            if exact:
                target.request.body = None
                kept.append("body removed")
            else:
                unknown.append("body removed")
        elif (
            mine.request.body is not None
            and base.request.body is None
            and target.request.body is None
            and _has_content(mine.request.body)
        ):
            # a body the user gave a request whose operation takes none (neither spec's): theirs, kept
            target.request.body = mine.request.body
            kept.append("body (yours)")
        elif (
            mine.request.body is not None
            and (base.request.body is not None or _has_content(mine.request.body))
            and (base.request.body is None or _body_sent(mine.request.body) != _body_sent(base.request.body))
        ):
            previous = target.request.body
            target.request.body = mine.request.body
            body_problems = [
                p
                for p in self._problems(target.request)
                # a body NEW refuses, or sent as a media type NEW no longer takes (JSON where it takes a form)
                if p.pointer.startswith("/body") or p.parameter == "Content-Type"
            ]
            if body_problems:
                target.request.body = previous
                refused.append(
                    ("your body edit", lambda request: setattr(request, "body", mine.request.body))
                )
            else:
                kept.append("body")
        # Postman's other fields the user set on the item (`protocolProfileBehavior`: redirects, SSL, body pruning),
        # on the request, its URL and its body (`proxy`, `certificate`, a URL's `hash`, a body's `disabled`)
        for part, mine_part, generated_part, new_part in (
            ("", mine.extra, base.extra, target.extra),
            ("", mine.request.extra, base.request.extra, target.request.extra),
            ("url ", mine.request.url.extra, base.request.url.extra, target.request.url.extra),
            (
                "body ",
                mine.request.body.extra if mine.request.body else {},
                base.request.body.extra if base.request.body else {},
                target.request.body.extra if target.request.body else None,
            ),
        ):
            if new_part is not None:
                carried = _carried_fields(mine_part, generated_part if exact else new_part, new_part)
                kept += [part + name for name in carried]
        if mine.event != (base.event if exact else target.event):
            if exact or not target.event:
                target.event = mine.event
                kept.append("scripts")
            else:
                unknown.append("scripts")
        # By name and code: a fork exported from Postman has new ids on the examples it kept. Without OLD's
        # spec, OLD's own examples are told apart by NEW's: an example NEW has is upstream's.
        generated = base.response if exact else target.response
        base_examples = {(r.name, r.code) for r in generated}
        if any((r.name, r.code) not in base_examples for r in mine.response):
            whole = self.comparison.old.side.full_item(mine)
            # without OLD's spec, one generate made (its derived id) is upstream's, one NEW no longer has (a 405
            # for a method the path now takes); Postman gives what the user saves a random id
            extra_examples = [
                r
                for r in whole.response
                if (r.name, r.code) not in base_examples
                and (exact or not is_derived(r.id) or _renamed_example(r, mine))
            ]
            if extra_examples:
                target.response.extend(extra_examples)
                kept.append(f"{len(extra_examples)} saved example(s)")
        # One of upstream's examples the user edited (a captured body pasted in): theirs, in place of NEW's. Without
        # OLD's spec, one unlike NEW's may be upstream's regenerated example: named, NEW's kept.
        # With OLD's spec: its status, body, headers, cookies or recorded request (a real request's id and headers
        # pasted in). Without, NEW's example records NEW's request: only a status or body unlike NEW's is told.
        told = None if exact else 2
        answered = {(r.name, r.code): _example_shape(r)[:told] for r in generated}
        edited = [
            r
            for r in self._examples_of(mine)
            if (labels := (str(r.get("name")), _code(r))) in answered
            and answered[labels] != _example_shape(Response.from_json(r))[:told]
        ]
        if edited and exact:
            edited_keys = {(r.get("name"), r.get("code")) for r in edited}
            at = {(r.name, r.code): index for index, r in enumerate(target.response)}
            shaped = [(r, _example_shape(r)) for r in self.comparison.old.side.full_item(mine).response]
            # upstream's example as generated, still there: another of its name and code is the user's own (a
            # response saved as `OK` beside the generated `OK`), added beside NEW's rather than in its place
            unedited = {(r.name, r.code) for r, shape in shaped if answered.get((r.name, r.code)) == shape}
            for example, shape in shaped:
                labels = (example.name, example.code)
                if labels not in edited_keys or answered[labels] == shape:
                    continue
                if labels in at and labels not in unedited:
                    target.response[at[labels]] = example
                else:
                    target.response.append(example)
                kept.append(f"example `{example.name}`")
        elif edited:
            unknown += [f"example `{r.get('name')}`" for r in edited]
        if kept:
            target.request.url.rebuild_raw()
            self.report.edits_kept.append(f"{label}: " + ", ".join(kept))
            self.carried_items.append((target, label))
        if unknown:
            self.report.not_carried.append(f"{label}: " + ", ".join(unknown))
        if refused:
            self._keep_refused(target, label, refused)

    def _keep_refused(
        self, target: Item, label: str, refused: list[tuple[str, Callable[[Request], None]]]
    ) -> None:
        """Edits NEW refuses (a body that is no longer valid, or never was JSON: a comment left open; a query
        value out of NEW's range, or for a parameter NEW no longer has) are the user's work all the same: NEW's
        request keeps NEW's valid values, and a copy of it with the refused edits made too goes right after it,
        marked as a conflict, for the user to settle. Upgrading again carries the copy as the saved request it
        then is."""
        copy = Item.from_json(target.to_json())
        copy.id = stable_uuid(target.id or label, "refused edits")
        copy.name = target.name + REFUSED_COPY_SUFFIX
        copy.response = []  # NEW's request beside it holds the examples
        copy.extra.pop(KIT_KEY, None)
        for _, redo in refused:
            redo(copy.request)
        copy.request.url.rebuild_raw()
        # what the checker finds, as a saved request's marks: upgrading the upgrade again finds and keeps the same
        problems = [problem.message for problem in self._problems(copy.request)]
        if not problems:
            problems = [f"{what} ({self.new_label} refuses it)" for what, _ in refused]
        siblings, trail, _ = self.places[target.id or ""]
        _insert_after(siblings, target, copy)
        self.refused_copies[id(target)] = copy
        copy_label = "/".join(trail + (copy.name,))
        self._mark(copy, problems)
        self.report.conflicts.append(Conflict(copy_label, problems))
        self.carried_items.append((copy, copy_label))

    def _examples_of(self, item: Item) -> list[dict[str, Any]]:
        """The item's saved examples as the fork's JSON holds them (the model may keep only names and codes)."""
        data = self.comparison.old.side.item_json.get(id(item))
        examples = data.get("response") if data is not None else [r.to_json() for r in item.response]
        return [e for e in examples or [] if isinstance(e, dict)]

    def _query_edits(
        self,
        mine: Request,
        base: Request,
        target: Item,
        label: str,
        refused: list[tuple[str, Callable[[Request], None]]],
    ) -> list[str]:
        """Query edits by key: a key's entries together, so a repeated key (`tags=a&tags=b`, an array exploded)
        is one edit, or none when its entries read as upstream generated them."""
        kept: list[str] = []
        base_query = _by_key(base.url.query)
        for key, entries in _by_key(mine.url.query).items():
            before = base_query.get(key)
            if before is not None and _same_entries(before, entries):
                continue
            query = target.request.url.query
            own = [index for index, q in enumerate(query) if q.key == key]
            if not own and before is None:
                # one the user added, a parameter of neither spec (a debug flag the API takes unlisted): theirs
                query.extend(entries)
                kept.append(f"query `{key}` (yours)")
                continue
            if not own:
                if any(not q.disabled for q in entries):  # a parameter NEW no longer has: in the copy
                    refused.append((f"your query `{key}`", _query_redo(key, entries)))
                continue
            previous = list(query)
            # the user's entries take the place of NEW's for this key: then the only ones under it
            redo = _query_redo(key, entries)
            redo(target.request)
            indices = {index for index, entry in enumerate(query) if entry.key == key}
            problems = [
                p
                for p in self._problems(target.request)
                if (m := _QUERY_POINTER.match(p.pointer)) and int(m.group(1)) in indices
            ]
            if problems:
                query[:] = previous
                value = next((q.value for q in entries if not q.disabled), entries[0].value)
                refused.append((f"your `{key}={value}`", redo))
            else:
                kept.append(f"query `{key}`")
        mine_keys = {q.key for q in mine.url.query}
        for key in [key for key in base_query if key not in mine_keys]:  # in the request's order, not a set's
            target.request.url.query = [q for q in target.request.url.query if q.key != key]
            kept.append(f"removed query `{key}`")
        return kept

    def _problems(self, request: Request) -> list[Problem]:
        return self.comparison.problems(request) or []

    def carry_collection_auth(self) -> None:
        """The collection's auth as the user set it: their own key variable, another scheme (an OAuth token), or
        a key pasted in, which becomes the variable NEW's auth sends it from and is listed to revoke. With OLD's
        spec, an auth unlike the one that spec generated is the user's and is kept; without it, one unlike NEW's
        once its pasted credentials are variables may be upstream's change, so NEW's stays and it is named
        under "Not carried"."""
        mine = self.comparison.old.side.collection.auth
        if mine is None:
            return
        mine = Auth.from_json(mine.to_json())
        self._credential_to_variable(mine, "collection")  # against NEW's auth, still the result's
        new = self.result.auth
        if _auth_json(mine) == _auth_json(new):
            return  # a key pasted over NEW's own variable, now that variable again
        base = self.comparison.base
        renamed = new is not None and _same_but_variables(mine, new)
        if renamed and base is not None:
            # with OLD's spec, only a scheme renamed, what it sends and the scopes it asks the same: a bearer
            # token that was OAuth's, or one asking a new scope, is another credential, NEW's to name
            renamed = _auth_json(mine) == _auth_json(base.side.collection.auth) and _same_requirements(
                base.side.api, self.comparison.new.side.api
            )
        if renamed:
            # the same on the wire, NEW's variables named otherwise (Train Travel's scheme OAuth2 renamed OAuth):
            # the variables the user's environment sets go on being read, not NEW's names for them, left unset
            self.result.auth = mine
            self.report.notes.append(
                f"the collection's auth reads {_names(_auth_references(mine))} as your fork did; a collection "
                f"generated from {self.new_label} reads {_names(_auth_references(new))}"
                + (", its security scheme renamed" if base is not None else "")
            )
            return
        if base is None:
            self.report.not_carried.append(
                f"collection auth (yours or {self.new_revision}'s change since {self.old_revision})"
            )
            return
        if _auth_json(self.comparison.old.side.collection.auth) == _auth_json(base.side.collection.auth):
            return  # upstream's, as OLD's spec generated it: NEW's takes its place
        self.result.auth = mine
        self.report.edits_kept.append("collection auth")

    def note_shadowed_auth(self) -> None:
        """Say where an auth the user set on the collection or a folder no longer reaches: NEW gives requests
        under it an auth of their own (Asana's operations each name OAuth now), which Postman sends instead."""
        set_by_user: dict[tuple[str, ...], Auth] = {}
        if self.result.auth is not None and "collection auth" in self.report.edits_kept:
            set_by_user[()] = self.result.auth
        for trail, folder in self.result.folders():
            if folder.auth is not None:  # generate gives a folder none: one there is the user's
                set_by_user[trail] = folder.auth
        for trail, auth in set_by_user.items():
            shadowed = [
                item_path(where, item)
                for where, item in self.result.walk()
                if where[: len(trail)] == trail
                and item.request.auth is not None
                and item.request.auth != auth
            ]
            if shadowed:
                place = f"folder '{'/'.join(trail)}'" if trail else "the collection"
                self.report.notes.append(
                    f"the auth you set on {place} does not reach {len(shadowed)} request(s) under it, to which "
                    f"{self.new_label} gives an auth of their own (e.g. {shadowed[0]}): set theirs to inherit to "
                    "send yours"
                )

    # -- the fork's own tree ----------------------------------------------------------------------------------
    def carry_tree(self) -> None:
        """Lay the fork's own tree over NEW's: every folder the user made and every saved request stays where the
        user put it (folder path and place among its siblings); NEW's operations fill the upstream folders around
        them. A user's rename of an upstream folder, or move of an upstream request, is kept when NEW still has
        it (known only with OLD's spec: without it nothing counts as the user's)."""
        old = self.comparison.old
        self.saved_by_item = {id(s.item): s for s in old.saved}
        self.upstream_by_item = {id(e.item): e for e in old.endpoints.values() if e.item is not None}
        base = self.comparison.base
        self.base_folders: set[tuple[str, ...]] | None = None
        self.base_folder_descriptions: dict[tuple[str, ...], str] | None = None
        if base is not None:
            self.base_folders = {trail for trail, _ in base.side.collection.folders()}
            self.base_folder_descriptions = {
                trail: folder.description for trail, folder in base.side.collection.folders()
            }
        # how many of the fork's upstream requests OLD's spec puts in each folder
        self.home_counts = Counter(self._home(e.item) for e in old.endpoints.values() if e.item is not None)
        # the folders the user made, told by their ids where the fork keeps the ones generate derived (Postman
        # gives a new folder, or a duplicated one, a random id): one named as an upstream folder is still theirs
        folders = [folder for _, folder in old.side.collection.folders()]
        derived = any(ids.is_derived(folder.id) for folder in folders)
        self.made_by_user = {id(f) for f in folders if derived and not ids.is_derived(f.id)}
        self.settings_lists: set[int] = set()  # the items of OLD's folders kept for what the user set on them
        before = {id(item): item_path(trail, item) for trail, item in self.result.walk()}
        self._lay(old.side.collection.items, self.result.items, (), ())
        moved = {
            before[id(item)]: item_path(trail, item)
            for trail, item in self.result.walk()
            if id(item) in before
        }
        self._relabel({label: now for label, now in moved.items() if label != now})

    def _relabel(self, moved: dict[str, str]) -> None:
        """What carry_edits reported of an upstream request named it by its place in NEW's tree; where the user
        keeps it elsewhere (dragged into their folder, or in an upstream folder they renamed), each line names
        it where the upgrade has it."""

        def where(label: str) -> str:
            return moved.get(label, label)

        def text(line: str) -> str:
            label = next((label for label in moved if line.startswith(f"{label}: ")), None)
            return line if label is None else moved[label] + line[len(label) :]

        if not moved:
            return
        report = self.report
        report.edits_kept[:] = map(text, report.edits_kept)
        report.not_carried[:] = map(text, report.not_carried)
        report.rewritten[:] = map(text, report.rewritten)
        for conflict in report.conflicts:
            conflict.label = where(conflict.label)
        self.carried_items[:] = [(item, where(label)) for item, label in self.carried_items]

    def carry_description(self) -> None:
        """What the user wrote in the collection's description: words added to upstream's (a note before or
        after it) go around NEW's; a description rewritten whole is kept whole. Known with OLD's spec; without
        it, a description unlike NEW's is named under "Not carried"."""
        mine = self.comparison.old.side.collection.info.description
        generated = self.result.info.description
        base = self.comparison.base
        if not mine.strip() or mine == generated:
            return
        if base is None:
            old_revision, new_revision = self.comparison.old.side.revision, self.comparison.new.side.revision
            if old_revision and new_revision and generated.replace(new_revision, old_revision) == mine:
                return  # upstream's words, stamped with OLD's revision
            self.report.not_carried.append("collection description")
            return
        before = base.side.collection.info.description
        if mine == before:
            return
        self.result.info.description = _merged_words(mine, before, generated)
        self.report.edits_kept.append("collection description")

    def carry_order(self) -> None:
        """Upstream requests the user reordered within a folder keep the user's order: where the fork orders them
        otherwise than OLD's spec generated them, they take the places NEW gives them in the fork's order (NEW's
        new requests and the user's own stay where they are). Known only with OLD's spec."""
        base = self.comparison.base
        if base is None:
            return
        fork_at = {
            id(item): index for index, (_, item) in enumerate(self.comparison.old.side.collection.walk())
        }
        base_at = {id(item): index for index, (_, item) in enumerate(base.side.collection.walk())}
        # result item → (its place in the fork, its place in what OLD's spec generated)
        generated_at: dict[int, tuple[int, int]] = {}
        for target, mine, key in self.paired:
            endpoint = base.endpoints.get(key)
            if endpoint is not None and endpoint.item is not None and id(endpoint.item) in base_at:
                generated_at[id(target)] = (fork_at[id(mine)], base_at[id(endpoint.item)])
        for trail, nodes in self._lists():
            self._keep_user_order(
                trail,
                nodes,
                lambda node: generated_at[id(node)][0] if id(node) in generated_at else None,
                lambda node: generated_at[id(node)][1] if id(node) in generated_at else None,
                "requests",
            )
        self._carry_folder_order(base.side.collection)

    def _lists(self) -> list[tuple[tuple[str, ...], list[Node]]]:
        """The result's top level and each folder's children, by folder path."""
        return [((), self.result.items), *((trail, folder.items) for trail, folder in self.result.folders())]

    def _keep_user_order(
        self,
        trail: tuple[str, ...],
        nodes: list[Node],
        fork_place: Callable[[Node], int | None],
        base_place: Callable[[Node], int | None],
        what: str,
    ) -> None:
        """The nodes both the fork and OLD's spec place go in the fork's order where the user changed upstream's,
        each with what follows it up to the next such node (a copy the user saved after it, a request NEW added
        there): the copy stays where the user put it, and the change is listed."""
        slots = [
            i for i, node in enumerate(nodes) if fork_place(node) is not None and base_place(node) is not None
        ]
        placed = [nodes[index] for index in slots]
        by_fork = sorted(placed, key=lambda node: fork_place(node) or 0)
        by_base = sorted(placed, key=lambda node: base_place(node) or 0)
        if [id(n) for n in by_fork] == [id(n) for n in by_base]:
            return  # the user kept upstream's order here
        groups = {
            id(nodes[start]): nodes[start:end]
            for start, end in zip(slots, [*slots[1:], len(nodes)], strict=True)
        }
        nodes[slots[0] :] = [member for node in by_fork for member in groups[id(node)]]
        where = "/".join(trail) or "the collection's top level"
        self.report.edits_kept.append(f"folder '{where}': your order of its {what}")

    def _carry_folder_order(self, generated: Collection) -> None:
        """Upstream folders the user dragged into another order among their siblings (at the top level, or in a
        folder) keep it, as requests do: they take the places NEW gives them, in the fork's order."""

        # A folder by its name and how many of that name stand before it among its siblings: the user's own
        # folder named as one NEW added (beside NEW's) is not NEW's moved, upgraded again
        def keyed(children: list[Node], trail: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
            seen: Counter[str] = Counter()
            keys: dict[int, tuple[str, ...]] = {}
            for node in children:
                if isinstance(node, Folder):
                    keys[id(node)] = trail + (node.name, str(seen[node.name]))
                    seen[node.name] += 1
            return keys

        def places(collection: Collection) -> dict[tuple[str, ...], int]:
            at: dict[tuple[str, ...], int] = {}
            for trail, folder in [((), None), *collection.folders()]:
                children = folder.items if folder is not None else collection.items
                keys = keyed(children, trail)
                folders = [node for node in children if isinstance(node, Folder)]
                at.update({keys[id(node)]: index for index, node in enumerate(folders)})
            return at

        fork_at, base_at = places(self.comparison.old.side.collection), places(generated)
        for trail, nodes in self._lists():
            keys = keyed(nodes, trail)

            def place(
                at: dict[tuple[str, ...], int], node: Node, keys: dict[int, tuple[str, ...]] = keys
            ) -> int | None:
                return at.get(keys[id(node)]) if isinstance(node, Folder) else None

            self._keep_user_order(
                trail, nodes, lambda node: place(fork_at, node), lambda node: place(base_at, node), "folders"
            )

    def _lay(
        self, nodes: list[Node], target: list[Node], trail: tuple[str, ...], origin: tuple[str, ...] | None
    ) -> None:
        """Place OLD's `nodes` (a folder's children at `trail`) into `target`, NEW's list for that folder.
        `origin` is the folder of OLD's spec that `trail` stands for (None for a folder the user made)."""
        anchor: Node | None = None
        at = -1  # where `anchor` stands in `target`, when it was put there here
        for node in nodes:
            if isinstance(node, Folder):
                node_origin = self._folder_origin(node, trail, origin)
                counterpart = self._folder_counterpart(node, nodes, target, node_origin, trail)
                if counterpart is None and node_origin is not None and self.base_folders is not None:
                    counterpart = self._renamed_upstream(node, nodes, target)
                    if counterpart is not None and node_origin[-1] != node.name:
                        # the user renamed it and NEW did too (Klaviyo's Bulk Profile Imports, the user's My
                        # Imports, NEW's Bulk Import Profiles): the user's name stays, as a request's rename does
                        self.report.edits_kept.append(
                            f"folder '{'/'.join(node_origin)}' renamed '{node.name}' ({self.new_label} calls it "
                            f"'{counterpart.name}')"
                        )
                        counterpart.name = node.name
                    elif counterpart is not None and self._own_settings(node, trail + (node.name,)):
                        self.report.notes.append(
                            f"folder '{'/'.join(trail + (node.name,))}' is '{counterpart.name}' in "
                            f"{self.new_label}: what you set on it follows its requests there"
                        )
                settings = self._own_settings(node, trail + (node.name,)) if counterpart is None else []
                if counterpart is None:
                    if not settings and not self._holds_user_work(node, trail + (node.name,), node_origin):
                        self._follow_their_requests(node)
                        continue  # an upstream folder NEW no longer has, with nothing of the user's in it
                    if settings:
                        # what the user set on it (a bearer token, a script) still applies to its requests:
                        # NEW's requests of it stay in it, not in the folders NEW moved them to
                        self.settings_lists.add(id(node.items))
                    counterpart = Folder(
                        id=node.id,
                        name=node.name,
                        items=[],
                        description=node.description,
                        auth=node.auth,
                        event=list(node.event),
                        extra=dict(node.extra),
                    )
                    at = _insert_after(target, anchor, counterpart, at)
                    kept = "/".join(trail + (node.name,))
                    if settings and node_origin is None:
                        kept += f" (yours, with what you set on it: {', '.join(settings)})"
                    elif settings:
                        kept += f" ({self.old_label}'s folder, kept for what you set on it: {', '.join(settings)})"
                    elif node_origin is not None and self.base_folders is not None:
                        kept += f" ({self.old_label}'s folder, kept for your requests in it)"
                    self.report.folders_kept.append(kept)
                else:
                    self._carry_folder_settings(node, counterpart, trail + (node.name,), node_origin)
                    at = -1
                anchor = counterpart
                self._lay(node.items, counterpart.items, trail + (node.name,), node_origin)
                continue
            saved = self.saved_by_item.get(id(node))
            if saved is not None:
                item = self._carry_saved(saved, trail)
                at = _insert_after(target, anchor, item, at)
                anchor = item
                continue
            placed = self._upstream_in_result(node)
            if placed is None:
                if id(node) in self.kept_removed:
                    item = self._keep_removed(node, trail)
                    at = _insert_after(target, anchor, item, at)
                    anchor = item
                continue
            siblings, upstream = placed
            if siblings is target:
                anchor, at = upstream, -1
            elif (moved := self._user_moved(node, origin)) or id(nodes) in self.settings_lists:
                siblings.remove(upstream)
                at = _insert_after(target, anchor, upstream, at)
                self.places[upstream.id or ""] = (target, trail, upstream)
                copy = self.refused_copies.get(id(upstream))
                if copy is not None:  # the copy of the user's refused edits stays beside it
                    siblings.remove(copy)
                    at = _insert_after(target, upstream, copy, at)
                # else it stays in a folder kept for what the user set on it, which the report names
                if moved:
                    self.report.edits_kept.append(
                        f"{'/'.join(trail + (upstream.name,))}: kept where you moved it"
                    )
                anchor = upstream
            else:
                if self.base_folders is None:
                    # without OLD's spec a request in another folder than NEW's may be the user's move or
                    # upstream's
                    _, new_trail, _ = self.places.get(upstream.id or "", (None, (), None))
                    self.report.not_carried.append(
                        f"{'/'.join(new_trail + (upstream.name,))}: folder {'/'.join(trail) or '(top)'}"
                    )
                owner = next(
                    (i for i, n in enumerate(target) if isinstance(n, Folder) and n.items is siblings), -1
                )
                here = (
                    next((i for i, n in enumerate(target) if n is anchor), -1) if anchor is not None else -1
                )
                if owner > here:
                    # NEW split the folder (Klaviyo's Metrics into Metrics/Metrics, Custom Metrics, …): what the
                    # user put after the request goes after the subfolder now holding it, not to the top (and
                    # never back before what was put already)
                    anchor, at = target[owner], owner

    def _carry_folder_settings(
        self, mine: Folder, target: Folder, trail: tuple[str, ...], origin: tuple[str, ...] | None
    ) -> None:
        """What the user set on an upstream folder goes onto NEW's: generate gives a folder only its name and its
        tag's description, so a folder's auth, scripts and other Postman fields are the user's. An edited
        description is known only with OLD's spec, against the one that spec gave the folder; an empty one is
        not taken for an edit (exports of older collections have none)."""
        kept: list[str] = []
        if mine.auth is not None and target.auth is None:
            target.auth = mine.auth
            kept.append("auth")
        if mine.event and not target.event:
            target.event = list(mine.event)
            kept.append("scripts")
        for key, value in mine.extra.items():
            target.extra.setdefault(key, value)
        if origin is not None and self.base_folder_descriptions is not None:
            before = self.base_folder_descriptions.get(origin)
            if before is not None and mine.description and mine.description != before:
                target.description = mine.description
                kept.append("description")
        if kept:
            self.report.edits_kept.append(f"folder '{'/'.join(trail)}': " + ", ".join(kept))

    def _folder_origin(
        self, folder: Folder, trail: tuple[str, ...], origin: tuple[str, ...] | None
    ) -> tuple[str, ...] | None:
        """The folder of OLD's spec that one of the fork's folders stands for: the same name under the same
        parent, else the one the user renamed; None for a folder the user made. Without OLD's spec every folder
        stands for itself (nothing counts as the user's), except one the fork's ids show the user made."""
        if origin is None or id(folder) in self.made_by_user:
            return None
        if self.base_folders is None:
            path = trail + (folder.name,)
            return None if path in self.comparison.old.user_folders and not self.made_by_user else path
        if origin + (folder.name,) in self.base_folders:
            return origin + (folder.name,)
        return self._renamed_from(folder, origin)

    def _folder_counterpart(
        self,
        folder: Folder,
        old_siblings: list[Node],
        target: list[Node],
        origin: tuple[str, ...] | None,
        trail: tuple[str, ...] = (),
    ) -> Folder | None:
        """NEW's folder for one of OLD's: the same name under the same parent, else the upstream folder the user
        renamed when NEW still has it."""
        if id(folder) in self.made_by_user:
            return None  # the user's own, though named as an upstream folder: a folder of its own still
        same = next((n for n in target if isinstance(n, Folder) and n.name == folder.name), None)
        if origin is None and self.base_folders is not None:
            # the user's own (OLD's spec has no such folder), named as one NEW adds (an exported fork's `Forms`
            # beside Klaviyo's new Forms folder): its own still, or its auth and scripts would rule NEW's requests
            if same is not None:
                self.report.notes.append(
                    f"folder '{'/'.join(trail + (folder.name,))}' is yours; "
                    f"{self.new_label} adds a folder of the same name beside it"
                )
            return None
        if same is None and self.base_folders is None and folder.id and ids.is_derived(folder.id):
            # Without OLD's spec: NEW's folder of the same id, which generate derives from the folder's path, was
            # named as this one was generated; the fork names it otherwise, so the user renamed it
            by_id = next((n for n in target if isinstance(n, Folder) and n.id == folder.id), None)
            if by_id is not None:
                parent = origin[:-1] if origin is not None else ()
                self.report.edits_kept.append(
                    f"folder '{'/'.join(parent + (by_id.name,))}' renamed '{folder.name}'"
                )
                by_id.name = folder.name
                return by_id
        if same is not None or origin is None or origin[-1] == folder.name:
            return same
        if any(isinstance(n, Folder) and n.name == origin[-1] for n in old_siblings):
            return None  # the upstream folder is still there beside the user's: this one is the user's own
        found = next((n for n in target if isinstance(n, Folder) and n.name == origin[-1]), None)
        if found is not None:
            found.name = folder.name
            self.report.edits_kept.append(f"folder '{'/'.join(origin)}' renamed '{folder.name}'")
        return found

    def _renamed_upstream(
        self, folder: Folder, old_siblings: list[Node], target: list[Node]
    ) -> Folder | None:
        """NEW's folder that every upstream request of one of OLD's folders went to, where NEW renamed it (a tag
        renamed: Payments → Billing) and the fork has no folder of that name: the folder the user's settings on
        it follow."""
        owners: list[Folder] = []
        for node in folder.items:
            placed = None if isinstance(node, Folder) else self._upstream_in_result(node)
            if placed is not None:
                owner = next((n for n in target if isinstance(n, Folder) and n.items is placed[0]), None)
                if owner is None:
                    return None
                owners.append(owner)
        if not owners or any(owner is not owners[0] for owner in owners):
            return None
        if any(isinstance(n, Folder) and n.name == owners[0].name for n in old_siblings):
            return None
        return owners[0]

    def _renamed_from(self, folder: Folder, origin: tuple[str, ...]) -> tuple[str, ...] | None:
        """The folder of OLD's spec beside `folder` that all its upstream requests came from (its subfolders'
        too: Klaviyo's Segments holds only Segments/Segments and Segments/Relationships), when they came from one
        and make most of what the fork keeps of it."""
        depth = len(origin) + 1
        homes = Counter(
            home[:depth]
            for node in _requests_within(folder)
            if (home := self._home(node)) is not None and len(home) >= depth
        )
        if len(homes) != 1:
            return None
        [(home, held)] = homes.items()
        # More than half of what the fork keeps of that folder: a folder of the user's own holding a request or
        # two dragged out of an upstream folder is not that folder renamed.
        kept = sum(count for place, count in self.home_counts.items() if place and place[:depth] == home)
        if held * 2 <= kept:
            return None
        return home if home[:-1] == origin else None

    def _home(self, node: Node) -> tuple[str, ...] | None:
        """The folder OLD's spec puts an upstream request in; None for anything else."""
        base = self.comparison.base
        endpoint = self.upstream_by_item.get(id(node)) if isinstance(node, Item) else None
        if base is None or endpoint is None or endpoint.key not in base.endpoints:
            return None
        return base.endpoints[endpoint.key].folder

    def _own_settings(self, folder: Folder, trail: tuple[str, ...]) -> list[str]:
        """What the user set on one of OLD's folders: generate gives a folder no auth, scripts or variables, and
        the description its tag has (known with OLD's spec)."""
        found = [name for name, value in (("auth", folder.auth), ("scripts", folder.event)) if value]
        if folder.extra.get("variable"):
            found.append("variables")
        if self.base_folder_descriptions is not None:
            before = self.base_folder_descriptions.get(trail)
            if before is not None and folder.description and folder.description != before:
                found.append("description")
        return found

    def _holds_user_work(
        self, folder: Folder, trail: tuple[str, ...], origin: tuple[str, ...] | None
    ) -> bool:
        """A folder OLD has and NEW lacks is kept when it holds a saved request or a request the user moved there,
        or when it is empty and not one of upstream's (the user made it)."""
        if not folder.items:
            return origin is None or self.base_folders is None or origin not in self.base_folders
        for index, node in enumerate(folder.items):
            if isinstance(node, Folder):
                if self._holds_user_work(
                    node, trail + (node.name,), self._folder_origin(node, trail, origin)
                ):
                    return True
            elif self._refused_copy_follows(folder.items, index) is not None:
                continue  # the kit's copy of edits an earlier upgrade refused: it goes with its request
            elif (
                id(node) in self.saved_by_item
                or id(node) in self.kept_removed
                or (self._upstream_in_result(node) is not None and self._user_moved(node, origin))
            ):
                return True
        return False

    def _refused_copy_follows(self, nodes: list[Node], index: int) -> Item | None:
        """NEW's request that the saved request at `index` is the kit's copy of (`⚠ Create Event (your edit)`,
        made by an earlier upgrade right after `Create Event`, which NEW still has): None for anything else."""
        node = nodes[index]
        before = nodes[index - 1] if index > 0 else None
        if not (isinstance(node, Item) and isinstance(before, Item) and id(node) in self.saved_by_item):
            return None
        if (
            node.name.removeprefix(CONFLICT_MARK)
            != before.name.removeprefix(CONFLICT_MARK) + REFUSED_COPY_SUFFIX
        ):
            return None
        placed = self._upstream_in_result(before)
        return placed[1] if placed is not None else None

    def _follow_their_requests(self, folder: Folder) -> None:
        """The kit's copies of refused edits in a folder NEW drops go right after their requests, wherever NEW
        puts them (a stepwise upgrade left one alone in a folder kept for it; one upgrade puts it beside)."""
        for index, node in enumerate(folder.items):
            upstream = self._refused_copy_follows(folder.items, index)
            if upstream is None or upstream.id not in self.places:
                continue
            siblings, trail, _ = self.places[upstream.id]
            item = self._carry_saved(self.saved_by_item[id(node)], trail)
            _insert_after(siblings, upstream, item)

    def _upstream_in_result(self, item: Item) -> tuple[list[Node], Item] | None:
        endpoint = self.upstream_by_item.get(id(item))
        new_endpoint = self.comparison.fork_matching.new_for(endpoint.key) if endpoint is not None else None
        place = self._result_item(new_endpoint) if new_endpoint is not None else None
        return (place[0], place[2]) if place is not None else None

    def _user_moved(self, item: Item, origin: tuple[str, ...] | None) -> bool:
        """Did the user move this upstream request away from where OLD's spec put it? Without that spec: did
        they put it in a folder of their own?"""
        base = self.comparison.base
        if base is None:
            return origin is None and id(item) in self.upstream_by_item
        endpoint = self.upstream_by_item.get(id(item))
        if base is None or endpoint is None or endpoint.key not in base.endpoints:
            return False
        return base.endpoints[endpoint.key].folder != origin

    def _keep_removed(self, node: Item, trail: tuple[str, ...]) -> Item:
        """An upstream request NEW no longer has, which the user edited: kept as the user left it, marked, so
        their scripts, values and examples are not lost with the operation."""
        edits, successor = self.kept_removed[id(node)]
        item = self.comparison.old.side.full_item(node)
        if edits == [KEPT_BEFORE]:
            label = "/".join(trail + (item.name.removeprefix(CONFLICT_MARK),))
            problems = [str(p) for p in item.kit.get("conflicts") or ()]
            heading = _note(item).partition("\n")[0]
            origin = item.kit.get("upgradedFrom")
            if heading and " to " in heading and not heading.endswith(f" to {self.new_label}:**"):
                # kept by an upgrade to another revision (a multi-hop upgrade): its note says so about this one,
                # from the revision the request was first kept in, as one upgrade straight here says
                earlier = heading.rsplit(" to ", 1)[1].removesuffix(":**")
                problems = [
                    p.replace(f"operation in {earlier}", f"operation in {self.new_label}") for p in problems
                ]
                self._unmark(item)
                self._mark(item, problems)
                if isinstance(origin, str) and origin:
                    item.extra[KIT_KEY] = {**item.kit, "upgradedFrom": origin}
                    first = f"{NOTE_HEADING} {self.old_label} to"
                    item.request.description = item.request.description.replace(
                        first, f"{NOTE_HEADING} {stamped(origin)} to", 1
                    )
            self.report.conflicts.append(Conflict(label, problems))
            self.carried_items.append((item, label))
            return item
        self._unmark(item)
        label = "/".join(trail + (item.name,))
        problems = [
            f"{item.request.method} {item.request.url.path_template} is not an operation in {self.new_label}"
            + (f" (see {successor})" if successor else "")
            + f"; kept for your edits ({', '.join(edits)})"
        ]
        if self._pin_old_revision(item):
            problems.append(
                f"it sends revision {self.old_revision} as it did: the collection's `revision` is "
                f"{self.new_revision} now, which {self.old_label} alone had this operation for"
            )
        self._mark(item, problems)
        self.report.conflicts.append(Conflict(label, problems))
        self.carried_items.append((item, label))
        return item

    def _unpinned(self, item: Item) -> Item:
        """A request an earlier upgrade kept and pinned to the revision it was kept at (see _pin_old_revision),
        as it was before the pin: the pin is the kit's, no edit of the user's."""
        kept_at = item.kit.get("upgradedFrom") if _marked_before(item) else None
        name = (self.comparison.old.side.profile.revision_header or "").lower()
        if not (isinstance(kept_at, str) and name):
            return item
        if not any(h.key.lower() == name and h.value.strip() == kept_at for h in item.request.header):
            return item
        copy = Item.from_json(item.to_json())
        for header in copy.request.header:
            if header.key.lower() == name and header.value.strip() == kept_at:
                header.value = "{{revision}}"
        return copy

    def _pin_old_revision(self, item: Item) -> bool:
        """A request kept though NEW lacks its operation (a beta-only one in a stable collection) sends OLD's
        revision, written on it, where it sent the collection's: the variable is NEW's revision now, which the
        operation is not in (a conflict never changes what a request sends)."""
        name = (self.comparison.new.side.profile.revision_header or "").lower()
        if not name or self.old_revision in ("OLD", self.new_revision):
            return False
        pinned = False
        for header in item.request.header:
            if header.key.lower() == name and not header.disabled and header.value.strip() == "{{revision}}":
                header.value = self.old_revision
                pinned = True
        return pinned

    def _carry_saved(self, saved: SavedRequest, trail: tuple[str, ...]) -> Item:
        item = self._saved_item(saved, trail)
        self.carried_items.append((item, "/".join(trail + (item.name.removeprefix(CONFLICT_MARK),))))
        return item

    def _saved_item(self, saved: SavedRequest, trail: tuple[str, ...]) -> Item:
        """A saved request as it goes into the upgrade: moved onto NEW's operation when NEW has one, marked when
        it breaks there; one that fits no operation of NEW or OLD is kept exactly as it was."""
        item = self.comparison.old.side.full_item(saved.item)
        endpoint = self.comparison.new_endpoint_for(saved)
        if endpoint is None or self._result_item(endpoint) is None:
            if not self._known_in_old(saved):  # kept as it was, marks of an earlier upgrade included
                label = "/".join(trail + (item.name,))
                self.report.unmatched.append(
                    f"{label} ({saved.key[0]} {item.request.url.path_template}): "
                    "not an operation of either revision; kept as it was"
                )
                return item
            self._unmark(item)
            label = "/".join(trail + (item.name,))
            problems = [not_in_new(self.comparison, saved)]
            self._mark(item, problems)
            self.report.conflicts.append(Conflict(label, problems))
            return item
        self._unmark(item)
        label = "/".join(trail + (item.name,))
        request, checked = self.comparison.moved(saved, endpoint)
        # the resource the request names, its path's last value (parents NEW's path dropped may go)
        named = list((saved.path_params or {}).items())[-1:]
        lost = [
            f"`{name}={value}`"
            for name, value in named
            if value and not value.startswith((":", "{{")) and value not in json_text(request.to_json())
        ]
        if lost:
            # NEW's path has no place for the id the user typed (Klaviyo's template render took it into the
            # body): moving the request would send without it. Kept as written, marked, for the user to move.
            problems = [
                f"{saved.key[0]} {item.request.url.path_template} is {request.url.path_template} in "
                f"{self.new_label}, whose path has no place for your {', '.join(lost)}: kept as you wrote it"
            ]
            self._mark(item, problems)
            self.report.conflicts.append(Conflict(label, problems))
            return item
        revision_header = self.comparison.new.side.profile.revision_header
        if revision_header:
            sent = {h.value for h in item.request.header if h.key.lower() == revision_header.lower()}
            now_sent = {h.value for h in request.header if h.key.lower() == revision_header.lower()}
            for value in sorted(sent - now_sent):
                self.report.rewritten.append(
                    f"{label}: {revision_header} header {value} → {self.new_revision}"
                )
        if request.url.path_template.rstrip("/") != item.request.url.path_template.rstrip("/"):
            self.report.rewritten.append(
                f"{label}: path {item.request.url.path_template} → "
                f"{request.url.path_template} (the operation's path in "
                f"{self.new_label})"
            )
        before = self.comparison.upstream_item(saved)
        if before is not None and endpoint.item is not None and item.description == before.description:
            item.description = endpoint.item.description  # upstream's words, never the user's
        if (
            before is not None
            and self.comparison.base is not None  # without OLD's spec, the fork's own request may hold edits
            and endpoint.item is not None
            and _auth_json(item.request.auth) == _auth_json(before.request.auth)
            and _auth_json(endpoint.item.request.auth) != _auth_json(before.request.auth)
        ):
            # the auth upstream gave the copy, untouched: it follows upstream's change (a scheme NEW replaced
            # would leave it sending a variable nothing defines), as the upstream request itself does
            new_auth = endpoint.item.request.auth
            request.auth = Auth.from_json(new_auth.to_json()) if new_auth is not None else None
            self.report.rewritten.append(f"{label}: auth → {self.new_label}'s, as upstream's request has it")
        as_saved = json_text(item.request.to_json())
        request.description = item.request.description  # as unmarked (a v3 fork's note is in it)
        if (
            before is not None
            and endpoint.item is not None
            and item.request.description == before.request.description
        ):
            # the words upstream gave the request the user copied, untouched: NEW's (a beta's "a pre-release
            # revision header is required" on an operation NEW has made stable)
            request.description = endpoint.item.request.description
        item.request = request
        for example in item.response:
            # an example that recorded the request as saved follows it; one that recorded another call (other
            # values, another query) keeps what it recorded
            if (
                example.original_request is not None
                and json_text(example.original_request.to_json()) == as_saved
            ):
                example.original_request = request
        if checked:
            problems = [p.message for p in checked]
            self._mark(item, problems)
            self.report.conflicts.append(Conflict(label, problems))
        else:
            self.report.carried.append(label)
        return item

    def _known_in_old(self, saved: SavedRequest) -> bool:
        base = self.comparison.base
        return saved.key in self.comparison.old.endpoints or (
            base is not None and saved.key in base.endpoints
        )

    def _unmark(self, item: Item) -> None:
        """_unmark, remembering the marks: the same problems found again keep the upgrade they were found in."""
        kit = item.kit
        noted = _note(item)
        heading = noted.partition("\n")[0] or None
        if "conflicts" in kit:
            self.earlier_marks[id(item)] = (kit.get("upgradedFrom"), kit.get("conflicts"), heading)
        elif heading and item.name.startswith(CONFLICT_MARK):
            # a v3 fork keeps no x-postman-kit mark: the note says where it was found and what
            problems = [
                line[2:] for line in noted.partition("\n\n")[0].splitlines()[1:] if line.startswith("- ")
            ]
            found = re.search(r" from v(\S+) to ", heading)
            self.earlier_marks[id(item)] = (found.group(1) if found else None, problems, heading)
        _unmark(item)

    def _mark(self, item: Item, problems: list[str]) -> None:
        """Say what is wrong where the user looks in Postman, changing nothing the request sends: a `⚠ ` before
        its name and a first paragraph in its description naming each problem. Problems an earlier upgrade found
        and marked keep its origin (upgrading an upgrade again changes nothing), named with the revision the
        collection is now brought to (old → mid → new says "from old to new", as one upgrade would)."""
        origin, heading = self.old_revision, f"{NOTE_HEADING} {self.old_label} to {self.new_label}:**"
        earlier = self.earlier_marks.get(id(item))
        if earlier is not None and earlier[1] == problems and earlier[0] and earlier[2]:
            origin, heading = earlier[0], f"{NOTE_HEADING} {stamped(earlier[0])} to {self.new_label}:**"
        kit = dict(item.kit)
        kit["conflicts"] = problems
        kit["upgradedFrom"] = origin
        item.extra[KIT_KEY] = kit
        item.name = CONFLICT_MARK + item.name
        note = heading + "\n" + "\n".join(f"- {p}" for p in problems)
        # in the request's description, which Postman shows (an item's own, v2.1's other one, it does not)
        request = item.request
        request.description = note + ("\n\n" + request.description if request.description else "")

    # -- variables ---------------------------------------------------------------------------------------------
    def carry_variables(self) -> None:
        old_side = self.comparison.old.side
        base = self.comparison.base
        base_values = {v.key: v.value for v in base.side.collection.variables} if base else {}
        revision_key = "revision"
        for variable in old_side.collection.variables:
            value = variable.value
            keys = find_keys(value) if isinstance(value, str) else []
            if keys and variable.key == self.key_variable:
                self.report.notes.append(
                    f"variable `{variable.key}` held a private key ({truncate_key(keys[0])})"
                    "; it is left empty: keep keys in an environment, never in a collection"
                )
                value = replace_keys(value, lambda key: "")
            elif isinstance(value, str):
                value = self._variable_value(variable.key, value, "collection")
            existing = self.result.variable(variable.key)
            if existing is None:
                # listed, unless a credential was left out of it (told in a note of its own)
                if value == variable.value and base is not None and variable.key not in base_values:
                    self.report.edits_kept.append(f"collection variable `{variable.key}` (yours)")
                elif value == variable.value:
                    self.report.notes.append(
                        f"collection variable `{variable.key}` is not in {self.new_label}; kept as the fork has it"
                    )
                self.result.variables.append(
                    Variable(
                        variable.key,
                        value,
                        variable.type,
                        variable.description,
                        variable.disabled,
                        dict(variable.extra),
                    )
                )
                continue
            if variable.key == revision_key:
                continue
            if variable.disabled and not existing.disabled:
                # switched off so the user's environment decides (generate never writes one off): kept off, as
                # Postman and newman then send the environment's value, not NEW's
                existing.disabled = True
                self.report.edits_kept.append(
                    f"collection variable `{variable.key}` (switched off, as you had it)"
                )
            if existing.value == value:
                continue
            if base is not None:
                if variable.key in base_values and base_values[variable.key] != value:
                    existing.value = value
                    self.report.edits_kept.append(f"collection variable `{variable.key}`")
            elif value not in (None, ""):
                # Without OLD's spec a value unlike NEW's may be the user's (`baseUrl` pointed at staging) or
                # upstream's: the user's is kept, as NEW's would send their requests elsewhere unasked.
                self.report.edits_kept.append(
                    f"collection variable `{variable.key}` (yours; {self.new_label} has {existing.value!r})"
                )
                existing.value = value

    def _variable_value(self, name: str, value: str, label: str) -> str:
        """A variable's value as carried: a private key in it becomes the key variable, another credential
        (PayPal's `client_secret` typed in; a `sk_live_…` or `ghp_…` token under any name) is left out, each
        reported to revoke."""
        if find_keys(value):
            replaced = self._replaced(value, label, f"variable `{name}`")
            # `apiKey = {{apiKey}}` would shadow the environment's value with its own name: left empty instead
            return "" if replaced == "{{" + name + "}}" else replaced
        if holds_named_credential(name, value) or find_tokens(value):
            self.report.notes.append(
                f"{label} variable `{name}` held a credential ({truncate_key(value)}); it is left empty: revoke "
                "it, and keep credentials in an environment as secrets, never in a collection"
            )
            return ""
        return value

    def scrub_report(self) -> None:
        """Each credential found in the fork truncated wherever the report's words hold it (a request's label
        is its path, which may hold one): the report goes to CI logs and pull-request comments."""
        secrets = sorted(
            (
                s
                for s in self.found_secrets | set(self.credential_variables)
                if len(s) >= MIN_TOKEN_LENGTH // 2
            ),
            key=len,
            reverse=True,
        )
        if not secrets:
            return

        def scrubbed(text: str) -> str:
            for secret in secrets:
                if secret in text:
                    text = text.replace(secret, truncate_key(secret))
            return text

        report = self.report
        for name in (
            "carried",
            "edits_kept",
            "dropped",
            "folders_kept",
            "unmatched",
            "rewritten",
            "not_carried",
        ):
            setattr(report, name, [scrubbed(line) for line in getattr(report, name)])
        report.notes = [scrubbed(line) for line in report.notes]
        report.conflicts = [
            Conflict(scrubbed(c.label), [scrubbed(problem) for problem in c.problems])
            for c in report.conflicts
        ]

    def carry_folder_variables(self) -> None:
        """A folder's own variables (Postman's folder > Variables) are carried with the folder; a credential in
        one is treated as in a collection variable (it was written to the upgrade in full)."""
        for trail, folder in self.result.folders():
            variables = folder.extra.get("variable")
            for entry in variables if isinstance(variables, list) else ():
                if isinstance(entry, dict) and isinstance(entry.get("value"), str) and entry["value"]:
                    label = "folder " + "/".join(trail)
                    entry["value"] = self._variable_value(str(entry.get("key", "")), entry["value"], label)

    def replace_found_credentials_everywhere(self) -> None:
        """A credential found where it is known to be one (a token in the collection's OAuth auth, a header
        `X-Api-Key`) is replaced wherever else the user wrote it too: in a folder's description, another
        request's notes or a script, where nothing marks it as a credential. Short values (a password `admin`)
        are left where they are not credentials: replacing every such word would change the user's text."""
        literals = {
            literal: variable
            for literal, variable in self.credential_variables.items()
            if len(literal) >= MIN_TOKEN_LENGTH
        }
        if not literals:
            return
        for _, item in self.result.walk():
            data = item.to_json()
            replaced = _with_replaced(data, literals)
            if replaced != data:
                _refill(item, replaced)
        self.result.event = _with_replaced(self.result.event, literals)
        self.result.extra = _with_replaced(self.result.extra, literals)
        for _, folder in self.result.folders():
            folder.event = _with_replaced(folder.event, literals)
            folder.extra = _with_replaced(folder.extra, literals)
            folder.description = _with_replaced(folder.description, literals)
        self.result.info.description = _with_replaced(self.result.info.description, literals)
        for variable in self.result.variables:
            if isinstance(variable.value, str) and any(literal in variable.value for literal in literals):
                self.report.notes.append(
                    f"collection variable `{variable.key}` held a credential found elsewhere in the fork "
                    f"({truncate_key(variable.value)}); it is left empty: set it in your environment, as a secret"
                )
                variable.value = ""

    # -- keys pasted into what OLD carried -------------------------------------------------------------------
    def _replaced(self, text: str, label: str, where: str) -> str:
        """`text` with each private key in it replaced by `{{key variable}}`, each replacement reported."""

        def replacement(key: str) -> str:
            self._report_key(label, where, key, self.key_variable)
            return "{{" + self.key_variable + "}}"

        return replace_keys(text, replacement)

    def _truncated_words(self, text: str, where: str) -> str:
        """`text` (words nothing sends) with each issued token (another service's: a Stripe key, a GitHub token)
        truncated, each noted to revoke; the API's own key is its variable (see _replaced)."""
        found = list(dict.fromkeys(find_tokens(text)))
        if not found:
            return text
        for credential in found:
            self.found_secrets.add(credential)
        self.report.notes.append(
            f"{where} held credential(s) ({', '.join(truncate_key(c) for c in found)}); truncated there: revoke them"
        )
        return replace_tokens(text, truncate_key)

    def _truncated_descriptions(self, node: Any, label: str, where: str = "") -> Any:
        """An item's JSON with every `description` truncated by _truncated_words, noted under `label`."""
        if isinstance(node, dict):
            return {
                key: self._truncated_words(value, f"{label}: {where or 'request'} description")
                if key == "description" and isinstance(value, str)
                else self._truncated_descriptions(value, label, key if key in ("header", "query") else where)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [self._truncated_descriptions(value, label, where) for value in node]
        return node

    def _truncated_answers(
        self, data: dict[str, Any], host_variable: str | None
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """An item's JSON with each credential its saved examples' responses show truncated there (a private
        key, an issued token, a value under a credential's name; not the requests they record), and where each
        stood, by literal."""
        shown: dict[str, tuple[str, str]] = {}
        examples = data.get("response")
        for index, example in enumerate(examples if isinstance(examples, list) else []):
            if isinstance(example, dict):
                answer = {key: value for key, value in example.items() if key != "originalRequest"}
                self._find_credentials(answer, ("response", index), data, (shown, shown), host_variable)
                for key in find_keys(json_text(answer)):
                    shown.setdefault(key, ("", _place(data, ("response", index))))
        if not shown:
            return data, {}
        return _with_truncated_answers(data, list(shown)), {
            literal: where for literal, (_, where) in shown.items()
        }

    def _report_key(self, label: str, where: str, key: str, variable: str) -> None:
        self.found_secrets.add(key)
        entry = KeyReplacement(label, where, truncate_key(key), variable)
        if entry not in self.report.keys_replaced:
            self.report.keys_replaced.append(entry)

    def replace_pasted_keys(self) -> None:
        """No credential typed into a saved request, an edit, an example or a script of OLD reaches the upgrade.
        A private key becomes the collection's key variable, in a header, the URL (host, path, query,
        variables), the body, the auth, a description or an example alike. So does a credential in an issued
        format (`sk_live_…`, `ghp_…`, a JWT) and a value kept under a credential's name (a header `X-Api-Key`,
        a query `api_key`, `Authorization: Bearer …`), each as the variable _credential_variable names."""
        api = self.comparison.api
        _join_split_credentials(self.result.event)
        for _, folder in self.result.folders():
            _join_split_credentials(folder.event)
        for carried, _ in self.carried_items:
            _join_split_credentials(carried.event)
        fork_variables = self.comparison.fork_variables()
        for item, label in self.carried_items:
            data = original = item.to_json()
            elsewhere = other_host(item.request, api, fork_variables) is not None
            host_variable = self._other_host_variable(item.request.url.host) if elsewhere else None
            if find_tokens(json_text(data)):
                # words nothing sends (a request's, a parameter's description): another service's token in them
                # is truncated and listed to revoke; made the API's token variable, five secrets had one name
                data = self._truncated_descriptions(data, label)
            # what a saved example's response shows (a session `Set-Cookie`, an OAuth answer's `access_token`, the
            # API's own key echoed) is never sent: truncated where it stands, not made a variable nothing sends
            data, shown = self._truncated_answers(data, host_variable)
            if find_keys(json_text(data)):
                data = self._replaced_in(data, (), label)
            found: dict[str, tuple[str, str]] = {}  # literal → (variable, where)
            tokens: dict[str, tuple[str, str]] = {}  # the same for tokens found by their format
            self._find_credentials(_requests_only(data), (), data, (found, tokens), host_variable)
            for literal, where in shown.items():
                self.found_secrets.add(literal)
                if find_keys(literal):
                    self.report.notes.append(
                        f"{label}: a saved response held a private key ({truncate_key(literal)}); it is "
                        "truncated there (revoke it)"
                    )
                elif literal not in found and literal not in tokens:
                    self.report.notes.append(
                        f"{label}: {where} held a credential ({truncate_key(literal)}); it is truncated there "
                        "(revoke it if it still works)"
                    )
            # where a token also stands under a credential's name, the name names its variable
            found = {
                literal: (self._variable_for(literal, variable), where)
                for literal, (variable, where) in {**tokens, **found}.items()
            }
            if not found and not shown and data is original:
                continue
            for literal, (variable, where) in found.items():
                self._report_key(label, where, literal, variable)
            data = _with_replaced(data, {literal: variable for literal, (variable, _) in found.items()})
            _refill(item, data)
        scripts = [("collection", self.result)] + [
            ("folder " + "/".join(trail), folder) for trail, folder in self.result.folders()
        ]
        # words the user wrote on a folder (or the collection), listed to revoke too: the API's own key becomes
        # its variable, another service's token is truncated
        for trail, folder in self.result.folders():
            if folder.description and find_keys(folder.description):
                folder.description = self._replaced(
                    folder.description, "folder " + "/".join(trail), "description"
                )
            if folder.description:
                folder.description = self._truncated_words(
                    folder.description, f"folder {'/'.join(trail)} description"
                )
        info = self.result.info
        if info.description and find_keys(info.description):
            info.description = self._replaced(info.description, "collection", "description")
        if info.description:
            info.description = self._truncated_words(info.description, "the collection's description")
        for label, holder in scripts:
            if not holder.event:
                continue
            events: Any = holder.event
            if find_keys(json_text(events)):
                events = self._replaced_in(events, ("event",), label)
            pasted = {token: self.key_variable for token in find_tokens(json_text(events))}
            for token in pasted:
                self._report_key(label, "scripts", token, self.key_variable)
            holder.event = _with_replaced(events, pasted)

    def _find_credentials(
        self,
        node: Any,
        path: tuple[Any, ...],
        root: Any,
        into: tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]],
        host_variable: str | None,
    ) -> None:
        """Collect, in an item's JSON, each credential: issued-format tokens in any string, and the values of
        entries named for a credential (headers, query, path variables, form fields). Auth is left to
        replace_literal_credentials, which knows NEW's variable for each auth type."""
        found, tokens = into
        if isinstance(node, str):
            for token in find_tokens(node):
                if "{{" + token + "}}" in node:
                    continue  # a variable's name that looks like a token (`{{ghp_…}}`): nothing is typed in
                tokens.setdefault(token, (host_variable or self.key_variable, _place(root, path)))
            if "exec" in path:
                # a script line setting a credential by its name (`pm.environment.set('client_secret', '…')`,
                # `pm.request.headers.add({key: 'X-Session-Token', value: '…'})`)
                for name, value in _script_settings(node):
                    if _PASSWORD_FIELD.search(name):
                        continue
                    # by the setting's name (`client_secret`), or an Authorization header's words (`X-Authorization`)
                    named = [value] if holds_named_credential(name, value) else named_credentials(name, value)
                    for credential in named:
                        variable = self._credential_variable(name, host=host_variable)
                        found.setdefault(credential, (variable, f"{_place(root, path)} `{name}`"))
            if path[-1:] in (("raw",), ("body",), ("variables",)) and node.lstrip()[:1] in ("{", "["):
                # a JSON body (a request's, a saved example's, a GraphQL query's variables): its fields named for
                # a credential (`api_key`)
                for name, value in _json_fields(node):
                    # a password in a body is a value the request sends (a user to create), not the API's key
                    if holds_named_credential(name, value) and not _PASSWORD_FIELD.search(name):
                        variable = self._credential_variable(name, host=host_variable)
                        found.setdefault(value.strip(), (variable, f"{_place(root, path)} field `{name}`"))
            return
        if isinstance(node, list):
            for index, value in enumerate(node):
                self._find_credentials(value, path + (index,), root, into, host_variable)
            return
        if not isinstance(node, dict):
            return
        password = node.get("password")
        if path[-2:] == ("url", "auth") and isinstance(password, str) and looks_like_a_credential(password):
            # a URL's userinfo as Postman keeps it beside `raw` (`https://admin:…@host`)
            found.setdefault(
                password, (self._credential_variable("password", host=host_variable), "URL password")
            )
        key, held = node.get("key"), node.get("value")
        if isinstance(key, str) and isinstance(held, str):
            scheme = held.split()[0] if len(held.split()) == 2 else ""
            # a credential kept under its name, or one in an issued format under any name (an AWS key id in the
            # user's `X-Aws-Id`): the variable is named for where it stood, never the API's own key's unasked
            typed = [token for token in find_tokens(held) if "{{" + token + "}}" not in held]
            for credential in [*named_credentials(key, held), *typed]:
                variable = self._credential_variable(key, scheme, host=host_variable)
                found.setdefault(credential, (variable, _place(root, path + ("value",))))
        for name, value in node.items():
            # a request's auth is replace_literal_credentials' (a URL's userinfo `auth` is looked into)
            if name != "auth" or path[-1:] not in (("request",), ("originalRequest",)):
                self._find_credentials(value, path + (name,), root, into, host_variable)

    def _other_host_variable(self, host: list[str]) -> str:
        """The variable a credential sent to another service goes to, named by its host (`{{relayToken}}`), and
        never one the API's own requests send: `api.other-service.example` is `apiOtherServiceToken`, not the
        API's `apiToken`."""
        taken = (
            {self.key_variable} | {v.key for v in self.result.variables} | _auth_references(self.result.auth)
        )
        names = [label + "Token" for label in _host_labels(host)]
        return next((name for name in names if name not in taken), names[-1] + "Other")

    def _variable_for(self, value: str, wanted: str) -> str:
        """The variable a credential becomes: `wanted`, unless another credential took it (`hooksToken`, then
        `hooksToken2`); the same value is always the same variable. Two secrets never share one, but for the
        API's own credential: any key or token pasted for it goes to the variable NEW's auth sends it from."""
        known = self.credential_variables.get(value)
        if known is not None:
            return known
        if wanted == self.key_variable or wanted in self.new_auth_variables:
            self.credential_variables[value] = wanted
            return wanted
        # the fork's own variable that held this very secret (emptied by carry_variables) is its place
        held = next(
            (v.key for v in self.comparison.old.side.collection.variables if v.value == value and v.key), None
        )
        if held is not None:
            self.credential_variables[value] = held
            return held
        # never one the collection already has for something else (`xOtherToken = "abc"` would be sent instead)
        taken = set(self.credential_variables.values()) | {v.key for v in self.result.variables}
        name, number = wanted, 2
        while name in taken:
            name, number = f"{wanted}{number}", number + 1
        self.credential_variables[value] = name
        return name

    def declare_credential_variables(self) -> None:
        """Each variable a credential became that neither the collection nor NEW's auth defines is added to the
        collection, empty: `{{accountsToken}}` would otherwise be sent as typed. Its value belongs in the user's
        environment, as a secret (an environment's value wins over the collection's)."""
        defined = {v.key for v in self.result.variables} | {self.key_variable}
        defined |= self.new_auth_variables
        for name in sorted(set(self.credential_variables.values()) - defined):
            self.result.variables.append(
                Variable(
                    name,
                    "",
                    "string",
                    "A credential the upgrade took out of a request: set it in your environment, as a secret.",
                )
            )
            self.report.notes.append(
                f"collection variable `{name}` added, empty, for a credential taken out of a request: set it in "
                "your environment as a secret"
            )

    def _credential_variable(self, name: str, scheme: str = "", *, host: str | None = None) -> str:
        """The variable a credential kept under `name` goes to: NEW's API-key variable when NEW's auth sends its
        key under that name, the collection's key variable for an Authorization header, else one named for
        where it was (`X-Api-Key` → `xApiKey`, `api_key` → `apiKey`). Sent to another service (`host`: the
        variable named for its host), an Authorization header's is that variable and another's is named for
        the host and the field (`accountsRefreshToken`)."""
        if host is not None:
            if name.lower() in ("authorization", "proxy-authorization"):
                return host
            words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w]
            return host.removesuffix("Token") + "".join(w[:1].upper() + w[1:] for w in words)
        own = self.result.auth
        if name.lower() == "authorization":
            if scheme.lower() == "basic":
                return "basicCredentials"
            if scheme.lower() == "bearer":
                # the variable a bearer token is sent from: the collection's own bearer or OAuth auth's, else NEW's
                # OAuth operations' (Train Travel's `{{oauth2AccessToken}}`), not its API key's
                bearer = own is not None and own.type in ("bearer", "oauth2")
                sent = (
                    own.attributes.get(CREDENTIAL_ATTRIBUTES[own.type])
                    if own is not None and bearer
                    else None
                )
                found = _VARIABLE_REFERENCE.search(str(sent or ""))
                return found.group(1).strip() if found else self._sent_by_type("bearer", "token")
            return self.key_variable
        if (
            own is not None
            and own.type == "apikey"
            and str(own.attributes.get("key", "")).lower() == name.lower()
        ):
            found = _VARIABLE_REFERENCE.search(str(own.attributes.get("value", "")))
            if found:
                return found.group(1).strip()
        words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w]
        return (
            (words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:]))
            if words
            else self.key_variable
        )

    def replace_literal_credentials(self) -> None:
        """Nor does a credential typed into the auth of a request or folder OLD carried (a bearer token, an API
        key, a password; pasted keys are replaced above): each becomes the variable NEW's own auth of that type
        sends, else the key variable, and is reported truncated."""
        api = self.comparison.api
        fork_variables = self.comparison.fork_variables()
        for item, label in self.carried_items:
            # a call to another service is not sent this API's credential: a variable of its own, named by its host
            elsewhere = other_host(item.request, api, fork_variables) is not None
            own = self._other_host_variable(item.request.url.host) if elsewhere else None
            generated = self.new_auth.get(id(item))
            self._credential_to_variable(item.request.auth, label, own, generated)
            for example in item.response:  # a saved example records the request as it was sent
                if example.original_request is not None:
                    self._credential_to_variable(
                        example.original_request.auth, f"{label} example `{example.name}`", own, generated
                    )
        for trail, folder in self.result.folders():
            self._credential_to_variable(folder.auth, "folder " + "/".join(trail))

    def _credential_to_variable(
        self, auth: Auth | None, label: str, variable: str | None = None, generated: Auth | None = None
    ) -> None:
        """`generated`: the auth NEW gives the request itself (an operation's own security, as Twilio's specs
        set it), looked at when the collection's auth is of another type."""
        if auth is None:
            return
        self._other_credentials_to_variables(auth, label, variable)
        attribute = CREDENTIAL_ATTRIBUTES.get(auth.type)
        if attribute is None:
            return
        value = auth.attributes.get(attribute)
        words = value.split() if isinstance(value, str) else []
        # a leading scheme word (`Klaviyo-API-Key {{privateKey}}`) is no credential; any other literal word is
        given = words[1:] if len(words) > 1 and _SCHEME_WORD.fullmatch(words[0]) else words
        literal = [w for w in given if not _VARIABLE_REFERENCE.search(w)]
        if not literal:
            return  # empty, or sent from a {{variable}} (`Klaviyo-API-Key {{privateKey}}`)
        if variable is None:  # what NEW's own auth of this type sends, else the key variable
            own = self.result.auth
            if (own is None or own.type != auth.type) and generated is not None:
                own = generated
            sent = own.attributes.get(attribute) if own is not None and own.type == auth.type else None
            found = _VARIABLE_REFERENCE.search(str(sent or ""))
            variable = found.group(1).strip() if found else self._sent_by_type(auth.type, attribute)
        variable = self._variable_for(" ".join(literal), variable)
        # the scheme word stays (`Klaviyo-API-Key {{privateKey}}`): without it the API refuses the key
        auth.attributes[attribute] = (words[0] + " " if given is not words else "") + "{{" + variable + "}}"
        self.report.keys_replaced.append(
            KeyReplacement(label, f"{auth.type} auth", truncate_key(" ".join(literal)), variable)
        )

    def _sent_by_type(self, kind: str, attribute: str) -> str:
        """The variable NEW's own requests send a credential of this auth type from, where they do (Train
        Travel's OAuth operations, `{{oauth2AccessToken}}`, beside a collection-wide API key); else the key
        variable. A bearer token typed into a folder went to the API key's variable and was sent as one."""
        # a bearer token and an OAuth 2.0 access token are one credential on the wire
        kinds = {"bearer", "oauth2"} if kind in ("bearer", "oauth2") else {kind}
        counts: Counter[str] = Counter()
        for _, item in self.result.walk():
            auth = item.request.auth
            if auth is not None and auth.type in kinds:
                sent = auth.attributes.get(CREDENTIAL_ATTRIBUTES.get(auth.type, attribute))
                found = _VARIABLE_REFERENCE.search(str(sent or ""))
                if found:
                    counts[found.group(1).strip()] += 1
        if counts:
            return counts.most_common(1)[0][0]
        # NEW sends no credential of this type: one of its own (`{{basicPassword}}`, `{{awsv4SecretKey}}`), never
        # the API's key variable, which two different secrets would then share (and Klaviyo's `privateKey` names
        # nothing in another API's collection)
        return kind + attribute[:1].upper() + attribute[1:]

    def _other_credentials_to_variables(self, auth: Auth, label: str, variable: str | None) -> None:
        """An auth's credentials beyond its main one (OAuth 2.0's client secret, password and refresh token, a
        JWT's signing secret): each typed in literally becomes a variable named for the auth and the attribute
        (`{{oauth2ClientSecret}}`), and is reported truncated."""
        main = CREDENTIAL_ATTRIBUTES.get(auth.type)
        own = (
            self.result.auth if self.result.auth is not None and self.result.auth.type == auth.type else None
        )
        for attribute, value in list(auth.attributes.items()):
            if attribute == main or not isinstance(value, str) or not looks_like_a_credential(value):
                continue
            # `clientSecret`, `password`, `refreshToken`, `secret` by name; any attribute holding an issued
            # token (Stripe's key as a Basic user name)
            if not is_credential_name(attribute) and not find_tokens(value):
                continue
            sent = _VARIABLE_REFERENCE.search(str(own.attributes.get(attribute, ""))) if own else None
            prefix = variable.removesuffix("Token") if variable else auth.type
            wanted = sent.group(1).strip() if sent else prefix + attribute[:1].upper() + attribute[1:]
            name = self._variable_for(value, wanted)
            auth.attributes[attribute] = "{{" + name + "}}"
            self.report.keys_replaced.append(
                KeyReplacement(label, f"{auth.type} auth `{attribute}`", truncate_key(value), name)
            )

    def _replaced_in(self, node: Any, path: tuple[Any, ...], label: str, root: Any = None) -> Any:
        root = node if root is None else root
        if isinstance(node, str):
            return self._replaced(node, label, _place(root, path)) if find_keys(node) else node
        if isinstance(node, dict):
            return {key: self._replaced_in(value, path + (key,), label, root) for key, value in node.items()}
        if isinstance(node, list):
            return [
                self._replaced_in(value, path + (index,), label, root) for index, value in enumerate(node)
            ]
        return node


def _body_sent(body: Any) -> tuple[Any, ...] | None:
    """What a body sends, as a user's edit would change it: an absent form value or file and an empty one are
    the same (v3's form writes `src: ""` where v2.1 has none), and so is the order of a field's keys."""
    if body is None or not _has_content(body):
        return None
    fields = [
        (
            f.get("key"),
            f.get("value") or "",
            f.get("src") or "",
            bool(f.get("disabled")),
            f.get("type") or "text",
        )
        for f in [*body.urlencoded, *body.formdata]
    ]
    return (body.mode, body.raw, fields, json_text(body.extra.get("graphql")))


def _sends(request: Request) -> tuple[Any, ...]:
    """What a request sends, as a user's edit would change it (Postman's export details aside)."""
    sent_body = _body_sent(request.body)
    return (
        request.method.upper(),
        request.url.raw,
        [(h.key.lower(), h.value, h.disabled) for h in request.header],
        [(v.key, v.value) for v in request.url.variable],
        sent_body,
        json_text(request.auth.to_json()) if request.auth is not None else None,
    )


def _origin(url: Url) -> str:
    """The scheme, host and port a URL sends to, as one text (Postman splits a host at its dots or not)."""
    protocol = f"{url.protocol}://" if url.protocol else ""
    return protocol + ".".join(url.host) + (f":{url.port}" if url.port else "")


def _renamed_example(example: Response, item: Item) -> bool:
    """An example generate made (its id derived) that the user renamed or gave another code: its id no longer
    derives from its item's id, name and code. Told only on an item that kept generate's id."""
    return (
        item.id is not None
        and is_derived(item.id)
        and example.id != ids.example_id(item.id, example.name, example.code)
    )


def _example_shape(example: Response) -> tuple[Any, ...]:
    """What a saved example says, as comparable values: Postman's re-export may reorder headers, drop a
    `disabled: false`, give the URL as an object or as text, or add an empty `cookie` list; none of that is an
    edit."""
    original = example.original_request
    return (
        example.status,
        example.body,
        _headers_shape(example.header),
        json_text(example.cookie or []),
        None if original is None else request_shape(original),
    )


def _headers_shape(headers: list[Header]) -> tuple[tuple[str, str, bool], ...]:
    return tuple(sorted((str(h.key).lower(), str(h.value), h.disabled) for h in headers))


def request_shape(request: Request) -> tuple[Any, ...]:
    """What a request sends, as comparable values, whatever order Postman wrote its headers in."""
    url = request.url
    return (
        request.method.upper(),
        tuple(url.host),
        tuple(url.path),
        tuple((q.key, q.value, q.disabled) for q in url.query),
        tuple(sorted((str(v.key), str(v.value)) for v in url.variable)),
        _headers_shape(request.header),
        _body_sent(request.body),
    )


def _code(example: dict[str, Any]) -> int:
    code = example.get("code")
    return code if isinstance(code, int) else -1


def _is_contract_test(event: dict[str, Any]) -> bool:
    """The test script generate writes (`--tests`), not one the user wrote."""
    script = event.get("script") if isinstance(event.get("script"), dict) else {}
    lines = script.get("exec") if isinstance(script, dict) else None
    first = lines[0] if isinstance(lines, list) and lines else lines if isinstance(lines, str) else ""
    return event.get("listen") == "test" and str(first).startswith(CONTRACT_TEST_HEADER)


def _auth_variables(collection: Collection) -> set[str]:
    """The variables the auths of a collection, its folders and its requests send (an environment's, as
    generate writes them)."""
    auths = [collection.auth] + [folder.auth for _, folder in collection.folders()]
    auths += [item.request.auth for _, item in collection.walk()]
    return {name for auth in auths for name in _auth_references(auth)}


def _auth_references(auth: Auth | None) -> set[str]:
    """The `{{variables}}` an auth's attributes send."""
    if auth is None:
        return set()
    return {
        m.group(1).strip()
        for value in auth.attributes.values()
        for m in _VARIABLE_REFERENCE.finditer(str(value))
    }


def _by_key(query: list[QueryParam]) -> dict[str | None, list[QueryParam]]:
    grouped: dict[str | None, list[QueryParam]] = {}
    for entry in query:
        grouped.setdefault(entry.key, []).append(entry)
    return grouped


def _same_entries(generated: list[QueryParam], mine: list[QueryParam]) -> bool:
    """Whether a key's entries in the fork read as upstream generated them (OLD's placeholders count as such, and
    a value an earlier postman-kit wrote with a bare `+`, which it now writes `%2B`)."""
    return len(generated) == len(mine) and all(
        g.disabled == m.disabled
        and (g.value == m.value or m.value in OLD_PLACEHOLDERS or query_value(m.value or "") == g.value)
        for g, m in zip(generated, mine, strict=True)
    )


def _has_content(body: Any) -> bool:
    """A body that sends something: raw text, form fields, a file, a GraphQL query."""
    data = body.to_json()
    return any(data.get(key) for key in ("raw", "urlencoded", "formdata", "file", "graphql"))


def _json_fields(text: str) -> Iterator[tuple[str, str]]:
    """The string fields (name, value) of a JSON text, at any depth; none when it is not JSON."""
    try:
        stack = [json.loads(text)]
    except ValueError:
        return
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for name, value in node.items():
                if isinstance(value, str):
                    yield name, value
                else:
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)


def _refill(item: Item, data: dict[str, Any]) -> None:
    """`item`, in place (the result's folders hold it), as `data` reads: its JSON with credentials replaced."""
    fresh = Item.from_json(data)
    item.name, item.request, item.response = fresh.name, fresh.request, fresh.response
    item.description, item.event, item.extra = fresh.description, fresh.event, fresh.extra


def _typed_path_values(mine: Url, base: Url) -> dict[str, str] | None:
    """The values `mine` types where `base` has path variables (an id typed into Postman's URL bar:
    `/api/lists/MYLIST77` for `/api/lists/:id`, Twilio's `SM…66.json` for `:Sid.json`, a `{{listId}}`): {} when
    it types none, None when its path is not `base`'s at all (the user pointed the request at another one)."""
    mine_path = [segment for segment in mine.path if segment] or [""]
    base_path = [segment for segment in base.path if segment] or [""]
    extra = len(mine_path) - len(base_path)
    if extra > 0 and _origin(mine) != _origin(base):
        mine_path = mine_path[extra:]  # the path of a server written out with its host (Spotify's `/v1`)
    if len(mine_path) != len(base_path):
        return None
    typed: dict[str, str] = {}
    for own, generated in zip(mine_path, base_path, strict=True):
        variable = ids.path_variable(generated)
        if own == generated or (own.startswith(":") and variable is not None):
            continue  # the same, or variables both (a renamed one is the variables' to tell)
        if variable is None:
            return None
        name, suffix = variable
        if own.startswith(":") or len(own) <= len(suffix) or not own.endswith(suffix):
            return None
        typed[name] = own[: len(own) - len(suffix)]
    return typed


def _rename_path_variable(url: Url, old: str, new: str) -> None:
    """`:old` in the URL's path (a whole segment's or a part's, as Twilio's `:Sid.json`) and its variable are
    `:new`."""
    pattern = re.compile(rf":{re.escape(old)}(?![\w-])")
    url.path = [pattern.sub(lambda _: f":{new}", part) for part in url.path]
    for variable in url.variable:
        if variable.key == old:
            variable.key = new
    url.rebuild_raw()


def _scripts_read(item: Item, name: str) -> bool:
    """One of the item's scripts names `name` in quotes (`pm.request.url.variables.get('bookingId')`)."""
    quoted = (f"'{name}'", f'"{name}"', f"`{name}`")
    for event in item.event:
        script = event.get("script") if isinstance(event.get("script"), dict) else {}
        lines = script.get("exec") if isinstance(script, dict) else None
        text = "\n".join(map(str, lines)) if isinstance(lines, list) else str(lines or "")
        if any(mark in text for mark in quoted):
            return True
    return False


def _same_segment(name: str, mine: Url, target: Url) -> list[Variable]:
    """The path variable of `target` in the segment `:name` holds in `mine`, where the two paths are as long
    (a trailing slash aside: Klaviyo's older revisions end each path with one) and that segment is a whole
    variable in both."""
    variables = [ids.path_variable(part) for part in mine.path]
    held = [i for i, variable in enumerate(variables) if variable is not None and variable[0] == name]
    if len(ids.without_trailing_slash(mine.path)) != len(ids.without_trailing_slash(target.path)) or not held:
        return []
    variable = ids.path_variable(target.path[held[0]])
    if variable is None:
        return []
    return [own for own in target.variable if own.key == variable[0]]


_SCRIPT_SETTING = re.compile(
    r"""\.set\(\s*(['"`])([\w.-]{1,100})\1\s*,\s*(['"`])([^'"`\\]{8,500})\3"""
    r"""|\bkey\s*:\s*(['"`])([\w.-]{1,100})\5\s*,\s*value\s*:\s*(['"`])([^'"`\\]{8,500})\7"""
)


_LITERAL = r"""'[^'\\\n]*'|"[^"\\\n]*\""""
# literals joined in a script: `'pk_' + '…'`, a template literal of literals, `['…', '…'].join('')`
_SPLIT_LITERALS = re.compile(
    rf"(?:{_LITERAL})(?:\s*\+\s*(?:{_LITERAL}))+"
    rf"|`[^`$\\\n]*(?:\$\{{\s*(?:{_LITERAL})\s*\}}[^`$\\\n]*)+`"
    rf"|\[\s*(?:{_LITERAL})(?:\s*,\s*(?:{_LITERAL}))*\s*\]\.join\(\s*(?:''|\"\")\s*\)"
)


def _joined(expression: str) -> str:
    """One literal for an expression joining literals (the quote of its first): what it evaluates to."""
    if expression.startswith("`"):
        text = re.sub(r"\$\{\s*(['\"])(.*?)\1\s*\}", lambda m: m.group(2), expression[1:-1])
        return "'" + text.replace("'", "\\'") + "'"
    listed = expression.split("].join")[0] if expression.startswith("[") else expression
    parts = re.findall(_LITERAL, listed)
    quote = parts[0][0]
    return quote + "".join(part[1:-1] for part in parts) + quote


def _credentials_in(line: str) -> set[str]:
    named = {value for name, value in _script_settings(line) if holds_named_credential(name, value)}
    return set(find_keys(line)) | set(find_tokens(line)) | named


def _join_split_credentials(events: list[dict[str, Any]]) -> None:
    """A key a script builds from pieces (`'pk_' + '…'`) is one literal again where joining shows a credential,
    so it is found and replaced as one written whole; lines that hide none are left as the user wrote them."""
    for event in events:
        script = event.get("script") if isinstance(event, dict) else None
        lines = script.get("exec") if isinstance(script, dict) else None
        if not isinstance(lines, list):
            continue
        for index, line in enumerate(lines):
            if not isinstance(line, str) or not _SPLIT_LITERALS.search(line):
                continue
            joined = _SPLIT_LITERALS.sub(lambda m: _joined(m.group(0)), line)
            if _credentials_in(joined) - _credentials_in(line):
                lines[index] = joined


def _script_settings(line: str) -> list[tuple[str, str]]:
    """(name, value) of each literal a script line sets under a name: `pm.environment.set('token', '…')`,
    `pm.request.headers.add({key: 'X-Api-Key', value: '…'})`."""
    if ".set(" not in line and "key" not in line:
        return []
    return [
        (found.group(2) or found.group(6), found.group(4) or found.group(8))
        for found in _SCRIPT_SETTING.finditer(line)
    ]


def _requests_only(item: dict[str, Any]) -> dict[str, Any]:
    """An item's JSON with its saved examples reduced to the requests they record."""
    examples = item.get("response")
    if not isinstance(examples, list):
        return item
    recorded = [
        {"originalRequest": e["originalRequest"]} if isinstance(e, dict) and "originalRequest" in e else {}
        for e in examples
    ]
    return {**item, "response": recorded}


def _with_truncated_answers(item: dict[str, Any], literals: list[str]) -> dict[str, Any]:
    """An item's JSON with each literal truncated in its saved examples' responses (not the requests they
    record)."""
    examples = item.get("response")
    if not isinstance(examples, list):
        return item
    truncated = {literal: truncate_key(literal) for literal in literals}
    answers = [
        {
            key: value if key == "originalRequest" else _with_texts(value, truncated)
            for key, value in e.items()
        }
        if isinstance(e, dict)
        else e
        for e in examples
    ]
    return {**item, "response": answers}


def _with_replaced(node: Any, replacements: dict[str, str]) -> Any:
    """`node` with every occurrence of each literal in its strings replaced by `{{variable}}`: the same
    credential in a header, the raw URL and a script is replaced everywhere it stands."""
    if not replacements:
        return node
    return _with_texts(node, {literal: "{{" + variable + "}}" for literal, variable in replacements.items()})


def _with_texts(node: Any, replacements: dict[str, str]) -> Any:
    """`node` with every occurrence of each literal in its strings replaced by its text."""
    if isinstance(node, str):
        for literal, text in replacements.items():
            if literal in node:
                node = node.replace(literal, text)
        return node
    if isinstance(node, dict):
        return {key: _with_texts(value, replacements) for key, value in node.items()}
    if isinstance(node, list):
        return [_with_texts(value, replacements) for value in node]
    return node


def _key_variable(collection: Collection) -> str:
    """The variable the collection's own auth sends the key in (`{{privateKey}}`); without one, the variable
    most of its requests' own auths send (Spotify's operations each carry their OAuth scopes:
    `{{oauth20AccessToken}}`); else `privateKey`."""
    counts: Counter[str] = Counter()
    for auth in [collection.auth] + [item.request.auth for _, item in collection.walk()]:
        values = auth.attributes.values() if auth is not None else ()
        for value in values:
            found = _VARIABLE_REFERENCE.search(value) if isinstance(value, str) else None
            if found:
                if auth is collection.auth:
                    return found.group(1).strip()
                counts[found.group(1).strip()] += 1
                break
    return counts.most_common(1)[0][0] if counts else DEFAULT_KEY_VARIABLE


def _place(root: Any, path: tuple[Any, ...]) -> str:
    """Where in an item's JSON `path` points, as a user names it: header `Authorization`, query `api_key`."""
    if path[:1] == ("response",) and len(path) > 1:
        example = root["response"][path[1]]
        named = f"example `{example.get('name', '')}`"
        part = path[2] if len(path) > 2 else None
        if part in ("header", "cookie") and len(path) > 3 and isinstance(path[3], int):
            entry = example[part][path[3]]
            return f"{named} {part} `{entry.get('key', entry.get('name', '')) if isinstance(entry, dict) else ''}`"
        return f"{named} body" if part == "body" else named
    if path[:1] == ("event",):
        return "scripts"
    if path[:1] != ("request",):
        return str(path[0]) if path else "value"
    request = root["request"]
    part = path[1] if len(path) > 1 else "request"
    if part in ("header", "url", "body") and len(path) > 3 and isinstance(path[2], (int, str)):
        if part == "url" and path[2] in ("query", "variable"):
            entry = request["url"][path[2]][path[3]]
            kind = "query" if path[2] == "query" else "path variable"
            return f"{kind} `{entry.get('key', '')}`"
        if part == "body" and path[2] in ("urlencoded", "formdata"):
            return f"body field `{request['body'][path[2]][path[3]].get('key', '')}`"
    if part == "header" and len(path) > 2:
        return f"header `{request['header'][path[2]].get('key', '')}`"
    if part == "url":
        return {"raw": "URL", "host": "host", "path": "path"}.get(path[2] if len(path) > 2 else "", "URL")
    if part == "auth":
        return f"auth ({request['auth'].get('type', '')})"
    return str(part)


def _query_redo(key: str | None, placed: list[QueryParam]) -> Callable[[Request], None]:
    """What puts (copies of) the user's entries for `key` in place of a request's own, where its first stood
    (at the end when it has none)."""

    def redo(request: Request) -> None:
        query = request.url.query
        at = next((index for index, q in enumerate(query) if q.key == key), len(query))
        entries = [QueryParam(q.key, q.value, q.description, q.disabled, dict(q.extra)) for q in placed]
        query[:] = [q for q in query[:at] if q.key != key] + entries + [q for q in query[at:] if q.key != key]

    return redo


def _insert_after(siblings: list[Node], anchor: Node | None, node: Node, hint: int = -1) -> int:
    """Insert `node` after `anchor` (first where None); returns where it went. `hint` is where `anchor` was last
    put: a fork's saved requests go in one after another, and looking each anchor up again from the start made
    40,000 of them take 30 s."""
    if anchor is None:
        position = 0
    elif 0 <= hint < len(siblings) and siblings[hint] is anchor:
        position = hint + 1
    else:
        position = next(i for i, n in enumerate(siblings) if n is anchor) + 1
    siblings.insert(position, node)
    return position


def _note(item: Item) -> str:
    """The note an earlier upgrade opened the request's description with (an upgrade before the note moved there
    put it in the item's), or ""."""
    return next((d for d in (item.description, item.request.description) if d.startswith(NOTE_HEADING)), "")


def _marked_before(item: Item) -> bool:
    """Did an earlier upgrade mark this request? By its x-postman-kit mark, else (a v3 file keeps none) by the ⚠
    before its name and the note that opens its description."""
    return bool(item.kit.get("conflicts")) or (item.name.startswith(CONFLICT_MARK) and bool(_note(item)))


def _unmark(item: Item) -> None:
    """Take off the marks an earlier upgrade put on a request, so they are said once, about this upgrade."""
    kit = item.kit
    if "conflicts" not in kit and not (item.name.startswith(CONFLICT_MARK) and _note(item)):
        return  # (a v3 fork keeps no x-postman-kit mark: its ⚠ and note are the marks)
    item.name = item.name.removeprefix(CONFLICT_MARK)
    if item.description.startswith(NOTE_HEADING):
        item.description = item.description.partition("\n\n")[2]
    elif item.request.description.startswith(NOTE_HEADING):  # a v3 fork keeps it in the request's description
        item.request.description = item.request.description.partition("\n\n")[2]
    kit = {k: v for k, v in kit.items() if k not in ("conflicts", "upgradedFrom")}
    if kit:
        item.extra[KIT_KEY] = kit
    else:
        item.extra.pop(KIT_KEY, None)


def _fork_name(old: Side, new: Side, default: str, base: Side | None, report: UpgradeReport) -> str:
    """The fork's own name with its revision bumped (`My fork (v2023-10-15)` → `My fork (v2026-07-15)`); one
    unlike what upstream named it is reported as the user's (with OLD's spec) or as kept over NEW's."""

    def bumped(name: str) -> str:
        if old.revision and new.revision and old.revision in name:
            # the last one: the stamp ends the name (`Notes 1.0.0 tests (v1.0.0)` keeps the user's own words)
            before, _, after = name.rpartition(old.revision)
            return before + new.revision + after
        return name

    name = bumped(old.collection.info.name)
    if not name:
        return default
    written, wanted = parse_collection_name(old.collection.info.name), parse_collection_name(default)
    if (
        written.channel not in (None, wanted.channel)
        and written.title == wanted.title
        and written.revision == old.revision
    ):
        # generate's own name for OLD, on another track (a beta fork upgraded to a stable revision): NEW's,
        # with NEW's label (`(Beta) … (v2026-07-15)` would say a beta it is not)
        return default
    if base is not None:
        if name != bumped(base.collection.info.name):
            report.edits_kept.append(f"collection name '{name}' (yours)")
    elif name != default:
        report.notes.append(f"the collection keeps the fork's name '{name}' (NEW's is '{default}')")
    return name


def _note_exposed_credentials(result: Collection, report: UpgradeReport) -> None:
    """A note naming each key or token the collection's name, a folder's name or a variable's name or
    description holds: the upgrade truncates them in place (no variable can stand there), and the user revokes."""
    places = [("the collection's name", result.info.name)]
    places += [
        (f"folder '{redact('/'.join(trail))}' name", folder.name) for trail, folder in result.folders()
    ]
    for variable in result.variables:
        places += [(f"variable `{redact(variable.key)}` name", variable.key)]
        places += [(f"variable `{redact(variable.key)}` description", variable.description or "")]
    found = [
        f"{where} ({truncate_key(credential)})"
        for where, text in places
        if text
        for credential in [*find_keys(text), *find_tokens(text)]
    ]
    if found:
        report.notes.append(
            "credential(s) written where no request sends them, truncated in the upgrade; revoke them, they were "
            "in the collection: " + "; ".join(found)
        )
        # truncated here, every kind: the writer's last pass knows only the API's own private keys
        result.info.name = _truncated(result.info.name)
        for _, folder in result.folders():
            folder.name = _truncated(folder.name)
        for variable in result.variables:
            variable.key = _truncated(variable.key)
            variable.description = (
                _truncated(variable.description) if variable.description else variable.description
            )


def _truncated(text: str) -> str:
    """`text` with each private key and issued-format token in it truncated."""
    return replace_tokens(replace_keys(text, truncate_key), truncate_key)


def _carried_fields(mine: dict[str, Any], generated: dict[str, Any], target: dict[str, Any]) -> list[str]:
    """Postman's fields the user set (on the collection, an item, a request, its URL or body), key by key onto
    `target` where they differ from what upstream generated: a map merged into NEW's, anything else in its place.
    The kit's own marker is NEW's; `_postman_…` fields are the app's bookkeeping. The fields carried, quoted."""
    kept = []
    for name, value in mine.items():
        if value == generated.get(name) or name == KIT_MARKER or name.startswith("_"):
            continue
        held = target.get(name)
        target[name] = {**held, **value} if isinstance(value, dict) and isinstance(held, dict) else value
        kept.append(f"`{name}`")
    return kept


def _carry_collection_scripts(old: Collection, result: Collection, report: UpgradeReport) -> None:
    if old.event and not result.event:
        result.event = old.event
        report.edits_kept.append("collection scripts")


def _merged_words(mine: str, before: str, new: str) -> str:
    """What the user made of upstream's text `before` (OLD's), made of NEW's: words added before or after it, or
    paragraphs added between its lines, go where the same lines stand in NEW's; a text rewritten, or one whose
    lines NEW no longer has, is the user's whole. Lines are compared without their line breaks (`\\r\\n` or none
    at the end is no edit)."""
    if mine == before or not before:
        return mine if mine != before else new
    if before in mine:
        head, _, tail = mine.partition(before)
        return head + new + tail
    old_lines, my_lines, new_lines = before.splitlines(), mine.splitlines(), new.splitlines()
    merged = list(new_lines)
    shift = 0  # lines inserted into `merged` so far
    searched = 0  # where in NEW's lines the next anchor is looked for
    matcher = difflib.SequenceMatcher(None, old_lines, my_lines, autojunk=False)
    for tag, i1, _, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag != "insert":
            return mine  # the user changed or removed upstream's words: theirs whole
        at = _place_between(old_lines, i1, new_lines, searched)
        if at is None:
            return mine  # neither line the words stand between is NEW's any more: theirs whole
        merged[at + shift : at + shift] = my_lines[j1:j2]
        shift += j2 - j1
        searched = at
    end = "\n" if new.endswith("\n") or (not new and mine.endswith("\n")) else ""
    return "\n".join(merged) + end


def _place_between(old_lines: list[str], index: int, new_lines: list[str], searched: int) -> int | None:
    """Where in NEW's lines words the user put before OLD's line `index` go: after the nearest line of words
    before them and the blank lines that followed it there, else before the nearest after them (that line before
    them is NEW's no more: `Revision 2024-02-15 of …`). A blank line is no place: NEW's first is anywhere."""
    words = [i for i, line in enumerate(old_lines) if line.strip()]
    before = [i for i in words if i < index]
    if not before:
        return 0
    if old_lines[before[-1]] in new_lines[searched:]:
        at = new_lines.index(old_lines[before[-1]], searched) + 1
        for _ in range(index - before[-1] - 1):  # the blank lines between, where NEW has them too
            if at < len(new_lines) and not new_lines[at].strip():
                at += 1
        return at
    after = [i for i in words if i >= index]
    if after and old_lines[after[0]] in new_lines[searched:]:
        at = new_lines.index(old_lines[after[0]], searched)
        for _ in range(after[0] - index):
            if at > searched and not new_lines[at - 1].strip():
                at -= 1
        return at
    return None


def _names(variables: set[str]) -> str:
    return ", ".join("{{" + name + "}}" for name in sorted(variables))


def _requests_within(folder: Folder) -> Iterator[Item]:
    for node in folder.items:
        if isinstance(node, Folder):
            yield from _requests_within(node)
        else:
            yield node


def _same_requirements(old: Api | None, new: Api | None) -> bool:
    """Both specs ask the same of a caller at the top: the same kinds of credential and scopes, whatever their
    schemes are named."""
    if old is None or new is None:
        return False
    return security_identity(old.security, old.security_schemes) == security_identity(
        new.security, new.security_schemes
    )


def _same_but_variables(mine: Auth, new: Auth) -> bool:
    """Two auths that differ in the names of the variables they read and nothing else."""
    texts = [json.dumps(_auth_json(auth), sort_keys=True) for auth in (mine, new)]
    unnamed = [_VARIABLE_REFERENCE.sub("{{}}", text) for text in texts]
    return unnamed[0] == unnamed[1] and texts[0] != texts[1] and "{{" in texts[0]


def _auth_json(auth: Any) -> Any:
    """An auth as compared: its type and attributes whatever their order (Postman's export writes a basic auth's
    `password` before its `username`; a v3 file re-saved orders keys anew), which is no edit."""
    return None if auth is None else {"type": auth.type, "attributes": dict(auth.attributes)}


def _host_labels(host: list[str]) -> list[str]:
    """A request host's labels as variable names start (`relay.example.com` → `relay`, `relayExample`, …)."""
    labels = (
        [host_label(label) for label in ".".join(host).split(".")[:-1] if host_label(label)] if host else []
    )
    names = []
    for count in range(1, len(labels) + 1):
        joined = labels[0] + "".join(label[:1].upper() + label[1:] for label in labels[1:count])
        names.append(joined[:1].lower() + joined[1:])
    return names or ["other"]
