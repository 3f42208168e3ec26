"""`postman-kit sandbox`: startup output, keys never in full, bad input as one line with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import uvicorn

from postman_kit.secrets import truncate_key
from tests.tools import EXAMPLE_SPEC


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Capture what would be served instead of binding a port."""
    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs}))
    return calls


def test_startup_prints_the_test_key_truncated_and_serves_on_loopback(run_cli, served: list[dict],
                                                                      tmp_path: Path) -> None:
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--port", "4999")
    assert result.exit_code == 0, result.output
    keys = json.loads((tmp_path / "data" / "keys.json").read_text())
    secret = next(iter(keys["keys"]))
    company_id = next(iter(keys["company_ids"]))
    assert secret not in result.output
    assert truncate_key(secret) in result.output and company_id in result.output
    assert "Acme Marketing API revision 2026-07-15 at http://127.0.0.1:4999" in result.output
    assert served[0]["host"] == "127.0.0.1" and served[0]["port"] == 4999
    assert (tmp_path / "data" / "logs.sqlite3").exists()  # every call goes to the log store
    assert any(getattr(route, "path", "") == "/_activity" for route in served[0]["app"].routes)


def test_a_keys_file_replaces_the_default_key(run_cli, served: list[dict], tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    keys.write_text("keys:\n  pk_" + "7" * 34 + ": {name: CI, scopes: [profiles:read]}\n")
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--keys", keys, "--no-rate-limits")
    assert result.exit_code == 0, result.output
    assert "pk_…7777 (CI: profiles:read" in result.output and "rate limits off" in result.output
    assert not (tmp_path / "data" / "keys.json").exists()
    assert served[0]["app"].state.sandbox.limiter is None


def test_bad_input_is_one_line_and_exit_2(run_cli, served: list[dict], tmp_path: Path) -> None:
    missing = run_cli("sandbox", tmp_path / "absent.yaml", "--data", tmp_path / "data")
    assert missing.exit_code == 2 and missing.output.count("\n") == 1
    assert missing.output.startswith("postman-kit: error: ") and "absent.yaml" in missing.output
    bad_keys = tmp_path / "keys.yaml"
    bad_keys.write_text("- just a list\n")
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--keys", bad_keys)
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert f"{bad_keys}: a keys file is a mapping" in result.output
    assert served == []
