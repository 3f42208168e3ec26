"""The reusable diff action (diff-action/action.yml): its steps run as a runner runs them, `gh` faked."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.tools import ROOT

ACTION = ROOT / "diff-action" / "action.yml"
WORKFLOW = ROOT / ".github" / "workflows" / "diff-collections.yml"
COLLECTION = ROOT / "collections" / "acme-marketing-api-v2026-07-15.postman_collection.json"
SPEC = ROOT / "collections" / "example-api.openapi.yaml"
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")

FAKE_GH = """#!/bin/bash
# what the action asks of GitHub: listing answers with $FAKE_COMMENTS (already as --jq leaves it)
echo "$*" >> "$FAKE_LOG"
for arg in "$@"; do
  case "$arg" in body=@*) cp "${arg#body=@}" "$FAKE_BODY" ;; esac
done
case "$*" in *--paginate*) printf '%s' "$FAKE_COMMENTS" ;; esac
"""


def steps() -> dict[str, dict[str, Any]]:
    document = yaml.safe_load(ACTION.read_text())
    return {step.get("id") or step.get("name") or step["uses"]: step for step in document["runs"]["steps"]}


def test_actions_are_pinned_and_inputs_never_pasted_into_scripts():
    for path in (ACTION, WORKFLOW):
        text = path.read_text()
        document = yaml.safe_load(text)
        found = (
            document["runs"]["steps"]
            if "runs" in document
            else [s for job in document["jobs"].values() for s in job["steps"]]
        )
        for step in found:
            uses = step.get("uses", "")
            assert not uses or uses.startswith("./") or PINNED.match(uses), uses
            assert "${{" not in step.get("run", ""), step.get("name")
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"] == {}
    assert workflow["jobs"]["diff"]["permissions"] == {"contents": "read", "pull-requests": "write"}


@pytest.fixture
def runner(tmp_path: Path) -> dict[str, Any]:
    """A runner's environment: postman-kit from this tree and a fake gh on PATH, the files a runner gives."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "postman-kit"
    shim.write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -c "from postman_kit.cli import main; main()" "$@"\n'
    )
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH)
    for tool in (shim, gh):
        tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary"),
        "FAKE_LOG": str(tmp_path / "gh.log"),
        "FAKE_BODY": str(tmp_path / "posted.md"),
        "FAKE_COMMENTS": "",
    }
    return {"env": env, "tmp": tmp_path}


def run_step(step: dict[str, Any], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


def test_a_current_collection_passes_and_the_report_is_posted_then_updated(runner):
    env, tmp = runner["env"], runner["tmp"]
    found = steps()
    diff_env = {
        **env,
        "PK_OLD": str(COLLECTION),
        "PK_NEW": str(SPEC),
        "PK_REVISIONS": "",
        "PK_BASE": "",
        "PK_FAIL_ON": "stale",
    }
    ran = run_step(found["diff"], diff_env)
    assert ran.returncode == 0, ran.stderr
    result = outputs(tmp / "output")
    assert result["status"] == "0"
    report = Path(result["report"]).read_text()
    assert report.startswith("**v2026-07-15 is current against v2026-07-15")
    assert (tmp / "summary").read_text() == report
    comment = {
        **env,
        "PK_REPOSITORY": "acme/forks",
        "PK_PULL_REQUEST": "7",
        "PK_REPORT": result["report"],
        "PK_OLD": "forks/acme.json",
    }
    step = found["Post or update the pull-request comment"]
    assert run_step(step, comment).returncode == 0
    posted = (tmp / "posted.md").read_text()
    assert posted == "<!-- postman-kit diff forks/acme.json -->\n" + report
    calls = (tmp / "gh.log").read_text().splitlines()
    assert calls[-1].startswith("api repos/acme/forks/issues/7/comments --method POST -F body=@")
    # the next push: the bot's comment for this fork is found by its first line and updated in place
    comment["FAKE_COMMENTS"] = (
        "11\t<!-- postman-kit diff forks/other.json -->\n42\t<!-- postman-kit diff forks/acme.json -->\n"
    )
    assert run_step(step, comment).returncode == 0
    assert (
        (tmp / "gh.log")
        .read_text()
        .splitlines()[-1]
        .startswith("api repos/acme/forks/issues/comments/42 --method PATCH -F body=@")
    )


def test_a_stale_fork_fails_the_job_after_its_report_is_written(runner, tmp_path):
    env, tmp = runner["env"], runner["tmp"]
    stale = tmp_path / "stale.json"
    stale.write_text(COLLECTION.read_text().replace("2026-07-15", "2025-10-15"))
    found = steps()
    ran = run_step(
        found["diff"],
        {
            **env,
            "PK_OLD": str(stale),
            "PK_NEW": str(SPEC),
            "PK_REVISIONS": "",
            "PK_BASE": "",
            "PK_FAIL_ON": "stale, breaking",
        },
    )
    assert ran.returncode == 0, ran.stderr  # the comment step still runs
    result = outputs(tmp / "output")
    assert result["status"] == "1" and Path(result["report"]).read_text().startswith("**STALE")
    assert Path(result["json-report"]).read_text().startswith("{")
    final = run_step(found["Fail on the fail-on conditions"], {**env, "PK_STATUS": result["status"]})
    assert final.returncode == 1


def test_bad_input_stops_the_action_with_the_one_line_error(runner, tmp_path):
    env = runner["env"]
    missing = tmp_path / "missing.json"
    ran = run_step(
        steps()["diff"],
        {
            **env,
            "PK_OLD": str(missing),
            "PK_NEW": str(SPEC),
            "PK_REVISIONS": "",
            "PK_BASE": "",
            "PK_FAIL_ON": "",
        },
    )
    assert ran.returncode == 2 and ran.stderr.startswith(f"postman-kit: error: {missing}")
