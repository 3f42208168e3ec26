"""diff and upgrade as processes: deepdiff imported only when needed (from the CLI without numpy/pydantic
support), and the program's output whole and its exit status right when it ends without teardown."""

from __future__ import annotations

import gc
import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from postman_kit.diff import diff
from tests.tools import run_program


def run_python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.strip()


needs_numpy = pytest.mark.skipif(importlib.util.find_spec("numpy") is None, reason="numpy is not installed")


@needs_numpy
def test_lean_import_leaves_numpy_importable_afterwards():
    out = run_python(
        "import sys\n"
        "from postman_kit.diff.classify import _deep_diff, lean_deepdiff_import\n"
        "with lean_deepdiff_import():\n"
        "    _deep_diff()\n"
        "import deepdiff.helper\n"
        "print('numpy' in sys.modules, deepdiff.helper.np is None)\n"
        "import numpy\n"
        "print(numpy.__name__)\n"
    )
    assert out.splitlines() == ["False True", "numpy"]


@needs_numpy
def test_library_callers_get_deepdiff_as_they_would_import_it():
    out = run_python(
        "import numpy\nfrom postman_kit.diff.classify import _deep_diff\n_deep_diff()\n"
        "import deepdiff.helper\nprint(deepdiff.helper.np is numpy)\n"
    )
    assert out == "True"


def diff_in_a_fresh_process(old: Path, new: Path, printed: str) -> str:
    """What a new interpreter prints of `printed` (an expression of `report` and `sys`) after diffing OLD, NEW."""
    return run_python(
        "import sys\n"
        "from datetime import date\n"
        "from postman_kit.diff import diff\n"
        f"report = diff({str(old)!r}, {str(new)!r}, today=date(2026, 11, 23))\n"
        f"print({printed})\n"
    )


def test_diff_of_a_spec_with_itself_never_imports_deepdiff(example_spec):
    out = diff_in_a_fresh_process(
        example_spec,
        example_spec,
        "report.has_differences, 'deepdiff' in sys.modules, 'jsonschema' in sys.modules",
    )
    assert out == "False False False"


def test_changes_between_revisions_are_found_without_importing_deepdiff(example_spec: Path, tmp_path: Path):
    older = yaml.safe_load(example_spec.read_text())
    older["components"]["parameters"]["CompanyId"]["required"] = False
    old_spec = tmp_path / "old.json"
    old_spec.write_text(json.dumps(older))
    out = diff_in_a_fresh_process(
        old_spec,
        example_spec,
        "sorted({c.kind for o in report.changed for c in o.changes}), 'deepdiff' in sys.modules",
    )
    assert out == "['parameter-required'] False"


def test_the_programs_end_with_their_output_whole_and_the_right_status(example_spec: Path, tmp_path: Path):
    older = yaml.safe_load(example_spec.read_text())
    del older["paths"]["/api/flows/{id}"]
    old_spec = tmp_path / "old.json"
    old_spec.write_text(json.dumps(older))
    diffed = run_program(
        "diff", str(old_spec), str(example_spec), "--format", "json", "--fail-on", "any", timeout=60
    )
    assert diffed.returncode == 1, diffed.stderr
    assert [e["path"] for e in json.loads(diffed.stdout)["added"]] == ["/api/flows/{id}"]
    out = tmp_path / "upgraded.json"
    upgraded = run_program(
        "upgrade", str(old_spec), "--to", str(example_spec), "-o", str(out), "--format", "json", timeout=60
    )
    assert upgraded.returncode == 0, upgraded.stderr
    assert json.loads(upgraded.stdout)["output"] == str(out)
    shipped = example_spec.parent / "acme-marketing-api-v2026-07-15.postman_collection.json"
    assert out.read_bytes() == shipped.read_bytes()


def test_diff_leaves_the_garbage_collector_as_it_found_it_with_nothing_young_to_walk(example_spec: Path):
    assert gc.isenabled()
    diff(str(example_spec), str(example_spec), today=date(2026, 11, 23))
    assert gc.isenabled() and gc.get_count()[0] < 700  # below the threshold of a young-generation pass
    gc.disable()
    try:
        diff(str(example_spec), str(example_spec), today=date(2026, 11, 23))
        assert not gc.isenabled()
    finally:
        gc.enable()
