"""`postman-kit validate`: a user's hand-edited fork, bad input, rule selection and configuration."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from postman_kit.generation import build_collection_from_spec
from postman_kit.validate import Severity, ValidateConfig, load_config, validate, validate_collection
from postman_kit.validate.reporters import render
from postman_kit.validate.target import VariablesFile
from tests.support.generate import minimal_spec
from tests.tools import run_program

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
FORK = FIXTURES / "fork.postman_collection.json"
SPEC = "collections/example-api.openapi.yaml"
PRIVATE_KEY = "pk_0123456789abcdef0123456789abcdef01"

# What a user broke in the fork, request by request: exactly these findings at warning or above.
FORK_FINDINGS = {
    ("Profiles/Profiles/Get Profiles Created Since", "request/filter-not-allowed"),
    ("Profiles/Profiles/Get Profile Phones", "request/invalid-enum-value"),
    ("Client/Create Client Event With Key", "auth/authorization-header"),
    ("Client/Create Client Event With Key", "auth/secret-value"),
    ("Events/Get Events Old Revision", "revision/header"),
    ("Events/Delete All Events", "request/method-not-allowed"),
    ("Lists/Create VIP List", "request/invalid-json-body"),
}


@pytest.fixture(scope="module")
def example() -> dict:
    return build_collection_from_spec(SPEC).collection.to_json()


@pytest.fixture(scope="module")
def api():
    from postman_kit.openapi import load_api

    return load_api(SPEC)


def found(report, minimum: Severity = Severity.WARNING) -> set[tuple[str | None, str]]:
    return {(f.item, f.rule) for f in report.findings if f.severity >= minimum}


def messages(report, rule: str) -> list[str]:
    return [f.message for f in report.findings if f.rule == rule]


def test_fork_reports_exactly_what_the_user_broke():
    report = validate([str(FORK)], spec=SPEC)
    assert found(report) == FORK_FINDINGS
    assert report.exit_code == 1


def test_fork_messages_say_what_is_allowed_instead():
    report = validate([str(FORK)], spec=SPEC)
    assert "allowed: `greater-than`, `less-than`" in messages(report, "request/filter-not-allowed")[0]
    assert "did you mean `phone_number`" in messages(report, "request/invalid-enum-value")[0]
    assert "allowed: GET, POST" in messages(report, "request/method-not-allowed")[0]
    assert "'2023-10-15'" in messages(report, "revision/header")[0]
    assert "{{revision}}" in messages(report, "revision/header")[0]
    assert "line 4" in messages(report, "request/invalid-json-body")[0]


def test_findings_carry_item_paths_and_pointers_into_the_file():
    report = validate([str(FORK)], spec=SPEC)
    data = json.loads(FORK.read_text())
    finding = next(f for f in report.findings if f.rule == "auth/secret-value")
    node = data
    for part in finding.pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    assert PRIVATE_KEY in node
    assert finding.item == "Client/Create Client Event With Key"


def test_private_key_is_never_printed_in_full(run_cli):
    for output_format in ("text", "json", "junit", "sarif", "github"):
        result = run_cli("validate", FORK, "--spec", SPEC, "--format", output_format)
        assert result.exit_code == 1
        assert PRIVATE_KEY not in result.output
        assert "pk_…ef01" in result.output


def test_the_guides_saved_request_is_clean():
    report = validate([str(FORK)], spec=SPEC)
    assert not [
        f
        for f in report.findings
        if f.item == "Profiles/Profiles/Get Profiles Created Date" and f.severity >= Severity.WARNING
    ]


def test_generated_example_is_clean_and_exits_0(run_cli, tmp_path):
    run_cli("generate", SPEC, "-o", tmp_path)
    collection = next(tmp_path.glob("*.postman_collection.json"))
    environment = next(tmp_path.glob("*.postman_environment.json"))
    globals_file = next(tmp_path.glob("*.postman_globals.json"))
    result = run_cli(
        "validate", collection, "--spec", SPEC, "-e", environment, "-g", globals_file, "--fail-on", "warning"
    )
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.output


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json at all", "not JSON"),
        ('{"name": "old", "order": [], "requests": []}', "Postman v1 collection"),
        (
            '{"name": "Env", "values": [], "_postman_variable_scope": "environment"}',
            "environment file, not a collection",
        ),
        ('{"openapi": "3.0.0", "info": {}, "paths": {}}', "OpenAPI document, not a collection"),
        ("[1, 2]", "not a Postman collection"),
        ("", "file is empty"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, tmp_path, content, expected):
    path = tmp_path / "input.json"
    path.write_text(content)
    result = run_cli("validate", path)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"postman-kit: error: {path}: ")
    assert expected in lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_missing_file_and_bad_spec_are_bad_input(run_cli, tmp_path):
    missing = run_cli("validate", tmp_path / "nope.json")
    assert missing.exit_code == 2 and "nope.json: no such file" in missing.stderr
    bad_spec = tmp_path / "spec.yaml"
    bad_spec.write_text("swagger: '2.0'\n")
    result = run_cli("validate", FORK, "--spec", bad_spec)
    assert result.exit_code == 2 and "Swagger 2.0 is not supported" in result.stderr
    swapped = run_cli("validate", FORK, "--environment", FORK)
    assert swapped.exit_code == 2 and "this is a collection, not an environment" in swapped.stderr


def test_output_file_is_written_and_never_over_an_input(run_cli, tmp_path):
    out = tmp_path / "report.json"
    result = run_cli("validate", FORK, "--spec", SPEC, "--format", "json", "-o", out)
    assert result.exit_code == 1
    assert json.loads(out.read_text())["summary"]["errors"] == 7
    fork_copy = tmp_path / "fork.json"
    fork_copy.write_text(FORK.read_text())
    clobber = run_cli("validate", fork_copy, "-o", fork_copy)
    assert clobber.exit_code == 2 and "refusing to overwrite an input file" in clobber.stderr
    assert fork_copy.read_text() == FORK.read_text()


def test_output_is_never_written_over_a_file_the_spec_refers_to(run_cli, tmp_path):
    """`validate --spec main.yaml -o schemas.yaml`, where main.yaml's `$ref`s read schemas.yaml: the report was
    written over it, and the spec no longer loaded (upgrade and generate refused the same path)."""
    main = tmp_path / "main.yaml"
    content = {"application/json": {"schema": {"$ref": "./schemas.yaml#/Item"}}}
    operation = {"operationId": "listItems", "responses": {"200": {"description": "ok", "content": content}}}
    main.write_text(json.dumps(minimal_spec({"/items": {"get": operation}})))
    schemas = tmp_path / "schemas.yaml"
    schemas.write_text("Item: {type: object, properties: {id: {type: string}}}\n")
    before = schemas.read_text()
    assert run_cli("generate", main, "-o", tmp_path / "gen").exit_code == 0
    [collection] = (tmp_path / "gen").glob("*.postman_collection.json")
    result = run_cli("validate", collection, "--spec", main, "-o", schemas)
    assert result.exit_code == 2 and "refusing to overwrite an input file" in result.stderr
    assert schemas.read_text() == before


def test_select_ignore_and_fail_on(run_cli):
    only_auth = validate([str(FORK)], spec=SPEC, config=ValidateConfig(select=("auth",)))
    assert {rule for _, rule in found(only_auth)} == {"auth/authorization-header", "auth/secret-value"}
    without = validate([str(FORK)], spec=SPEC, config=ValidateConfig(ignore=("request", "auth/secret-value")))
    assert {rule for _, rule in found(without)} == {"auth/authorization-header", "revision/header"}
    specific = ValidateConfig(select=("request/unknown-path",), ignore=("request",))
    assert specific.is_selected("request/unknown-path") and not specific.is_selected("request/body-schema")
    result = run_cli("validate", FORK, "--spec", SPEC, "--select", "revision,lint", "--fail-on", "error")
    assert result.exit_code == 1
    quiet = run_cli("validate", FORK, "--spec", SPEC, "--select", "lint", "--fail-on", "warning")
    assert quiet.exit_code == 0  # only infos
    unknown = run_cli("validate", FORK, "--select", "nonsense")
    assert unknown.exit_code == 2 and "nonsense" in unknown.output


def test_config_from_pyproject_and_kit_file(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.postman-kit.validate]\nignore = ["lint"]\nfail-on = "warning"\n'
        '[tool.postman-kit.validate.severity]\n"revision/header" = "warning"\n'
    )
    nested = tmp_path / "collections"
    nested.mkdir()
    config = load_config(start=nested)
    assert config.ignore == ("lint",) and config.fail_on is Severity.WARNING
    report = validate([str(FORK)], spec=SPEC, config=config)
    assert not any(f.family == "lint" for f in report.findings)
    assert next(f for f in report.findings if f.rule == "revision/header").severity is Severity.WARNING
    (nested / "postman-kit.toml").write_text('[validate]\nselect = ["auth"]\n')
    assert load_config(start=nested).select == ("auth",)
    (nested / "postman-kit.toml").write_text('[validate]\nfail-on = "fatal"\n')
    from postman_kit.errors import InputError

    with pytest.raises(InputError, match="fail-on: 'fatal' is not one of"):
        load_config(start=nested)
    monkeypatch.chdir(tmp_path)
    assert load_config().ignore == ("lint",)


def test_cli_reads_config_and_command_line_wins(run_cli, tmp_path, monkeypatch):
    (tmp_path / "postman-kit.toml").write_text(
        f'[validate]\nspec = "{Path(SPEC).resolve()}"\nselect = ["revision"]\n'
    )
    fork = tmp_path / "fork.json"
    fork.write_text(FORK.read_text())
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "fork.json", "--format", "json")
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"revision/header"}
    override = run_cli("validate", "fork.json", "--format", "json", "--select", "request/method-not-allowed")
    assert {f["rule"] for f in json.loads(override.stdout)["findings"]} == {"request/method-not-allowed"}


# -- single rules on small edits of the generated example ------------------------------------------------------


def edited(example: dict, path: str, edit) -> dict:
    data = copy.deepcopy(example)
    node = data
    for name in path.split("/"):
        node = next(n for n in node["item"] if n["name"] == name)
    edit(node)
    return data


def rules_found(data: dict, **kwargs) -> set[str]:
    return {f.rule for f in validate_collection(data, **kwargs).findings if f.severity >= Severity.WARNING}


def test_client_request_inheriting_the_private_key(example):
    data = edited(example, "Client/Create Client Event", lambda item: item["request"].pop("auth"))
    report = validate_collection(data)
    assert [(f.rule, f.item) for f in report.findings if f.rule == "auth/client-auth"] == [
        ("auth/client-auth", "Client/Create Client Event")
    ]
    assert "inherited apikey auth" in messages(report, "auth/client-auth")[0]


def test_client_request_without_company_id(example):
    def drop(item):
        item["request"]["url"]["query"] = []

    assert "auth/client-company-id" in rules_found(edited(example, "Client/Create Client Event", drop))

    def literal(item):
        item["request"]["url"]["query"][0]["value"] = "AbC123"

    report = validate_collection(edited(example, "Client/Create Client Event", literal))
    finding = next(f for f in report.findings if f.rule == "auth/client-company-id")
    assert finding.severity is Severity.WARNING and "{{companyId}}" in finding.message


def test_literal_key_in_collection_auth(example):
    data = copy.deepcopy(example)
    data["auth"]["apikey"][1]["value"] = "Klaviyo-API-Key " + PRIVATE_KEY
    report = validate_collection(data)
    assert {"auth/collection-auth", "auth/literal-key", "auth/secret-value"} <= {
        f.rule for f in report.findings
    }
    assert all(PRIVATE_KEY not in f.message for f in report.findings)


def test_secrets_in_environment_and_globals_name_their_file(example):
    environment = VariablesFile(
        "env.json",
        {
            "values": [
                {"key": "privateKey", "value": PRIVATE_KEY, "type": "default", "enabled": True},
                {"key": "backupKey", "value": PRIVATE_KEY, "enabled": True},
            ]
        },
    )
    globals_file = VariablesFile(
        "globals.json",
        {
            "values": [
                {"key": "token", "value": "Bearer abcdefghijklmnopqrstuvwxyz0123456789", "enabled": True}
            ]
        },
        "globals",
    )
    report = validate_collection(example, environment=environment, globals_file=globals_file)
    where = {(f.rule, f.file, f.pointer, f.item) for f in report.findings if f.family == "auth"}
    assert where == {
        ("auth/environment-secret", "env.json", "/values/0/type", "environment variable 'privateKey'"),
        ("auth/secret-value", "env.json", "/values/1/value", "environment variable 'backupKey'"),
        ("auth/secret-value", "globals.json", "/values/0/value", "globals variable 'token'"),
    }
    text = render(report)
    assert "env.json\n  environment variable 'backupKey'\n" in text and "(collection)" not in text


def test_the_key_kept_as_a_secret_in_the_environment_is_the_right_place(example, api, tmp_path, run_cli):
    environment = {
        "name": "Acme",
        "_postman_variable_scope": "environment",
        "values": [
            {
                "key": "baseUrl",
                "value": "https://a.acme-marketing.example",
                "type": "default",
                "enabled": True,
            },
            {"key": "privateKey", "value": PRIVATE_KEY, "type": "secret", "enabled": True},
        ],
    }
    report = validate_collection(example, api=api, environment=VariablesFile("env.json", environment))
    assert report.findings == []
    env_file = tmp_path / "acme.postman_environment.json"
    env_file.write_text(json.dumps(environment))
    result = run_cli("validate", FORK, "--spec", SPEC, "-e", env_file, "--select", "auth")
    assert (
        str(env_file) not in result.output
    )  # the fork's own pasted key is still found, the environment is fine
    assert "auth/secret-value" in result.output


def test_revision_name_stamp(example):
    data = copy.deepcopy(example)
    data["info"]["name"] = "(Stable) Acme Marketing API (v2025-01-15)"
    assert "revision/name-stamp" in rules_found(data)


def test_revision_of_another_spec_is_a_warning(example, api):
    data = copy.deepcopy(example)
    next(v for v in data["variable"] if v["key"] == "revision")["value"] = "2025-01-15"
    data["info"]["name"] = "(Stable) Acme Marketing API (v2025-01-15)"
    report = validate_collection(data, api=api)
    spec = next(f for f in report.findings if f.rule == "revision/spec")
    assert spec.severity is Severity.WARNING and "2026-07-15" in spec.message


def test_structure_rules(example):
    data = copy.deepcopy(example)
    duplicate = copy.deepcopy(data["item"][0]["item"][0])  # as Postman's Duplicate makes it: a new id
    duplicate.update(id="0b5e4a8e-2f0c-4c39-9d1e-3c7f1e0d9a11", name=duplicate["name"] + " Copy")
    data["item"][0]["item"].append(duplicate)
    data["item"][0]["item"][1]["request"]["url"] = {"raw": "", "host": [], "path": []}
    data["item"][0]["item"][2]["request"]["header"] = [{"key": "Accept"}]  # no value
    report = validate_collection(data)
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["structure/copy-name"].item == "Events/Get Events Copy"
    assert by_rule["structure/empty-url"].item == "Events/Create Event"
    schema = by_rule["structure/schema"]
    assert (
        schema.pointer == "/item/0/item/2/request/header/0"
        and "'value' is a required property" in schema.message
    )
    assert schema.item == "Events/Get Event"


def test_the_api_s_own_names_are_not_copies(run_cli, tmp_path: Path) -> None:
    """Plaid names an operation "Retrieve an Asset Report Audit Copy": generate keeps the spec's name, and
    validate does not take it for a duplicate."""
    operation = {
        "summary": "Retrieve an Asset Report Audit Copy",
        "tags": ["Audit Copy"],
        "responses": {"200": {"description": "OK"}},
    }
    spec = minimal_spec(
        {"/asset_report/audit_copy/get": {"post": operation}}, info={"title": "Reports", "version": "1"}
    )
    collection, _ = generated(run_cli, tmp_path, spec)
    assert run_cli("validate", collection).output.count("structure/copy-name") == 0
    forked = saved_copy(collection, lambda name: name + " Copy")
    assert run_cli("validate", forked).output.count("structure/copy-name") == 1


def generated(run_cli, tmp_path: Path, spec: dict) -> tuple[Path, Path]:
    """`spec` written to a file and generated: (the collection, the spec file)."""
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(json.dumps(spec))
    run_cli("generate", spec_file, "-o", tmp_path / "out")
    return next((tmp_path / "out").glob("*collection.json")), spec_file


def saved_copy(collection: Path, rename) -> Path:
    """The collection with its first request duplicated as Postman's Duplicate does (a new id), renamed."""
    data = json.loads(collection.read_text())
    duplicate = copy.deepcopy(data["item"][0]["item"][0])
    duplicate.update(id="6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", name=rename(duplicate["name"]))
    data["item"][0]["item"].append(duplicate)
    forked = collection.parent.parent / "fork.json"
    forked.write_text(json.dumps(data))
    return forked


def test_lint_rules(example, api):
    data = copy.deepcopy(example)
    data["info"].pop("description")
    lists = data["item"][2]["item"]
    delete = next(i for i in lists if i["request"]["method"] == "DELETE")
    delete["response"][0]["code"] = 202
    patch = next(i for i in lists if i["request"]["method"] == "PATCH")
    patch["request"].pop("body")
    patch["response"] = [r for r in patch["response"] if r["code"] >= 400]
    next(v for v in data["variable"] if v["key"] == "baseUrl")["value"] = "http://a.acme-marketing.example"
    assert {
        "lint/collection-description",
        "lint/delete-example-status",
        "lint/patch-body",
        "lint/success-example",
        "lint/insecure-url",
    } <= rules_found(data, api=api)


def test_troubleshooting_rules(example, api):
    data = copy.deepcopy(example)
    get_event = data["item"][0]["item"][2]
    not_found = next(r for r in get_event["response"] if r["code"] == 404)
    document = json.loads(not_found["body"])
    document["errors"][0]["status"] = 401
    document["errors"][0]["code"] = "missing"
    not_found["body"] = json.dumps(document)
    forbidden = next(r for r in get_event["response"] if r["code"] == 403)
    forbidden["body"] = "<html>Forbidden</html>"
    get_event["response"] = [r for r in get_event["response"] if r["code"] != 401]
    report = validate_collection(data, api=api)
    rules = {(f.rule, f.item) for f in report.findings}
    assert ("troubleshooting/status-mismatch", "Events/Get Event") in rules
    assert ("troubleshooting/code-mismatch", "Events/Get Event") in rules
    assert ("troubleshooting/error-body", "Events/Get Event") in rules
    missing = next(f for f in report.findings if f.rule == "troubleshooting/missing-example")
    assert missing.item == "Events/Get Event" and "401" in missing.message


def test_list_rules(run_cli):
    result = run_cli("validate", "--list-rules")
    assert result.exit_code == 0
    assert "request/filter-not-allowed" in result.output and "auth/secret-value" in result.output


def test_the_installed_program_exits_1_with_its_whole_report(tmp_path: Path) -> None:
    # The program ends without the interpreter's teardown once its report is out: the report, piped, must be whole
    # and the status must still be 1 for findings (and 0 for a clean collection).
    done = run_program("validate", str(FORK), "--spec", SPEC, "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert {
        (f["item"], f["rule"]) for f in report["findings"] if f["severity"] in ("warning", "error")
    } == FORK_FINDINGS

    clean = tmp_path / "clean.postman_collection.json"
    clean.write_text(json.dumps(build_collection_from_spec(SPEC).collection.to_json()))
    done = run_program("validate", str(clean), "--spec", SPEC, "--select", "auth")
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_generic_api_is_judged_by_its_own_security_schemes(tmp_path):
    """No revision header or `{{apiKey}}` demanded of an API whose spec has neither; auth fits its scheme."""
    spec = tmp_path / "bearer.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Notes, version: '1.2'}\nservers: [{url: 'https://notes.example'}]\n"
        "components: {securitySchemes: {jwt: {type: http, scheme: bearer}}}\nsecurity: [{jwt: []}]\n"
        "paths:\n  /notes:\n    get:\n      operationId: list_notes\n      summary: List notes\n"
        "      responses: {'200': {description: ok}}\n"
        "  /health:\n    get:\n      summary: Health\n      security: []\n      responses: {'200': {description: ok}}\n"
    )
    from postman_kit.openapi import load_api

    api = load_api(str(spec))
    data = build_collection_from_spec(api).collection.to_json()
    assert validate_collection(data, api=api).findings == []
    assert validate_collection(data).findings == []  # no spec: nothing Klaviyo's is asked of it

    def auth_findings(collection: dict) -> list[str]:
        return [f"{f.rule} {f.item}" for f in validate_collection(collection, api=api).findings]

    wrong = copy.deepcopy(data)
    wrong["auth"] = {"type": "basic", "basic": [{"key": "username", "value": "{{user}}"}]}
    assert auth_findings(wrong) == ["auth/collection-auth None"]
    assert "Bearer Token" in validate_collection(wrong, api=api).findings[0].message
    by_hand = copy.deepcopy(data)
    by_hand.pop("auth")
    notes = next(item for item in walk(by_hand["item"]) if item["name"] == "List notes")
    notes["request"]["header"].append({"key": "Authorization", "value": "Bearer {{token}}"})
    assert auth_findings(by_hand) == []  # the one operation that needs a token sends one, from a variable


def walk(nodes: list[dict]):
    for node in nodes:
        yield node
        yield from walk(node.get("item", []))


def test_the_spec_s_own_example_is_information_in_the_api_s_requests_and_an_error_in_a_copy(
    run_cli, tmp_path: Path
) -> None:
    """PagerDuty documents a body wrapped in a key its schema does not describe (`{"connection": {…}}` where
    the schema is the connection): generate keeps the documented body, and validate tells it as the spec's, at
    info; the same body in a request the user saved is an error."""
    body = {"type": "object", "required": ["name", "secrets"], "properties": {"name": {"type": "string"}}}
    example = {"connection": {"name": "My Connection"}}
    media = {"schema": body, "example": example}
    operation = {
        "summary": "Create a connection",
        "description": "Creates one.",
        "tags": ["Connections"],
        "requestBody": {"content": {"application/json": media}},
        "responses": {"201": {"description": "Created"}},
    }
    spec = minimal_spec(
        {"/connections": {"post": operation}},
        info={"title": "Connections", "version": "1"},
        tags=[{"name": "Connections", "description": "Connections."}],
    )
    collection, spec_file = generated(run_cli, tmp_path, spec)
    result = run_cli("validate", collection, "--spec", spec_file, "--fail-on", "info")
    assert (
        "info    request/body-schema  the spec's own example for this request does not match" in result.output
    )
    forked = saved_copy(collection, lambda name: "My connection")
    result = run_cli("validate", forked, "--spec", spec_file)
    assert result.exit_code == 1 and "error   request/body-schema  body does not match" in result.output


def test_a_collection_variable_named_for_a_credential_holding_one_is_an_error(tmp_path, run_cli) -> None:
    """PayPal's Partner APIs collection keeps its sandbox `client_secret` in a collection variable of type
    default: no pattern for keys matched it, and validate said nothing. Names that merely hold `token`
    (`page_token`) and placeholders (`<client secret>`) are left alone."""
    data = {
        "info": {
            "name": "T",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [],
        "variable": [
            {"key": "client_secret", "value": "EKsTd1v8q2xYz0Lp3Wm5Rt7Uv9Aa1Bb3Cc5Dd"},
            {"key": "page_token", "value": "abcdefgh12345678"},
            {"key": "apiKey", "value": "<your API key>"},
        ],
    }
    path = tmp_path / "c.postman_collection.json"
    path.write_text(json.dumps(data))
    result = run_cli("validate", path, "--format", "json")
    findings = [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "auth/secret-value"]
    assert [(f["pointer"], f["severity"]) for f in findings] == [("/variable/0/value", "error")]
    assert "EKsTd1v8" not in result.stdout and "(…c5Dd)" in findings[0]["message"]


def test_lint_reads_a_generated_request_by_its_own_operation(tmp_path, run_cli) -> None:
    """Obsidian's API has `GET /vault/{filename}` (described) and `GET /vault/{pathToDirectory}/` (a summary
    only): routing reads the two paths alike, so validate asked the kit's own directory request for the file
    operation's description. A generated request is read by the operation its id was derived from."""
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Vault", "version": "1"},
        "servers": [{"url": "https://vault.test"}],
        "paths": {
            "/vault/{filename}": {
                "get": {
                    "summary": "Get a file",
                    "description": "Returns the file.",
                    "parameters": [
                        {"name": "filename", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": ok,
                }
            },
            "/vault/{pathToDirectory}/": {
                "get": {
                    "summary": "List a directory",
                    "parameters": [
                        {
                            "name": "pathToDirectory",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": ok,
                }
            },
        },
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    assert run_cli("generate", path, "-o", tmp_path / "out").exit_code == 0
    [collection] = (tmp_path / "out").glob("*.postman_collection.json")
    result = run_cli("validate", collection, "--spec", path)
    assert result.exit_code == 0 and "0 finding(s)" in result.stdout, result.stdout


@pytest.mark.parametrize("with_spec", [True, False])
def test_a_call_to_another_service_is_asked_for_no_revision_header(run_cli, tmp_path, with_spec):
    """A Klaviyo fork's request to the team's webhook relay: validate demanded `revision: {{revision}}` of it (an
    error, so CI failed) while saying the request is not the API's to check."""
    run_cli("generate", SPEC, "-o", tmp_path)
    path = next(tmp_path.glob("*.postman_collection.json"))
    fork = json.loads(path.read_text())
    url = {"raw": "https://hooks.example.com/relay", "protocol": "https", "host": ["hooks", "example", "com"],
           "path": ["relay"]}  # fmt: skip
    relay = {"name": "Notify relay", "request": {"method": "POST", "header": [], "url": url}, "response": []}
    own = copy.deepcopy(next(i for f in fork["item"] for i in f.get("item", []) if "request" in i))
    own["name"] = "Mine without revision"
    own["request"]["header"] = [h for h in own["request"]["header"] if h["key"].lower() != "revision"]
    fork["item"].append({"name": "My hooks", "item": [relay, own]})
    path.write_text(json.dumps(fork))
    spec = ["--spec", SPEC] if with_spec else []
    result = run_cli("validate", path, *spec, "--select", "revision", "--format", "json")
    flagged = [f["item"] for f in json.loads(result.stdout)["findings"]]
    assert flagged == ["My hooks/Mine without revision"]  # the API's own request still must send it


def test_a_patch_whose_body_is_a_file_to_pick_has_a_body(run_cli, tmp_path: Path) -> None:
    """Google Drive's `PATCH /upload/files/{fileId}` takes `application/octet-stream`: generate writes a file body
    for the user to pick, and validate warned of the kit's own output that the PATCH had no body."""
    media = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    operation = {"summary": "Update file", "requestBody": {"required": True, "content": media},
                 "responses": {"200": {"description": "OK"}}}  # fmt: skip
    spec = minimal_spec({"/upload/files/{fileId}": {"patch": operation}})
    collection, spec_file = generated(run_cli, tmp_path, spec)
    result = run_cli("validate", collection, "--spec", spec_file, "--fail-on", "info")
    assert result.exit_code == 0 and "lint/patch-body" not in result.output, result.output


def test_an_exploded_array_query_parameter_is_described_once(run_cli, tmp_path: Path) -> None:
    """`domains=example.com&domains=example.org` (an exploded array, as generate writes it) is one parameter:
    lint flagged the kit's own output for the second entry having no description of its own."""
    domains = {
        "name": "domains",
        "in": "query",
        "required": True,
        "description": "Domains to check.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "example": ["example.com", "example.org"],
    }
    operation = {"summary": "Check domains", "description": "Which of them are free.", "parameters": [domains],
                 "responses": {"200": {"description": "OK"}}}  # fmt: skip
    spec = minimal_spec({"/v1/availability": {"get": operation}})
    collection, spec_file = generated(run_cli, tmp_path, spec)
    data = json.loads(collection.read_text())
    node = data["item"][0]
    query = (node["item"][0] if "item" in node else node)["request"]["url"]["query"]
    assert [q["key"] for q in query] == ["domains", "domains"]
    result = run_cli("validate", collection, "--spec", spec_file, "--fail-on", "info", "--select", "lint")
    assert result.exit_code == 0, result.output
    for entry in query:
        entry.pop("description", None)
    collection.write_text(json.dumps(data))
    result = run_cli("validate", collection, "--spec", spec_file, "--select", "lint/parameter-description")
    assert result.output.count("query parameter 'domains' has no description") == 2


def test_the_spec_s_own_example_in_a_form_body_is_information_as_in_a_json_one(run_cli, tmp_path):
    """Bolt's OAuth token request documents `scope: bolt.account.manage+openid`, outside its own enum: as JSON
    the kit's own output got an info ("the spec's own example"), as a form an error, and validate failed."""
    grant = {
        "type": "object",
        "required": ["grant_type", "code", "scope"],
        "properties": {
            "grant_type": {"type": "string", "enum": ["authorization_code"]},
            "code": {"type": "string"},
            "scope": {"type": "string", "enum": ["read", "write"]},
        },
    }
    refresh = {
        "type": "object",
        "required": ["grant_type", "refresh_token"],
        "properties": {
            "grant_type": {"type": "string", "enum": ["refresh_token"]},
            "refresh_token": {"type": "string"},
        },
    }
    example = {"code": {"value": {"grant_type": "authorization_code", "code": "abc", "scope": "read+write"}}}
    content = {"schema": {"oneOf": [grant, refresh]}, "examples": example}
    form = {"application/x-www-form-urlencoded": content}
    operation = {"operationId": "token", "requestBody": {"required": True, "content": form},
                 "responses": {"200": {"description": "ok"}}}  # fmt: skip
    spec = minimal_spec({"/token": {"post": operation}})
    collection, spec_file = generated(run_cli, tmp_path, spec)
    result = run_cli("validate", collection, "--spec", spec_file, "--format", "json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)["findings"]
    assert [(f["rule"], f["severity"]) for f in findings] == [("request/body-schema", "info")]


def test_a_form_field_of_a_tuple_is_read_position_by_position(tmp_path: Path) -> None:
    """`pair` is 3.1's `prefixItems: [integer, string]`; the kit sends `pair=1&pair=example`, and its own validate
    read each as the items' schema: `'1' is not of type 'integer'`."""
    from postman_kit.openapi import load_api
    from postman_kit.validate import validate_collection
    from tests.support.generate import OK, build_json, minimal_spec, write_spec

    pair = {
        "type": "array",
        "prefixItems": [{"type": "integer"}, {"type": "string"}],
        "minItems": 2,
        "items": False,
    }
    schema = {"type": "object", "required": ["pair"], "properties": {"pair": pair}}
    body = {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": schema}}}
    doc = minimal_spec(
        {"/form": {"post": {"summary": "Form", "requestBody": body, "responses": OK}}}, openapi="3.1.0"
    )
    collection = build_json(tmp_path, doc)
    report = validate_collection(
        collection, "c.json", api=load_api(str(write_spec(tmp_path, doc, "spec.json")))
    )
    assert [f.message for f in report.findings if f.rule.startswith("request/")] == []
