"""Fuzzing every command with mutated real inputs: whatever a spec, a collection, an environment or a newman report
holds, a command exits 0, 1 or 2, says what is wrong in one line, prints no traceback, leaves no partial or temp
file, never changes an input, and finishes in bounded time.

The default suite runs a small, derandomized budget (the same examples every run). A long run:
`POSTMAN_KIT_FUZZ_EXAMPLES=10000 python -m pytest -m fuzz -p no:cacheprovider` (random examples, that many per
test). Commands run in-process through click's CliRunner with catch_exceptions=False, so an unexpected exception
fails the example with its traceback; a few fixed mutants also run through the real program.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postman_kit.cli import cli
from tests import fuzzing
from tests.fuzzing import KINDS, Mutation
from tests.support.logstore import newman_execution, newman_report
from tests.tools import CORPUS, EXAMPLE_SPEC, ROOT, run_program

pytestmark = pytest.mark.fuzz

FORK = ROOT / "tests" / "fixtures" / "forks" / "klaviyo-2023-10-15-fork.postman_collection.json"
ENVIRONMENT = ROOT / "collections" / "acme-marketing-api-v2026-07-15.postman_environment.json"
# A command's work is bounded by CPU time (a loop, a bomb), so a loaded machine does not fail the suite; a wait
# (a FIFO, a lock) by the wall clock, six times as long.
SECONDS_PER_COMMAND = 10
WALL_SECONDS_PER_COMMAND = 60
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


def sample_report() -> dict[str, Any]:
    return newman_report(
        [
            newman_execution(
                "Profiles",
                ["api", "profiles", ":id"],
                ["api", "profiles", "01GDD"],
                404,
                response_body='{"errors": [{"status": "404", "code": "not_found"}]}',
            ),
            newman_execution(
                "Events",
                ["api", "events"],
                ["api", "events"],
                202,
                method="POST",
                body='{"a": 1}',
                query=[{"key": "filter", "value": "equals(a,1)"}],
            ),
        ]
    )


DOCUMENTS: dict[str, Callable[[], Any]] = {
    "spec": lambda: yaml.safe_load(EXAMPLE_SPEC.read_text()),
    "collection": lambda: json.loads(FORK.read_text()),
    "environment": lambda: json.loads(ENVIRONMENT.read_text()),
    "report": sample_report,
}


def commands(kind: str, mutant: Path, inputs: Path, out: Path) -> list[list[str]]:
    """Every command that reads a document of this kind, the mutant in its place."""
    spec, fork, data = str(inputs / "spec.json"), str(inputs / "fork.json"), str(out / "data")
    m = str(mutant)
    return {
        "spec": [
            ["generate", m, "-o", str(out), "-q"],
            ["validate", fork, "--spec", m],
            ["diff", fork, m],
            ["upgrade", fork, "--to", m, "-o", str(out / "up.json")],
            ["logs", "import", str(inputs / "report.json"), "--spec", m, "--data", data],
        ],
        "collection": [
            ["validate", m],
            ["validate", m, "--spec", spec, "-o", str(out / "report.txt")],
            ["diff", m, spec, "--format", "json"],
            ["upgrade", m, "--to", spec, "-o", str(out / "up.json")],
            ["snippet", m, "--list"],
            ["snippet", m, "Get Events", "-l", "python"],
            ["diff", spec, m],
        ],
        "environment": [["validate", fork, "-e", m], ["snippet", fork, "Get Events", "-e", m]],
        "report": [["logs", "import", m, "--data", data]],
    }[kind]


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def check_outcome(
    args: list[str], exit_code: int, stdout: str, stderr: str, out: Path, cpu: float, wall: float
) -> None:
    """What a user relies on after any command, whatever its input held."""
    shown = " ".join(a if len(a) < 80 else a[:77] + "..." for a in args)
    assert exit_code in (0, 1, 2), f"{shown}: exit {exit_code}\n{stderr[-2000:]}"
    assert "Traceback" not in stdout + stderr, f"{shown}:\n{stderr[-3000:]}"
    if exit_code == 2:
        assert stderr.count("\n") == 1 and stderr.startswith("postman-kit: error: "), f"{shown}: {stderr!r}"
        left = [p for p in out.rglob("*") if p.is_file()] if out.exists() else []
        assert not left, f"{shown}: exit 2 yet wrote {left}"
    temp = [p for p in out.rglob("*") if p.name.endswith(".tmp")] if out.exists() else []
    assert not temp, f"{shown}: left temp files {temp}"
    assert cpu < SECONDS_PER_COMMAND, f"{shown}: took {cpu:.1f} s of CPU"
    assert wall < WALL_SECONDS_PER_COMMAND, f"{shown}: took {wall:.1f} s"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class Workspace:
    """The real inputs in a temp directory, and an output directory emptied before each command."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="pk-fuzz-"))
        self.inputs = self.root / "inputs"
        self.inputs.mkdir()
        (self.inputs / "spec.json").write_text(json.dumps(DOCUMENTS["spec"]()))
        shutil.copy(FORK, self.inputs / "fork.json")
        (self.inputs / "report.json").write_text(json.dumps(sample_report()))
        self.out = self.root / "out"
        self.runner = CliRunner()

    def run_all(self, kind: str, mutant_bytes: bytes, suffix: str = ".json") -> None:
        mutant = self.inputs / f"mutant{suffix}"
        mutant.write_bytes(mutant_bytes)
        before = digest(self.inputs)
        for args in commands(kind, mutant, self.inputs, self.out):
            shutil.rmtree(self.out, ignore_errors=True)
            self.out.mkdir()
            started, cpu = time.monotonic(), time.process_time()
            result = self.runner.invoke(cli, args, catch_exceptions=False)
            check_outcome(
                args,
                result.exit_code,
                result.stdout,
                result.stderr,
                self.out,
                time.process_time() - cpu,
                time.monotonic() - started,
            )
        assert digest(self.inputs) == before, f"{kind}: a command changed an input"
        mutant.unlink()


@pytest.fixture(scope="module")
def workspace() -> Any:
    space = Workspace()
    yield space
    shutil.rmtree(space.root, ignore_errors=True)


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


TEXT_INSERTS = [
    b"\x00",
    b"\t",
    b"\r",
    b"\xff\xfe",
    b"*a",
    b"&a [*a, *a]",
    b"\n  - ",
    b": :",
    b"{",
    b"]",
    b"\\ud800",
    b'"\\ud800"',
    b"9" * 5000,
    b"[" * 3000,
    b"---\n",
    b"!!python/object:os.system",
]


@fuzz_settings(8)
@given(st.integers(0, 10**6), st.sampled_from(TEXT_INSERTS), st.integers(0, 40))
def test_a_damaged_yaml_spec_is_refused_in_one_line_or_read(offset: int, insert: bytes, cut: int) -> None:
    space = Workspace()
    try:
        raw = fuzzing.mutate_text(EXAMPLE_SPEC.read_bytes(), offset, insert, cut)
        space.run_all("spec", raw, suffix=".yaml")
    finally:
        shutil.rmtree(space.root, ignore_errors=True)


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
            started, cpu = time.monotonic(), _children_cpu()
            result = run_program(*args, timeout=WALL_SECONDS_PER_COMMAND)
            check_outcome(
                args,
                result.returncode,
                result.stdout,
                result.stderr,
                space.out,
                _children_cpu() - cpu,
                time.monotonic() - started,
            )
        assert digest(space.inputs) == before
    finally:
        shutil.rmtree(space.root, ignore_errors=True)
