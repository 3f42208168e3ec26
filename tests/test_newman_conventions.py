"""newman runs collections generated for other APIs: each request carries the auth its operation's security
scheme asks for, with the values the generated environment names, and the contract tests pass when the server
answers as the spec documents.
"""

from __future__ import annotations

import base64
import http.server
import json
import re
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from postman_kit import generate
from postman_kit.generation.build import BuildOptions
from tests.support.generate import OK, minimal_spec, request_items, write_spec
from tests.tools import CORPUS, newman_run, require_corpus

pytestmark = pytest.mark.newman

NEWMAN_TIMEOUT_SECONDS = 300


@dataclass
class Server:
    """A local server that records what it is sent and answers (method, path) from `routes` (else 204)."""

    url: str = ""
    seen: list[dict[str, Any]] = field(default_factory=list)
    routes: dict[tuple[str, str], tuple[int, str, str]] = field(default_factory=dict)


class _Handler(http.server.BaseHTTPRequestHandler):
    server_state: Server

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        self.server_state.seen.append(
            {
                "method": self.command,
                "path": path,
                "query": urllib.parse.parse_qs(url.query),
                "headers": {k.lower(): v for k, v in self.headers.items()},
            }
        )
        code, media_type, body = self.server_state.routes.get((self.command, path), (204, "", ""))
        self.send_response(code)
        data = body.encode()
        if code != 204:
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if code != 204:
            self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server()
    handler = type("Handler", (_Handler,), {"server_state": state})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def run_newman(files: list[Path], base_url: str, values: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`newman run` with the generated environment; every variable it lists gets `values[key]` on the command
    line, as a CI job passes secrets."""
    listed = [
        value["key"] for value in json.loads(files[1].read_text())["values"] if value["key"] != "baseUrl"
    ]
    env_vars = {"baseUrl": base_url, **{key: values[key] for key in listed}}
    return newman_run(files, env_vars, timeout=NEWMAN_TIMEOUT_SECONDS)


SCHEMES = {
    "api_key": {"type": "apiKey", "in": "query", "name": "api_key"},
    "sessionCookie": {"type": "apiKey", "in": "cookie", "name": "session"},
    "basicAuth": {"type": "http", "scheme": "basic"},
    "jwt": {"type": "http", "scheme": "bearer"},
}
VALUES = {
    "apiKey": "key-123",
    "sessionCookie": "cookie-456",
    "basicAuthUsername": "ada",
    "basicAuthPassword": "pw-789",
    "jwt": "token-abc",
}


def test_each_request_sends_the_credential_its_scheme_asks_for(tmp_path: Path, server: Server) -> None:
    paths = {
        "/things": {"get": {"summary": "List things", "responses": OK}},
        "/session": {"get": {"summary": "Session", "security": [{"sessionCookie": []}], "responses": OK}},
        "/basic": {"get": {"summary": "Basic", "security": [{"basicAuth": []}], "responses": OK}},
        "/bearer": {"get": {"summary": "Bearer", "security": [{"jwt": []}], "responses": OK}},
        "/health": {"get": {"summary": "Health", "security": [], "responses": OK}},
    }
    doc = minimal_spec(paths, components={"securitySchemes": SCHEMES}, security=[{"api_key": []}])
    result = generate(str(write_spec(tmp_path, doc)), tmp_path / "out")
    run = run_newman(result.files, server.url, VALUES)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    seen = {request["path"]: request for request in server.seen}
    assert len(server.seen) == len(seen) == 5
    assert (
        seen["/things"]["query"] == {"api_key": ["key-123"]}
        and "authorization" not in seen["/things"]["headers"]
    )
    assert seen["/session"]["headers"]["cookie"] == "session=cookie-456" and seen["/session"]["query"] == {}
    assert seen["/basic"]["headers"]["authorization"] == "Basic " + base64.b64encode(b"ada:pw-789").decode()
    assert seen["/bearer"]["headers"]["authorization"] == "Bearer token-abc"
    assert seen["/health"]["query"] == {} and "authorization" not in seen["/health"]["headers"]
    assert "cookie" not in seen["/health"]["headers"]


def documented_answers(collection: dict[str, Any]) -> dict[tuple[str, str], tuple[int, str, str]]:
    """(method, path as newman sends it) → the request's saved success example (status, media type, body)."""
    routes: dict[tuple[str, str], tuple[int, str, str]] = {}
    for item in request_items(collection):
        url = item["request"]["url"]
        values = {v["key"]: str(v.get("value", "")) for v in url.get("variable", [])}
        segments = [
            re.sub(r":(\w+)", lambda m, values=values: values.get(m.group(1), m.group(0)), s)
            for s in url["path"]
        ]
        example = next(e for e in item["response"] if 200 <= e["code"] < 400)
        media_type = next((h["value"] for h in example["header"] if h["key"] == "Content-Type"), "")
        routes[(item["request"]["method"], "/" + "/".join(segments))] = (
            example["code"],
            media_type,
            example["body"],
        )
    return routes


def test_train_travel_contract_tests_pass_against_its_documented_answers(
    tmp_path: Path, server: Server
) -> None:
    require_corpus()
    result = generate(
        str(CORPUS / "real-world" / "train-travel" / "openapi.yaml"), tmp_path, BuildOptions(tests=True)
    )
    server.routes = documented_answers(json.loads(result.files[0].read_text()))
    run = run_newman(result.files, server.url, {"oauth2AccessToken": "token-xyz"})
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"│\s+assertions\s+│\s+(\d+)\s+│\s+0\s+│", run.stdout), run.stdout[-2000:]
    assert len(server.seen) == len(server.routes) == 7
    assert {request["headers"].get("authorization") for request in server.seen} == {"Bearer token-xyz"}
