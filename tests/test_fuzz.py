"""Fuzzing every command with mutated real inputs: whatever a spec, a collection, an environment or a newman report
holds, a command exits 0, 1 or 2, says what is wrong in one line, prints no traceback, leaves no partial or temp
file, never changes an input, and finishes in bounded time.

The default suite runs a small, derandomized budget (the same examples every run). A long run:
`POSTMAN_KIT_FUZZ_EXAMPLES=10000 python -m pytest -m fuzz -p no:cacheprovider` (random examples, that many per
test; `benchmarks/fuzz_long.py` runs such a long run past failures and logs each). Commands run in-process through click's CliRunner with catch_exceptions=False, so an unexpected exception
fails the example with its traceback; a few fixed mutants also run through the real program.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import fuzzing
from tests.fuzzing import (
    DOCUMENTS,
    KINDS,
    TEXT_INSERTS,
    WALL_SECONDS_PER_COMMAND,
    Mutation,
    Workspace,
    check_outcome,
    children_cpu,
    commands,
    digest,
)
from tests.tools import CORPUS, EXAMPLE_SPEC, ROOT, run_program

pytestmark = pytest.mark.fuzz

_LONG_RUN = os.environ.get("POSTMAN_KIT_FUZZ_EXAMPLES")


def fuzz_settings(default_examples: int) -> Callable[[Any], Any]:
    """A fixed, small budget by default; POSTMAN_KIT_FUZZ_EXAMPLES=N runs N random examples per test."""
    return settings(
        max_examples=int(_LONG_RUN) if _LONG_RUN else default_examples,
        derandomize=not _LONG_RUN,
        deadline=None,  # time is bounded per command below, with a message naming the command
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


mutations = st.lists(
    st.builds(Mutation, st.integers(0, 10**6), st.sampled_from(KINDS), st.integers(0, 10**6)),
    min_size=1,
    max_size=3,
)


@pytest.fixture(scope="module")
def workspace() -> Any:
    space = Workspace()
    yield space
    space.remove()


@pytest.mark.parametrize(
    ("kind", "examples"), [("spec", 6), ("collection", 6), ("environment", 10), ("report", 20)]
)
def test_every_command_survives_a_mutated_document(workspace: Workspace, kind: str, examples: int) -> None:
    original = DOCUMENTS[kind]()

    @fuzz_settings(examples)
    @given(mutations)
    def run(changes: list[Mutation]) -> None:
        workspace.run_all(kind, fuzzing.dumps(fuzzing.apply(original, changes)))

    run()


@fuzz_settings(8)
@given(st.integers(0, 10**6), st.sampled_from(TEXT_INSERTS), st.integers(0, 40))
def test_a_damaged_yaml_spec_is_refused_in_one_line_or_read(offset: int, insert: bytes, cut: int) -> None:
    space = Workspace()
    try:
        raw = fuzzing.mutate_text(EXAMPLE_SPEC.read_bytes(), offset, insert, cut)
        space.run_all("spec", raw, suffix=".yaml")
    finally:
        space.remove()


def corpus_specs() -> list[Path]:
    folder = CORPUS / "openapi-examples"
    return sorted(folder.glob("*.yaml")) if folder.is_dir() else []


@pytest.mark.corpus
@pytest.mark.skipif(not corpus_specs(), reason="../shared/corpus is absent")
def test_mutated_corpus_specs_generate_and_diff_cleanly(workspace: Workspace) -> None:
    specs = [yaml.safe_load(path.read_text()) for path in corpus_specs()]

    @fuzz_settings(8)
    @given(st.integers(0, len(specs) - 1), mutations)
    def run(which: int, changes: list[Mutation]) -> None:
        workspace.run_all("spec", fuzzing.dumps(fuzzing.apply(specs[which], changes)))

    run()


# A few mutants through the real program: its entry point ends one-shot commands without the interpreter's
# teardown, and the subprocess timeout bounds a hang the in-process runs cannot interrupt.
PROGRAM_MUTANTS = [
    ("spec", [Mutation(3, "retype", 36)]),  # a number of 5,000 digits
    ("spec", [Mutation(40, "retype", 23)]),  # `[` × 5000
    ("collection", [Mutation(7, "deepen", 39)]),  # folders nested 40 deep, then more
    ("collection", [Mutation(12, "retype", 37)]),  # an array nested 3,000 deep
    ("report", [Mutation(30, "retype", 12)]),  # "abc" where a code or a time belongs
]


@pytest.mark.parametrize(("kind", "changes"), PROGRAM_MUTANTS)
def test_the_program_survives_fixed_mutants(tmp_path: Path, kind: str, changes: list[Mutation]) -> None:
    space = Workspace()
    try:
        mutant = space.inputs / "mutant.json"
        mutant.write_bytes(fuzzing.dumps(fuzzing.apply(DOCUMENTS[kind](), changes)))
        before = digest(space.inputs)
        for args in commands(kind, mutant, space.inputs, space.out):
            shutil.rmtree(space.out, ignore_errors=True)
            space.out.mkdir()
            started, cpu = time.monotonic(), children_cpu()
            result = run_program(*args, timeout=WALL_SECONDS_PER_COMMAND)
            check_outcome(
                args,
                result.returncode,
                result.stdout,
                result.stderr,
                space.out,
                children_cpu() - cpu,
                time.monotonic() - started,
            )
        assert digest(space.inputs) == before
    finally:
        space.remove()


def test_the_long_run_script_runs_each_kind_and_replays_a_log(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("fuzz_long", ROOT / "benchmarks" / "fuzz_long.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["environment", "--cases", "3", "--out", str(tmp_path)]) == 0
    assert not list(tmp_path.glob("*.jsonl"))  # no failure, no log
    log = tmp_path / "logged.jsonl"
    log.write_text(
        json.dumps({"kind": "report", "index": 0, "case": [[1, "retype", 12]], "error": ""}) + "\n"
    )
    assert script.main(["--replay", str(log)]) == 0
