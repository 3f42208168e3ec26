"""Example values synthesized from JSON Schemas (request bodies, parameters, example responses).

Deterministic by construction: the same schema always yields the same value. Recursive schemas are cut off
at the first repeated `$ref`; `readOnly` properties are left out of requests and `writeOnly` ones out of
responses.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from postman_kit.errors import InputError
from postman_kit.loader import resolve_pointer
from postman_kit.scalars import (
    FORMAT_EXAMPLES,
    NEUTRAL_STRING,
    is_date_time,
    is_number,
    listed_types,
    name_key,
    number_bounds,
    number_value,
    pattern_examples,
    pattern_is_readable,
    pattern_matches,
    string_fits,
    string_value,
)
from postman_kit.secrets import UUID_TEXT, is_credential_name, without_credentials
from postman_kit.shapes import nesting_exceeds

if TYPE_CHECKING:
    from postman_kit.openapi import Api, Operation, Parameter

# Klaviyo's bulk-job bodies nest JSON:API documents 15+ levels deep and flow definitions 25; a cut there leaves
# required values null.
MAX_DEPTH = 28
_CUT = object()
# Keywords that make a schema's value more than a scalar's or an empty array's (see _shallow)
_BRANCHING_KEYWORDS = frozenset({"$ref", "allOf", "oneOf", "anyOf", "not", "properties", "if", "prefixItems"})
_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})
# Keywords beside a `$ref` that say nothing about its value.
_ANNOTATIONS = frozenset({"description", "summary", "title", "$comment", "deprecated"})
_COMPOSED = frozenset({"allOf", "oneOf", "anyOf"})
# The most entries a value is given where a schema asks for at least some (`minProperties`, `minContains`): a
# spec's `minProperties: 100000000` is no request anyone sends, and building it took minutes.
MAX_ENTRIES = 100
# The entries (object members, list items, all levels) past which a built value takes no more optional
# properties: Microsoft Graph's entities name each other in optional properties, breadth upon depth, and its
# POST /drives body was 202,206 nodes (a 1.9 GB collection, 66 s). Required properties are always built.
MAX_BUILT_ENTRIES = 500
# The entries past which even required values are cut short (a scalar's value, an empty list, an object's stub):
# ten levels of ten required properties, each a `$ref` to the next level, are a 4 KB spec whose value would hold
# 10^10 entries; a list of three of a list of three, 14 levels down, 4.8 million. No API takes such a body, and
# building it ran out of memory. A value cut short is counted in `cut_short`, for generate to warn of.
MAX_VALUE_ENTRIES = 10_000
# A JSON media type (`application/json`, `application/vnd.x+json`) with any parameters.
_JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]*\+)?json\s*(?:;|$)", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class _Built:
    """A value built for a `$ref`, the refs met while building it, and how deep below the ref it reached."""

    value: Any
    refs_met: frozenset[str]
    height: int
    depth: int  # where it was built
    cut_by_depth: bool  # MAX_DEPTH cut something short: the value holds at `depth` only
    size: int  # the entries (object members, list items) it holds, all levels counted
    null_stubs: int  # required values in it recursion left as null

    def holds_at(self, depth: int, enclosing: tuple[str, ...]) -> bool:
        # A value built without meeting MAX_DEPTH is the same value at any depth that leaves it room; one that
        # met it holds only where it was built. Either way, recursion cut at an enclosing ref must match.
        if not self.refs_met.isdisjoint(enclosing):
            return False
        return depth == self.depth if self.cut_by_depth else depth + self.height <= MAX_DEPTH


class ExampleBuilder:
    """Builds examples for one document and one direction (`request` or `response`).

    `unique_values` (requests a client sends, not data a server keeps) gives fields that APIs keep unique,
    such as `email`, `phone_number` and `external_id`, a Postman dynamic variable (`{{$guid}}`,
    `{{$timestamp}}`), so a collection can create the same resource twice, run after run, without a conflict;
    the text stays the same from one generate to the next.

    `errors_only` (an error response's body) keeps what an error says and leaves out the other schemas it may
    embed: an optional property that is a `$ref` to an object (or a `oneOf`/`anyOf` of such) is left out, unless
    the object would hold nothing else. Stripe's error may carry the PaymentIntent, PaymentMethod, SetupIntent and
    Source it concerns: 31 KB of made-up objects in each 401, 25.7 of the 36 MB a Stripe collection was.
    """

    def __init__(
        self,
        document: dict[str, Any],
        direction: str = "request",
        *,
        unique_values: bool = False,
        spec_examples: SpecExamples | None = None,
        errors_only: bool = False,
        credential_variable: Callable[[str], str] | None = None,
    ) -> None:
        self.document = document
        self.direction = direction
        self.unique_values = unique_values and direction == "request"
        self.errors_only = errors_only
        self.credential_variable = credential_variable if direction == "request" else None
        # the variables `credential_variable` gave (`{{clientSecret}}`): the user's value, whatever the schema says
        self._variables_given: set[str] = set()
        self.spec_examples = spec_examples or SpecExamples(document)
        # A ref's value depends on how much room MAX_DEPTH leaves it and on which enclosing refs cut recursion
        # short; an entry is reused only where it holds (see _Built.holds_at).
        self._cache: dict[str, _Built] = {}
        self._cut_cache: dict[tuple[str, int], _Built] = {}
        self._targets: dict[str, Any] = {}
        self._refs_met: list[set[str]] = []  # one set per ref being built, innermost last
        self._deepest = 0  # the deepest depth reached by the ref being built
        self._depth_cuts = 0  # how many times MAX_DEPTH has cut a value short
        self._stubs = 0  # how many required values a cycle of refs left as stubs (see _stub)
        self._spent = 0  # entries placed in the value being built (see MAX_BUILT_ENTRIES)
        self._null_stubs = 0  # required values recursion left as null (see the array case of _build)
        self._budget_cuts = 0  # optional properties left out for MAX_BUILT_ENTRIES, values cut short
        # required values cut short, or lists and maps given fewer entries, for MAX_VALUE_ENTRIES
        self.cut_short = 0
        self._strings: dict[tuple[Any, ...], str] = {}
        self._standing_in: set[str] = set()  # bases being built as their first subtype (see _subtype)
        # OpenAPI 3.1 (JSON Schema 2020-12) applies the keywords beside a `$ref`; 3.0 ignores them
        self._ref_siblings = str(document.get("openapi", "")).startswith("3.1")

    def build(self, schema: Any, name: str | None = None) -> Any:
        """An example of `schema`; `name` (a property's or parameter's) suggests realistic text where the schema
        gives none."""
        spent, self._spent = self._spent, 0  # a string's JSON document is a value of its own (see _string)
        try:
            value = self._build(schema, (), 0, name)
        finally:
            self._spent = spent
        return None if value is _CUT else value

    def declared(self, schema: Any) -> Any:
        """The schema's own `example`, `examples`, `const`, `enum` or `default`, also when it sits under `allOf`,
        `oneOf` or `anyOf` or behind a `$ref`; `None` when it declares none."""
        return _declared_value(self, schema, 0)

    def _target(self, ref: str) -> Any:
        target = self._targets.get(ref)
        if target is None:
            target = self._targets[ref] = resolve_pointer(self.document, ref[1:], "spec")
        return target

    def _build_ref(self, ref: str, refs: tuple[str, ...], depth: int) -> Any:
        target = self._target(ref)
        if isinstance(target, dict) and "discriminator" in target and ref not in self._standing_in:
            subtype = self._subtype(ref, target, refs)
            if subtype is not None:
                mapped, name, key = subtype
                self._standing_in.add(ref)  # a base stands in for its subtype once: mappings may loop
                try:
                    value = self._build_ref(mapped, refs, depth)
                finally:
                    self._standing_in.discard(ref)
                return {**value, name: key} if isinstance(value, dict) and name in value else value
        met = self._refs_met
        if ref in refs:
            if met:
                met[-1].add(ref)
            return _CUT
        built = self._cache.get(ref)
        if built is None or not built.holds_at(depth, refs):
            built = self._cut_cache.get((ref, depth))
            if built is None or not built.holds_at(depth, refs):
                built = self._build_new(ref, refs, depth)
            else:
                self._spent += built.size
                self._null_stubs += built.null_stubs
        else:
            self._spent += built.size
            self._null_stubs += built.null_stubs
        if met:
            met[-1].update(built.refs_met)
        self._deepest = max(self._deepest, depth + built.height)
        return built.value

    def _shown(self, schema: dict[str, Any], value: Any, name: str | None) -> Any:
        """The spec's own value with any credential in it truncated; _CUT where the truncated text no longer
        fits the schema (Exoscale's key example under `pattern: ^[ -~]+$`, which `…` breaks): a value is then
        made from the schema, as the example cannot be shown. A request's field named for the credential it
        shows (Box's token form: `client_secret`) is sent from a variable instead (`credential_variable`):
        truncated, `…PYc1` went out as the secret."""
        shown = without_credentials(value, name)
        if (
            self.credential_variable is not None
            and isinstance(value, str)
            and name is not None
            and shown != value
            and is_credential_name(name)
        ):
            variable = self.credential_variable(name)
            self._variables_given.add(variable)
            return variable
        if (
            shown is value
            or shown == value
            or isinstance(shown, dict | list)
            or self._example_fits(schema, shown)
        ):
            return shown
        return _CUT

    def _spending(self, spent: int, value: Any) -> Any:
        """`value`, chosen of several built: the entries spent are those before them and its own."""
        self._spent = spent + _entries(value)
        return value

    def _typed(self, schema: Any) -> bool:
        """The schema (through a `$ref`) says anything of its values: a type, an enum, a const, a composition."""
        schema = self._resolved(schema)
        return isinstance(schema, dict) and any(key not in _ANNOTATIONS for key in schema)

    def _shallow(self, schema: Any, refs: tuple[str, ...], name: str | None) -> Any:
        """Past MAX_DEPTH, a value that needs no depth: a scalar's (HubSpot's `filterBranchType: AND` seven
        alternatives down was `null`, though required and an enum) or an array's with no items (`[]` where none
        are asked for), as a ref cycle ends; anything else is cut."""
        for _ in range(8):  # a chain of refs to the schema
            if not (
                isinstance(schema, dict) and isinstance(ref := schema.get("$ref"), str) and ref[:1] == "#"
            ):
                break
            if ref in refs:
                return _CUT
            schema = self._target(ref)
        if not isinstance(schema, dict) or _BRANCHING_KEYWORDS & schema.keys():
            return _CUT
        kind = _main_type(schema)
        if kind == "array" or (kind is None and "items" in schema):
            return [] if not schema.get("minItems") else _CUT
        if kind in _SCALAR_TYPES or "enum" in schema or "const" in schema or _inferred_kind(schema):
            return self._build(schema, refs, MAX_DEPTH, name)
        return _CUT

    def _build_new(self, ref: str, refs: tuple[str, ...], depth: int) -> _Built:
        outer_deepest, cuts = self._deepest, self._depth_cuts
        spent, budget_cuts, null_stubs = self._spent, self._budget_cuts, self._null_stubs
        self._deepest = depth
        self._refs_met.append({ref})
        try:
            # A ref's value is cached and shared by every place that uses it, so the name it suggests is its
            # own (`#/components/schemas/Email` → `Email`), never the name of the property that points at it.
            value = self._build(self._target(ref), refs + (ref,), depth + 1, ref.rsplit("/", 1)[-1])
        finally:
            inner = self._refs_met.pop()
            deepest, self._deepest = self._deepest, max(outer_deepest, self._deepest)
        built = _Built(
            value,
            frozenset(inner),
            deepest - depth,
            depth,
            self._depth_cuts != cuts,
            self._spent - spent,
            self._null_stubs - null_stubs,
        )
        if built.refs_met.isdisjoint(refs) and self._budget_cuts == budget_cuts:  # a cut one holds only here
            if built.cut_by_depth:
                self._cut_cache[(ref, depth)] = built
            else:
                self._cache[ref] = built
        return built

    def _build(self, schema: Any, refs: tuple[str, ...], depth: int, name: str | None = None) -> Any:
        if depth > MAX_DEPTH:
            self._depth_cuts += 1
            return self._shallow(schema, refs, name)
        if depth > self._deepest:  # noqa: PLR1730 - the hot path: a comparison costs less than max()
            self._deepest = depth
        if not isinstance(schema, dict):
            return None
        if "not" in schema:
            return self._not(schema, refs, depth, name)
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            if self._ref_siblings and len(schema) > 1:
                beside = {k: v for k, v in schema.items() if k != "$ref" and k not in _ANNOTATIONS}
                if beside:
                    return self._with_siblings(ref, beside, refs, depth, name)
            return self._build_ref(ref, refs, depth)
        # What the spec wrote (its examples and defaults) is shown with any credential in it truncated, as every
        # output writes a key (an OAuth response's `access_token: eyJ…`, a `refresh_token`, an `sk_live_…`).
        if (
            "example" in schema
            and self._example_fits(schema, schema["example"])
            and not _placeholder(schema, name, schema["example"])
            and (shown := self._shown(schema, self._as_sent(schema, schema["example"]), name)) is not _CUT
        ):
            return shown
        examples = schema.get("examples")
        if (
            isinstance(examples, list)
            and examples
            and self._example_fits(schema, examples[0])
            and not _placeholder(schema, name, examples[0])
            and (shown := self._shown(schema, self._as_sent(schema, examples[0]), name)) is not _CUT
        ):
            return shown
        if "example" in schema and not isinstance(schema["example"], dict | list):
            # written in another type where nothing is lost (Xero's account code `example: 090`, a number to
            # YAML 1.2, for a string): the value respelled, rather than one made up
            spelled = _respelled(schema, schema["example"])
            if (
                spelled is not None
                and self._example_fits(schema, spelled)
                and (shown := self._shown(schema, spelled, name)) is not _CUT
            ):
                return shown
        if "const" in schema:
            return schema["const"]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            non_null = [e for e in enum if e is not None]
            return non_null[0] if non_null else None
        if (
            "default" in schema
            and schema["default"] is not None
            and self._example_fits(schema, schema["default"])
            and self._default_sendable(schema, schema["default"])
            and (shown := self._shown(schema, schema["default"], name)) is not _CUT
        ):
            return shown
        if "allOf" in schema:
            return self._all_of(schema, refs, depth, name)
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if isinstance(branches, list) and branches:
                if isinstance(schema.get("properties"), dict):
                    return self._object_with_branch(schema, key, branches, refs, depth)
                first: Any = _CUT
                spent = self._spent  # branches tried and passed over hold nothing of the value
                for index, branch in enumerate(branches):
                    # the name's value may be what makes a branch's value fit another too (an enum's entry)
                    for hint in (name, None) if name is not None else (None,):
                        value = self._build(branch, refs, depth + 1, hint)
                        if value is _CUT or value is None:
                            break
                        if key == "anyOf":
                            return self._spending(spent, self._discriminated(schema, branch, value))
                        value = self._discriminated(schema, branch, self._only_number(branches, value))
                        if not self._fits_another(branches, index, value):
                            return self._spending(spent, value)
                        # valid under another branch too, so under none for `oneOf`: try the next value
                        first = value if first is _CUT else first
                return self._spending(spent, first)
        kind = _main_type(schema)
        if kind is None:
            if "properties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
            else:
                kind = _inferred_kind(schema)
        if kind == "object":
            return self._object(schema, refs, depth)
        if kind == "array" and (
            isinstance(schema.get("prefixItems"), list) or isinstance(schema.get("contains"), dict)
        ):
            return self._tuple(schema, refs, depth, name)
        if kind == "array":
            null_stubs, spent = self._null_stubs, self._spent
            item = self._build(schema.get("items") or {}, refs, depth + 1, name)
            if item is None and schema.get("minItems") and not self._typed(schema.get("items")):
                item = NEUTRAL_STRING  # items of any kind, some asked for (NetBox's choice set: `items: {}`)
            if item is _CUT or item is None:
                return []
            if self._null_stubs != null_stubs and not schema.get("minItems"):
                # an item recursion left a required value of as null (HubSpot's innermost filter's `operation`):
                # no item is better than one the API refuses
                self._null_stubs = null_stubs
                return []
            # as many as `minItems` asks (a list of five sent with three was refused), MAX_ENTRIES at most
            count = self._copies(max(1, min(int(schema.get("minItems") or 1), MAX_ENTRIES)), spent)
            if count > 1 and schema.get("uniqueItems") is True:
                items = schema.get("items")
                if (
                    isinstance(items, dict)
                    and isinstance(items.get("$ref"), str)
                    and items["$ref"].startswith("#")
                ):
                    items = self._target(items["$ref"])
                return _distinct(item, count, items)
            return [item] * count
        if kind == "string":
            return self._string(schema, name)
        if kind == "integer":
            return number_value(schema, integer=True)
        if kind == "number":
            return number_value(schema, integer=False)
        if kind == "boolean":
            return True
        if kind == "null":
            return None
        return None

    def _as_sent(self, schema: dict[str, Any], value: Any) -> Any:
        """A schema's own object or list example, in a request, mended as a media type's example is (see
        :meth:`mended`): 4Players' auth request example sent `email: "email"` for a `format: email` property."""
        if self.direction == "request" and isinstance(value, dict | list):
            return self._mend(schema, value, 0)
        return value

    def _default_sendable(self, schema: dict[str, Any], value: Any) -> bool:
        """A request's object or list default that parts or branches compose: looked into deeper than an
        example is, as it is no value the author wrote to show but one the server applies itself (Oxide's
        `pool_selector` default `{ip_version: null, …}`, where `ip_version` may not be null: sent, the body
        failed validate)."""
        if (
            self.direction != "request"
            or not isinstance(value, dict | list)
            or not _COMPOSED.intersection(schema)
        ):
            return True
        return self._could_fit(schema, value, 12)  # each `$ref` followed is a level

    def _example_fits(self, schema: dict[str, Any], value: Any) -> bool:
        """The schema's own example suits it, and under a `oneOf` fits one branch only (Klaviyo's font family:
        a name from the enum of one branch is also any string of the other)."""
        if not _fits(schema, value) or _text_for_structure(schema, value):
            return False
        if (
            not isinstance(value, dict | list)
            and _COMPOSED.intersection(schema)
            and not self._could_fit(schema, value)
        ):
            # a scalar no part or branch takes (Meilisearch's log mode: `default: Human` beside `oneOf: [{$ref:
            # LogMode}]`, whose enum is lower case); an object or a list example is the spec's own to show, and
            # kept where a detail of it (a null the schema does not allow) is off
            return False
        if isinstance(value, list) and not self._items_typed(schema, value):
            return False  # Together's frame_images example: a list of lists where the items are objects
        if isinstance(value, dict) and "allOf" in schema and self.lacks_required(schema, value):
            return False  # Kubernetes' `spec: {allOf: [$ref: JobSpec], default: {}}`: JobSpec requires `template`
        branches = schema.get("oneOf")
        return not (
            isinstance(branches, list) and len(branches) > 1 and self._fits_another(branches, -1, value, 2)
        )

    def _items_typed(self, schema: dict[str, Any], value: list[Any]) -> bool:
        """A list's first items are of the type its `items` schema declares (a shape check, not a validation)."""
        items = self._resolved(schema.get("items"))
        if not isinstance(items, dict) or _COMPOSED.intersection(items):
            return True
        kind = items.get("type") or ("object" if "properties" in items else None)
        if not isinstance(kind, str):
            return True
        return all(item is None or _is_json_type(item, kind) for item in value[:3])

    def _may_send(self, schema: dict[str, Any], value: Any) -> bool:
        """An optional property's value suits its schema: the shallow check, and where parts or branches compose
        the schema a look into them (the deeper look everywhere cost Stripe 0.2 s; benchmarks/bench_generate.py).
        In a request, a value that fits several branches of a `oneOf` does not: no branch built one that fits
        only its own (Klaviyo's campaign `send_options`, three identical branches), and the server would refuse
        it. A response example keeps it, to show the property."""
        if "oneOf" in schema and self.direction == "request":
            branches = schema["oneOf"]
            if (
                isinstance(branches, list)
                and len(branches) > 1
                and self._fits_another(branches, -1, value, 2)
            ):
                return False
            if isinstance(branches, list) and len(branches) == 1:
                # a one-branch `oneOf` around another (Outreach's relationships: `oneOf: [{title: user, oneOf:
                # [data, links]}]`): the inner one's branches must not both take the value either
                inner = self._resolved(branches[0])
                if isinstance(inner, dict) and "oneOf" in inner and not self._may_send(inner, value):
                    return False
        composed = "allOf" in schema or "oneOf" in schema or "anyOf" in schema
        return self._could_fit(schema, value, 2) if composed else _fits(schema, value)

    def lacks_required(self, schema: Any, value: Any) -> bool:
        """`value` is an object without a property its schema requires (one the direction does not hide)."""
        properties, required = self._shape(schema, 0)
        if isinstance(value, dict) and len(value) == 1:
            [inner] = value.values()
            if isinstance(inner, dict) and inner.keys() & properties.keys():
                return False  # the object wrapped in a key (PagerDuty's `{"connection": {…}}`): as the API takes it
        hidden = "readOnly" if self.direction == "request" else "writeOnly"
        return isinstance(value, dict) and any(
            name not in value and not self._marked(self._resolved(properties.get(name)) or {}, hidden)
            for name in required
        )

    def fits_several(self, branches: list[Any], value: Any) -> bool:
        """`value` fits more than one of a `oneOf`'s `branches`: valid under none of them."""
        return self._fits_another(branches, -1, value, 2)

    def _fits_another(self, branches: list[Any], index: int, value: Any, enough: int = 1) -> bool:
        """`value`, built from branch `index` of a `oneOf`, fits `enough` other branches as well (readme's
        `oneOf: [{properties: {a}}, {properties: {b}}]`: any object fits both)."""
        fitting = 0
        for other, branch in enumerate(branches):
            if other != index and self._could_fit(branch, value):
                fitting += 1
                if fitting >= enough:
                    return True
        return False

    def _could_fit(self, schema: Any, value: Any, depth: int = 6) -> bool:
        """Nothing in `schema`, looked at a few levels deep, rules `value` out: its type, enum, required keys,
        formats, properties (and `additionalProperties: false`), items, `allOf` parts and some `oneOf`/`anyOf`
        branch. A validator's verdict where the kit's values are concerned, without a validator's cost (building
        Klaviyo's collection with jsonschema deciding took twice as long; benchmarks/bench_generate.py)."""
        if depth == 0 or schema is True:
            return True
        if not isinstance(schema, dict):
            return schema is not False
        ref = schema.get("$ref")
        if isinstance(ref, str):
            return not ref.startswith("#") or self._could_fit(self._target(ref), value, depth - 1)
        if not _fits(schema, value):
            return False
        parts = schema.get("allOf")
        if isinstance(parts, list) and not all(self._could_fit(part, value, depth - 1) for part in parts):
            return False
        for key in ("oneOf", "anyOf"):
            branches = schema.get(key)
            if (
                isinstance(branches, list)
                and branches
                and not any(self._could_fit(branch, value, depth - 1) for branch in branches)
            ):
                return False
        if isinstance(value, dict):
            properties = schema.get("properties")
            properties = properties if isinstance(properties, dict) else {}
            for key, item in value.items():
                if key in properties:
                    if not self._could_fit(properties[key], item, depth - 1):
                        return False
                elif schema.get("additionalProperties") is False:
                    return False
        items = schema.get("items")
        if isinstance(value, list) and isinstance(items, dict):
            return all(self._could_fit(items, item, depth - 1) for item in value[:3])
        return True

    def _object_with_branch(
        self, schema: dict[str, Any], key: str, branches: list[Any], refs: tuple[str, ...], depth: int
    ) -> Any:
        """An object whose `oneOf`/`anyOf` branches add constraints to its own properties (OpenAI's file batch:
        `anyOf: [{required: [file_ids]}, {required: [files]}]`): its properties with the first object branch's,
        less those only another branch requires, so one branch holds (and, for `oneOf`, only one)."""
        rest = {k: v for k, v in schema.items() if k != key}
        parts = [self._target(b["$ref"]) if isinstance(b, dict) and "$ref" in b else b for b in branches]
        parts = [b if isinstance(b, dict) and b.get("type", "object") == "object" else None for b in parts]
        for index, part in enumerate(parts):
            if part is None:
                continue
            own = set(_names(rest.get("required"))) | set(_names(part.get("required")))
            elsewhere = {
                n for i, p in enumerate(parts) if p and i != index for n in _names(p.get("required"))
            }
            merged = dict(rest)
            merged["required"] = sorted(own)
            added = part.get("properties")
            properties = {**rest["properties"], **(added if isinstance(added, dict) else {})}
            merged["properties"] = {n: s for n, s in properties.items() if n in own or n not in elsewhere}
            return self._object(merged, refs, depth)
        return self._object(rest, refs, depth)

    def _declared(self, schema: Any, seen: tuple[str, ...] = ()) -> set[str]:
        """The property names a schema describes, through `$ref`s and `allOf`."""
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            return (
                set()
                if ref in seen or not ref.startswith("#")
                else self._declared(self._target(ref), (*seen, ref))
            )
        if not isinstance(schema, dict):
            return set()
        properties = schema.get("properties")
        names = set(properties) if isinstance(properties, dict) else set()
        parts = schema.get("allOf")
        for part in parts if isinstance(parts, list) else ():
            names |= self._declared(part, seen)
        return names

    def _dependents(
        self, schema: dict[str, Any], out: dict[str, Any], refs: tuple[str, ...], depth: int
    ) -> None:
        """What a property present brings with it (JSON Schema 2020-12): `dependentRequired` names and the
        required properties of a `dependentSchemas` entry (a card number wants its `cvv`), added to `out`."""
        required = schema.get("dependentRequired")
        dependents = schema.get("dependentSchemas")
        if not isinstance(required, dict) and not isinstance(dependents, dict):
            return
        declared = schema.get("properties")
        properties: dict[str, Any] = declared if isinstance(declared, dict) else {}
        for present in list(out):
            wanted: dict[str, Any] = {}
            names = required.get(present) if isinstance(required, dict) else None
            for name in _names(names):
                wanted[name] = properties.get(name, {})
            extra = dependents.get(present) if isinstance(dependents, dict) else None
            if isinstance(extra, dict):
                described = extra.get("properties")
                own: dict[str, Any] = described if isinstance(described, dict) else {}
                for name in _names(extra.get("required")):
                    wanted[name] = own.get(name, properties.get(name, {}))
            for name, prop in wanted.items():
                if name not in out:
                    value = self._build(prop, refs, depth + 1, name)
                    out[name] = self._string({}, name) if value is _CUT or value is None else value

    def _not(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int, name: str | None) -> Any:
        """A value of the schema without its `not`, moved off what `not` rules out where a scalar can be (`not:
        {enum: [example, admin]}` → `example2`; `not: {const: 1}` with `minimum: 1` → 2)."""
        rest = {k: v for k, v in schema.items() if k != "not"}
        value = self._build(rest, refs, depth, name)
        ruled_out = self._resolved(schema["not"])
        if not isinstance(ruled_out, dict) or not _matches_plainly(ruled_out, value):
            return value
        if isinstance(value, str):
            candidates: list[Any] = [f"{value}{n}" for n in (2, 3)] + [f"x{value}", value.upper() + "1"]
        elif is_number(value):
            candidates = [value + 1, value + 2, value - 1]
        else:
            return value
        for candidate in candidates:
            # _fits holds the bounds
            if not _matches_plainly(ruled_out, candidate) and _fits(rest, candidate):
                return candidate
        return value

    def _tuple(
        self, schema: dict[str, Any], refs: tuple[str, ...], depth: int, name: str | None
    ) -> list[Any]:
        """An array of JSON Schema 2020-12's `prefixItems` (a tuple: `[lat, lon, "WGS84"]`), then `items` up to
        `minItems`, with `minContains` (default 1) entries its `contains` schema takes."""
        out: list[Any] = []
        for part in schema.get("prefixItems") or []:
            value = self._build(part, refs, depth + 1, name)
            out.append(None if value is _CUT else value)
        contains = schema.get("contains")
        if isinstance(contains, dict):
            wanted = schema.get("minContains")
            spent = self._spent
            value = self._build(contains, refs, depth + 1, name)
            out += [None if value is _CUT else value] * self._copies(
                min(wanted, MAX_ENTRIES) if isinstance(wanted, int) and wanted > 0 else 1, spent
            )
        items = schema.get("items")
        least = schema.get("minItems")
        if isinstance(items, dict) and isinstance(least, int) and len(out) < least:
            spent = self._spent
            value = self._build(items, refs, depth + 1, name)
            out += [None if value is _CUT else value] * self._copies(
                min(least - len(out), MAX_ENTRIES), spent
            )
        return out

    def _with_siblings(
        self, ref: str, beside: dict[str, Any], refs: tuple[str, ...], depth: int, name: str | None
    ) -> Any:
        """A 3.1 `$ref` with keywords beside it (`{$ref: Name, maxLength: 5}`, `{$ref: Color, example: blue}`):
        a plain target as the two merged, the beside ones winning; a structured one as `allOf` of both."""
        target = self._target(ref)
        if ref in refs or not isinstance(target, dict):
            return self._build_ref(ref, refs, depth)
        if "$ref" not in target and not _looks_structured(target) and not _COMPOSED.intersection(target):
            return self._build({**target, **beside}, (*refs, ref), depth + 1, name)
        return self._all_of({"allOf": [{"$ref": ref}], **beside}, refs, depth, name)

    def _all_of(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int, name: str | None) -> Any:
        scalar = self._scalar_all_of(schema)
        if scalar is not None:
            return self._build(scalar, refs, depth + 1, name)
        merged: dict[str, Any] = {}
        other: Any = None
        cut = False
        for part in schema["allOf"]:
            value = self._build(part, refs, depth + 1, name)
            cut = cut or value is _CUT
            if isinstance(value, dict):
                # a part requiring what another part describes filled it in itself: the describing part's value wins
                declared = self._declared(part)
                merged.update({k: v for k, v in value.items() if k not in merged or k in declared})
            elif value is not _CUT and value is not None:
                other = value
        if isinstance(other, list) and other:
            # a list's `minItems` a part adds (`allOf: [$ref: List, {minItems: 2}]`; 3.1's beside a `$ref`)
            parts = [
                found
                for part in [schema, *schema["allOf"]]
                if isinstance(found := self._resolved(part), dict)
            ]
            wanted = max(
                (least for part in parts if isinstance(least := part.get("minItems"), int)), default=0
            )
            if len(other) < wanted:
                unique = any(part.get("uniqueItems") is True for part in parts)
                count = min(wanted, MAX_ENTRIES)
                other = _distinct(other[0], count, None) if unique else (other * count)[:count]
        # A part closed to properties it does not name (`additionalProperties: false`) refuses every other
        # part's: Algolia's settings, `allOf` of closed objects, take none but what every closed part names.
        # A required property stays (no value fits such a schema; the fuller one is the likelier request).
        needed = {
            name
            for part in schema["allOf"]
            if isinstance(resolved := self._resolved(part), dict)
            and isinstance(resolved.get("required"), list)
            for name in resolved["required"]
        }
        for part in schema["allOf"]:
            allowed = self._closed_to(part, 0)
            if allowed is not None and merged:
                merged = {k: v for k, v in merged.items() if k in allowed or k in needed}
            # a part whose other properties must each be of a schema (OpenSearch's geo queries: a field's
            # object) refuses another part's optional property of another kind (QueryBase's `boost: 1`)
            resolved = self._resolved(part)
            extra = (
                self._resolved(resolved.get("additionalProperties")) if isinstance(resolved, dict) else None
            )
            if isinstance(extra, dict) and merged:
                named = self._declared(part)
                merged = {
                    k: v
                    for k, v in merged.items()
                    if k in named or k in needed or self._example_fits(extra, v)
                }
        # A property one part marks readOnly (writeOnly in a response) stays out though another part describes it
        # again (Okta's AccessPolicy re-adds the base Policy's readOnly `_embedded`): JSON Schema applies both.
        hidden = "readOnly" if self.direction == "request" else "writeOnly"
        marked = {
            key
            for part in schema["allOf"]
            if isinstance(resolved := self._resolved(part), dict)
            and isinstance(resolved.get("properties"), dict)
            for key, prop in resolved["properties"].items()
            if isinstance(target := self._resolved(prop), dict) and self._marked(target, hidden)
        }
        if marked:
            merged = {k: v for k, v in merged.items() if k not in marked or k in needed}
        rest = {k: v for k, v in schema.items() if k != "allOf"}
        if rest.get("properties"):
            own = self._object(rest, refs, depth)
            if isinstance(own, dict):
                merged.update(own)
        elif rest.get("required") and (merged or other is None):
            # required beside the parts yet described by none of them (DigitalOcean's uptime check `method`)
            described = self._declared(schema)
            own = self._object({**rest, "properties": {}}, refs, depth)
            merged.update({k: v for k, v in own.items() if k not in merged and k not in described})
        if merged and name is not None and self._component(name) is schema:
            # a subtype of a base with a discriminator (`Cat: allOf [Pet, …]`) names itself in its property
            for part in schema["allOf"]:
                found = self._discriminator(part)
                if found is not None and found[0] in merged and not self._chooses(part):
                    merged[found[0]] = self._naming_value(
                        schema, found[0], found[1], "#/components/schemas/" + name, merged[found[0]]
                    )
        if cut and not merged and other is None:
            # a part recursion cut, and nothing else: `{}` would lack what that part requires (Vapi)
            return _CUT
        return merged if merged or other is None else other

    def _closed_to(self, part: Any, depth: int) -> set[str] | None:
        """The only property names a part of an `allOf` lets through: a closed object's own, or, for a part that
        is itself an `allOf` of closed objects (Algolia's search parameters), the names all of them allow; None
        when the part is open."""
        resolved = self._resolved(part)
        if not isinstance(resolved, dict) or depth > 8:
            return None
        if resolved.get("additionalProperties") is False:
            return self._declared(part)
        allowed: set[str] | None = None
        for inner in resolved.get("allOf") or () if isinstance(resolved.get("allOf"), list) else ():
            closed = self._closed_to(inner, depth + 1)
            if closed is not None:
                allowed = closed if allowed is None else allowed & closed
        return allowed

    def _only_number(self, branches: list[Any], value: Any) -> Any:
        """A whole number fits both `number` and `integer`, so under a oneOf listing both (Klaviyo's numeric
        filter values) it fits neither alone: the value is the `number` branch's, with a fraction, where no
        bound or multipleOf of that branch says otherwise."""
        if not isinstance(value, int) or isinstance(value, bool):
            return value
        kinds = [
            self._target(b["$ref"])
            if isinstance(b, dict) and isinstance(b.get("$ref"), str) and b["$ref"].startswith("#")
            else b
            for b in branches
        ]
        numbers = [k for k in kinds if isinstance(k, dict) and k.get("type") == "number"]
        free = [
            k
            for k in numbers
            if not any(key in k for key in ("maximum", "exclusiveMaximum", "multipleOf", "enum", "const"))
        ]
        has_integer = any(isinstance(k, dict) and k.get("type") == "integer" for k in kinds)
        return value + 0.5 if free and has_integer else value

    def _component(self, name: str) -> Any:
        schemas = (self.document.get("components") or {}).get("schemas")
        return schemas.get(name) if isinstance(schemas, dict) else None

    def _chooses(self, schema: Any) -> bool:
        """Whether a schema with a discriminator picks among its own `oneOf`/`anyOf` branches: it then names one
        of them, not a schema that includes it (AdaptChat's channel payload: `allOf: [ChannelInfo, …]`, where
        ChannelInfo's inline branches hold `type: text` and the like, sent the payload's name as `type`)."""
        target = self._resolved(schema)
        return isinstance(target, dict) and ("oneOf" in target or "anyOf" in target)

    def _discriminator(self, schema: Any) -> tuple[str, dict[str, Any]] | None:
        """(property name, mapping) of the discriminator a schema (or the `$ref` it is) declares, else None."""
        if (
            isinstance(schema, dict)
            and isinstance(schema.get("$ref"), str)
            and schema["$ref"].startswith("#")
        ):
            schema = self._target(schema["$ref"])
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
            return None
        mapping = discriminator.get("mapping")
        return discriminator["propertyName"], mapping if isinstance(mapping, dict) else {}

    def _subtype(
        self, ref: str, target: dict[str, Any], refs: tuple[str, ...]
    ) -> tuple[str, str, str] | None:
        """(the first mapped subtype's ref, the discriminator property, its value for that subtype) for a base
        schema whose discriminator maps its subtypes (Pet: `pet_type` `kitty` → Cat, `doggo` → Dog), used as
        itself: a body of it is one of them, and `pet_type: example` names none. None inside a subtype (Cat's
        `allOf` holds Pet), where the mapping names the base itself, or for a `oneOf`/`anyOf` (chosen there)."""
        found = self._discriminator(target)
        if found is None or not found[1] or "oneOf" in target or "anyOf" in target:
            return None
        name, mapping = found
        mapped = {
            key: value if value.startswith("#") else f"#/components/schemas/{value}"
            for key, value in mapping.items()
            if isinstance(value, str)
        }
        if not mapped or ref in mapped.values() or any(value in refs for value in mapped.values()):
            return None
        key, first = next(iter(mapped.items()))
        try:
            return (first, name, key) if isinstance(self._target(first), dict) else None
        except InputError:  # a mapping naming no schema: the base as written
            return None

    def _discriminated(self, schema: dict[str, Any], branch: Any, value: Any) -> Any:
        """A `oneOf`/`anyOf` branch's value, its discriminator property naming that branch, as validators and
        servers read it: the mapping's key for the branch's `$ref`, else the schema's name."""
        found = self._discriminator(schema)
        ref = branch.get("$ref") if isinstance(branch, dict) else None
        if (
            found is None
            or not isinstance(value, dict)
            or not isinstance(ref, str)
            or not ref.startswith("#")
        ):
            return value
        name, mapping = found
        if name not in value:  # a discriminator naming no property of the branch: nothing to set
            return value
        return {**value, name: self._naming_value(branch, name, mapping, ref, value[name])}

    def _naming_value(self, schema: Any, name: str, mapping: dict[str, Any], ref: str, current: Any) -> Any:
        """The discriminator value for `ref`, unless the property itself allows only other values (OpenAI's
        `type: {enum: [message]}` under a discriminator without that mapping): then the spec's own value."""
        chosen = _discriminator_value(mapping, ref)
        allowed = self._allowed_values(schema, name, 0)
        return current if allowed is not None and chosen not in allowed else chosen

    def _allowed_values(self, schema: Any, name: str, depth: int) -> list[Any] | None:
        """The `enum` (or `const`) property `name` of an object schema is held to, through `$ref`s and `allOf`."""
        if depth > 8:
            return None
        if (
            isinstance(schema, dict)
            and isinstance(schema.get("$ref"), str)
            and schema["$ref"].startswith("#")
        ):
            schema = self._target(schema["$ref"])
        if not isinstance(schema, dict):
            return None
        properties = schema.get("properties")
        prop = properties.get(name) if isinstance(properties, dict) else None
        if isinstance(prop, dict) and isinstance(prop.get("$ref"), str) and prop["$ref"].startswith("#"):
            prop = self._target(prop["$ref"])
        if isinstance(prop, dict):
            if "const" in prop:
                return [prop["const"]]
            if isinstance(prop.get("enum"), list):
                return prop["enum"]
        for part in schema.get("allOf") or () if isinstance(schema.get("allOf"), list) else ():
            found = self._allowed_values(part, name, depth + 1)
            if found is not None:
                return found
        return None

    def _scalar_all_of(self, schema: dict[str, Any]) -> dict[str, Any] | None:
        """`allOf` parts that all describe a scalar, merged into one schema: every part's constraints hold at once
        (Discord's `{"allOf": [{"$ref": "…/SnowflakeType"}], "description": …}`, an enum beside a format)."""
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            if isinstance(part, dict) and isinstance(part.get("$ref"), str) and part["$ref"].startswith("#"):
                part = self._target(part["$ref"])
            if not isinstance(part, dict) or "allOf" in part or _looks_structured(part):
                return None
            merged.update(part)
        if _looks_structured(schema):
            return None
        merged.update((k, v) for k, v in schema.items() if k != "allOf")
        return merged

    def _embeds(self, prop: Any) -> bool:
        """`prop` is a `$ref` to an object's schema, or a `oneOf`/`anyOf` of them (Stripe's `source`)."""
        if not isinstance(prop, dict):
            return False
        branches = prop.get("oneOf") or prop.get("anyOf")
        refs = [prop] if "$ref" in prop else branches if isinstance(branches, list) and branches else []
        for branch in refs:
            ref = branch.get("$ref") if isinstance(branch, dict) else None
            if not (isinstance(ref, str) and ref.startswith("#") and _looks_object(self._target(ref))):
                return False
        return bool(refs)

    def _cut_short(self, schema: Any, refs: tuple[str, ...], name: str | None) -> Any:
        """Past MAX_VALUE_ENTRIES, a required value as small as it comes: a scalar's, an empty list; an object's
        is cut (its stub stands in)."""
        self._budget_cuts += 1
        self.cut_short += 1
        return self._shallow(schema, refs, name)

    def _copies(self, count: int, spent: int) -> int:
        """How many times a list or map holds the value built since `spent` (the entries spent before it):
        `count`, or once where the copies would pass MAX_VALUE_ENTRIES. The copies' entries are spent."""
        each = self._spent - spent
        if count > 1 and self._spent + (count - 1) * each > MAX_VALUE_ENTRIES:
            self._budget_cuts += 1
            self.cut_short += 1
            return 1
        self._spent += (count - 1) * each
        return count

    def _stub(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int) -> dict[str, Any]:
        """What stands for a required object the value is already inside of (a cycle of refs: 1EdTech's Profile →
        endorsement → issuer → Profile): its required properties that hold no object, each with its value; the
        issuer was `{}`, where Profile requires `id` and `type`."""
        properties = schema.get("properties")
        out: dict[str, Any] = {}
        for name in _names(schema.get("required")):
            prop = self._resolved(properties.get(name)) if isinstance(properties, dict) else None
            items = self._resolved(prop.get("items")) if isinstance(prop, dict) else None
            if not isinstance(prop, dict) or _looks_object(prop) or _looks_object(items):
                continue
            if _COMPOSED.intersection(prop) or (isinstance(items, dict) and _COMPOSED.intersection(items)):
                continue
            value = self._build(prop, refs, depth + 1, name)
            if value is not _CUT:
                out[name] = value
        return out

    def _object(self, schema: dict[str, Any], refs: tuple[str, ...], depth: int) -> Any:
        out: dict[str, Any] = {}
        skip = "readOnly" if self.direction == "request" else "writeOnly"
        required = set(_names(schema.get("required")))
        properties = schema.get("properties")
        embedded: list[tuple[str, Any]] = []  # left out of an error's body (errors_only)
        # `maxProperties` leaves room for so many optional properties (OpenSearch's query DSL: one key of many);
        # where it is that tight, a property a cycle of refs leaves a stub in (`{}` under `minProperties: 1`)
        # gives way to the next one, kept only if none is whole
        most = schema.get("maxProperties")
        room = most - len(required) if isinstance(most, int) and not isinstance(most, bool) else None
        stubbed: tuple[str, Any] | None = None
        for name, prop in properties.items() if isinstance(properties, dict) else ():
            if room is not None and name not in required and room <= 0:
                continue
            if self._spent + len(out) > MAX_BUILT_ENTRIES and name not in required:
                # this object's own entries count too: 5,000 optional properties side by side made a 1 MB spec's
                # collection 900 MB
                self._budget_cuts += 1
                continue
            if prop is False:
                continue  # JSON Schema's `false`: the property must not be there (Vercel's); it was sent as null
            stubs = self._stubs
            target = prop
            if isinstance(prop, dict) and "$ref" in prop and skip not in prop:
                ref = prop["$ref"]
                if ref.startswith("#"):
                    target = self._target(ref)
            if isinstance(target, dict) and self._marked(target, skip):
                continue
            if self.errors_only and name not in required and self._embeds(prop):
                embedded.append((name, prop))
                continue
            if self._spent + len(out) > MAX_VALUE_ENTRIES:
                value = self._cut_short(prop, refs, name)
            else:
                value = self._build(prop, refs, depth + 1, name)
            if value is _CUT:
                if name in required:
                    self._stubs += 1
                    value = self._stub(target, refs, depth + 1) if _looks_object(target) else None
                    if value is None:
                        self._null_stubs += 1
                else:
                    continue
            elif (
                name not in required
                and isinstance(target, dict)
                and not (isinstance(value, str) and value in self._variables_given)
                and not self._may_send(target, value)
            ):
                continue  # the spec contradicts itself (an enum of strings typed integer, `allOf: [string, integer]`)
            if self.unique_values and isinstance(value, str) and isinstance(target, dict):
                value = unique_value(name, value, self._with_parts(target))
            if room is not None and name not in required:
                if self._stubs != stubs and room == 1:
                    stubbed = stubbed or (name, value)
                    continue
                room -= 1
            out[name] = value
        if stubbed is not None and room == 1:
            out[stubbed[0]] = stubbed[1]
        if embedded and not out:
            for name, prop in embedded:
                value = self._build(prop, refs, depth + 1, name)
                if value is not _CUT:
                    out[name] = value
        extra = schema.get("additionalProperties")
        for name in sorted(required - out.keys()):
            if not (isinstance(properties, dict) and name in properties):
                # required yet not described (Box's `grant_type`): whatever `additionalProperties` allows
                value = self._build(extra, refs, depth + 1, name) if isinstance(extra, dict) else _CUT
                out[name] = self._string({}, name) if value is _CUT or value is None else value
        self._dependents(schema, out, refs, depth)
        wanted = schema.get("minProperties")
        patterns = schema.get("patternProperties")
        if isinstance(wanted, int) and len(out) < wanted and isinstance(patterns, dict):
            # a map whose keys follow patterns (`^x-[a-z]+$`): entries under names the patterns match
            for pattern, prop in patterns.items():
                names = (
                    [n for n in pattern_examples(pattern) if n not in out] if isinstance(pattern, str) else []
                )
                for entry in names if isinstance(prop, dict) else ():
                    if len(out) >= min(wanted, MAX_ENTRIES):
                        break
                    value = self._build(prop, refs, depth + 1, entry)
                    out[entry] = None if value is _CUT else value
        if (
            isinstance(wanted, int)
            and len(out) < wanted
            and (isinstance(extra, dict) or extra in (True, None))
        ):
            # a map that must not be empty: entries named as Swagger UI names them (any value where any is allowed)
            spent = self._spent
            value = self._build(extra, refs, depth + 1) if isinstance(extra, dict) else NEUTRAL_STRING
            for number in range(1, self._copies(min(wanted, MAX_ENTRIES) - len(out), spent) + 1):
                out[f"additionalProp{number}"] = None if value is _CUT else value
        self._conditional(schema, out, refs, depth)
        self._spent += len(out)
        return out

    def _conditional(
        self, schema: dict[str, Any], out: dict[str, Any], refs: tuple[str, ...], depth: int
    ) -> None:
        """3.1's `if`/`then`/`else` (JSON Schema 2019+): the properties of the branch the value takes, built under
        both their own schema and the branch's (a US `postal` code of five digits, a Canadian one of six)."""
        condition = schema.get("if")
        if not isinstance(condition, dict):
            return
        branch = schema.get("then") if self._could_fit(condition, out) else schema.get("else")
        extras = branch.get("properties") if isinstance(branch, dict) else None
        given = schema.get("properties")
        properties: dict[str, Any] = given if isinstance(given, dict) else {}
        for key, extra in extras.items() if isinstance(extras, dict) else ():
            if key in out and isinstance(extra, dict):
                value = self._build({"allOf": [properties.get(key, {}), extra]}, refs, depth + 1, key)
                if value is not _CUT and value is not None:
                    out[key] = value

    def mended(self, schema: Any, value: Any) -> Any:
        """The spec's own example with the placeholder word some tools write for every string (Plaid's
        `"client_id": "string"`, `"account_ids": ["string"]`) replaced: an optional property holding it is left
        out, as the author gave no value; a required one or a list entry gets a value as the schema suggests.
        Where the word can mean itself (an enum or const holding it, a property naming a type or format:
        PagerDuty's `data_type: string`), it stays.

        An optional property the schema marks readOnly (writeOnly for a response) is left out too: an example
        copied from a response (PagerDuty's `id`, `self`, `html_url` in a create body) is not sent back. One the
        schema also requires stays, as the author's API asks for it (PagerDuty's reference `{id, type}`)."""
        return self._mend(schema, value, 0)

    def fitted(self, schema: Any, value: Any) -> Any:
        """A parameter's example as its schema types it (a `time` written without its offset); objects and
        arrays as :meth:`mended` leaves them."""
        if isinstance(value, dict | list):
            return self._mend(schema, value, 0)
        return self._repaired(schema, None, value)

    def _mend(self, schema: Any, value: Any, depth: int) -> Any:
        schema = self._resolved(schema)
        if depth > MAX_DEPTH:
            return value
        if isinstance(value, dict) and isinstance(schema, dict) and "properties" not in schema:
            branch = self._branch_of(schema, value)
            if branch is not None:
                return self._mend(branch, value, depth + 1)
        if isinstance(value, dict):
            properties, required = self._shape(schema, 0)
            definite = self._shape(schema, 0, branches=False)[0]
            extra = schema.get("additionalProperties") if isinstance(schema, dict) else None
            hidden = "readOnly" if self.direction == "request" else "writeOnly"
            out: dict[str, Any] = {}
            for key, item in value.items():
                if key not in required and self._describes_marked(schema, key, hidden, 0):
                    continue
                if key not in properties and isinstance(extra, dict):
                    definite[key] = extra  # a map's entry (Intercom's custom attributes, strings)
                prop = properties.get(key, definite.get(key))
                if _placeholder(self._resolved(prop), key, item):
                    if key in required:
                        out[key] = self._replacement(prop, key)
                    continue
                if key in definite and not _fits_shape(self._resolved(prop), item):
                    if key in required or item is not None:
                        out[key] = self._repaired(prop, key, item)
                    continue
                if self._refuses(prop, item):
                    # built from the schema, or left out
                    if key in required:
                        out[key] = self._replacement(prop, key)
                    continue
                out[key] = self._mend(prop, item, depth + 1)
            # a required property the example leaves out (Xero's bank transaction with `Lineitems` for its
            # `LineItems`), where the example is the schema's object (not one wrapped in another key, as
            # PagerDuty's connection)
            missing = sorted(required - value.keys()) if not value or value.keys() & properties.keys() else []
            for key in missing:
                prop = properties.get(key)
                if not (isinstance(prop, dict) and self._marked(self._resolved(prop), hidden)):
                    out[key] = self._replacement(prop, key)
            return out
        if isinstance(value, list):
            items = schema.get("items") if isinstance(schema, dict) else None
            return [
                self._replacement(items, None)
                if _placeholder(self._resolved(items), None, item)
                else self._repaired(items, None, item)
                if not _fits_leaf(self._resolved(items), item)
                else self._mend(items, item, depth + 1)
                for item in value
            ]
        return value

    def _refuses(self, prop: Any, item: Any) -> bool:
        """An example's object no branch of its schema takes (ElevenLabs' `query_params_schema` example, which
        lacks the `properties` every branch asks for), or a scalar no part of its composed schema takes
        (openapi-generator writes `""` for an enum behind `allOf` and `"{}"` for an object: Authentik's 53
        bodies, Fly's machine config)."""
        if prop is None or item is None or isinstance(item, list):
            return False
        if isinstance(item, dict):
            return not self._could_fit(prop, item)
        resolved = self._resolved(prop)
        return (
            isinstance(resolved, dict)
            and bool(_COMPOSED.intersection(resolved))
            and not self._could_fit(resolved, item)
        )

    def _branch_of(self, schema: dict[str, Any], value: dict[str, Any]) -> Any:
        """The `oneOf`/`anyOf` branch an example object is an instance of (Intercom's reply: the branch whose
        `message_type` enum holds the example's `close`): the one describing most of its keys with no enum or
        const it contradicts; None where no branch is plainly it. Of branches that describe as many, the one
        whose required properties the example holds (Lob's check: `message` in one, `check_bottom` in the
        other, the example giving the second; the first's `message` was added and the body fit both)."""
        branches = schema.get("oneOf") or schema.get("anyOf")
        if not isinstance(branches, list) or schema.get("allOf"):
            return None
        best, best_score = None, (0, False)
        for branch in branches:
            properties, required = self._shape(branch, 0, branches=False)
            if not properties:
                continue
            score = 0
            for key, item in value.items():
                prop = self._resolved(properties.get(key))
                if not isinstance(prop, dict):
                    continue
                allowed = prop.get("enum") if isinstance(prop.get("enum"), list) else None
                if "const" in prop:
                    allowed = [prop["const"]]
                if allowed is not None and not isinstance(item, dict | list) and item not in allowed:
                    score = -1
                    break
                score += 1
            ranked = (score, required <= value.keys())
            if score > 0 and ranked > best_score:
                best, best_score = branch, ranked
        return best

    def _repaired(self, schema: Any, name: str | None, value: Any) -> Any:
        """An example value of the wrong type or outside its enum, as the schema wants it: the same value spelled
        as the type asks where nothing is lost (Intercom's `admin_id: 991267731` for a string, Xero's
        `Amount: "50.00"` for a number, `"APNs"` for the enum's `apns`), else a value built from the schema."""
        resolved = self._resolved(schema)
        if _fits_shape(resolved, value):  # also where the schema is no plain dict to judge by
            return value
        if "array" in listed_types(resolved.get("type")) and not isinstance(value, list):
            # one item written where a list is declared (Twilio's `StatusCallbackEvent: ringing`)
            return [self._repaired(resolved.get("items"), name, value)]
        spelled = _respelled(resolved, value)
        if spelled is not None and _fits_leaf(resolved, spelled):
            return spelled
        built = self._replacement(schema, name)
        # where the schema admits no value of its own either (Intercom's 24-character `uuid`), the author's stays
        return built if _fits_leaf(resolved, built) else value

    def _replacement(self, schema: Any, name: str | None) -> Any:
        value = self.build(schema, name) if isinstance(schema, dict) else None
        if isinstance(value, int | float | dict | list) or (
            isinstance(value, str) and value not in PLACEHOLDER_WORDS
        ):
            return value
        return string_value({}, name)

    def spelled(self, schema: Any, example: Any) -> Any:
        """A JSON media type's own example as the document it means: one written as JSON text (`'{"data": …}'`)
        for a schema that takes no text is the object or list it spells."""
        resolved = self._resolved(schema) if schema is not None else {"type": ["object", "array"]}
        if isinstance(resolved, dict) and "string" not in listed_types(resolved.get("type")):
            document = _respelled({"type": ["object", "array"]}, example)
            return example if document is None else document
        return example

    def _resolved(self, schema: Any) -> Any:
        for _ in range(8):
            ref = schema.get("$ref") if isinstance(schema, dict) else None
            if not (isinstance(ref, str) and ref.startswith("#")):
                break
            schema = self._target(ref)
        return schema

    def _shape(self, schema: Any, depth: int, branches: bool = True) -> tuple[dict[str, Any], set[str]]:
        """Properties an object schema describes (with its allOf parts' and, to find them, unless `branches`
        is false, its branches') and the names it requires (its own and its allOf parts')."""
        schema = self._resolved(schema)
        if not isinstance(schema, dict) or depth > 8:
            return {}, set()
        properties = dict(schema["properties"]) if isinstance(schema.get("properties"), dict) else {}
        required = set(_names(schema.get("required")))
        for key in ("allOf", "oneOf", "anyOf") if branches else ("allOf",):
            parts = schema.get(key)
            for part in parts if isinstance(parts, list) else ():
                found, needed = self._shape(part, depth + 1, branches)
                for name, prop in found.items():
                    properties.setdefault(name, prop)
                if key == "allOf":
                    required |= needed
        return properties, required

    def _describes_marked(self, schema: Any, name: str, keyword: str, depth: int) -> bool:
        """Does the object schema, or one of its `allOf` parts, describe property `name` as `keyword`
        (readOnly/writeOnly)? Any part that does makes sending it invalid (PagerDuty's shared `Tag/allOf/0`)."""
        schema = self._resolved(schema)
        if not isinstance(schema, dict) or depth > 8:
            return False
        properties = schema.get("properties")
        written = properties.get(name) if isinstance(properties, dict) else None
        if isinstance(written, dict) and written.get(keyword) is True:
            return True  # beside its `$ref` (PayPal's invoice `status`), as the spec's authors mean it
        prop = self._resolved(written)
        if isinstance(prop, dict) and self._marked(prop, keyword):
            return True
        parts = schema.get("allOf")
        if isinstance(parts, list) and any(
            self._describes_marked(part, name, keyword, depth + 1) for part in parts
        ):
            return True
        # Under `oneOf`/`anyOf`, marked by every branch that describes it (BigCommerce's page: `oneOf: [{anyOf:
        # [Page]}, [Page]]`, whose `channel_id` is readOnly); a branch that lets it be sent keeps it.
        branches = schema.get("oneOf") or schema.get("anyOf")
        if not isinstance(branches, list):
            return False
        describing = [b for b in branches if name in self._shape(b, depth + 1)[0]]
        return bool(describing) and all(
            self._describes_marked(b, name, keyword, depth + 1) for b in describing
        )

    def _with_parts(self, schema: dict[str, Any], depth: int = 0) -> dict[str, Any]:
        """The schema's keywords with its `allOf` parts' (through `$ref`s) beside them, for a look at what a
        value must be (Oxide's `external_id: {allOf: [$ref: UserId]}`, whose pattern refuses a UUID)."""
        parts = schema.get("allOf")
        if not isinstance(parts, list) or depth > 8:
            return schema
        merged: dict[str, Any] = {}
        for part in parts:
            resolved = self._resolved(part)
            if isinstance(resolved, dict):
                merged.update(self._with_parts(resolved, depth + 1))
        return {**merged, **schema}

    def _marked(self, schema: dict[str, Any], keyword: str, depth: int = 0) -> bool:
        """`readOnly`/`writeOnly` on the schema, or on one of its `allOf` parts (Asana's `supported_goal`:
        `allOf: [GoalCompact, {readOnly: true}]`): an annotation any part gives holds for the whole."""
        if schema.get(keyword):
            return True
        parts = schema.get("allOf")
        if not isinstance(parts, list) or depth > 8:
            return False
        return any(
            isinstance(resolved := self._resolved(part), dict) and self._marked(resolved, keyword, depth + 1)
            for part in parts
        )

    def _string(self, schema: dict[str, Any], name: str | None) -> str:
        media = schema.get("contentMediaType")
        if isinstance(media, str) and _JSON_MEDIA.match(media) and "contentEncoding" not in schema:
            # a string holding a JSON document (JSON Schema's `contentMediaType`): the document its
            # `contentSchema` describes, as text
            inner = schema.get("contentSchema")
            value = self.build(inner) if isinstance(inner, dict) else {}
            return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        # the value depends on these keywords and the name only: inline schemas that repeat them share it
        key = (
            schema.get("format"),
            schema.get("pattern"),
            schema.get("minLength"),
            schema.get("maxLength"),
            schema.get("contentEncoding"),
            name,
        )
        value = self._strings.get(key)
        if value is None:
            value = self._strings[key] = self._new_string(schema, name)
        return value

    def _new_string(self, schema: dict[str, Any], name: str | None) -> str:
        if name is not None:
            known = self.spec_examples.example(name)
            if (
                isinstance(known, str)
                and string_fits(schema, known, schema.get("pattern"))
                and (
                    "format" not in schema or (_format_agrees(schema, known) and _format_holds(schema, known))
                )
            ):
                return known  # another property's example: in this one's format strictly (a date is no date-time)
        return string_value(schema, name)


_NUMBER_FORMATS = {"int32": "integer", "int64": "integer", "float": "number", "double": "number"}


# The word schema-to-example tools write for any string (Stoplight's mocks, Swagger UI's `"string"`)
PLACEHOLDER_WORDS = frozenset(("string", "<string>"))
_TYPE_NAME = re.compile(r"(type|format|kind)s?$", re.IGNORECASE)


def _main_type(schema: dict[str, Any]) -> Any:
    """A schema's `type`, the first that is not `null` where it lists several (`[string, null]` is a string)."""
    kind = schema.get("type")
    return next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind


def _entries(value: Any) -> int:
    """The object members and list items `value` holds, all levels counted."""
    if isinstance(value, dict):
        return len(value) + sum(_entries(item) for item in value.values() if isinstance(item, dict | list))
    if isinstance(value, list):
        return len(value) + sum(_entries(item) for item in value if isinstance(item, dict | list))
    return 0


def _fits_shape(schema: Any, value: Any) -> bool:
    """An example value an example is mended around rather than replaced: a scalar as :func:`_fits_leaf` judges
    it, a list or object where the schema does not want the other kind of container (Svix's event type example
    gives its `schemas` map a `required: [...]` list among the objects its values must be)."""
    kind = schema.get("type") if isinstance(schema, dict) else None
    other = (isinstance(value, list) and kind == "object") or (isinstance(value, dict) and kind == "array")
    return _fits_leaf(schema, value) and not other


def _fits_leaf(schema: Any, value: Any) -> bool:
    """A scalar (or null) example value agrees with its plain schema's type, enum and checked format (see
    :func:`_fits`, strictly); objects, arrays and composed schemas are looked into by the caller or left as
    written, and a schema with no type takes null."""
    if isinstance(value, dict | list) or not isinstance(schema, dict):
        return True
    if any(key in schema for key in ("allOf", "oneOf", "anyOf", "not", "$ref")):
        return True
    if value is None and "type" not in schema:
        return True
    return _fits(schema, value, strict=True)


# formats validators check (openapi-core, jsonschema's format checker) and an example can be read into
_CHECKED_FORMATS = frozenset({"date", "date-time", "time", "uuid", "email", "idn-email"})


def _format_holds(schema: dict[str, Any], value: str) -> bool:
    if schema.get("format") not in _CHECKED_FORMATS:
        return True
    if schema.get("format") == "date":
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None  # a full-date, nothing after it
    return _format_agrees(schema, value)


def _text_for_structure(schema: dict[str, Any], value: Any) -> bool:
    """A text example of a schema that describes an object or a list and takes no text: Zulip's webhook payload
    (`properties` and no `type`, which a string satisfies) gives its example as JSON text."""
    return (
        isinstance(value, str)
        and _looks_structured(schema)
        and "string" not in listed_types(schema.get("type"))
    )


def _respelled(schema: dict[str, Any], value: Any) -> Any:
    """`value` written as the schema's type or enum asks, when that loses nothing; None when it cannot be."""
    if _text_for_structure(schema, value) and value.lstrip()[:1] in ("{", "["):
        try:
            document = json.loads(value)
        except (ValueError, RecursionError):
            return None
        if not isinstance(document, dict | list) or nesting_exceeds(document) or _holds_placeholder(document):
            return None  # `{"type": "string"}`: a sketch of the value, not one (OpenAI's eval item schema)
        return document
    enum = schema.get("enum")
    if isinstance(enum, list):
        folded = [
            e for e in enum if isinstance(e, str) and isinstance(value, str) and e.lower() == value.lower()
        ]
        return folded[0] if len(folded) == 1 else next((e for e in enum if str(e) == str(value)), None)
    kinds = listed_types(schema.get("type"))
    if "string" in kinds and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and schema.get("format") == "date" and is_date_time(value):
        return value[:10]
    if (
        isinstance(value, str)
        and schema.get("format") == "time"
        and re.fullmatch(r"\d{2}:\d{2}:\d{2}(\.\d+)?", value)
    ):
        return value + "Z"  # RFC 3339's full-time has its offset
    if (
        isinstance(value, str)
        and schema.get("format") == "date-time"
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
    ):
        return value + "T00:00:00Z"
    if isinstance(value, str):
        text = value.strip()
        if "integer" in kinds and re.fullmatch(r"-?[0-9]+", text):
            return int(text)
        if "number" in kinds and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", text):
            number = float(text)
            return int(number) if number.is_integer() and abs(number) < 2**53 else number  # "12.00" is 12
        if "boolean" in kinds and text in ("true", "false"):
            return text == "true"
    if "integer" in kinds and isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _holds_placeholder(value: Any) -> bool:
    """An object or list with the placeholder word as a value anywhere in it."""
    if isinstance(value, dict):
        return any(_holds_placeholder(item) for item in value.values())
    if isinstance(value, list):
        return any(_holds_placeholder(item) for item in value)
    return isinstance(value, str) and value in PLACEHOLDER_WORDS


def _placeholder(schema: Any, name: str | None, value: Any) -> bool:
    """`value` is the placeholder word where the schema gives it no meaning of its own."""
    if not isinstance(value, str) or value not in PLACEHOLDER_WORDS:
        return False
    if name is not None and _TYPE_NAME.search(name):
        return False
    if isinstance(schema, dict):
        enum = schema.get("enum")
        if (isinstance(enum, list) and value in enum) or schema.get("const") == value:
            return False
    return True


def _discriminator_value(mapping: dict[str, Any], ref: str) -> str:
    """The discriminator value that selects `ref`: its key in the mapping (which may name the target by `$ref`
    or by schema name), else the schema's name."""
    short = ref.rsplit("/", 1)[-1]
    return next((key for key, target in mapping.items() if target in (ref, short)), short)


def _inferred_kind(schema: dict[str, Any]) -> str | None:
    """The type a schema without `type` describes by its keywords (`{"pattern": …}` is a string)."""
    fmt = schema.get("format")
    if fmt in _NUMBER_FORMATS:
        return _NUMBER_FORMATS[fmt]
    if (
        "pattern" in schema
        or "minLength" in schema
        or "maxLength" in schema
        or (fmt in FORMAT_EXAMPLES and fmt != "binary")
    ):
        return "string"
    if "minimum" in schema or "maximum" in schema or "multipleOf" in schema:
        return "number"
    return None


# Fields APIs keep unique per resource (a second profile with the same email is a 409): compared by name_key.
UNIQUE_NAMES = frozenset({"email", "emailaddress", "phone", "phonenumber", "externalid"})


def _distinct(item: Any, count: int, item_schema: Any) -> list[Any]:
    """`count` different items like `item`, for arrays with `uniqueItems` (fewer when none can be found): an
    enum's own values where the items have one (`a2` is no tag of `[a, b, c]`)."""
    enum = item_schema.get("enum") if isinstance(item_schema, dict) else None
    if isinstance(enum, list) and item in enum:
        others = [value for value in enum if value != item and value is not None]
        return [item, *others][:count]
    if isinstance(item, bool):
        return [item, not item][:count]
    if isinstance(item, (int, float)):
        return [item + n for n in range(count)]
    if isinstance(item, str):
        pattern = item_schema.get("pattern") if isinstance(item_schema, dict) else None
        if isinstance(pattern, str):
            return list(dict.fromkeys((item, *pattern_examples(pattern))))[:count]
        return [item] + [f"{item}{n}" for n in range(2, count + 1)]
    if isinstance(item, dict):
        # objects told apart by one of their own values (`{id: 1}`, `{id: 2}`), an enum's or a const's aside
        properties = item_schema.get("properties") if isinstance(item_schema, dict) else None
        for key, value in item.items():
            prop = properties.get(key) if isinstance(properties, dict) else None
            if isinstance(prop, dict) and "const" in prop:
                continue
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                variants = _distinct(value, count, prop)
                if len(variants) == count:
                    return [{**item, key: variant} for variant in variants]
    return [item]


def unique_value(name: str, value: str, schema: dict[str, Any]) -> str:
    """`value` made unique per request sent, with a Postman dynamic variable newman and Postman fill in: an
    email keeps its domain (`jane.doe+{{$guid}}@example.com`), a phone number stays E.164 (`+1{{$timestamp}}`).
    Fields with a pattern, an enum or room too short for the filled-in text keep their value."""
    key = name_key(name)
    if key not in UNIQUE_NAMES or "pattern" in schema or "enum" in schema or "const" in schema:
        return value
    if key.startswith("email"):
        local, at, domain = value.partition("@")
        unique = f"{local or 'jane.doe'}+{{{{$guid}}}}@{domain if at and domain else 'example.com'}"
        filled = len(unique) - len("{{$guid}}") + 36
    elif key.startswith("phone"):
        unique, filled = "+1{{$timestamp}}", 12
    else:
        unique, filled = "{{$guid}}", 36
    max_length = schema.get("maxLength")
    if isinstance(max_length, int) and filled > max_length:
        return value
    return unique


# formats whose shape _format_agrees checks
_SHAPED_FORMATS = frozenset({"email", "idn-email", "uri", "url", "iri", "date-time", "date", "time", "uuid"})
# RFC 3339's full-time, what JSON Schema's `time` format is: the offset is part of it
_FULL_TIME = re.compile(r"\d{2}:\d{2}:\d{2}(\.\d+)?([zZ]|[+-]\d{2}:\d{2})")


def _format_agrees(schema: dict[str, Any], value: str) -> bool:
    """A value found elsewhere in the spec suits a formatted field only where it has that format's shape."""
    fmt = schema.get("format")
    if fmt in ("email", "idn-email"):
        return "@" in value
    if fmt in ("uri", "url", "iri"):
        return "://" in value
    if fmt == "date-time":
        return is_date_time(value)  # as the sandbox and validate judge it: `2023-01-01:T00:00:00Z` is not one
    if fmt == "date":
        return value[:4].isdigit() and value[4:5] == "-"
    if fmt == "uuid":  # hex digits in 8-4-4-4-12 (Merge's `a12e7c20-1922-9df7-s75n-edfeewnn7384` is no uuid)
        return UUID_TEXT.fullmatch(value) is not None
    if fmt == "time":
        return _FULL_TIME.fullmatch(value) is not None
    return fmt not in FORMAT_EXAMPLES


# Names saying what kind of thing an object is: each schema's example names its own kind (Intercom's `type`:
# `activity_log.list`, `admin`, `user`), never another field's or a parameter's of the same name.
_KIND_NAMES = frozenset({"type", "kind", "object", "status", "state", "mode", "category", "resource_type"})


class SpecExamples:
    """Examples the document's component schemas give for a property name (`id` → `01GDDKASAP8…`), for fields
    and parameters of the same name that give none: the first in document order; built on first use."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._by_name: dict[str, Any] | None = None

    def example(self, name: str) -> Any:
        if self._by_name is None:
            self._by_name = self._index()
        return self._by_name.get(name.lower())

    def _index(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        schemas = (self.document.get("components") or {}).get("schemas")
        # Each component schema's own properties and its `allOf` parts': a resource's `id` stands there; walking
        # deeper costs more than it finds (Stripe's schemas nest inline deeply).
        for schema in schemas.values() if isinstance(schemas, dict) else ():
            if type(schema) is not dict:
                continue
            parts = schema.get("allOf")
            for holder in [schema, *parts] if type(parts) is list else (schema,):
                properties = holder.get("properties") if type(holder) is dict else None
                if type(properties) is not dict:
                    continue
                for prop_name, prop in properties.items():
                    if type(prop) is dict:
                        example = prop.get("example")
                        # an empty text lends nothing: Datadog's widgets' `query: ""` left required `query=` empty
                        if example is not None and example != "" and type(example) in (str, int, float):
                            key = str(prop_name).lower()
                            if key not in _KIND_NAMES:
                                found.setdefault(key, example)
        return found


class RequestValues:
    """Values for an operation's parameters: the parameter's own example, then its schema's declared values,
    then what the spec shows for the same thing elsewhere (the same parameter on the path's other operations,
    the resource's id in the response of `GET` on the path up to the parameter, a property of the same name),
    then a realistic value from the schema and the name (see :mod:`postman_kit.scalars`)."""

    def __init__(self, api: Api, builder: ExampleBuilder) -> None:
        self.api = api
        self.builder = builder
        self._by_path: dict[str, list[Operation]] | None = None
        self._path_values: dict[tuple[str, str], list[Any]] = {}

    def declared(self, param: Parameter) -> Any:
        """The parameter's own example, else its schema's declared value; `None` when the spec gives none."""
        if param.example is not None:
            return param.example
        return self.builder.declared(self._schema(param))

    def parameter(self, param: Parameter, op: Operation | None = None) -> Any:
        """A value for `param` (see the class); `op`, the operation it belongs to, finds path ids."""
        schema = self._schema(param)
        declared = self.declared(param)
        # an empty text the spec declares (Mattermost's required `group_ids` with `default: ""`) is no value a
        # required parameter is sent with: OpenAPI 3.0 refuses an empty one, and the API wants ids
        needed = param.required or param.location == "path"
        if declared == "" and needed:
            declared = None
        if declared is not None and not self._in_several_branches(schema, declared):
            return declared
        if op is not None and param.location == "path":
            key = (op.path, param.name)  # the path's operations share what the spec shows for it
            if key not in self._path_values:
                self._path_values[key] = self._from_path(param.name, op.path)
            for found in self._path_values[key]:
                if _param_fits(schema, found) and not self._in_several_branches(schema, found):
                    return found
        value = self.builder.build(schema, param.name)
        empty = value is None or (isinstance(value, str) and not value.strip())
        if empty and (param.location == "path" or param.required):
            # a path segment must hold something: Prowlarr's `{path}` with pattern `^(?!api/).*` was sent
            # empty, as `GET /`, another operation; and a required parameter whose schema takes any value
            # (`schema: {}`, none, Grocy's `$ref` to a schema its spec lacks) was sent empty, or as `:entity`
            segment = next((word for word in _SEGMENT_WORDS if _param_fits(schema, word)), None)
            return segment if segment is not None else value
        return value

    def _in_several_branches(self, schema: Any, value: Any) -> bool:
        """An enum entry of one `oneOf` branch that another takes too (Okta's roleRef: a role type, or any id
        string) is valid under neither; the spec's own `example` on the schema stands as written."""
        branches = schema.get("oneOf") if isinstance(schema, dict) else None
        return (
            isinstance(branches, list)
            and len(branches) > 1
            and "example" not in schema
            and self.builder.fits_several(branches, value)
        )

    def _schema(self, param: Parameter) -> dict[str, Any]:
        return self.api.parameter_schema(param)

    def _from_path(self, name: str, path: str) -> list[Any]:
        """Examples of path parameter `name` on `path`'s operations, then of the resource's id in the response of
        `GET` on the path up to the parameter."""
        if self._by_path is None:
            self._by_path = {}
            for other in self.api.operations:
                self._by_path.setdefault(other.path, []).append(other)
        found: list[Any] = []
        for other in self._by_path.get(path, ()):
            for sibling in other.params_in("path"):
                if sibling.name == name:
                    value = self.declared(sibling)
                    if value is not None:
                        found.append(value)
        marker = "{" + name + "}"
        if marker in path:
            resource_path = path[: path.index(marker) + len(marker)]
            for other in self._by_path.get(resource_path, ()):
                if other.method == "GET":
                    value = self._response_id(other, name, resource_path.endswith(marker))
                    if value is not None:
                        found.append(value)
        return found

    def _response_id(self, op: Operation, name: str, last: bool) -> Any:
        """The example of property `name` (or `id`, for the path's last parameter) in `op`'s success response,
        at its top or under `data` (JSON:API)."""
        for response in op.success_responses:
            media = response.preferred
            if media is None or media.schema is None:
                continue
            body = self.api.resolve(media.schema)
            for holder in (body, _property(self.api, body, "data")):
                for key in (name, "id") if last else (name,):
                    prop = _property(self.api, holder, key)
                    if isinstance(prop, dict) and prop.get("example") is not None:
                        return prop["example"]
        return None


def _property(api: Api, schema: Any, name: str) -> Any:
    schema = api.resolve(schema)
    if not isinstance(schema, dict):
        return None
    if schema.get("type") == "array":
        schema = api.resolve(schema.get("items"))
        if not isinstance(schema, dict):
            return None
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for key, prop in properties.items():
            if key.lower() == name.lower():
                return api.resolve(prop)
    return None


# Values a path segment may take where the schema's own value is empty.
_SEGMENT_WORDS = ("example", "abc123", "1", "a")


def _param_fits(schema: dict[str, Any], value: Any) -> bool:
    if not _fits(schema, value):
        return False
    return not isinstance(value, str) or string_fits(schema, value, schema.get("pattern"))


def _declared_value(builder: ExampleBuilder, schema: Any, depth: int) -> Any:
    if depth > 8 or not isinstance(schema, dict):
        return None
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#"):
        return _declared_value(builder, builder._target(ref), depth + 1)
    if "example" in schema and schema["example"] is not None and _fits(schema, schema["example"]):
        return schema["example"]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples and examples[0] is not None and _fits(schema, examples[0]):
        return examples[0]
    if schema.get("const") is not None:
        return schema["const"]
    enum = schema.get("enum")
    if isinstance(enum, list):
        value = next((e for e in enum if e is not None), None)
        if value is not None:
            return value
    if schema.get("default") is not None and _fits(schema, schema["default"]):
        return schema["default"]  # PayPal's `start_time` default, "Current date and time", fits no date-time
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key) or () if isinstance(schema.get(key), list) else ():
            value = _declared_value(builder, part, depth + 1)
            if value is not None:
                return value
    if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
        item = _declared_value(builder, schema["items"], depth + 1)
        if item is not None:
            return [item]
    return None


def _looks_structured(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return (
        kind in ("object", "array")
        or "properties" in schema
        or "items" in schema
        or (isinstance(kind, list) and bool({"object", "array"} & set(kind)))
    )


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def _fits(schema: dict[str, Any], value: Any, strict: bool = False) -> bool:
    """A shallow check of a spec's own example against its schema's type, enum, required keys and the shape of
    a few formats; `strict`, the formats validators check, a date read as a full-date (Xero's `dateOfBirth:
    1999-01-01T00:00:00Z` for a date).

    Specs carry examples that contradict their schema (`"APNs"` for an enum of `apns`, `fcm`; a JSON text where
    an array is declared); a request built from one fails validation, so a synthesized value is used instead.
    """
    if value is None:
        return bool(schema.get("nullable")) or "null" in (schema.get("type") or ())
    enum = schema.get("enum")
    if isinstance(enum, list) and value not in enum:
        return False
    if "const" in schema and not _same(value, schema["const"]):
        return False  # Discord's privacy level, `oneOf: [{const: 1}, {const: 2}]`
    kind = schema.get("type")
    if isinstance(kind, str):  # the common case, checked without building a list and a generator
        if not _is_json_type(value, kind):
            return False
    elif isinstance(kind, list) and kind and not any(_is_json_type(value, k) for k in kind):
        return False
    if isinstance(value, str) and (
        not _format_holds(schema, value)
        if strict
        else schema.get("format") in _SHAPED_FORMATS and not _format_agrees(schema, value)
    ):
        return False  # Train Travel's trip_id example, one hex digit short of a uuid
    if not _within_bounds(schema, value):
        return False
    required = schema.get("required")
    return not (isinstance(value, dict) and isinstance(required, list) and not set(required) <= set(value))


def _within_bounds(schema: dict[str, Any], value: Any) -> bool:
    """A string within `minLength`/`maxLength` and matching its `pattern` (FusionAuth's zone id example
    `America/Denver` beside its own `^w+/w+$`), a number within `minimum`/`maximum` (a 3.1 `$ref`'s `maxLength:
    5` beside a name example of 19 characters), exclusive bounds (3.0's flags, 3.1's numbers) and `multipleOf`, an
    array within `minItems`/`maxItems` and `uniqueItems` (Svix's `featureFlags: []` beside its own `minItems: 1`),
    an object within `minProperties`/`maxProperties`. A pattern Python's `re` cannot read holds any string."""
    if isinstance(value, str):
        pattern = schema.get("pattern")
        readable = isinstance(pattern, str) and pattern_is_readable(pattern)
        return string_fits(schema, value, pattern if readable else None)
    if is_number(value):
        return _number_within(schema, value)
    if isinstance(value, list):
        return _counted_within(schema, len(value), "minItems", "maxItems") and not (
            schema.get("uniqueItems") is True and _has_repeats(value)
        )
    if isinstance(value, dict):
        return _counted_within(schema, len(value), "minProperties", "maxProperties")
    return True


def _number_within(schema: dict[str, Any], value: Any) -> bool:
    low, low_open, high, high_open = number_bounds(schema)  # 3.0's exclusive flags, 3.1's exclusive numbers
    if low is not None and (value < low or (low_open and value == low)):
        return False
    if high is not None and (value > high or (high_open and value == high)):
        return False
    step = schema.get("multipleOf")
    if is_number(step) and step > 0:
        if isinstance(value, int) and isinstance(step, int):
            return value % step == 0
        try:
            quotient = value / step
        except OverflowError:  # an integer beyond floats: not judged
            return True
        return not math.isfinite(quotient) or abs(quotient - round(quotient)) <= 1e-9 * max(
            1.0, abs(quotient)
        )
    return True


def _counted_within(schema: dict[str, Any], count: int, low_key: str, high_key: str) -> bool:
    low, high = schema.get(low_key), schema.get(high_key)
    return not ((is_number(low) and count < low) or (is_number(high) and count > high))


def _has_repeats(values: list[Any]) -> bool:
    seen: set[str] = set()
    for value in values:
        key = json.dumps(value, sort_keys=True, default=str)
        if key in seen:
            return True
        seen.add(key)
    return False


def _matches_plainly(schema: dict[str, Any], value: Any) -> bool:
    """`value` meets what a plain `not` schema names: its enum, const, pattern and type (other keywords unread)."""
    if not _fits(schema, value):
        return False
    pattern = schema.get("pattern")
    return not (isinstance(pattern, str) and isinstance(value, str) and not pattern_matches(pattern, value))


def _same(value: Any, const: Any) -> bool:
    """Equal as JSON values: `true` is not `1`."""
    return value == const and isinstance(value, bool) == isinstance(const, bool)


def _is_json_type(value: Any, kind: Any) -> bool:
    types = _JSON_TYPES.get(kind) if isinstance(kind, str) else None
    return (
        types is not None
        and isinstance(value, types)
        and not (isinstance(value, bool) and kind in ("integer", "number"))
    )


def _looks_object(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or "properties" in schema)


def _names(value: Any) -> list[str]:
    """The property names of a `required` list (anything else in it is not a name)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
