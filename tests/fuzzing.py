"""Mutations of real inputs for the fuzz suite: what a careless user or an attacker does to a spec, a collection,
an environment or a newman report, applied to the parsed document and written back as text.

A mutation is plain data (`Mutation(target, kind, payload)`) so Hypothesis can draw and shrink it: `target` picks
a node of the document in walk order (modulo the node count), `kind` what to do to it, `payload` with what.
Values no `json.dumps` can write (integers of thousands of digits, nesting thousands deep) travel as marker
strings replaced in the written text.
"""

from __future__ import annotations

import copy
import hashlib
import json
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from postman_kit.cli import cli
from tests.support.logstore import newman_execution, newman_report, profile_not_found
from tests.tools import EXAMPLE_SPEC, ROOT

HUGE_INT_MARKER = "\x00HUGE-INT\x00"
DEEP_ARRAY_MARKER = "\x00DEEP-ARRAY\x00"
DEEP_OBJECT_MARKER = "\x00DEEP-OBJECT\x00"
HUGE_INT_TEXT = "9" * 5000  # beyond Python's 4,300-digit limit on int ↔ str
DEEP = 3000

# Values a field may be retyped to: wrong types, boundary numbers, hostile strings, deep and huge values.
ODD_VALUES: list[Any] = [
    None,
    True,
    False,
    0,
    -1,
    5,
    2**64,
    -(2**63) - 1,
    1e300,
    -1e300,
    0.5,
    "",
    "abc",
    "-1",
    "5",
    "\ud800",
    "a\x00b",
    "\x1b[31mred\r\nnext",
    "{{a}}{{a}}",
    "and(" * 2000,
    "../../x",
    "/",
    "%00",
    "[" * 5000,
    [],
    [5],
    [None],
    ["x"],
    {},
    {"a": 1},
    {"$ref": "#/nowhere"},
    {"$ref": "#"},
    {"$ref": 5},
    HUGE_INT_MARKER,
    DEEP_ARRAY_MARKER,
    DEEP_OBJECT_MARKER,
]
# Strings appended to a string value or a key.
INJECTIONS: list[str] = [
    "\ud800",
    "\x00",
    "\x1b]0;t\x07",
    "\r\n",
    "\u202e",
    "\udfff\ud800",
    "\t",
    "\x7f",
    "é",
    "{{",
    "}}",
    ":",
    "/",
    "..",
    "?a=1#f",
    "%",
    "(",
    "and(" * 600,
]
# Bytes a bad paste or a truncated download puts into a YAML spec (inserted at an offset, some bytes cut).
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

KINDS = ("retype", "delete", "duplicate", "deepen", "inject", "rekey", "swap")


@dataclass(frozen=True)
class Mutation:
    target: int
    kind: str
    payload: int


def nodes(document: Any) -> list[tuple[Any, Any]]:
    """(container, key) of every value below the root, in a fixed walk order."""
    found: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in list(node):
                found.append((node, key))
                stack.append(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                found.append((node, index))
                stack.append(node[index])
    return found


def apply(document: Any, mutations: list[Mutation]) -> Any:
    """A mutated deep copy of `document`."""
    document = copy.deepcopy(document)
    for mutation in mutations:
        places = nodes(document)
        if not places:
            return copy.deepcopy(ODD_VALUES[mutation.payload % len(ODD_VALUES)])
        container, key = places[mutation.target % len(places)]
        _mutate(container, key, mutation)
    return document


def _mutate(container: Any, key: Any, mutation: Mutation) -> None:
    value = container[key]
    payload = mutation.payload
    kind = mutation.kind
    if kind == "retype":  # a copy: a later mutation must not change the shared value (or make a cycle of it)
        container[key] = copy.deepcopy(ODD_VALUES[payload % len(ODD_VALUES)])
    elif kind == "delete":
        del container[key]
    elif kind == "duplicate":
        if isinstance(container, list):
            container.insert(key, copy.deepcopy(value))
        else:
            container[f"{key}{INJECTIONS[payload % len(INJECTIONS)]}"] = copy.deepcopy(value)
    elif kind == "deepen":
        for _ in range(payload % 40 + 1):
            value = [value] if payload % 2 else {"item": [value], "name": "x"}
        container[key] = value
    elif kind == "inject":
        text = INJECTIONS[payload % len(INJECTIONS)]
        container[key] = value + text if isinstance(value, str) else text
    elif kind == "rekey" and isinstance(container, dict):
        container[f"{key}{INJECTIONS[payload % len(INJECTIONS)]}"] = container.pop(key)
    elif kind == "swap":
        # the value of another node moved here: a right-looking object in the wrong place
        places = nodes(value) if isinstance(value, dict | list) else []
        if places:
            inner, inner_key = places[payload % len(places)]
            container[key] = inner[inner_key]


def dumps(document: Any) -> bytes:
    """The document as JSON text, markers expanded; lone surrogates stay as `\\ud800` escapes."""
    text = json.dumps(document, ensure_ascii=True, indent=1)
    text = text.replace(json.dumps(HUGE_INT_MARKER), HUGE_INT_TEXT)
    text = text.replace(json.dumps(DEEP_ARRAY_MARKER), "[" * DEEP + "]" * DEEP)
    text = text.replace(json.dumps(DEEP_OBJECT_MARKER), '{"a":' * DEEP + "1" + "}" * DEEP)
    return text.encode()


def mutate_text(raw: bytes, offset: int, insert: bytes, cut: int = 0) -> bytes:
    """Bytes inserted (and some cut) at a position: what a bad paste or a truncated download does."""
    at = offset % (len(raw) + 1)
    return raw[:at] + insert + raw[at + cut :]


# Running every command on a mutant, and what a user relies on after each.

FORK = ROOT / "tests" / "fixtures" / "forks" / "klaviyo-2023-10-15-fork.postman_collection.json"
ENVIRONMENT = ROOT / "collections" / "acme-marketing-api-v2026-07-15.postman_environment.json"
# A command's work is bounded by CPU time (a loop, a bomb), so a loaded machine does not fail the suite; a wait
# (a FIFO, a lock) by the wall clock, six times as long.
SECONDS_PER_COMMAND = 10
WALL_SECONDS_PER_COMMAND = 60


def sample_report() -> dict[str, Any]:
    return newman_report(
        [
            profile_not_found(),
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


def children_cpu() -> float:
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

    def run_all(self, kind: str, mutant_bytes: bytes, suffix: str = ".json") -> list[int]:
        """Every command of this kind on the mutant, each outcome checked; their exit codes."""
        mutant = self.inputs / f"mutant{suffix}"
        mutant.write_bytes(mutant_bytes)
        before = digest(self.inputs)
        codes = []
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
            codes.append(result.exit_code)
        assert digest(self.inputs) == before, f"{kind}: a command changed an input"
        mutant.unlink()
        return codes

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
