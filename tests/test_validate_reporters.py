"""Every report format says the same findings: text, json, junit (parses), sarif (validates), github."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from postman_kit.validate import Finding, Severity, validate
from postman_kit.validate.reporters import render

FORK = Path(__file__).parent / "fixtures" / "validate" / "fork.postman_collection.json"
SPEC = "collections/example-api.openapi.yaml"
# The SARIF 2.1.0 schema as the npm package of Microsoft's SARIF matchers ships it (pinned), cached like newman.
SARIF_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
CACHE = Path.home() / ".cache" / "postman-kit" / "sarif-schema"


@pytest.fixture(scope="module")
def report():
    found = validate([str(FORK)], spec=SPEC)
    # The fork's only findings are errors; one note shows how infos are rendered in each format.
    note = Finding(
        "troubleshooting/missing-example",
        Severity.INFO,
        "no troubleshooting example for 404",
        str(FORK),
        "Events/Get Event",
        "/item/0/item/2/response",
    )
    found.findings = sorted([*found.findings, note], key=Finding.sort_key)
    return found


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    schema_file = CACHE / "sarif-2.1.0.json"
    if not schema_file.exists():
        if shutil.which("npm") is None:
            pytest.skip("npm is not available to fetch the SARIF schema")
        CACHE.mkdir(parents=True, exist_ok=True)
        result = subprocess.run(
            ["npm", "pack", SARIF_PACKAGE, "--pack-destination", str(CACHE)],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        tarballs = sorted(CACHE.glob("*.tgz"))
        if result.returncode != 0 or not tarballs:
            pytest.skip(f"could not fetch the SARIF schema: {result.stderr.strip()[-200:]}")
        with tarfile.open(tarballs[-1]) as archive:
            member = archive.extractfile(SARIF_MEMBER)
            assert member is not None
            schema_file.write_bytes(member.read())
    return json.loads(schema_file.read_text())


def expected(report) -> list[tuple[str, str]]:
    return [(f.rule, f.message) for f in report.findings]


def test_json_lists_every_finding(report):
    data = json.loads(render(report, "json"))
    assert [(f["rule"], f["message"]) for f in data["findings"]] == expected(report)
    assert data["summary"] == {
        "errors": 7,
        "warnings": 0,
        "infos": len(report.findings) - 7,
        "fail_on": "error",
        "failed": True,
    }
    first = data["findings"][0]
    assert set(first) == {"rule", "severity", "message", "file", "item", "pointer"}


def test_sarif_validates_against_the_sarif_schema(report, sarif_schema):
    data = json.loads(render(report, "sarif"))
    jsonschema.Draft4Validator(sarif_schema).validate(data)
    run = data["runs"][0]
    results = run["results"]
    assert [(r["ruleId"], r["message"]["text"].split(": ", 1)[1]) for r in results] == expected(report)
    rules = run["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in results}
    assert levels["auth/secret-value"] == "error" and levels["troubleshooting/missing-example"] == "note"
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == str(FORK)
    assert run["columnKind"] == "unicodeCodePoints"
    method = next(r for r in results if r["ruleId"] == "request/method-not-allowed")
    region = method["locations"][0]["physicalLocation"]["region"]
    assert FORK.read_text().splitlines()[region["startLine"] - 1][region["startColumn"] - 1 :] == '"DELETE",'


def test_every_sarif_result_and_annotation_points_at_a_line_and_column(report):
    """Also for pointers the file does not hold (a missing header) and for a collection read from stdin."""
    lines = FORK.read_text().splitlines()
    for result in json.loads(render(report, "sarif"))["runs"][0]["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert set(region) == {"startLine", "startColumn"}
        assert lines[region["startLine"] - 1][region["startColumn"] - 1] in '{["-0123456789tfn'
    annotations = [line for line in render(report, "github").splitlines() if line.startswith("::")]
    assert all(re.search(r" file=[^,]+,line=\d+,col=\d+,title=", line) for line in annotations)


def test_positions_come_from_the_text_as_read_from_stdin(run_cli):
    result = run_cli("validate", "-", "--spec", SPEC, "--format", "sarif", input=FORK.read_text())
    results = json.loads(result.stdout)["runs"][0]["results"]
    assert results and all("region" in r["locations"][0]["physicalLocation"] for r in results)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"<stdin>"}


def test_junit_parses_with_a_failure_per_error(report):
    root = ET.fromstring(render(report, "junit"))
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == str(FORK)
    failures = [
        (case.get("name"), failure.get("type"))
        for case in suite.iter("testcase")
        for failure in case.findall("failure")
    ]
    errors = {(f.item, f.rule) for f in report.findings if f.severity >= report.fail_on}
    assert set(failures) == errors
    names = [case.get("name") for case in suite.iter("testcase")]
    assert "Profiles/Profiles/Get Profiles Created Date" in names  # passing requests are test cases too
    assert int(root.get("failures")) == len({item for item, _ in errors})


def test_github_annotations_escape_properties(report):
    lines = render(report, "github").splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == len(report.findings)
    method = next(line for line in annotations if "request/method-not-allowed" in line)
    assert method.startswith(f"::error file={FORK},line=")
    assert ",title=request/method-not-allowed::Events/Delete All Events: " in method
    assert any(line.startswith("::notice ") for line in annotations)
    assert all("\n" not in line for line in annotations)


def test_text_groups_by_item_and_colours_only_when_asked(report):
    text = render(report, "text")
    assert "\x1b[" not in text
    assert "  Events/Delete All Events\n    error   request/method-not-allowed" in text
    assert text.rstrip().endswith("failed (fail on error)")
    assert "\x1b[31m" in render(report, "text", color=True)


def test_positions_are_found_for_pointers_in_any_layout():
    from postman_kit.validate.locate import locate, pointer_positions

    text = '{"a": [1, {"b~/c": "x\\"y"}],\n "d": {\n  "e": [true,\n null]}}'
    assert pointer_positions(text, {"", "/a/1/b~0~1c", "/d/e/1", "/missing"}) == {
        "": (1, 1),
        "/a/1/b~0~1c": (1, 20),
        "/d/e/1": (4, 2),
    }
    # a pointer the text does not hold is placed at its nearest ancestor that it does
    assert locate(text, {"/d/e/7/description", "/a/1/name"}) == {
        "/d/e/7/description": (3, 8),
        "/a/1/name": (1, 11),
    }


def test_reports_are_deterministic():
    report = validate([str(FORK)], spec=SPEC)
    again = validate([str(FORK)], spec=SPEC)
    for output_format in ("text", "json", "junit", "sarif", "github"):
        assert render(report, output_format) == render(again, output_format)
