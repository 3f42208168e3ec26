"""Shared by the log store, logs and activity tests: synthetic calls, a private PostgreSQL server and a
newman report shaped like the JSON reporter's (no tests here)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from postman_kit.calls import CallRecord

FULL_KEY = "pk_" + "0123456789abcdef" * 2 + "f00d"  # 36 characters, like a real private key
SHOWN_KEY = "pk_…f00d"
NOW = 1_800_000_000.0  # a fixed "now" (2027-01-15T08:00:00Z) so day boundaries never flake
_serial = itertools.count()


def make_call(
    path: str = "/api/profiles/01H",
    status: int = 200,
    method: str = "GET",
    timestamp: float = NOW - 60,
    operation: str | None = "/api/profiles/{id}",
    category: str | None = "Profiles",
    **fields: Any,
) -> CallRecord:
    serial = next(_serial)
    return CallRecord(
        id=fields.pop("id", f"{int(timestamp * 1000):013x}{serial:08x}"),
        timestamp=timestamp,
        method=method,
        path=path,
        status=status,
        duration_ms=fields.pop("duration_ms", 5.0),
        operation=operation,
        category=category,
        **fields,
    )


PG_BIN = Path("/usr/lib/postgresql")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_tool(name: str) -> str | None:
    found = sorted(PG_BIN.glob(f"*/bin/{name}"))
    return str(found[-1]) if found else shutil.which(name)


def _run(*command: str) -> int:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False).returncode


@contextmanager
def private_postgres() -> Iterator[str | None]:
    """A throwaway PostgreSQL server on 127.0.0.1 (trust auth, temp data dir); yields its URL, or None
    when no server can be started here (no binaries, or root without a postgres user)."""
    initdb, pg_ctl = _pg_tool("initdb"), _pg_tool("pg_ctl")
    if not initdb or not pg_ctl:
        yield None
        return
    as_user: list[str] = []
    if os.geteuid() == 0:
        if (
            shutil.which("runuser") is None
            or subprocess.run(["id", "postgres"], capture_output=True, check=False).returncode
        ):
            yield None
            return
        as_user = ["runuser", "-u", "postgres", "--"]
    data = Path(tempfile.mkdtemp(prefix="postman-kit-pg-"))
    if as_user:
        shutil.chown(data, "postgres")
    port = _free_port()
    try:
        if _run(
            *as_user,
            initdb,
            "-D",
            str(data / "db"),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        ):
            yield None
            return
        options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
        if _run(
            *as_user,
            pg_ctl,
            "-D",
            str(data / "db"),
            "-o",
            options,
            "-l",
            str(data / "log"),
            "-w",
            "-t",
            "60",
            "start",
        ):
            yield None
            return
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run(*as_user, pg_ctl, "-D", str(data / "db"), "-m", "immediate", "-w", "stop")
    finally:
        shutil.rmtree(data, ignore_errors=True)


def newman_report(executions: list[dict[str, Any]], started_ms: float = NOW * 1000) -> dict[str, Any]:
    """A report as newman's JSON reporter writes it, cut down to the fields the import reads."""
    folders: dict[str, list[dict[str, Any]]] = {}
    for execution in executions:
        folders.setdefault(execution.pop("_folder"), []).append(execution["item"])
    return {
        "collection": {
            "item": [{"id": f"folder-{name}", "name": name, "item": items} for name, items in folders.items()]
        },
        "environment": {"values": [{"key": "privateKey", "value": FULL_KEY}]},
        "run": {
            "timings": {"started": started_ms, "completed": started_ms + 1000},
            "executions": executions,
            "failures": [],
        },
    }


def newman_execution(
    folder: str,
    saved_path: list[str],
    sent_path: list[str],
    status: int,
    method: str = "GET",
    body: str = "",
    response_body: str = "",
    response_time: int = 10,
    query: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    item_id = f"item-{method}-{'/'.join(saved_path)}"
    return {
        "_folder": folder,
        "id": f"exec-{next(_serial)}",
        "cursor": {"iteration": 0, "httpRequestId": f"http-{next(_serial)}"},
        "item": {
            "id": item_id,
            "name": f"{method} {'/'.join(saved_path)}",
            "request": {"url": {"host": ["{{baseUrl}}"], "path": saved_path}, "method": method},
        },
        "request": {
            "url": {
                "protocol": "http",
                "host": ["127", "0", "0", "1"],
                "port": "8000",
                "path": sent_path,
                "query": query or [],
            },
            "method": method,
            "header": [
                {"key": "revision", "value": "2026-07-15"},
                {"key": "Authorization", "value": f"Klaviyo-API-Key {FULL_KEY}", "system": True},
            ],
            "body": {"mode": "raw", "raw": body} if body else None,
        },
        "response": {
            "id": "r",
            "code": status,
            "status": "",
            "header": [{"key": "Content-Type", "value": "application/vnd.api+json"}],
            "stream": {"type": "Buffer", "data": list(response_body.encode())},
            "responseTime": response_time,
        },
    }


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


READ_ONLY_KEY = "pk_" + "fedcba9876543210" * 2 + "beef"
COMPANY_ID = "AbC123"


def write_keys_file(folder: Path) -> Path:
    """A full-access key, a key that may only read profiles, and a company id."""
    path = folder / "keys.json"
    path.write_text(
        json.dumps(
            {
                "keys": {
                    FULL_KEY: {"name": "ci"},
                    READ_ONLY_KEY: {"name": "dashboard", "scopes": ["profiles:read"]},
                },
                "company_ids": {COMPANY_ID: {"name": "storefront"}},
            }
        )
    )
    return path


@contextmanager
def running_sandbox(spec: Path, data: Path, keys_file: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """`postman-kit sandbox` in its own process on a free port; yields its base URL and the process."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "postman_kit.cli",
            "sandbox",
            str(spec),
            "--port",
            str(port),
            "--data",
            str(data),
            "--keys",
            str(keys_file),
            "--no-rate-limits",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        try:
            wait_for_port(port)
        except TimeoutError:
            process.kill()
            raise AssertionError(f"the sandbox did not start: {process.communicate()[1][-2000:]}") from None
        yield f"http://127.0.0.1:{port}", process
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stderr:
            process.stderr.close()


def wait_until(condition: Callable[[], bool], seconds: float = 10) -> bool:
    """Calls are recorded just after their response is sent: give the last ones a moment to land."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def hourly_totals_and_calls(store: Any) -> tuple[list[tuple], list[tuple]]:
    """The store's hourly totals, and the same totals summed afresh from its calls: equal in a sound store."""
    from sqlalchemy import select

    from postman_kit.logstore import totals
    from postman_kit.logstore.schema import hourly_totals

    def rows(query: Any) -> list[tuple]:
        with store.engine.connect() as connection:
            return sorted(
                (r.hour, r.operation, r.category, r.method, r.status, r.calls, round(r.duration_ms, 6))
                for r in connection.execute(query)
            )

    return rows(select(hourly_totals)), rows(totals.grouped_calls())


def profile_not_found(**options: Any) -> dict[str, Any]:
    """The newman execution most report tests start from: `GET /api/profiles/01GDD` answered 404 `not_found`."""
    return newman_execution(
        "Profiles",
        ["api", "profiles", ":id"],
        ["api", "profiles", "01GDD"],
        404,
        response_body='{"errors": [{"status": "404", "code": "not_found"}]}',
        **options,
    )
