"""Spec checking: cheap checks always, the full OpenAPI validator only on request, its findings as warnings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.support.generate import OK, assert_one_line_error, minimal_spec, write_spec


def spec_with_a_schema_problem() -> dict:
    paths = {
        "/things": {
            "get": {
                "summary": "List things",
                "parameters": [
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": "one"}}
                ],
                "responses": OK,
            }
        }
    }
    return minimal_spec(paths)


def test_default_generate_does_not_run_the_full_validator(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "generate", write_spec(tmp_path, spec_with_a_schema_problem()), "--out", tmp_path / "out"
    )
    assert result.exit_code == 0
    assert "spec validation" not in result.stderr


def test_validate_reports_problems_as_warnings_and_still_writes(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, spec_with_a_schema_problem())
    result = run_cli("generate", spec, "--out", tmp_path / "out", "--validate")
    assert result.exit_code == 0, result.output
    assert "warning: spec validation: " in result.stderr and "'one'" in result.stderr
    assert "warning(s)" in result.stdout
    assert (tmp_path / "out" / "test-api-v1.0.postman_collection.json").exists()


def test_validate_with_strict_is_an_error_and_writes_nothing(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, spec_with_a_schema_problem())
    result = run_cli("generate", spec, "--out", tmp_path / "out", "--validate", "--strict")
    assert_one_line_error(result, str(spec), "--strict", "spec validation")
    assert not (tmp_path / "out").exists()


def test_a_valid_spec_passes_validate_strict(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "generate", write_spec(tmp_path, minimal_spec()), "--out", tmp_path, "--validate", "--strict"
    )
    assert result.exit_code == 0, result.output


def test_generating_from_json_imports_neither_validators_nor_yaml_nor_the_web_stack(tmp_path: Path) -> None:
    """The default path stays fast: heavy modules load only when a feature asks for them."""
    spec = write_spec(tmp_path, minimal_spec(), "spec.json")
    probe = (
        "import sys\n"
        "from postman_kit.cli import cli\n"
        f"cli(['generate', {str(spec)!r}, '--out', {str(tmp_path / 'out')!r}, '--quiet'], standalone_mode=False)\n"
        "heavy = ['openapi_spec_validator', 'jsonschema', 'yaml', 'starlette', 'uvicorn', 'sqlalchemy', 'httpx',\n"
        "         'urllib.request', 'deepdiff']\n"
        "print(json.dumps(sorted(m for m in heavy if m in sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_commands_that_build_no_collection_do_not_load_the_generator() -> None:
    """`import postman_kit` loaded the whole generator (60-70 ms) before `snippet`, `logs`, `activity`,
    `validate` or `sandbox` started; the package's names now load on first use, and the public API is unchanged."""
    probe = (
        "import sys\n"
        "import postman_kit.cli\n"
        "for name in ('snippet', 'logs', 'activity', 'validate', 'sandbox'):\n"
        "    postman_kit.cli.cli.get_command(None, name)\n"
        "print('postman_kit.generation' in sys.modules)\n"
        "from postman_kit import generate, GenerateOptions\n"
        "import postman_kit.generation.build\n"
        "from postman_kit import generate as again\n"
        "print(callable(generate) and again is generate is postman_kit.generation.generate)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True"]


def test_a_path_that_breaks_the_full_validator_is_a_warning_not_a_traceback(tmp_path: Path) -> None:
    """A FastAPI app's paths `/user/auth}` and `/user/{me` (stray braces): openapi-spec-validator's path parser
    raised a ValueError out of `generate --validate`, a traceback with exit 1."""
    paths = {"/user/auth}": {"get": {"responses": OK}}, "/user/{me": {"get": {"responses": OK}}}
    spec = write_spec(tmp_path, minimal_spec(paths))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from postman_kit.cli import main; main()",
            "generate",
            str(spec),
            "--validate",
            "-o",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "warning: spec validation: the validator stopped" in result.stderr
    assert (
        "path /user/{me: a brace that opens or closes no path parameter is sent as written" in result.stderr
    )
    assert "path /user/auth}: a brace" in result.stderr
