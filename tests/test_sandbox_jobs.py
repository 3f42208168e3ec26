"""Async jobs in the sandbox: a bulk import goes queued → processing → complete over --job-seconds with its
task counts, every call that starts or reads it records the job's link, and the call's details page shows the
job's status, progress, counts and expiry."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from starlette.testclient import TestClient

from postman_kit.activity.web import activity_routes
from postman_kit.logstore import CallFilter, open_store
from postman_kit.openapi import load_api
from postman_kit.sandbox import service as sandbox_service
from postman_kit.sandbox.app import create_app
from postman_kit.sandbox.jobs import Job, progress, task_count
from postman_kit.sandbox.keys import keys_from_data
from postman_kit.schema_validation import SchemaChecker
from tests.tools import CORPUS

KEY = "pk_" + "9" * 34
SPEC = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
HEADERS = {
    "Authorization": f"Klaviyo-API-Key {KEY}",
    "revision": "2026-07-15",
    "Content-Type": "application/vnd.api+json",
}
JOB_SECONDS = 1.5


def import_body(count: int) -> dict:
    profiles = [{"type": "profile", "attributes": {"email": f"bulk{i}@example.com"}} for i in range(count)]
    return {"data": {"type": "profile-bulk-import-job", "attributes": {"profiles": {"data": profiles}}}}


def test_progress_moves_from_queued_through_processing_to_complete() -> None:
    job = Job(created=1_000.0, total=8)
    seen = [progress(job, 1_000.0 + t, 4.0) for t in (0.1, 1.0, 2.5, 3.9, 4.0, 400.0)]
    assert [s["status"] for s in seen] == [
        "queued",
        "processing",
        "processing",
        "processing",
        "complete",
        "complete",
    ]
    done = [s["completed_count"] for s in seen]
    assert done == sorted(done) and done[0] == 0 and done[3] < 8 and done[4] == 8
    assert seen[0]["completed_at"] is None and seen[4]["completed_at"] is not None
    assert seen[0]["expires_at"].startswith("1970-01-08")  # a week after creation
    assert task_count(import_body(25)) == 25 and task_count({}) == 1


class Clock:
    """The sandbox's job clock, moved by the test: job progress is a function of time, and a loaded CI machine
    must not decide which statuses a poll sees."""

    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(sandbox_service, "time", SimpleNamespace(time=clock.time))
    return clock


@pytest.fixture
def served(tmp_path: Path, clock: Clock) -> Iterator[tuple[TestClient, object]]:
    if not SPEC.exists():
        pytest.skip("../shared/corpus is absent")
    store = open_store(tmp_path / "logs.sqlite3")
    keys = keys_from_data({"keys": {KEY: {"name": "jobs"}}}, "keys")
    app = create_app(
        load_api(str(SPEC)),
        keys=keys,
        data_dir=tmp_path / "data",
        recorder=store,
        rate_limits=False,
        extra_routes=activity_routes(store),
        job_seconds=JOB_SECONDS,
    )
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            yield client, store
    finally:
        store.close()


@pytest.mark.corpus
def test_a_bulk_import_job_runs_and_its_details_show_progress(served, clock: Clock) -> None:
    client, store = served
    api = client.app.state.sandbox.api
    started = client.post("/api/profile-bulk-import-jobs", headers=HEADERS, json=import_body(10))
    assert started.status_code == 202
    job = started.json()["data"]
    assert job["attributes"]["status"] == "queued" and job["attributes"]["total_count"] == 10
    job_url = job["links"]["self"]
    assert job_url == f"http://127.0.0.1/api/profile-bulk-import-jobs/{job['id']}"
    seen = []
    for _ in range(60):
        read = client.get(f"/api/profile-bulk-import-jobs/{job['id']}", headers=HEADERS)
        assert read.status_code == 200
        schema = api.operation("GET", "/api/profile-bulk-import-jobs/{job_id}").success_responses[0]
        checker = SchemaChecker(api.document, api.openapi_version)
        assert checker.errors(schema.preferred.schema, read.json()) == []
        seen.append(read.json()["data"]["attributes"])
        if seen[-1]["status"] == "complete":
            break
        clock.sleep(JOB_SECONDS / 6)
    statuses = [attributes["status"] for attributes in seen]
    assert "processing" in statuses and statuses[-1] == "complete"
    assert any(0 < a["completed_count"] < 10 for a in seen if a["status"] == "processing")
    assert seen[-1]["completed_count"] == 10 and seen[-1]["completed_at"]

    # every job call is recorded with the job's link, the starting call included
    calls = store.search(CallFilter(path="/api/profile-bulk-import-jobs"), limit=5)
    assert [call.job_url for call in calls] == [job_url]
    reads = store.search(CallFilter(path=f"/api/profile-bulk-import-jobs/{job['id']}"), limit=100)
    assert len(reads) == len(seen) and {call.job_url for call in reads} == {job_url}

    # the starting call's details show the job as its latest read found it: complete, 100%
    page = client.get(f"/_activity/logs/{calls[0].id}").text
    table = re.search(r"<table id=job>(.*?)</table>", page, re.DOTALL)
    assert table is not None, page[:2000]
    cells = dict(re.findall(r"<tr><th>([^<]+)</th><td>([^<]*)</td></tr>", table.group(1)))
    assert cells["Job status"] == "complete" and cells["Progress"] == "100%"
    assert (cells["Completed"], cells["Pending"], cells["Errored"], cells["Total"]) == ("10", "0", "0", "10")
    assert cells["Expires"] == seen[-1]["expires_at"]


@pytest.mark.corpus
def test_a_campaign_send_job_is_the_campaigns_own_id_and_can_be_cancelled(served, clock: Clock) -> None:
    client, store = served
    campaign_id = "01GMRWDSA0ARTAKE1SFX8JGXAY"
    body = {"data": {"type": "campaign-send-job", "id": campaign_id}}
    started = client.post("/api/campaign-send-jobs", headers=HEADERS, json=body)
    assert started.status_code == 202 and started.json()["data"]["id"] == campaign_id
    assert started.json()["data"]["attributes"] == {"status": "queued"}
    clock.sleep(JOB_SECONDS * 0.3)
    read = client.get(f"/api/campaign-send-jobs/{campaign_id}", headers=HEADERS)
    assert read.json()["data"]["attributes"]["status"] == "processing"
    cancel = {"data": {"type": "campaign-send-job", "id": campaign_id, "attributes": {"action": "cancel"}}}
    cancelled = client.patch(f"/api/campaign-send-jobs/{campaign_id}", headers=HEADERS, json=cancel)
    assert (cancelled.status_code, cancelled.content) == (204, b"")
    clock.sleep(JOB_SECONDS)
    after = client.get(f"/api/campaign-send-jobs/{campaign_id}", headers=HEADERS).json()["data"]["attributes"]
    assert after == {"status": "cancelled"}
    [call] = store.search(CallFilter(path="/api/campaign-send-jobs"), limit=5)
    assert call.job_url == f"http://127.0.0.1/api/campaign-send-jobs/{campaign_id}"


def test_a_job_answered_from_the_spec_example_records_no_link_to_nowhere(tmp_path: Path) -> None:
    """An operation the sandbox answers with its spec's example (no read endpoint, so no job it runs) records
    no job link rather than the example's https://example.com."""
    spec = tmp_path / "exports.json"
    job = {"type": "export-job", "id": "X1", "links": {"self": "https://example.com"}}
    spec.write_text(
        json.dumps(
            {
                "openapi": "3.0.3",
                "info": {"title": "Exports", "version": "1"},
                "paths": {
                    "/api/export-jobs": {
                        "post": {
                            "responses": {
                                "202": {
                                    "description": "queued",
                                    "content": {
                                        "application/json": {
                                            "schema": {"type": "object", "example": {"data": job}}
                                        }
                                    },
                                }
                            }
                        }
                    }
                },
            }
        )
    )
    store = open_store(tmp_path / "logs.sqlite3")
    app = create_app(
        load_api(str(spec)),
        keys=keys_from_data({"keys": {KEY: {"name": "x"}}}, "keys"),
        data_dir=None,
        recorder=store,
    )
    try:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            assert client.post("/api/export-jobs").status_code == 202
        [call] = store.search(CallFilter(path="/api/export-jobs"), limit=5)
        assert call.status == 202 and call.job_url is None
    finally:
        store.close()
