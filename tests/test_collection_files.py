"""One reader for every collection form: v2.0 and v2.1 files, and Postman v12's v3 directories.

The v3 directories here are made by Postman's own CLI (`postman collection migrate`) from v2.1 files: a fork
edited as users edit in Postman, the kit's generated collections and Klaviyo's. Reading one back must give what
the v2.1 file holds, as far as Postman's migration keeps it, and every command must treat it as that file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from postman_kit.collection_files import read_collection
from postman_kit.errors import InputError
from tests.support.collections import auth_summary, comparable
from tests.tools import EXAMPLE_SPEC, FORK, klaviyo_specs, require_corpus
from tests.tools import postman_migrate as migrate

FIXTURES = Path(__file__).parent / "fixtures"
KLAVIYO_FORK = FIXTURES / "forks" / "klaviyo-2023-10-15-fork.postman_collection.json"


def _generated(tmp_path: Path, run_cli: Any, spec: Path, *args: str) -> Path:
    out = tmp_path / "generated"
    result = run_cli("generate", spec, "-o", out, *args)
    assert result.exit_code == 0, result.output
    return next(out.glob("*.postman_collection.json"))


# -- reading --------------------------------------------------------------------------------------------------


@pytest.mark.newman
@pytest.mark.parametrize("fixture", [FORK, KLAVIYO_FORK], ids=["acme-fork", "klaviyo-fork"])
def test_a_migrated_fork_reads_as_its_v21_file(tmp_path, fixture) -> None:
    v3 = read_collection(str(migrate(fixture, tmp_path / "v3")))
    v21 = read_collection(str(fixture))
    assert (v3.form, v21.form) == ("v3", "v2.1")
    assert comparable(v3.data) == comparable(v21.data)


@pytest.mark.newman
def test_a_migrated_generated_collection_reads_as_its_v21_file(tmp_path, run_cli) -> None:
    collection = _generated(tmp_path, run_cli, EXAMPLE_SPEC, "--tests")
    v3 = read_collection(str(migrate(collection, tmp_path / "v3")))
    assert comparable(v3.data) == comparable(read_collection(str(collection)).data)


@pytest.mark.newman
@pytest.mark.slow
def test_klaviyo_migrated_reads_as_its_v21_file(tmp_path, run_cli) -> None:
    require_corpus()
    spec = next((path for path in klaviyo_specs() if path.name.startswith("2026-07-15")), None)
    if spec is None:
        pytest.skip("Klaviyo 2026-07-15 is not in the corpus")
    collection = _generated(tmp_path, run_cli, spec)
    directory = migrate(collection, tmp_path / "v3")
    v3 = read_collection(str(directory))
    assert comparable(v3.data) == comparable(read_collection(str(collection)).data)
    assert sum(1 for _ in directory.rglob("*.yaml")) > 2000


@pytest.mark.newman
def test_the_git_layout_and_the_collection_directory_both_read(tmp_path, v3_fork) -> None:
    repository = tmp_path / "repo"
    (repository / "postman" / "collections").mkdir(parents=True)
    shutil.copytree(v3_fork, repository / "postman" / "collections" / "My Fork")
    assert comparable(read_collection(str(repository)).data) == comparable(read_collection(str(v3_fork)).data)


def test_a_v20_collection_reads_with_v21_auth(tmp_path) -> None:
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps(
            {
                "info": {
                    "name": "Old",
                    "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json",
                },
                "auth": {"type": "bearer", "bearer": {"token": "{{token}}"}},
                "item": [
                    {
                        "name": "One",
                        "request": {
                            "method": "GET",
                            "url": "https://x.example/a",
                            "auth": {"type": "basic", "basic": {"username": "u", "password": "p"}},
                        },
                    }
                ],
            }
        )
    )
    read = read_collection(str(path))
    assert read.form == "v2.0"
    assert read.data["auth"] == {
        "type": "bearer",
        "bearer": [{"key": "token", "value": "{{token}}", "type": "string"}],
    }
    assert auth_summary(read.data["item"][0]["request"]["auth"]) == (
        "basic",
        {"username": "u", "password": "p"},
    )


# -- every command takes a v3 directory -----------------------------------------------------------------------


def _findings(run_cli: Any, *args: Any) -> list[tuple[str, str, str, str]]:
    result = run_cli("validate", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.output
    return sorted(
        (f["rule"], f["severity"], f["message"], f["item"] or "")
        for f in json.loads(result.stdout)["findings"]
    )


@pytest.mark.newman
@pytest.mark.parametrize("with_spec", [False, True], ids=["alone", "with-spec"])
def test_validate_gives_a_v3_fork_the_findings_of_its_v21_file(run_cli, v3_fork, with_spec) -> None:
    spec = ("--spec", EXAMPLE_SPEC) if with_spec else ()
    findings = _findings(run_cli, FORK, *spec)
    assert findings  # the fork's edits: a literal key, an old revision header, a misspelt field
    assert _findings(run_cli, v3_fork, *spec) == findings


@pytest.mark.newman
def test_findings_point_at_the_yaml_file_and_line(run_cli, v3_fork) -> None:
    sarif = json.loads(run_cli("validate", v3_fork, "-f", "sarif").stdout)
    results = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "auth/authorization-header"]
    assert results
    location = results[0]["locations"][0]["physicalLocation"]
    file = Path(location["artifactLocation"]["uri"])
    assert file == v3_fork / "Client" / "Create Client Event With Key.request.yaml"
    line = file.read_text().splitlines()[location["region"]["startLine"] - 1]
    assert "Authorization" in line  # the header entry the finding is about
    annotations = run_cli("validate", v3_fork, "-f", "github").stdout
    expected = f"file={file},line={location['region']['startLine']},"
    assert any(
        a.startswith("::error ") and expected in a and "authorization-header" in a
        for a in annotations.splitlines()
    )


@pytest.mark.newman
def test_diff_and_upgrade_treat_a_v3_fork_as_its_v21_file(tmp_path, run_cli, v3_fork) -> None:
    for command in (("diff",), ("diff", "--format", "json")):
        v21 = run_cli(*command, FORK, EXAMPLE_SPEC)
        v3 = run_cli(*command, v3_fork, EXAMPLE_SPEC)
        assert v3.exit_code == v21.exit_code
        assert v3.stdout.replace(str(v3_fork), "OLD") == v21.stdout.replace(str(FORK), "OLD")
    assert "broken" in v21.stdout  # the fork's misspelt field and its DELETE no spec has
    out21, out3 = tmp_path / "up21.json", tmp_path / "up3.json"
    v21 = run_cli("upgrade", FORK, "--to", EXAMPLE_SPEC, "-o", out21)
    # as a file, to compare whole (tests/test_v3.py checks the default: a v3 directory, as OLD is)
    v3 = run_cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", out3, "--collection-format", "v2.1")
    assert v3.exit_code == v21.exit_code == 0, v3.output
    assert v3.stdout.replace(str(out3), "OUT") == v21.stdout.replace(str(out21), "OUT")
    assert comparable(json.loads(out3.read_text())) == comparable(json.loads(out21.read_text()))


@pytest.mark.newman
def test_diff_of_a_v3_collection_and_its_v21_export_reports_nothing(tmp_path, run_cli, v3_fork) -> None:
    export = tmp_path / "export.postman_collection.json"
    export.write_text(json.dumps(read_collection(str(v3_fork)).data))
    result = run_cli("diff", v3_fork, export, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["summary"]["added"] == report["summary"]["removed"] == report["summary"]["changed"] == 0
    assert report["summary"]["unchanged"] == 16
    # as the v2.1 fork diffed with itself: the same endpoints, the same saved requests
    itself = json.loads(run_cli("diff", FORK, FORK, "--format", "json").stdout)
    assert report["summary"] == itself["summary"]


@pytest.mark.newman
def test_upgrade_takes_a_v3_new_and_never_writes_into_a_v3_old(tmp_path, run_cli, v3_fork) -> None:
    result = run_cli("upgrade", FORK, "--to", v3_fork, "-o", tmp_path / "out.json")
    assert result.exit_code == 0, result.output
    before = sorted(str(p) for p in v3_fork.rglob("*"))
    inside = run_cli("upgrade", v3_fork, "--to", EXAMPLE_SPEC, "-o", v3_fork / "upgraded.json")
    assert inside.exit_code == 2
    assert "refusing to write inside the input collection directory" in inside.stderr
    assert sorted(str(p) for p in v3_fork.rglob("*")) == before


@pytest.mark.newman
def test_snippet_works_on_a_v3_directory(run_cli, v3_fork) -> None:
    for language in ("curl", "python"):
        v21 = run_cli("snippet", FORK, "Get Profiles Created Date", "-l", language)
        v3 = run_cli("snippet", v3_fork, "Get Profiles Created Date", "-l", language)
        assert v3.exit_code == v21.exit_code == 0, v3.output
        assert v3.stdout == v21.stdout
    listed = run_cli("snippet", v3_fork, "--list").stdout.splitlines()
    assert listed == run_cli("snippet", FORK, "--list").stdout.splitlines()


# -- bad input: one line, exit 2 --------------------------------------------------------------------------------


def _minimal(directory: Path) -> Path:
    (directory / ".resources").mkdir(parents=True)
    (directory / ".resources" / "definition.yaml").write_text("$kind: collection\nname: Small\n")
    (directory / "Ping.request.yaml").write_text(
        "$kind: http-request\nurl: https://x.example/ping\nmethod: GET\norder: 1000\n"
    )
    return directory


def _bad_input(run_cli: Any, directory: Path, expected: str) -> None:
    for command in (
        ("validate", directory),
        ("diff", directory, directory),
        ("snippet", directory, "--list"),
    ):
        result = run_cli(*command)
        assert result.exit_code == 2, (command, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("postman-kit: error: "), result.stderr
        assert expected in lines[0]
        assert "Traceback" not in result.output


def test_a_small_handwritten_v3_collection_reads(tmp_path, run_cli) -> None:
    directory = _minimal(tmp_path / "small")
    data = read_collection(str(directory)).data
    assert [item["name"] for item in data["item"]] == ["Ping"]
    assert data["item"][0]["request"]["url"]["raw"] == "https://x.example/ping"
    assert "--url https://x.example/ping" in run_cli("snippet", directory, "Ping").stdout


def test_a_directory_without_a_definition_is_refused(tmp_path, run_cli) -> None:
    (tmp_path / "empty").mkdir()
    _bad_input(run_cli, tmp_path / "empty", "without .resources/definition.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$kind: http-request\na: &a [*a]\n", "recursive alias"),
        (
            "$kind: http-request\n"
            + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)).replace(
                "*l0", "x"
            ),
            "alias bomb",
        ),
        (
            "$kind: http-request\nbody: " + "[" * 10_000 + "]" * 10_000 + "\n",
            "nests too deeply",
        ),
        ("$kind: http-request\nurl: [unclosed\n", "invalid YAML"),
        ("- a list\n", "not a YAML mapping"),
        ("$kind: http-example\n", "$kind is 'http-example'"),
    ],
)
def test_bad_yaml_in_a_request_is_one_line(tmp_path, run_cli, text, expected) -> None:
    directory = _minimal(tmp_path / "c")
    (directory / "Ping.request.yaml").write_text(text)
    _bad_input(run_cli, directory, expected)


def test_a_symlink_out_of_the_directory_is_never_followed(tmp_path, run_cli) -> None:
    secret = tmp_path / "outside.request.yaml"
    secret.write_text("$kind: http-request\nurl: https://x.example/secret\nmethod: GET\n")
    directory = _minimal(tmp_path / "c")
    os.symlink(secret, directory / "Secret.request.yaml")
    _bad_input(run_cli, directory, "a symbolic link out of the collection directory")
    os.unlink(directory / "Secret.request.yaml")
    os.symlink(directory / ".resources", directory / "Folder")
    _bad_input(run_cli, directory, "a symbolic link to a directory")


def test_a_fifo_named_as_a_request_is_refused_not_skipped(tmp_path, run_cli) -> None:
    """Never opened (it would hang), and never silently left out of what the commands see."""
    directory = _minimal(tmp_path / "c")
    os.mkfifo(directory / "Piped.request.yaml")
    _bad_input(run_cli, directory, "not a regular file")


def test_folders_nested_past_the_limit_are_refused(tmp_path, run_cli) -> None:
    directory = _minimal(tmp_path / "c")
    folder = directory
    for _ in range(300):
        folder = folder / "f"
        (folder / ".resources").mkdir(parents=True)
        (folder / ".resources" / "definition.yaml").write_text("$kind: collection\n")
    _bad_input(run_cli, directory, "folders nest deeper than 254 levels")


def test_too_many_files_are_refused(tmp_path, monkeypatch) -> None:
    directory = _minimal(tmp_path / "c")
    for index in range(5):
        (directory / f"R{index}.request.yaml").write_text("$kind: http-request\nurl: https://x.example\n")
    monkeypatch.setattr("postman_kit.collection_files.MAX_V3_FILES", 4)
    with pytest.raises(InputError, match="more than 4 files"):
        read_collection(str(directory))


@pytest.mark.newman
def test_an_edit_made_in_git_is_found_at_its_line(tmp_path, run_cli, v3_fork) -> None:
    """A user edits a request file by hand, as in a pull request: the finding points at the edited line."""
    fork = tmp_path / "fork"
    shutil.copytree(v3_fork, fork)
    request = fork / "Events" / "Get Events.request.yaml"
    text = request.read_text()
    assert 'value: "{{revision}}"' in text
    request.write_text(text.replace('value: "{{revision}}"', "value: 2024-02-15", 1))
    edited_line = next(
        number for number, line in enumerate(request.read_text().splitlines(), 1) if "2024-02-15" in line
    )
    result = run_cli("validate", fork, "-f", "json")
    found = [
        f
        for f in json.loads(result.stdout)["findings"]
        if f["rule"] == "revision/header" and f["item"] == "Events/Get Events"
    ]
    assert len(found) == 1 and "2024-02-15" in found[0]["message"]
    assert Path(found[0]["file"]) == request
    assert found[0]["line"] == edited_line
