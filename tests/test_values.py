"""Realistic generated values: never the placeholder word `string`, values that satisfy the schema they fill."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest

from postman_kit import generate
from postman_kit.examples import ExampleBuilder
from postman_kit.scalars import is_date_time, number_value, pattern_examples, string_value
from tests.tools import CORPUS, require_corpus


def test_a_pattern_gives_a_string_it_matches() -> None:
    assert re.fullmatch(
        r"AC[0-9a-fA-F]{32}", string_value({"type": "string", "pattern": "^AC[0-9a-fA-F]{32}$"})
    )
    assert string_value({"type": "string", "pattern": "^(0|[1-9][0-9]*)$", "format": "snowflake"}) == "0"
    # exrex cannot express \S; the candidate is checked, and a neutral value that matches stands in
    assert re.search(r"\S+", string_value({"type": "string", "pattern": r"\S+"}))
    assert pattern_examples(".^") == ()  # nothing matches: no value is claimed to


def test_narrow_and_huge_bounds_give_a_number_inside_them() -> None:
    """A range narrower than one (3.1's numeric `exclusiveMinimum: 0.5, exclusiveMaximum: 0.6`, or 3.0's boolean
    form) gets its midpoint, not `-0.4`; an int64 bound past 2**53 stays exact (it came out as 9007199254740992)."""
    assert number_value({"exclusiveMinimum": 0.5, "exclusiveMaximum": 0.6}, integer=False) == 0.55
    narrow_30 = {"minimum": 0.5, "maximum": 0.6, "exclusiveMinimum": True, "exclusiveMaximum": True}
    assert number_value(narrow_30, integer=False) == 0.55
    assert number_value({"type": "integer", "minimum": 9007199254740993}, integer=True) == 9007199254740993
    assert number_value({"exclusiveMinimum": 9007199254740993}, integer=True) == 9007199254740994
    assert number_value({"multipleOf": 3, "minimum": 9007199254740994}, integer=True) == 9007199254740996


def test_a_string_holding_encoded_content_is_that_content() -> None:
    """JSON Schema's content keywords (OpenAPI 3.1): `contentEncoding: base64` is 3.0's `format: byte`, and a
    `contentMediaType: application/json` string holds the JSON text of its `contentSchema`."""
    builder = ExampleBuilder({})
    assert builder.build({"type": "string", "contentEncoding": "base64"}, "image") == "ZXhhbXBsZQ=="
    assert builder.build({"type": "string"}, "image") != "ZXhhbXBsZQ=="  # the cache tells the two apart
    meta = {"type": "object", "required": ["w"], "properties": {"w": {"type": "integer"}}}
    text = builder.build({"type": "string", "contentMediaType": "application/json", "contentSchema": meta})
    jsonschema.validate(orjson.loads(text), meta)


def test_an_object_or_list_example_written_as_json_text_is_the_document_it_spells() -> None:
    """Zulip's webhook payload (`properties`, no `type`, which a string satisfies) gave its example as JSON text:
    the response body was that text as one JSON string, with its `token` in full; Klaviyo's `phone_numbers`
    array example is JSON text too, and was replaced by `["example"]`."""
    builder = ExampleBuilder({}, "response")
    token = "xvOzfurIutdRRVLzpXrIIHXJvNfaJLJ0"
    payload = {"properties": {"data": {"type": "string"}, "token": {"type": "string"}}}
    shown = builder.build({**payload, "example": f'{{"data": "hi", "token": "{token}"}}'})
    assert shown == {"data": "hi", "token": "…JLJ0"}
    phones = {"type": "array", "items": {"type": "string"}, "example": '["+15005550006", "+15005550007"]'}
    assert ExampleBuilder({}).build(phones) == ["+15005550006", "+15005550007"]
    # a string's example is text, whatever it spells; a credential it names is truncated all the same
    text = builder.build({"type": "string", "example": f'{{"data":"hi","token":"{token}"}}'})
    assert text == '{"data":"hi","token":"…JLJ0"}'
    assert ExampleBuilder({}).build({"type": "object", "example": "{not json"}) == {}


def test_an_optional_property_recursion_cuts_under_all_of_is_left_out_not_sent_empty() -> None:
    """Vapi's JsonSchema requires `type` and its optional `items` is `allOf: [JsonSchema]`: where recursion cut
    `items`, `{}` was sent, lacking the `type` its schema requires."""
    json_schema = {
        "type": "object",
        "required": ["type"],
        "properties": {
            "type": {"type": "string", "enum": ["array", "string"]},
            "items": {"allOf": [{"$ref": "#/components/schemas/JsonSchema"}]},
        },
    }
    document = {"components": {"schemas": {"JsonSchema": json_schema}}}
    body = {
        "type": "object",
        "required": ["schema"],
        "properties": {"schema": {"$ref": "#/components/schemas/JsonSchema"}},
    }
    value = ExampleBuilder(document).build(body)
    jsonschema.validate(value, {**body, "components": document["components"]})
    assert value == {"schema": {"type": "array"}}


def test_a_base64_string_under_a_pattern_is_both() -> None:
    """Polar AccessLink's sample type id is `format: byte` with `pattern: [0-9]+`: `abc123` (the name's example)
    matched the unanchored pattern but is not base64, and the API refuses it."""
    value = string_value({"type": "string", "format": "byte", "pattern": "[0-9]+"}, "type-id")
    assert re.search("[0-9]+", value) and len(value) % 4 == 0
    assert base64.b64decode(value, validate=True)
    assert string_value({"type": "string", "format": "byte"}, "data") == "ZXhhbXBsZQ=="


def test_an_object_of_thousands_of_optional_properties_is_built_within_the_entry_budget() -> None:
    """One schema of 5,000 optional properties behind 1,500 operations made a 1 MB spec's collection 900 MB (2.3 GB
    of memory): an object's own properties count against MAX_BUILT_ENTRIES as they are placed, required ones
    always kept."""
    from postman_kit.examples import MAX_BUILT_ENTRIES

    properties = {f"p{i}": {"type": "string", "example": "v" * 20} for i in range(5000)}
    value = ExampleBuilder({}).build({"type": "object", "required": ["p4999"], "properties": properties})
    assert MAX_BUILT_ENTRIES <= len(value) <= MAX_BUILT_ENTRIES + 2 and value["p4999"] == "v" * 20


def test_a_one_of_whose_first_branch_is_an_all_of_of_closed_objects_sends_the_branch_that_takes_a_value() -> (
    None
):
    """Algolia's browse body: `oneOf: [allOf [allOf [closed {query}, closed {filters}], closed {cursor}], closed
    {params}]`. The first branch lets no property through (its closed parts share none), yet `{"cursor": …}` was
    sent, valid under neither branch; `{"params": …}` fits the second alone."""

    def closed(name: str, example: str) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: {"type": "string", "example": example}},
        }

    schemas = {
        "Query": closed("query", "shoes"), "Filters": closed("filters", "price > 10"),
        "Cursor": closed("cursor", "jMDY3M2MwM2Q"), "Params": closed("params", "hitsPerPage=2"),
        "Object": {"allOf": [{"$ref": "#/components/schemas/Query"}, {"$ref": "#/components/schemas/Filters"}]},
        "Config": {"allOf": [{"$ref": "#/components/schemas/Object"}, {"$ref": "#/components/schemas/Cursor"}]},
        "Browse": {"oneOf": [{"$ref": "#/components/schemas/Config"}, {"$ref": "#/components/schemas/Params"}]},
    }  # fmt: skip
    document = {"components": {"schemas": schemas}}
    value = ExampleBuilder(document).build({"$ref": "#/components/schemas/Browse"})
    assert value == {"params": "hitsPerPage=2"}
    jsonschema.validate(value, {"$ref": "#/components/schemas/Browse", **document})


def test_a_base_schema_whose_discriminator_maps_its_subtypes_is_built_as_the_first_of_them() -> None:
    """`Pet` (discriminator `pet_type`, mapping `kitty` → Cat, `doggo` → Dog) used as a body itself: `pet_type:
    example` names no subtype, so the body is a Cat, `kitty` and all Cat requires; Cat itself (whose allOf holds
    Pet) and Dog stay themselves."""
    pet = {
        "type": "object",
        "required": ["pet_type"],
        "properties": {"pet_type": {"type": "string"}},
        "discriminator": {
            "propertyName": "pet_type",
            "mapping": {"kitty": "#/components/schemas/Cat", "doggo": "Dog"},
        },
    }

    def subtype(field: str, kind: str) -> dict[str, Any]:
        own = {"type": "object", "required": [field], "properties": {field: {"type": kind}}}
        return {"allOf": [{"$ref": "#/components/schemas/Pet"}, own]}

    document = {
        "components": {
            "schemas": {"Pet": pet, "Cat": subtype("meows", "boolean"), "Dog": subtype("barks", "integer")}
        }
    }
    builder = ExampleBuilder(document)
    assert builder.build({"$ref": "#/components/schemas/Pet"}) == {"pet_type": "kitty", "meows": True}
    assert builder.build({"$ref": "#/components/schemas/Dog"})["barks"] == 1
    assert "meows" not in builder.build({"$ref": "#/components/schemas/Dog"})


def test_keywords_beside_a_ref_apply_under_openapi_31_only() -> None:
    """JSON Schema 2020-12 applies `{$ref: Name, maxLength: 5}` and `{$ref: Level, minimum: 50}` whole; OpenAPI
    3.0 ignores what sits beside a `$ref`. A spec example outside the bounds is not used."""
    schemas = {
        "Name": {"type": "string", "example": "Alexander the Great"},
        "Color": {"type": "string", "enum": ["red", "blue", "green"]},
        "Level": {"type": "integer", "minimum": 1, "maximum": 100, "example": 3},
    }
    body = {
        "type": "object",
        "properties": {
            "nick": {"$ref": "#/components/schemas/Name", "description": "short", "maxLength": 5},
            "color": {"$ref": "#/components/schemas/Color", "example": "blue"},
            "level": {"$ref": "#/components/schemas/Level", "minimum": 50},
        },
    }
    value = ExampleBuilder({"openapi": "3.1.0", "components": {"schemas": schemas}}).build(body)
    assert len(value["nick"]) <= 5 and value["color"] == "blue" and value["level"] >= 50
    jsonschema.validate(value["level"], {**schemas["Level"], "minimum": 50})
    as_30 = ExampleBuilder({"openapi": "3.0.3", "components": {"schemas": schemas}}).build(body)
    assert as_30 == {"nick": "Alexander the Great", "color": "red", "level": 3}


def test_a_list_example_whose_items_are_not_the_declared_type_is_not_used() -> None:
    """Together's video `frame_images` example is a list holding a list of frames, where the items are frame
    objects: validate flagged the body built from it."""
    frame = {"type": "object", "required": ["input_image"], "properties": {"input_image": {"type": "string"}}}
    frames = {"type": "array", "items": frame, "example": [[{"input_image": "a"}, {"input_image": "b"}]]}
    value = ExampleBuilder({}).build(frames)
    jsonschema.validate(value, frames)
    assert ExampleBuilder({}).build({**frames, "example": [{"input_image": "a"}]}) == [{"input_image": "a"}]


def test_a_default_outside_its_one_of_branches_is_not_used() -> None:
    """Meilisearch's log mode: `{oneOf: [{$ref: LogMode}], default: Human}` where LogMode's enum is lower case;
    the request sent `Human`, which no branch takes."""
    spec = {"components": {"schemas": {"LogMode": {"type": "string", "enum": ["human", "json"]}}}}
    mode = {"oneOf": [{"$ref": "#/components/schemas/LogMode"}], "default": "Human"}
    assert ExampleBuilder(spec).build(mode) == "human"
    assert ExampleBuilder(spec).build({**mode, "default": "json"}) == "json"  # a default that fits is kept


def test_a_discriminator_choosing_among_its_own_branches_names_one_of_them() -> None:
    """AdaptChat's channel payload, `allOf: [ChannelInfo, {name…}]`, where ChannelInfo's discriminator `type`
    picks among its inline `oneOf` branches (`type: {enum: [text]}`, …): the body sent the payload's own schema
    name as `type`, which no branch takes."""
    info = {
        "discriminator": {"propertyName": "type"},
        "oneOf": [
            {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string", "enum": [kind]}},
            }
            for kind in ("text", "voice")
        ],
    }
    payload = {
        "allOf": [
            {"$ref": "#/components/schemas/ChannelInfo"},
            {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
        ]
    }
    spec = {"components": {"schemas": {"ChannelInfo": info, "ChannelPayload": payload}}}
    value = ExampleBuilder(spec).build({"$ref": "#/components/schemas/ChannelPayload"})
    assert value["type"] == "text" and "name" in value


def test_a_schemas_own_object_example_is_mended_in_a_request_and_kept_in_a_response() -> None:
    """4Players' auth request: the schema's example holds `email: "email"` for a `format: email` property; the
    request sent it and the API's validator refused it. A response example shows the spec's example as written."""
    schema = {
        "type": "object",
        "required": ["email", "password"],
        "properties": {"email": {"type": "string", "format": "email"}, "password": {"type": "string"}},
        "example": {"email": "email", "password": "hunter2"},
    }
    sent = ExampleBuilder({}).build(schema)
    jsonschema.validate(sent, schema, format_checker=jsonschema.FormatChecker())
    assert sent["password"] == "hunter2"
    assert ExampleBuilder({}, "response").build(schema) == {"email": "email", "password": "hunter2"}


def test_a_required_object_cut_by_a_cycle_of_refs_keeps_its_required_scalars() -> None:
    """1EdTech's Open Badges: Profile → endorsement → EndorsementCredential → issuer → Profile. Where the cycle
    is cut, the issuer was `{}`, which Profile's `required: [id, type]` refuses."""
    profile = {
        "type": "object",
        "required": ["id", "type"],
        "properties": {
            "id": {"type": "string"},
            "type": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "endorsement": {"type": "array", "items": {"$ref": "#/components/schemas/Endorsement"}},
        },
    }
    endorsement = {
        "type": "object",
        "required": ["issuer"],
        "properties": {"issuer": {"$ref": "#/components/schemas/Profile"}},
    }
    spec = {"components": {"schemas": {"Profile": profile, "Endorsement": endorsement}}}
    value = ExampleBuilder(spec).build({"$ref": "#/components/schemas/Profile"})
    inner = value["endorsement"][0]["issuer"]
    assert set(inner) == {"id", "type"} and inner["type"]
    resolver = {"components": spec["components"], **profile}
    jsonschema.validate(value, resolver)


def test_tuples_and_contains_of_json_schema_2020_12_get_values_they_take() -> None:
    """`prefixItems` (a `[lat, lon, "WGS84"]` tuple, `items: false`) was sent as `[]`, and `contains` with
    `minContains: 2` as one entry."""
    point = {
        "type": "array",
        "prefixItems": [
            {"type": "number", "minimum": -90, "maximum": 90},
            {"type": "string", "enum": ["WGS84"]},
        ],
        "items": False,
        "minItems": 2,
    }
    roles = {"type": "array", "items": {"type": "string"}, "contains": {"const": "admin"}, "minContains": 2}
    opened = {
        "type": "array",
        "prefixItems": [{"const": "header"}],
        "items": {"type": "integer"},
        "minItems": 3,
    }
    for schema in (point, roles, opened):
        jsonschema.Draft202012Validator(schema).validate(ExampleBuilder({}).build(schema))
    assert ExampleBuilder({}).build(point) == [1, "WGS84"]


def test_a_map_that_must_hold_an_entry_gets_one_under_a_name_its_pattern_takes() -> None:
    labels = {
        "type": "object",
        "minProperties": 1,
        "patternProperties": {"^x-[a-z]+$": {"type": "string", "maxLength": 8}},
        "additionalProperties": False,
    }
    value = ExampleBuilder({}).build(labels)
    assert len(value) == 1
    jsonschema.Draft202012Validator(labels).validate(value)
    # any entries allowed: it was sent `{}`
    free = {"type": "object", "additionalProperties": True, "minProperties": 2}
    jsonschema.Draft202012Validator(free).validate(ExampleBuilder({}).build(free))


def test_a_value_not_rules_out_is_moved_off_it() -> None:
    """`not: {enum: [example, admin]}` was sent `example`; `not: {const: 1}` beside `minimum: 1` was sent 1."""
    for schema in (
        {"type": "string", "not": {"enum": ["example", "admin"]}},
        {"type": "string", "not": {"const": "Example name"}},
        {"type": "string", "not": {"pattern": "^[a-z]+$"}},
        {"type": "integer", "minimum": 1, "not": {"const": 1}},
    ):
        jsonschema.Draft202012Validator(schema).validate(ExampleBuilder({}).build(schema, "name"))


def test_a_property_brings_what_depends_on_it() -> None:
    """`dependentSchemas: {credit_card: {required: [cvv]}}`: the card number was sent without its cvv."""
    card = {"type": "string", "pattern": "^[0-9]{16}$"}
    pay = {
        "type": "object",
        "required": ["amount"],
        "properties": {"amount": {"type": "integer"}, "credit_card": card, "address": {"type": "string"}},
        "dependentRequired": {"credit_card": ["address"]},
        "dependentSchemas": {
            "credit_card": {
                "required": ["cvv"],
                "properties": {"cvv": {"type": "string", "pattern": "^[0-9]{3}$"}},
            }
        },
    }
    value = ExampleBuilder({}).build(pay)
    assert {"credit_card", "address", "cvv"} <= set(value)
    jsonschema.Draft202012Validator(pay).validate(value)


def test_discriminator_mappings_that_lead_back_to_each_other_end() -> None:
    """A maps its subtypes to B, B to A (hostile, or a spec's mistake): the base is followed once, not until
    Python's recursion limit ends generate with a traceback."""

    def based(key: str, other: str) -> dict[str, Any]:
        mapping = {key: f"#/components/schemas/{other}"}
        return {
            "type": "object",
            "properties": {"k": {"type": "string"}},
            "discriminator": {"propertyName": "k", "mapping": mapping},
        }

    document = {"components": {"schemas": {"A": based("b", "B"), "B": based("a", "A")}}}
    assert ExampleBuilder(document).build({"$ref": "#/components/schemas/A"}) == {"k": "b"}


def test_format_name_and_bounds_choose_the_value() -> None:
    assert string_value({"type": "string", "format": "email"}) == "jane.doe@example.com"
    assert string_value({"type": "string", "format": "uuid"}) == "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    # JSON Schema's `time` is RFC 3339's full-time: the offset is part of it, and a spec example without one gets
    # UTC's; a number written for a string is spelled as one (Xero's account code `example: 090`, 90 to YAML 1.2)
    time = {"type": "string", "format": "time"}
    assert string_value(time) == "00:00:00Z"
    assert ExampleBuilder({}).build({**time, "example": "23:20:50.52"}) == "23:20:50.52Z"
    assert ExampleBuilder({}).build({"type": "string", "example": 90}) == "90"
    assert ExampleBuilder({}).build({"type": "integer", "example": "12"}) == 12
    assert ExampleBuilder({}).build({**time, "example": "23:20:50.52+01:00"}) == "23:20:50.52+01:00"
    assert string_value({"type": "string"}, "first_name") == "Jane"
    assert string_value({"type": "string"}, "callbackUrl") == "https://example.com"
    assert string_value({"type": "string"}, "customer_id") == "abc123"
    assert string_value({"type": "string", "minLength": 10}) == "example000"
    assert string_value({"type": "string", "maxLength": 3}) == "exa"
    # a name's value that breaks the pattern gives way to the pattern
    assert string_value({"type": "string", "pattern": "^[0-9]+$"}, "email") == "0"
    assert number_value({"type": "integer", "minimum": 8000}, integer=True) == 8000
    assert number_value({"type": "integer", "minimum": 7, "multipleOf": 5}, integer=True) == 10
    assert number_value({"type": "integer", "multipleOf": 2}, integer=True) == 2  # readme's `multipleOf: 2`
    assert number_value({"type": "number", "multipleOf": 0.25}, integer=False) == 1
    assert number_value({"type": "integer", "maximum": 0, "exclusiveMaximum": True}, integer=True) == -1


def test_enums_under_all_of_and_scalar_all_of_are_honoured() -> None:
    document = {
        "components": {
            "schemas": {
                "ChannelTypes": {
                    "type": "integer",
                    "oneOf": [{"title": "DM", "const": 1}, {"title": "TEXT", "const": 0}],
                },
                "Snowflake": {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"},
                "Thing": {
                    "type": "object",
                    "required": ["kind", "parent_id", "status"],
                    "properties": {
                        "kind": {"allOf": [{"$ref": "#/components/schemas/ChannelTypes"}]},
                        "parent_id": {
                            "allOf": [{"$ref": "#/components/schemas/Snowflake"}],
                            "description": "a parent",
                        },
                        "status": {"allOf": [{"type": "string"}, {"enum": ["open", "closed"]}]},
                    },
                },
            }
        }
    }
    builder = ExampleBuilder(document)
    assert builder.build({"$ref": "#/components/schemas/Thing"}) == {
        "kind": 1,
        "parent_id": "0",
        "status": "open",
    }
    assert builder.declared({"allOf": [{"$ref": "#/components/schemas/ChannelTypes"}]}) == 1


def test_a_spec_example_without_its_format_s_shape_gives_way() -> None:
    builder = ExampleBuilder({})
    # Train Travel's own example for trip_id is one hex digit short of a uuid
    short = {"type": "string", "format": "uuid", "example": "4f4e4e1-c824-4d63-b37a-d8d698862f1d"}
    assert builder.build(short) == "3fa85f64-5717-4562-b3fc-2c963f66afa6"
    good = {"type": "string", "format": "uuid", "example": "b2e783e1-c824-4d63-b37a-d8d698862f1d"}
    assert builder.build(good) == good["example"]
    assert builder.build({"type": "string", "format": "email", "example": "jane"}) == "jane.doe@example.com"
    assert builder.build({"type": "string", "format": "ipv4", "example": "10.0.0.1"}) == "10.0.0.1"
    # Klaviyo 2023-08-15.pre's expires_at: a colon where the T belongs, which the sandbox and validate refuse
    built = builder.build({"type": "string", "format": "date-time", "example": "2023-01-01:T00:00:00Z"})
    assert built != "2023-01-01:T00:00:00Z" and is_date_time(built)
    offset = {"type": "string", "format": "date-time", "example": "2022-11-08T00:00:00+00:00"}
    assert builder.build(offset) == offset["example"]


def test_a_discriminator_names_the_branch_the_value_was_built_from() -> None:
    schemas = {
        "Pet": {
            "type": "object",
            "required": ["pet_type"],
            "properties": {"pet_type": {"type": "string"}},
            "discriminator": {"propertyName": "pet_type"},
        },
        "Cat": {
            "allOf": [
                {"$ref": "#/components/schemas/Pet"},
                {"type": "object", "properties": {"hunts": {"type": "boolean"}}},
            ]
        },
        "One": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
        "Two": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
    }
    builder = ExampleBuilder({"components": {"schemas": schemas}})
    # a subtype names itself; under a oneOf the mapping's key for the branch (by $ref or by name), else its name
    assert builder.build({"$ref": "#/components/schemas/Cat"}) == {"pet_type": "Cat", "hunts": True}
    one_of = [{"$ref": "#/components/schemas/One"}, {"$ref": "#/components/schemas/Two"}]
    assert builder.build({"oneOf": one_of, "discriminator": {"propertyName": "kind"}}) == {"kind": "One"}
    for target in ("#/components/schemas/One", "One"):
        mapped = {"oneOf": one_of, "discriminator": {"propertyName": "kind", "mapping": {"first": target}}}
        assert builder.build(mapped) == {"kind": "first"}
    # a property that allows only its own values keeps one of them (OpenAI's `type: {enum: [message]}`)
    schemas["Message"] = {"type": "object", "properties": {"type": {"type": "string", "enum": ["message"]}}}
    messages = {
        "oneOf": [{"$ref": "#/components/schemas/Message"}],
        "discriminator": {"propertyName": "type"},
    }
    assert ExampleBuilder({"components": {"schemas": schemas}}).build(messages) == {"type": "message"}
    # a whole number would fit both `number` and `integer`: under a oneOf the number branch gets a fraction
    assert builder.build({"oneOf": [{"type": "number"}, {"type": "integer"}]}) == 1.5
    assert builder.build({"oneOf": [{"type": "integer"}, {"type": "number"}]}) == 1.5
    assert builder.build({"oneOf": [{"type": "integer"}, {"type": "number", "maximum": 1}]}) == 1
    assert builder.build({"anyOf": [{"type": "number"}, {"type": "integer"}]}) == 1
    # a discriminator naming no property of the branch adds none
    assert builder.build({"oneOf": one_of, "discriminator": {"propertyName": "type"}}) == {"kind": "example"}


def test_branches_that_add_constraints_to_an_object_choose_its_properties() -> None:
    """OpenAI's file batch: `file_ids` or `files`, never neither (the body was `null`) and, under oneOf, not both."""
    batch = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "file_ids": {"type": "array", "minItems": 1, "items": {"type": "string"}},
            "files": {"type": "array", "minItems": 1, "items": {"type": "object"}},
            "attributes": {"type": "object"},
        },
    }
    builder = ExampleBuilder({})
    for key in ("anyOf", "oneOf"):
        schema = {**batch, key: [{"required": ["file_ids"]}, {"required": ["files"]}]}
        value = builder.build(schema)
        assert sorted(value) == ["attributes", "file_ids"]
        jsonschema.validate(value, schema)
    # a branch with properties of its own adds them; a branch of another type is passed over
    schema = {
        "type": "object",
        "properties": {"name": {"type": "string"}},
        "oneOf": [{"type": "string"}, {"properties": {"age": {"type": "integer"}}, "required": ["age"]}],
    }
    assert sorted(builder.build(schema)) == ["age", "name"]


def test_a_one_of_value_fits_one_branch_only_where_the_spec_allows_one() -> None:
    """Klaviyo's font family: `oneOf: [string, string from an enum]` with the enum's first entry as example and
    default; that entry fits both branches, so under oneOf none. A plain string fits the first alone."""
    fonts = ["Arial Black,Arial", "Georgia"]
    font = {
        "example": fonts[0],
        "default": fonts[0],
        "oneOf": [{"type": "string"}, {"type": "string", "enum": fonts}],
    }
    value = ExampleBuilder({}).build(font, "font_family")
    assert value not in fonts and isinstance(value, str)
    # a branch whose value another branch also takes gives way to one that is its own
    shape = {"oneOf": [{"type": "string", "enum": ["x"]}, {"type": "string"}]}
    assert ExampleBuilder({}).build(shape) == "example"
    # where every value fits both (two objects of optional properties) the first branch's stays
    loose = {"oneOf": [{"properties": {"a": {"type": "string"}}}, {"properties": {"b": {"type": "string"}}}]}
    assert ExampleBuilder({}).build(loose) == {"a": "example"}


def test_an_optional_property_whose_value_fits_several_one_of_branches_is_left_out() -> None:
    """Klaviyo's Create Campaign: `send_options` is `oneOf` three identical `{use_smart_sending}` objects, so any
    value fits all three and openapi-core refuses the body; left out, the body is valid. A required one stays."""
    smart = {"type": "object", "properties": {"use_smart_sending": {"type": "boolean"}}}
    body = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "send_options": {"oneOf": [smart, smart, smart]}},
    }
    value = ExampleBuilder({}).build(body)
    assert list(value) == ["name"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**value, "send_options": {"use_smart_sending": True}}, body)
    assert "send_options" in ExampleBuilder({}).build({**body, "required": ["send_options"]})
    # branches a value can tell apart keep the property
    apart = {"oneOf": [{**smart, "required": ["use_smart_sending"]}, {"type": "string"}]}
    assert "send_options" in ExampleBuilder({}).build({**body, "properties": {"send_options": apart}})


def test_an_optional_property_no_value_can_satisfy_is_left_out() -> None:
    """readme's quirks: `incompatible: {allOf: [string, integer]}` has no valid value; sending one fails the body."""
    body = {
        "type": "object",
        "properties": {
            "incompatible": {"allOf": [{"type": "string"}, {"type": "integer"}]},
            "compatible": {"allOf": [{"type": "object", "properties": {"name": {"type": "string"}}}]},
        },
    }
    assert sorted(ExampleBuilder({}).build(body)) == ["compatible"]
    required = {**body, "required": ["incompatible"]}  # required: sent all the same, as the spec asks
    assert "incompatible" in ExampleBuilder({}).build(required)


def test_a_required_property_the_schema_does_not_describe_is_still_sent() -> None:
    """Box's token revocation requires `grant_type` without describing it; a validator requires it all the same."""
    revoke = {"type": "object", "properties": {"token": {"type": "string"}}, "required": ["grant_type"]}
    value = ExampleBuilder({}).build(revoke)
    assert sorted(value) == ["grant_type", "token"] and isinstance(value["grant_type"], str)
    jsonschema.validate(value, revoke)
    # an allOf part requiring what another part describes keeps the describing part's value
    schemas = {"Base": {"type": "object", "properties": {"id": {"type": "integer", "example": 7}}}}
    child = {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "required": ["id"]}]}
    assert ExampleBuilder({"components": {"schemas": schemas}}).build(child) == {"id": 7}
    # required beside allOf, described by no part (DigitalOcean's uptime check `method`): sent, as it must be
    check = {
        "type": "object",
        "allOf": [{"type": "object", "properties": {"name": {"type": "string", "example": "Landing page"}}}],
        "required": ["name", "method"],
    }
    value = ExampleBuilder({}).build(check)
    assert sorted(value) == ["method", "name"] and value["name"] == "Landing page"
    jsonschema.validate(value, check)


def test_unique_fields_get_a_dynamic_value_only_in_requests_a_client_sends() -> None:
    schema = {
        "type": "object",
        "properties": {
            "email": {"type": "string", "example": "sarah@example.com"},
            "phone_number": {"type": "string"},
            "external_id": {"type": "string"},
            "code": {"type": "string", "pattern": "^[A-Z]+$"},
        },
    }
    sent = ExampleBuilder({}, "request", unique_values=True).build(schema)
    assert sent == {
        "email": "sarah+{{$guid}}@example.com",
        "phone_number": "+1{{$timestamp}}",
        "external_id": "{{$guid}}",
        "code": "EXAMPLE",
    }
    assert (
        ExampleBuilder({}, "request").build(schema)["email"] == "sarah@example.com"
    )  # the sandbox's own data
    assert ExampleBuilder({}, "response", unique_values=True).build(schema)["email"] == "sarah@example.com"


# -- the corpus ----------------------------------------------------------------------------------------------------
def corpus_specs() -> list[Path]:
    real_world = CORPUS / "real-world"
    specs = sorted(real_world.glob("*.json")) + sorted(real_world.glob("*.y*ml"))
    specs += sorted(real_world.glob("train-travel/openapi.yaml"))
    specs += sorted(real_world.glob("readme-oas-examples/3.*/json/*.json"))
    specs += sorted((CORPUS / "twilio").glob("*.json"))
    specs += sorted((CORPUS / "klaviyo" / "stable").glob("*.json"))[-1:]
    return specs


LITERAL_TEMPLATE = re.compile(r"\{[A-Za-z_][\w.-]*\}")


def _items(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for node in nodes:
        out.extend(_items(node["item"]) if "item" in node else [node])
    return out


def _strings(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in _strings(v, k)]
    if isinstance(value, list):
        return [found for v in value for found in _strings(v, key)]
    return []


def _declares_string(document: Any) -> set[str]:
    """Property names whose schema lists `string` as a value of its own (Klaviyo's filter `type` enum)."""
    names: set[str] = set()
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for name, prop in (
                (node.get("properties") or {}).items() if isinstance(node.get("properties"), dict) else ()
            ):
                if isinstance(prop, dict) and "string" in (prop.get("enum") or []) + [prop.get("const")]:
                    names.add(name)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return names


def placeholder_findings(collection: dict[str, Any], allowed_string_keys: set[str]) -> list[str]:
    """Every request value that is the word `string`, a literal `{name}` path value, or an empty value of a
    parameter the request sends (an enabled query parameter or header, every path variable)."""
    found = []
    for item in _items(collection["item"]):
        request, name = item["request"], item["name"]
        url = request["url"]
        for variable in url.get("variable", []):
            value = variable.get("value") or ""
            if value == "string" or not value or LITERAL_TEMPLATE.search(value):
                found.append(f"{name}: path variable {variable['key']}={value!r}")
        for kind, entries in (("query", url.get("query", [])), ("header", request.get("header", []))):
            for entry in entries:
                value = entry.get("value") or ""
                if value == "string" or (not entry.get("disabled") and not value.strip()):
                    found.append(f"{name}: {kind} {entry['key']}={value!r}")
        body = request.get("body") or {}
        if body.get("mode") == "raw" and body.get("raw", "").lstrip().startswith(("{", "[")):
            try:
                document = orjson.loads(body["raw"])
            except orjson.JSONDecodeError:
                document = None
            found += [
                f"{name}: body {key}='string'"
                for key, value in _strings(document)
                if value == "string" and key not in allowed_string_keys
            ]
        for field in body.get("urlencoded", []) + body.get("formdata", []):
            if field.get("value") == "string":
                found.append(f"{name}: form field {field['key']}='string'")
    return found


@pytest.mark.corpus
def test_no_corpus_request_holds_a_placeholder(tmp_path: Path) -> None:
    require_corpus()
    findings: dict[str, list[str]] = {}
    checked = 0
    for spec in corpus_specs():
        result = generate(str(spec), tmp_path / spec.parent.name / spec.stem)
        collection = orjson.loads(result.files[0].read_bytes())
        problems = placeholder_findings(collection, _declares_string(result.build.api.document))
        checked += len(_items(collection["item"]))
        if problems:
            findings[spec.name] = problems[:5]
    assert checked > 2000
    assert findings == {}


def test_the_corpus_check_finds_what_it_looks_for() -> None:
    collection = {
        "item": [
            {
                "name": "Get",
                "request": {
                    "url": {
                        "variable": [{"key": "id", "value": "{id}"}, {"key": "sid", "value": ""}],
                        "query": [
                            {"key": "q", "value": "string", "disabled": True},
                            {"key": "page", "value": ""},
                        ],
                    },
                    "header": [{"key": "X-Id", "value": " "}],
                    "body": {"mode": "raw", "raw": '{"a": {"type": "string", "name": "string"}}'},
                },
            }
        ]
    }
    assert placeholder_findings(collection, {"type"}) == [
        "Get: path variable id='{id}'",
        "Get: path variable sid=''",
        "Get: query q='string'",
        "Get: query page=''",
        "Get: header X-Id=' '",
        "Get: body name='string'",
    ]


def test_unique_items_and_non_empty_maps_are_built_as_their_schema_asks() -> None:
    document = {"components": {"schemas": {"Snowflake": {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"}}}}
    builder = ExampleBuilder(document)
    ids = builder.build(
        {
            "type": "array",
            "minItems": 2,
            "uniqueItems": True,
            "items": {"$ref": "#/components/schemas/Snowflake"},
        }
    )
    assert len(set(ids)) == 2 and all(re.fullmatch("0|[1-9][0-9]*", i) for i in ids)
    assert builder.build(
        {"type": "array", "minItems": 3, "uniqueItems": True, "items": {"type": "integer"}}
    ) == [1, 2, 3]
    config = builder.build(
        {"type": "object", "minProperties": 1, "additionalProperties": {"type": "integer", "minimum": 5}}
    )
    assert config == {"additionalProp1": 5}


@pytest.mark.corpus
def test_vendor_requests_this_stop_mended_are_ones_their_specs_accept(tmp_path: Path) -> None:
    """The requests the wire check found wrong, as the vendors' own specs generate them: Stripe's file link id
    stays one path segment, OpenAI's file batch names its files, Spotify's cover carries its base64 data, and the
    body of Klaviyo's Create Form picks font families only the free-text branch of their oneOf takes."""
    corpus = require_corpus()
    built = {}
    for name, spec in (
        ("stripe", corpus / "real-world" / "stripe-spec3-2022-04-12.json"),
        ("openai", corpus / "real-world" / "openai.yaml"),
        ("spotify", corpus / "real-world" / "spotify.yml"),
        ("klaviyo", corpus / "klaviyo" / "stable" / "2026-07-15.json"),
    ):
        result = generate(str(spec), tmp_path / name)
        built[name] = {
            (item["request"]["method"], item["request"]["url"]["raw"]): item["request"]
            for item in _items(orjson.loads(result.files[0].read_bytes())["item"])
        }
    link = built["stripe"][("GET", "{{baseUrl}}/v1/file_links/:link")]["url"]["variable"][0]["value"]
    assert "/" not in link
    batch = built["openai"][("POST", "{{baseUrl}}/vector_stores/:vector_store_id/file_batches")]["body"][
        "raw"
    ]
    assert "file_ids" in orjson.loads(batch)
    cover = built["spotify"][("PUT", "{{baseUrl}}/playlists/:playlist_id/images")]["body"]
    assert cover["mode"] == "raw" and cover["raw"].startswith("/9j/")
    form = built["klaviyo"][("POST", "{{baseUrl}}/api/forms")]["body"]["raw"]
    families = set(re.findall(r'"font_family": "([^"]*)"', form))
    assert families and "Arial, 'Helvetica Neue', Helvetica, sans-serif" not in families


def test_read_only_given_by_an_all_of_part_is_not_sent() -> None:
    """Asana marks `supported_goal` read-only in an allOf part beside the goal's schema; a request that sends it
    is refused (`Tried to write read-only property`)."""
    schemas = {
        "GoalCompact": {
            "type": "object",
            "properties": {"name": {"type": "string", "example": "Grow traffic"}},
        },
        "GoalRelationship": {
            "type": "object",
            "properties": {
                "contribution_weight": {"type": "number", "example": 1.0},
                "supported_goal": {
                    "allOf": [
                        {"$ref": "#/components/schemas/GoalCompact"},
                        {"type": "object", "readOnly": True},
                    ]
                },
            },
        },
    }
    document = {"components": {"schemas": schemas}}
    ref = {"$ref": "#/components/schemas/GoalRelationship"}
    assert ExampleBuilder(document, "request").build(ref) == {"contribution_weight": 1.0}
    assert ExampleBuilder(document, "response").build(ref) == {
        "contribution_weight": 1.0,
        "supported_goal": {"name": "Grow traffic"},
    }


def test_a_read_only_field_the_schema_also_requires_stays_in_the_documented_example() -> None:
    """PagerDuty's references: a shared part marks `id` and `type` readOnly, a sibling part requires both. No
    body satisfies both; the author's example sends them, as the API asks, and an optional readOnly `self`
    (copied from a response) is left out."""
    entity = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "type": {"type": "string", "readOnly": True},
            "self": {"type": "string", "readOnly": True},
        },
    }
    document = {"components": {"schemas": {"Entity": entity}}}
    reference = {
        "allOf": [{"$ref": "#/components/schemas/Entity"}, {"type": "object", "required": ["id", "type"]}]
    }
    example = {"id": "PWL7QXS", "type": "team_reference", "self": "https://api.example.test/teams/PWL7QXS"}
    assert ExampleBuilder(document, "request").mended(reference, example) == {
        "id": "PWL7QXS",
        "type": "team_reference",
    }
    assert ExampleBuilder(document, "response").mended(reference, example) == example


def test_a_documented_example_is_sent_as_its_schema_types_it() -> None:
    """Vendors' examples drift from their schemas: Intercom's `admin_id: 991267731` where a string is declared,
    Xero's `Amount: "50.00"` for a number and a bank transaction without its required `LineItems`, a
    platform spelled `APNs` for the enum's `apns`. The request sends the example's values as the schema types
    them (Twilio's one `ringing` where a list is declared: a list of it), a value built from the schema where
    none can be read off, and leaves the rest as written."""
    line = {"type": "object", "properties": {"Description": {"type": "string", "example": "Coffee"}}}
    schema = {
        "type": "object",
        "required": ["admin_id", "LineItems"],
        "properties": {
            "admin_id": {"type": "string"},
            "Amount": {"type": "number"},
            "Count": {"type": "integer"},
            "platform": {"type": "string", "enum": ["apns", "fcm"]},
            "state": {"type": "string", "enum": ["open", "closed"]},
            "note": {"type": "string"},
            "LineItems": {"type": "array", "items": line},
            "tags": {"type": "array", "items": {"type": "string"}},
            "events": {"type": "array", "items": {"type": "string"}},
        },
    }
    example = {
        "events": "ringing",
        "admin_id": 991267731,
        "Amount": "50.00",
        "Count": "3",
        "platform": "APNs",
        "state": "pending",
        "note": None,
        "tags": ["a", 7],
    }
    assert ExampleBuilder({}, "request").mended(schema, example) == {
        "admin_id": "991267731",
        "Amount": 50,
        "Count": 3,
        "platform": "apns",
        "state": "open",
        "tags": ["a", "7"],
        "events": ["ringing"],
        "LineItems": [{"Description": "Coffee"}],
    }
    fine = {"admin_id": "991267731", "LineItems": [], "note": "as written"}
    assert ExampleBuilder({}, "request").mended(schema, fine) == fine


def test_a_documented_example_is_mended_against_the_branch_it_is_an_instance_of() -> None:
    """Intercom's reply body is one of several objects told apart by `message_type`; its example's
    `admin_id` is a number where that branch declares a string. Xero's date of birth is written as a
    date-time, a custom attribute map holds a number for a string, and a 24-character id is declared a uuid,
    which no value can be: that one is sent as the author wrote it."""
    close = {
        "type": "object",
        "properties": {
            "message_type": {"type": "string", "enum": ["close"]},
            "admin_id": {"type": "string"},
            "born": {"type": "string", "format": "date"},
            "custom": {"type": "object", "additionalProperties": {"type": "string"}},
            "contact": {"type": "string", "format": "uuid", "minLength": 24, "maxLength": 24},
        },
    }
    note = {
        "type": "object",
        "properties": {"message_type": {"type": "string", "enum": ["note"]}, "admin_id": {"type": "integer"}},
    }
    reply = {"oneOf": [note, close]}
    example = {
        "message_type": "close",
        "admin_id": 991267708,
        "born": "1999-01-01T00:00:00Z",
        "custom": {"total_amount": 99.99},
        "contact": "6762f11b1bb69f9f2193bba3",
    }
    assert ExampleBuilder({}, "request").mended(reply, example) == {
        "message_type": "close",
        "admin_id": "991267708",
        "born": "1999-01-01",
        "custom": {"total_amount": "99.99"},
        "contact": "6762f11b1bb69f9f2193bba3",
    }
    assert ExampleBuilder({}, "request").mended(reply, {"message_type": "note", "admin_id": 7}) == {
        "message_type": "note",
        "admin_id": 7,
    }


def test_a_path_parameter_whose_pattern_takes_an_empty_string_gets_a_segment(tmp_path) -> None:
    """Prowlarr's `GET /{path}` with `pattern: ^(?!api/).*`: the pattern's first match is the empty string, and
    the request went out as `GET /`, which is another operation."""
    from tests.support.generate import OK, build_json, minimal_spec, requests_by_name

    param = {
        "name": "path",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "pattern": "^(?!api/).*"},
    }
    spec = minimal_spec({"/{path}": {"get": {"summary": "Static", "parameters": [param], "responses": OK}}})
    [variable] = requests_by_name(build_json(tmp_path, spec))["Static"]["request"]["url"]["variable"]
    assert variable["value"] == "example"


def test_a_list_in_an_example_where_the_schema_wants_an_object_is_mended() -> None:
    """Svix's event type `schemas` map (values: objects) has an example holding `required: ["invoiceId"]`, a
    list; strings were mended to objects and the list stayed, which the API's validator refused. Okta's
    `elements` example is a list for an object as well."""
    schema = {
        "type": "object",
        "properties": {"schemas": {"type": "object", "additionalProperties": {"type": "object"}}},
        "example": {"schemas": {"title": "Invoice", "properties": {"id": {}}, "required": ["id"]}},
    }
    sent = ExampleBuilder({}).build(schema)
    jsonschema.validate(sent, schema)
    assert sent["schemas"]["properties"] == {"id": {}}


@pytest.mark.parametrize(
    ("schema", "value"),
    [
        ({"type": "string", "minLength": 4, "maxLength": 4, "pattern": "^[0-9]+$"}, "0000"),
        ({"type": "string", "minLength": 6, "pattern": "^[a-z]+$"}, "aaaaaa"),
        ({"type": "string", "minLength": 3, "maxLength": 3, "pattern": "^[A-Z]{2}[0-9]+$"}, "AA0"),
    ],
)
def test_a_pattern_with_length_bounds_gets_a_value_that_meets_both(
    schema: dict[str, Any], value: str
) -> None:
    """PayPal's orders API: a four-digit `^[0-9]+$` got "exam", the neutral word cut to length, which the pattern
    refuses; the pattern's own shortest string was too short."""
    assert string_value(schema) == value
    jsonschema.validate(value, schema)


def test_a_schemas_example_its_own_pattern_refuses_gives_way() -> None:
    """FusionAuth's ZoneId: `pattern: ^w+/w+$` beside `example: America/Denver`; the example went out as written
    (11 requests the spec refuses, and errors from validate on the kit's own output). A pattern Python cannot
    read takes the example as it is."""
    zone = {"type": "string", "pattern": "^w+/w+$", "example": "America/Denver"}
    body = {"type": "object", "required": ["tz"], "properties": {"tz": zone}}
    value = ExampleBuilder({}).build(body)
    assert value == {"tz": "w/w"}
    jsonschema.validate(value, body)
    unreadable = {"type": "string", "pattern": "^[\\p{L} ]+$", "example": "Zoë"}
    assert ExampleBuilder({}).build(unreadable) == "Zoë"


def test_a_read_only_property_under_one_of_is_left_out_of_a_requests_example() -> None:
    """BigCommerce's page body is `oneOf: [{anyOf: [Page]}, {type: array, items: Page}]` with Page's
    `channel_id` readOnly: it was stripped from `$ref: Page` but sent from under the oneOf."""
    page = {
        "allOf": [
            {
                "type": "object",
                "properties": {
                    "channel_id": {"type": "integer", "readOnly": True},
                    "name": {"type": "string"},
                },
            }
        ]
    }
    document = {"openapi": "3.0.3", "components": {"schemas": {"Page": page}}}
    body = {
        "oneOf": [
            {"anyOf": [{"$ref": "#/components/schemas/Page"}]},
            {"type": "array", "items": {"$ref": "#/components/schemas/Page"}},
        ]
    }
    mended = ExampleBuilder(document).mended(body, {"channel_id": 1, "name": "Content Page"})
    assert mended == {"name": "Content Page"}


def test_all_of_closed_objects_takes_only_what_every_closed_part_names() -> None:
    """Algolia's settings: `allOf` of objects each with `additionalProperties: false`; merging every part's
    properties gave a body each part refuses (9 of its 10 validate errors). A property a part requires stays."""
    closed = [
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {"facets": {"type": "array", "example": ["genre"]}},
        },
        {
            "type": "object",
            "additionalProperties": False,
            "properties": {"hitsPerPage": {"type": "integer", "example": 20}},
        },
    ]
    schema = {"allOf": closed}
    value = ExampleBuilder({}).build(schema)
    assert value == {}
    jsonschema.validate(value, schema)
    open_part = {
        "allOf": [closed[0], {"type": "object", "properties": {"query": {"type": "string", "example": "q"}}}]
    }
    assert ExampleBuilder({}).build(open_part) == {"facets": ["genre"]}


def test_a_default_its_own_schema_refuses_is_not_a_parameters_value() -> None:
    """PayPal's disputes `start_time` defaults to "Current date and time" beside a date-time pattern; PagerDuty's
    `limit` (an integer from 1 to 100) to "20 - incident_summary". Both went out as the parameter's value."""
    start = {
        "type": "string",
        "minLength": 20,
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T",
        "default": "Current date and time",
    }
    limit = {"type": "integer", "minimum": 1, "maximum": 100, "default": "20 - incident_summary"}
    builder = ExampleBuilder({})
    assert builder.declared(start) is None and builder.declared(limit) is None
    for schema in (start, limit):
        jsonschema.validate(builder.build(schema), {k: v for k, v in schema.items() if k != "default"})


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "number", "multipleOf": 1e-300, "minimum": 1e300},
        {"type": "integer", "minimum": float("inf")},
        {"type": "integer", "exclusiveMaximum": float("-inf")},
    ],
)
def test_bounds_past_a_floats_range_give_a_number_not_a_traceback(schema: dict[str, Any]) -> None:
    """`multipleOf: 1e-300` beside `minimum: 1e300`, or YAML's `.inf` as a bound, raised OverflowError out of
    generate, diff and upgrade."""
    value = number_value(schema, schema["type"] == "integer")
    assert isinstance(value, int | float) and value == value


def test_huge_minimums_give_a_bounded_value() -> None:
    """`minLength: 1000000000` padded a gigabyte string; `minProperties` and `minContains` of a hundred million
    built that many entries: generate ran for minutes on a 300-byte spec."""
    builder = ExampleBuilder({"openapi": "3.1.0"})
    assert len(builder.build({"type": "string", "minLength": 1_000_000_000})) <= 10_000
    assert len(builder.build({"type": "object", "minProperties": 100_000_000})) <= 100
    assert (
        len(builder.build({"type": "array", "contains": {"type": "string"}, "minContains": 100_000_000}))
        <= 100
    )


def test_unique_items_of_an_enum_are_the_enums_own_values() -> None:
    """`uniqueItems` with `minItems: 3` over `enum: [a, b, c]` gave `["a", "a2", "a3"]`, which validate then
    failed on the kit's own output."""
    schema = {
        "type": "array",
        "minItems": 3,
        "uniqueItems": True,
        "items": {"type": "string", "enum": ["a", "b", "c"]},
    }
    value = ExampleBuilder({}).build(schema)
    assert value == ["a", "b", "c"]
    jsonschema.validate(value, schema)


def test_a_repetition_count_past_pythons_digit_limit_is_no_traceback() -> None:
    """A count of 6,000 digits (`a{999…}`) was read as a number to compare with the bound, which Python refuses
    past 4,300 digits."""
    from postman_kit.scalars import bounded

    pattern = "a{" + "9" * 6000 + "}"
    assert not bounded(pattern)
    assert isinstance(string_value({"type": "string", "pattern": pattern}), str)


def test_a_value_borrowed_from_a_namesake_keeps_to_this_propertys_format() -> None:
    """Lithic's `dob` (`format: date`, no example) took `Individual.dob`'s example `1991-03-08 08:00:00`, a
    date-time: openapi-core refused the request. A borrowed value must be of this property's format."""
    document = {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "Person": {"type": "object", "properties": {"dob": {"type": "string", "example": "1991-03-08 08:00:00"}}},
                "Patch": {"type": "object", "properties": {"dob": {"type": "string", "format": "date"}}},
                "Other": {"type": "object", "properties": {"dob": {"type": "string", "format": "date"}, "born": {"type": "string"}}},
            }
        },
    }  # fmt: skip
    builder = ExampleBuilder(document, "request")
    dob = builder.build({"$ref": "#/components/schemas/Patch"})["dob"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", dob)
    untyped = ExampleBuilder(document, "request").build(
        {"type": "object", "properties": {"dob": {"type": "string"}}}
    )
    assert (
        untyped["dob"] == "1991-03-08 08:00:00"
    )  # no format: the namesake's example is still the best guess


def test_max_properties_leaves_room_for_so_many_keys_and_a_whole_one_is_chosen() -> None:
    """OpenSearch's query DSL: a container that takes exactly one of its keys got all of them, and a key whose
    required query loops back to the container was written `{}` where `minProperties: 1` refuses it."""
    query = {
        "type": "object",
        "minProperties": 1,
        "maxProperties": 1,
        "properties": {
            "has_child": {
                "type": "object",
                "required": ["query", "type"],
                "properties": {"type": {"type": "string"}, "query": {"$ref": "#/components/schemas/Query"}},
            },
            "match_all": {"type": "object"},
            "term": {"type": "object", "properties": {"field": {"type": "string"}}},
        },
    }
    two_of = {"type": "object", "maxProperties": 2, "required": ["id"],
              "properties": {"id": {"type": "integer"}, "a": {"type": "string"}, "b": {"type": "string"}}}  # fmt: skip
    document = {"openapi": "3.1.0", "components": {"schemas": {"Query": query, "TwoOf": two_of}}}
    for direction in ("request", "response"):
        builder = ExampleBuilder(document, direction)
        for name in ("Query", "TwoOf"):
            schema = {"$ref": f"#/components/schemas/{name}"}
            value = builder.build(schema)
            validator = jsonschema.Draft202012Validator({**schema, "components": document["components"]})
            assert list(validator.iter_errors(value)) == [], (name, value)
        assert builder.build({"$ref": "#/components/schemas/Query"}) == {"match_all": {}}
        assert set(builder.build({"$ref": "#/components/schemas/TwoOf"})) == {"id", "a"}


def test_a_parameter_under_one_of_an_enum_and_any_string_gets_a_value_only_one_branch_takes(tmp_path) -> None:
    """Okta's roleRef (path) and scope (query): `oneOf: [RoleType enum, RoleId string]`. `SUPER_ADMIN` fits both
    branches, so it is valid under neither; a body's value was already built as one branch alone takes."""
    from postman_kit.examples import RequestValues
    from postman_kit.openapi import load_api

    ref = {"oneOf": [{"$ref": "#/components/schemas/RoleType"}, {"$ref": "#/components/schemas/RoleId"}]}
    parameters = [
        {"name": "roleRef", "in": "path", "required": True, "schema": ref},
        {"name": "scope", "in": "query", "required": True, "schema": ref},
    ]
    schemas = {
        "RoleType": {"type": "string", "enum": ["SUPER_ADMIN", "ORG_ADMIN"]},
        "RoleId": {"type": "string"},
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Roles", "version": "1"},
        "paths": {
            "/roles/{roleRef}": {
                "get": {"parameters": parameters, "responses": {"200": {"description": "OK"}}}
            }
        },
        "components": {"schemas": schemas},
    }
    path = tmp_path / "spec.json"
    path.write_bytes(orjson.dumps(spec))
    api = load_api(str(path))
    values = RequestValues(api, ExampleBuilder(api.document))
    validator = jsonschema.Draft4Validator({**ref, "components": spec["components"]})
    for param in api.operations[0].parameters:
        value = values.parameter(param, api.operations[0])
        assert isinstance(value, str) and value not in ("SUPER_ADMIN", "ORG_ADMIN")
        assert list(validator.iter_errors(value)) == [], (param.name, value)


def test_a_property_one_all_of_part_marks_read_only_stays_out_though_another_part_describes_it() -> None:
    """Okta's AccessPolicy: `allOf: [Policy, {properties: {_embedded: …}}]` where Policy's `_embedded` is
    readOnly; the create body sent it, which the API (and validate) refuses. In a response it is shown."""
    policy = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "_embedded": {"type": "object", "readOnly": True, "additionalProperties": {"type": "object"}},
        },
    }
    access = {
        "allOf": [
            {"$ref": "#/components/schemas/Policy"},
            {
                "type": "object",
                "properties": {"_embedded": {"type": "object", "properties": {"kind": {"type": "string"}}}},
            },
        ]
    }
    document = {"openapi": "3.0.3", "components": {"schemas": {"Policy": policy, "AccessPolicy": access}}}
    schema = {"$ref": "#/components/schemas/AccessPolicy"}
    assert "_embedded" not in ExampleBuilder(document, "request").build(schema)
    assert "_embedded" in ExampleBuilder(document, "response").build(schema)


def test_a_kind_naming_property_s_example_is_not_lent_to_a_parameter_of_that_name() -> None:
    """Intercom's `GET /events?type=` ("The value must be user") was sent `activity_log.list`, the `type` of
    another schema; an `id`'s example is still lent."""
    from postman_kit.examples import SpecExamples

    document = {
        "components": {
            "schemas": {
                "activity_log_list": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string", "example": "activity_log.list"},
                        "id": {"example": "42"},
                    },
                }
            }
        }
    }
    examples = SpecExamples(document)
    assert examples.example("type") is None and examples.example("id") == "42"


def test_if_then_else_and_pattern_properties_give_a_value_the_schema_takes() -> None:
    """3.1's `if`/`then`/`else` was ignored (a US postal code of any text), and `patternProperties` under
    `minProperties: 2` gave one key."""
    address = {
        "type": "object",
        "required": ["country", "postal"],
        "properties": {"country": {"type": "string", "enum": ["US", "CA"]}, "postal": {"type": "string"}},
        "if": {"properties": {"country": {"const": "US"}}},
        "then": {"properties": {"postal": {"pattern": "^[0-9]{5}$"}}},
        "else": {"properties": {"postal": {"pattern": "^[A-Z][0-9][A-Z] [0-9][A-Z][0-9]$"}}},
    }
    canadian = {
        **address,
        "properties": {**address["properties"], "country": {"type": "string", "enum": ["CA"]}},
    }
    headers = {
        "type": "object",
        "minProperties": 2,
        "patternProperties": {"^x-[a-z]+$": {"type": "integer"}},
        "additionalProperties": False,
    }
    document = {"openapi": "3.1.0"}
    for schema in (address, canadian, headers):
        value = ExampleBuilder(document, "request").build(schema)
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(value)) == [], value


def test_a_format_under_length_bounds_keeps_its_form() -> None:
    """`format: byte` with `maxLength: 8` was `example` padded or cut (no base64), an email under `maxLength: 10`
    was `example`: each is the format's own value at a length the bounds allow."""
    import base64

    for bounds in ({"maxLength": 8}, {"minLength": 20}, {"maxLength": 12, "minLength": 12}):
        value = string_value({"type": "string", "format": "byte", **bounds})
        assert base64.b64decode(value, validate=True) and len(value) % 4 == 0, value
        assert len(value) <= bounds.get("maxLength", 999) and len(value) >= bounds.get("minLength", 0)
    for bounds in ({"maxLength": 10}, {"minLength": 30}):
        value = string_value({"type": "string", "format": "email", **bounds})
        assert re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]+", value), value
        assert len(value) <= bounds.get("maxLength", 999) and len(value) >= bounds.get("minLength", 0)


def test_an_empty_example_elsewhere_lends_no_value_to_a_required_parameter() -> None:
    """Datadog's widgets show `query: ""`: its required `GET /api/v1/query?query=` was sent empty."""
    from postman_kit.examples import SpecExamples

    document = {
        "components": {"schemas": {"Widget": {"properties": {"query": {"type": "string", "example": ""}}}}}
    }
    assert SpecExamples(document).example("query") is None


def test_unique_items_of_objects_are_told_apart_by_one_of_their_values() -> None:
    """`uniqueItems` with `minItems: 2` of objects gave one object, under the minimum."""
    schema = {
        "type": "array",
        "uniqueItems": True,
        "minItems": 2,
        "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
    }
    value = ExampleBuilder({"openapi": "3.0.3"}, "request").build(schema)
    assert len(value) == 2 and value[0] != value[1]
    assert list(jsonschema.Draft4Validator(schema).iter_errors(value)) == []


def test_a_spec_example_s_object_no_branch_of_its_schema_takes_is_not_sent() -> None:
    """ElevenLabs' tool schema example gives `query_params_schema: {param1: …}`, which lacks the `properties`
    every branch of its `anyOf` requires: the body sent it and validate refused the kit's own output."""
    params = {
        "type": "object",
        "required": ["properties"],
        "additionalProperties": False,
        "properties": {"properties": {"type": "object"}},
    }
    api_schema = {
        "type": "object",
        "required": ["url"],
        "properties": {
            "url": {"type": "string"},
            "query_params_schema": {"anyOf": [params, {"type": "null"}]},
        },
        "example": {"url": "https://example.com/a", "query_params_schema": {"param1": {"type": "string"}}},
    }
    value = ExampleBuilder({"openapi": "3.1.0"}, "request").build(api_schema)
    assert value == {"url": "https://example.com/a"}
    assert list(jsonschema.Draft202012Validator(api_schema).iter_errors(value)) == []


def test_patterns_a_backtracking_matcher_runs_in_polynomial_time_of_high_degree_are_not_bounded() -> None:
    """`^(\\d+){10}x$` and `\\d*\\d*\\d*\\d*\\d*x` passed as bounded: a 44-digit example stalled generate and
    validate past a minute, and one such path id froze the sandbox. The patterns specs write stay bounded."""
    from postman_kit.scalars import bounded

    assert not bounded(r"^(\d+){10}x$") and not bounded(r"\d*\d*\d*\d*\d*x") and not bounded(r"(a|aa)+")
    # a part that may match nothing between them does not end the run (60 digits never finished)
    assert not bounded(r"^\d*a?\d*a?\d*a?\d*a?\d*a?x$") and not bounded(
        r"^(?:\d+)?(?:\d+)?(?:\d+)?(?:\d+)?x$"
    )
    assert bounded(r"^[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*$") and bounded(r"^\+?[1-9]\d{1,14}$")
    for written in (r"^(\d{1,3}\.){3}\d{1,3}$", r"^[a-z0-9]+(?:-[a-z0-9]+)*$", r"^AC[0-9a-fA-F]{32}$",
                    r"^\s*\w+\s*$", r"^(0|[1-9][0-9]*)$"):  # fmt: skip
        assert bounded(written), written
    started = time.monotonic()
    assert string_value({"type": "string", "pattern": r"^(\d+){10}x$", "example": "1" * 44}) is not None
    assert time.monotonic() - started < 5


def test_a_schema_examples_value_no_part_of_its_composed_schema_takes_is_not_sent() -> None:
    """openapi-generator's rewrite of Fly's and Authentik's specs puts an example on each schema with `""` for an
    enum behind `allOf` and `"{}"` for an object: sent as written, 53 of Authentik's bodies were refused."""
    schemas = {
        "Mode": {"type": "string", "enum": ["identifier", "email_link"]},
        "Config": {"type": "object", "properties": {"image": {"type": "string"}}},
        "Create": {
            "type": "object",
            "required": ["name", "mode"],
            "example": {"name": "web", "mode": "", "config": "{}", "region": "ams"},
            "properties": {
                "name": {"type": "string"},
                "mode": {"allOf": [{"$ref": "#/components/schemas/Mode"}]},
                "config": {"allOf": [{"$ref": "#/components/schemas/Config"}], "type": "object"},
                "region": {"type": "string"},
            },
        },
    }
    document = {"components": {"schemas": schemas}}
    body = ExampleBuilder(document).build({"$ref": "#/components/schemas/Create"})
    assert body == {"name": "web", "mode": "identifier", "region": "ams"}
    jsonschema.validate(body, {**schemas["Create"], "components": {"schemas": schemas}})


def test_values_of_any_kind_are_still_sent_where_the_spec_asks_for_them(tmp_path: Path) -> None:
    """A required parameter whose schema takes anything (`schema: {}`, none, a `$ref` to a schema the spec lacks,
    as Grocy's do) was sent empty, a path's as the literal `:entity`; an array of `items: {}` under `minItems`
    (NetBox's choice sets) was `[]`, too short."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name

    body = {"type": "object", "required": ["choices"], "properties": {"choices": {"type": "array", "items": {},
            "minItems": 2}}}  # fmt: skip
    operation = {
        "summary": "Create objects",
        "parameters": [
            {"name": "entity", "in": "path", "required": True, "schema": {}},
            {"name": "q", "in": "query", "required": True},
            {
                "name": "X-H",
                "in": "header",
                "required": True,
                "schema": {"$ref": "#/components/schemas/Gone"},
            },
        ],
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {"200": {"description": "OK"}},
    }
    collection = build_json(tmp_path, minimal_spec({"/objects/{entity}": {"post": operation}}))
    request = requests_by_name(collection)["Create objects"]["request"]
    assert request["url"]["variable"][0]["value"] and request["url"]["query"][0]["value"]
    assert all(header["value"] for header in request["header"] if header["key"] == "X-H")
    assert len(orjson.loads(request["body"]["raw"])["choices"]) == 2


def test_a_credential_example_whose_truncation_breaks_the_schema_gives_way_to_a_made_value() -> None:
    """Exoscale's key examples are shown truncated (`…af7b`), which broke their `pattern: ^[ -~]+$` (the `…` is no
    ASCII) or `minLength`: the kit's own validate refused the body it wrote."""
    key = "sk_live_" + "af7b" * 8
    schemas = {
        "printable": {"type": "string", "pattern": "^[ -~]+$", "example": key},
        "long": {"type": "string", "minLength": 20, "example": key},
        "plain": {"type": "string", "example": key},
    }
    builder = ExampleBuilder({})
    for name, schema in schemas.items():
        value = builder.build(schema, "api_key")
        assert key not in value
        jsonschema.validate(value, schema)
        if name == "plain":
            assert value.endswith("af7b") and "…" in value  # shown truncated where that still fits


def test_a_spec_example_outside_its_own_counts_and_steps_gives_way_to_a_made_value() -> None:
    """Svix's `featureFlags` example is `[]` beside its own `minItems: 1`: it was sent, and refused. So are an
    example past `maxItems`, with repeats under `uniqueItems`, at a 3.1 exclusive bound, off a `multipleOf`, or
    short of `minProperties`."""
    schemas = {
        "flags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "example": []},
        "few": {"type": "array", "items": {"type": "integer"}, "maxItems": 1, "example": [1, 2]},
        "unique": {"type": "array", "items": {"type": "integer"}, "uniqueItems": True, "example": [3, 3]},
        "above": {"type": "integer", "exclusiveMinimum": 0, "example": 0},
        "above30": {"type": "integer", "minimum": 0, "exclusiveMinimum": True, "example": 0},
        "step": {"type": "number", "multipleOf": 0.5, "example": 0.3},
        "props": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "string"},
            "example": {},
        },
    }
    builder = ExampleBuilder({})
    for name, schema in schemas.items():
        value = builder.build(schema, name)
        assert value != schema["example"], name
        checked = {k: v for k, v in schema.items() if not (name == "above30" and k == "exclusiveMinimum")}
        if name == "above30":
            assert value > 0
        jsonschema.Draft202012Validator(checked).validate(value)
    assert builder.build({"type": "integer", "multipleOf": 5, "example": 10**400}, "huge") == 10**400


def test_a_default_lacking_what_its_all_of_requires_gives_way_to_a_made_object() -> None:
    """Kubernetes writes every nested object as `{allOf: [{$ref: JobSpec}], default: {}}`, and JobSpec requires
    `template`: `"spec": {}` was sent, which the API (and the kit's own validate) refuse."""
    document = {
        "components": {
            "schemas": {
                "JobSpec": {
                    "type": "object",
                    "required": ["template"],
                    "properties": {
                        "template": {"type": "object", "properties": {"name": {"type": "string"}}}
                    },
                }
            }
        }
    }
    schema = {"allOf": [{"$ref": "#/components/schemas/JobSpec"}], "default": {}}
    value = ExampleBuilder(document).build(schema, "spec")
    assert isinstance(value, dict) and "template" in value


def test_a_credential_under_a_pattern_is_the_user_s_variable_and_the_body_passes_validate(
    tmp_path: Path, run_cli
) -> None:
    """Svix's webhook `secret` (`pattern: ^(whsec_)?[a-zA-Z0-9+/=]{32,100}$`, a `whsec_…` example, optional):
    truncated (`…aaaa`), the kit's own validate refused the body it wrote. The field is sent from a variable for
    the user's own secret, kept though the variable's text is no value of the pattern; the spec's example is
    never written whole."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name, write_spec

    example = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
    secret = {"type": "string", "pattern": "^(whsec_)?[a-zA-Z0-9+/=]{32,100}$", "example": example}
    body = {
        "type": "object",
        "required": ["url"],
        "properties": {"url": {"type": "string"}, "secret": secret},
    }
    operation = {
        "operationId": "createEndpoint",
        "requestBody": {"required": True, "content": {"application/json": {"schema": body}}},
        "responses": {"201": {"description": "created"}},
    }
    spec = minimal_spec({"/endpoint": {"post": operation}})
    collection = build_json(tmp_path, spec)
    [item] = requests_by_name(collection).values()
    assert orjson.loads(item["request"]["body"]["raw"])["secret"] == "{{secret}}"
    assert example not in orjson.dumps(collection).decode()
    out = tmp_path / "out"
    assert run_cli("generate", write_spec(tmp_path, spec), "-o", out).exit_code == 0
    [written] = out.glob("*.postman_collection.json")
    assert run_cli("validate", written, "--spec", tmp_path / "spec.yaml").exit_code == 0


def test_entities_naming_each_other_in_optional_properties_give_a_body_of_bounded_size(
    tmp_path: Path,
) -> None:
    """Microsoft Graph's entities name other entities in optional properties, breadth upon depth: POST /drives
    was a body of 202,206 nodes, the collection 1.9 GB and 66 s to write, and newman could load none of it.
    Required properties are always there."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name

    levels, breadth = 9, 8
    schemas: dict[str, Any] = {}
    for level in range(levels):
        properties: dict[str, Any] = {"id": {"type": "string"}, "displayName": {"type": "string"}}
        if level + 1 < levels:
            for n in range(breadth):
                properties[f"related{n}"] = {"$ref": f"#/components/schemas/Entity{level + 1}"}
            properties["owner"] = {"$ref": f"#/components/schemas/Entity{level + 1}"}
        schemas[f"Entity{level}"] = {
            "type": "object",
            "required": ["id", "owner"] if level + 1 < levels else ["id"],
            "properties": properties,
        }
    operation = {
        "summary": "Create drive",
        "requestBody": {
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entity0"}}}
        },
        "responses": {"201": {"description": "Created"}},
    }
    spec = minimal_spec({"/drives": {"post": operation}}, components={"schemas": schemas})
    collection = build_json(tmp_path, spec)  # 8^9 entries unbounded: it would not finish
    body = orjson.loads(requests_by_name(collection)["Create drive"]["request"]["body"]["raw"])

    def entries(value: Any) -> int:
        if isinstance(value, dict):
            return len(value) + sum(entries(v) for v in value.values())
        return len(value) + sum(entries(v) for v in value) if isinstance(value, list) else 0

    assert entries(body) < 5_000  # unbounded: about 8^9
    innermost = body
    for _ in range(levels - 1):
        innermost = innermost["owner"]  # every required property, all the way down
    assert "id" in innermost
    jsonschema.validate(body, {"$ref": "#/components/schemas/Entity0", "components": {"schemas": schemas}})


def test_an_optional_value_two_branches_of_a_wrapped_one_of_take_is_left_out() -> None:
    """Outreach's JSON:API relationships wrap their `oneOf: [data, links]` (open objects, so any object fits both)
    in a one-branch `oneOf`: the wrapped form sent a value valid under both inner branches, which a strict `oneOf`
    refuses (37 of 178 requests); the flat form was already left out."""
    inner = {
        "oneOf": [
            {"properties": {"data": {"properties": {"id": {"type": "integer"}}}}},
            {"properties": {"links": {"properties": {"related": {"type": "string"}}}}},
        ]
    }
    body = {"type": "object", "properties": {"creator": {"oneOf": [inner]}, "name": {"type": "string"}}}
    assert set(ExampleBuilder({}).build(body)) == {"name"}


def test_a_uuid_example_with_letters_no_uuid_has_gives_way_to_a_uuid() -> None:
    """Merge's `a12e7c20-1922-9df7-s75n-edfeewnn7384` has a uuid's shape but not its digits: sent as given, a
    server checking the format refuses it (7 requests)."""
    bad = "a12e7c20-1922-9df7-s75n-edfeewnn7384"
    schema = {"type": "object", "properties": {"tax_rate": {"type": "string", "format": "uuid", "example": bad},
              "rates": {"type": "array", "items": {"type": "string", "format": "uuid"}, "example": [bad]}}}  # fmt: skip
    value = ExampleBuilder({}).build(schema)
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
    assert uuid.fullmatch(value["tax_rate"]) and all(uuid.fullmatch(v) for v in value["rates"])


def test_a_property_whose_schema_is_false_is_never_sent() -> None:
    """JSON Schema's `false` (Vercel's spec) allows no value at all: the property was sent as null."""
    schema = {"type": "object", "properties": {"name": {"type": "string"}, "legacy": False}}
    assert set(ExampleBuilder({"openapi": "3.1.0"}).build(schema)) == {"name"}


def test_a_body_example_that_lacks_what_its_schema_requires_gives_way_to_a_made_body(tmp_path: Path) -> None:
    """PayPal's disputes spec swaps the examples of two operations: each body lacked the property its schema
    requires, and the kit's own validate said so (as an info) of the body it sent."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name

    schema = {"type": "object", "required": ["action"], "properties": {"action": {"type": "string",
              "enum": ["BUYER_EVIDENCE", "SELLER_EVIDENCE"]}}}  # fmt: skip
    media = {"application/json": {"schema": schema, "example": {"note": "Escalating to PayPal claim."}}}
    operation = {"summary": "Require evidence", "requestBody": {"required": True, "content": media},
                 "responses": {"200": {"description": "OK"}}}  # fmt: skip
    collection = build_json(tmp_path, minimal_spec({"/disputes/{id}/require-evidence": {"post": operation}}))
    body = orjson.loads(requests_by_name(collection)["Require evidence"]["request"]["body"]["raw"])
    assert body == {"action": "BUYER_EVIDENCE"}


def test_a_list_holds_as_many_items_as_its_min_items_asks_wherever_that_is_said() -> None:
    """A list of `minItems: 5` was sent with three; `allOf: [$ref: List, {minItems: 2}]` (3.0) and 3.1's
    `{$ref: List, minItems: 2}` with one: each a body the API refuses."""
    document = {
        "openapi": "3.1.0",
        "components": {"schemas": {"List": {"type": "array", "items": {"type": "string"}}}},
    }
    builder = ExampleBuilder(document, "request")
    listed = {"$ref": "#/components/schemas/List"}
    assert len(builder.build({"type": "array", "items": {"type": "string"}, "minItems": 5})) == 5
    assert len(builder.build({"allOf": [listed, {"minItems": 2}]})) == 2
    assert len(builder.build({**listed, "minItems": 2})) == 2
    unique = builder.build({"allOf": [listed, {"minItems": 3, "uniqueItems": True}]})
    assert len(unique) == 3 == len(set(unique))


def test_oxide_s_default_with_a_null_its_schema_refuses_is_not_sent_and_the_body_passes_validate(
    tmp_path: Path, run_cli
) -> None:
    """Oxide's floating IP body: `pool_selector` defaults to `{ip_version: null, type: auto}` beside `allOf:
    [$ref: PoolSelector]`, whose `ip_version` is `nullable: true` beside an `allOf` of a string enum (under
    OpenAPI 3.0.3, no null). The default was sent as it is and the kit's own validate (and openapi-core) refused
    the body. Oxide's user id, an `allOf` around a pattern that refuses a UUID, was sent as `{{$guid}}`."""
    from tests.support.generate import minimal_spec, requests_by_name, write_spec

    selector = {
        "oneOf": [
            {
                "type": "object",
                "required": ["pool", "type"],
                "properties": {"pool": {"type": "string"}, "type": {"type": "string", "enum": ["explicit"]}},
            },
            {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "ip_version": {
                        "nullable": True,
                        "default": None,
                        "allOf": [{"$ref": "#/components/schemas/IpVersion"}],
                    },
                    "type": {"type": "string", "enum": ["auto"]},
                },
            },
        ]
    }
    user_id = {
        "type": "string",
        "pattern": "^(?![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$)"
        "^[a-z]([a-zA-Z0-9-]*[a-zA-Z0-9]+)?$",
        "maxLength": 63,
    }
    floating_ip = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string"},
            "pool_selector": {
                "default": {"ip_version": None, "type": "auto"},
                "allOf": [{"$ref": "#/components/schemas/PoolSelector"}],
            },
        },
    }
    user = {
        "type": "object",
        "required": ["external_id"],
        "properties": {"external_id": {"allOf": [{"$ref": "#/components/schemas/UserId"}]}},
    }

    def creating(summary: str, schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": schema}}
        return {
            "post": {
                "summary": summary,
                "requestBody": {"required": True, "content": content},
                "responses": {"201": {"description": "created"}},
            }
        }

    spec = minimal_spec(
        {"/v1/floating-ips": creating("Create IP", floating_ip), "/v1/users": creating("Create user", user)},
        components={
            "schemas": {
                "IpVersion": {"type": "string", "enum": ["v4", "v6"]},
                "PoolSelector": selector,
                "UserId": user_id,
            }
        },
    )
    path = write_spec(tmp_path, spec)
    out = tmp_path / "out"
    assert run_cli("generate", path, "-o", out).exit_code == 0
    [written] = out.glob("*.postman_collection.json")
    requests = requests_by_name(orjson.loads(written.read_bytes()))
    sent_ip = orjson.loads(requests["Create IP"]["request"]["body"]["raw"])
    assert sent_ip.get("pool_selector", {}).get("ip_version", "v4") is not None
    external_id = orjson.loads(requests["Create user"]["request"]["body"]["raw"])["external_id"]
    assert "{{" not in external_id and re.search(user_id["pattern"], external_id)
    checked = run_cli("validate", written, "--spec", path)
    assert checked.exit_code == 0, checked.output
