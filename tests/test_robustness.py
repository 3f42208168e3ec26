"""Regression cases from an attack on the kit: each input once gave a traceback, a hang or a partial file.

Every case runs the real program (a fresh interpreter, as a shell would) and expects either a result or the
kit's one line `postman-kit: error: SOURCE: problem` with exit 2, in bounded time, with nothing half-written.
"""

from __future__ import annotations

import copy
import json
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.generate import OK, minimal_spec, write_spec
from tests.tools import EXAMPLE_SPEC, run_program

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # starts servers or subprocesses, one per case


def assert_refused(result: subprocess.CompletedProcess[str], source: str, *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"postman-kit: error: {source}: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def assert_survived(result: subprocess.CompletedProcess[str]) -> None:
    """A result (0 or 1, findings) or the one-line refusal: never a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "--help" not in result.stderr, result.stderr  # a usage error would mean the case never ran
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)
    if result.returncode == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("postman-kit: error: "), result.stderr


def spec(**top: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "1.0.0"},
        "paths": {
            "/items/{id}": {
                "get": {
                    "operationId": "getItem",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }
    doc.update(top)
    return doc


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    result = run_program("generate", str(EXAMPLE_SPEC), "-o", str(out))
    assert result.returncode == 0, result.stderr
    return next(out.glob("*.postman_collection.json"))


SPEC_CASES = {
    "a 5,000-digit integer": (
        '{"openapi": "3.0.3", "info": {"title": "T", "version": "1", "x-n": ' + "9" * 5000 + '}, "paths": {}}'
    ),
    "a lone surrogate": '{"openapi": "3.0.3", "info": {"title": "\\ud800", "version": "1"}, "paths": {}}',
    "responses as a list": json.dumps(spec(paths={"/a": {"get": {"responses": [200]}}})),
    "security: [5]": json.dumps(spec(security=[5])),
    "servers: -1": json.dumps(spec(servers=-1)),
    "an operation set to 5": json.dumps(spec(paths={"/a": {"get": 5}})),
    "a recursive YAML alias": "a: &a\n  b: *a\nopenapi: 3.0.3\n",
}


def _nulled_data_properties(node: Any) -> Any:
    """The node with every `data` property schema's own `properties` set to null (the schema shape allows it)."""
    if isinstance(node, list):
        return [_nulled_data_properties(value) for value in node]
    if not isinstance(node, dict):
        return node
    copied = {key: _nulled_data_properties(value) for key, value in node.items()}
    data = copied.get("properties", {}).get("data") if isinstance(copied.get("properties"), dict) else None
    if isinstance(data, dict) and "properties" in data:
        data["properties"] = None
    return copied


SPEC_CASES["a response's data with properties: null"] = json.dumps(
    _nulled_data_properties(yaml.safe_load(EXAMPLE_SPEC.read_text()))
)


@pytest.mark.parametrize("case", sorted(SPEC_CASES))
def test_a_broken_spec_is_one_line_for_every_command_that_reads_specs(
    tmp_path: Path, case: str, generated: Path
) -> None:
    suffix = ".yaml" if "YAML" in case else ".json"
    path = tmp_path / f"spec{suffix}"
    path.write_text(SPEC_CASES[case])
    before = path.read_bytes()
    out = tmp_path / "out"
    for args in (
        ["generate", str(path), "-o", str(out)],
        ["validate", str(generated), "--spec", str(path)],
        ["diff", str(generated), str(path)],
    ):
        result = run_program(*args, timeout=60)
        assert_survived(result)
    assert path.read_bytes() == before
    assert not out.exists() or all(f.stat().st_size > 0 for f in out.iterdir())


def test_integers_beyond_64_bits_in_a_collection_and_environment_are_read(
    tmp_path: Path, generated: Path
) -> None:
    """An id of 2**64 in a collection, its environment and a saved body (found by the long fuzz run): every
    command reads them; the secret scan and the writers fall back from orjson, which refuses them."""
    big = 2**64
    collection = json.loads(generated.read_text())
    collection["info"]["x-count"] = big
    collection["item"][0]["item"][0]["request"]["body"] = {
        "mode": "raw",
        "raw": '{"n": ' + str(big * 10) + "}",
    }
    fork = tmp_path / "fork.json"
    fork.write_text(json.dumps(collection))
    environment = json.loads(
        (ROOT / "collections" / "acme-marketing-api-v2026-07-15.postman_environment.json").read_text()
    )
    environment["id"] = big
    env = tmp_path / "env.json"
    env.write_text(json.dumps(environment))
    for args in (
        ["validate", str(fork), "-e", str(env)],
        ["validate", str(fork), "--spec", str(EXAMPLE_SPEC)],
        ["snippet", str(fork), "--list", "-e", str(env)],
        ["diff", str(fork), str(EXAMPLE_SPEC)],
        ["upgrade", str(fork), "--to", str(EXAMPLE_SPEC), "-o", str(tmp_path / "up.json")],
    ):
        result = run_program(*args, timeout=60)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        assert result.returncode in (0, 1), (args, result.returncode, result.stderr)
    assert json.loads((tmp_path / "up.json").read_text())["info"]["name"]


def test_a_request_set_to_a_number_is_refused_by_every_collection_reader(
    tmp_path: Path, generated: Path
) -> None:
    collection = json.loads(generated.read_text())
    collection["item"][0]["item"].insert(0, 5)
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(collection))
    for args in (
        ["validate", str(path)],
        ["snippet", str(path), "--list"],
        ["diff", str(path), str(EXAMPLE_SPEC)],
        ["upgrade", str(path), "--to", str(EXAMPLE_SPEC), "-o", str(tmp_path / "up.json")],
    ):
        result = run_program(*args, timeout=60)
        assert_survived(result)
        if result.returncode == 2:
            assert str(path) in result.stderr
    assert not (tmp_path / "up.json").exists() or json.loads((tmp_path / "up.json").read_text())


def test_500_nested_folders_are_refused_or_read_without_a_recursion_error(
    tmp_path: Path, generated: Path
) -> None:
    collection = json.loads(generated.read_text())
    collection["item"].append("DEEP")
    deep = "".join(f'{{"name": "level {level}", "item": [' for level in range(500)) + "]}" * 500
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(collection).replace('"DEEP"', deep))  # json.dumps itself stops at ~1000 levels
    for args in (
        ["validate", str(path)],
        ["snippet", str(path), "--list"],
        ["diff", str(path), str(EXAMPLE_SPEC)],
        ["upgrade", str(path), "--to", str(EXAMPLE_SPEC), "-o", str(tmp_path / "up.json")],
    ):
        result = run_program(*args, timeout=60)
        assert_survived(result)
        assert "RecursionError" not in result.stderr


def test_a_deep_filter_in_a_saved_request_is_a_finding_not_a_traceback(
    tmp_path: Path, generated: Path
) -> None:
    collection = json.loads(generated.read_text())
    request = copy.deepcopy(collection["item"][0]["item"][0])
    request["name"] = "Deep filter"
    url = request["request"]["url"]
    url["query"] = [{"key": "filter", "value": "and(" * 2000 + "equals(email,'a')" + ")" * 2000}]
    url["raw"] = url["raw"].split("?")[0] + "?filter=" + url["query"][0]["value"]
    collection["item"][0]["item"].append(request)
    path = tmp_path / "fork.json"
    path.write_text(json.dumps(collection))
    for args in (
        ["validate", str(path), "--spec", str(EXAMPLE_SPEC)],
        ["diff", str(path), str(EXAMPLE_SPEC)],
        ["upgrade", str(path), "--to", str(EXAMPLE_SPEC), "-o", str(tmp_path / "up.json")],
    ):
        result = run_program(*args, timeout=60)
        assert_survived(result)
        assert "RecursionError" not in result.stderr + result.stdout


def _generated_then_validated(tmp_path: Path, doc: dict[str, Any]) -> Any:
    """generate on `doc`, then validate on the kit's own output: the second run's result."""
    spec = write_spec(tmp_path, doc, "spec.json")
    assert run_program("generate", str(spec), "-o", str(tmp_path / "out"), timeout=60).returncode == 0
    [collection] = (tmp_path / "out").glob("*.postman_collection.json")
    result = run_program("validate", str(collection), "--spec", str(spec), timeout=60)
    assert_survived(result)
    return result


def _posting(body: dict[str, Any], **operation: Any) -> dict[str, Any]:
    """One POST of a required JSON `body`."""
    content = {"application/json": {"schema": body}}
    return {
        "/t": {"post": {"requestBody": {"required": True, "content": content}, "responses": OK, **operation}}
    }


def test_a_pattern_pythons_re_cannot_read_is_no_traceback(tmp_path: Path) -> None:
    """PingOne's spec writes `^[\\p{L}\\p{N} ]+$` (ECMA-262 Unicode property escapes): generate took it, but
    validate on the kit's own output ended in re.error's traceback."""
    name = {"type": "string", "pattern": "^[\\p{L}\\p{N} ]+$"}
    body = {"type": "object", "required": ["name"], "properties": {"name": name}}
    result = _generated_then_validated(tmp_path, minimal_spec(_posting(body), openapi="3.1.0"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_pattern_that_backtracks_without_bound_never_stalls_a_command(tmp_path: Path) -> None:
    """`^(x+x+)+y$` beside a 37-character example (checked against its pattern since examples that break their
    own are replaced) and `a{1000000000}` kept generate running past 30 s; validate ran the same patterns on
    the requests."""
    evil = {"type": "string", "pattern": "^(x+x+)+y$", "example": "x" * 37}
    huge = {"type": "string", "pattern": "a{1000000000}"}
    body = {"type": "object", "required": ["a", "b"], "properties": {"a": evil, "b": huge}}
    query = [{"name": "q", "in": "query", "schema": evil}]
    started = time.monotonic()
    _generated_then_validated(tmp_path, minimal_spec(_posting(body, parameters=query)))
    assert time.monotonic() - started < 20


NEWMAN_CASES = {
    "code: abc": ({"code": "abc"}, "response.code"),
    "code: 1e3": ({"code": 1000.0}, "response.code"),
    "responseTime: text": ({"responseTime": "soon"}, "response.responseTime"),
    "stream of strings": ({"stream": {"type": "Buffer", "data": ["a"]}}, "response.stream"),
    "started: 1e300": ("started", "run.timings.started"),
}


@pytest.mark.parametrize("case", sorted(NEWMAN_CASES))
def test_a_damaged_newman_report_is_one_line_naming_the_field(tmp_path: Path, case: str) -> None:
    change, field = NEWMAN_CASES[case]
    response = {
        "code": 200,
        "responseTime": 12,
        "header": [],
        "stream": {"type": "Buffer", "data": [123, 125]},
    }
    run: dict[str, Any] = {
        "timings": {"started": 1_780_000_000_000},
        "executions": [
            {
                "item": {"id": "1", "name": "Get"},
                "request": {"method": "GET", "url": {"path": ["api", "items"]}, "header": []},
                "response": response,
            }
        ],
    }
    if change == "started":
        run["timings"]["started"] = 1e300
    else:
        response.update(change)
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"run": run}))
    data = tmp_path / "data"
    result = run_program("logs", "import", str(report), "--data", str(data), timeout=60)
    assert_refused(result, str(report), field)


def test_a_newman_report_with_optional_parts_of_the_wrong_type_still_imports(tmp_path: Path) -> None:
    """Headers, folders and cursors are read as absent when damaged; the calls themselves are real."""
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "collection": [1],
                "run": {
                    "timings": 5,
                    "executions": [
                        {
                            "item": [],
                            "cursor": "x",
                            "request": {
                                "method": "GET",
                                "url": {"path": "api/items", "query": 7},
                                "header": 5,
                                "body": {"mode": "urlencoded", "urlencoded": 3},
                            },
                            "response": {"code": "404", "responseTime": 3, "header": {"a": 1}, "stream": 9},
                        }
                    ],
                },
            }
        )
    )
    result = run_program("logs", "import", str(report), "--data", str(tmp_path / "data"), timeout=60)
    assert result.returncode == 0, result.stderr
    assert "imported 1 calls" in result.stdout


def test_an_output_name_taken_by_a_directory_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_program("generate", str(EXAMPLE_SPEC), "-o", str(out))
    assert first.returncode == 0, first.stderr
    collection = next(out.glob("*.postman_collection.json"))
    collection.unlink()
    collection.mkdir()
    before = sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir())
    result = run_program("generate", str(EXAMPLE_SPEC), "-o", str(out))
    assert_refused(result, str(collection), "directory")
    assert sorted((p.name, p.stat().st_mtime_ns) for p in out.iterdir()) == before


def _small_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    signal.signal(
        signal.SIGXFSZ, signal.SIG_IGN
    )  # write() then fails with EFBIG instead of killing the process


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ as on Linux")
def test_a_file_size_limit_on_write_is_one_line_and_leaves_no_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    command = [
        sys.executable,
        "-c",
        "from postman_kit.cli import main; main()",
        "generate",
        str(EXAMPLE_SPEC),
        "-o",
        str(out),
    ]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, preexec_fn=_small_file_limit
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("postman-kit: error: ") and "too large" in lines[0], lines
    assert list(out.iterdir()) == []  # no collection, no environment, no temp file


def test_a_recorded_path_with_terminal_escapes_is_shown_escaped_by_logs_and_activity(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "run": {
                    "timings": {"started": int(time.time() * 1000) - 60_000},
                    "executions": [
                        {
                            "item": {"id": "1", "name": "Get"},
                            "request": {
                                "method": "GET",
                                "url": "http://h/api/\x1b[2J\x1b]0;owned\x07items",
                                "header": [{"key": "User-Agent", "value": "agent\rFORGED"}],
                            },
                            "response": {"code": 200, "responseTime": 3, "header": [], "stream": "ok"},
                        }
                    ],
                }
            }
        )
    )
    data = str(tmp_path / "data")
    assert run_program("logs", "import", str(report), "--data", data).returncode == 0
    found = run_program("logs", "search", "--data", data, "--since", "1d")
    assert found.returncode == 0, found.stderr
    assert "/api/" in found.stdout and "\x1b" not in found.stdout and "\\x1b[2J" in found.stdout
    call_id = json.loads(
        run_program("logs", "search", "--data", data, "--since", "1d", "--format", "json").stdout
    )["calls"][0]["id"]
    shown = run_program("logs", "show", call_id, "--data", data)
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\r" not in shown.stdout and "\\rFORGED" in shown.stdout
    activity = run_program("activity", "--data", data, "--since", "1d")
    assert activity.returncode == 0 and "\x1b" not in activity.stdout


def test_a_summary_made_to_stall_the_name_pattern_generates_in_bounded_time(tmp_path: Path) -> None:
    """A summary of a million `[` (or `[a](`): the markdown-link pattern that makes request names tried each
    start again to the end, hours of work; the name reads only the summary's start."""
    paths = {
        "/a": {"get": {"summary": "[" * 1_000_000, "responses": {"200": {"description": "ok"}}}},
        "/b": {"get": {"summary": "[a](" * 250_000, "responses": {"200": {"description": "ok"}}}},
    }
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": paths}))
    result = run_program("generate", str(spec), "-o", str(tmp_path / "out"), timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_chain_of_referenced_schemas_with_contract_tests_generates(tmp_path: Path) -> None:
    """300 response schemas, each `$ref`-ing the next through one property: `generate --tests` died of a
    RecursionError, as each definition was converted inside the one before it."""
    schemas = {
        f"S{n}": {"type": "object", "properties": {"next": {"$ref": f"#/components/schemas/S{n + 1}"}}}
        for n in range(300)
    }
    schemas["S300"] = {"type": "string"}
    doc = spec(components={"schemas": schemas})
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}
    doc["paths"]["/items/{id}"]["get"]["responses"]["200"]["content"] = content
    result = run_program("generate", str(write_spec(tmp_path, doc)), "-o", str(tmp_path / "out"), "--tests")
    assert result.returncode == 0, result.stderr[-2000:]


def test_an_integer_bound_beyond_floats_generates(tmp_path: Path) -> None:
    """`minimum: 10**400`, a valid integer: OverflowError (math.isfinite cannot take it)."""
    doc = spec()
    parameter = {
        "name": "n",
        "in": "query",
        "required": True,
        "schema": {"type": "integer", "minimum": 10**400},
    }
    doc["paths"]["/items/{id}"]["get"]["parameters"].append(parameter)
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(doc))
    result = run_program("generate", str(path), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr[-2000:]
    [collection] = (tmp_path / "out").glob("*.postman_collection.json")
    assert "1" + "0" * 400 in collection.read_text()


@pytest.mark.parametrize(
    "text",
    [
        "[tool.postman-kit]\nv = " + "[" * 100_000 + "]" * 100_000 + "\n",
        "# postman-kit\nx." + ".".join(["a"] * 40_000) + " = 1\n",
    ],
    ids=["nested", "dotted"],
)
def test_a_hostile_pyproject_is_refused_in_one_line_in_bounded_memory(tmp_path: Path, text: str) -> None:
    """validate reads the nearest pyproject.toml: an array nested 100,000 deep was a RecursionError traceback, and
    a 40 KB dotted key (tomllib's memory grows with the square of its parts) took gigabytes."""
    collection = tmp_path / "c.json"
    collection.write_text(
        json.dumps(
            {
                "info": {
                    "name": "C",
                    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
                },
                "item": [],
            }
        )
    )
    (tmp_path / "pyproject.toml").write_text(text)
    command = [sys.executable, "-c", "from postman_kit.cli import main; main()", "validate", str(collection)]

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=60, preexec_fn=limited, check=False
    )
    assert_refused(result, str(tmp_path / "pyproject.toml"))


def test_a_keys_file_name_that_is_no_text_is_refused_and_names_are_shown_escaped(tmp_path: Path) -> None:
    """A key whose `name` nests a list 1,000 deep: RecursionError at start-up. A name holding terminal escapes
    (set the window title, write the clipboard) reached the terminal as they were."""
    key = "pk_" + "0123456789abcdef" * 2 + "01"
    nested = tmp_path / "nested.json"
    nested.write_text('{"keys": {"' + key + '": {"name": ' + "[" * 1000 + "]" * 1000 + "}}}")
    result = run_program(
        "sandbox", str(EXAMPLE_SPEC), "--port", "0", "--data", str(tmp_path / "d"), "--keys", str(nested)
    )
    assert_refused(result, str(nested), "`name` must be text")
    escaped = tmp_path / "escaped.json"
    escaped.write_text(json.dumps({"keys": {key: {"name": "ci\x1b]0;TITLE\x07\x1b]52;c;cHduZWQ=\x07 bot"}}}))
    command = [sys.executable, "-c", "from postman_kit.cli import main; main()", "sandbox", str(EXAMPLE_SPEC)]
    command += ["--port", "0", "--data", str(tmp_path / "e"), "--keys", str(escaped)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as server:
        try:
            lines = [server.stdout.readline() for _ in range(2)]  # the title line, then the key's
        finally:
            server.kill()
    assert "\x1b" not in lines[1] and "\\x1b]0;TITLE" in lines[1], lines


def _levels(name: str, count: int, leaf: dict[str, Any], level: Any) -> dict[str, Any]:
    """`count` schemas `{name}0…`, each made by `level(next)` of a `$ref` to the one below; the last's is `leaf`."""
    return {
        f"{name}{n}": level({"$ref": f"#/components/schemas/{name}{n + 1}"} if n + 1 < count else leaf)
        for n in range(count)
    }


FAN_OUT_SPECS = {
    # 10 required properties a level, 7 levels: 10^7 values, generate ran past two minutes
    "required properties": _levels(
        "L",
        7,
        {"type": "string"},
        lambda below: {
            "type": "object",
            "required": [f"p{n}" for n in range(10)],
            "properties": {f"p{n}": below for n in range(10)},
        },
    ),
    # a map that must hold 100 entries of a map that must hold 100…: 2 GB, then a crash (signal 11)
    "maps of minProperties": _levels(
        "M",
        5,
        {"type": "integer"},
        lambda below: {"type": "object", "minProperties": 100, "additionalProperties": below},
    ),
    # a list of at least three of an object whose list holds at least three…, 16 levels down
    "lists of minItems": _levels(
        "A",
        16,
        {"type": "integer"},
        lambda below: {
            "type": "object",
            "required": ["x"],
            "properties": {"x": {"type": "array", "minItems": 3, "items": below}},
        },
    ),
}


@pytest.mark.parametrize("case", sorted(FAN_OUT_SPECS))
def test_a_few_kilobytes_of_schemas_that_fan_out_generate_a_bounded_collection(
    tmp_path: Path, case: str
) -> None:
    """Each level of a small spec's schemas requiring several of the next multiplies the value by as many: the
    examples are cut short past 10,000 entries and generate says where, rather than running out of time or
    memory."""
    schemas = FAN_OUT_SPECS[case]
    top = {"$ref": f"#/components/schemas/{sorted(schemas)[0]}"}
    body = {"required": True, "content": {"application/json": {"schema": top}}}
    answer = {"200": {"description": "ok", "content": {"application/json": {"schema": top}}}}
    doc = minimal_spec(
        {"/things": {"post": {"summary": "Create", "requestBody": body, "responses": answer}}},
        components={"schemas": schemas},
    )
    out = tmp_path / "out"
    result = run_program("generate", str(write_spec(tmp_path, doc, "spec.json")), "-o", str(out), timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "warning: POST /things: example values cut short" in result.stderr
    collection = next(out.glob("*.postman_collection.json"))
    assert collection.stat().st_size < 5_000_000
    request = json.loads(collection.read_text())["item"][0]["item"][0]["request"]
    assert json.loads(request["body"]["raw"])  # the body is there, its first values whole


def test_a_bidi_override_reaches_no_machine_format_raw(tmp_path: Path) -> None:
    """A request named `safe\u202eexe.txt` (and a recorded path holding U+202E) was escaped by the text
    reports but printed raw by `validate -f json|sarif|github|junit`, `logs search --format json` and `activity
    --format json`, reordering what a terminal or a CI log shows. JSON keeps the same value as `\\u202e`."""
    name = "safe\u202eexe.txt"
    collection = tmp_path / "c.json"
    collection.write_text(
        json.dumps(
            {
                "info": {
                    "name": "c",
                    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
                },
                "item": [{"name": name, "request": {"method": "GET", "url": "https://api.example.test/a"}}],
            }
        )
    )
    for fmt in ("json", "sarif", "github", "junit", "text"):
        shown = run_program("validate", str(collection), "-f", fmt)
        assert shown.returncode in (0, 1), shown.stderr
        assert "\u202e" not in shown.stdout, fmt
        if fmt in ("json", "sarif"):
            assert name in json.dumps(json.loads(shown.stdout), ensure_ascii=False)  # the same value
    report = tmp_path / "report.json"
    execution = {
        "item": {"id": "1", "name": "Get"},
        "request": {"method": "GET", "url": {"path": ["api", "x\u202ey"]}},
        "response": {"code": 200, "responseTime": 3, "header": [], "stream": "ok"},
    }
    report.write_text(
        json.dumps(
            {"run": {"timings": {"started": int(time.time() * 1000) - 60_000}, "executions": [execution]}}
        )
    )
    data = str(tmp_path / "data")
    assert run_program("logs", "import", str(report), "--data", data).returncode == 0
    for command in (("logs", "search"), ("activity",)):
        shown = run_program(*command, "--data", data, "--since", "1d", "--format", "json")
        assert shown.returncode == 0, shown.stderr
        assert "\u202e" not in shown.stdout and json.loads(shown.stdout), command


def test_a_run_of_backslashes_anywhere_is_searched_for_secrets_in_bounded_time(tmp_path: Path) -> None:
    """The private-key search's `(?:\\\\+|%5c)+` (a quantifier inside one) doubled its time with each backslash:
    32 in a collection's description kept validate and upgrade running past 20 s, 200 in a body past 100. The
    JSON-field search started again inside a run of them: a 50 KB body froze the sandbox's one event loop for
    4.6 s, a 1 MB one for half an hour, and `logs import` of an 80 KB body took 13 s."""
    from postman_kit.secrets import redact, redact_bytes

    run = "\\" * 1_000_000
    started = time.monotonic()
    redact('{"note": "' + run + '"}')
    redact_bytes(("%5c" + run + '"access_token": "').encode())
    assert time.monotonic() - started < 5
    collection = {
        "info": {"name": "Runs", "description": "\\" * 40},
        "item": [
            {
                "name": "Post",
                "request": {
                    "method": "POST",
                    "url": "https://api.example.test/x",
                    "body": {"mode": "raw", "raw": '{"a": "' + "\\" * 200_000 + '"}'},
                },
            }
        ],
    }
    path = tmp_path / "runs.json"
    path.write_text(json.dumps(collection))
    started = time.monotonic()
    result = run_program("validate", str(path), timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert time.monotonic() - started < 20
