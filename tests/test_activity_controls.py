"""The /_activity pages' controls as Klaviyo's dashboard has them: Today by default (in the chosen time zone),
the fixed periods, a custom range, status groups and single codes, Clear, and the empty states."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from postman_kit.activity.web import activity_routes
from postman_kit.logstore import open_store
from tests.support.logstore import make_call

# noon UTC yesterday: every call below is in the past and inside the store's 14 days of retention
TODAY = datetime.fromtimestamp(time.time(), UTC).replace(hour=12, minute=0, second=0, microsecond=0)
NOON = TODAY - timedelta(days=1)
NOW = NOON.timestamp()
HOUR = 3600.0


def day(offset: int) -> str:
    """The date `offset` days from NOW's, as typed into a custom range."""
    return (NOON + timedelta(days=offset)).date().isoformat()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with open_store(tmp_path / "logs.sqlite3") as store:
        store.record_many(
            [
                make_call("/api/profiles/A", status=200, timestamp=NOW - 1 * HOUR),  # today, 11:00 UTC
                make_call("/api/profiles/B", status=404, timestamp=NOW - 2 * HOUR),  # today
                make_call("/api/profiles/C", status=500, timestamp=NOW - 11 * HOUR),  # today, 01:00 UTC
                make_call(
                    "/api/profiles/D", status=201, method="POST", timestamp=NOW - 20 * HOUR
                ),  # yesterday
                make_call("/api/profiles/E", status=429, timestamp=NOW - 5 * 24 * HOUR),  # five days ago
            ]
        )
        yield TestClient(Starlette(routes=activity_routes(store, clock=lambda: NOW)))


def total(client: TestClient, **form: str) -> int:
    response = client.get("/_activity", params={"timezone": "UTC", **form})
    assert response.status_code == 200, response.text
    if 'id="no-data"' in response.text:
        return 0
    return int(re.search(r'id="total-calls">(\d+)<', response.text).group(1))


def listed(client: TestClient, **form: str) -> list[str]:
    response = client.get("/_activity/logs", params={"timezone": "UTC", **form})
    assert response.status_code == 200, response.text
    return sorted(re.findall(r"/api/profiles/([A-E])\b", response.text.split('id="match-count"')[-1]))


def test_today_is_the_default_period_in_the_chosen_time_zone(client: TestClient) -> None:
    assert total(client) == 3
    assert '<option value="today" selected>Today</option>' in client.get("/_activity").text
    # 12:00 UTC is midnight at UTC-12 (IANA's Etc/GMT+12): today there has just begun, with no calls yet;
    # at UTC+13 it began at 11:00 UTC, with A
    assert total(client, timezone="Etc/GMT+12") == 0
    assert total(client, timezone="Etc/GMT-13") == 1
    assert total(client, since="all") == 5


@pytest.mark.parametrize(
    ("period", "count"), [("3h", 2), ("24h", 4), ("3d", 4), ("7d", 5), ("30d", 5), ("90d", 5)]
)
def test_fixed_periods(client: TestClient, period: str, count: int) -> None:
    assert total(client, since=period) == count


def test_a_custom_range(client: TestClient) -> None:
    assert listed(client, since="custom", **{"from": day(-1), "to": day(0)}) == ["D"]
    assert listed(client, since="custom", **{"from": day(-6) + "T00:00", "to": day(-1)}) == ["E"]
    assert listed(client, since="custom", **{"from": day(-1)}) == ["A", "B", "C", "D"]
    missing = client.get("/_activity/logs", params={"since": "custom"})
    assert missing.status_code == 400 and "custom range needs its From date" in missing.text


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("", ["A", "B", "C", "D", "E"]),
        ("success", ["A", "D"]),
        ("failed", ["B", "C", "E"]),
        ("4xx", ["B", "E"]),
        ("5xx", ["C"]),
        ("404", ["B"]),
        ("201", ["D"]),
    ],
)
def test_status_groups_and_single_codes(client: TestClient, status: str, expected: list[str]) -> None:
    assert listed(client, since="all", status=status) == expected


def test_clear_goes_back_to_the_defaults_and_empty_states_say_so(client: TestClient) -> None:
    filtered = client.get("/_activity/logs", params={"since": "all", "status": "409"}).text
    assert 'id="no-requests">No requests available<' in filtered
    clear = re.search(r'<a id="clear" href="([^"]+)">Clear</a>', filtered).group(1)
    assert clear == "/_activity/logs"
    assert listed(client) == ["A", "B", "C"]  # what Clear shows: today, every status
    dashboard = client.get("/_activity", params={"since": "custom", "from": day(-3), "to": day(-2)})
    assert 'id="no-data">No data available<' in dashboard.text
