"""2,000 requests from 20 concurrent clients over real HTTP: no error but configured 429s; a restart keeps state."""

from __future__ import annotations

import collections
import threading
from pathlib import Path

import httpx
import pytest

from postman_kit.calls import MemoryRecorder
from postman_kit.openapi import load_api
from tests.support.sandbox import FULL_KEY, running_sandbox
from tests.tools import EXAMPLE_SPEC

pytestmark = pytest.mark.slow  # starts servers or subprocesses, one per case

CLIENTS = 20
REQUESTS_PER_CLIENT = 100
HEADERS = {
    "Authorization": f"Klaviyo-API-Key {FULL_KEY}",
    "revision": "2026-07-15",
    "Content-Type": "application/vnd.api+json",
}


def client_session(
    base_url: str,
    number: int,
    statuses: collections.Counter,
    created: list[str],
    lock: threading.Lock,
    problems: list[str],
) -> None:
    with httpx.Client(base_url=base_url, headers=HEADERS, timeout=10) as client:
        for index in range(REQUESTS_PER_CLIENT):
            kind = index % 4
            if kind == 0:
                body = {"data": {"type": "profile", "attributes": {"email": f"c{number}-{index}@load.test"}}}
                response = client.post("/api/profiles", json=body)
            elif kind == 1:
                response = client.get("/api/profiles", params={"page[size]": "5", "fields[profile]": "email"})
            elif kind == 2:
                response = client.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H")
            else:
                response = client.get(
                    "/api/events", params={"filter": "greater-than(datetime,2020-01-01T00:00:00Z)"}
                )
            with lock:
                statuses[response.status_code] += 1
                if response.status_code == 201:
                    created.append(response.json()["data"]["id"])
                elif response.status_code == 429:
                    if (
                        response.json()["errors"][0]["code"] != "throttled"
                        or "retry-after" not in response.headers
                    ):
                        problems.append(response.text)
                elif response.status_code != 200:
                    problems.append(f"{response.status_code} {response.text[:200]}")


def test_twenty_concurrent_clients_get_no_error_but_429_and_state_survives_a_restart(tmp_path: Path) -> None:
    api = load_api(str(EXAMPLE_SPEC))
    recorder = MemoryRecorder()
    statuses: collections.Counter = collections.Counter()
    created: list[str] = []
    problems: list[str] = []
    lock = threading.Lock()
    with running_sandbox(api, tmp_path / "data", recorder=recorder) as base_url:
        threads = [
            threading.Thread(target=client_session, args=(base_url, n, statuses, created, lock, problems))
            for n in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert problems == []
    assert sum(statuses.values()) == CLIENTS * REQUESTS_PER_CLIENT
    assert set(statuses) <= {200, 201, 429}
    assert statuses[201] == len(created) > 0
    assert len(recorder.calls) == CLIENTS * REQUESTS_PER_CLIENT

    with (
        running_sandbox(api, tmp_path / "data") as base_url,
        httpx.Client(base_url=base_url, headers=HEADERS) as client,
    ):
        stored: list[str] = []
        url: str | None = "/api/profiles?page[size]=100"
        while url:
            page = client.get(url).json()
            stored.extend(p["id"] for p in page["data"])
            url = page["links"].get("next")
        duplicate = client.post(
            "/api/profiles", json={"data": {"type": "profile", "attributes": {"email": "c0-0@load.test"}}}
        )
    assert set(created) <= set(stored)
    assert len(stored) == len(created) + 1  # and the example profile
    assert duplicate.status_code == 409
