"""The /_activity pages: dashboard figures, logs search, a call in full; no key, no internet resource."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from postman_kit.activity.web import activity_routes
from postman_kit.logstore import LogStore, open_store
from tests.support.logstore import FULL_KEY, SHOWN_KEY, make_call

# The pages open on Today: "now" is the latest noon UTC and the pages' zone UTC, so the calls five minutes
# before it are today's whatever the wall clock and the machine's zone (near local midnight they were not).
NOW = (time.time() - 43200) // 86400 * 86400 + 43200


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LogStore]:
    with open_store(tmp_path / "logs.sqlite3") as opened:
        opened.record_many(
            [
                make_call(
                    "/api/profiles/01GDD",
                    status=404,
                    timestamp=NOW - 300,
                    key=FULL_KEY,
                    resource_ids=["01GDD"],
                    request_headers={"Authorization": f"Klaviyo-API-Key {FULL_KEY}"},
                    response_body='{"errors": [{"code": "not_found"}]}',
                ),
                make_call("/api/profiles/02ABC", status=200, timestamp=NOW - 200, key=FULL_KEY),
                make_call(
                    "/api/events",
                    status=405,
                    method="DELETE",
                    operation="/api/events",
                    category="Events",
                    timestamp=NOW - 100,
                ),
                make_call(
                    "/api/profile-bulk-import-jobs",
                    status=202,
                    method="POST",
                    operation="/api/profile-bulk-import-jobs",
                    timestamp=NOW - 50,
                    job_url="http://127.0.0.1:8000/api/profile-bulk-import-jobs/J1",
                ),
            ]
        )
        yield opened


@pytest.fixture
def client(store: LogStore) -> TestClient:
    return TestClient(Starlette(routes=activity_routes(store, clock=lambda: NOW, timezone="UTC")))


def figure(html: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}">([^<]*)<', html)
    assert match, element_id
    return match.group(1)


def test_dashboard_shows_totals_chart_and_breakdowns(client: TestClient) -> None:
    page = client.get("/_activity")
    assert page.status_code == 200
    html = page.text
    assert (figure(html, "total-calls"), figure(html, "errors"), figure(html, "error-rate")) == (
        "4",
        "2",
        "50.0%",
    )
    assert "<svg" in html and 'class="calls"' in html
    assert '>Profiles</a></td><td class="num">3</td><td class="num">1</td>' in html
    assert 'href="/_activity/logs?path=%2Fapi%2Fevents&amp;method=DELETE">DELETE /api/events</a>' in html


def test_dashboard_filters_narrow_the_figures(client: TestClient) -> None:
    html = client.get("/_activity", params={"category": "Events", "since": "1h"}).text
    assert (figure(html, "total-calls"), figure(html, "errors")) == ("1", "1")
    assert '<option value="Events" selected>' in html
    html = client.get("/_activity", params={"status": "4xx"}).text
    assert figure(html, "total-calls") == "2"


def test_logs_search_finds_calls_by_template_and_status(client: TestClient) -> None:
    html = client.get("/_activity/logs", params={"path": "/api/profiles/{id}", "status": "4xx"}).text
    assert figure(html, "match-count") == "1 matching calls, newest first"
    assert "/api/profiles/01GDD" in html and "/api/profiles/02ABC" not in html
    assert SHOWN_KEY in html
    by_id = client.get("/_activity/logs", params={"id": "01GDD"}).text
    assert figure(by_id, "match-count") == "1 matching calls, newest first"
    assert client.get("/_activity/api/logs", params={"path": "profiles"}).json()["total"] == 2


def test_a_call_page_shows_request_response_and_the_async_job_link(
    client: TestClient, store: LogStore
) -> None:
    errored = store.search(limit=10)[-1]
    html = client.get(f"/_activity/logs/{errored.id}").text
    assert f"Authorization: Klaviyo-API-Key {SHOWN_KEY}" in html
    assert "not_found" in html
    job = next(call for call in store.search() if call.job_url)
    job_page = client.get(f"/_activity/logs/{job.id}").text
    assert 'id="job-link" href="/_activity/logs?path=%2Fapi%2Fprofile-bulk-import-jobs%2FJ1"' in job_page
    assert client.get("/_activity/logs/missing").status_code == 404


def test_bad_filters_answer_400_with_the_reason(client: TestClient) -> None:
    page = client.get("/_activity/logs", params={"status": "4x"})
    assert page.status_code == 400
    assert "expected a status such as 404" in page.text
    assert client.get("/_activity/api/activity", params={"since": "soon"}).status_code == 400


def test_pages_never_show_the_full_key_nor_load_anything_from_the_internet(
    client: TestClient, store: LogStore
) -> None:
    urls = [
        "/_activity",
        "/_activity/logs",
        "/_activity/api/logs",
        *(f"/_activity/logs/{call.id}" for call in store.search()),
    ]
    for url in urls:
        body = client.get(url).text
        assert FULL_KEY not in body
        assert not re.search(r'(?:src|href)="(?:https?:)?//', body)
        assert "<script" not in body


def test_an_offset_no_integer_or_a_huge_one_is_the_first_page_not_a_500(client: TestClient) -> None:
    """`offset=²` (a digit to str.isdigit, no number to int), 5,000 digits, or one past SQLite's 64 bits were
    500s with a traceback in the server's log."""
    for offset in ("²", "9" * 5000, "99999999999999999999999999"):
        for page in ("/_activity/logs", "/_activity/api/logs"):
            assert client.get(page, params={"offset": offset}).status_code == 200, (page, offset[:8])
