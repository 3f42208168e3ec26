"""A raw JSON body with `//` or `/* */` comments is what Postman sends once it strips them (postman-runtime runs
strip-json-comments on a JSON body before sending), so validate, diff and upgrade read it the same way: no
`invalid-json-body` error, and a user's commented body edit is carried, not dropped."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from postman_kit.collection import without_json_comments
from postman_kit.diff import upgrade
from postman_kit.generation import build_collection_from_spec
from postman_kit.openapi import load_api
from postman_kit.validate import validate_collection
from tests.tools import NODE_TOOLS, require_corpus

TRICKY = [
    '{\n  // a line comment\n  "a": 1\n}',
    '{"url": "https://example.com//path", /* block */ "b": 2}',
    '{"quote": "a \\" // not a comment", "c": 3} // trailing',
    '{"d": 4} /* unclosed',
    '{"e": "\\\\"} // after an escaped backslash',
    '{\r\n  // windows line\r\n  "f": 5\r\n}',
    '/* lead */ {"g": /* mid */ 6}',
    '{"h": "/* in a string */"}',
    '"unterminated // string',
]


def strip_json_comments_in_node(texts: list[str]) -> list[str]:
    """What postman-runtime sends for each text: strip-json-comments 3.1.1 from .ci/node, as Postman runs it."""
    module = NODE_TOOLS / "node_modules" / "strip-json-comments"
    node = shutil.which("node")
    if node is None or not module.is_dir():
        pytest.skip("node or .ci/node's strip-json-comments is absent")
    script = (
        f"const strip = require({json.dumps(str(module))});"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map((t) => strip(t, {whitespace: false}))));"
    )
    result = subprocess.run(
        [node, "-e", script], input=json.dumps(texts), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_comments_are_stripped_exactly_as_postman_strips_them() -> None:
    rng = random.Random(31)
    alphabet = ['"', "/", "*", "\\", "\n", "\r", " ", "a", "{", "}", ":", "1"]
    texts = TRICKY + ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(600)]
    assert [without_json_comments(text) for text in texts] == strip_json_comments_in_node(texts)


def commented_fork(collection: dict[str, Any], name: str, raw: str) -> dict[str, Any]:
    """`collection` with request `name`'s raw body replaced by `raw`, as the user typed it in Postman."""

    def walk(items: list[dict[str, Any]]) -> dict[str, Any] | None:
        for item in items:
            if item.get("name") == name and "request" in item:
                return item
            found = walk(item.get("item", []))
            if found is not None:
                return found
        return None

    item = walk(collection["item"])
    assert item is not None
    item["request"]["body"]["raw"] = raw
    return collection


def test_a_commented_body_is_valid_and_its_edit_survives_an_upgrade(tmp_path: Path) -> None:
    stable = require_corpus() / "klaviyo" / "stable"
    old_spec, new_spec = stable / "2023-02-22.json", stable / "2026-07-15.json"
    old = json.loads(json.dumps(build_collection_from_spec(str(old_spec)).collection.to_json()))
    raw = (
        '{\n  // our onboarding profile\n  "data": {"type": "profile", /* the CRM id */ "attributes": '
        '{"email": "fork+{{$guid}}@example.com", "first_name": "Fork"}}\n}'
    )
    fork = commented_fork(old, "Create Profile", raw)
    report = validate_collection(fork, "fork.json", api=load_api(str(old_spec)))
    assert [f.rule for f in report.findings if (f.item or "").endswith("Create Profile")] == []
    fork_path = tmp_path / "fork.json"
    fork_path.write_text(json.dumps(fork))
    collection, result = upgrade(str(fork_path), str(new_spec), today=date(2026, 8, 1), base=str(old_spec))
    upgraded = json.dumps(collection.to_json())
    assert "our onboarding profile" in upgraded and "first_name" in upgraded
    assert not any("Create Profile" in line for line in result.dropped)
    assert not any("Create Profile" in conflict.label for conflict in result.conflicts)


def test_a_body_left_mid_edit_with_an_open_comment_survives_an_upgrade_verbatim(tmp_path: Path) -> None:
    """A fork saved mid-edit (`/* TODO` never closed, as Postman lets one save) sends no valid JSON, so NEW's
    request keeps NEW's body; the user's text is not lost: the copy after it holds it byte for byte, marked ⚠."""
    stable = require_corpus() / "klaviyo" / "stable"
    old_spec, new_spec = stable / "2023-02-22.json", stable / "2026-07-15.json"
    old = json.loads(json.dumps(build_collection_from_spec(str(old_spec)).collection.to_json()))
    raw = '{\n  "data": {\n    "type": "profile",\n    /* TODO ask marketing which fields\n    "attributes": {}\n'
    fork_path = tmp_path / "fork.json"
    fork_path.write_text(json.dumps(commented_fork(old, "Create Profile", raw), indent="\t"))
    out = tmp_path / "upgraded.json"
    _, result = upgrade(str(fork_path), str(new_spec), out, today=date(2026, 8, 1), base=str(old_spec))
    assert not any("Create Profile" in line for line in result.dropped)

    def items(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [leaf for node in nodes for leaf in (items(node["item"]) if "item" in node else [node])]

    upgraded = items(json.loads(out.read_text())["item"])
    names = [item["name"] for item in upgraded]
    upstream = upgraded[names.index("Create Profile")]
    assert json.loads(upstream["request"]["body"]["raw"])["data"]["type"] == "profile"  # NEW's, valid
    mine = upgraded[names.index("Create Profile") + 1]
    assert mine["name"] == "⚠ Create Profile (your edit)"
    assert mine["request"]["body"]["raw"] == raw
    assert "not valid JSON" in mine["request"]["description"]
    assert [c.label for c in result.conflicts if "Create Profile" in c.label] == [
        "Profiles/Profiles/Create Profile (your edit)"
    ]
