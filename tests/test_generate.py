"""`postman-kit generate` as a user runs it: the three files, their names and shape, determinism, safe writes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from postman_kit import generate, writer
from postman_kit.errors import InputError
from tests.support.generate import OK, assert_one_line_error, minimal_spec, write_spec
from tests.tools import run_program

EXAMPLE_FILES = (
    "acme-marketing-api-v2026-07-15.postman_collection.json",
    "acme-marketing-api-v2026-07-15.postman_environment.json",
    "acme-marketing-api.postman_globals.json",
)


def test_generate_writes_collection_environment_and_globals(
    run_cli, example_spec: Path, tmp_path: Path
) -> None:
    result = run_cli("generate", example_spec, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXAMPLE_FILES)
    assert "(Stable) Acme Marketing API (v2026-07-15): 17 requests in 7 folders" in result.stdout
    for name in EXAMPLE_FILES:
        assert f"wrote {tmp_path / name}" in result.stdout

    collection = json.loads((tmp_path / EXAMPLE_FILES[0]).read_text())
    assert (
        collection["info"]["schema"] == "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    )
    assert collection["info"]["name"] == "(Stable) Acme Marketing API (v2026-07-15)"

    environment = json.loads((tmp_path / EXAMPLE_FILES[1]).read_text())
    assert environment["_postman_variable_scope"] == "environment"
    assert environment["values"] == [
        {"key": "baseUrl", "value": "https://a.acme-marketing.example", "type": "default", "enabled": True},
        {"key": "privateKey", "value": "", "type": "secret", "enabled": True},
    ]

    globals_file = json.loads((tmp_path / EXAMPLE_FILES[2]).read_text())
    assert globals_file["_postman_variable_scope"] == "globals"
    assert globals_file["values"] == [{"key": "companyId", "value": "", "type": "default", "enabled": True}]


def test_the_installed_program_ends_with_its_output_whole(example_spec: Path, tmp_path: Path) -> None:
    # As a shell runs it: the process ends without the interpreter's teardown once the files are written, so what
    # it printed into a pipe or file and what it wrote must both be complete, and its status right.
    done = run_program("generate", str(example_spec), "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[0] == "(Stable) Acme Marketing API (v2026-07-15): 17 requests in 7 folders"
    )
    assert [line.split("/")[-1] for line in done.stdout.splitlines()[1:]] == list(EXAMPLE_FILES)
    shipped = example_spec.parent / EXAMPLE_FILES[0]
    assert (tmp_path / EXAMPLE_FILES[0]).read_bytes() == shipped.read_bytes()

    failed = run_program("generate", str(tmp_path / "missing.json"))
    assert failed.returncode == 2
    assert failed.stderr.strip() == f"postman-kit: error: {tmp_path / 'missing.json'}: no such file"


def test_shipped_example_collection_is_what_generate_writes(
    run_cli, example_spec: Path, tmp_path: Path
) -> None:
    run_cli("generate", example_spec, "--out", tmp_path)
    for name in EXAMPLE_FILES:
        assert (tmp_path / name).read_bytes() == (example_spec.parent / name).read_bytes(), (
            f"collections/{name} is stale: run `postman-kit generate collections/example-api.openapi.yaml`"
        )


def test_default_output_folder_is_collections(
    run_cli, example_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("generate", example_spec).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "collections").iterdir()) == sorted(EXAMPLE_FILES)


def test_base_url_option_overrides_servers(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path, "--base-url", "http://127.0.0.1:9999/")
    environment = json.loads((tmp_path / EXAMPLE_FILES[1]).read_text())
    assert environment["values"][0] == {
        "key": "baseUrl",
        "value": "http://127.0.0.1:9999",
        "type": "default",
        "enabled": True,
    }


def test_spec_without_servers_warns_and_leaves_base_url_empty(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec()
    del doc["servers"]
    result = run_cli("generate", write_spec(tmp_path, doc), "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "warning: the spec has no servers" in result.stderr
    assert "1 warning(s)" in result.stdout
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert environment["values"][0]["value"] == ""


def test_a_server_url_without_a_scheme_is_sent_over_https(run_cli, tmp_path: Path) -> None:
    """Rebilly's `servers: [{url: //api.rebilly.com/v2.1}]` went into baseUrl as written: newman read it as
    `http:////api…` and sent none of its 246 requests."""
    doc = minimal_spec()
    doc["servers"] = [{"url": "//api.example.test/v2.1"}]
    result = run_cli("generate", write_spec(tmp_path, doc), "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "server URL '//api.example.test/v2.1' names no scheme; https is assumed" in result.stderr
    environment = json.loads((tmp_path / "out" / "test-api-v1.0.postman_environment.json").read_text())
    assert environment["values"][0]["value"] == "https://api.example.test/v2.1"


def test_a_parameter_in_a_place_openapi_does_not_have_is_skipped_with_a_warning(
    run_cli, tmp_path: Path
) -> None:
    """`in: querystring` (OpenAPI 3.2's) or `in: body` (Swagger 2's) in a 3.x spec: no request can place it, so it
    is left out, and said so, instead of silently."""
    odd = {"name": "filter", "in": "querystring", "required": True, "schema": {"type": "string"}}
    doc = minimal_spec({"/q": {"get": {"summary": "Q", "parameters": [odd], "responses": OK}}})
    result = run_cli("generate", write_spec(tmp_path, doc), "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "warning: GET /q: skipped parameter 'filter' in 'querystring'" in result.stderr


def test_a_spec_of_webhooks_only_says_why_its_collection_is_empty(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec({})
    doc["openapi"] = "3.1.0"
    doc["webhooks"] = {"newPet": {"post": {"summary": "New pet", "responses": OK}}}
    result = run_cli("generate", write_spec(tmp_path, doc), "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "no operations under `paths`" in result.stderr and "1 webhook(s)" in result.stderr


def test_strict_turns_warnings_into_an_error_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec()
    del doc["servers"]
    spec = write_spec(tmp_path, doc)
    result = run_cli("generate", spec, "--out", tmp_path / "out", "--strict")
    assert_one_line_error(result, str(spec), "--strict", "no servers")
    assert not (tmp_path / "out").exists()


def test_quiet_prints_nothing(run_cli, example_spec: Path, tmp_path: Path) -> None:
    result = run_cli("generate", example_spec, "--out", tmp_path, "--quiet")
    assert result.exit_code == 0 and result.output == ""


def test_two_runs_are_byte_identical(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path / "a")
    run_cli("generate", example_spec, "--out", tmp_path / "b")
    for name in EXAMPLE_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_json_and_yaml_of_the_same_spec_give_identical_files(run_cli, tmp_path: Path) -> None:
    doc = minimal_spec()
    run_cli("generate", write_spec(tmp_path, doc, "spec.yaml"), "--out", tmp_path / "yaml")
    run_cli("generate", write_spec(tmp_path, doc, "spec.json"), "--out", tmp_path / "json")
    for path in (tmp_path / "yaml").iterdir():
        assert path.read_bytes() == (tmp_path / "json" / path.name).read_bytes()


def test_output_is_indented_json_ending_in_a_newline(run_cli, example_spec: Path, tmp_path: Path) -> None:
    run_cli("generate", example_spec, "--out", tmp_path)
    text = (tmp_path / EXAMPLE_FILES[0]).read_text()
    assert text.startswith('{\n  "info": {\n') and text.endswith("}\n")


def test_never_overwrites_the_input_file(run_cli, tmp_path: Path) -> None:
    # A spec that happens to carry the name generate would give its globals file, in the output folder.
    spec = write_spec(tmp_path, minimal_spec(), "test-api.postman_globals.json")
    before = spec.read_bytes()
    result = run_cli("generate", spec, "--out", tmp_path)
    assert_one_line_error(result, str(spec), "refusing to overwrite an input file")
    assert spec.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test-api.postman_globals.json"]


def test_an_unwritable_output_folder_fails_in_one_line(run_cli, example_spec: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run_cli("generate", example_spec, "--out", blocker / "out")
    assert result.exit_code == 2
    assert result.stderr.startswith("postman-kit: error: ") and len(result.stderr.strip().splitlines()) == 1


def test_a_failed_write_leaves_the_previous_file_whole_and_no_temp_files(
    example_spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(str(example_spec), tmp_path)
    target = tmp_path / EXAMPLE_FILES[0]
    before = target.read_bytes()

    def failing_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", failing_replace)
    with pytest.raises(InputError, match="cannot write output: No space left on device"):
        generate(str(example_spec), tmp_path, None)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(EXAMPLE_FILES)


def test_output_files_get_the_usual_permissions(example_spec: Path, tmp_path: Path) -> None:
    generate(str(example_spec), tmp_path)
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / EXAMPLE_FILES[0]).stat().st_mode & 0o777 == 0o666 & ~mask


def test_python_api_returns_what_it_wrote(example_spec: Path, tmp_path: Path) -> None:
    result = generate(str(example_spec), tmp_path)
    assert [p.name for p in result.files] == list(EXAMPLE_FILES)
    assert result.build.revision == "2026-07-15" and result.build.channel == "stable"
    assert result.warnings == []


def test_spec_copied_elsewhere_generates_the_same_collection(
    run_cli, example_spec: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.yaml"
    shutil.copyfile(example_spec, copy)
    run_cli("generate", example_spec, "--out", tmp_path / "a")
    run_cli("generate", copy, "--out", tmp_path / "b")
    assert (tmp_path / "a" / EXAMPLE_FILES[0]).read_bytes() == (
        tmp_path / "b" / EXAMPLE_FILES[0]
    ).read_bytes()


def test_accented_titles_keep_their_letters_in_file_names_and_a_root_server_is_named_as_written(
    tmp_path: Path, run_cli
) -> None:
    """`Café API` made `caf-api-…` files; a server `url: /` was warned about as ''."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Café Ünïcode API, version: '1'}\nservers: [{url: /}]\n"
        "paths:\n  /a: {get: {responses: {'200': {description: ok}}}}\n"
    )
    result = run_cli("generate", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "cafe-unicode-api-v1.postman_collection.json").exists()
    assert "server URL '/' is relative" in result.stderr
