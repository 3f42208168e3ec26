"""The program's process policy stays at its entry point: the library leaves the interpreter as it found it."""

from __future__ import annotations

import gc
import json
from pathlib import Path

from postman_kit import generate
from postman_kit.cli import LONG_RUNNING, command_name
from tests.tools import run_program

EXAMPLE = Path(__file__).resolve().parent.parent / "collections" / "example-api.openapi.yaml"


def test_the_library_leaves_the_garbage_collector_as_the_caller_had_it(tmp_path: Path) -> None:
    assert gc.isenabled()
    generate(str(EXAMPLE), tmp_path)
    assert gc.isenabled()
    gc.disable()
    try:
        generate(str(EXAMPLE), tmp_path / "again")
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_servers_keep_the_interpreter_as_is_one_shot_commands_do_not() -> None:
    assert command_name(["sandbox", "spec.json", "--port", "0"]) in LONG_RUNNING
    assert command_name(["--version"]) is None
    for args in (["generate", "spec.json"], ["-h"], ["logs", "search"], ["validate", "-"]):
        assert command_name(args) not in LONG_RUNNING


def test_a_one_shot_program_writes_everything_before_it_ends(tmp_path: Path) -> None:
    result = run_program("generate", str(EXAMPLE), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "requests" in result.stdout  # the summary printed after the files are written is flushed
    collections = list(tmp_path.glob("*.postman_collection.json"))
    assert len(collections) == 1
    assert json.loads(collections[0].read_text())["item"]


def test_a_failing_one_shot_program_reports_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = run_program("generate", str(missing), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("postman-kit: error: ")
    assert not (tmp_path / "out").exists()
