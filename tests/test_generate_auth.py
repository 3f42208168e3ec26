"""Security schemes → Postman auth: set once on the collection, overridden only where an operation differs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.support.generate import (
    OK,
    auth_attributes,
    build_json,
    minimal_spec,
    query,
    requests_by_name,
    write_spec,
)

KLAVIYO_SCHEME = {
    "type": "apiKey",
    "in": "header",
    "name": "Authorization",
    "description": "Set the `Authorization` header to `Klaviyo-API-Key your-private-api-key`",
    "x-default": "Klaviyo-API-Key your-private-api-key",
}


def secured_spec(
    schemes: dict[str, Any], security: list[dict[str, list[str]]], operations: dict[str, Any] | None = None
) -> dict[str, Any]:
    ops = operations or {"get": {"summary": "List things", "responses": OK}}
    return minimal_spec({"/things": ops}, components={"securitySchemes": schemes}, security=security)


def test_klaviyo_key_is_collection_auth_with_its_prefix(tmp_path: Path) -> None:
    collection = build_json(
        tmp_path, secured_spec({"Klaviyo-API-Key": KLAVIYO_SCHEME}, [{"Klaviyo-API-Key": []}])
    )
    assert collection["auth"]["type"] == "apikey"
    assert auth_attributes(collection["auth"]) == {
        "key": "Authorization",
        "value": "Klaviyo-API-Key {{privateKey}}",
        "in": "header",
    }
    assert "auth" not in requests_by_name(collection)["List things"]["request"]  # inherits


def test_prefix_is_read_from_the_description_when_there_is_no_x_default(tmp_path: Path) -> None:
    scheme = {k: v for k, v in KLAVIYO_SCHEME.items() if k != "x-default"}
    collection = build_json(tmp_path, secured_spec({"Klaviyo-API-Key": scheme}, [{"Klaviyo-API-Key": []}]))
    assert auth_attributes(collection["auth"])["value"] == "Klaviyo-API-Key {{privateKey}}"


def test_plain_api_key_header_has_no_prefix_and_a_variable_named_after_the_scheme(tmp_path: Path) -> None:
    scheme = {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    collection = build_json(tmp_path, secured_spec({"ApiKeyAuth": scheme}, [{"ApiKeyAuth": []}]))
    assert auth_attributes(collection["auth"]) == {
        "key": "X-API-Key",
        "value": "{{apiKeyAuth}}",
        "in": "header",
    }


def test_api_key_in_query(tmp_path: Path) -> None:
    scheme = {"type": "apiKey", "in": "query", "name": "api_key"}
    collection = build_json(tmp_path, secured_spec({"api_key": scheme}, [{"api_key": []}]))
    assert auth_attributes(collection["auth"]) == {"key": "api_key", "value": "{{apiKey}}", "in": "query"}


def test_api_key_in_a_cookie_is_sent_as_the_cookie_header(tmp_path: Path) -> None:
    scheme = {"type": "apiKey", "in": "cookie", "name": "session_id"}
    collection = build_json(tmp_path, secured_spec({"cookieAuth": scheme}, [{"cookieAuth": []}]))
    assert auth_attributes(collection["auth"]) == {
        "key": "Cookie",
        "value": "session_id={{cookieAuth}}",
        "in": "header",
    }


# Plaid's spec: every call needs three keys at once, `[{clientId: [], secret: [], plaidVersion: []}]`
PLAID_SCHEMES = {
    "clientId": {"type": "apiKey", "in": "header", "name": "PLAID-CLIENT-ID"},
    "secret": {"type": "apiKey", "in": "header", "name": "PLAID-SECRET"},
    "plaidVersion": {"type": "apiKey", "in": "header", "name": "Plaid-Version"},
}


def test_keys_a_requirement_wants_together_are_all_sent(run_cli, tmp_path: Path) -> None:
    security = [{"clientId": [], "secret": [], "plaidVersion": []}]
    spec = write_spec(tmp_path, secured_spec(PLAID_SCHEMES, security))
    run_cli("generate", spec, "--out", tmp_path / "out")
    collection = json.loads((tmp_path / "out" / "test-api-v1.0.postman_collection.json").read_text())
    assert auth_attributes(collection["auth"]) == {
        "key": "PLAID-CLIENT-ID",
        "value": "{{clientId}}",
        "in": "header",
    }
    request = requests_by_name(collection)["List things"]["request"]
    assert [(h["key"], h["value"]) for h in request["header"] if h["key"] != "Accept"] == [
        ("PLAID-SECRET", "{{secret}}"),
        ("Plaid-Version", "{{plaidVersion}}"),
    ]
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert [(v["key"], v["type"]) for v in environment["values"]][1:] == [
        ("clientId", "secret"),
        ("secret", "secret"),
        ("plaidVersion", "secret"),
    ]


def test_a_bearer_scheme_listed_after_an_api_key_is_still_the_auth(tmp_path: Path) -> None:
    """readme's security-multiple spec wants `{apiKey_header, basic, oauth2}` at once: the API key goes beside
    the auth as a header, and the basic scheme (which only an auth can send) is the auth, not left out."""
    schemes = {
        "apiKey_header": {"type": "apiKey", "in": "header", "name": "X-API-KEY"},
        "basic": {"type": "http", "scheme": "basic"},
        "oauth2": {
            "type": "oauth2",
            "flows": {"implicit": {"authorizationUrl": "https://a.example/", "scopes": {}}},
        },
    }
    security = [{"apiKey_header": [], "basic": [], "oauth2": []}]
    collection = build_json(tmp_path, secured_spec(schemes, security))
    assert collection["auth"]["type"] == "basic"
    request = requests_by_name(collection)["List things"]["request"]
    assert [(h["key"], h["value"]) for h in request["header"] if h["key"] != "Accept"] == [
        ("X-API-KEY", "{{apiKeyHeader}}")
    ]


def test_companion_keys_go_where_their_scheme_says_and_replace_a_parameter_of_the_same_name(
    tmp_path: Path,
) -> None:
    schemes = {
        "bearer": {"type": "http", "scheme": "bearer"},
        "app": {"type": "apiKey", "in": "query", "name": "app_key"},
        "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "tenant": {"type": "apiKey", "in": "header", "name": "X-Tenant"},
    }
    parameters = [
        {"name": "app_key", "in": "query", "required": True, "schema": {"type": "string"}},
        {"name": "X-Tenant", "in": "header", "schema": {"type": "string"}},
        {"name": "theme", "in": "cookie", "schema": {"type": "string", "example": "dark"}},
    ]
    operations = {"get": {"summary": "List things", "parameters": parameters, "responses": OK}}
    security = [{"bearer": [], "app": [], "session": [], "tenant": []}, {"app": []}]
    collection = build_json(tmp_path, secured_spec(schemes, security, operations))
    assert collection["auth"] == {
        "type": "bearer",
        "bearer": [{"key": "token", "value": "{{bearer}}", "type": "string"}],
    }
    request = requests_by_name(collection)["List things"]["request"]
    assert [(q["key"], q["value"]) for q in request["url"]["query"]] == [("app_key", "{{app}}")]
    assert [
        (h["key"], h["value"], h.get("disabled", False)) for h in request["header"] if h["key"] != "Accept"
    ] == [
        ("X-Tenant", "{{tenant}}", False),
        ("Cookie", "sid={{session}}", False),
        ("Cookie", "sid={{session}}; theme=dark", True),
    ]


def test_http_bearer(tmp_path: Path) -> None:
    scheme = {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    collection = build_json(tmp_path, secured_spec({"jwt": scheme}, [{"jwt": []}]))
    assert collection["auth"]["type"] == "bearer"
    assert auth_attributes(collection["auth"]) == {"token": "{{jwt}}"}


def test_http_basic(tmp_path: Path) -> None:
    collection = build_json(
        tmp_path, secured_spec({"basic": {"type": "http", "scheme": "Basic"}}, [{"basic": []}])
    )
    assert collection["auth"]["type"] == "basic"
    assert auth_attributes(collection["auth"]) == {
        "username": "{{basicUsername}}",
        "password": "{{basicPassword}}",
    }


def test_another_http_scheme_sends_its_own_word_and_the_sandbox_takes_it(tmp_path: Path) -> None:
    """CyberArk Conjur's `scheme: Token` went out as `Authorization: Bearer …`, which its API (and the sandbox,
    reading the scheme's word) refuses: it is an API Key header carrying `Token {{tokenAuth}}`."""
    from postman_kit.openapi import load_api
    from postman_kit.sandbox.keys import keys_from_data
    from postman_kit.sandbox.service import Incoming, Sandbox

    spec = secured_spec({"tokenAuth": {"type": "http", "scheme": "Token"}}, [{"tokenAuth": []}])
    collection = build_json(tmp_path, spec)
    assert collection["auth"]["type"] == "apikey"
    sent = auth_attributes(collection["auth"])
    assert sent == {"key": "Authorization", "value": "Token {{tokenAuth}}", "in": "header"}
    key = "pk_" + "7" * 34
    sandbox = Sandbox(
        load_api(str(write_spec(tmp_path, spec))), keys_from_data({"keys": {key: {}}}, "k"), None
    )
    header = {"authorization": sent["value"].replace("{{tokenAuth}}", key)}
    assert sandbox.serve(Incoming("GET", "/things", {}, header)).status == 200
    assert sandbox.serve(Incoming("GET", "/things", {}, {"authorization": f"Bearer {key}"})).status == 401


def test_oauth2_is_a_bearer_access_token_and_the_description_says_where_to_get_one(tmp_path: Path) -> None:
    scheme = {
        "type": "oauth2",
        "flows": {
            "authorizationCode": {
                "authorizationUrl": "https://auth.example.test/authorize",
                "tokenUrl": "https://auth.example.test/token",
                "scopes": {"things:write": "write", "things:read": "read"},
            }
        },
    }
    collection = build_json(tmp_path, secured_spec({"OAuth2": scheme}, [{"OAuth2": ["things:read"]}]))
    assert collection["auth"]["type"] == "bearer"
    assert auth_attributes(collection["auth"]) == {"token": "{{oauth2AccessToken}}"}
    assert "token URL https://auth.example.test/token" in collection["info"]["description"]


def test_openid_connect_is_a_bearer_access_token(tmp_path: Path) -> None:
    scheme = {
        "type": "openIdConnect",
        "openIdConnectUrl": "https://auth.example.test/.well-known/openid-configuration",
    }
    collection = build_json(tmp_path, secured_spec({"oidc": scheme}, [{"oidc": []}]))
    assert auth_attributes(collection["auth"]) == {"token": "{{oidcAccessToken}}"}


def test_operations_naming_another_bearer_scheme_read_its_own_variable(tmp_path: Path) -> None:
    # OpenAI's shape: a project key for most operations, an admin key for a few; two keys, two variables.
    schemes = {
        "ApiKeyAuth": {"type": "http", "scheme": "bearer"},
        "AdminApiKeyAuth": {"type": "http", "scheme": "bearer"},
    }
    operations = {
        "get": {"summary": "List things", "responses": OK},
        "delete": {"summary": "Purge things", "security": [{"AdminApiKeyAuth": []}], "responses": OK},
    }
    collection = build_json(tmp_path, secured_spec(schemes, [{"ApiKeyAuth": []}], operations))
    items = requests_by_name(collection)
    assert auth_attributes(collection["auth"]) == {"token": "{{apiKeyAuth}}"}
    assert "auth" not in items["List things"]["request"]
    assert auth_attributes(items["Purge things"]["request"]["auth"]) == {"token": "{{adminApiKeyAuth}}"}


def test_operations_with_security_under_a_spec_without_global_security(tmp_path: Path) -> None:
    schemes = {"bearerAuth": {"type": "http", "scheme": "bearer"}}
    operations = {
        "get": {"summary": "List things", "responses": OK},
        "post": {"summary": "Create thing", "security": [{"bearerAuth": []}], "responses": OK},
        "put": {"summary": "Replace thing", "security": [{}], "responses": OK},
    }
    collection = build_json(tmp_path, secured_spec(schemes, [], operations))
    items = requests_by_name(collection)
    assert "auth" not in collection
    assert "auth" not in items["List things"]["request"] and "auth" not in items["Replace thing"]["request"]
    assert auth_attributes(items["Create thing"]["request"]["auth"]) == {"token": "{{bearerAuth}}"}


def test_operation_with_other_security_gets_its_own_auth(tmp_path: Path) -> None:
    schemes = {
        "key": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
        "jwt": {"type": "http", "scheme": "bearer"},
    }
    operations = {
        "get": {"summary": "List things", "responses": OK},
        "post": {"summary": "Create thing", "security": [{"jwt": []}], "responses": OK},
        "put": {"summary": "Replace thing", "security": [{"key": []}], "responses": OK},
    }
    collection = build_json(tmp_path, secured_spec(schemes, [{"key": []}], operations))
    items = requests_by_name(collection)
    assert collection["auth"]["type"] == "apikey"
    assert "auth" not in items["List things"]["request"]
    assert "auth" not in items["Replace thing"]["request"]  # same as the global requirement: inherits
    assert items["Create thing"]["request"]["auth"]["type"] == "bearer"


def test_operation_without_security_gets_noauth_and_the_public_key(tmp_path: Path) -> None:
    operations = {
        "post": {
            "summary": "Create client event",
            "security": [],
            "parameters": [
                {
                    "name": "company_id",
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string", "example": "PUBLIC_API_KEY"},
                }
            ],
            "responses": {"202": {"description": "Accepted"}},
        }
    }
    doc = secured_spec({"Klaviyo-API-Key": KLAVIYO_SCHEME}, [{"Klaviyo-API-Key": []}], operations)
    doc["paths"] = {"/client/events": doc["paths"]["/things"]}
    item = requests_by_name(build_json(tmp_path, doc))["Create client event"]
    assert item["request"]["auth"] == {"type": "noauth"}
    assert query(item)["company_id"] == {"key": "company_id", "value": "{{companyId}}"}  # enabled
    assert item["request"]["url"]["raw"].endswith("/client/events?company_id={{companyId}}")


def test_optional_auth_alternative_means_noauth(tmp_path: Path) -> None:
    scheme = {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    operations = {"get": {"summary": "List things", "security": [{}], "responses": OK}}
    item = requests_by_name(build_json(tmp_path, secured_spec({"key": scheme}, [{"key": []}], operations)))
    assert item["List things"]["request"]["auth"] == {"type": "noauth"}


def test_spec_without_security_has_no_collection_auth(tmp_path: Path) -> None:
    collection = build_json(tmp_path, minimal_spec())
    assert "auth" not in collection
    assert "auth" not in requests_by_name(collection)["List things"]["request"]


def test_auth_variables_land_in_the_environment_as_secrets(run_cli, tmp_path: Path) -> None:
    scheme = {"type": "http", "scheme": "basic"}
    spec = write_spec(tmp_path, secured_spec({"basic": scheme}, [{"basic": []}]))
    run_cli("generate", spec, "--out", tmp_path / "out")
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert [(v["key"], v["type"], v["value"]) for v in environment["values"]] == [
        ("baseUrl", "default", "https://api.example.test"),
        ("basicUsername", "default", ""),
        ("basicPassword", "secret", ""),
    ]


def test_every_scheme_any_operation_uses_lands_in_the_environment(run_cli, tmp_path: Path) -> None:
    schemes = {
        "ApiKeyAuth": {"type": "http", "scheme": "bearer"},
        "AdminApiKeyAuth": {"type": "http", "scheme": "bearer"},
    }
    operations = {"get": {"summary": "List things", "security": [{"AdminApiKeyAuth": []}], "responses": OK}}
    spec = write_spec(tmp_path, secured_spec(schemes, [{"ApiKeyAuth": []}], operations))
    run_cli("generate", spec, "--out", tmp_path / "out")
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert [(v["key"], v["type"]) for v in environment["values"]][1:] == [
        ("apiKeyAuth", "secret"),
        ("adminApiKeyAuth", "secret"),
    ]


def test_key_variable_option_names_a_generic_spec_s_token(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, secured_spec({"jwt": {"type": "http", "scheme": "bearer"}}, [{"jwt": []}]))
    run_cli("generate", spec, "--out", tmp_path / "out", "--key-variable", "myToken")
    collection = json.loads((tmp_path / "out" / "test-api-v1.0.postman_collection.json").read_text())
    assert auth_attributes(collection["auth"]) == {"token": "{{myToken}}"}


def test_variable_names_are_configurable(run_cli, example_spec: Path, tmp_path: Path) -> None:
    result = run_cli(
        "generate",
        example_spec,
        "--out",
        tmp_path,
        "--key-variable",
        "klaviyoKey",
        "--public-key-variable",
        "siteId",
    )
    assert result.exit_code == 0, result.output
    collection = json.loads((tmp_path / "acme-marketing-api-v2026-07-15.postman_collection.json").read_text())
    assert auth_attributes(collection["auth"])["value"] == "Klaviyo-API-Key {{klaviyoKey}}"
    client = requests_by_name(collection)["Create Client Event"]
    assert query(client)["company_id"]["value"] == "{{siteId}}"
    environment = json.loads(
        (tmp_path / "acme-marketing-api-v2026-07-15.postman_environment.json").read_text()
    )
    assert [v["key"] for v in environment["values"]] == ["baseUrl", "klaviyoKey"]
    globals_file = json.loads((tmp_path / "acme-marketing-api.postman_globals.json").read_text())
    assert [v["key"] for v in globals_file["values"]] == ["siteId"]


def test_no_collection_ever_holds_a_private_key(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path)
    for path in tmp_path.iterdir():
        assert "pk_" not in path.read_text()


def test_a_credential_a_parameter_shows_is_sent_from_a_secret_variable(run_cli, tmp_path: Path) -> None:
    """Rocket.Chat gives no security scheme: its token is a required `X-Auth-Token` header parameter with a
    real-looking example. Truncated as every output writes a credential, it went out as `…HXSq`, a header value
    Node refuses (newman sent none of 534 requests); a query's and a cookie's were nonsense too. Each is now a
    variable named for the parameter, an empty secret in the environment; the user id beside it is kept."""
    token = "9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq"
    parameters = [
        {
            "name": "X-Auth-Token",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "example": token,
        },
        {
            "name": "X-User-Id",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "example": "aobEdbY",
        },
        {"name": "api_key", "in": "query", "required": True, "schema": {"$ref": "#/components/schemas/Key"}},
        {"name": "session", "in": "cookie", "required": True, "schema": {"type": "string"}, "example": token},
    ]
    doc = minimal_spec(
        {"/me": {"get": {"summary": "Me", "parameters": parameters, "responses": OK}}},
        components={"schemas": {"Key": {"type": "string", "minLength": 40, "example": token}}},
    )
    spec = write_spec(tmp_path, doc)
    assert run_cli("generate", spec, "--out", tmp_path / "out").exit_code == 0
    collection = json.loads((tmp_path / "out" / "test-api-v1.0.postman_collection.json").read_text())
    item = requests_by_name(collection)["Me"]
    sent = {h["key"]: h["value"] for h in item["request"]["header"]}
    assert (sent["X-Auth-Token"], sent["X-User-Id"], sent["Cookie"]) == (
        "{{xAuthToken}}",
        "aobEdbY",
        "session={{session}}",
    )
    assert [(q["key"], q["value"]) for q in query(item).values()] == [("api_key", "{{apiKey}}")]
    assert token not in json.dumps(collection)
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert [(v["key"], v["value"], v["type"]) for v in environment["values"]][1:] == [
        ("apiKey", "", "secret"),
        ("xAuthToken", "", "secret"),
        ("session", "", "secret"),
    ]
    checked = run_cli("validate", next((tmp_path / "out").glob("*collection.json")), "--spec", spec)
    assert checked.exit_code == 0, checked.output


def test_a_credential_a_form_body_shows_is_sent_from_a_secret_variable(run_cli, tmp_path: Path) -> None:
    """Vonage's SMS form body (a `$ref`) shows `api_key: abcd1234` under `minLength: 8`: truncated, `…` went out
    and the kit's own validate failed its output."""
    message = {
        "type": "object",
        "required": ["api_key", "to"],
        "properties": {
            "api_key": {"type": "string", "minLength": 8, "maxLength": 8, "example": "abcd1234"},
            "api_secret": {"type": "string", "minLength": 6, "example": "abcdef0123456789"},
            "to": {"type": "string", "example": "447700900000"},
        },
    }
    body = {
        "required": True,
        "content": {"application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/M"}}},
    }
    doc = minimal_spec(
        {"/sms/json": {"post": {"summary": "Send", "requestBody": body, "responses": OK}}},
        components={"schemas": {"M": message}},
    )
    spec = write_spec(tmp_path, doc)
    assert run_cli("generate", spec, "--out", tmp_path / "out").exit_code == 0
    collection = json.loads((tmp_path / "out" / "test-api-v1.0.postman_collection.json").read_text())
    fields = requests_by_name(collection)["Send"]["request"]["body"]["urlencoded"]
    assert [(f["key"], f["value"]) for f in fields] == [
        ("api_key", "{{apiKey}}"),
        ("api_secret", "{{apiSecret}}"),
        ("to", "447700900000"),
    ]
    checked = run_cli("validate", next((tmp_path / "out").glob("*collection.json")), "--spec", spec)
    assert checked.exit_code == 0, checked.output


def test_a_credential_a_body_field_shows_is_sent_from_a_secret_variable(run_cli, tmp_path: Path) -> None:
    """Box's token form shows `client_secret: hOzs…PYc1` and a `refresh_token` with no `minLength`: truncated
    values fit the schema, so `…PYc1` went out as the secret. A JSON body's field does the same (an API's
    `api_key` in a login body). Each is sent from a variable for the user to set; a placeholder the author wrote
    (`INSERT_SECRET_KEY`, Klaviyo's webhook) is no credential and is sent as written."""
    token_form = {
        "type": "object",
        "required": ["grant_type"],
        "properties": {
            "grant_type": {"type": "string", "enum": ["refresh_token"]},
            "client_secret": {"type": "string", "example": "hOzsTeFlT6ko0dme22uGbQal04SBPYc1"},
            "refresh_token": {
                "type": "string",
                "example": "c3FIOG9vSGV4VHz8QzN4TzV4ZmE1NVdtWFdWNzkyUkhPaE5aR1BWQ",
            },
        },
    }
    login = {
        "type": "object",
        "required": ["api_key", "secret_key"],
        "properties": {
            "api_key": {"type": "string", "example": "Zr8QmPx2LkW9vTn4Ys7Bd1Hc"},
            "secret_key": {"type": "string", "example": "INSERT_SECRET_KEY"},
        },
    }
    paths = {
        "/oauth2/token": {
            "post": {
                "summary": "Refresh",
                "requestBody": {
                    "content": {
                        "application/x-www-form-urlencoded": {
                            "schema": {"$ref": "#/components/schemas/Token"}
                        }
                    }
                },
                "responses": OK,
            }
        },
        "/login": {
            "post": {
                "summary": "Login",
                "requestBody": {"content": {"application/json": {"schema": login}}},
                "responses": OK,
            }
        },
    }
    spec = write_spec(tmp_path, minimal_spec(paths, components={"schemas": {"Token": token_form}}))
    assert run_cli("generate", spec, "--out", tmp_path / "out").exit_code == 0
    collection = json.loads((tmp_path / "out" / "test-api-v1.0.postman_collection.json").read_text())
    requests = requests_by_name(collection)
    fields = requests["Refresh"]["request"]["body"]["urlencoded"]
    assert [(f["key"], f["value"]) for f in fields] == [
        ("grant_type", "refresh_token"),
        ("client_secret", "{{clientSecret}}"),
        ("refresh_token", "{{refreshToken}}"),
    ]
    assert json.loads(requests["Login"]["request"]["body"]["raw"]) == {
        "api_key": "{{apiKey}}",
        "secret_key": "INSERT_SECRET_KEY",
    }
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    secrets = [(v["key"], v["value"], v["type"]) for v in environment["values"] if v["type"] == "secret"]
    assert secrets == [
        ("clientSecret", "", "secret"),
        ("refreshToken", "", "secret"),
        ("apiKey", "", "secret"),
    ]
    checked = run_cli("validate", next((tmp_path / "out").glob("*collection.json")), "--spec", spec)
    assert checked.exit_code == 0, checked.output
