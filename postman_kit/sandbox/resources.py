"""Which resources a spec has, read from its JSON:API paths.

A resource kind is a collection path that takes POST and GET (`/api/profiles`) with an item path under it
(`/api/profiles/{id}`) that takes GET. Its type comes from the create body's `data.type`; its unique attributes
and id style come from the API profile (Klaviyo: a profile's email is unique, profile ids are 26-character
ULIDs, list ids 6 characters).
"""

from __future__ import annotations

import copy
import secrets
import string
import time
from dataclasses import dataclass, field
from typing import Any

from postman_kit.examples import ExampleBuilder, RequestValues
from postman_kit.ids import normalize_path
from postman_kit.openapi import Api, Operation
from postman_kit.profiles import Profile

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_ALNUM = string.ascii_letters + string.digits


def ulid() -> str:
    """26 characters, time-ordered, like Klaviyo's profile ids (01GDDKASAP8TKDDA2GRZDSVP4H)."""
    value = (int(time.time() * 1000) << 80) | secrets.randbits(80)
    return "".join(_CROCKFORD[(value >> shift) & 31] for shift in range(125, -1, -5))


def short_id(length: int = 6) -> str:
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


ID_STYLES = {"ulid": ulid, "alnum6": short_id}


@dataclass
class ResourceKind:
    type: str
    collection: str  # normalized: /api/profiles
    item: str  # normalized: /api/profiles/{}
    resource_schema: dict[str, Any]  # the item GET response's `data` schema
    template: dict[str, Any]  # an example resource object built from that schema
    attribute_names: tuple[str, ...]
    required_attributes: tuple[str, ...]
    unique: tuple[str, ...] = ()
    id_style: str = "ulid"
    fixture_ids: tuple[str, ...] = ()
    timestamps: tuple[str, ...] = field(default=())
    nullable: frozenset[str] = frozenset()  # attributes the resource schema lets be null
    attribute_schemas: dict[str, Any] = field(default_factory=dict)  # each attribute's schema in the resource

    def accepted_attributes(self, given: dict[str, Any]) -> dict[str, Any]:
        """The attributes of a request a resource keeps: its own, and null only where the schema allows null
        (a null elsewhere means "not given": the default or the stored value stays)."""
        return {
            name: value
            for name, value in given.items()
            if name in self.attribute_names and (value is not None or name in self.nullable)
        }

    def new_id(self) -> str:
        return ID_STYLES.get(self.id_style, ulid)()

    def fixture(self, resource_id: str) -> dict[str, Any]:
        """Attributes of a resource that exists from the start: the spec's example, unique values made distinct."""
        attributes = copy.deepcopy(self.template.get("attributes") or {})
        known = resource_id in self.fixture_ids
        order = self.fixture_ids.index(resource_id) if known else len(self.fixture_ids)
        for name in self.unique:
            value = attributes.get(name)
            if not isinstance(value, str):
                continue
            # Never the example itself: a generated collection creates a resource with the example's values,
            # which would then be a 409. An email reads as the same person's tagged address
            # (sarah.mason+1@klaviyo-demo.com); other values carry the fixture's id.
            local, at, domain = value.partition("@")
            attributes[name] = f"{local}+{order + 1}@{domain}" if at else f"{resource_id.lower()}.{value}"
        return attributes


def _data_schema(api: Api, op: Operation | None) -> dict[str, Any] | None:
    if op is None:
        return None
    responses = op.success_responses if op.method == "GET" else []
    if op.request_body is not None and op.request_body.preferred is not None:
        schema = op.request_body.preferred.schema
    elif responses and responses[0].preferred is not None:
        schema = responses[0].preferred.schema
    else:
        return None
    schema = api.resolve(schema)
    if not isinstance(schema, dict):
        return None
    data = api.resolve((schema.get("properties") or {}).get("data"))
    return data if isinstance(data, dict) else None


def _allows_null(api: Api, schema: Any, depth: int = 0) -> bool:
    schema = api.resolve(schema)
    if not isinstance(schema, dict) or depth > 8:
        return False
    kinds = schema.get("type")
    if schema.get("nullable") is True or kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    parts = [*(schema.get("anyOf") or []), *(schema.get("oneOf") or [])]
    if any(_allows_null(api, part, depth + 1) for part in parts):
        return True
    every = schema.get("allOf") or []
    return bool(every) and all(_allows_null(api, part, depth + 1) for part in every)


def _type_name(api: Api, data: dict[str, Any] | None) -> str | None:
    if data is None:
        return None
    properties, _ = api.merged_properties(data)
    type_schema = api.resolve(properties.get("type"))
    if isinstance(type_schema, dict):
        enum = type_schema.get("enum")
        if isinstance(enum, list) and enum:
            return str(enum[0])
        if "const" in type_schema:
            return str(type_schema["const"])
    return None


def path_examples(api: Api, ops: list[Operation]) -> tuple[str, ...]:
    """The id values a generated collection puts in these operations' first path variable."""
    request_values = RequestValues(api, ExampleBuilder(api.document, "request"))
    values: list[str] = []
    for op in ops:
        params = op.params_in("path")
        if not params:
            continue
        param = params[0]
        value = param.example if param.example is not None else request_values.parameter(param, op)
        if value not in (None, "") and str(value) not in values:
            values.append(str(value))
    return tuple(values)


def find_resource_kinds(api: Api, profile: Profile) -> dict[str, ResourceKind]:
    """Resource kinds by normalized collection path."""
    by_path: dict[str, dict[str, Operation]] = {}
    for op in api.operations:
        by_path.setdefault(normalize_path(op.path), {})[op.method] = op
    unique_table: dict[str, Any] = profile.extra.get("unique_attributes", {})
    id_styles: dict[str, str] = profile.extra.get("id_styles", {})
    builder = ExampleBuilder(api.document, "response")
    kinds: dict[str, ResourceKind] = {}
    for path, methods in sorted(by_path.items()):
        # an async job (campaign send job) may have no list: created by POST, read by id
        if "{}" in path or "POST" not in methods or ("GET" not in methods and not path.endswith("-jobs")):
            continue
        if profile.client_path_prefix and path.startswith(profile.client_path_prefix.rstrip("/")):
            continue
        item = path + "/{}"
        item_get = by_path.get(item, {}).get("GET")
        if item_get is None:
            continue
        resource_schema = _data_schema(api, item_get)
        if resource_schema is None:
            continue
        type_name = _type_name(api, _data_schema(api, methods["POST"])) or _type_name(api, resource_schema)
        if type_name is None:
            continue
        template = builder.build(resource_schema)
        if not isinstance(template, dict):
            continue
        properties, _ = api.merged_properties(resource_schema)
        attr_properties, attr_required = api.merged_properties(properties.get("attributes"))
        related = [
            op for p, ops in by_path.items() if p == item or p.startswith(item + "/") for op in ops.values()
        ]
        kinds[path] = ResourceKind(
            type=type_name,
            collection=path,
            item=item,
            resource_schema=resource_schema,
            template=template,
            attribute_names=tuple(attr_properties),
            required_attributes=tuple(sorted(attr_required)),
            unique=tuple(unique_table.get(type_name, ())),
            id_style=id_styles.get(type_name, "ulid"),
            fixture_ids=path_examples(api, related),
            timestamps=tuple(name for name in ("created", "updated") if name in attr_properties),
            nullable=frozenset(name for name, schema in attr_properties.items() if _allows_null(api, schema)),
            attribute_schemas=attr_properties,
        )
    return kinds
