"""newman runs Klaviyo 2026-07-15's whole generated collection twice against one sandbox: no request conflicts
with what the first run created (unique fields get values of their own per request sent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from postman_kit.generation import generate
from postman_kit.generation.build import BuildOptions
from postman_kit.openapi import load_api
from tests.support.sandbox import FULL_KEY, run_newman, running_sandbox
from tests.tools import klaviyo_specs, newman_path, require_corpus

pytestmark = [pytest.mark.newman, pytest.mark.corpus]


def test_klaviyo_2026_07_15_runs_twice_against_the_same_sandbox_without_a_conflict(tmp_path: Path) -> None:
    require_corpus()
    newman_path()
    spec = next(p for p in klaviyo_specs("stable") if p.name == "2026-07-15.json")
    result = generate(str(spec), str(tmp_path / "generated"), BuildOptions())
    collection = next(Path(p) for p in result.files if str(p).endswith(".postman_collection.json"))
    sent_bodies = json.loads(collection.read_text())
    assert "{{$guid}}" in json.dumps(sent_bodies)  # the unique fields are what makes the second run pass
    with running_sandbox(load_api(str(spec)), tmp_path / "data", rate_limits=False) as base_url:
        first = statuses(run_newman(collection, base_url, FULL_KEY, tmp_path / "first.json"))
        again = statuses(run_newman(collection, base_url, FULL_KEY, tmp_path / "again.json"))
    assert len(first) == len(again) == len(result.build.api.operations)
    assert [name for name, status in first + again if status == 409] == []
    assert sum(status in (200, 201, 202, 204) for _, status in again) >= 300
    assert [status for name, status in again if name == "Create Profile"] == [201]


def statuses(run: dict[str, Any]) -> list[tuple[str, int | None]]:
    """(request name, response status) per request sent; None where no response came."""
    return [(e["item"]["name"], (e.get("response") or {}).get("code")) for e in run["executions"]]
