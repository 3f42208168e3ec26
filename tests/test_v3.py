"""Postman v12's git layout out: `generate --format v3` and `upgrade` into a v3 directory.

The peer is Postman's own CLI (1.34.0): a generated v3 directory must be, file by file, what `postman collection
migrate` makes of the v2.1 file generated from the same spec (ids Postman draws at random aside); `postman
collection lint` must find nothing in any v3 directory the kit writes; `postman collection run` must pass the
generated collection's contract tests against the sandbox. The fork is the example collection edited as users
edit it in Postman, migrated to v3 by Postman's CLI (conftest's `v3_fork`).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from postman_kit.collection_files import read_collection, read_variables
from tests.support.collections import comparable
from tests.support.sandbox import COMPANY_ID, FULL_KEY, running_sandbox
from tests.tools import (
    CORPUS,
    EXAMPLE_SPEC,
    FORK,
    klaviyo_specs,
    postman_cli_path,
    postman_migrate,
    require_corpus,
)

EXAMPLE_NAME = "(Stable) Acme Marketing API (v2026-07-15)"
TRAIN_TRAVEL = CORPUS / "real-world" / "train-travel" / "openapi.yaml"
# Postman draws the id of each collection or folder auth entry at random (uuid4); the kit derives its own.
_AUTH_ENTRY_ID = re.compile(r"^(\s*- id: )[0-9a-f-]{36}$", re.MULTILINE)


def kept_in_v3(data: dict[str, Any]) -> dict[str, Any]:
    """`comparable` less what format 3.0.0 has no place for: an example's request description (an upgraded
    saved request's examples carry one); a request item's own description (upgrade's "Needs review" note) is
    the first paragraph of its request's, as the v3 writer keeps it."""

    def strip(node: dict[str, Any]) -> None:
        for example in node.get("examples", []):
            if example.get("request"):
                example["request"]["description"] = None
        for child in node.get("item", []):
            strip(child)

    def merged(node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if isinstance(node.get("request"), dict) and node.get("description"):
            request = node["request"]
            words = [node["description"], request.get("description")]
            node = {**node, "request": {**request, "description": "\n\n".join(w for w in words if w)}}
            node.pop("description")
        return {**node, "item": [merged(child) for child in node["item"]]} if "item" in node else node

    kept = comparable(merged(data))
    strip(kept)
    return kept


def cli(*args: Any) -> Any:
    from postman_kit.cli import cli as command

    return CliRunner().invoke(command, [str(a) for a in args], catch_exceptions=False)


def generated(out: Path, *args: Any, spec: Path = EXAMPLE_SPEC) -> Path:
    result = cli("generate", spec, "-o", out, "-q", *args)
    assert result.exit_code == 0, result.output
    return out


def tree(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by its relative path."""
    return {
        path.relative_to(directory).as_posix(): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def without_auth_entry_ids(files: dict[str, bytes]) -> dict[str, str]:
    return {name: _AUTH_ENTRY_ID.sub(r"\1<id>", data.decode()) for name, data in files.items()}


def postman(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [postman_cli_path(), *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def lint(directory: Path) -> dict[str, Any]:
    result = postman("collection", "lint", str(directory), "-r", "json")
    return json.loads(result.stdout)


def assert_same_as_postmans_migration(ours: Path, v21_file: Path, migrated: Path) -> int:
    """Our v3 directory equals Postman's migration of the v2.1 file byte for byte, auth entry ids aside;
    returns the number of files."""
    postman_migrate(v21_file, migrated)
    expected, found = tree(migrated), tree(ours)
    assert sorted(found) == sorted(expected)
    differing = [name for name in expected if found[name] != expected[name]]
    assert without_auth_entry_ids({n: found[n] for n in differing}) == without_auth_entry_ids(
        {n: expected[n] for n in differing}
    )
    assert len(differing) <= 1 + sum(1 for name in expected if name.endswith("definition.yaml"))
    return len(expected)


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example spec generated with contract tests, as v2.1 files and as a v3 directory."""
    root = tmp_path_factory.mktemp("example")
    v21 = generated(root / "v21", "--tests")
    v3 = generated(root / "v3", "--tests", "--format", "v3")
    return {
        "v21": v21,
        "v3": v3,
        "collection": v3 / "postman" / "collections" / EXAMPLE_NAME,
        "v21_collection": next(v21.glob("*.postman_collection.json")),
    }


# -- generate --format v3 ---------------------------------------------------------------------------------------


def test_v3_layout_holds_the_v21_collection_environment_and_globals(example: dict[str, Path]) -> None:
    v21, v3 = example["v21"], example["v3"]
    assert sorted(p.name for p in (v3 / "postman").iterdir()) == ["collections", "environments"]
    assert (example["collection"] / ".resources" / "definition.yaml").is_file()
    assert sum(1 for _ in example["collection"].rglob("*.request.yaml")) == 17
    read = read_collection(str(example["collection"]))
    assert read.form == "v3"
    assert comparable(read.data) == comparable(json.loads(example["v21_collection"].read_text()))
    environments = v3 / "postman" / "environments"
    names = sorted(p.name for p in environments.iterdir())
    assert names == [
        "Acme Marketing API (v2026-07-15).environment.yaml",
        "Acme Marketing API Globals.globals.yaml",
    ]
    # the v2.1 files' content, in YAML: what the kit's own -e/-g and Postman's CLI read
    for name, v21_file in zip(names, ("*.postman_environment.json", "*.postman_globals.json"), strict=True):
        scope = "globals" if "globals" in name else "environment"
        assert read_variables(str(environments / name), scope).data == json.loads(
            next(v21.glob(v21_file)).read_text()
        )
    # the kit's own commands take the three as they take the v2.1 files
    result = cli(
        "validate",
        example["collection"],
        "-e",
        environments / names[0],
        "-g",
        environments / names[1],
        "--spec",
        EXAMPLE_SPEC,
        "-f",
        "json",
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_v3_output_says_where_it_went(tmp_path: Path) -> None:
    result = cli("generate", EXAMPLE_SPEC, "-o", tmp_path, "--format", "v3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{EXAMPLE_NAME}: 17 requests in 7 folders"
    assert lines[1:] == [
        f"  wrote {tmp_path / 'postman' / 'collections' / EXAMPLE_NAME}/ (110 files)",
        f"  wrote {tmp_path / 'postman' / 'environments' / 'Acme Marketing API (v2026-07-15).environment.yaml'}",
        f"  wrote {tmp_path / 'postman' / 'environments' / 'Acme Marketing API Globals.globals.yaml'}",
    ]


def test_v3_is_deterministic_and_regenerates_over_itself(tmp_path: Path, example: dict[str, Path]) -> None:
    first = generated(tmp_path / "a", "--tests", "--format", "v3")
    assert tree(first) == tree(example["v3"])  # another directory, another run: the same bytes
    generated(first, "--tests", "--format", "v3")  # the same collection again over it
    assert tree(first) == tree(example["v3"])


@pytest.mark.postman_cli
def test_v3_is_postmans_migration_of_the_v21_file(tmp_path: Path, example: dict[str, Path]) -> None:
    files = assert_same_as_postmans_migration(
        example["collection"], example["v21_collection"], tmp_path / "migrated"
    )
    assert files == 110


@pytest.mark.postman_cli
def test_a_users_fork_is_written_as_postman_migrates_it(tmp_path: Path, v3_fork: Path) -> None:
    """The writer on a fork edited in Postman (saved requests, a pasted key, an old revision header, a misspelt
    field) gives Postman's own migration of it, but for the pasted key, written truncated."""
    from postman_kit.collection_v3 import write_v3_collection
    from postman_kit.secrets import truncate_key

    write_v3_collection(json.loads(FORK.read_text()), tmp_path)
    (ours,) = (tmp_path / "postman" / "collections").iterdir()
    expected = without_auth_entry_ids(tree(v3_fork))
    key = re.search(r"pk_[0-9a-f]{34}", "".join(expected.values())).group(0)
    assert without_auth_entry_ids(tree(ours)) == {
        name: text.replace(key, truncate_key(key)) for name, text in expected.items()
    }


@pytest.mark.postman_cli
@pytest.mark.slow
def test_klaviyo_v3_is_postmans_migration_and_lints_clean(tmp_path: Path) -> None:
    require_corpus()
    spec = next((path for path in klaviyo_specs() if path.name == "2026-07-15.json"), None)
    if spec is None:
        pytest.skip("Klaviyo 2026-07-15 is not in the corpus")
    v21 = generated(tmp_path / "v21", spec=spec)
    started = time.perf_counter()
    v3 = generated(tmp_path / "v3", "--format", "v3", spec=spec)
    seconds = time.perf_counter() - started
    (collection,) = (v3 / "postman" / "collections").iterdir()
    files = assert_same_as_postmans_migration(
        collection, next(v21.glob("*.postman_collection.json")), tmp_path / "migrated"
    )
    assert files == 2269
    report = lint(collection)
    assert (report["errorCount"], report["warningCount"]) == (0, 0), report["diagnostics"][:5]
    assert report["filesScanned"] == sum(1 for _ in collection.rglob("*.request.yaml"))
    assert seconds < 60  # measured 5.5 s of CPU on 2026-07-15 (v2.1: 0.8 s)


# -- Postman's linter on every v3 directory the kit writes ---------------------------------------------------


@pytest.mark.postman_cli
def test_postman_lints_every_v3_output_clean(tmp_path: Path, example: dict[str, Path], v3_fork: Path) -> None:
    """One lint run over the generated example, its upgrade from a v3 fork and a real-world spec (Train
    Travel, when the corpus is here), beside a copy with one broken request that shows the linter reads them."""
    outputs = tmp_path / "outputs"
    shutil.copytree(example["collection"], outputs / "example")
    upgraded = tmp_path / "upgraded"
    result = cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", upgraded)
    assert result.exit_code == 0, result.output
    shutil.copytree(next((upgraded / "postman" / "collections").iterdir()), outputs / "upgraded")
    if TRAIN_TRAVEL.is_file():
        travel = generated(tmp_path / "travel", "--tests", "--format", "v3", spec=TRAIN_TRAVEL)
        shutil.copytree(next((travel / "postman" / "collections").iterdir()), outputs / "travel")
    broken = outputs / "broken"
    shutil.copytree(example["collection"], broken)
    (broken / "Lists" / "Get Lists.request.yaml").write_text("$kind: http-request\nurl: 5\nmethod: GET\n")
    report = lint(outputs)
    assert report["errorCount"] == 1 and report["warningCount"] == 0, report["diagnostics"]
    assert [Path(d["filePath"]).relative_to(outputs).parts[0] for d in report["diagnostics"]] == ["broken"]
    assert report["filesScanned"] == sum(1 for _ in outputs.rglob("*.request.yaml"))


# -- Postman's runner against the sandbox ------------------------------------------------------------------


@pytest.mark.postman_cli
def test_postman_cli_runs_the_generated_collection_against_the_sandbox(
    tmp_path: Path, example: dict[str, Path]
) -> None:
    """`postman collection run` of the generated files, offline: every contract test passes; its report
    (newman's structure) goes into the log store."""
    from postman_kit.openapi import load_api

    postman_cli_path()
    v21 = example["v21"]
    report = tmp_path / "report.json"
    with running_sandbox(load_api(str(EXAMPLE_SPEC)), tmp_path / "data") as base_url:
        result = postman(
            "collection",
            "run",
            str(example["v21_collection"]),
            "-e",
            str(next(v21.glob("*.postman_environment.json"))),
            "-g",
            str(next(v21.glob("*.postman_globals.json"))),
            "--env-var",
            f"baseUrl={base_url}",
            "--env-var",
            f"privateKey={FULL_KEY}",
            "--global-var",
            f"companyId={COMPANY_ID}",
            "-r",
            "json",
            "--reporter-json-structure",
            "newman",
            "--reporter-json-export",
            str(report),
            "--timeout-request",
            "10000",
        )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    stats = json.loads(report.read_text())["run"]["stats"]
    assert stats["requests"] == {"total": 17, "pending": 0, "failed": 0}
    assert stats["assertions"]["failed"] == 0 and stats["assertions"]["total"] >= 40
    imported = cli(
        "logs",
        "import",
        report,
        "--spec",
        EXAMPLE_SPEC,
        "--source",
        "postman-cli",
        "--data",
        tmp_path / "logs",
    )
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.startswith(f"imported 17 calls from {report}")


# -- upgrade: OLD's form, unless told ---------------------------------------------------------------------


@pytest.mark.postman_cli
def test_upgrade_writes_a_v3_fork_as_v3_unless_told(tmp_path: Path, v3_fork: Path) -> None:
    before = tree(v3_fork)
    v21_out = tmp_path / "v21.json"
    assert cli("upgrade", FORK, "--to", EXAMPLE_SPEC, "-o", v21_out).exit_code == 0
    v21 = json.loads(v21_out.read_text())

    result = cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", tmp_path / "v3")
    assert result.exit_code == 0, result.output
    (directory,) = (tmp_path / "v3" / "postman" / "collections").iterdir()
    assert f"wrote {directory}" in result.stdout
    assert kept_in_v3(read_collection(str(directory)).data) == kept_in_v3(v21)
    # its v2.1 export and the v2.1 fork's upgrade: nothing between them
    diffed = cli("diff", directory, v21_out, "--format", "json")
    summary = json.loads(diffed.stdout)["summary"]
    assert (summary["added"], summary["removed"], summary["changed"]) == (0, 0, 0)

    as_file = tmp_path / "as-file.json"
    assert (
        cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", as_file, "--collection-format", "v2.1").exit_code
        == 0
    )
    assert comparable(json.loads(as_file.read_text())) == comparable(v21)
    to_stdout = cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", "-")  # one file: v2.1
    assert comparable(json.loads(to_stdout.stdout)) == comparable(v21)
    as_v3 = cli(
        "upgrade", FORK, "--to", EXAMPLE_SPEC, "-o", tmp_path / "from-v21", "--collection-format", "v3"
    )
    assert as_v3.exit_code == 0, as_v3.output
    assert tree(tmp_path / "from-v21") == tree(tmp_path / "v3")
    assert tree(v3_fork) == before


@pytest.mark.postman_cli
def test_upgrade_never_writes_into_the_v3_fork(tmp_path: Path, v3_fork: Path) -> None:
    fork = tmp_path / "repo" / "postman" / "collections" / "My Fork"
    shutil.copytree(v3_fork, fork)
    before = tree(tmp_path / "repo")
    for out in (fork, fork / "Lists", tmp_path / "repo"):
        result = cli(
            "upgrade",
            fork if out != tmp_path / "repo" else tmp_path / "repo",
            "--to",
            EXAMPLE_SPEC,
            "-o",
            out,
        )
        assert result.exit_code == 2, (out, result.output)
        assert result.stderr.count("\n") == 1
        assert "refusing to write inside the input collection directory" in result.stderr
    # a file where a directory goes: said, with the way to get a file
    (tmp_path / "existing.txt").write_text("mine\n")
    for out, told in (
        ("-", ("--collection-format", "v3")),
        (tmp_path / "upgraded.json", ()),
        (tmp_path / "existing.txt", ()),
    ):
        result = cli("upgrade", fork, "--to", EXAMPLE_SPEC, "-o", out, *told)
        _one_line_error(
            result,
            f"{out}: the upgrade of a v3 collection is a directory of files",
            "--collection-format v2.1",
        )
    assert not (tmp_path / "upgraded.json").exists() and (tmp_path / "existing.txt").read_text() == "mine\n"
    assert tree(tmp_path / "repo") == before


# -- a fork kept in v3 reads as its v2.1 export ------------------------------------------------------------


@pytest.fixture(scope="module")
def custom_fork(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """FORK edited further as users do in Postman: a request saved into a folder of the user's own (Get Profiles
    with a filter and a page size too large), and a query value changed on an upstream request; as the v2.1
    file Postman exports and as Postman's CLI migrates it."""
    data = json.loads(FORK.read_text())
    saved = json.loads(json.dumps(data["item"][2]["item"][0]["item"][0]))  # Profiles/Profiles/Get Profiles
    assert saved["name"] == "Get Profiles"
    saved.update(id="6c1f0a52-94c4-4f57-9a0e-3d1c2b7e8f10", name="Big page of recent profiles", response=[])
    url = saved["request"]["url"]
    for query in url["query"]:
        if query["key"] in ("filter", "page[size]"):
            query.update(
                disabled=False,
                value="greater-than(created,2025-01-01T00:00:00Z)" if query["key"] == "filter" else "500",
            )
    url["raw"] = "{{baseUrl}}/api/profiles?filter=greater-than(created,2025-01-01T00:00:00Z)&page[size]=500"
    data["item"].append({"name": "My requests", "item": [saved]})
    lists = data["item"][1]["item"][0]["request"]["url"]  # Lists/Get Lists: the filter enabled, another value
    lists["query"][1].update(disabled=False, value='equals(name,"VIP")')
    lists["raw"] = '{{baseUrl}}/api/lists?filter=equals(name,"VIP")'
    root = tmp_path_factory.mktemp("custom-fork")
    v21 = root / "My Fork.postman_collection.json"
    v21.write_text(json.dumps(data, indent=2))
    return {"v21": v21, "v3": postman_migrate(v21, root / "v3")}


def _findings(*args: Any) -> list[tuple[str, str, str, str]]:
    result = cli("validate", *args, "--spec", EXAMPLE_SPEC, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return sorted(
        (f["rule"], f["severity"], f["message"], f["item"] or "")
        for f in json.loads(result.stdout)["findings"]
    )


@pytest.mark.postman_cli
def test_a_v3_fork_gets_the_findings_diff_and_upgrade_of_its_v21_export(
    tmp_path: Path, custom_fork: dict[str, Path]
) -> None:
    v21, v3 = custom_fork["v21"], custom_fork["v3"]
    findings = _findings(v21)
    assert _findings(v3) == findings
    assert any(
        item == "My requests/Big page of recent profiles" and "page[size]" in message
        for _, _, message, item in findings
    )  # the user's own request, checked against the spec
    for fmt in ("text", "json"):
        ours = cli("diff", v3, EXAMPLE_SPEC, "--format", fmt)
        theirs = cli("diff", v21, EXAMPLE_SPEC, "--format", fmt)
        assert ours.exit_code == theirs.exit_code
        assert ours.stdout.replace(str(v3), "OLD") == theirs.stdout.replace(str(v21), "OLD")
    assert "Big page of recent profiles" in theirs.stdout
    upgraded_v21, upgraded_v3 = tmp_path / "up.json", tmp_path / "up"
    theirs = cli("upgrade", v21, "--to", EXAMPLE_SPEC, "-o", upgraded_v21)
    ours = cli("upgrade", v3, "--to", EXAMPLE_SPEC, "-o", upgraded_v3)
    assert ours.exit_code == theirs.exit_code == 0, ours.output
    (directory,) = (upgraded_v3 / "postman" / "collections").iterdir()
    assert ours.stdout.replace(str(directory), "OUT") == theirs.stdout.replace(str(upgraded_v21), "OUT")
    upgraded = read_collection(str(directory)).data
    assert kept_in_v3(upgraded) == kept_in_v3(json.loads(upgraded_v21.read_text()))
    assert [item["name"] for item in upgraded["item"]][-1] == "My requests"


@pytest.mark.postman_cli
def test_diff_of_a_v3_fork_and_its_own_v21_export_reports_nothing(
    tmp_path: Path, custom_fork: dict[str, Path]
) -> None:
    export = tmp_path / "export.postman_collection.json"
    export.write_text(json.dumps(read_collection(str(custom_fork["v3"])).data))
    result = cli("diff", custom_fork["v3"], export, "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)["summary"]
    assert (summary["added"], summary["removed"], summary["changed"]) == (0, 0, 0)
    itself = cli("diff", custom_fork["v21"], custom_fork["v21"], "--format", "json")
    assert summary == json.loads(itself.stdout)["summary"]


# -- bad input: one line, exit 2, nothing written ------------------------------------------------------------


def _one_line_error(result: Any, *expected: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("postman-kit: error: "), result.stderr
    assert all(text in lines[0] for text in expected), lines[0]


def test_output_over_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("mine\n")
    _one_line_error(
        cli("generate", EXAMPLE_SPEC, "--format", "v3", "-o", target), str(target), "is not a directory"
    )
    assert target.read_text() == "mine\n" and sorted(tmp_path.iterdir()) == [target]


def test_a_file_another_collection_left_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    stale = tmp_path / "postman" / "collections" / EXAMPLE_NAME / "Lists" / "Old Request.request.yaml"
    stale.parent.mkdir(parents=True)
    stale.write_text("$kind: http-request\nurl: https://x.example\nmethod: GET\n")
    _one_line_error(
        cli("generate", EXAMPLE_SPEC, "--format", "v3", "-o", tmp_path),
        "holds 1 file(s) this collection does not have (e.g. 'Lists/Old Request.request.yaml')",
    )
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [stale]


def test_a_symlink_on_the_way_is_never_written_through(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "postman").symlink_to(elsewhere, target_is_directory=True)
    _one_line_error(cli("generate", EXAMPLE_SPEC, "--format", "v3", "-o", out), "is a symbolic link")
    assert list(elsewhere.iterdir()) == []


def test_the_spec_is_never_written_over(tmp_path: Path) -> None:
    """A spec kept where the collection's definition goes is refused before anything is written."""
    spec = tmp_path / "postman" / "collections" / EXAMPLE_NAME / ".resources" / "definition.yaml"
    spec.parent.mkdir(parents=True)
    shutil.copy(EXAMPLE_SPEC, spec)
    _one_line_error(
        cli("generate", spec, "--format", "v3", "-o", tmp_path), "refusing to overwrite an input file"
    )
    assert spec.read_bytes() == EXAMPLE_SPEC.read_bytes()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [spec]


def test_a_bad_spec_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("openapi: 3.0.0\npaths: [\n")
    _one_line_error(cli("generate", spec, "--format", "v3", "-o", tmp_path / "out"), str(spec))
    assert not (tmp_path / "out").exists()


def test_a_v3_fork_with_broken_yaml_is_one_line_for_upgrade(tmp_path: Path, example: dict[str, Path]) -> None:
    fork = tmp_path / "fork"
    shutil.copytree(example["collection"], fork)
    (fork / "Lists" / "Get Lists.request.yaml").write_text("$kind: http-request\nurl: [unclosed\n")
    _one_line_error(
        cli("upgrade", fork, "--to", EXAMPLE_SPEC, "-o", tmp_path / "out"),
        "Get Lists.request.yaml",
        "invalid YAML",
    )
    assert not (tmp_path / "out").exists()


# -- what a user keeps that format 3.0.0 holds elsewhere -------------------------------------------------------

SETTINGS = {  # every request setting Postman has, in another order than its migration writes them
    "disableBodyPruning": True,
    "tlsCipherSelection": ["ECDHE-RSA-AES128-GCM-SHA256"],
    "followRedirects": False,
    "strictSSL": False,
    "maxRedirects": 3,
    "protocolVersion": "http2",
    "disableCookies": True,
}


def user_kept_collection() -> dict[str, Any]:
    """A fork as the Postman app saves one: GraphQL requests (POST and GET), request settings on a request,
    a folder and the collection, and scripts the user switched off."""
    off = {
        "listen": "prerequest",
        "disabled": True,
        "script": {"type": "text/javascript", "exec": ["// off"]},
    }
    test = {"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => {});"]}}
    graphql = {
        "name": "Viewer",
        "event": [{**off, "script": {**off["script"], "exec": ["// query off"]}}, test],
        "protocolProfileBehavior": {"followRedirects": False},
        "request": {
            "method": "POST",
            "header": [{"key": "X-Team", "value": "growth"}],
            "body": {
                "mode": "graphql",
                "graphql": {"query": "query Me { viewer { id } }", "variables": '{"n": 1}'},
            },
            "url": "https://api.example.test/graphql?team=growth",
        },
        "response": [],
    }
    get_graphql = {
        "name": "Viewer by GET",
        "request": {
            "method": "GET",
            "body": {"mode": "graphql", "graphql": {"query": "{ a }"}},
            "url": "https://api.example.test/graphql",
        },
        "response": [],
    }
    settings = {
        "name": "Settings",
        "event": [off, test],
        "protocolProfileBehavior": SETTINGS,
        "request": {"method": "GET", "header": [], "url": "https://api.example.test/things"},
        "response": [],
    }
    return {
        "info": {
            "name": "Kept",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "event": [{**off, "script": {**off["script"], "exec": ["// collection off"]}}],
        "protocolProfileBehavior": {"strictSSL": False},
        "item": [
            graphql,
            get_graphql,
            {"name": "Folder", "protocolProfileBehavior": {"disableCookies": True}, "item": [settings]},
        ],
    }


@pytest.mark.postman_cli
def test_graphql_settings_and_switched_off_scripts_survive_v3(tmp_path: Path) -> None:
    """GraphQL bodies are `graphql-request` files as Postman's migration writes them, request settings are
    `settings` in its order (a folder's and the collection's too, which it drops), and a switched-off script is
    kept off (format 3.0.0 has no switch: it is written aside, where Postman neither shows nor runs it). Read
    back, each is what the user saved; Postman's linter finds nothing."""
    from postman_kit.collection_v3 import write_v3_collection

    collection = user_kept_collection()
    write_v3_collection(collection, tmp_path / "ours")
    (ours,) = (tmp_path / "ours" / "postman" / "collections").iterdir()
    source = tmp_path / "kept.json"
    source.write_text(json.dumps(collection))
    migrated = postman_migrate(source, tmp_path / "migrated")
    # the POST GraphQL request: Postman's migration but for the switched-off script, which it switches on
    expected = (
        (migrated / "Viewer.request.yaml")
        .read_text()
        .replace("  - type: beforeQuery\n    code: // query off\n    language: text/javascript\n", "")
    )
    assert (ours / "Viewer.request.yaml").read_text() == expected.replace(
        "order:",
        "x-disabledScripts:\n  - type: beforeQuery\n    code: // query off\n    language: text/javascript\n"
        "settings:\n  followRedirects: false\norder:",
    )
    # settings in the migration's order; the one it drops (disableBodyPruning) kept after them
    ours_settings = (ours / "Folder" / "Settings.request.yaml").read_text()
    theirs_settings = (migrated / "Folder" / "Settings.request.yaml").read_text()
    assert theirs_settings.split("settings:\n")[1].split("order:")[0] in ours_settings
    assert "disableBodyPruning: true" in ours_settings and "disableBodyPruning" not in theirs_settings
    report = lint(ours)
    assert (report["errorCount"], report["warningCount"]) == (0, 0), report["diagnostics"]

    back = read_collection(str(ours)).data
    viewer, by_get, folder = back["item"]
    assert viewer["request"]["body"] == collection["item"][0]["request"]["body"]
    switched = {e["script"]["exec"][0]: e.get("disabled", False) for e in viewer["event"]}
    assert switched == {"// query off": True, "pm.test('ok', () => {});": False}  # the order of kinds aside
    assert (by_get["request"]["method"], by_get["request"]["body"]["graphql"]["query"]) == ("GET", "{ a }")
    assert folder["protocolProfileBehavior"] == {"disableCookies": True}
    assert folder["item"][0]["protocolProfileBehavior"] == SETTINGS
    assert sorted(e.get("disabled", False) for e in folder["item"][0]["event"]) == [False, True]
    assert back["protocolProfileBehavior"] == {"strictSSL": False}
    assert back["event"][0]["disabled"] is True


def test_a_v3_query_written_only_in_the_url_is_the_one_sent(tmp_path: Path, example: dict[str, Path]) -> None:
    """A request file the user wrote with its query in `url` and no `queryParams` (Postman's CLI sends that
    query): the kit reads the same query, for upgrade, snippet and validate alike."""
    collection = tmp_path / "collection"
    shutil.copytree(example["collection"], collection)
    (collection / "Lists" / "Search lists.request.yaml").write_text(
        "$kind: http-request\nurl: \"{{baseUrl}}/api/lists?filter=equals(name,'VIP')&page[size]=5\"\n"
        "method: GET\norder: 99000\n"
    )
    (search,) = [
        item
        for folder in read_collection(str(collection)).data["item"]
        for item in folder.get("item", [])
        if item["name"] == "Search lists"
    ]
    assert [(q["key"], q["value"]) for q in search["request"]["url"]["query"]] == [
        ("filter", "equals(name,'VIP')"),
        ("page[size]", "5"),
    ]


def test_graphql_variables_given_as_an_object_are_written_and_read_as_json(tmp_path: Path) -> None:
    """Some exports hold GraphQL variables as an object: v3 got Python's `{'id': 5}`, which is no JSON."""
    from postman_kit.collection_v3 import write_v3_collection

    body = {"mode": "graphql", "graphql": {"query": "query($id:ID){a(id:$id)}", "variables": {"id": 5}}}
    collection = {
        "info": {
            "name": "G",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [
            {"name": "gql", "request": {"method": "POST", "body": body, "url": "https://x.test/graphql"}}
        ],
    }
    write_v3_collection(collection, tmp_path / "out")
    (written,) = (tmp_path / "out" / "postman" / "collections").iterdir()
    assert "variables: '{\"id\": 5}'" in (written / "gql.request.yaml").read_text()
    (written / "gql.request.yaml").write_text(
        "$kind: graphql-request\nurl: https://x.test/graphql\nquery: '{a}'\nvariables:\n  id: 5\norder: 1000\n"
    )
    (item,) = read_collection(str(written)).data["item"]
    assert json.loads(item["request"]["body"]["graphql"]["variables"]) == {"id": 5}


def _upgrades_untouched(tmp_path: Path, fork: Path, stable: Path, new: Path) -> None:
    out = tmp_path / "up.json"
    result = cli(
        "upgrade", fork, "--to", stable / "2026-07-15.json", "--base", stable / "2024-02-15.json",
        "-o", out, "--collection-format", "v2.1", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["editsKept"] == []
    assert out.read_bytes() == next(new.glob("*.postman_collection.json")).read_bytes()


@pytest.mark.slow
def test_an_untouched_v3_collection_upgrades_to_exactly_what_generate_gives(tmp_path: Path) -> None:
    """Klaviyo's Upload Image From File, generated as v3: the form's file field reads back with `src: ""`, which
    was taken for the user's body edit, so OLD's form values went over NEW's and the report listed an edit."""
    require_corpus()
    stable = CORPUS / "klaviyo" / "stable"
    old = generated(tmp_path / "old", "--format", "v3", spec=stable / "2024-02-15.json")
    new = generated(tmp_path / "new", spec=stable / "2026-07-15.json")
    (fork,) = (old / "postman" / "collections").iterdir()
    _upgrades_untouched(tmp_path, fork, stable, new)


@pytest.mark.postman_cli
@pytest.mark.slow
def test_postmans_own_migration_of_an_untouched_collection_upgrades_to_exactly_what_generate_gives(
    tmp_path: Path,
) -> None:
    """The same, with the v3 directory made by Postman's CLI (`postman collection migrate`) from the v2.1 file."""
    require_corpus()
    stable = CORPUS / "klaviyo" / "stable"
    old = generated(tmp_path / "old", spec=stable / "2024-02-15.json")
    new = generated(tmp_path / "new", spec=stable / "2026-07-15.json")
    migrated = postman_migrate(next(old.glob("*.postman_collection.json")), tmp_path / "migrated")
    _upgrades_untouched(tmp_path, migrated, stable, new)


@pytest.mark.corpus
def test_a_v3_forks_marked_request_shows_its_note_and_upgrading_again_changes_nothing(tmp_path: Path) -> None:
    """A v3 fork's saved request that NEW refuses got ⚠ but no "Needs review" note (the note went to a v2.1
    item's own description, which format 3.0.0 has no place for); upgraded again, it got `⚠ ⚠` and a second note,
    as a v3 file keeps no x-postman-kit mark to find the first by."""
    require_corpus()
    stable = CORPUS / "klaviyo" / "stable"
    generated(tmp_path / "old", "--format", "v3", spec=stable / "2024-10-15.json")
    [collection] = (tmp_path / "old" / "postman" / "collections").iterdir()
    (collection / "Mine" / ".resources").mkdir(parents=True)
    (collection / "Mine" / ".resources" / "definition.yaml").write_text(
        "$kind: collection\nname: Mine\norder: 5000\n"
    )
    (collection / "Mine" / "no revision.request.yaml").write_text(
        "$kind: http-request\nname: no revision\nmethod: GET\nurl: '{{baseUrl}}/api/lists/XYZ'\norder: 1000\n"
    )
    args = ("--to", stable / "2026-07-15.json", "--revisions", stable)
    assert cli("upgrade", collection, *args, "-o", tmp_path / "up1").exit_code == 0
    [first] = (tmp_path / "up1" / "postman" / "collections").iterdir()
    [marked] = (first / "Mine").glob("*.request.yaml")
    assert (
        marked.name == "⚠ no revision.request.yaml"
        and "Needs review after upgrading from v2024-10-15" in marked.read_text()
    )
    assert cli("upgrade", first, *args, "-o", tmp_path / "up2").exit_code == 0
    [second] = (tmp_path / "up2" / "postman" / "collections").iterdir()
    assert tree(second) == tree(first)


def test_two_runs_writing_the_same_v3_collection_at_once_never_both_succeed_mixed(tmp_path: Path) -> None:
    """Two `generate --format v3` runs into one `-o`, for two specs whose collections share a name: both exited 0
    and left both request sets mixed in one directory, which the kit then refused to read back as one."""
    import sys

    for tag in "ab":
        paths = {f"/{tag}{i}": {"get": {"operationId": f"{tag}op{i}", "tags": ["T"], "responses": {"200": {"description": "ok"}}}}
                 for i in range(200)}  # fmt: skip
        spec = {"openapi": "3.0.3", "info": {"title": "Same", "version": "1.0"}, "paths": paths,
                "servers": [{"url": "https://x.example"}]}  # fmt: skip
        (tmp_path / f"{tag}.json").write_text(json.dumps(spec))
    command = [sys.executable, "-c", "from postman_kit.cli import main; main()", "generate"]
    runs = [
        subprocess.Popen(
            [*command, str(tmp_path / f"{tag}.json"), "-o", str(tmp_path / "cc"), "--format", "v3", "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for tag in "ab"
    ]
    codes = sorted(run.wait(timeout=120) for run in runs)
    assert codes == [0, 2]
    names = {path.name[:1] for path in (tmp_path / "cc").rglob("*.request.yaml")}
    assert len(names) == 1 and len(list((tmp_path / "cc").rglob("*.request.yaml"))) == 200


def test_a_key_of_the_users_own_in_a_v3_request_file_stays_through_an_upgrade(
    tmp_path: Path, v3_fork: Path
) -> None:
    """A hand-edited v3 request file's `x-my-field`: the upgrade's report said "Edits kept: `x-my-field`", but the
    written file had lost it."""
    fork = tmp_path / "fork"
    shutil.copytree(v3_fork, fork)
    [request] = sorted(fork.rglob("*.request.yaml"))[:1]
    request.write_text(
        request.read_text().replace("$kind: http-request\n", "$kind: http-request\nx-my-field: MINE\n", 1)
    )
    result = cli("upgrade", fork, "--to", EXAMPLE_SPEC, "-o", tmp_path / "up")
    assert result.exit_code == 0, result.output
    written = [path for path in (tmp_path / "up").rglob(request.name)]
    assert len(written) == 1 and "x-my-field: MINE" in written[0].read_text()


def test_a_requests_own_variables_an_upgrade_to_v3_cannot_write_are_named(tmp_path: Path) -> None:
    """A v2.1 request's own `variable` list, upgraded into a v3 directory: the report said "Edits kept" while the
    v3 request file, which has no place for them, left them out."""
    fork = json.loads(FORK.read_text())
    first = (
        next(node for node in fork["item"] if "request" in node)
        if any("request" in n for n in fork["item"])
        else None
    )
    folder = next(node for node in fork["item"] if "item" in node)
    target = first or next(node for node in folder["item"] if "request" in node)
    target["variable"] = [{"key": "itemVar", "value": "MINE"}]
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(fork))
    result = cli("upgrade", path, "--to", EXAMPLE_SPEC, "-o", tmp_path / "up", "--collection-format", "v3")
    assert result.exit_code == 0, result.output
    assert "hold variables of their own" in result.output and "not written" in result.output


@pytest.mark.corpus
def test_a_v3_request_kept_for_the_users_edits_is_kept_again_when_the_upgrade_is_upgraded(
    tmp_path: Path,
) -> None:
    """NEW removes Train Travel's DELETE /bookings/{bookingId}; the user had edited its description in a v3 fork.
    Upgrade 1 kept it, marked ⚠; upgrading that output again dropped it with the edit, as a v3 file keeps no
    x-postman-kit mark to tell it was kept before (the same fork in v2.1 was stable)."""
    import yaml

    require_corpus()
    spec = yaml.safe_load(TRAIN_TRAVEL.read_text())
    spec["info"]["version"] = "1.3.0"
    del spec["paths"]["/bookings/{bookingId}"]["delete"]
    new = tmp_path / "new.yaml"
    new.write_text(yaml.safe_dump(spec, sort_keys=False))
    generated(tmp_path / "old", "--format", "v3", spec=TRAIN_TRAVEL)
    [collection] = (tmp_path / "old" / "postman" / "collections").iterdir()
    request = collection / "Bookings" / "Delete a booking.request.yaml"
    data = yaml.safe_load(request.read_text())
    data["description"] = "MARK_MY_DESC"
    request.write_text(yaml.safe_dump(data, sort_keys=False))
    assert (
        cli("upgrade", collection, "--to", new, "--base", TRAIN_TRAVEL, "-o", tmp_path / "up1").exit_code == 0
    )
    [first] = (tmp_path / "up1" / "postman" / "collections").iterdir()
    result = cli("upgrade", first, "--to", new, "--base", new, "-o", tmp_path / "up2")
    assert result.exit_code == 0 and "Dropped" not in result.output, result.output
    [second] = (tmp_path / "up2" / "postman" / "collections").iterdir()
    assert any("MARK_MY_DESC" in path.read_text() for path in second.rglob("*.request.yaml"))


def test_requests_and_folders_postman_reads_in_their_other_spellings_are_the_user_s(tmp_path: Path) -> None:
    """A request saved as `Mine.request.yml` (or `.Request.YAML`), and a folder defined by `definition.yml`, are
    read and run by Postman's CLI: upgrade dropped the request with "0 dropped" and refused the folder (exit 2).
    An editor's `.vscode` directory in the collection, which Postman skips, was refused too."""
    out = generated(tmp_path / "gen", "--format", "v3")
    [root] = (out / "postman" / "collections").iterdir()
    mine = root / "Mine"
    (mine / ".resources").mkdir(parents=True)
    (mine / ".resources" / "definition.yml").write_text("$kind: collection\norder: 9000\n")
    for name, order in (("Ping.request.yml", 1000), ("Pong.Request.YAML", 2000)):
        (mine / name).write_text(
            f'$kind: http-request\nurl: "{{{{baseUrl}}}}/api/lists"\nmethod: GET\norder: {order}\n'
        )
    (root / ".vscode").mkdir()
    (root / ".vscode" / "settings.json").write_text("{}")
    data = read_collection(str(root)).data
    [folder] = [node for node in data["item"] if node["name"] == "Mine"]
    assert [item["name"] for item in folder["item"]] == ["Ping", "Pong"]
    result = cli("upgrade", root, "--to", EXAMPLE_SPEC, "-o", tmp_path / "up", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    kept = set(report["carried"]) | {conflict["request"] for conflict in report["conflicts"]}
    assert {"Mine/Ping", "Mine/Pong"} <= kept  # each sends no `revision` header: kept, marked
    written = read_collection(report["output"]).data
    [folder] = [node for node in written["item"] if node["name"] == "Mine"]
    assert [item["name"] for item in folder["item"]] == ["⚠ Ping", "⚠ Pong"]


@pytest.mark.postman_cli
def test_a_graphql_request_s_saved_example_is_read_and_written_as_postman_s_migration_writes_it(
    tmp_path: Path,
) -> None:
    """A request duplicated and switched to GraphQL keeps its saved examples; Postman's migration writes them as
    `graphql-example` (the status one line under `http`). The kit refused the whole fork (`$kind is
    'graphql-example', expected http-example`), so it could not be upgraded, diffed nor validated. Read, the
    example is the saved one; written, it is Postman's file, and Postman's linter finds nothing."""
    from postman_kit.collection_v3 import write_v3_collection

    saved = {
        "name": "OK",
        "originalRequest": {
            "method": "POST",
            "header": [{"key": "Accept", "value": "application/json"}],
            "body": {"mode": "graphql", "graphql": {"query": "{ stations { id } }"}},
            "url": "https://api.example.test/graphql",
        },
        "status": "OK",
        "code": 200,
        "_postman_previewlanguage": "json",
        "header": [{"key": "Content-Type", "value": "application/json"}],
        "cookie": [],
        "body": '{"data": {"stations": []}}',
    }
    request = {
        "method": "POST",
        "header": [{"key": "Accept", "value": "application/json"}],
        "body": {"mode": "graphql", "graphql": {"query": "{ stations { id } }"}},
        "url": "https://api.example.test/graphql",
    }
    collection = {
        "info": {
            "name": "G",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        "item": [{"name": "Stations", "request": request, "response": [saved]}],
    }
    source = tmp_path / "g.json"
    source.write_text(json.dumps(collection))
    migrated = postman_migrate(source, tmp_path / "migrated")
    [theirs] = migrated.glob(".resources/Stations.resources/examples/*.example.yaml")
    assert theirs.read_text().startswith("$kind: graphql-example")
    [example] = read_collection(str(migrated)).data["item"][0]["response"]
    assert (example["code"], example["status"], example["body"]) == (200, "OK", saved["body"])
    body = example["originalRequest"]["body"]
    assert (body["mode"], body["graphql"]["query"]) == ("graphql", "{ stations { id } }")
    assert example["header"] == saved["header"]
    write_v3_collection(collection, tmp_path / "ours")
    (ours,) = (tmp_path / "ours" / "postman" / "collections").iterdir()
    [written] = ours.glob(".resources/Stations.resources/examples/*.example.yaml")
    assert written.read_text() == theirs.read_text()
    report = lint(ours)
    assert (report["errorCount"], report["warningCount"]) == (0, 0), report["diagnostics"]
