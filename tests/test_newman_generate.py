"""newman, the real Postman client, runs the generated example collection against a local recording server.

The environment and globals files are the generated ones; values arrive on newman's command line, as a CI
job would pass them. The server must see the private key and revision on /api/ requests and the public key,
never the private one, on /client/ requests.
"""

from __future__ import annotations

import http.server
import subprocess
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from postman_kit import generate
from tests.tools import newman_path, newman_run

pytestmark = pytest.mark.newman

PRIVATE_KEY = "pk_" + "0123456789abcdef" * 2 + "ab"
COMPANY_ID = "AbC123"
NEWMAN_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[Seen]

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        url = urllib.parse.urlsplit(self.path)
        self.seen.append(
            Seen(
                self.command,
                url.path,
                urllib.parse.parse_qs(url.query),
                {k.lower(): v for k, v in self.headers.items()},
                self.rfile.read(length),
            )
        )
        self.send_response(204)  # what the server says does not matter here, only what it was sent
        self.end_headers()

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _record

    def log_message(self, format: str, *args: Any) -> None:
        pass


def run_newman(collection: Path, *options: str) -> None:
    """`newman run COLLECTION OPTIONS…`, which must pass; its output is the failure's message."""
    run = subprocess.run(
        [newman_path(), "run", str(collection), *options],
        capture_output=True,
        text=True,
        timeout=NEWMAN_TIMEOUT_SECONDS,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]


@pytest.fixture
def recording_server() -> Iterator[tuple[str, list[Seen]]]:
    seen: list[Seen] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


def test_newman_runs_the_generated_collection_with_the_right_auth(
    example_spec: Path, tmp_path: Path, recording_server: tuple[str, list[Seen]]
) -> None:
    base_url, seen = recording_server
    result = generate(str(example_spec), tmp_path)
    collection, environment, globals_file = result.files
    run = newman_run(
        result.files,
        {"baseUrl": base_url, "privateKey": PRIVATE_KEY},
        {"companyId": COMPANY_ID},
        timeout=NEWMAN_TIMEOUT_SECONDS,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert PRIVATE_KEY not in collection.read_text() + environment.read_text() + globals_file.read_text()

    assert len(seen) == 17  # every request of the example spec, once
    private = [s for s in seen if s.path.startswith("/api/")]
    client = [s for s in seen if s.path.startswith("/client/")]
    assert len(private) == 15 and len(client) == 2
    for request in private:
        assert request.headers["authorization"] == f"Klaviyo-API-Key {PRIVATE_KEY}", request.path
        assert request.headers["revision"] == "2026-07-15", request.path
        assert "company_id" not in request.query
    for request in client:
        assert "authorization" not in request.headers, request.path
        assert PRIVATE_KEY.encode() not in request.body
        assert request.query["company_id"] == [COMPANY_ID], request.path
        assert request.headers["revision"] == "2026-07-15"
        assert request.headers["content-type"] == "application/vnd.api+json"

    by_route = {(s.method, s.path) for s in seen}
    assert ("GET", "/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H") in by_route  # path variables filled in
    assert ("DELETE", "/api/lists/Y6nRLr") in by_route
    get_profiles = next(s for s in seen if (s.method, s.path) == ("GET", "/api/profiles"))
    assert get_profiles.query == {}  # optional parameters, the filter included, stay disabled


def test_newman_sends_the_body_of_a_get_that_requires_one(
    tmp_path: Path, recording_server: tuple[str, list[Seen]]
) -> None:
    """A Ktor example's `GET /greeting` requires a JSON body; Postman and newman drop a GET's body unless the
    item turns body pruning off, so the request arrived without it."""
    import json

    base_url, seen = recording_server
    body = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string", "example": "Ada"}},
    }
    spec = tmp_path / "spec.json"
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "Greetings", "version": "1"},
                "paths": {
                    "/greeting": {
                        "get": {
                            "requestBody": {
                                "required": True,
                                "content": {"application/json": {"schema": body}},
                            },
                            "responses": {"200": {"description": "ok"}},
                        }
                    }
                },
            }
        )
    )
    collection, environment, _ = generate(str(spec), tmp_path / "out").files
    run_newman(collection, "-e", str(environment), "--env-var", f"baseUrl={base_url}")
    [request] = seen
    assert (request.method, request.path, json.loads(request.body)) == ("GET", "/greeting", {"name": "Ada"})


def test_newman_sends_every_request_whose_headers_the_spec_gives_odd_values(
    tmp_path: Path, recording_server: tuple[str, list[Seen]]
) -> None:
    """Rocket.Chat's token as a header parameter's example, a city `東京`, a line break: newman refused each
    header ("Invalid character in header content") and sent none of these requests. The token is read from the
    environment, where the user sets it."""
    import json

    base_url, seen = recording_server
    token = "9HqLlyZOugoStsXCUfD_0YdwnNnunAJF8V47U3QHXSq"
    headers = {
        "me": ("X-Auth-Token", token),
        "city": ("X-City", "東京"),
        "lines": ("X-Multi", "line1\nline2"),
    }
    paths = {
        f"/{name}": {
            "get": {
                "operationId": name,
                "parameters": [
                    {
                        "name": header,
                        "in": "header",
                        "required": True,
                        "schema": {"type": "string"},
                        "example": value,
                    }
                ],
                "responses": {"200": {"description": "ok"}},
            }
        }
        for name, (header, value) in headers.items()
    }
    spec = tmp_path / "spec.json"
    spec.write_text(
        json.dumps({"openapi": "3.0.3", "info": {"title": "Chat", "version": "1"}, "paths": paths})
    )
    collection, environment, _ = generate(str(spec), tmp_path / "out").files
    run_newman(
        collection,
        "-e",
        str(environment),
        "--env-var",
        f"baseUrl={base_url}",
        "--env-var",
        "xAuthToken=mine-1234",
    )
    sent = {s.path: s.headers for s in seen}
    assert sent["/me"]["x-auth-token"] == "mine-1234"
    assert sent["/city"]["x-city"] == "%E6%9D%B1%E4%BA%AC"
    assert sent["/lines"]["x-multi"] == "line1 line2"
