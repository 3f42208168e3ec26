"""A sandbox on a free port in a background thread, its keys, and newman run against it."""

from __future__ import annotations

import contextlib
import json
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import uvicorn

from postman_kit.calls import MemoryRecorder
from postman_kit.generation import generate
from postman_kit.generation.build import BuildOptions
from postman_kit.openapi import Api
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.keys import keys_from_data
from tests.tools import newman_path

FULL_KEY = "pk_" + "1" * 30 + "abcd"
NO_EVENTS_WRITE_KEY = "pk_" + "2" * 30 + "wxyz"
COMPANY_ID = "AbC123"
KEYS = {
    "keys": {
        FULL_KEY: {"name": "newman"},
        NO_EVENTS_WRITE_KEY: {
            "name": "readers",
            "scopes": [
                "profiles:write",
                "lists:write",
                "events:read",
                "flows:read",
                "metrics:read",
                "tags:read",
                "segments:read",
                "push-tokens:write",
                "conversations:read",
                "subscriptions:write",
                "catalogs:write",
            ],
        },
    },
    "company_ids": [COMPANY_ID],
}


@contextlib.contextmanager
def running_sandbox(
    api: Api, data_dir: Path, rate_limits: bool = True, recorder: Any = None
) -> Iterator[str]:
    """The sandbox on a free 127.0.0.1 port in a background thread; yields its base URL."""
    app = create_app(
        api,
        keys=keys_from_data(KEYS, "keys"),
        data_dir=data_dir,
        recorder=recorder or MemoryRecorder(),
        rate_limits=rate_limits,
    )
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the sandbox did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def generated_collection(spec: str, out_dir: Path) -> Path:
    result = generate(spec, str(out_dir), BuildOptions(tests=True))
    return next(Path(p) for p in result.files if str(p).endswith(".postman_collection.json"))


def run_newman(collection: Path, base_url: str, key: str, report: Path) -> dict:
    args = [
        newman_path(),
        "run",
        str(collection),
        "--env-var",
        f"baseUrl={base_url}",
        "--env-var",
        f"privateKey={key}",
        "--global-var",
        f"companyId={COMPANY_ID}",
        "--reporters",
        "json",
        "--reporter-json-export",
        str(report),
        "--timeout-request",
        "10000",
    ]
    # newman exits 1 when an assertion fails; the JSON report says which, and the tests read that
    subprocess.run(args, check=False, capture_output=True, text=True, timeout=300)
    return json.loads(report.read_text())["run"]
