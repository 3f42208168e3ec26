"""One side of a diff: a collection, built in memory when the user gave a spec, plus its spec when known."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from postman_kit.collection import Collection, Item, Request
from postman_kit.collection_files import (
    CollectionFile,
    collection_from_json,
    is_collection_directory,
    read_collection,
)
from postman_kit.errors import InputError
from postman_kit.generation import build_collection_from_spec
from postman_kit.generation.build import Build, BuildOptions
from postman_kit.loader import load_document
from postman_kit.naming import parse_collection_name
from postman_kit.openapi import Api, read_api
from postman_kit.profiles import GENERIC, KLAVIYO, Profile, detect_profile, find_revision

_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\.pre)?$")
# A revision as generate writes it into the `revision` variable: Klaviyo's date, another API's version (`1.1.0`,
# `v0`, Plaid's `2020-09-14_1.697.4`)
_REVISION_VALUE = re.compile(r"^[vV]?\d[0-9A-Za-z._+-]*$")
# Another API's version as generate stamps it at the end of the name: `Notes API (v1.1.0)`
_NAME_VERSION = re.compile(r"\(v([^()\s]+)\)\s*$")


@dataclass(slots=True)
class Side:
    """What `diff` and `upgrade` compare: always a collection; the spec too when it is known."""

    source: str
    collection: Collection
    revision: str | None
    profile: Profile
    api: Api | None = None
    build: Build | None = None
    # A collection read without its examples' original requests: each request item's JSON, by id(item).
    item_json: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def is_spec(self) -> bool:
        return self.build is not None

    def full_item(self, item: Item) -> Item:
        """A copy of one of this side's request items with everything its JSON holds."""
        data = self.item_json.get(id(item))
        return Item.from_json(data if data is not None else item.to_json())

    def as_generated(self, item: Item) -> Item | None:
        """One of the fork's upstream requests as upstream generated it, read from its own examples: generate
        puts the request it wrote into each example (`originalRequest`; a 405 example's has another method),
        user-saved examples come after upstream's, and Postman leaves an example as it was when its request is
        edited. Only the request is recorded: its name, docs, scripts and examples are the caller's to judge.
        None when no example of the same method holds a request."""
        data = self.item_json.get(id(item)) or item.to_json()
        for example in data.get("response") or []:
            original = example.get("originalRequest") if isinstance(example, dict) else None
            if (
                isinstance(original, dict)
                and str(original.get("method") or "GET").upper() == item.request.method
            ):
                return Item(id=item.id, name=item.name, request=Request.from_json(original))
        return None


def load_side(source: str, options: BuildOptions | None = None, *, full_examples: bool = True) -> Side:
    """Read `source` (path, URL, `-` or a v3 collection directory): an OpenAPI spec is built into a collection,
    a collection is read.

    `full_examples=False` keeps only each example's name and code in a collection's model: the comparison reads
    nothing else of them, and parsing their original requests, headers and bodies is most of reading a large
    collection. `Side.full_item` reads an item back whole.
    """
    if is_collection_directory(source):
        return _collection_side(read_collection(source), full_examples)
    loaded = load_document(source)
    data = loaded.data
    if isinstance(data, dict) and isinstance(data.get("collection"), dict) and "info" not in data:
        data = data["collection"]  # the Postman API's export wraps the collection
    if isinstance(data, dict) and ("openapi" in data or "swagger" in data):
        return side_from_api(read_api(loaded), options)
    if isinstance(data, dict) and isinstance(data.get("info"), dict) and isinstance(data.get("item"), list):
        return _collection_side(
            collection_from_json(data, loaded.source, nesting_checked=loaded.nesting_checked), full_examples
        )
    raise InputError(loaded.source, "neither an OpenAPI document nor a Postman collection (v2.x)")


def _collection_side(read: CollectionFile, full_examples: bool) -> Side:
    data = read.data
    item_json: dict[int, dict[str, Any]] = {}
    if full_examples:
        collection = Collection.from_json(data)
    else:
        raw_items: list[dict[str, Any]] = []
        collection = Collection.from_json({**data, "item": _with_example_labels(data["item"], raw_items)})
        items = [item for _, item in collection.walk()]
        if len(items) == len(raw_items):
            item_json = {id(item): raw for item, raw in zip(items, raw_items, strict=True)}
        else:  # the model skipped something the walk above kept: read it whole
            collection = Collection.from_json(data)
    return Side(
        source=read.source,
        collection=collection,
        revision=collection_revision(collection),
        profile=_collection_profile(collection),
        item_json=item_json,
    )


_EXAMPLE_LABELS = ("name", "code")


def _with_example_labels(nodes: Any, raw_items: list[dict[str, Any]]) -> list[Any]:
    """Folders and request items as Collection.from_json reads them, each example reduced to its name and code;
    each request item's own JSON is appended to `raw_items` in walk order."""
    out: list[Any] = []
    for node in nodes or []:
        if not isinstance(node, dict):
            continue
        if "item" in node and "request" not in node:
            out.append({**node, "item": _with_example_labels(node.get("item"), raw_items)})
            continue
        raw_items.append(node)
        examples = node.get("response")
        if isinstance(examples, list):
            node = {
                **node,
                "response": [
                    {k: e[k] for k in _EXAMPLE_LABELS if k in e} if isinstance(e, dict) else e
                    for e in examples
                ],
            }
        out.append(node)
    return out


def side_from_api(api: Api, options: BuildOptions | None = None) -> Side:
    built = build_collection_from_spec(api, options)
    return Side(
        source=api.source,
        collection=built.collection,
        revision=built.revision,
        profile=built.profile,
        api=api,
        build=built,
    )


def spec_revision_of(api: Api) -> str:
    return find_revision(api, detect_profile(api))


def stamped_revision(collection: Collection) -> str | None:
    """The revision generate stamped in the collection's name (`(v2024-02-15)`, another API's `(v1.1.0)`): the
    spec the fork's upstream requests came from, whatever its `revision` variable was since set to."""
    named = parse_collection_name(collection.info.name).revision
    if named is None and (found := _NAME_VERSION.search(collection.info.name)):
        # a version number in the name of a collection whose `revision` variable is a date (a Klaviyo fork the
        # user named `Klaviyo prod (v2)`) is the user's word, not the revision generate stamped
        variable = collection.variable("revision")
        dated = (
            variable is not None and isinstance(variable.value, str) and _DATED.match(variable.value.strip())
        )
        return None if dated else found.group(1)
    return named


def collection_revision(collection: Collection, revision_variable: str = "revision") -> str | None:
    """The fork's revision: its `revision` variable, else the (Klaviyo) revision headers it sends, else the
    version stamped in its name."""
    variable = collection.variable(revision_variable)
    if (
        variable is not None
        and isinstance(variable.value, str)
        and _REVISION_VALUE.match(variable.value.strip())
    ):
        return variable.value.strip()
    sent = Counter(
        value.strip()
        for _, item in collection.walk()
        if (value := item.request.header_value(revision_variable)) and _DATED.match(value.strip())
    )
    if sent:
        return max(sent.items(), key=lambda pair: (pair[1], pair[0]))[0]
    return stamped_revision(collection)


def _collection_profile(collection: Collection) -> Profile:
    auth = collection.auth
    if auth is not None and "Klaviyo-API-Key" in str(auth.attributes.get("value", "")):
        return KLAVIYO
    if "klaviyo" in collection.info.name.lower():
        return KLAVIYO
    return GENERIC
