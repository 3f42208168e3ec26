"""Schemathesis against the sandbox serving Klaviyo's 2026-07-15 spec with a key: every operation, a few
seeded examples each (positive and negative). No 5xx, no exception in the server's log, every answer of a
documented status and content type, and valid against its schema (oneOf read as "at least one", since
Klaviyo's branches overlap: such answers are counted apart, see tests/sandbox_fuzzing.py).
`python benchmarks/fuzz_sandbox.py` runs it longer."""

from __future__ import annotations

import pytest

from tests.sandbox_fuzzing import fuzz_sandbox
from tests.tools import CORPUS

SPEC = CORPUS / "klaviyo" / "stable" / "2026-07-15.json"
pytestmark = [pytest.mark.slow, pytest.mark.corpus]


def test_a_seeded_schemathesis_run_finds_no_fault() -> None:
    if not SPEC.exists():
        pytest.skip("../shared/corpus is absent")
    report = fuzz_sandbox(SPEC, examples=2, seed=18)
    assert report.operations >= 340
    assert report.calls >= 2 * report.operations * 0.9
    assert not [status for status in report.statuses if status >= 500], report.statuses
    assert report.server_errors == []
    # the run reaches the resources, not only the doors
    assert sum(n for status, n in report.statuses.items() if 200 <= status < 300) >= report.operations / 2
    assert report.failures == {}
