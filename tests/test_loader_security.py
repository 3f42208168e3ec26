"""Reading a spec is reading untrusted input: `$ref`s stay inside the spec's directory tree, only regular files are
read and never more than a bounded amount, and YAML aliases cannot recurse or explode. Each refusal is one line,
exit 2, no traceback, in bounded time; run as a shell runs the program, so a hang would fail the timeout."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from postman_kit.loader import MAX_FILE_BYTES
from tests.support.generate import OK, assert_one_line_error, minimal_spec, write_spec
from tests.tools import require_corpus, run_program

pytestmark = pytest.mark.slow  # starts servers or subprocesses, one per case

FAST_SECONDS = 10  # a refusal takes well under a second; the margin is for a loaded machine's start-up


def spec_with_schema_ref(folder: Path, ref: str, name: str = "spec.json", **top: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = minimal_spec(
        {
            "/things": {
                "get": {
                    "summary": "List things",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"application/json": {"schema": {"$ref": ref}}},
                        }
                    },
                }
            }
        },
        **top,
    )
    return write_spec(folder, doc, name)


def generate(*args: Any) -> tuple[Any, float]:
    started = time.monotonic()
    result = run_program("generate", *(str(a) for a in args), timeout=FAST_SECONDS * 3)
    return result, time.monotonic() - started


def assert_refused(result: Any, elapsed: float, source: Path | str, *fragments: str) -> None:
    as_click_result = SimpleNamespace(
        exit_code=result.returncode, stderr=result.stderr, output=result.stdout + result.stderr
    )
    assert_one_line_error(as_click_result, str(source), *fragments)
    assert elapsed < FAST_SECONDS


def assert_nothing_written(out: Path) -> None:
    assert not out.exists() or not any(out.iterdir())


# -- $ref confinement ------------------------------------------------------------------------------------------
def test_an_absolute_path_ref_outside_the_tree_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.json"
    secret.write_text('{"type": "string", "example": "the machine\'s secret"}')
    spec = spec_with_schema_ref(tmp_path / "api", str(secret))
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(
        result, elapsed, spec, repr(str(secret)), "outside the spec's directory", "--allow-ref-root"
    )
    assert_nothing_written(tmp_path / "out")


def test_a_dotdot_ref_escaping_the_tree_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shared.json").write_text('{"type": "object"}')
    spec = spec_with_schema_ref(tmp_path / "api", "../shared.json")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "'../shared.json'", "outside the spec's directory")


def test_a_dotdot_ref_escaping_from_a_referenced_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shared.json").write_text('{"type": "object"}')
    spec = spec_with_schema_ref(tmp_path / "api", "schemas/thing.json")
    (tmp_path / "api" / "schemas").mkdir()
    (tmp_path / "api" / "schemas" / "thing.json").write_text('{"$ref": "../../shared.json"}')
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(
        result, elapsed, tmp_path / "api" / "schemas" / "thing.json", "outside the spec's directory"
    )


def test_a_symlink_pointing_out_of_the_tree_is_refused(tmp_path: Path) -> None:
    (tmp_path / "shared.json").write_text('{"type": "object"}')
    spec = spec_with_schema_ref(tmp_path / "api", "link.json")
    (tmp_path / "api" / "link.json").symlink_to(tmp_path / "shared.json")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "'link.json'", "outside the spec's directory")


def test_a_symlink_inside_the_tree_is_followed(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path / "api", "link.json")
    (tmp_path / "api" / "schemas").mkdir()
    (tmp_path / "api" / "schemas" / "thing.json").write_text('{"type": "object"}')
    (tmp_path / "api" / "link.json").symlink_to(tmp_path / "api" / "schemas" / "thing.json")
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr


def test_a_file_url_ref_is_refused(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path, "file:///etc/hostname")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "'file:///etc/hostname'", "not a relative path or http(s) URL")


def test_a_url_ref_from_a_local_spec_is_refused_without_fetching(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path, "http://192.0.2.1/schema.json")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "fetches a URL", "--allow-ref-root")


def test_dev_zero_is_refused_fast(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path, "/dev/zero")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "outside the spec's directory")
    # Allowed in as a root, it is still no regular file: refused before it is read.
    result, elapsed = generate(spec, "-o", tmp_path / "out", "--allow-ref-root", "/dev")
    assert_refused(result, elapsed, "/dev/zero", "is a character device")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_ref_inside_the_tree_is_refused_without_hanging(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path, "pipe.json")
    os.mkfifo(tmp_path / "pipe.json")
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, tmp_path / "pipe.json", "is a FIFO")


def test_an_oversized_referenced_file_is_refused(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(tmp_path, "big.json")
    with open(tmp_path / "big.json", "wb") as big:
        big.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk spent
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, tmp_path / "big.json", "larger than 50 MB")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_given_as_the_spec_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "spec.json")
    result, elapsed = generate(tmp_path / "spec.json", "-o", tmp_path / "out")
    assert_refused(result, elapsed, tmp_path / "spec.json", "is a FIFO", "stdin with -")
    result, elapsed = generate("/dev/zero", "-o", tmp_path / "out")
    assert_refused(result, elapsed, "/dev/zero", "is a character device")


def test_stdin_is_read_bounded(tmp_path: Path) -> None:
    import subprocess
    import sys

    started = time.monotonic()
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                "from postman_kit.cli import main; main()",
                "generate",
                "-",
                "-o",
                str(tmp_path / "out"),
            ],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=FAST_SECONDS * 3,
            check=False,
        )
    assert_refused(result, time.monotonic() - started, "<stdin>", "larger than 50 MB")


def test_allow_ref_root_lets_refs_read_another_directory(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "thing.json").write_text(
        json.dumps({"type": "object", "properties": {"name": {"type": "string", "example": "kettle"}}})
    )
    (tmp_path / "api").mkdir()
    spec = write_spec(
        tmp_path / "api",
        minimal_spec(
            {
                "/things": {
                    "post": {
                        "summary": "Create thing",
                        "responses": OK,
                        "requestBody": {
                            "content": {"application/json": {"schema": {"$ref": "../shared/thing.json"}}}
                        },
                    }
                }
            }
        ),
        "spec.json",
    )
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 2
    result, _ = generate(spec, "-o", tmp_path / "out", "--allow-ref-root", tmp_path / "shared")
    assert result.returncode == 0, result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    assert '"kettle"' in walk(collection["item"])[0]["request"]["body"]["raw"]


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{collection}", "--spec", "{spec}"],
        ["diff", "{spec}", "{spec}"],
        ["upgrade", "{collection}", "--to", "{spec}", "-o", "{out}"],
    ],
)
def test_every_command_reading_a_spec_confines_refs_and_takes_allow_ref_root(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "thing.json").write_text('{"type": "object"}')
    spec = spec_with_schema_ref(tmp_path / "api", "../shared/thing.json")
    ok = spec_with_schema_ref(
        tmp_path / "ok", "#/components/schemas/Thing", components={"schemas": {"Thing": {"type": "object"}}}
    )
    assert run_program("generate", str(ok), "-o", str(tmp_path / "gen")).returncode == 0
    collection = next((tmp_path / "gen").glob("*.postman_collection.json"))
    args = [part.format(spec=spec, collection=collection, out=tmp_path / "up.json") for part in command]
    result = run_program(*args, timeout=FAST_SECONDS * 3)
    assert_refused(result, 0, spec, "outside the spec's directory")
    result = run_program(*args, "--allow-ref-root", str(tmp_path / "shared"), timeout=FAST_SECONDS * 3)
    assert result.returncode in (0, 1), result.stderr


# -- YAML ------------------------------------------------------------------------------------------------------
BAD_YAML = {
    "recursive alias": ("openapi: 3.0.0\na: &a\n  b: *a\n", "recursive alias"),
    "recursive alias in a list": ("openapi: 3.0.0\na: &a [1, *a]\n", "recursive alias"),
    "billion laughs": (
        "openapi: 3.0.0\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 10)),
        "alias bomb",
    ),
    "NUL byte": ("openapi: 3.0.0\ninfo:\x00 x\n", "invalid YAML", "U+0000", "line 2"),
}


@pytest.mark.parametrize("case", sorted(BAD_YAML))
def test_bad_yaml_is_refused_in_one_line_in_bounded_time(tmp_path: Path, case: str) -> None:
    text, *fragments = BAD_YAML[case]
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, *fragments)
    assert_nothing_written(tmp_path / "out")


def test_yaml_aliases_within_the_budget_still_load(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Test API, version: '1.0'}\nservers: [{url: 'https://x.test'}]\n"
        "x-ok: &ok {description: OK}\npaths:\n  /a: {get: {summary: A, responses: {'200': *ok}}}\n"
        "  /b: {get: {summary: B, responses: {'200': *ok}}}\n"
    )
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr


# -- nesting -------------------------------------------------------------------------------------------------
# PyYAML's C composer recursed on the C stack: 50,000 nested brackets killed the process with SIGSEGV, and libyaml
# took more than 40 minutes over 1,000,000. JSON-looking text that is not JSON reaches the YAML parser too.
DEEP_TEXT = {
    "YAML flow sequences": lambda n: "openapi: 3.0.0\ninfo: " + "[" * n + "]" * n + "\n",
    "YAML flow mappings": lambda n: "{a: " * n + "1" + "}" * n + "\n",
    "YAML left open": lambda n: "openapi: 3.0.0\ninfo: " + "[" * n + "\n",
    "YAML block sequences on one line": lambda n: "- " * n + "x\n",
    "quoted closing brackets between the levels": lambda n: "a: " + '[ "]", ' * n + "]" * n + "\n",
    "JSON-looking but not JSON": lambda n: "[" * n + "]" * n + ",",
}


@pytest.mark.parametrize("depth", [50_000, 1_000_000])
@pytest.mark.parametrize("case", sorted(DEEP_TEXT))
def test_a_deeply_nested_yaml_spec_is_refused_in_one_line(tmp_path: Path, case: str, depth: int) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(DEEP_TEXT[case](depth))
    result, elapsed = generate(spec, "-o", tmp_path / "out")
    assert_refused(result, elapsed, spec, "nests")
    assert_nothing_written(tmp_path / "out")


@pytest.mark.parametrize(
    "command",
    [
        "validate {f}",
        "validate {c} --spec {f}",
        "diff {f} {f}",
        "upgrade {f} --to {f} -o {out}/u.json",
        "snippet {f}",
        "sandbox {f} --data {out}",
        "logs import {f} --data {out}",
        "sandbox {spec} --keys {f} --data {out}",
    ],
)
@pytest.mark.parametrize("name", ["deep.yaml", "deep.json"])
def test_every_command_refuses_deep_nesting_in_one_line(tmp_path: Path, command: str, name: str) -> None:
    deep = tmp_path / name
    deep.write_text(
        "{a: " * 50_000 + "1" + "}" * 50_000 if name.endswith(".yaml") else "[" * 50_000 + "]" * 50_000
    )
    collection = Path(__file__).parent / "fixtures" / "validate" / "fork.postman_collection.json"
    spec = write_spec(tmp_path, minimal_spec({}), "spec.json")
    out = tmp_path / "out"
    args = command.format(f=deep, c=collection, out=out, spec=spec).split()
    started = time.monotonic()
    result = run_program(*args, timeout=FAST_SECONDS * 3)
    json_only = command.startswith("logs")  # a newman report is JSON, read by orjson: refused in its words
    assert_refused(result, time.monotonic() - started, deep, "not JSON" if json_only else "nests")


def test_a_v3_request_file_nesting_deeply_is_refused(tmp_path: Path) -> None:
    from postman_kit.errors import InputError
    from postman_kit.loader import parse_yaml_with_lines

    with pytest.raises(InputError, match="nests too deeply"):
        parse_yaml_with_lines(("url: " + "[" * 100_000).encode(), "a.request.yaml")


def test_block_nesting_without_brackets_is_refused_on_any_line() -> None:
    """Sequences opened by `- ` alone, on the first line or after others: no bracket counts them."""
    from postman_kit.errors import InputError
    from postman_kit.loader import parse_text

    for text in ("- " * 9_000 + "1\n", "x:\n  " + "- " * 9_000 + "1\n"):
        with pytest.raises(InputError, match="nests too deeply"):
            parse_text(text.encode(), "s.yaml")


def test_nesting_below_the_limit_and_many_brackets_still_load() -> None:
    from postman_kit.loader import parse_text

    levels = 990  # below every bound: ours (8,000) and libyaml 0.2.6's own (1,000, PyYAML 6.0.4)
    value = parse_text(("a: " + "[" * levels + "]" * levels).encode(), "s.yaml")["a"]
    assert _depth(value) == levels
    many = "".join(f"k{i}: [a, '[', b]\n" for i in range(5_000))  # 10,000 brackets, 2 levels deep
    assert parse_text(many.encode(), "s.yaml")["k4999"] == ["a", "[", "b"]


def _depth(value: Any) -> int:
    levels = 0
    while isinstance(value, list):
        levels, value = levels + 1, value[0] if value else None
    return levels


# -- lenient where nothing needs the ref -------------------------------------------------------------------------
def test_an_unresolvable_ref_in_an_extension_is_a_warning(tmp_path: Path) -> None:
    spec = spec_with_schema_ref(
        tmp_path,
        "#/components/schemas/Thing",
        components={"schemas": {"Thing": {"type": "object"}}},
        **{
            "x-topics": [{"title": "Guide", "content": {"$ref": "./docs/missing.md"}}],
            "x-outside": {"$ref": "/etc/hostname"},
        },
    )
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert (
        "'./docs/missing.md' in an extension or description is left unresolved: no such file" in result.stderr
    )
    assert "'/etc/hostname'" in result.stderr and "outside the spec's directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_operations_given_as_refs_to_other_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "paths").mkdir()
    (tmp_path / "paths" / "things.json").write_text(
        json.dumps({"get": {"summary": "List things", "responses": OK}})
    )
    (tmp_path / "paths" / "create.json").write_text(json.dumps({"summary": "Create thing", "responses": OK}))
    spec = write_spec(
        tmp_path,
        minimal_spec(
            {"/things": {"$ref": "paths/things.json"}, "/more": {"post": {"$ref": "paths/create.json"}}}
        ),
        "spec.json",
    )
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    names = sorted(item["name"] for item in walk(collection["item"]))
    assert names == ["Create thing", "List things"]


def test_descriptions_kept_in_another_file_are_read_as_text(tmp_path: Path) -> None:
    """DigitalOcean writes its tags' and its API's long descriptions as `$ref`s into description.yml; OpenAPI
    wants text there, and the tags (the collection's folders) carry it, as Redocly and openapi-to-postmanv2 do."""
    (tmp_path / "description.yml").write_text(
        "introduction: |\n  # Introduction\n  The DigitalOcean API lets you manage Droplets.\n"
        "droplets: The Droplets you run.\n"
    )
    (tmp_path / "resources").mkdir()
    (tmp_path / "resources" / "list.yml").write_text(
        "operationId: droplets_list\nsummary: List All Droplets\ntags: [Droplets]\n"
        "description:\n  $ref: '../description.yml#/droplets'\nresponses:\n  '200': {description: OK}\n"
    )
    doc = minimal_spec({"/v2/droplets": {"get": {"$ref": "resources/list.yml"}}})
    doc["info"]["description"] = {"$ref": "description.yml#/introduction"}
    doc["tags"] = [{"name": "Droplets", "description": {"$ref": "description.yml#/droplets"}}]
    spec = write_spec(tmp_path, doc, "spec.yaml")
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    assert collection["info"]["description"].startswith(
        "# Introduction\nThe DigitalOcean API lets you manage"
    )
    folder = collection["item"][0]
    assert (folder["name"], folder["description"]) == ("Droplets", "The Droplets you run.")
    assert folder["item"][0]["request"]["description"].startswith("The Droplets you run.")


def test_schemas_split_across_files_as_digitalocean_writes_them(tmp_path: Path) -> None:
    """DigitalOcean's models: a discriminator mapping naming schemas in another file, and a whole `properties`
    map given as a `$ref`. The body names the branch its discriminator maps, and holds the referenced map's
    properties, not a property called `$ref`."""
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "actions.yml").write_text(
        "unassign:\n  type: object\n  required: [type]\n  properties:\n"
        "    type: {type: string, enum: [assign, unassign], example: unassign}\n"
        "assign:\n  type: object\n  required: [type, droplet_id]\n  properties:\n"
        "    type: {type: string, enum: [assign, unassign], example: assign}\n"
        "    droplet_id: {type: integer, example: 758604968}\n"
    )
    (tmp_path / "models" / "attributes.yml").write_text(
        "droplet_ids:\n  droplet_ids:\n    type: array\n    items: {type: integer}\n    example: [3164444]\n"
    )
    (tmp_path / "models" / "add_droplets.yml").write_text(
        "type: object\nrequired: [droplet_ids]\nproperties:\n  $ref: 'attributes.yml#/droplet_ids'\n"
    )
    action = {
        "anyOf": [{"$ref": "models/actions.yml#/assign"}, {"$ref": "models/actions.yml#/unassign"}],
        "discriminator": {
            "propertyName": "type",
            "mapping": {"unassign": "models/actions.yml#/unassign", "assign": "models/actions.yml#/assign"},
        },
    }

    def post(summary: str, schema: dict[str, Any]) -> dict[str, Any]:
        content = {"application/json": {"schema": schema}}
        return {"post": {"summary": summary, "requestBody": {"content": content}, "responses": OK}}

    doc = minimal_spec(
        {
            "/v2/floating_ips/{ip}/actions": post("Act", action),
            "/v2/load_balancers/{id}/droplets": post("Add droplets", {"$ref": "models/add_droplets.yml"}),
        }
    )
    spec = write_spec(tmp_path, doc, "spec.yaml")
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    bodies = {item["name"]: json.loads(item["request"]["body"]["raw"]) for item in walk(collection["item"])}
    assert bodies == {
        "Act": {"type": "assign", "droplet_id": 758604968},
        "Add droplets": {"droplet_ids": [3164444]},
    }


def test_component_maps_given_whole_as_refs_to_files_as_sendgrid_writes_them(tmp_path: Path) -> None:
    """SendGrid's entry document: `components: {schemas: {$ref: ./spec/components/schemas.json}, securitySchemes:
    {$ref: …}}`, each map in a file of its own whose entries refer to one another. Generated as if written
    inline: the body from the schema, the auth from the scheme. A map refused stays refused, with its file named."""
    components = tmp_path / "spec" / "components"
    components.mkdir(parents=True)
    (components / "schemas.json").write_text(
        json.dumps(
            {
                "email": {"type": "string", "format": "email"},
                "sender": {
                    "type": "object",
                    "required": ["from"],
                    "properties": {"from": {"$ref": "#/email"}},
                },
            }
        )
    )
    (components / "securitySchemes.json").write_text(
        json.dumps({"BearerAuth": {"type": "http", "scheme": "bearer"}})
    )
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/sender"}}}
    doc = minimal_spec(
        {
            "/v3/senders": {
                "post": {"summary": "Create sender", "requestBody": {"content": content}, "responses": OK}
            }
        },
        security=[{"BearerAuth": []}],
        components={
            "schemas": {"$ref": "./spec/components/schemas.json"},
            "securitySchemes": {"$ref": "./spec/components/securitySchemes.json"},
        },
    )
    spec = write_spec(tmp_path, doc, "oas_v3.json")
    result, _ = generate(spec, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    collection = json.loads(next((tmp_path / "out").glob("*.postman_collection.json")).read_text())
    assert collection["auth"]["type"] == "bearer"
    (item,) = walk(collection["item"])
    assert json.loads(item["request"]["body"]["raw"]) == {"from": "jane.doe@example.com"}
    (components / "securitySchemes.json").write_text(json.dumps(["not", "a", "map"]))
    result, _ = generate(spec, "-o", tmp_path / "again")
    assert result.returncode == 2
    assert result.stderr.startswith(f"postman-kit: error: {spec}: ") and result.stderr.count("\n") == 1
    assert "securitySchemes" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "again").exists()


def walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for item in items:
        found.extend(walk(item["item"]) if "item" in item else [item])
    return found


def test_train_travel_generates() -> None:
    spec = require_corpus() / "real-world" / "train-travel" / "openapi.yaml"
    if not spec.is_file():
        pytest.skip("Train Travel is absent from the corpus")
    import tempfile

    with tempfile.TemporaryDirectory() as out:
        result, _ = generate(spec, "-o", out)
        assert result.returncode == 0, result.stderr
        assert len(list(Path(out).iterdir())) == 3


def test_the_referenced_files_together_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from postman_kit import loader
    from postman_kit.errors import InputError

    spec = write_spec(
        tmp_path,
        minimal_spec(components={"schemas": {"A": {"$ref": "a.json"}, "B": {"$ref": "b.json"}}}),
        "spec.json",
    )
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text(json.dumps({"type": "object", "description": "x" * 60}))
    assert loader.load_document(str(spec)).data["components"]["x-bundled"]
    monkeypatch.setattr(
        loader, "MAX_REF_BYTES_TOTAL", 150
    )  # each file is ~90 bytes: the second one crosses it
    with pytest.raises(InputError, match="the files its \\$refs name add up to more than"):
        loader.load_document(str(spec))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_device_given_to_any_other_input_is_refused(tmp_path: Path) -> None:
    """A FIFO as `--revisions`, as the report `logs import` reads or as validate's `--config` hung (or was called
    missing); `/dev/zero` as the report was read until memory ran out."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    collection = tmp_path / "c.json"
    v21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
    collection.write_text(json.dumps({"info": {"name": "C", "schema": v21}, "item": []}))
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}}))
    for args, source, problem in (
        (["diff", collection, spec, "--revisions", fifo], fifo, "is a FIFO"),
        (
            ["upgrade", collection, "--to", spec, "-o", tmp_path / "up.json", "--revisions", fifo],
            fifo,
            "is a FIFO",
        ),
        (["logs", "import", fifo, "--data", tmp_path / "data"], fifo, "is a FIFO"),
        (["logs", "import", "/dev/zero", "--data", tmp_path / "data"], "/dev/zero", "is a character device"),
        (["validate", collection, "--config", fifo], fifo, "is a FIFO"),
    ):
        started = time.monotonic()
        result = run_program(*(str(a) for a in args), timeout=FAST_SECONDS * 3)
        assert_refused(result, time.monotonic() - started, source, problem)
    assert not (tmp_path / "up.json").exists()


def test_a_url_sent_a_byte_at_a_time_is_given_up_on_in_bounded_time(monkeypatch) -> None:
    """A server sending a byte every few seconds kept `generate URL` reading for ever: each read had a timeout,
    the whole none."""
    import http.server
    import threading

    from postman_kit import loader
    from postman_kit.errors import InputError

    class Drip(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setattr(loader, "URL_TIMEOUT_SECONDS", 1)
    started = time.monotonic()
    try:
        with pytest.raises(InputError, match="not read within 1 seconds"):
            loader._read_url(f"http://127.0.0.1:{server.server_address[1]}/spec.json")
    finally:
        server.shutdown()
    assert time.monotonic() - started < 5
