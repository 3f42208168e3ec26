"""What other repositories run in their CI: the reusable action and our workflows, checked by zizmor."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from tests.tools import ROOT

WORKFLOW_FILES = [ROOT / "action.yml", *sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def _steps(document: dict) -> list[dict]:
    if "runs" in document:
        return document["runs"].get("steps", [])
    return [step for job in document.get("jobs", {}).values() for step in job.get("steps", [])]


def test_zizmor_reports_no_findings() -> None:
    zizmor = shutil.which("zizmor")
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install zizmor)")
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", "."],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_tag(path) -> None:
    text = path.read_text()
    for step in _steps(yaml.safe_load(text)):
        uses = step.get("uses")
        if uses is None or uses.startswith("./"):
            continue
        assert PINNED.match(uses), f"{path.name}: {uses} is not pinned to a commit"
        line = next(line for line in text.splitlines() if uses in line)
        assert re.search(r"# v\d+\.\d+\.\d+$", line), f"{path.name}: {uses} has no `# vX.Y.Z` comment"
        if uses.startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False


def test_workflows_grant_nothing_by_default() -> None:
    for path in WORKFLOW_FILES[1:]:
        document = yaml.safe_load(path.read_text())
        assert document["permissions"] == {}, path.name
        assert all("permissions" in job for job in document["jobs"].values()), path.name
