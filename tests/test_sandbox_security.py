"""The sandbox against hostile input: bodies too large or too deep, filters too deep, values it could not serve
back, foreign Host names, failures; every answer recorded, data files private, a killed server losing nothing."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from starlette.testclient import TestClient

from postman_kit.activity.web import activity_routes
from postman_kit.calls import MemoryRecorder
from postman_kit.errors import InputError
from postman_kit.filters import MAX_FILTER_DEPTH, FilterSyntaxError, parse_filter
from postman_kit.logstore import open_store
from postman_kit.openapi import Api, load_api
from postman_kit.private_files import make_private_dir
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.guard import DEFAULT_MAX_BODY, host_name, parse_size
from postman_kit.sandbox.http_protocol import HeaderDeadlineProtocol
from postman_kit.sandbox.json_limits import MAX_JSON_DEPTH
from postman_kit.sandbox.resource_store import ResourceStore
from tests.support.logstore import FULL_KEY as SERVER_KEY
from tests.support.logstore import _free_port, running_sandbox, wait_for_port, write_keys_file
from tests.support.sandbox_client import LOCAL, REVISION, headers, key_ring, only_error, profile_body
from tests.tools import EXAMPLE_SPEC

MB = 1024 * 1024
CHUNK = 64 * 1024


@pytest.fixture(scope="module")
def api() -> Api:
    return load_api(str(EXAMPLE_SPEC))


@pytest.fixture
def served(api: Api, tmp_path: Path) -> Iterator[tuple[TestClient, MemoryRecorder]]:
    """The example spec's sandbox in process, and what it records."""
    calls = MemoryRecorder()
    with TestClient(
        create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=calls), base_url=LOCAL
    ) as client:
        yield client, calls


def nested(depth: int, leaf: object = 1) -> object:
    value = leaf
    for _ in range(depth):
        value = {"k": value}
    return value


def deep_profile(depth: int) -> dict:
    """A profile whose `properties` hold `depth` nested objects (the whole body nests depth + 3)."""
    body = profile_body(f"deep{depth}@example.com")
    body["data"]["attributes"]["properties"] = nested(depth)
    return body


# -- body size: refused before it is read ----------------------------------------------------------------------
def asgi_post(
    app, body_size: int, *, content_length: bool, path: str = "/api/profiles"
) -> tuple[int, dict, int]:
    """POST `body_size` bytes straight through the ASGI interface, produced only as the app asks for them;
    returns the status, the JSON answer and how many body bytes the app pulled."""
    pulled = 0
    sent: list[dict] = []
    header_list = [(b"host", b"127.0.0.1:4010"), (b"content-type", b"application/vnd.api+json")]
    if content_length:
        header_list.append((b"content-length", str(body_size).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": header_list,
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 4010),
    }

    async def receive() -> dict:
        nonlocal pulled
        chunk = b"x" * min(CHUNK, body_size - pulled)
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": pulled < body_size}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    content = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, json.loads(content), pulled


@pytest.mark.parametrize("content_length", [True, False], ids=["content-length", "chunked"])
def test_a_50_mb_body_is_413_before_the_app_reads_past_the_limit(
    api: Api, tmp_path: Path, content_length: bool
) -> None:
    recorder = MemoryRecorder()
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=recorder)
    status, document, pulled = asgi_post(app, 50 * MB, content_length=content_length)
    assert status == 413
    error = document["errors"][0]
    assert error["status"] == 413 and "--max-body" in error["detail"]
    # from its Content-Length, nothing is read; a chunked body, at most the limit and the chunk that passed it
    assert pulled == 0 if content_length else pulled <= DEFAULT_MAX_BODY + CHUNK
    # checked before the key (none was sent) and recorded like every answered call
    assert [(call.method, call.path, call.status) for call in recorder.calls] == [
        ("POST", "/api/profiles", 413)
    ]


def test_max_body_is_the_limit_and_smaller_bodies_are_served(api: Api, tmp_path: Path) -> None:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder(), max_body=4096)
    with TestClient(app, base_url=LOCAL) as client:
        small = profile_body("small@example.com", first_name="x" * 1000)
        assert client.post("/api/profiles", headers=headers(), json=small).status_code == 201
        large = profile_body("large@example.com", first_name="x" * 5000)
        response = client.post("/api/profiles", headers=headers(), json=large)
        assert response.status_code == 413 and "4096 bytes" in only_error(response)["detail"]


def test_sizes_are_read_as_people_write_them() -> None:
    assert parse_size("1MB") == MB == DEFAULT_MAX_BODY
    assert (parse_size("512KB"), parse_size("512 kb"), parse_size("2048"), parse_size("1MiB")) == (
        512 * 1024,
        512 * 1024,
        2048,
        MB,
    )
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_max_body_option_refuses_what_is_not_a_size(run_cli) -> None:
    result = run_cli("sandbox", str(EXAMPLE_SPEC), "--max-body", "lots")
    assert result.exit_code == 2 and "not a size" in result.output


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def post_raw(port: int, size: int, chunked: bool) -> bytes:
    """POST `size` bytes without a key over a plain socket, as fast as the server takes them; its status line."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        framing = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {size}"
        sock.sendall(
            f"POST /api/profiles HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Content-Type: application/vnd.api+json\r\n{framing}\r\n\r\n".encode()
        )
        chunk = b"x" * CHUNK
        try:
            for _ in range(size // CHUNK):
                sock.sendall(b"%x\r\n%b\r\n" % (CHUNK, chunk) if chunked else chunk)
        except OSError:
            pass  # the server answered and closed without reading the rest, as it should
        return sock.recv(4096).split(b"\r\n")[0]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the server's memory from /proc")
def test_a_served_50_mb_body_leaves_the_memory_as_it_was_and_data_files_private(tmp_path: Path) -> None:
    data = tmp_path / "home" / "sandbox"
    previous = os.umask(0)  # whatever the umask, the sandbox's files are its owner's only
    try:
        with running_sandbox(EXAMPLE_SPEC, data, write_keys_file(tmp_path)) as (base_url, process):
            port = int(base_url.rsplit(":", 1)[1])
            auth = {"Authorization": f"Klaviyo-API-Key {SERVER_KEY}", "revision": REVISION}
            assert httpx.get(f"{base_url}/api/profiles", headers=auth).status_code == 200
            before = rss_mb(process.pid)
            for chunked in (False, True):
                assert post_raw(port, 50 * MB, chunked).startswith(
                    b"HTTP/1.1 413 "
                )  # the phrase varies by Python
            grown = rss_mb(process.pid) - before
            assert grown < 10, f"RSS grew {grown:.1f} MB"
            assert httpx.get(f"{base_url}/api/profiles", headers=auth).status_code == 200
            modes = {path.name: path.stat().st_mode & 0o777 for path in data.iterdir()}
    finally:
        os.umask(previous)
    assert {
        "logs.sqlite3",
        "logs.sqlite3-wal",
        "logs.sqlite3-shm",
        "logs.sqlite3.calls.jsonl",
        "sandbox.sqlite3",
    } <= set(modes)
    assert set(modes.values()) == {0o600}, modes
    assert (data.stat().st_mode & 0o777, data.parent.stat().st_mode & 0o777) == (0o700, 0o700)
    with open_store(data / "logs.sqlite3", create=False) as store:
        assert [call.status for call in store.search()].count(413) == 2


def test_data_files_are_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        make_private_dir(tmp_path / "a" / "b")
        resources = ResourceStore(tmp_path / "a" / "b" / "sandbox.sqlite3")
        resources.put("profile", "1", {"email": "x@example.com"})
        logs = open_store(tmp_path / "a" / "b" / "logs.sqlite3")
        files = {path.name: path.stat().st_mode & 0o777 for path in (tmp_path / "a" / "b").iterdir()}
        logs.close()
        resources.close()
    finally:
        os.umask(previous)
    assert {"sandbox.sqlite3", "sandbox.sqlite3-wal", "logs.sqlite3", "logs.sqlite3-wal"} <= set(files)
    assert set(files.values()) == {0o600}, files
    assert {(tmp_path / "a").stat().st_mode & 0o777, (tmp_path / "a" / "b").stat().st_mode & 0o777} == {0o700}


# -- nesting ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH + 1, 1000, 100_000])
def test_a_body_nested_too_deep_is_400_invalid_and_recorded(served, depth: int) -> None:
    client, recorder = served
    body = "[" * depth + "]" * depth
    response = client.post("/api/profiles", headers=headers(), content=body.encode())
    error = only_error(response)
    assert (response.status_code, error["code"]) == (400, "invalid")
    assert "nests deeper" in error["detail"] or "depth" in error["detail"]
    assert recorder.calls[-1].status == 400


@pytest.mark.parametrize(
    "filter_text",
    [
        "and(" * 2000,
        "equals(email," + "[" * 5000,
        "and(" * (MAX_FILTER_DEPTH + 1) + "equals(email,'a')" + ")" * 40,
    ],
)
def test_a_filter_nested_too_deep_is_400_invalid(served, filter_text: str) -> None:
    client, recorder = served
    response = client.get("/api/profiles", headers=headers(), params={"filter": filter_text})
    error = only_error(response)
    assert (response.status_code, error["code"], error["source"]) == (400, "invalid", {"parameter": "filter"})
    assert f"deeper than {MAX_FILTER_DEPTH} levels" in error["detail"]
    assert recorder.calls[-1].status == 400


def test_the_filter_parser_raises_its_syntax_error_for_deep_input() -> None:
    with pytest.raises(FilterSyntaxError, match="nests deeper"):
        parse_filter("and(" * 100_000)
    nested_lists = "any(id,[" + "[" * (MAX_FILTER_DEPTH - 1) + "'a'" + "]" * MAX_FILTER_DEPTH + ")"
    assert parse_filter(nested_lists)[0].field == "id"  # at the limit: parsed


def test_a_profile_nested_300_deep_is_refused_and_the_list_stays_readable(api: Api, tmp_path: Path) -> None:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(app, base_url=LOCAL) as client:
        refused = client.post("/api/profiles", headers=headers(), json=deep_profile(300))
        assert refused.status_code == 400 and only_error(refused)["code"] == "invalid"
        kept = client.post("/api/profiles", headers=headers(), json=deep_profile(MAX_JSON_DEPTH - 5))
        assert kept.status_code == 201
        listed = client.get("/api/profiles", headers=headers(), params={"page[size]": "100"})
        assert listed.status_code == 200
        emails = [item["attributes"]["email"] for item in listed.json()["data"]]
        assert f"deep{MAX_JSON_DEPTH - 5}@example.com" in emails and "deep300@example.com" not in emails
    again = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(again, base_url=LOCAL) as client:  # and after a restart
        assert client.get("/api/profiles", headers=headers()).status_code == 200


@pytest.mark.parametrize(
    ("literal", "why"),
    [
        ("18446744073709551616", "64 bits"),  # 2**64
        ("-9223372036854775809", "64 bits"),  # -2**63 - 1
        ("1" * 5000, "not valid JSON"),
        ("NaN", "not valid JSON"),
        ("Infinity", "not valid JSON"),
        ("1e999", "not valid JSON"),
        ('"\\ud800"', "not valid JSON"),
    ],
)
def test_values_the_sandbox_could_not_serve_back_are_400(served, literal: str, why: str) -> None:
    client = served[0]
    body = (
        '{"data":{"type":"profile","attributes":{"email":"n@example.com","properties":{"n":'
        + literal
        + "}}}}"
    )
    response = client.post("/api/profiles", headers=headers(), content=body.encode())
    assert response.status_code == 400 and why in only_error(response)["detail"]
    assert client.get("/api/profiles", headers=headers()).status_code == 200


def test_64_bit_integers_and_floats_are_kept_exactly(served) -> None:
    client = served[0]
    properties = {"largest": 2**64 - 1, "smallest": -(2**63), "ratio": 0.1, "big": 1.5e300}
    created = client.post(
        "/api/profiles", headers=headers(), json=profile_body("ints@example.com", properties=properties)
    )
    assert created.status_code == 201
    read = client.get(f"/api/profiles/{created.json()['data']['id']}", headers=headers())
    assert read.json()["data"]["attributes"]["properties"] == properties


def test_stored_resources_that_cannot_be_served_are_skipped_at_start(
    api: Api, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(app, base_url=LOCAL) as client:
        good = client.post("/api/profiles", headers=headers(), json=profile_body("good@example.com")).json()
    # what an earlier version stored, or a hand edit: too deep for any later read, not JSON, not an object
    with sqlite3.connect(tmp_path / "sandbox.sqlite3") as db:
        for rid, text in (
            ("DEEP", json.dumps({"properties": nested(300)})),
            ("BROKEN", "{not json"),
            ("LIST", "[1]"),
            ("HUGE", '{"n": %s}' % ("9" * 30)),
            ("NAN", '{"n": NaN}'),
        ):
            db.execute("INSERT INTO resources VALUES ('profile', ?, 1000, ?)", (rid, text))
    again = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())
    with TestClient(again, base_url=LOCAL) as client:
        listed = client.get("/api/profiles", headers=headers(), params={"page[size]": "100"})
        assert listed.status_code == 200
        ids = [item["id"] for item in listed.json()["data"]]
        assert good["data"]["id"] in ids and not {"DEEP", "BROKEN", "LIST", "HUGE", "NAN"} & set(ids)
    assert "skipped" in caplog.text and "DEEP" in caplog.text


def test_a_corrupt_resource_store_is_one_line_error(api: Api, tmp_path: Path) -> None:
    (tmp_path / "sandbox.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError, match="cannot open the sandbox's resource store"):
        create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder())


# -- failures are answered and recorded ---------------------------------------------------------------------------
def test_an_unexpected_failure_is_a_recorded_json_api_500(
    api: Api, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = MemoryRecorder()
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=recorder)

    def broken(incoming):
        raise RuntimeError("store went away")

    app.state.sandbox.serve = broken
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as client:
        response = client.post("/api/profiles", headers=headers(), json=profile_body("boom@example.com"))
        assert response.status_code == 500 and only_error(response)["code"] == "error"
    [call] = recorder.calls
    assert (call.method, call.path, call.status) == ("POST", "/api/profiles", 500)
    assert (
        "boom@example.com" in call.request_body
        and json.loads(call.response_body)["errors"][0]["status"] == 500
    )
    assert call.request_headers["authorization"].startswith("Klaviyo-API-Key pk_…")  # truncated as always
    assert "RuntimeError: store went away" in caplog.text


# -- Host ------------------------------------------------------------------------------------------------------
def test_only_host_names_of_the_bound_address_are_answered(api: Api, tmp_path: Path) -> None:
    recorder = MemoryRecorder()
    with open_store(tmp_path / "logs.sqlite3") as store:
        app = create_app(
            api,
            keys=key_ring(),
            data_dir=tmp_path,
            recorder=recorder,
            host="127.0.0.1",
            allowed_hosts=["sandbox.internal"],
            extra_routes=activity_routes(store),
        )
        with TestClient(app, base_url=LOCAL) as client:
            for host in (
                "127.0.0.1",
                "127.0.0.1:4010",
                "localhost:4010",
                "LOCALHOST",
                "[::1]:4010",
                "sandbox.internal:80",
                "localhost.",
            ):
                assert client.get("/api/profiles", headers=headers(Host=host)).status_code == 200, host
                assert client.get("/_activity", headers={"Host": host}).status_code == 200, host
            for host in (
                "evil.example",
                "evil.example:4010",
                "127.0.0.1.evil.example",
                "localhost:4010.evil",
                "0.0.0.0",
                "testserver",
                "[::2]:4010",
            ):
                for path in ("/_activity", "/_activity/api/logs", "/api/profiles"):
                    response = client.get(path, headers=headers(Host=host))
                    assert response.status_code == 421, (host, path)
                    assert "--allow-host" in only_error(response)["detail"]
    assert recorder.calls[-1].status == 421


def test_host_names_are_compared_without_port_brackets_or_case() -> None:
    assert [host_name(h) for h in ("LocalHost:80", "[::1]:4010", "[::1]", "127.0.0.1", "a.b.:1", "x:y")] == [
        "localhost",
        "::1",
        "::1",
        "127.0.0.1",
        "a.b",
        "x:y",
    ]


# -- kill -9 under load: no answered call lost, 500s included -----------------------------------------------------
SERVER = textwrap.dedent("""
    import sys
    import uvicorn
    from postman_kit.logstore import open_store
    from postman_kit.openapi import load_api
    from postman_kit.sandbox.app import create_app
    from postman_kit.sandbox.keys import load_keys

    spec, data, keys, port = sys.argv[1:]
    store = open_store(data + "/logs.sqlite3")
    app = create_app(load_api(spec), keys=load_keys(keys), data_dir=data, recorder=store, rate_limits=False)
    sandbox = app.state.sandbox
    serve = sandbox.serve

    def failing(incoming):  # a fault no request should reach: these paths fail as a bug would
        if "/FAIL" in incoming.path:
            raise RuntimeError("injected failure")
        return serve(incoming)

    sandbox.serve = failing
    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="critical")
""")


@pytest.mark.slow  # a server process killed and restarted
def test_a_killed_sandbox_loses_no_answered_call_500s_included(tmp_path: Path) -> None:
    data = tmp_path / "sandbox"
    data.mkdir()
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SERVER,
            str(EXAMPLE_SPEC),
            str(data),
            str(write_keys_file(tmp_path)),
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    answered: list[tuple[str, int]] = []
    stop = threading.Event()

    def client(worker: int) -> None:
        auth = {"Authorization": f"Klaviyo-API-Key {SERVER_KEY}", "revision": REVISION}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=auth, timeout=10) as http:
            for n in range(100_000):
                path = f"/api/profiles/{'FAIL' if n % 3 == 0 else 'MISS'}W{worker}N{n}"
                try:
                    status = http.get(path).status_code
                except httpx.HTTPError:
                    return
                answered.append((path, status))
                if stop.is_set():
                    return

    try:
        wait_for_port(port)
        threads = [threading.Thread(target=client, args=(worker,)) for worker in range(8)]
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while len(answered) < 1500 and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert {status for _, status in answered} == {404, 500}
    with open_store(data / "logs.sqlite3", create=False) as store:
        stored = {(call.path, call.status) for call in store.search(limit=len(answered) + 100)}
    # every answer, a 404 as a 500, is recorded before it is sent: no call a client got an answer to is lost
    assert [call for call in answered if call not in stored] == []


def test_the_keys_file_is_never_written_through_a_link(tmp_path: Path) -> None:
    """A data directory shipped with `keys.tmp` linked to a user's file had that file overwritten with the full
    key on the sandbox's first start; a linked `keys.json` was replaced (or read)."""
    from postman_kit.errors import InputError
    from postman_kit.sandbox.keys import default_keys

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    data = tmp_path / "data"
    data.mkdir()
    (data / "keys.tmp").symlink_to(victim)
    keys, path = default_keys(data)
    assert victim.read_text() == "precious" and path.is_file() and not path.is_symlink()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    linked = tmp_path / "linked"
    linked.mkdir()
    (linked / "keys.json").symlink_to(victim)
    with pytest.raises(InputError, match="not a regular file"):
        default_keys(linked)
    assert victim.read_text() == "precious"


def test_the_sandbox_refuses_a_data_directory_with_linked_files_and_changes_nothing_outside(
    run_cli, tmp_path: Path
) -> None:
    """A data directory shipped with `sandbox.sqlite3-shm` linked to a directory and the call journal linked to
    a file elsewhere: the sandbox chmodded both to owner-only, then appended to and emptied the file."""
    outside = tmp_path / "outside"
    (outside / "shared").mkdir(parents=True)
    (outside / "shared").chmod(0o755)
    other = outside / "other.txt"
    other.write_text("shared\n")
    other.chmod(0o644)
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs.sqlite3.calls.jsonl").symlink_to(other)
    (data / "sandbox.sqlite3-shm").symlink_to(outside / "shared")
    spec = Path(__file__).resolve().parent.parent / "collections" / "example-api.openapi.yaml"
    result = run_cli("sandbox", spec, "--port", "0", "--data", data)
    assert result.exit_code == 2 and "is a symbolic link" in result.stderr, result.output
    assert other.read_text() == "shared\n" and oct(other.stat().st_mode & 0o777) == "0o644"
    assert oct((outside / "shared").stat().st_mode & 0o777) == "0o755"


def test_a_body_that_stops_coming_is_answered_408_not_waited_for() -> None:
    """A client that sends part of a declared body and stalls held the connection with no answer (slowloris):
    each part of a body must come within the guard's time."""

    from postman_kit.sandbox.guard import RequestGuard

    async def app(scope: dict, receive: Any, send: Any) -> None:
        await receive()  # the body, which never comes
        raise AssertionError("unreachable")

    sent: list[dict] = []

    async def stalled() -> dict:
        await asyncio.sleep(3600)
        return {}

    async def send(message: dict) -> None:
        sent.append(message)

    guard = RequestGuard(app, body_seconds=0.2)
    scope = {"type": "http", "method": "POST", "path": "/x", "headers": [(b"host", b"127.0.0.1"),
             (b"content-length", b"10")], "query_string": b""}  # fmt: skip
    asyncio.run(asyncio.wait_for(guard(scope, stalled, send), timeout=10))
    assert sent[0]["status"] == 408
    assert b"did not arrive within 0.2 seconds" in sent[1]["body"]


class _QuickHeaderDeadline(HeaderDeadlineProtocol):
    header_seconds = 0.5


def _trickle(port: int, data: bytes, pause: float, limit: float) -> tuple[bytes, float]:
    """Send `data` a byte per `pause` seconds (stopping once the server closes); what came back, and when."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=limit) as connection:
        for byte in data:
            try:
                connection.sendall(bytes([byte]))
            except OSError:
                break
            time.sleep(pause)
            if time.monotonic() - started > limit:
                break
        received = b""
        while chunk := connection.recv(4096):
            received += chunk
    return received, time.monotonic() - started


def test_headers_sent_a_byte_at_a_time_are_answered_408_and_the_connection_closed() -> None:
    """uvicorn set no time for a request's headers: a client sending them a byte at a time (slowloris), or
    connecting and sending nothing, held a connection for as long as it liked."""
    import uvicorn

    async def app(scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", http=_QuickHeaderDeadline)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 100 + b"\r\n\r\n"
        received, seconds = _trickle(port, request, pause=0.05, limit=10)
        assert received.startswith(b"HTTP/1.1 408 ") and b"did not arrive within 0.5 seconds" in received
        assert seconds < 3
        received, seconds = _trickle(port, b"", pause=0, limit=10)  # connected, and nothing sent
        assert received.startswith(b"HTTP/1.1 408 ") and seconds < 3
        # a request sent at once is answered, and the next on the same connection has its own time
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            time.sleep(0.3)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            time.sleep(0.3)
            first = connection.recv(4096)
            assert first.count(b"HTTP/1.1 200 ") == 2, first
            connection.sendall(b"GET / HT")
            rest = b""
            while chunk := connection.recv(4096):
                rest += chunk
            assert rest.startswith(b"HTTP/1.1 408 ")
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.slow  # waits out the sandbox's header time
def test_the_sandbox_command_answers_trickled_headers_408_and_serves_others_meanwhile(tmp_path: Path) -> None:
    from postman_kit.sandbox.http_protocol import HEADER_SECONDS

    data = tmp_path / "sandbox"
    with running_sandbox(EXAMPLE_SPEC, data, write_keys_file(tmp_path)) as (base, _process):
        port = int(base.rsplit(":", 1)[1])
        results: list[tuple[bytes, float]] = []
        slow = [
            threading.Thread(
                target=lambda: results.append(
                    _trickle(port, b"GET /api/profiles HTTP/1.1\r\nHost: local", 1, 60)
                )
            )
            for _ in range(5)
        ]
        for thread in slow:
            thread.start()
        with httpx.Client(base_url=base, timeout=10) as http:
            assert http.get("/api/profiles").status_code == 401  # served while the trickles go on
        for thread in slow:
            thread.join()
    assert len(results) == 5
    for received, seconds in results:
        assert received.startswith(b"HTTP/1.1 408 ")
        assert HEADER_SECONDS <= seconds < HEADER_SECONDS + 5


def test_an_error_quoting_what_the_request_sent_never_holds_a_key_in_full(served) -> None:
    """404s and 400s quote the id, cursor, page size or revision header the request sent: a private key or a
    token sent there (a key pasted into the id's place) came back in full in the error's detail."""
    client, _ = served
    auth = headers()
    key = "pk_" + "0123456789abcdef" * 2 + "99"
    token = "ghp_" + "abcdefghijklmnopqrstuvwxyz0123456789"
    answers = [
        client.get(f"/api/profiles/{key}", headers=auth),
        client.get(f"/api/nope/{token}", headers=auth),
        client.get("/api/profiles", params={"page[size]": key}, headers=auth),
        client.get("/api/profiles", params={"page[cursor]": token}, headers=auth),
        client.get("/api/profiles", headers={**auth, "revision": key}),
    ]
    for answer in answers:
        assert answer.status_code in (400, 404), answer.text
        assert key not in answer.text and token not in answer.text, answer.text
        assert "…" in answer.json()["errors"][0]["detail"]


@pytest.mark.slow  # starts the sandbox command
def test_a_request_with_two_lengths_is_refused_and_its_connection_closed(tmp_path: Path) -> None:
    """Content-Length and Transfer-Encoding together (RFC 9112 §6.1): the chunked body was read and the connection
    kept, so the bytes after it were served as a second request, which a proxy in front reading the other
    length would never have seen (request smuggling)."""
    data = tmp_path / "sandbox"
    with running_sandbox(EXAMPLE_SPEC, data, write_keys_file(tmp_path)) as (base, _process):
        port = int(base.rsplit(":", 1)[1])
        smuggled = b"GET /_activity HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        request = (
            b"POST /api/profiles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled
        )
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            connection.sendall(request)
            received = b""
            while chunk := connection.recv(65536):
                received += chunk
    assert received.startswith(b"HTTP/1.1 400 ")
    assert received.count(b"HTTP/1.1 ") == 1  # the connection closed: nothing more was served


def test_a_request_with_two_host_headers_is_refused(api: Api, tmp_path: Path) -> None:
    """`Host: localhost` then `Host: evil.example` was answered 200: a proxy before the sandbox may route by the
    other one (RFC 9112 asks for a 400)."""
    app = create_app(api, keys=key_ring(), data_dir=tmp_path, recorder=MemoryRecorder(), host="127.0.0.1")
    with TestClient(app, base_url=LOCAL) as client:
        twice = [*headers().items(), ("Host", "localhost"), ("Host", "evil.example")]
        response = client.get("/api/profiles", headers=twice)
        assert response.status_code == 400
        assert "more than one Host" in only_error(response)["detail"]
        assert client.get("/api/profiles", headers=headers(Host="localhost")).status_code == 200
