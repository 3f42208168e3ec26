"""What the diff and upgrade commands import: deepdiff without numpy/pydantic support, and only when needed."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest


def run_python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    return done.stdout.strip()


def test_lean_import_leaves_numpy_importable_afterwards():
    if importlib.util.find_spec("numpy") is None:
        pytest.skip("numpy is not installed")
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


def test_library_callers_get_deepdiff_as_they_would_import_it():
    if importlib.util.find_spec("numpy") is None:
        pytest.skip("numpy is not installed")
    out = run_python(
        "import numpy\n"
        "from postman_kit.diff.classify import _deep_diff\n"
        "_deep_diff()\n"
        "import deepdiff.helper\n"
        "print(deepdiff.helper.np is numpy)\n"
    )
    assert out == "True"


def test_diff_of_a_spec_with_itself_never_imports_deepdiff(example_spec):
    out = run_python(
        "import sys\n"
        "from datetime import date\n"
        "from postman_kit.diff import diff\n"
        f"report = diff({str(example_spec)!r}, {str(example_spec)!r}, today=date(2026, 11, 23))\n"
        "print(report.has_differences, 'deepdiff' in sys.modules, 'jsonschema' in sys.modules)\n"
    )
    assert out == "False False False"
