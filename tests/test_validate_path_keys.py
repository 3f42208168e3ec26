"""validate on forks of vendor collections, with requests saved the way users save them in Postman: a path
variable inside a segment (Twilio's `/Calls/:Sid.json`), path keys told apart by a `#fragment` (Box's shared
links), a query fixed in the path key (OpenAI's `/responses?beta=true`), and an API key sent as a cookie. The
clean saved requests pass; each broken one is still caught, by the rule a user would expect, a malformed id
in `:Sid.json` included."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from postman_kit.generation import build_collection_from_spec
from postman_kit.openapi import load_api
from postman_kit.validate import validate_collection
from postman_kit.validate.target import VariablesFile
from tests.tools import require_corpus

pytestmark = pytest.mark.corpus

ACCOUNT_SID = "AC" + "3f" * 16
CALL_SID = "CA" + "0b" * 16


def saved(
    name: str,
    method: str,
    path: str,
    *,
    query: dict[str, str] | None = None,
    variables: dict[str, str] | None = None,
    body: Any = None,
    auth: dict[str, Any] | None = None,
) -> dict:
    """A request as Postman exports one the user saved: no id from generate, no description, no examples."""
    query = query or {}
    raw = "{{baseUrl}}" + path + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    request: dict[str, Any] = {
        "method": method,
        "header": [],
        "url": {
            "raw": raw,
            "host": ["{{baseUrl}}"],
            "path": path.strip("/").split("/"),
            "query": [{"key": k, "value": v} for k, v in query.items()],
            "variable": [{"key": k, "value": v} for k, v in (variables or {}).items()],
        },
    }
    if body is not None:
        request["header"].append({"key": "Content-Type", "value": "application/json"})
        request["body"] = {
            "mode": "raw",
            "raw": json.dumps(body, indent=2),
            "options": {"raw": {"language": "json"}},
        }
    if auth is not None:
        request["auth"] = auth
    return {"name": name, "request": request, "response": []}


def cookie_auth(value: str) -> dict[str, Any]:
    """An API Key auth sending a Cookie header, as Postman's auth tab stores it."""
    return {
        "type": "apikey",
        "apikey": [
            {"key": "key", "value": "Cookie", "type": "string"},
            {"key": "value", "value": value, "type": "string"},
            {"key": "in", "value": "header", "type": "string"},
        ],
    }


def findings_by_item(spec: Path, requests: list[dict]) -> dict[str, set[str]]:
    """Validate the generated collection with `requests` saved in a folder of the user's own."""
    api = load_api(str(spec))
    build = build_collection_from_spec(api)
    collection = json.loads(json.dumps(build.collection.to_json()))
    collection["item"].append({"name": "My requests", "item": copy.deepcopy(requests)})
    report = validate_collection(
        collection,
        spec.name,
        api=api,
        environment=VariablesFile("environment", build.environment),
        globals_file=VariablesFile("globals", build.globals, "globals"),
    )
    found: dict[str, set[str]] = {}
    for finding in report.findings:
        if (finding.item or "").startswith("My requests/"):  # the generated ones are test_validate_corpus's
            found.setdefault(finding.item, set()).add(finding.rule)
    return found


def test_twilio_path_variable_inside_a_segment():
    spec = require_corpus() / "twilio" / "twilio_api_v2010.json"
    calls = "/2010-04-01/Accounts/:AccountSid/Calls/:Sid.json"
    found = findings_by_item(
        spec,
        [
            saved("My call", "GET", calls, variables={"AccountSid": ACCOUNT_SID, "Sid": CALL_SID}),
            saved("My call, literal ids", "GET", f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls/{CALL_SID}.json"),
            saved("Call without its id", "GET", calls, variables={"AccountSid": ACCOUNT_SID, "Sid": ""}),
            saved("Call by a short id", "GET", calls, variables={"AccountSid": ACCOUNT_SID, "Sid": "CA123"}),
            saved(
                "Call by a message id", "GET", f"/2010-04-01/Accounts/{ACCOUNT_SID}/Calls/SM{'0b' * 16}.json"
            ),
            saved(
                "Call as XML",
                "GET",
                "/2010-04-01/Accounts/:AccountSid/Calls/:Sid.xml",
                variables={"AccountSid": ACCOUNT_SID, "Sid": CALL_SID},
            ),
            saved("Update with PUT", "PUT", calls, variables={"AccountSid": ACCOUNT_SID, "Sid": CALL_SID}),
        ],
    )
    assert found == {
        "My requests/Call without its id": {"request/empty-path-variable"},
        "My requests/Call by a short id": {"request/pattern-mismatch"},
        "My requests/Call by a message id": {"request/pattern-mismatch"},
        "My requests/Call as XML": {"request/unknown-path"},
        "My requests/Update with PUT": {"request/method-not-allowed"},
    }


def test_box_operations_told_apart_by_a_fragment():
    spec = require_corpus() / "real-world" / "box.json"
    found = findings_by_item(
        spec,
        [
            saved(
                "Unshare my file",
                "PUT",
                "/files/12345",
                query={"fields": "shared_link"},
                body={"shared_link": None},
            ),
            saved("Rename my file", "PUT", "/files/12345", body={"name": "Report.pdf"}),
            saved(
                "Share my web link",
                "PUT",
                "/web_links/678",
                query={"fields": "shared_link"},
                body={"shared_link": {"access": "open"}},
            ),
            saved("Rename with a number", "PUT", "/files/12345", body={"name": 5}),
            saved("Patch my file", "PATCH", "/files/12345", body={"name": "Report.pdf"}),
        ],
    )
    assert set(found) == {"My requests/Rename with a number", "My requests/Patch my file"}
    assert found["My requests/Patch my file"] == {"request/method-not-allowed"}


def test_openai_query_fixed_in_the_path_key():
    spec = require_corpus() / "real-world" / "openai.yaml"
    found = findings_by_item(
        spec,
        [
            saved("Beta response", "GET", "/responses/resp_123", query={"beta": "true"}),
            saved("Response", "GET", "/responses/resp_123"),
            saved("Delete beta response", "DELETE", "/responses/resp_123", query={"beta": "true"}),
            saved("Beta spelled wrong", "GET", "/responses/resp_123", query={"betta": "true"}),
            saved("Beta switched off", "DELETE", "/responses/resp_123", query={"beta": "false"}),
        ],
    )
    assert found == {
        "My requests/Beta spelled wrong": {"request/unknown-query-param"},
        # the beta path fixes the value; the plain path knows no `beta`: either way it is caught
        "My requests/Beta switched off": {"request/invalid-enum-value"},
    }


@pytest.mark.parametrize("version", ["3.0", "3.1"])
def test_api_key_in_a_cookie(version: str):
    spec = require_corpus() / "real-world" / "readme-oas-examples" / version / "json" / "security.json"
    path = "/anything/apiKey"
    found = findings_by_item(
        spec,
        [
            saved("Cookie from a variable", "POST", path, auth=cookie_auth("api_key={{apiKeyCookie}}")),
            saved("Cookie with a pasted key", "POST", path, auth=cookie_auth("api_key=sk_live_51Hc9aQ2x7")),
            saved("Cookie under another name", "POST", path, auth=cookie_auth("session={{apiKeyCookie}}")),
            saved("No cookie", "POST", path, auth={"type": "noauth"}),
        ],
    )
    assert found == {
        "My requests/Cookie with a pasted key": {"auth/literal-key"},
        "My requests/Cookie under another name": {"auth/collection-auth"},
        "My requests/No cookie": {"auth/collection-auth"},
    }


def test_api_key_typed_into_the_query_is_the_scheme_s_not_an_unknown_parameter():
    # `?apiKey=…` typed into the URL where the auth tab would have added it: the operation's apiKey scheme
    # names that query parameter, so it is neither unknown nor misspelt
    spec = require_corpus() / "real-world" / "readme-oas-examples" / "3.0" / "json" / "security.json"
    found = findings_by_item(
        spec,
        [
            saved("Key in the query", "GET", "/anything/apiKey", query={"apiKey": "{{apiKeyQuery}}"}),
            saved("Misspelt key", "GET", "/anything/apiKey", query={"apikey": "{{apiKeyQuery}}"}),
            saved(
                "Key on a header operation", "PUT", "/anything/apiKey", query={"apiKey": "{{apiKeyQuery}}"}
            ),
        ],
    )
    assert "request/unknown-query-param" not in found.get("My requests/Key in the query", set())
    assert "request/unknown-query-param" in found["My requests/Misspelt key"]
    assert "request/unknown-query-param" in found["My requests/Key on a header operation"]
