"""No output shows a private key in full: a key pasted anywhere in a fork (query, path, host, header, body, form
field, variable, auth, description), after any character or escape, never reaches a byte of what validate, diff,
upgrade, snippet, logs, activity or the /_activity API print or write; upgrade swaps it for `{{privateKey}}`."""

from __future__ import annotations

import copy
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml

from postman_kit.secrets import redact, redact_bytes, truncate_key
from tests.support.diff import TODAY, all_items, find_folder, find_item, make_specs
from tests.tools import require_corpus

KEY = "pk_7f3c9a1e5b2d4f6a8c0e1b3d5f7a9c2ebeef"
SHOWN = truncate_key(KEY)  # pk_…beef
# What a key looks like escaped: its `p` JSON-escaped, every character percent-encoded.
JSON_ESCAPED = "\\u0070" + KEY[1:]
PERCENT_ENCODED = "".join(f"%{ord(c):02X}" for c in KEY)
# what comes before the key: nothing, escapes, a word character, a digit, quotes
PREFIXES = {
    "bare": "",
    "space": "%20",
    "equals": "%3D",
    "quote": "%27",
    "underscore": "_",
    "letter": "x",
    "digit": "7",
    "double-quote": '"',
    "single-quote": "'",
}


def leaks(blob: bytes | str) -> list[str]:
    """The forms of KEY found in `blob`: in full, its secret middle, or the whole of it escaped."""
    text = blob.decode("utf-8", "replace") if isinstance(blob, bytes) else blob
    forms = {
        "key": KEY,
        "middle": KEY[3:-4],
        "escaped": JSON_ESCAPED,
        "percent-middle": PERCENT_ENCODED[9:-12],
    }
    return [name for name, form in forms.items() if form in text]


@pytest.mark.parametrize("prefix", list(PREFIXES.values()) + ["\\u0020", "%2F", "Bearer "])
@pytest.mark.parametrize(
    "key",
    [
        KEY,
        JSON_ESCAPED,
        PERCENT_ENCODED,
        "%70k%5F" + KEY[3:],
        "%5Cu0070" + KEY[1:],
        "%2570k%255F" + KEY[3:],
        "\\" + JSON_ESCAPED,
    ],
)
def test_redact_finds_a_key_after_any_character_and_through_escapes(prefix: str, key: str) -> None:
    text = f"before {prefix}{key} after"
    assert leaks(redact(text)) == []
    assert SHOWN in redact(text)
    assert leaks(redact_bytes(text.encode())) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("X-Api-Key: sk_live_51HxYzAbCdEfGh1234567890abcdWXYZ", "X-Api-Key: sk_…WXYZ"),
        ("token ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5 in a script", "token …3zA5 in a script"),
        ("id AKIAZQ3DX7V2ABCDE9KQ", "id …E9KQ"),
        ("xoxb-1234567890-abcdefGHIJ", "…GHIJ"),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlX3NlY3JldF8xMjM0", "jwt …MjM0"),
        (
            '{"url": "{{baseUrl}}/notes?limit=5&api_key=Zq81mXk2Lw9pRt"}',
            '{"url": "{{baseUrl}}/notes?limit=5&api_key=…9pRt"}',
        ),
        # an XML body's element, a namespace prefix and attributes allowed; a page token is no credential
        (
            '<auth><ns:client_secret id="1">Zq81mXk2Lw9pRt</ns:client_secret><page_token>abcdefghij</page_token>',
            '<auth><ns:client_secret id="1">…9pRt</ns:client_secret><page_token>abcdefghij</page_token>',
        ),
        (
            "<api_key>{{apiKey}}</api_key><token>short</token>",
            "<api_key>{{apiKey}}</api_key><token>short</token>",
        ),
    ],
)
def test_redact_finds_credentials_in_their_issuers_formats_and_by_query_name(text: str, shown: str) -> None:
    """A fork's saved requests carry other services' keys: diff's and upgrade's JSON reports printed them."""
    assert redact(text) == shown


def test_redact_leaves_placeholders_in_issued_formats() -> None:
    """What specs and docs show as examples (AWS's `AKIAIOSFODNN7EXAMPLE`, OpenAI's digits-only stand-in) and
    variables in a query are no secret."""
    for text in (
        "AKIAIOSFODNN7EXAMPLE",
        "sk-proj--123456789098765432123456789",
        "sk_test_YOUR_SECRET_KEY_1234567890",
        "?api_key={{apiKey}}",
        "?page_token=abc&key=short",
    ):
        assert redact(text) == text


def test_redact_keeps_what_is_no_secret() -> None:
    for text in (
        "Basic authentication",
        "basic information",
        "Bearer {{token}}",
        "pk_short",
        "{{privateKey}}",
        "/api/profiles/01H?fields[profile]=created",
        SHOWN,
    ):
        assert redact(text) == text
    assert redact("Authorization: Basic dXNlcjpodW50ZXIy") == "Authorization: Basic " + truncate_key(
        "dXNlcjpodW50ZXIy"
    )
    assert redact(
        "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"
    ) == "Authorization: Bearer " + truncate_key("eyJhbGciOiJIUzI1NiJ9.payload.sig")


# -- a fork with the key pasted everywhere, as Postman saves it ------------------------------------------------
def _url(
    host: list[str],
    path: list[str],
    query: list[dict[str, str]] | None = None,
    variable: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    raw = ".".join(host) + "/" + "/".join(path)
    if query:
        raw += "?" + "&".join(f"{q['key']}={q['value']}" for q in query)
    url: dict[str, Any] = {"raw": raw, "host": host, "path": path}
    if query:
        url["query"] = query
    if variable:
        url["variable"] = variable
    return url


def _saved(name: str, placement: str, value: str) -> dict[str, Any]:
    """A saved GET/POST of the profiles endpoint with `value` (holding the key) in one `placement`."""
    headers = [
        {"key": "revision", "value": "{{revision}}"},
        {"key": "Accept", "value": "application/vnd.api+json"},
    ]
    request: dict[str, Any] = {
        "method": "GET",
        "header": headers,
        "url": _url(["{{baseUrl}}"], ["api", "profiles", ""]),
    }
    if placement == "query":
        request["url"] = _url(["{{baseUrl}}"], ["api", "profiles", ""], [{"key": "api_key", "value": value}])
    elif placement == "path":
        request["url"] = _url(["{{baseUrl}}"], ["api", "profiles", value, ""])
    elif placement == "host":
        request["url"] = _url([value, "a", "klaviyo", "com"], ["api", "profiles", ""])
    elif placement == "header":
        headers.append({"key": "Authorization", "value": f"Klaviyo-API-Key {value}"})
        headers.append({"key": "X-Note", "value": value})
    elif placement == "raw-json":
        request["method"] = "POST"
        headers.append({"key": "Content-Type", "value": "application/vnd.api+json"})
        request["body"] = {
            "mode": "raw",
            "raw": '{\n  "data": {"type": "profile", "attributes": '
            f'{{"email": "a@b.com", "properties": {{"note": "{value}"}}}}}}\n}}',
            "options": {"raw": {"language": "json"}},
        }
    elif placement == "urlencoded":
        request["method"] = "POST"
        request["body"] = {
            "mode": "urlencoded",
            "urlencoded": [{"key": "api_key", "value": value, "type": "text"}],
        }
    elif placement == "variable":
        request["url"] = _url(
            ["{{baseUrl}}"], ["api", "profiles", ":id", ""], variable=[{"key": "id", "value": value}]
        )
    elif placement == "auth":
        request["auth"] = {
            "type": "apikey",
            "apikey": [
                {"key": "value", "value": f"Klaviyo-API-Key {value}", "type": "string"},
                {"key": "key", "value": "Authorization", "type": "string"},
            ],
        }
    elif placement == "bearer":
        request["auth"] = {"type": "bearer", "bearer": [{"key": "token", "value": value, "type": "string"}]}
    elif placement == "description":
        request["description"] = f"Called with {value} by hand."
    return {"name": name, "request": request, "response": []}


PLACEMENTS = (
    "query",
    "path",
    "host",
    "header",
    "raw-json",
    "urlencoded",
    "variable",
    "auth",
    "bearer",
    "description",
)


def values() -> dict[str, str]:
    """Each prefix before the plain key, plus the key JSON-escaped and percent-encoded."""
    found = {name: prefix + KEY for name, prefix in PREFIXES.items()}
    found["json-escaped"] = JSON_ESCAPED
    found["percent-encoded"] = PERCENT_ENCODED
    return found


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keys")
    specs = make_specs(folder)
    collection = json.loads(specs["old_collection"].read_text())
    profiles = find_folder(collection, "Profiles", "Profiles")
    # an upstream request edited in place: the key typed into its header and a query value
    get_profiles = find_item(profiles, "Get Profiles")
    get_profiles["request"]["header"].append({"key": "X-Api-Key", "value": KEY})
    mine = [
        _saved(f"{placement} {name}", placement, value)
        for placement in PLACEMENTS
        for name, value in values().items()
    ]
    profiles["item"].extend(mine)
    collection["variable"].append({"key": "backupKey", "value": KEY})
    collection["variable"].append({"key": "escapedKey", "value": "%3D" + KEY})
    fork = folder / "fork.postman_collection.json"
    fork.write_text(json.dumps(collection, indent=2))
    return {**specs, "fork": fork, "folder": folder}


def _inputs_hold_the_key(world: dict[str, Path]) -> None:
    assert KEY in world["fork"].read_text()  # the test is no test unless the fork really holds the key


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_validate_never_prints_the_key(run_cli, world, fmt: str, tmp_path: Path) -> None:
    _inputs_hold_the_key(world)
    shown = run_cli("validate", world["fork"], "--spec", world["new"], "-f", fmt)
    assert shown.exit_code == 1, shown.stderr
    assert "secret" in shown.stdout and SHOWN in shown.stdout
    assert leaks(shown.stdout + shown.stderr) == []
    out = tmp_path / f"report.{fmt}"
    written = run_cli("validate", world["fork"], "--spec", world["new"], "-f", fmt, "-o", out)
    assert (
        written.exit_code == 1
        and leaks(out.read_bytes()) == []
        and leaks(written.stdout + written.stderr) == []
    )


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_diff_never_prints_a_saved_request_with_the_key(run_cli, world, fmt: str) -> None:
    shown = run_cli(
        "diff",
        world["fork"],
        world["new"],
        "--revisions",
        world["revisions"],
        "--format",
        fmt,
        "--today",
        TODAY.isoformat(),
    )
    assert shown.exit_code == 0, shown.stderr
    assert (
        "query bare" in shown.stdout and "header percent-encoded" in shown.stdout
    )  # the saved requests are listed
    assert leaks(shown.stdout + shown.stderr) == []


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_upgrade_replaces_every_pasted_key_and_lists_it(run_cli, world, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "upgraded.json"
    shown = run_cli(
        "upgrade",
        world["fork"],
        "--to",
        world["new"],
        "--revisions",
        world["revisions"],
        "-o",
        out,
        "--format",
        fmt,
        "--today",
        TODAY.isoformat(),
    )
    assert shown.exit_code == 0, shown.stderr
    assert leaks(shown.stdout + shown.stderr) == []
    written = out.read_bytes()
    assert leaks(written) == [] and SHOWN.encode() not in written  # replaced, not merely truncated
    upgraded = json.loads(written)
    items = {item["name"].removeprefix("⚠ "): item for _, item in all_items(upgraded["item"])}
    for placement in PLACEMENTS:
        for name in values():
            assert "{{privateKey}}" in json.dumps(items[f"{placement} {name}"]), (placement, name)
    header = {h["key"]: h["value"] for h in items["header bare"]["request"]["header"]}
    assert (
        header["Authorization"] == "Klaviyo-API-Key {{privateKey}}" and header["X-Note"] == "{{privateKey}}"
    )
    assert items["query letter"]["request"]["url"]["query"][0]["value"] == "x{{privateKey}}"
    edited = {h["key"]: h["value"] for h in items["Get Profiles"]["request"]["header"]}
    assert edited["X-Api-Key"] == "{{privateKey}}"
    variables = {v["key"]: v["value"] for v in upgraded["variable"]}
    assert variables["backupKey"] == "{{privateKey}}" and variables["escapedKey"] == "%3D{{privateKey}}"
    if fmt == "json":
        report = json.loads(shown.stdout)
        replaced = report["keysReplaced"]
        assert report["summary"]["keysReplaced"] == len(replaced)
        assert {
            "request": "Profiles/Profiles/header bare",
            "where": "header `Authorization`",
            "key": SHOWN,
            "variable": "privateKey",
        } in replaced
        wheres = {(r["request"].rsplit("/", 1)[-1], r["where"]) for r in replaced}
        for expected in [
            ("query bare", "query `api_key`"),
            ("path digit", "path"),
            ("host letter", "host"),
            ("raw-json json-escaped", "body"),
            ("urlencoded quote", "body field `api_key`"),
            ("variable equals", "path variable `id`"),
            ("auth bare", "auth (apikey)"),
            ("bearer underscore", "auth (bearer)"),
            ("description space", "description"),
            ("Get Profiles", "header `X-Api-Key`"),
            ("collection", "variable `backupKey`"),
        ]:
            assert expected in wheres, expected
    else:
        assert (
            "Keys replaced (revoke them" in shown.stdout
            and f"header `Authorization` ({SHOWN})" in shown.stdout
        )


def test_snippets_of_requests_with_a_pasted_key_never_print_it(run_cli, world) -> None:
    for name in ("header bare", "query percent-encoded", "raw-json json-escaped", "urlencoded underscore"):
        for language in ("curl", "python"):
            shown = run_cli("snippet", world["fork"], f"Profiles/Profiles/{name}", "--language", language)
            assert leaks(shown.stdout + shown.stderr) == [], (name, language, shown.stdout)


# -- a recorded call carrying the key ----------------------------------------------------------------------------
def test_a_recorded_call_never_shows_the_key_in_the_store_logs_or_pages(
    run_cli, world, tmp_path: Path
) -> None:
    from postman_kit.activity.web import activity_routes
    from postman_kit.logstore import open_store
    from postman_kit.openapi import load_api
    from postman_kit.sandbox.app import create_app
    from postman_kit.sandbox.keys import keys_from_data

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    data = tmp_path / "data"
    data.mkdir()
    keys = keys_from_data({"keys": {KEY: {"name": "ci"}}}, "keys.yaml")
    headers = {
        "Authorization": f"Klaviyo-API-Key {KEY}",
        "revision": "2026-07-15",
        "Content-Type": "application/vnd.api+json",
    }
    with open_store(data / "logs.sqlite3") as store:
        app = create_app(
            load_api(str(world["new"])),
            keys=keys,
            data_dir=None,
            recorder=store,
            extra_routes=activity_routes(store),
        )
        with TestClient(app, base_url="http://127.0.0.1") as client:
            for name, value in values().items():
                client.get(f"/api/profiles/{value}", headers=headers)
                client.get(f"/api/profiles?filter=equals(email,'{value}')&api_key=x{value}", headers=headers)
                body = {
                    "data": {
                        "type": "profile",
                        "attributes": {"email": f"{name}@example.com", "properties": {"note": value}},
                    }
                }
                client.post("/api/profiles", headers=headers, content=json.dumps(body).replace(KEY, value))
            client.get(f"/_{KEY}", headers={**headers, "Authorization": f"Bearer {KEY}"})
            pages = [
                client.get(p)
                for p in (
                    "/_activity",
                    "/_activity/logs",
                    "/_activity/api/activity",
                    "/_activity/api/logs",
                    f"/_activity/logs?path={KEY}",
                    f"/_activity/api/logs?path=x{KEY}",
                )
            ]
            call_ids = [c["id"] for c in client.get("/_activity/api/logs").json()["calls"]]
            pages += [client.get(f"/_activity/logs/{call_id}") for call_id in call_ids]
        assert len(call_ids) >= 20
        for page in pages:
            assert leaks(page.content) == [], page.url
    stored = b"".join(p.read_bytes() for p in data.iterdir() if p.is_file())
    assert stored and leaks(stored) == []
    outputs = [
        run_cli("logs", "search", "--data", data, "--limit", "100", "--format", fmt)
        for fmt in ("text", "json")
    ]
    outputs += [
        run_cli("logs", "show", call_id, "--data", data, "--format", fmt)
        for call_id in call_ids[:8]
        for fmt in ("text", "json")
    ]
    outputs += [run_cli("activity", "--data", data, "--format", fmt) for fmt in ("text", "json")]
    for result in outputs:
        assert result.exit_code == 0, result.stderr
        assert leaks(result.stdout + result.stderr) == []


def test_an_error_naming_a_source_with_the_key_shows_it_truncated(run_cli, tmp_path: Path) -> None:
    missing = tmp_path / f"export-{KEY}.json"
    shown = run_cli("validate", missing)
    assert shown.exit_code == 2 and leaks(shown.stderr) == [] and SHOWN in shown.stderr


def test_redacting_a_json_document_leaves_valid_json_whatever_surrounds_the_key() -> None:
    import random

    pieces = [
        "\\",
        "\\\\",
        "\\u0070",
        "%5C",
        "%25",
        "%70",
        '"',
        "'",
        "x",
        "_",
        " ",
        "\n",
        "é",
        "Bearer ",
        KEY,
        JSON_ESCAPED,
        PERCENT_ENCODED,
        KEY[:10],
        KEY[10:],
    ]
    chooser = random.Random(19)
    for _ in range(500):
        value = "".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 8)))
        for text in (json.dumps({"v": value}), json.dumps({"v": value}, ensure_ascii=False)):
            redacted = redact(text)
            assert json.loads(redacted) is not None, (value, redacted)
            assert KEY not in redacted and KEY not in json.loads(redacted)["v"], value
            assert redact(redacted) == redacted


def test_a_password_in_a_urls_userinfo_is_shown_truncated_in_text_and_written_output() -> None:
    """A spec's server `https://admin:…@api` and a saved request's URL were written and printed in full."""
    url = "https://admin:s3cr3tPassw0rd@api.example.com/v1"
    assert redact(url) == "https://admin:…w0rd@api.example.com/v1"
    assert redact_bytes(url.encode()) == "https://admin:…w0rd@api.example.com/v1".encode()
    for kept in ("https://u:{{password}}@host/", "mailto:a@b.com", "https://x.com/a:b@c"):
        assert redact(kept) == kept


def test_stand_ins_for_a_credential_are_no_credential() -> None:
    """Real exports write `jwt_token_here` (Tocaan's examples) and `{access_token}` (Wise's) where a token
    goes: upgrade replaced them with variables and listed them as keys to revoke."""
    from postman_kit.secrets import holds_named_credential

    for value in ("jwt_token_here", "{access_token}", "${ACCESS_TOKEN}", "<access token>", "example-token-1"):
        assert not holds_named_credential("access_token", value), value
    assert holds_named_credential("access_token", "A21AAGx9f8e7d6c5b4a3")


def test_credentials_a_spec_gives_as_examples_are_written_truncated(tmp_path: Path) -> None:
    """Kratos's session token in a header's example, GitHub's tokens in a revoke body, an AWS key id in a query
    example and a JWT in a path example: the generated collection holds none in full (each is truncated, as every
    output writes a key, or sent from a variable) and validate finds nothing in the kit's own output."""
    from postman_kit.generation import generate
    from postman_kit.openapi import load_api
    from postman_kit.validate import validate_collection
    from tests.support.generate import minimal_spec, write_spec

    session = "MP2YWEMeM8MxjkGKpH4dqOQ4Q4DlSPaj"
    github = "ghp_" + "1234567890abcdef" * 2 + "12345678"
    aws = "AKIA" + "Q3EGRJ5XK2PLMN7T"
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    operations = {
        "/whoami": {
            "get": {
                "summary": "Who am I",
                "parameters": [
                    {"name": "X-Session-Token", "in": "header", "required": True, "example": session,
                     "schema": {"type": "string"}},
                    {"name": "access_key", "in": "query", "required": True, "example": aws, "schema": {"type": "string"}},
                ],
                "responses": {"200": {"description": "OK"}},
            }
        },
        "/sessions/{token}": {
            "get": {
                "summary": "Get session",
                "parameters": [{"name": "token", "in": "path", "required": True, "example": jwt, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "OK"}},
            }
        },
        "/credentials/revoke": {
            "post": {
                "summary": "Revoke credentials",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"type": "object"}, "example": {"credentials": [github]}}},
                },
                "responses": {"202": {"description": "Accepted"}},
            }
        },
    }  # fmt: skip
    spec = write_spec(tmp_path, minimal_spec(operations), "spec.json")
    result = generate(str(spec), tmp_path / "out")
    text = result.files[0].read_text()
    for secret in (session, github, aws, jwt):
        assert secret not in text
    for secret in (github, jwt):
        assert truncate_key(secret) in text
    # a header's and a query's are sent from a variable of their own, truncated text being nothing to send
    assert '"value": "{{xSessionToken}}"' in text and '"value": "{{accessKey}}"' in text
    report = validate_collection(json.loads(text), "c.json", api=load_api(str(spec)))
    assert [f.rule for f in report.findings if f.rule.startswith("auth/")] == []


def test_each_secret_a_fork_holds_is_found_by_validate_and_becomes_a_variable_of_its_own(
    run_cli, tmp_path: Path
) -> None:
    """A fork's own token calls, as users save them: OAuth 1.0's consumer and token secrets, EdgeGrid's client
    secret, a `client_secret` form field, and on another service a Basic password beside a `refresh_token`
    field. validate found none of the first four; upgrade made all of them one `{{apiToken}}` (the request could
    no longer send both halves), defined nowhere."""
    from tests.tools import EXAMPLE_SPEC

    secrets = {
        "consumer": "OAuth1-Consumer-Secret-9f8e7d6c5b4a",
        "token": "OAuth1-Token-Secret-1a2b3c4d5e6f",
        "edgegrid": "C113nt53KR3TN6N90yVuAgICxIRwsObLi0E67/N8eRN=",
        "form": "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Ff",
        "password": "3f9a1c2b7d8e4f60a1b2c3d4e5f60718",
        "refresh": "AQCx9S4refreshTokenValueLongEnough1234567890abcdef",
    }

    def item(name: str, **request: Any) -> dict[str, Any]:
        url = {"raw": "https://auth.other.test/token", "protocol": "https", "host": ["auth", "other", "test"],
               "path": ["token"]}  # fmt: skip
        return {"name": name, "request": {"method": "POST", "header": [], "url": url, **request}}

    def attributes(**values: str) -> list[dict[str, str]]:
        return [{"key": k, "value": v, "type": "string"} for k, v in values.items()]

    fork = {
        "info": {"name": "Mine", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [
            item("oauth1", auth={"type": "oauth1", "oauth1": attributes(
                consumerKey="ck1", consumerSecret=secrets["consumer"], tokenSecret=secrets["token"])}),
            item("edgegrid", auth={"type": "edgegrid", "edgegrid": attributes(clientSecret=secrets["edgegrid"])}),
            item("form", body={"mode": "urlencoded", "urlencoded": [
                {"key": "grant_type", "value": "client_credentials"}, {"key": "client_secret", "value": secrets["form"]}]}),
            item("refresh", auth={"type": "basic", "basic": attributes(username="{{clientId}}", password=secrets["password"])},
                 body={"mode": "urlencoded", "urlencoded": [{"key": "refresh_token", "value": secrets["refresh"]}]}),
        ],
    }  # fmt: skip
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    found = run_cli("validate", path, "--select", "auth", "--format", "json")
    flagged = json.loads(found.stdout)["findings"] if found.stdout.strip().startswith("{") else []
    assert found.exit_code == 1
    assert (
        len(
            {
                (f["item"], f["message"])
                for f in flagged
                if f["rule"] in ("auth/literal-key", "auth/secret-value")
            }
        )
        >= 6
    )
    out = tmp_path / "up.json"
    result = run_cli("upgrade", path, "--to", EXAMPLE_SPEC, "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert not [s for s in secrets.values() if s in text or s in result.output]
    upgraded = json.loads(text)
    sent: list[str] = []
    for node in upgraded["item"]:
        request = node.get("request") or {}
        auth = request.get("auth") or {}
        sent += [
            a["value"]
            for a in auth.get(auth.get("type"), [])
            if a["key"] != "consumerKey" and a["key"] != "username"
        ]
        sent += [
            f["value"] for f in (request.get("body") or {}).get("urlencoded", []) if f["key"] != "grant_type"
        ]
    assert len(sent) == len(secrets) and len(set(sent)) == len(secrets)  # one variable per secret
    declared = {v["key"]: v["value"] for v in upgraded["variable"]}
    for reference in sent:
        assert reference.startswith("{{") and declared[reference.strip("{}")] == ""  # defined, empty


def test_a_pasted_secret_never_takes_a_variable_the_collection_holds_for_something_else(
    run_cli, tmp_path: Path
) -> None:
    """The fork has `xOtherToken = "abc"` (not a secret) and an `X-Other-Token` header holding a pasted key:
    the key became `{{xOtherToken}}`, so the request sent "abc", unreported. A variable that held the very
    secret stays its place."""
    from tests.tools import EXAMPLE_SPEC

    pasted, kept = "8f14e45fceea167a5a36dedd4bea2543", "c9f0f895fb98ab9159f51fd0297e236d"
    url = {"raw": "https://other.test/x", "protocol": "https", "host": ["other", "test"], "path": ["x"]}
    headers = [{"key": "X-Other-Token", "value": pasted}, {"key": "X-Kept-Token", "value": kept}]
    fork = {
        "info": {
            "name": "Mine",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "variable": [{"key": "xOtherToken", "value": "abc"}, {"key": "keptToken", "value": kept}],
        "item": [{"name": "call", "request": {"method": "GET", "header": headers, "url": url}}],
    }
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    assert run_cli("upgrade", path, "--to", EXAMPLE_SPEC, "-o", out).exit_code == 0
    upgraded = json.loads(out.read_text())
    (call,) = [node for node in upgraded["item"] if node.get("name") == "call"]
    sent = {h["key"]: h["value"] for h in call["request"]["header"]}
    assert sent["X-Other-Token"] not in ("{{xOtherToken}}", pasted) and sent["X-Other-Token"].startswith("{{")
    assert sent["X-Kept-Token"] == "{{keptToken}}"
    variables = {v["key"]: v["value"] for v in upgraded["variable"]}
    assert variables["xOtherToken"] == "abc" and variables["keptToken"] == ""


def test_credentials_a_spec_names_or_shows_anywhere_are_written_truncated(tmp_path: Path) -> None:
    """A spec's own credentials beyond issued tokens: a query `api_key` and `aws_secret_access_key` example,
    `client_secret` in a form and a JSON body, a server URL's `?key=AIza…`, a token in the description and in an
    OAuth response example. The kit's own validate found them in its output."""
    from postman_kit.generation import generate
    from postman_kit.openapi import load_api
    from postman_kit.validate import validate_collection
    from tests.support.generate import minimal_spec, write_spec

    google = "AIzaSyA1234567890abcdefghijklmnopqrstu"
    github = "ghp_AAAAbbbbCCCCdddd1111222233334444EEEE"
    aws = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzz9Qs8Ab3d"
    client_secret = "8f14e45fceea167a5a36dedd4bea2543"
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
    form = {"type": "object", "properties": {"client_secret": {"type": "string", "example": client_secret}}}
    token_response = {"application/json": {"example": {"access_token": jwt, "token_type": "Bearer"}}}
    operations = {
        "/token": {"post": {
            "summary": "Token",
            "parameters": [
                {"name": "api_key", "in": "query", "required": True, "example": client_secret, "schema": {"type": "string"}},
                {"name": "aws_secret_access_key", "in": "query", "required": True, "example": aws, "schema": {"type": "string"}},
            ],
            "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": form}}},
            "responses": {"200": {"description": "OK", "content": token_response}},
        }},
        "/keys": {"post": {
            "summary": "Keys",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object"}, "example": {"client_secret": client_secret}}}},
            "responses": {"200": {"description": "OK"}},
        }},
    }  # fmt: skip
    document = minimal_spec(operations, servers=[{"url": f"https://api.example.test/v1?key={google}"}])
    document["info"]["description"] = f"Try it with {github}."
    spec = write_spec(tmp_path, document, "spec.json")
    result = generate(str(spec), tmp_path / "out")
    written = "".join(path.read_text() for path in result.files)
    for secret in (google, github, aws, client_secret, jwt, aws.replace("+", "%2B")):
        assert secret not in written, secret
    report = validate_collection(json.loads(result.files[0].read_text()), "c.json", api=load_api(str(spec)))
    assert [f.rule for f in report.findings if f.rule.startswith("auth/")] == []


def test_a_resource_id_named_token_is_no_credential(tmp_path: Path) -> None:
    """Lithic names its resources' ids `token` (`card_token`, `account_token`, a body's `token`: UUIDs); written
    truncated as credentials, 140 of its 218 requests failed their `format: uuid`."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name

    card, account = "7ef7d65c-9023-4da3-b113-3b8583fd7951", "ecbd1d58-0299-48b3-84da-6ed7f5bf9ec1"
    uuid = {"type": "string", "format": "uuid"}
    operation = {
        "summary": "Simulate",
        "parameters": [
            {"name": "card_token", "in": "path", "required": True, "schema": {**uuid, "example": card}},
            {"name": "account_token", "in": "query", "required": True, "schema": {**uuid, "example": account}},
        ],
        "requestBody": {"required": True, "content": {"application/json": {
            "schema": {"type": "object", "properties": {"token": uuid}}, "example": {"token": card}}}},
        "responses": {"200": {"description": "OK"}},
    }  # fmt: skip
    spec = minimal_spec({"/cards/{card_token}/simulate": {"post": operation}})
    request = requests_by_name(build_json(tmp_path, spec))["Simulate"]["request"]
    assert request["url"]["variable"][0]["value"] == card
    assert request["url"]["query"][0]["value"] == account
    assert json.loads(request["body"]["raw"]) == {"token": card}


def test_a_variable_whose_name_looks_like_a_token_is_left_as_typed(run_cli, tmp_path: Path) -> None:
    """`{{ghp_…}}` names a variable; nothing is typed in. It was rewritten to the broken `{{{{apiKey}}}}`."""
    from tests.tools import EXAMPLE_SPEC

    name = "{{ghp_AAAAbbbbCCCCdddd1111222233334444EEEE}}"
    url = {"raw": "https://other.test/x", "protocol": "https", "host": ["other", "test"], "path": ["x"]}
    fork = {
        "info": {
            "name": "Mine",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {
                "name": "call",
                "request": {"method": "GET", "header": [{"key": "X-Token", "value": name}], "url": url},
            }
        ],
    }
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    assert run_cli("upgrade", path, "--to", EXAMPLE_SPEC, "-o", out).exit_code == 0
    (call,) = [node for node in json.loads(out.read_text())["item"] if node.get("name") == "call"]
    assert call["request"]["header"] == [{"key": "X-Token", "value": name}]


def test_another_service_s_credential_under_any_header_becomes_a_variable_named_for_it(
    run_cli, tmp_path: Path
) -> None:
    """An AWS key id the user pasted into their own `X-Aws-Id` header on an upstream request became the API's own
    `{{bearerAuth}}`: the upgraded request would send the API's token to whoever reads `X-Aws-Id`."""
    spec = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    data = yaml.safe_load(spec.read_text())
    data.pop("x-topics", None)
    (tmp_path / "spec.json").write_text(json.dumps(data))
    assert run_cli("generate", tmp_path / "spec.json", "-o", tmp_path / "gen").exit_code == 0
    [generated] = (tmp_path / "gen").glob("*.postman_collection.json")
    fork = json.loads(generated.read_text())
    aws = "AKIA" + "Z7Q4RTV2XJ3KLM8P"
    [trips] = [
        i
        for folder in fork["item"]
        for i in folder.get("item", [])
        if i["name"] == "Get available train trips"
    ]
    trips["request"]["header"].append({"key": "X-Aws-Id", "value": aws})
    (tmp_path / "fork.json").write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", tmp_path / "fork.json", "--to", tmp_path / "spec.json", "-o", out)
    assert result.exit_code == 0, result.output
    assert aws not in out.read_text() and aws not in result.output
    upgraded = json.loads(out.read_text())
    [kept] = [
        i
        for folder in upgraded["item"]
        for i in folder.get("item", [])
        if i["name"] == "Get available train trips"
    ]
    sent = {h["key"]: h["value"] for h in kept["request"]["header"]}
    assert sent["X-Aws-Id"] == "{{xAwsId}}"
    assert "xAwsId" in {v["key"] for v in upgraded["variable"]}


@pytest.mark.parametrize("form", ["v2.1", "v3"])
def test_a_credential_in_a_response_s_description_is_truncated_in_the_example_s_name(
    run_cli, tmp_path: Path, form: str
) -> None:
    """A response's description names its saved example: `OK. Use ghp_… or sk_live_…` was written in full (in v3
    in the example file's `name:`, though its file name was truncated)."""
    from tests.support.generate import OK, minimal_spec, write_spec

    token, key = (
        "ghp_" + "RESPDESCabcdefghijklmnopqrstuvwxyz0123",
        "sk_live_" + "51HrespdescAAbbbbCCCCdddd1234",
    )
    responses = {"200": {**OK["200"], "description": f"OK. Use {token} or {key}"}}
    spec = write_spec(
        tmp_path, minimal_spec({"/things": {"get": {"summary": "List", "responses": responses}}})
    )
    out = tmp_path / "out"
    assert run_cli("generate", spec, "-o", out, "--format", form).exit_code == 0
    files = [path for path in out.rglob("*") if path.is_file()]
    written = "".join(path.read_text() + str(path) for path in files)  # v3 names an example's file for it
    assert token not in written and key not in written
    assert truncate_key(token) in written


@pytest.mark.parametrize(
    "text",
    [
        '{"secret_key": "Wj8xLq2Rt5Yv9Nb3Mc7Kd1"}',
        '{"private_key": "Pk4Ht7Gf2Ds9Ax6Zc3Vb8N"}',
        '{"apiSecret": "As5Df8Gh1Jk4Lq7Wp2Oe9R"}',
        "/api/v4/projects?private_token=Gt7Rf3Ed9Ws2Qa5Zx8Cv1B",
        "Location: https://app.example/cb#access_token=Fr4Gm8Tk2Lp6Xz9Qw3Ey7U&token_type=bearer",
        "app_secret=Hy6Tg4Rf8Ed2Ws5Qa9Zx3&grant_type=client_credentials",
        '{"passphrase": "correct-horse-battery"}',
        # a vendor's prefix, or the name written percent-encoded or as a JSON escape
        "/v1/things?x-api-key=Bx7Rt2Wq9Lm4Np6Kd3Zs",
        "/v1/things?x_api_key=Bx7Rt2Wq9Lm4Np6Kd3Zs&a=1",
        "/v1/things?api%5Fkey=Bx7Rt2Wq9Lm4Np6Kd3Zs",
        '{"x-api-key": "Bx7Rt2Wq9Lm4Np6Kd3Zs"}',
        '{"api\\u005fkey": "Bx7Rt2Wq9Lm4Np6Kd3Zs"}',
        '{"stripe_secret_key": "Bx7Rt2Wq9Lm4Np6Kd3Zs"}',
    ],
)
def test_credentials_under_the_names_apis_give_them_are_truncated_in_logs(text: str) -> None:
    """`logs show`, `logs search` and the log store printed these in full: the names were not among those
    redact knew (GitLab's `private_token`, an OAuth implicit grant's `#access_token=`)."""
    shown = redact(text)
    assert shown != text and "…" in shown
    secret = text.split("=", 1)[-1].split("&")[0] if "=" in text else text.split('": "')[1].rstrip('"}')
    assert secret not in shown


def test_names_like_a_credential_s_are_left_as_they_are() -> None:
    for text in (
        '{"key": "Content-Type"}',
        '{"monkey": "bananasbananas"}',
        '{"public_key": "abcdefghijklmn"}',
        # a position in a listing, however it is prefixed, is no credential
        "/v1/things?page_token=Bx7Rt2Wq9Lm4Np6Kd3Zs",
        "/v1/things?next_token=Bx7Rt2Wq9Lm4Np6Kd3Zs",
        '{"csrf_token": "Bx7Rt2Wq9Lm4Np6Kd3Zs"}',
        # Box's documented header template, a prefixed name with a stand-in
        "shared_link=[link]&shared_link_password=[password]",
    ):
        assert redact(text) == text


def test_credentials_in_graphql_variables_and_script_settings_become_variables(
    run_cli, tmp_path: Path
) -> None:
    """A fork's GraphQL variables (`{"token": …, "apiKey": …}`) and script lines setting a credential by its name
    (`pm.environment.set('client_secret', …)`, `pm.request.headers.add({key: 'X-Session-Token', value: …})`)
    were carried by upgrade in full."""
    from tests.tools import EXAMPLE_SPEC

    token, api_key, session, secret = (
        "Gq7Lm2Xp9Rt4Vb8Nc3",
        "Ak5Ds8Fg2Hj6Kl9Zx4",
        "St4Re8Wq2Yu6Io1Pa9",
        "Cs3Vb7Nm1Qw5Er9Ty2",
    )
    url = {
        "raw": "https://other.test/graphql",
        "protocol": "https",
        "host": ["other", "test"],
        "path": ["graphql"],
    }
    graphql = {"query": "{ me { id } }", "variables": json.dumps({"token": token, "apiKey": api_key})}
    authorization = "Xa6Zs1Dc5Fv9Gb3Hn7"
    script = [
        f"pm.request.headers.add({{key: 'X-Session-Token', value: '{session}'}});",
        f"pm.environment.set('client_secret', '{secret}');",
        # an Authorization header of the API's own convention, no scheme word
        f"pm.request.headers.upsert({{key: 'X-Authorization', value: '{authorization}'}});",
    ]
    fork = {
        "info": {
            "name": "Mine",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {
                "name": "graphql",
                "event": [{"listen": "prerequest", "script": {"type": "text/javascript", "exec": script}}],
                "request": {"method": "POST", "url": url, "body": {"mode": "graphql", "graphql": graphql}},
            }
        ],
    }
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", path, "--to", EXAMPLE_SPEC, "-o", out)
    assert result.exit_code == 0, result.output
    written = out.read_text() + result.output
    for literal in (token, api_key, session, secret, authorization):
        assert literal not in written
    # named for where they stood, and for the other service's host they go to
    assert "{{otherClientSecret}}" in written and "{{otherXSessionToken}}" in written


def test_a_key_a_script_builds_from_pieces_is_found_and_a_plain_join_left_alone() -> None:
    """`'pk_' + '…'`, a template literal of literals and `['…', '…'].join('')` in a fork's script reached the
    upgrade whole; for `set('apiKey', 'A' + 'B')` only the first piece was taken out."""
    from postman_kit.diff.fork_upgrade import _join_split_credentials

    key = "pk_" + "abcdef0123456789abcdef0123456789ab"
    lines = [
        f"const k = '{key[:3]}' + '{key[3:]}';",
        f"pm.environment.set('api_key', `{key[:3]}${{'{key[3:]}'}}`);",
        "pm.environment.set('client_secret', ['Tt5rE3wQ9p', 'L2kJ8hG6fD4'].join(''));",
        "pm.collectionVariables.set('apiKey', 'Hq3vL9pK2m' + 'X7wR4tY8uZ5');",
        "const greeting = 'Hello, ' + 'world';",
    ]
    events = [{"listen": "prerequest", "script": {"exec": list(lines)}}]
    _join_split_credentials(events)
    joined = events[0]["script"]["exec"]
    assert joined[:4] == [
        f"const k = '{key}';",
        f"pm.environment.set('api_key', '{key}');",
        "pm.environment.set('client_secret', 'Tt5rE3wQ9pL2kJ8hG6fD4');",
        "pm.collectionVariables.set('apiKey', 'Hq3vL9pK2mX7wR4tY8uZ5');",
    ]
    assert joined[4] == lines[4]  # no credential in it: as the user wrote it


def test_a_credential_in_a_spec_s_response_example_is_written_truncated(tmp_path: Path) -> None:
    """Firefly's and Overseerr's response examples hold API keys under credential names; requests already
    truncated them, the saved responses did not."""
    from tests.support.generate import build_json, minimal_spec, requests_by_name

    key = "iMLZLtLx2JHWhK9Dtyuoqyir8f14e45f"
    example = {"api_key": key, "name": "reader"}
    responses = {"200": {"description": "OK", "content": {"application/json": {"example": example}}}}
    spec = minimal_spec({"/keys": {"post": {"summary": "Create key", "responses": responses}}})
    saved = requests_by_name(build_json(tmp_path, spec))["Create key"]["response"][0]["body"]
    assert key not in saved and json.loads(saved) == {"api_key": truncate_key(key), "name": "reader"}


SPEC_TOKENS = {
    "client_secret": "cs_9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    "access_token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.Zm9vYmFyYmF6cXV4cXV1eA",
    "refresh_token": "rt_1234567890abcdef1234567890abcdef",
    "stripe": "sk_live_51HqLyjWDarjtT1zdp7dcXYZ0123456789",
}


def test_credentials_in_a_spec_s_property_examples_are_truncated_in_every_generated_body(
    run_cli, tmp_path: Path
) -> None:
    """A vendor's spec shows credentials as its schemas' property examples (an OAuth token response, a secret
    in an error message): the request body, the saved success and error responses and every file hold them
    truncated; a password (data a request sends) and a token field holding a UUID (an id) stay as written."""
    ok = {
        "type": "object",
        "properties": {
            "access_token": {"type": "string", "example": SPEC_TOKENS["access_token"]},
            "refresh_token": {"type": "string", "example": SPEC_TOKENS["refresh_token"]},
            "card_token": {"type": "string", "example": "0b8a4c1e-9c3d-4a6f-8f0e-2d9b7c6a5e41"},
        },
    }
    failed = {
        "type": "object",
        "properties": {"message": {"type": "string", "default": f"key {SPEC_TOKENS['stripe']} is revoked"}},
    }
    body = {
        "type": "object",
        "properties": {
            "client_secret": {"type": "string", "example": SPEC_TOKENS["client_secret"]},
            "password": {"type": "string", "example": "correct-horse-battery-staple-42"},
        },
    }
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Tokens", "version": "1"},
        "servers": [{"url": "https://auth.tokens.test"}],
        "paths": {
            "/oauth/token": {
                "post": {
                    "summary": "Create Token",
                    "requestBody": {"content": {"application/json": {"schema": body}}},
                    "responses": {
                        "200": {"description": "OK", "content": {"application/json": {"schema": ok}}},
                        "401": {
                            "description": "Revoked",
                            "content": {"application/json": {"schema": failed}},
                        },
                    },
                }
            }
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    assert run_cli("generate", path, "-o", tmp_path / "out").exit_code == 0
    written = "".join(f.read_text() for f in sorted((tmp_path / "out").iterdir()))
    for name, token in SPEC_TOKENS.items():
        assert token not in written
        # the request's own secret is the user's to set: sent from a variable (see test_generate_auth.py)
        assert (token[-4:] in written) is (name != "client_secret")
    assert '\\"client_secret\\": \\"{{clientSecret}}' in written
    assert "correct-horse-battery-staple-42" in written
    assert "0b8a4c1e-9c3d-4a6f-8f0e-2d9b7c6a5e41" in written


def test_a_key_in_a_spec_s_names_reaches_no_file_name_line_or_file_in_full(run_cli, tmp_path: Path) -> None:
    """A key in the title, a tag, a summary or a header name was written whole into v3 directory and file names,
    the v2.1 file name's slug, the `wrote …` lines and the collection; an `sk_live_`/`ghp_` there, and an
    `api_key=` in a description, too. A long key YAML folds across lines in v3 was read back whole."""
    github = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789"
    spec = {
        "openapi": "3.0.3",
        "info": {
            "title": f"Test {KEY} API",
            "version": "1.0",
            "description": "Try ?api_key=s3cr3tv4lue99 now",
        },
        "tags": [{"name": "sk_live_4eC39HqLyjWDarjtT1zdp7dc"}],
        "paths": {
            "/items": {
                "get": {
                    "tags": ["sk_live_4eC39HqLyjWDarjtT1zdp7dc"],
                    "summary": f"Get {github} items",
                    "description": "y" * 90 + KEY + "z" * 40,
                    "parameters": [
                        {"name": f"X-Auth-{github}", "in": "header", "schema": {"type": "string"}}
                    ],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    secrets = (KEY, KEY[3:], github, "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "s3cr3tv4lue99")
    for form in ("v2.1", "v3"):
        out = tmp_path / form
        result = run_cli("generate", path, "-o", out, "--format", form)
        assert result.exit_code == 0, result.stderr
        written = [p for p in out.rglob("*") if p.is_file()]
        names = "\n".join(str(p.relative_to(out)) for p in out.rglob("*"))
        texts = result.stdout + result.stderr + names + "".join(p.read_text() for p in written)
        assert [s for s in secrets if s in texts] == [], form
        if form == "v3":  # what a YAML reader reads back holds none either
            import yaml

            loaded = json.dumps([yaml.safe_load(p.read_text()) for p in written if p.suffix == ".yaml"])
            assert [s for s in secrets if s in loaded] == []


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("X-Api-Key", "Zq81mXk2Lw9pRtYy"),
        ("X-Auth-Token", "Zq81mXk2Lw9pRtYy"),
        ("Authorization", "Token Zq81mXk2Lw9pRtYy"),
        ("Authorization", "Bearer Zq81mXk2Lw9p"),
        ("Ocp-Apim-Subscription-Key", "Zq81mXk2Lw9pRtYy"),
        ("X-Access-Key", "Zq81mXk2Lw9pRtYy"),
        ("X-Authorization", 'OAuth oauth_consumer_key="ck1", oauth_token="Zq81mXk2Lw9pRtYy"'),
        ("Cookie", "theme=dark; sessionid=Zq81mXk2Lw9pRt11; session_token=Zq81mXk2Lw9pRt22"),
        # no scheme word, or a word after the credential: printed in full, the snippet saying it held no secret
        ("Authorization", "Zq81mXk2Lw9pRtYy"),
        ("X-Authorization", "Zq81mXk2Lw9pRtYy"),
        ("Authorization", "Token Zq81mXk2Lw9pRtYy extra"),
    ],
)
def test_a_credential_typed_into_a_header_is_read_from_the_environment_in_a_snippet(key, value) -> None:
    """A header whose name says it holds a credential was printed into the code as typed; a form field's was
    already read from the environment."""
    from postman_kit.collection import Collection
    from postman_kit.snippets import render_snippet

    item = {"name": "h", "request": {"method": "GET", "header": [{"key": key, "value": value}],
                                     "url": "https://api.test/x"}}  # fmt: skip
    collection = Collection.from_json({"info": {"name": "c", "schema": "x"}, "item": [item]})
    for language in ("curl", "python"):
        text = render_snippet(collection, "h", language)
        assert "Zq81mXk2Lw9p" not in text and "holds no secret" in text


def test_a_query_credential_after_a_semicolon_is_truncated() -> None:
    assert redact("/api/profiles?a=1;api_key=Zq9xSECRETvalue12") == "/api/profiles?a=1;api_key=…ue12"
    assert redact("sid=1; token=abcdefgh12345") == "sid=1; token=…2345"


def test_upgrade_truncates_credentials_the_user_wrote_where_no_request_sends_them(
    run_cli, world, tmp_path
) -> None:
    """A token in a folder's name or description, a header's or a collection variable's name, `?api_key=` in a
    request's description: carried in full, where every request value's was replaced."""
    github = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789"
    fork = json.loads(Path(world["fork"]).read_text())
    fork["item"].append({"name": f"Ops {github}", "description": f"see {github}", "item": []})
    first = next(item for _, item in all_items(fork["item"]) if "request" in item)
    first["request"]["header"].append({"key": f"X-{github}", "value": "1"})
    first["request"]["description"] = "Try ?api_key=s3cr3tv4lue99 first"
    fork.setdefault("variable", []).append({"key": f"v_{github}", "value": "1"})
    # a variable's description: the report said truncated, the file held them whole
    stripe, slack = "sk_live_" + "51HxYzAbCdEf9876", "xoxb-" + "1234567890-AbCdEfGhUvWx"
    fork["variable"].append({"key": "note", "value": "x", "description": f"CI uses {stripe} and {slack}"})
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    out = tmp_path / "up.json"
    result = run_cli("upgrade", path, "--to", world["new"], "-o", out)
    assert result.exit_code == 0, result.stderr
    written = out.read_text()
    assert [s for s in (github, "s3cr3tv4lue99", stripe, slack) if s in written] == []
    assert "CI uses sk_…9876 and …UvWx" in written
    # another service's tokens in a request's description: truncated there and listed, not the API's variable
    second = copy.deepcopy(first)
    second.pop("id", None)
    second["name"] = "My ops call"
    second["request"]["description"] = f"Ops keys: {stripe}, {slack}"
    fork["item"].append(second)
    path.write_text(json.dumps(fork))
    result = run_cli("upgrade", path, "--to", world["new"], "-o", out, "--format", "json")
    described = next(
        i for _, i in all_items(json.loads(out.read_text())["item"]) if i["name"] == second["name"]
    )
    assert described["request"]["description"] == "Ops keys: sk_…9876, …UvWx"
    assert any(
        "description held credential(s) (sk_…9876, …UvWx)" in note
        for note in json.loads(result.stdout)["notes"]
    )


def test_credentials_hidden_in_a_cookie_a_url_password_an_operation_id_and_a_short_bearer_token(
    run_cli, tmp_path: Path
) -> None:
    """Four places generate wrote a credential whole: a Cookie header example's `token=…`, the default of the
    server variable that is the URL's userinfo password, an issued token in an operationId (kept in the
    request's x-postman-kit mark) and a 12-character bearer token in a tag's description."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Acme", "version": "1.0"},
        "servers": [{"url": "https://{user}:{pw}@api.example.com/v1",
                     "variables": {"user": {"default": "admin"}, "pw": {"default": "svrP4ssw0rdZ9"}}}],
        "tags": [{"name": "items", "description": "Call with Authorization: Bearer Ab12Cd34Ef56"}],
        "paths": {"/items": {"get": {
            "operationId": "getItem_glpat-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op", "tags": ["items"],
            "parameters": [{"name": "Cookie", "in": "header", "schema": {"type": "string"},
                            "example": "session=1; token=CookieTok0987654"}],
            "responses": {"200": {"description": "OK"}}}}},
    }  # fmt: skip
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    result = run_cli("generate", path, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    texts = result.output + "".join(p.read_text() for p in (tmp_path / "out").iterdir())
    secrets = ("svrP4ssw0rdZ9", "glpat-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op", "Ab12Cd34Ef56", "CookieTok0987654")
    assert [s for s in secrets if s in texts] == []
    assert "token=…7654" in texts and "Bearer …Ef56" in texts
    # a word after Bearer in a sentence is no token
    assert redact("send Bearer ACCESS_TOKEN here") == "send Bearer ACCESS_TOKEN here"
    [collection] = (tmp_path / "out").glob("*collection.json")
    validated = run_cli("validate", collection)
    assert validated.exit_code == 0, validated.output


def test_a_revision_that_is_a_credential_is_refused_not_written_into_file_names(
    run_cli, tmp_path: Path
) -> None:
    """An `info.version` (or `--revision`) of `sk_live_…` went whole into the file names, the `wrote` lines and the
    collection: no API's revision is a credential, so it is refused, nothing written."""
    spec = {"openapi": "3.0.3", "info": {"title": "S", "version": "sk_live_4eC39HqLyjWDarjtT1zdp7dc"},
            "paths": {"/a": {"get": {"responses": {"200": {"description": "OK"}}}}}}  # fmt: skip
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    result = run_cli("generate", path, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "4eC39HqLyjWDarjtT1zdp7dc" not in result.output
    assert (
        result.stderr.count("\n") == 1
        and "holds a credential; give the revision with --revision" in result.stderr
    )
    assert not (tmp_path / "out").exists()
    token = "ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    result = run_cli("generate", path, "-o", tmp_path / "out", "--revision", token)
    assert (
        result.exit_code == 2
        and token not in result.output
        and "--revision: revision '…6789' holds a credential" in result.stderr
    )
    assert run_cli("generate", path, "-o", tmp_path / "out", "--revision", "1.0").exit_code == 0


def test_a_session_cookie_is_a_credential_in_the_call_log() -> None:
    """`logs show` printed a request's `Cookie: sessionid=…` and a response's `Set-Cookie: session=…` whole."""
    from postman_kit.logstore.rows import safe_headers

    headers = safe_headers(
        {"Cookie": "theme=dark; sessionid=Sess1Cookie2345", "Set-Cookie": "s=Set9Cookie8765; HttpOnly"}
    )
    assert headers == {"Cookie": "theme=dark; sessionid=…2345", "Set-Cookie": "s=…8765; HttpOnly"}


def test_webhooks_in_names_are_truncated_by_snippet_list_and_upgrade(run_cli, tmp_path: Path) -> None:
    """`snippet --list` printed a request name holding a Discord webhook whole, and upgrade wrote a Slack webhook
    pasted into the collection's name into the upgraded file."""
    discord = "https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd"
    slack = "https://hooks.slack.com/services/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"
    item = {
        "name": f"notify {discord}",
        "request": {"method": "GET", "header": [], "url": "https://api.example.com/x"},
    }
    collection = {"info": {"name": f"S {slack}", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": [item]}  # fmt: skip
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    listed = run_cli("snippet", path, "--list")
    assert listed.exit_code == 0 and "AbCdEfGhIjKlMnOp" not in listed.output and "…abcd" in listed.output
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "S", "version": "1.0"},
                                "servers": [{"url": "https://api.example.com"}],
                                "paths": {"/x": {"get": {"responses": {"200": {"description": "OK"}}}}}}))  # fmt: skip
    out = tmp_path / "up.json"
    result = run_cli("upgrade", path, "--to", spec, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Nm1w2E3r4T5y6U7i8O9p0Aa1" not in out.read_text() + result.output


def test_a_long_run_of_letters_in_a_recorded_call_is_searched_in_bounded_time() -> None:
    """A sandbox call's body of 200,000 letters (beside `://` and `@`): the URL-password and email patterns tried
    each start to the end of the run, 40 s, and the sandbox answered nothing meanwhile. Bounded: a second."""
    import subprocess
    import sys

    code = (
        "from postman_kit.secrets import redact\n"
        "from postman_kit.logstore.identifiers import identifiers_of\n"
        "for text in ('://@' + 'a' * 200000, 'https://x/webhooks/' + 'a' * 200000, 'a' * 200000 + '@'):\n"
        "    redact(text)\n"
        "    identifiers_of('c', '', 'POST /x', '/x', [], '', text, '')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=10)  # 40 s and more before
    assert redact("https://bob:hunter2hunter2@api.example.com/a") == "https://bob:…ter2@api.example.com/a"


def test_a_token_given_as_a_urls_whole_userinfo_is_truncated() -> None:
    """`https://ghs_…@github.com/…` (a git remote, a CI's `--base-url`) was written whole: only `user:password@`
    was read as a secret. A long user name of letters alone is no token."""
    assert (
        redact("https://ghs_Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr@api.example.com/v1")
        == "https://…p8Qr@api.example.com/v1"
    )
    assert (
        redact("https://someverylongusernamehere@host.example")
        == "https://someverylongusernamehere@host.example"
    )


def test_a_credential_example_starting_with_a_dollar_sign_is_truncated() -> None:
    """Juniper Mist's `"api_key": "$2a$04$OkaLC…"` was written whole: any value starting with `$` was read as a
    `${TEMPLATE}`. A shell variable (`$API_TOKEN`) and a template (`${TOKEN}`) still stand in for one."""
    from postman_kit.secrets import without_credentials

    assert without_credentials({"api_key": "$2a$04$OkaLCdefghijklmnIrte"}) == {"api_key": "…Irte"}
    assert without_credentials({"api_key": "$API_TOKEN"}) == {"api_key": "$API_TOKEN"}
    assert without_credentials({"api_key": "${TOKEN}"}) == {"api_key": "${TOKEN}"}
    # MISP's `authkey`, a 40-hex API key under a name that was not read as a credential's
    assert without_credentials({"authkey": "894c8d095180c7ea28789092e96ca6424199aa4f"}) == {
        "authkey": "…aa4f"
    }


@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif", "github"])
def test_validate_shows_an_authorization_header_of_three_words_truncated(
    run_cli, tmp_path: Path, fmt: str
) -> None:
    """`Authorization: Token tk_… extra` set by hand: validate's finding quoted the header, the token in full."""
    item = {
        "name": "mine",
        "request": {
            "method": "GET",
            "url": "https://api.example.test/a",
            "header": [{"key": "Authorization", "value": "Token Tk7Rt2Wq9Lm4Np6Kd3Zs extra"}],
        },
    }
    collection = tmp_path / "c.json"
    schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    collection.write_text(json.dumps({"info": {"name": "c", "schema": schema}, "item": [item]}))
    shown = run_cli("validate", collection, "-f", fmt)
    assert shown.exit_code == 1, shown.stderr
    assert "Tk7Rt2Wq9Lm4Np6Kd3Zs" not in shown.stdout + shown.stderr
    assert "Token …d3Zs extra" in shown.stdout


@pytest.mark.parametrize("offset", ["", "k", "ke", "key="])
def test_a_key_written_in_base64_is_truncated_wherever_it_stands(
    offset: str, tmp_path: Path, run_cli
) -> None:
    """A key pasted base64-encoded (an `X-Blob` header, a description, a body: `cGtf…` or, after other bytes,
    `…BrX…`, `…wa1…`, the standard or URL-safe alphabet) was found only after `Basic`; it reached every output in
    full. Every output is searched for it: a snippet, validate's reports, a generated collection."""
    import base64

    encoded = base64.b64encode((offset + KEY).encode()).decode()
    url_safe = base64.urlsafe_b64encode((offset + KEY + "\xff\xfe").encode()).decode()
    for text in (f"X-Blob: {encoded}", f'{{"blob": "{encoded}"}}', url_safe, f"a {encoded}\nb"):
        assert encoded not in redact(text) and url_safe not in redact(text)
        assert encoded.encode() not in redact_bytes(text.encode())
    collection = {
        "info": {
            "name": "V",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {
                "name": f"x {encoded}",
                "request": {
                    "method": "POST",
                    "header": [{"key": "X-Blob", "value": encoded}],
                    "url": "https://api.example.com/a",
                    "body": {"mode": "raw", "raw": json.dumps({"blob": url_safe})},
                    "description": f"key: {encoded}",
                },
            }
        ],
    }
    path = tmp_path / "c.json"
    path.write_text(json.dumps(collection))
    outputs = [
        run_cli("snippet", path, f"x {encoded}", "-l", language).output for language in ("curl", "python")
    ]
    for fmt in ("text", "json", "sarif", "junit", "github"):
        outputs.append(run_cli("validate", path, "-f", fmt).output)
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1", "description": f"a key: {encoded}"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok"}}}}},
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    assert run_cli("generate", tmp_path / "spec.json", "-o", tmp_path / "out").exit_code == 0
    outputs += [f.read_text() for f in sorted((tmp_path / "out").iterdir())]
    for output in outputs:
        assert encoded not in output and url_safe not in output and KEY not in output


def test_an_authorization_scheme_word_in_any_case_is_no_way_around_truncation(
    tmp_path: Path, run_cli
) -> None:
    """HTTP's scheme words are any case: `bAsIc Ym9i…` and `BeArEr Zk9a…` were found only as `Basic`, `basic` or
    `BASIC` are, so a spec's description and a request named for one were written in full."""
    basic, bearer = "Ym9iOkJhc2ljUGFzc3cwcmQ3Nw==", "Zk9aQ3xYt7uVw2sRq8pLmN4o"
    text = f"Send Authorization: bAsIc {basic} or BeArEr {bearer}, or Bearer {bearer}"
    assert basic not in redact(text) and bearer not in redact(text)
    assert basic.encode() not in redact_bytes(text.encode()) and bearer.encode() not in redact_bytes(
        text.encode()
    )
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1", "description": text},
        "paths": {
            "/a": {"get": {"summary": f"BeArEr {bearer}", "responses": {"200": {"description": "ok"}}}}
        },
    }
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    assert run_cli("generate", tmp_path / "spec.json", "-o", tmp_path / "out").exit_code == 0
    [collection] = (tmp_path / "out").glob("*.postman_collection.json")
    outputs = [f.read_text() for f in sorted((tmp_path / "out").iterdir())]
    for fmt in ("json", "sarif"):
        outputs.append(run_cli("validate", collection, "-f", fmt).output)
    for output in outputs:
        assert basic not in output and bearer not in output


def test_two_keys_in_one_base64_text_are_truncated_as_one() -> None:
    """Two keys encoded back to back are two marks in one base64 run: each was truncated on its own, the second
    by places counted in the text before the first had been cut, so the cuts fell where they happened to."""
    import base64

    second = "pk_9876543210fedcba9876543210fedcba98"
    for between in ("", "x", "xy"):
        encoded = base64.b64encode((KEY + between + second).encode()).decode()
        assert redact(f"v: {encoded} end") == f"v: {truncate_key(encoded)} end"
        assert redact_bytes(f"v: {encoded}".encode()) == f"v: {truncate_key(encoded)}".encode()
