import pytest

from postman_kit.collection import Body, Header, Request, parse_raw_url
from postman_kit.conformance import RequestChecker
from postman_kit.openapi import load_api
from postman_kit.profiles import KLAVIYO

REVISION = (("revision", "2026-07-15"),)


@pytest.fixture(scope="module")
def checker():
    from tests.tools import EXAMPLE_SPEC

    return RequestChecker(load_api(str(EXAMPLE_SPEC)), KLAVIYO)


def request(method, raw, body=None, headers=REVISION):
    return Request(
        method=method,
        url=parse_raw_url(raw),
        header=[Header(k, v) for k, v in headers],
        body=Body("raw", raw=body, language="json") if body is not None else None,
    )


def codes(problems):
    return [p.code for p in problems]


def generic_checker(tmp_path, paths, version="3.0.3", **top):
    """A checker under the generic profile for a spec of `paths` (server https://api.example.test), read from a
    file as a user's spec is."""
    from postman_kit.profiles import GENERIC
    from tests.support.generate import minimal_spec, write_spec

    doc = minimal_spec(paths, openapi=version, **top)
    return RequestChecker(load_api(str(write_spec(tmp_path, doc, "spec.json"))), GENERIC)


def test_the_guides_saved_request_is_clean(checker):
    saved = request(
        "GET",
        "{{baseUrl}}/api/profiles?fields[profile]=created&filter=greater-than(created,2023-08-10T23:00:00Z)",
    )
    assert checker.check(saved) == []


def test_query_problems_each_get_a_finding_with_a_pointer(checker):
    saved = request(
        "GET",
        "{{baseUrl}}/api/profiles?fields[profile]=emial"
        "&filter=less-or-equal(created,2023-08-10T23:00:00Z)&page[size]=500&colour=red",
    )
    problems = checker.check(saved)
    assert codes(problems) == [
        "invalid-enum-value",
        "filter-not-allowed",
        "out-of-range",
        "unknown-query-param",
    ]
    assert "did you mean `email`" in problems[0].message
    assert problems[0].pointer == "/url/query/0/value"
    assert "allowed: `greater-than`, `less-than`" in problems[1].message
    assert problems[3].pointer == "/url/query/3/key"


def test_method_the_path_lacks_is_reported_like_a_405(checker):
    [problem] = checker.check(request("DELETE", "{{baseUrl}}/api/events"))
    assert problem.code == "method-not-allowed"
    assert "allowed: GET, POST" in problem.message


def test_unknown_path_suggests_close_ones(checker):
    [problem] = checker.check(request("GET", "{{baseUrl}}/api/profile"))
    assert problem.code == "unknown-path"
    assert "`/api/profiles`" in problem.message


def test_bodies_must_parse_and_match_the_schema(checker):
    broken = request("POST", "{{baseUrl}}/api/profiles", '{"data": {"type": "profile",')
    assert codes(checker.check(broken)) == ["invalid-json-body"]
    wrong = request(
        "POST", "{{baseUrl}}/api/profiles", '{"data": {"type": "profile", "attributes": {"email": 5}}}'
    )
    [problem] = checker.check(wrong)
    assert problem.code == "body-schema" and "/data/attributes/email" in problem.message
    nullable = request(
        "POST", "{{baseUrl}}/api/profiles", '{"data": {"type": "profile", "attributes": {"email": null}}}'
    )
    assert checker.check(nullable) == []
    templated = request(
        "POST", "{{baseUrl}}/api/profiles", '{"data": {"type": "profile", "attributes": {"email": {{n}}}}}'
    )
    assert checker.check(templated) == []


def test_required_inputs_and_content_type(checker):
    missing = request("POST", "{{baseUrl}}/client/subscriptions", None, headers=())
    assert codes(checker.check(missing)) == ["missing-query-param", "missing-header", "missing-body"]
    wrong_type = request(
        "POST",
        "{{baseUrl}}/api/lists",
        '{"data": {"type": "list", "attributes": {"name": "a"}}}',
        headers=REVISION + (("Content-Type", "text/plain"),),
    )
    assert codes(checker.check(wrong_type)) == ["content-type-mismatch"]


def test_empty_path_variable(checker):
    saved = request("GET", "{{baseUrl}}/api/lists/:id")
    assert codes(checker.check(saved)) == ["empty-path-variable"]


def test_a_request_need_not_send_what_the_server_assigns(tmp_path):
    """PagerDuty requires `id` and `created_at` in schemas its create requests share with its responses, and
    marks them readOnly: under OpenAPI 3.0 that requirement holds for responses only."""
    import json

    from postman_kit.profiles import GENERIC

    option = {
        "type": "object",
        "required": ["id", "created_at", "data"],
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "created_at": {"$ref": "#/components/schemas/Stamp"},
            "data": {"type": "string"},
        },
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Options", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "components": {"schemas": {"Stamp": {"type": "string", "format": "date-time", "readOnly": True}}},
        "paths": {
            "/options": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": option}}},
                    "responses": {"201": {"description": "Created"}},
                }
            }
        },
    }
    path = tmp_path / "options.json"
    path.write_text(json.dumps(spec))
    options = RequestChecker(load_api(str(path)), GENERIC)
    sent = request("POST", "https://api.example.test/options", '{"data": "a"}', headers=())
    assert options.check(sent) == []
    [problem] = options.check(request("POST", "https://api.example.test/options", "{}", headers=()))
    assert "'data' is a required property" in problem.message


def test_query_keys_a_parameter_s_style_spreads_belong_to_it(tmp_path):
    """Stripe's `created[gt]=1` and `expand[]=customer` (deepObject) and Intercom's required `filter`, an
    exploded form object sent as `user_id=…`: each key is its parameter's, not an unknown one."""
    import json

    from postman_kit.profiles import GENERIC

    branches = [
        {"type": "object", "properties": {name: {"type": "string"}}, "required": [name]}
        for name in ("user_id", "email")
    ]
    created = {"type": "object", "properties": {"gt": {"type": "integer"}, "lt": {"type": "integer"}}}
    parameters = [
        {
            "name": "filter",
            "in": "query",
            "required": True,
            "style": "form",
            "explode": True,
            "schema": {"type": "object", "oneOf": branches},
        },
        {"name": "created", "in": "query", "style": "deepObject", "explode": True, "schema": created},
        {
            "name": "expand",
            "in": "query",
            "style": "deepObject",
            "explode": True,
            "schema": {"type": "array", "items": {"type": "string"}},
        },
    ]
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Events", "version": "1"},
        "paths": {
            "/events": {"get": {"parameters": parameters, "responses": {"200": {"description": "OK"}}}}
        },
    }
    path = tmp_path / "events.json"
    path.write_text(json.dumps(spec))
    events = RequestChecker(load_api(str(path)), GENERIC)
    clean = request("GET", "{{baseUrl}}/events?user_id=abc&created[gt]=1&expand[]=customer", headers=())
    assert events.check(clean) == []
    wrong = request("GET", "{{baseUrl}}/events?colour=red&created[gt]=1", headers=())
    assert codes(events.check(wrong)) == ["unknown-query-param", "missing-query-param"]


@pytest.mark.corpus
def test_a_stripe_fork_that_enables_a_list_filter_stays_clean(tmp_path):
    """As a user does in Postman: in Stripe's generated List charges, tick `created[gt]` and `expand[]` (the
    deepObject filters generate leaves disabled) and fill them in; validate sees the `created` and `expand`
    parameters, not unknown keys. A key no parameter spreads is still unknown."""
    import json

    from postman_kit import generate
    from postman_kit.validate import validate_collection
    from tests.tools import require_corpus

    spec = require_corpus() / "real-world" / "stripe-spec3-2022-04-12.json"
    data = json.loads(generate(str(spec), tmp_path / "out").files[0].read_text())

    def walk(nodes):
        for node in nodes:
            yield node
            yield from walk(node.get("item", []))

    charges = next(
        node
        for node in walk(data["item"])
        if node.get("request", {}).get("url", {}).get("raw", "").endswith("/v1/charges")
        and node["request"]["method"] == "GET"
    )
    query = charges["request"]["url"]["query"]
    query += [{"key": "created[gt]", "value": "1680000000"}, {"key": "expand[]", "value": "data.customer"}]
    for entry in query:
        entry.pop("disabled", None)
    api = load_api(str(spec))
    codes_found = {f.rule for f in validate_collection(data, api=api).findings}
    assert "request/unknown-query-param" not in codes_found
    query.append({"key": "colour", "value": "red"})
    codes_found = {f.rule for f in validate_collection(data, api=api).findings}
    assert "request/unknown-query-param" in codes_found


def test_schemas_that_include_one_another_in_a_loop_are_no_crash(tmp_path):
    """`A: allOf: [B, …]`, `B: allOf: [C, …]`, `C: allOf: [A, …]`: no validator finishes such a schema, and generate
    takes the spec; validate reports nothing against the body instead of failing with a traceback."""

    def part(other, field, kind):
        extra = {"type": "object", "required": [field], "properties": {field: {"type": kind}}}
        return {"allOf": [{"$ref": f"#/components/schemas/{other}"}, extra]}

    schemas = {"A": part("B", "a", "string"), "B": part("C", "b", "integer"), "C": part("A", "c", "boolean")}
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}
    paths = {
        "/nodes": {"post": {"requestBody": {"content": content}, "responses": {"201": {"description": "OK"}}}}
    }
    checker = generic_checker(tmp_path, paths, "3.1.0", components={"schemas": schemas})
    sent = request("POST", "https://api.example.test/nodes", '{"a": "x", "b": 1, "c": true}', headers=())
    assert checker.check(sent) == []


def test_path_segments_are_read_as_the_server_decodes_them(tmp_path):
    """`/files/100%/{file name}` with `file name` one of `a b`: the generated request goes to `/files/100%25/:file
    name` with the value `a%20b`, which the server reads as `100%` and `a b`; validate finds it clean."""
    name = {
        "name": "file name",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": ["a b"]},
    }
    paths = {
        "/files/100%/{file name}": {
            "get": {"parameters": [name], "responses": {"200": {"description": "OK"}}}
        }
    }
    checker = generic_checker(tmp_path, paths, "3.1.0")
    assert checker.check(request("GET", "https://api.example.test/files/100%25/a%20b", headers=())) == []
    [problem] = checker.check(request("GET", "https://api.example.test/files/100%25/a%20c", headers=()))
    assert "does not accept `a c`" in problem.message


def test_enum_values_are_compared_as_the_wire_carries_them(tmp_path):
    """`enum: [true]` is sent as `active=true` (validate said: did you mean `True`?), `enum: [1.0, 2.5]` takes
    `1`, and a nullable enum takes `x`; a value outside them is still reported."""

    def param(name, schema):
        return {"name": name, "in": "query", "required": True, "schema": schema}

    parameters = [
        param("active", {"type": "boolean", "enum": [True]}),
        param("level", {"type": "number", "enum": [1.0, 2.5]}),
        param("maybe", {"type": ["string", "null"], "enum": ["x", None]}),
    ]
    paths = {"/flags": {"get": {"parameters": parameters, "responses": {"200": {"description": "OK"}}}}}
    checker = generic_checker(tmp_path, paths, "3.1.0")
    url = "https://api.example.test/flags?active=true&level=1&maybe=x"
    assert checker.check(request("GET", url, headers=())) == []
    [problem] = checker.check(request("GET", url.replace("active=true", "active=True"), headers=()))
    assert "does not accept `True`" in problem.message and "`true`" in problem.message


def test_array_items_are_split_as_their_style_joins_them(tmp_path):
    """`spaceDelimited` (`colors=red green`) and `pipeDelimited` (`sort=asc|desc`), as the OpenAPI style table has
    them and generate sends them, were read as one value outside the items' enum; a wrong item still is not."""
    items = {"type": "array", "items": {"type": "string", "enum": ["red", "green", "asc", "desc"]}}
    parameters = [
        {"name": "colors", "in": "query", "required": True, "style": "spaceDelimited", "explode": False,
         "schema": items},
        {"name": "sort", "in": "query", "required": True, "style": "pipeDelimited", "explode": False,
         "schema": items},
    ]  # fmt: skip
    paths = {"/search": {"get": {"parameters": parameters, "responses": {"200": {"description": "OK"}}}}}
    checker = generic_checker(tmp_path, paths, "3.0.3")
    url = "https://api.example.test/search?colors=red%20green&sort=asc|desc"
    assert checker.check(request("GET", url, headers=())) == []
    [problem] = checker.check(request("GET", url.replace("asc|desc", "asc|up"), headers=()))
    assert "does not accept `up`" in problem.message


def test_exclusive_bounds_and_bounds_beside_a_ref_are_checked(tmp_path):
    """3.1's numeric `exclusiveMinimum: 10` took `c=5`; 3.0's flag form and a `minimum: 50` beside a 3.1 `$ref`
    are limits too."""

    def param(name, schema):
        return {"name": name, "in": "query", "required": True, "schema": schema}

    parameters = [
        param("c", {"type": "number", "exclusiveMinimum": 10}),
        param("level", {"$ref": "#/components/schemas/Level", "minimum": 50}),
    ]
    schemas = {"Level": {"type": "integer", "minimum": 1, "maximum": 100}}
    paths = {"/n": {"get": {"parameters": parameters, "responses": {"200": {"description": "OK"}}}}}
    checker = generic_checker(tmp_path, paths, "3.1.0", components={"schemas": schemas})
    assert checker.check(request("GET", "https://api.example.test/n?c=10.5&level=50", headers=())) == []
    problems = checker.check(request("GET", "https://api.example.test/n?c=10&level=3", headers=()))
    assert sorted(p.message for p in problems) == [
        "`c`=10 is out of range; allowed: more than 10",
        "`level`=3 is out of range; allowed: 50 to 100",
    ]
    flags = {"type": "integer", "minimum": 1, "exclusiveMinimum": True}
    old = generic_checker(
        tmp_path,
        {"/m": {"get": {"parameters": [param("x", flags)], "responses": {"200": {"description": "OK"}}}}},
    )
    [problem] = old.check(request("GET", "https://api.example.test/m?x=1", headers=()))
    assert problem.message == "`x`=1 is out of range; allowed: more than 1"


def test_a_body_schema_no_value_can_match_is_not_held_against_the_request(tmp_path):
    """readme's quirks: a required body `allOf: [{type: string}, {type: integer}]` admits no value, so every body
    fails it, the one generate sends too; validate reported that as the request's error."""
    impossible = {"allOf": [{"type": "string"}, {"type": "integer"}]}
    merged = {
        "allOf": [{"type": "number"}, {"type": "integer", "minimum": 1}]
    }  # integers are numbers: checked

    def put(schema):
        content = {"application/json": {"schema": schema}}
        return {
            "put": {
                "requestBody": {"required": True, "content": content},
                "responses": {"200": {"description": "OK"}},
            }
        }

    checker = generic_checker(tmp_path, {"/quirk": put(impossible), "/fine": put(merged)})
    assert checker.check(request("PUT", "https://api.example.test/quirk", "1", headers=())) == []
    problems = checker.check(request("PUT", "https://api.example.test/fine", '"a"', headers=()))
    assert problems and {problem.code for problem in problems} == {"body-schema"}


def test_a_path_value_longer_than_its_schema_allows_is_reported(tmp_path):
    """`{$ref: Code, maxLength: 4}` under 3.1 (Code's own example is ten letters): validate took `ABCDEFGHIJ`, and
    generate sent it; both read the length beside the `$ref` now."""
    code = {
        "name": "code",
        "in": "path",
        "required": True,
        "schema": {"$ref": "#/components/schemas/Code", "maxLength": 4},
    }
    schemas = {"Code": {"type": "string", "pattern": "^[A-Z]+$", "example": "ABCDEFGHIJ"}}
    paths = {"/users/{code}": {"get": {"parameters": [code], "responses": {"200": {"description": "OK"}}}}}
    checker = generic_checker(tmp_path, paths, "3.1.0", components={"schemas": schemas})
    assert checker.check(request("GET", "https://api.example.test/users/ABCD", headers=())) == []
    [problem] = checker.check(request("GET", "https://api.example.test/users/ABCDEFGHIJ", headers=()))
    assert problem.code == "out-of-range" and "10 characters; allowed: 0 to 4" in problem.message
    from postman_kit.examples import ExampleBuilder, RequestValues

    api = load_api(str(tmp_path / "spec.json"))
    value = RequestValues(api, ExampleBuilder(api.document)).parameter(
        api.operations[0].parameters[0], api.operations[0]
    )
    assert isinstance(value, str) and len(value) <= 4


def test_a_newline_delimited_json_body_is_judged_a_document_a_line(tmp_path):
    """OpenSearch's `_bulk` body (`application/x-ndjson`) was not judged at all: each line is a document of the
    array's items (or of the schema itself), and a line that is none is named."""
    action = {"type": "object", "properties": {"index": {"type": "object"}}}
    content = {"application/x-ndjson": {"schema": {"type": "array", "items": action}}}
    ok = {"200": {"description": "OK"}}
    paths = {"/_bulk": {"post": {"requestBody": {"required": True, "content": content}, "responses": ok}}}
    checker = generic_checker(tmp_path, paths)
    ndjson = [("Content-Type", "application/x-ndjson")]

    def judged(text: str) -> list[str]:
        return [
            p.message for p in checker.check(request("POST", "https://api.example.test/_bulk", text, ndjson))
        ]

    assert judged('{"index": {"_id": "1"}}\n{"index": {}}\n') == []
    [broken] = judged('{"index": {}}\nnot json\n')
    assert broken.startswith("the body is refused: line 2 is not one JSON document")
    [wrong] = judged('{"index": 5}\n')
    assert wrong == "body does not match the request schema at /0/index: 5 is not of type 'object'"


def test_a_form_reads_a_repeated_key_as_its_array_and_a_json_encoded_field_as_json(tmp_path):
    """`ids=1&ids=2` (an exploded array, as generate and Postman send it) was read as the last value alone, and
    a field the media type's `encoding` gives as `application/json` as text: validate refused the kit's own
    output, which openapi-core accepts."""
    schema = {
        "type": "object",
        "required": ["ids", "payload"],
        "properties": {
            "ids": {"type": "array", "items": {"type": "integer"}, "minItems": 2},
            "payload": {"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}}},
        },
    }
    form = {"schema": schema, "encoding": {"payload": {"contentType": "application/json"}}}
    content = {"application/x-www-form-urlencoded": form}
    ok = {"200": {"description": "OK"}}
    paths = {"/tags": {"post": {"requestBody": {"required": True, "content": content}, "responses": ok}}}
    checker = generic_checker(tmp_path, paths)

    def judged(fields: list[tuple[str, str]]) -> list[str]:
        return form_problems(checker, "/tags", fields)

    assert judged([("ids", "1"), ("ids", "2"), ("payload", '{"a": 1}')]) == []
    assert judged([("ids", "1"), ("payload", '{"a": 1}')]) != []  # one item of at least two
    assert judged([("ids", "1"), ("ids", "2"), ("payload", '{"a": "x"}')]) != []


def form_problems(checker: RequestChecker, path: str, fields: list[tuple[str, str]]) -> list[str]:
    """What the checker finds in a POST of these form fields, as Postman sends a urlencoded body."""
    sent = Request(
        method="POST",
        url=parse_raw_url("https://api.example.test" + path),
        header=[Header("Content-Type", "application/x-www-form-urlencoded")],
        body=Body("urlencoded", urlencoded=[{"key": k, "value": v} for k, v in fields]),
    )
    return [p.message for p in checker.check(sent)]


def test_a_form_field_left_to_run_time_is_present_and_judged_by_its_key(tmp_path):
    """A field whose value is a `{{variable}}` made the whole form unjudged: a Stripe fork's pasted key in a field
    the schema forbids was marked ⚠ by upgrade, then un-marked by the next upgrade once the key had become
    `{{variable}}`, and validate never reported it. Its value is still left to run time; its key is not."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "amount"],
        "properties": {"name": {"type": "string"}, "amount": {"type": "integer"}, "ids": {"type": "array"}},
    }
    content = {"application/x-www-form-urlencoded": {"schema": schema}}
    ok = {"200": {"description": "OK"}}
    paths = {"/things": {"post": {"requestBody": {"required": True, "content": content}, "responses": ok}}}
    checker = generic_checker(tmp_path, paths)

    def judged(fields: list[tuple[str, str]]) -> list[str]:
        return form_problems(checker, "/things", fields)

    assert judged([("name", "n"), ("amount", "{{amount}}"), ("ids", "{{id}}"), ("ids", "x")]) == []
    [unexpected] = judged([("name", "n"), ("amount", "5"), ("key", "{{bearerToken}}")])
    assert "'key' was unexpected" in unexpected
    [missing] = judged([("amount", "{{amount}}")])
    assert "'name' is a required property" in missing
    [wrong] = judged([("name", "{{name}}"), ("amount", "five")])
    assert "'five' is not of type 'integer'" in wrong


@pytest.mark.parametrize(
    ("raw", "host", "port"),
    [
        ("https://me:SECRET@a.klaviyo.com/api/lists/ABC/", ["a", "klaviyo", "com"], None),
        ("https://a.klaviyo.com:443/api/lists/ABC/", ["a", "klaviyo", "com"], "443"),
        ("http://[::1]:8080/api/lists", ["[::1]"], "8080"),
    ],
)
def test_a_url_written_as_text_is_read_with_its_host_as_postman_reads_it(raw, host, port):
    """A saved request whose URL is a string (valid v2.1) with `user:password@` was read with the host `me` and
    the port `SECRET@a.klaviyo.com`: upgraded, it was sent there."""
    url = parse_raw_url(raw)
    assert (url.host, url.port, url.path[:2]) == (host, port, ["api", "lists"])
