"""Revision stamping: where the revision comes from, and how it names and reaches every request."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.generate import OK, build_json, headers, minimal_spec, requests_by_name, write_spec


def revision_spec(header_default: str | None, version: str = "1.0") -> dict:
    parameters = []
    if header_default is not None:
        parameters = [
            {
                "name": "revision",
                "in": "header",
                "required": True,
                "schema": {"type": "string", "default": header_default},
            }
        ]
    return minimal_spec(
        {
            "/things": {"get": {"summary": "List things", "parameters": parameters, "responses": OK}},
            "/things/{id}": {
                "get": {
                    "summary": "Get thing",
                    "parameters": [
                        *parameters,
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                    ],
                    "responses": OK,
                }
            },
        },
        info={"title": "Test API", "version": version},
    )


def test_revision_comes_from_the_revision_headers_default(tmp_path: Path) -> None:
    collection = build_json(tmp_path, revision_spec("2025-01-15", version="9.9"))
    assert collection["info"]["name"] == "(Stable) Test API (v2025-01-15)"
    assert {"key": "revision", "value": "2025-01-15", "type": "string"} in collection["variable"]


def test_revision_falls_back_to_info_version(tmp_path: Path) -> None:
    collection = build_json(tmp_path, revision_spec(None, version="2.3.0"))
    assert collection["info"]["name"] == "(Stable) Test API (v2.3.0)"


def test_every_request_sends_the_revision_variable(tmp_path: Path) -> None:
    collection = build_json(tmp_path, revision_spec("2025-01-15"))
    for item in requests_by_name(collection).values():
        assert headers(item["request"])["revision"] == "{{revision}}"


def test_revision_option_wins_and_names_the_files(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, revision_spec("2025-01-15"))
    result = run_cli("generate", spec, "--out", tmp_path / "out", "--revision", "2024-10-15")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == [
        "test-api-v2024-10-15.postman_collection.json",
        "test-api-v2024-10-15.postman_environment.json",
        "test-api.postman_globals.json",
    ]
    collection = json.loads((tmp_path / "out" / names[0]).read_text())
    assert collection["info"]["name"] == "(Stable) Test API (v2024-10-15)"
    assert {"key": "revision", "value": "2024-10-15", "type": "string"} in collection["variable"]
    environment = json.loads((tmp_path / "out" / names[1]).read_text())
    assert environment["name"] == "Test API (v2024-10-15)"


@pytest.mark.parametrize(
    ("header_default", "channel", "name"),
    [
        ("2026-07-15.pre", None, "(Beta) Test API (v2026-07-15.pre)"),
        ("2026-07-15", "beta", "(Beta) Test API (v2026-07-15)"),
        ("2026-07-15.pre", "stable", "(Stable) Test API (v2026-07-15.pre)"),
        ("2026-07-15", None, "(Stable) Test API (v2026-07-15)"),
    ],
)
def test_channel_label(tmp_path: Path, header_default: str, channel: str | None, name: str) -> None:
    assert build_json(tmp_path, revision_spec(header_default), channel=channel)["info"]["name"] == name


def test_channel_option_through_the_cli(run_cli, tmp_path: Path) -> None:
    spec = write_spec(tmp_path, revision_spec("2026-07-15"))
    assert run_cli("generate", spec, "--out", tmp_path, "--channel", "beta").exit_code == 0
    collection = json.loads((tmp_path / "test-api-v2026-07-15.postman_collection.json").read_text())
    assert collection["info"]["name"] == "(Beta) Test API (v2026-07-15)"
    bad = run_cli("generate", spec, "--out", tmp_path, "--channel", "nightly")
    assert bad.exit_code == 2 and "nightly" in bad.stderr


def test_collection_ids_differ_per_revision_but_not_per_run(tmp_path: Path) -> None:
    first = build_json(tmp_path, revision_spec("2025-01-15"))
    again = build_json(tmp_path, revision_spec("2025-01-15"))
    other = build_json(tmp_path, revision_spec("2025-04-15"))
    assert first["info"]["_postman_id"] == again["info"]["_postman_id"] != other["info"]["_postman_id"]


def test_a_beta_spec_titled_beta_is_not_labelled_twice(tmp_path: Path) -> None:
    doc = revision_spec("2026-07-15.pre")
    doc["info"]["title"] = "Klaviyo API (Beta)"
    assert build_json(tmp_path, doc)["info"]["name"] == "(Beta) Klaviyo API (v2026-07-15.pre)"
