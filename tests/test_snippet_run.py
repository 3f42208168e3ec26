"""Differential test: every language's snippet, run for real, sends what newman (Postman's client) sends.

A recording HTTP server on 127.0.0.1 captures each request; newman runs the same items from the same
collection, environment and globals. Method, path, query, the headers that matter and the body bytes must match.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from postman_kit.collection import Collection
from postman_kit.generate import build_collection_from_spec
from postman_kit.snippets import render_snippet
from tests.tools import CORPUS, EXAMPLE_SPEC, newman_path, require_corpus

PRIVATE_KEY = "pk_0123456789abcdef0123456789abcdef01"
COMPANY_ID = "AbC123"
BASIC_PASSWORD = "p@ss w0rd'\"$x;`id`"
COMPARED_HEADERS = {"authorization", "revision", "content-type", "accept"}
RUN_TIMEOUT = 60


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes


def _query_pairs(query: str) -> tuple[tuple[str, str], ...]:
    # Percent-decoded per key and value, `+` kept as `+`: equal pairs mean the server sees equal values.
    pairs = []
    for piece in query.split("&") if query else []:
        key, _, value = piece.partition("=")
        pairs.append((unquote(key), unquote(value)))
    return tuple(pairs)


def _utf8(value: str | None) -> str | None:
    # The email parser reads raw UTF-8 header bytes as surrogate escapes.
    return value.encode("utf-8", "surrogateescape").decode("utf-8") if value is not None else None


def _multipart_fields(content_type: str, body: bytes) -> bytes:
    """A multipart body as its fields (name, file name, content): each client picks its own boundary."""
    message = BytesParser().parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields = [[_utf8(part.get_param("name", header="content-disposition")), _utf8(part.get_filename()),
               part.get_payload(decode=True).decode("utf-8")] for part in message.get_payload()]
    return json.dumps(fields, ensure_ascii=False).encode()


class _Recorder(BaseHTTPRequestHandler):
    records: list[Recorded]

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, _, query = self.path.partition("?")
        content_type = self.headers.get("Content-Type") or ""
        if content_type.startswith("multipart/form-data"):
            body = _multipart_fields(content_type, body)
        headers = tuple(sorted(
            (name.lower(), value.split(";")[0] if value.startswith("multipart/") else value)
            for name, value in self.headers.items()
            if name.lower() in COMPARED_HEADERS or name.lower().startswith("x-")
        ))
        self.server.records.append(  # type: ignore[attr-defined]
            Recorded(self.command, unquote(path), _query_pairs(query), headers, body)
        )
        payload = b'{"data": []}'
        self.send_response(200)
        self.send_header("Content-Type", "application/vnd.api+json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _record

    def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
        pass


@contextmanager
def recording_server() -> Iterator[tuple[str, list[Recorded]]]:
    """A server on 127.0.0.1 (a free port) recording every request; yields (base URL, records)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.records = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.records  # type: ignore[attr-defined]
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- the collection under test --------------------------------------------------------------------------------
def _environment(base_url: str) -> dict[str, Any]:
    return {
        "name": "test",
        "values": [
            {"key": "baseUrl", "value": base_url, "type": "default", "enabled": True},
            {"key": "privateKey", "value": PRIVATE_KEY, "type": "secret", "enabled": True},
            {"key": "username", "value": "o'neil $USER", "type": "default", "enabled": True},
            {"key": "password", "value": BASIC_PASSWORD, "type": "secret", "enabled": True},
        ],
    }


def _globals() -> dict[str, Any]:
    return {"name": "globals", "values": [{"key": "companyId", "value": COMPANY_ID, "type": "default",
                                           "enabled": True}]}


def _enable_query(collection: dict[str, Any], name: str, keys: set[str]) -> None:
    for node in _items(collection["item"]):
        if node["name"] == name:
            for param in node["request"]["url"].get("query", []):
                if param["key"] in keys:
                    param.pop("disabled", None)


def _items(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        if "item" in node:
            yield from _items(node["item"])
        else:
            yield node


def _only(collection: dict[str, Any], paths: list[str]) -> dict[str, Any]:
    """The collection pruned to `paths`, in that order, each inside copies of its folders (which carry auth)."""
    located: dict[str, dict[str, Any]] = {}

    def visit(nodes: list[dict[str, Any]], folders: tuple[dict[str, Any], ...]) -> None:
        for node in nodes:
            if "item" in node:
                visit(node["item"], folders + (node,))
                continue
            wrapped = copy.deepcopy(node)
            for folder in reversed(folders):
                wrapped = {**{k: v for k, v in folder.items() if k != "item"}, "item": [wrapped]}
            located["/".join([f["name"] for f in folders] + [node["name"]])] = wrapped

    visit(collection["item"], ())
    return {**collection, "item": [located[path] for path in paths]}


TRICKY_VALUE = "it's \"quoted\" $HOME `id` $(id) ; & | \\ * ? ! # % ~ é ü 日本 🚀"
TRICKY_HEADER = "it's \"quoted\" $HOME `id` $(id) ; & | \\n * ? ! # ~ {}"


def _tricky_item() -> dict[str, Any]:
    """A request whose values carry shell metacharacters, quotes and unicode."""
    body = json.dumps({"note": TRICKY_VALUE, "line": "two\nlines\tand a tab"}, ensure_ascii=False, indent=2)
    return {
        "name": "Tricky 'values' & $things",
        "request": {
            "method": "POST",
            "header": [
                {"key": "Accept", "value": "application/vnd.api+json"},
                {"key": "revision", "value": "{{revision}}"},
                {"key": "X-Note", "value": TRICKY_HEADER},
                {"key": "X-Disabled", "value": "never sent", "disabled": True},
            ],
            "body": {"mode": "raw", "raw": body, "options": {"raw": {"language": "json"}}},
            "url": {
                "raw": "{{baseUrl}}/api/notes/:id",
                "host": ["{{baseUrl}}"],
                "path": ["api", "notes", ":id"],
                "query": [
                    {"key": "note", "value": TRICKY_VALUE.replace("&", "and").replace("#", "no")},
                    {"key": "filter", "value": "equals(email,'o''brien@example.com')"},
                    {"key": "skipped", "value": "x", "disabled": True},
                ],
                "variable": [{"key": "id", "value": "a b'c"}],
            },
        },
    }


def _basic_folder() -> dict[str, Any]:
    """Basic auth set on a folder: its requests inherit it instead of the collection's key."""
    item = _form_item()
    item["name"] = "Form with basic auth"
    return {"name": "Basic", "auth": {"type": "basic", "basic": [
        {"key": "username", "value": "{{username}}"}, {"key": "password", "value": "{{password}}"}]},
        "item": [item]}


def _multipart_item(upload: Path) -> dict[str, Any]:
    return {
        "name": "Upload",
        "request": {
            "method": "POST",
            "header": [{"key": "Accept", "value": "application/vnd.api+json"}],
            "body": {"mode": "formdata", "formdata": [
                {"key": "name", "value": TRICKY_VALUE, "type": "text"},
                {"key": "hidden", "value": "false", "type": "text"},
                {"key": "skipped", "value": "x", "type": "text", "disabled": True},
                {"key": "file", "src": str(upload), "type": "file"},
            ]},
            "url": {"raw": "{{baseUrl}}/api/image-upload", "host": ["{{baseUrl}}"], "path": ["api", "image-upload"]},
        },
    }


def _form_item() -> dict[str, Any]:
    return {
        "name": "Form",
        "request": {
            "method": "POST",
            "header": [],
            "body": {"mode": "urlencoded", "urlencoded": [
                {"key": "name", "value": "Sarah Mason & co"},
                {"key": "note", "value": "50% off + é"},
                {"key": "off", "value": "x", "disabled": True},
            ]},
            "url": {"raw": "{{baseUrl}}/api/forms", "host": ["{{baseUrl}}"], "path": ["api", "forms"]},
        },
    }


# -- running things --------------------------------------------------------------------------------------------
def _run(args: list[str], env: dict[str, str], cwd: Path) -> None:
    result = subprocess.run(args, capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env, cwd=cwd,
                            check=False)
    assert result.returncode == 0, f"{args[0]} failed:\n{result.stdout}\n{result.stderr}"


def _languages() -> dict[str, list[str] | None]:
    """Language → how to run a snippet file (None: tool absent; checked by the tests that need it)."""
    http = shutil.which("http")
    go = shutil.which("go")
    return {
        "curl": ["sh"] if shutil.which("curl") else None,
        "python": [os.environ.get("PYTHON", "python")],
        "httpie": ["sh"] if http else None,
        "javascript": ["node"] if shutil.which("node") else None,
        "go": [go, "run"] if go else None,
    }


SUFFIX = {"curl": ".sh", "python": ".py", "httpie": ".sh", "javascript": ".js", "go": ".go"}


def _send_with_newman(collection: dict[str, Any], paths: list[str], work: Path) -> list[Recorded]:
    newman = newman_path()
    work.mkdir()
    with recording_server() as (base_url, records):
        files = {"collection.json": _only(collection, paths), "env.json": _environment(base_url),
                 "globals.json": _globals()}
        for name, value in files.items():
            (work / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        _run([newman, "run", "collection.json", "-e", "env.json", "-g", "globals.json", "--reporters", "cli",
              "--bail"], {**os.environ}, work)
        return list(records)


def _send_with_snippets(collection: dict[str, Any], paths: list[str], language: str, work: Path) -> list[Recorded]:
    runner = _languages()[language]
    assert runner is not None
    work.mkdir()
    model = Collection.from_json(collection)
    with recording_server() as (base_url, records):
        for index, path in enumerate(paths):
            text = render_snippet(model, path, language, environment=_environment(base_url), globals_=_globals())
            assert PRIVATE_KEY not in text and BASIC_PASSWORD not in text
            file = work / f"snippet{index}{SUFFIX[language]}"
            file.write_text(text, encoding="utf-8")
            _run([*runner, str(file)], {**os.environ, "KLAVIYO_PRIVATE_KEY": PRIVATE_KEY, "PASSWORD": BASIC_PASSWORD}, work)
        return list(records)


def _differential(collection: dict[str, Any], paths: list[str], tmp_path: Path) -> dict[str, list[Recorded]]:
    """What newman and each available language's snippets send for `paths`, each against its own server,
    all at once (the runs are independent, and mostly waiting on process start-up)."""
    newman_path()  # skips the test when newman cannot be had
    languages = [name for name, runner in _languages().items() if runner is not None]
    with ThreadPoolExecutor(max_workers=len(languages) + 1) as pool:
        jobs = {"newman": pool.submit(_send_with_newman, collection, paths, tmp_path / "newman")}
        for language in languages:
            jobs[language] = pool.submit(_send_with_snippets, collection, paths, language, tmp_path / language)
        return {name: job.result() for name, job in jobs.items()}


def _assert_same_as_newman(recorded: dict[str, list[Recorded]], paths: list[str]) -> None:
    expected = recorded.pop("newman")
    for language, records in recorded.items():
        assert len(records) == len(paths), language
        for path, got, want in zip(paths, records, expected):
            if not _same_as_newman(got, want):
                assert got == want, f"{language} snippet for {path!r} differs from newman"


# Postman dynamic variables that generate writes into fields kept unique (email, phone_number, external_id):
# newman fills them in per request, a snippet sends them as they stand, as Postman's own code panel does.
_DYNAMIC = {re.escape(b"{{$guid}}"): rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            re.escape(b"{{$timestamp}}"): rb"[0-9]{10}"}


def _same_as_newman(got: Recorded, want: Recorded) -> bool:
    """Equal, or equal but for the dynamic variables newman filled in where the snippet's body names them."""
    if got == want:
        return True
    if dataclasses.replace(got, body=b"") != dataclasses.replace(want, body=b""):
        return False
    pattern = re.escape(got.body)
    for variable, filled in _DYNAMIC.items():
        pattern = pattern.replace(variable, filled)
    return pattern != re.escape(got.body) and re.fullmatch(pattern, want.body) is not None


# -- the tests ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def example_collection(tmp_path_factory) -> dict[str, Any]:
    collection = build_collection_from_spec(str(EXAMPLE_SPEC)).collection.to_json()
    _enable_query(collection, "Get Profiles", {"fields[profile]", "filter", "page[size]"})
    # An ASCII file name: clients disagree on how to write a non-ASCII one in Content-Disposition.
    upload = tmp_path_factory.mktemp("upload") / "logo 'x' $1.txt"
    upload.write_text("file content: é 日本\n", encoding="utf-8")
    collection["item"].append({"name": "Odd", "item": [
        _tricky_item(), _form_item(), _basic_folder(), _multipart_item(upload)]})
    return collection


EXAMPLE_PATHS = [
    "Profiles/Profiles/Get Profiles",
    "Lists/Create List",
    "Lists/Update List",
    "Client/Create Client Event",
    "Odd/Tricky 'values' & $things",
    "Odd/Form",
    "Odd/Basic/Form with basic auth",
    "Odd/Upload",
]


def test_every_language_sends_what_newman_sends(example_collection, tmp_path) -> None:
    recorded = _differential(example_collection, EXAMPLE_PATHS, tmp_path)
    newman = recorded["newman"]
    assert newman[0].query[0] == ("fields[profile]", "created")
    assert ("authorization", f"Klaviyo-API-Key {PRIVATE_KEY}") in newman[0].headers
    assert newman[3].query == (("company_id", COMPANY_ID),)
    assert not any(name == "authorization" for name, _ in newman[3].headers)  # client endpoints: no key
    assert newman[4].path == "/api/notes/a b'c"
    assert json.loads(newman[4].body)["note"] == TRICKY_VALUE
    assert dict(newman[6].headers)["authorization"].startswith("Basic ")
    assert json.loads(newman[7].body) == [["name", None, TRICKY_VALUE], ["hidden", None, "false"],
                                          ["file", "logo 'x' $1.txt", "file content: é 日本\n"]]
    _assert_same_as_newman(recorded, EXAMPLE_PATHS)


@pytest.mark.corpus
def test_klaviyo_2026_07_15_requests_match_newman(tmp_path) -> None:
    require_corpus()
    spec = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
    if not spec.exists():
        pytest.skip("the 2026-07-15 Klaviyo spec is absent")
    collection = build_collection_from_spec(str(spec)).collection.to_json()
    _enable_query(collection, "Get Profiles", {"fields[profile]", "filter", "page[size]", "sort"})
    paths = [
        "Profiles/Profiles/Get Profiles",
        "Profiles/Profiles/Create Profile",
        "Profiles/Profiles/Update Profile",
        "Client/Create Client Event",
    ]
    recorded = _differential(collection, paths, tmp_path)
    assert ("company_id", COMPANY_ID) in recorded["newman"][3].query
    _assert_same_as_newman(recorded, paths)
