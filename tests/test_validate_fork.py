"""`validate --fail-on warning --spec` on a fork made as users make them (Klaviyo 2024-10-15, requests saved in
Postman next to the generated ones and in a folder of the user's own): the clean saved requests pass, exactly
the broken ones fail, with and without the generated environment, and whether or not the ids and extensions
generate wrote survived Postman."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support.generate import minimal_spec, write_spec
from tests.tools import require_corpus

PASTED_KEY = "pk_" + "5e" * 17
PROFILE_ID = "01GDDKASAP8TKDDA2GRZDSVP4H"
pytestmark = pytest.mark.corpus


def saved(
    name: str,
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    body: dict[str, Any] | None = None,
    number: int = 0,
) -> dict:
    """A request as Postman exports one the user saved: a fresh id, no description, no examples."""
    query = query or {}
    raw = "{{baseUrl}}" + path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    request: dict[str, Any] = {
        "method": method,
        "header": [
            {"key": k, "value": v, "type": "text"}
            for k, v in {
                "Accept": "application/vnd.api+json",
                "revision": "{{revision}}",
                **(headers or {}),
            }.items()
        ],
        "url": {
            "raw": raw,
            "host": ["{{baseUrl}}"],
            "path": path.strip("/").split("/"),
            "query": [{"key": k, "value": v} for k, v in query.items()],
        },
    }
    if body is not None:
        request["body"] = {
            "mode": "raw",
            "raw": json.dumps(body, indent=2),
            "options": {"raw": {"language": "json"}},
        }
    return {"id": f"7d1c0a52-4b1e-4c7a-9f3e-{number:012d}", "name": name, "request": request, "response": []}


CLEAN = {
    "Profiles/Profiles/Get Profiles Created Date": saved(
        "Get Profiles Created Date",
        "GET",
        "/api/profiles",
        query={"fields[profile]": "created", "filter": "greater-than(created,2023-08-10T23:00:00Z)"},
        number=1,
    ),
    "My requests/Profile by Id": saved("Profile by Id", "GET", f"/api/profiles/{PROFILE_ID}", number=2),
    "My requests/Create VIP Profile": saved(
        "Create VIP Profile",
        "POST",
        "/api/profiles",
        headers={"Content-Type": "application/json"},
        body={"data": {"type": "profile", "attributes": {"email": "vip@example.com", "first_name": "Vera"}}},
        number=3,
    ),
}
BROKEN = {
    "Profiles/Profiles/Get Profiles by Shoe Size": saved(
        "Get Profiles by Shoe Size",
        "GET",
        "/api/profiles",
        query={"filter": "equals(shoe_size,'44')"},
        number=4,
    ),
    "My requests/Get Profile Typo": saved("Get Profile Typo", "GET", f"/api/profile/{PROFILE_ID}", number=5),
    "My requests/Get Lists With My Key": saved(
        "Get Lists With My Key",
        "GET",
        "/api/lists",
        headers={"Authorization": f"Klaviyo-API-Key {PASTED_KEY}"},
        number=6,
    ),
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, Path]:
    from postman_kit.generation import generate

    spec = require_corpus() / "klaviyo" / "stable" / "2024-10-15.json"
    out = tmp_path_factory.mktemp("generated")
    result = generate(str(spec), out)
    collection = next(f for f in result.files if f.name.endswith(".postman_collection.json"))
    environment = next(f for f in result.files if f.name.endswith(".postman_environment.json"))
    return spec, json.loads(collection.read_text()), environment


def fork(collection: dict, requests: dict[str, dict], *, through_postman: bool) -> dict:
    """The generated collection with `requests` saved where their paths say (a new top folder when needed)."""
    data = copy.deepcopy(collection)
    for path, item in requests.items():
        *folders, _ = path.split("/")
        nodes = data["item"]
        for name in folders:
            folder = next((n for n in nodes if n["name"] == name and "item" in n), None)
            if folder is None:
                folder = {"name": name, "item": []}
                nodes.append(folder)
            nodes = folder["item"]
        nodes.append(copy.deepcopy(item))
    if through_postman:
        strip_kit_marks(data["item"])
    return data


def strip_kit_marks(nodes: list[dict]) -> None:
    """What an import into Postman and an export may lose: generated ids and `x-postman-kit`."""
    for node in nodes:
        node.pop("x-postman-kit", None)
        if not node.get("id", "").startswith("7d1c0a52"):
            node.pop("id", None)
        strip_kit_marks(node.get("item", []))


def run(run_cli, tmp_path: Path, spec: Path, data: dict, environment: Path | None) -> tuple[int, set[str]]:
    file = tmp_path / "fork.postman_collection.json"
    file.write_text(json.dumps(data, indent="\t"))
    args = ["validate", file, "--fail-on", "warning", "--spec", spec, "--format", "json"]
    if environment is not None:
        args += ["-e", environment]
    result = run_cli(*args)
    report = json.loads(result.stdout)
    return result.exit_code, {f"{f['item']} [{f['rule']}]" for f in report["findings"]}


@pytest.mark.parametrize("with_environment", [False, True], ids=["no-env", "env"])
@pytest.mark.parametrize("through_postman", [False, True], ids=["as-generated", "through-postman"])
def test_clean_saved_requests_pass_and_exactly_the_broken_ones_fail(
    run_cli, tmp_path, generated, with_environment, through_postman
):
    spec, collection, environment = generated
    env = environment if with_environment else None
    clean = fork(collection, CLEAN, through_postman=through_postman)
    assert run(run_cli, tmp_path, spec, clean, env) == (0, set())

    exit_code, findings = run(
        run_cli, tmp_path, spec, fork(collection, {**CLEAN, **BROKEN}, through_postman=through_postman), env
    )
    assert exit_code == 1
    assert {finding.split(" [")[0] for finding in findings} == set(BROKEN)
    assert findings >= {
        "Profiles/Profiles/Get Profiles by Shoe Size [request/filter-not-allowed]",
        "My requests/Get Profile Typo [request/unknown-path]",
        "My requests/Get Lists With My Key [auth/secret-value]",
    }


def generated_create(
    tmp_path: Path, run_cli, path: str, schema: dict[str, Any]
) -> tuple[Path, Path, dict[str, Any], dict[str, Any]]:
    """A spec of one POST `path` taking a JSON body of `schema`, and its generated collection: the spec's file,
    the collection's file, its JSON and the request in it (to edit as a user does, then write back)."""
    creating = {
        "summary": "Create",
        "requestBody": {"content": {"application/json": {"schema": schema}}},
        "responses": {"201": {"description": "Created"}},
    }
    spec = write_spec(tmp_path, minimal_spec({path: {"post": creating}}), "spec.json")
    assert run_cli("generate", spec, "-o", tmp_path / "gen").exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    data = json.loads(collection.read_text())
    first = data["item"][0]
    request = first["request"] if "request" in first else first["item"][0]["request"]
    return spec, collection, data, request


def validated_with_body(
    run_cli, generated: tuple[Path, Path, dict[str, Any], dict[str, Any]], body: Any
) -> tuple[Any, list[str]]:
    """The generated collection with its request's body set to `body` (as a user edits it), validated against
    its spec: the result and the findings' messages."""
    spec, collection, data, request = generated
    request["body"]["raw"] = json.dumps(body)
    collection.write_text(json.dumps(data))
    result = run_cli("validate", collection, "--spec", spec, "--format", "json")
    return result, [f["message"] for f in json.loads(result.output)["findings"]]


def test_a_body_holding_a_dynamic_variable_is_still_checked(tmp_path: Path, run_cli) -> None:
    """The kit writes a unique email per run (`jane.doe+{{$guid}}@example.com`); validate took any body holding a
    variable for one it cannot judge, so a timezone breaking its pattern beside it went unreported (FusionAuth:
    2 findings against 11 requests the API refuses)."""
    zone = {"type": "string", "pattern": "^[A-Z][a-z]+/[A-Z][a-z]+$"}
    schema = {"type": "object", "properties": {"email": {"type": "string", "format": "email"}, "tz": zone}}
    spec, collection, data, request = generated_create(tmp_path, run_cli, "/users", schema)
    assert "{{$guid}}" in request["body"]["raw"]
    clean = run_cli("validate", collection, "--spec", spec)
    assert clean.exit_code == 0, clean.output
    body = {"email": "jane.doe+{{$guid}}@example.com", "tz": "america/denver"}
    _, messages = validated_with_body(run_cli, (spec, collection, data, request), body)
    assert any("'america/denver' does not match" in m for m in messages), messages


def test_a_json_string_holding_one_variable_is_the_user_s_text_but_still_a_string(
    tmp_path: Path, run_cli
) -> None:
    """A JSON body's `"secret": "{{webhookSecret}}"` (as generate writes a credential the spec shows, and as
    users keep theirs) is text Postman fills in at send time: a pattern or length the variable's name does not
    meet is no finding, as a form field's variable is none. Quoted, it is a string still: `"count":
    "{{count}}"` for an integer is."""
    schema = {
        "type": "object",
        "properties": {
            "secret": {"type": "string", "pattern": "^whsec_[A-Za-z0-9]{32}$"},
            "count": {"type": "integer"},
        },
    }
    spec, collection, data, request = generated_create(tmp_path, run_cli, "/hooks", schema)
    request["body"]["raw"] = json.dumps({"secret": "{{webhookSecret}}", "count": 2})
    collection.write_text(json.dumps(data))
    clean = run_cli("validate", collection, "--spec", spec)
    assert clean.exit_code == 0, clean.output
    body = {"secret": "{{webhookSecret}}", "count": "{{count}}"}
    result, messages = validated_with_body(run_cli, (spec, collection, data, request), body)
    assert result.exit_code == 1
    assert [m for m in messages if "/count" in m and "is not of type 'integer'" in m], messages
    assert not [m for m in messages if "/secret" in m], messages


def test_requests_under_a_folder_set_to_no_auth_are_blamed_on_that_folder(tmp_path: Path, run_cli) -> None:
    """An API folder the user set to No Auth in the app: validate said its requests "inherit bearer auth from the
    collection, but their operations accept Bearer Token", pointing at the collection's auth."""
    from tests.support.notes import notes_spec

    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(notes_spec("1.0.0", with_archive=False)))
    assert run_cli("generate", spec, "-o", tmp_path / "gen").exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    data = json.loads(collection.read_text())
    data["item"][0]["auth"] = {"type": "noauth"}
    collection.write_text(json.dumps(data))
    result = run_cli("validate", collection, "--spec", spec, "--format", "json")
    [finding] = [f for f in json.loads(result.output)["findings"] if f["rule"] == "auth/collection-auth"]
    assert finding["pointer"] == "/item/0/auth"
    assert (
        "inherit no auth from folder 'Notes', but their operations accept Bearer Token" in finding["message"]
    )


def test_credentials_typed_into_a_fork_fail_the_gate_and_are_shown_truncated(tmp_path: Path, run_cli) -> None:
    """Another service's key in an `X-Api-Key` header, a GitHub token in a script, a JWT typed after `Bearer`:
    validate (the CI gate for secrets) knew only Klaviyo's keys and `Bearer` in some places."""
    from tests.support.notes import notes_spec

    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps(notes_spec("1.0.0", with_archive=False)))
    assert run_cli("generate", spec, "-o", tmp_path / "gen").exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    data = json.loads(collection.read_text())
    stripe, github = "sk_live_51HxYzAbCdEfGh1234567890abcdWXYZ", "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlX3NlY3JldF8xMjM0"
    request = data["item"][0]["item"][0]
    request["request"]["header"] += [
        {"key": "X-Api-Key", "value": stripe},
        {"key": "Authorization", "value": "Bearer " + jwt.replace("eyJ", "xyZ", 1)},
    ]
    request["event"] = [{"listen": "prerequest", "script": {"exec": [f"const token = '{github}';"]}}]
    collection.write_text(json.dumps(data))
    result = run_cli("validate", collection, "--spec", spec, "--format", "json")
    assert result.exit_code == 1
    found = {
        f["pointer"]: f["message"]
        for f in json.loads(result.output)["findings"]
        if f["rule"] == "auth/secret-value"
    }
    assert sorted(found) == [
        "/item/0/item/0/event/0/script/exec/0",
        f"/item/0/item/0/request/header/{len(request['request']['header']) - 2}/value",
        f"/item/0/item/0/request/header/{len(request['request']['header']) - 1}/value",
    ]
    for secret in (stripe, github, jwt):
        assert secret not in result.output
    assert any("(sk_…WXYZ)" in message for message in found.values())
