"""One side of a diff: a collection, built in memory when the user gave a spec, plus its spec when known."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from postman_kit.build import Build, BuildOptions, find_revision
from postman_kit.collection import Collection
from postman_kit.errors import InputError
from postman_kit.generate import build_collection_from_spec
from postman_kit.loader import load_document
from postman_kit.openapi import Api, read_api
from postman_kit.profiles import GENERIC, KLAVIYO, Profile, detect_profile

_NAME_REVISION = re.compile(r"\(v(\d{4}-\d{2}-\d{2}(?:\.pre)?)\)")
_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}(?:\.pre)?$")


@dataclass
class Side:
    """What `diff` and `upgrade` compare: always a collection; the spec too when it is known."""

    source: str
    collection: Collection
    revision: str | None
    profile: Profile
    api: Api | None = None
    build: Build | None = None

    @property
    def is_spec(self) -> bool:
        return self.build is not None


def load_side(source: str, options: BuildOptions | None = None) -> Side:
    """Read `source` (path, URL or `-`): an OpenAPI spec is built into a collection, a collection is read."""
    loaded = load_document(source)
    data = loaded.data
    if isinstance(data, dict) and isinstance(data.get("collection"), dict) and "info" not in data:
        data = data["collection"]  # the Postman API's export wraps the collection
    if isinstance(data, dict) and ("openapi" in data or "swagger" in data):
        return side_from_api(read_api(loaded), options)
    if isinstance(data, dict) and isinstance(data.get("info"), dict) and isinstance(data.get("item"), list):
        collection = Collection.from_json(data)
        return Side(
            source=loaded.source,
            collection=collection,
            revision=collection_revision(collection),
            profile=_collection_profile(collection),
        )
    raise InputError(loaded.source, "neither an OpenAPI document nor a Postman collection (v2.x)")


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


def collection_revision(collection: Collection, revision_variable: str = "revision") -> str | None:
    """The fork's revision: its `revision` variable, else the revision headers it sends, else its name."""
    variable = collection.variable(revision_variable)
    if variable is not None and isinstance(variable.value, str) and _DATED.match(variable.value.strip()):
        return variable.value.strip()
    sent = Counter(
        value.strip()
        for _, item in collection.walk()
        if (value := item.request.header_value(revision_variable)) and _DATED.match(value.strip())
    )
    if sent:
        return max(sent.items(), key=lambda pair: (pair[1], pair[0]))[0]
    match = _NAME_REVISION.search(collection.info.name)
    return match.group(1) if match else None


def _collection_profile(collection: Collection) -> Profile:
    auth = collection.auth
    if auth is not None and "Klaviyo-API-Key" in str(auth.attributes.get("value", "")):
        return KLAVIYO
    if "klaviyo" in collection.info.name.lower():
        return KLAVIYO
    return GENERIC
