"""/_activity in a real browser (headless Chromium): the totals match the calls made, the path search
finds them, and screenshots are kept under test-artifacts/."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from tests.support.logstore import FULL_KEY, running_sandbox, write_keys_file
from tests.tools import CORPUS, ROOT

ARTIFACTS = ROOT / "test-artifacts"
pytestmark = pytest.mark.browser


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no headless Chromium (Debian package chromium) installed")


def browse(browser: str, url: str, screenshot: Path | None = None) -> str:
    """The page's DOM after it loaded, as Chromium rendered it; optionally a screenshot of it."""
    with tempfile.TemporaryDirectory() as profile:
        base = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--window-size=1200,1400",
        ]
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [*base, f"--screenshot={screenshot}", url], capture_output=True, timeout=90, check=False
            )
        result = subprocess.run(
            [*base, "--dump-dom", url], capture_output=True, text=True, timeout=90, check=False
        )
    if result.returncode != 0 or "<html" not in result.stdout:
        pytest.skip(f"headless Chromium could not render pages here: {result.stderr.strip()[-300:]}")
    return result.stdout


def shown(dom: str, element_id: str) -> str:
    match = re.search(rf'id="{element_id}">([^<]*)<', dom)
    assert match, f"#{element_id} missing"
    return match.group(1)


def test_the_dashboard_and_logs_pages_show_the_calls_made(tmp_path: Path, example_spec: Path) -> None:
    browser = chromium()
    headers = {"Authorization": f"Klaviyo-API-Key {FULL_KEY}", "revision": "2026-07-15"}
    with running_sandbox(example_spec, tmp_path / "sandbox", write_keys_file(tmp_path)) as (
        base_url,
        _process,
    ):
        with httpx.Client(base_url=base_url, headers=headers, timeout=10) as http:
            made = [http.get("/api/profiles/01GDDKASAP8TKDDA2GRZDSVP4H").status_code for _ in range(6)]
            made += [http.get(f"/api/profiles/MISSING{n}").status_code for n in range(3)]
            made += [http.delete("/api/events").status_code]
        assert made == [200] * 6 + [404] * 3 + [405]

        dashboard = browse(browser, f"{base_url}/_activity", ARTIFACTS / "activity-dashboard.png")
        assert (
            shown(dashboard, "total-calls"),
            shown(dashboard, "errors"),
            shown(dashboard, "error-rate"),
        ) == ("10", "4", "40.0%")
        assert "<svg" in dashboard

        search = urlencode({"path": "/api/profiles/{id}", "status": "404"})
        logs = browse(browser, f"{base_url}/_activity/logs?{search}", ARTIFACTS / "activity-logs.png")
        assert shown(logs, "match-count") == "3 matching calls, newest first"
        assert '<option value="404" selected="">404</option>' in logs
        assert sorted(re.findall(r"/api/profiles/(MISSING\d)", logs)) == ["MISSING0", "MISSING1", "MISSING2"]
        assert FULL_KEY not in dashboard + logs
    assert (ARTIFACTS / "activity-dashboard.png").stat().st_size > 0


@pytest.mark.slow
@pytest.mark.corpus
def test_filters_clear_and_a_bulk_import_jobs_progress_in_the_browser(tmp_path: Path) -> None:
    """Against Klaviyo 2026-07-15: the status filter and Clear change what the logs page lists, a filter
    matching nothing says so, and the job's starting call shows the job complete with its counts."""
    spec = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
    if not spec.exists():
        pytest.skip("../shared/corpus is absent")
    browser = chromium()
    headers = {
        "Authorization": f"Klaviyo-API-Key {FULL_KEY}",
        "revision": "2026-07-15",
        "Content-Type": "application/vnd.api+json",
    }
    profiles = [{"type": "profile", "attributes": {"email": f"bulk{i}@example.com"}} for i in range(4)]
    body = {"data": {"type": "profile-bulk-import-job", "attributes": {"profiles": {"data": profiles}}}}
    with running_sandbox(spec, tmp_path / "sandbox", write_keys_file(tmp_path)) as (base_url, _process):
        with httpx.Client(base_url=base_url, headers=headers, timeout=10) as http:
            started = http.post("/api/profile-bulk-import-jobs", json=body)
            assert started.status_code == 202
            job_id = started.json()["data"]["id"]
            assert http.get("/api/profiles/MISSING").status_code == 404
            time.sleep(5.5)  # the sandbox's default --job-seconds is 5
            job = http.get(f"/api/profile-bulk-import-jobs/{job_id}").json()["data"]
            assert job["attributes"]["status"] == "complete"

        failed = browse(browser, f"{base_url}/_activity/logs?status=failed")
        assert shown(failed, "match-count") == "1 matching calls, newest first"
        assert "/api/profiles/MISSING" in failed and "/api/profile-bulk-import-jobs" not in failed
        clear = re.search(r'<a id="clear" href="([^"]+)">Clear</a>', failed).group(1)
        cleared = browse(browser, base_url + clear)
        assert shown(cleared, "match-count") == "3 matching calls, newest first"
        nothing = browse(browser, f"{base_url}/_activity/logs?status=500")
        assert shown(nothing, "no-requests") == "No requests available"

        call_id = re.search(r'href="/_activity/logs/([^"]+)">[^<]*</a></td><td>POST', cleared).group(1)
        details = browse(browser, f"{base_url}/_activity/logs/{call_id}", ARTIFACTS / "activity-job.png")
        job = dict(
            re.findall(
                r"<tr><th>([^<]+)</th><td>([^<]*)</td></tr>",
                re.search(r'<table id="job">(.*?)</table>', details, re.DOTALL).group(1),
            )
        )
        assert (job["Job status"], job["Progress"], job["Completed"], job["Pending"], job["Total"]) == (
            "complete",
            "100%",
            "4",
            "0",
            "4",
        )
