"""`postman-kit sandbox`: startup output, keys never in full, bad input as one line with exit 2."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
import uvicorn

from postman_kit.secrets import truncate_key
from tests.tools import EXAMPLE_SPEC, run_program


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Capture what would be served on the bound socket instead of serving it."""
    calls: list[dict] = []

    def capture(server: uvicorn.Server, sockets: list[socket.socket]) -> None:
        host, port = sockets[0].getsockname()[:2]
        calls.append({"app": server.config.app, "host": host, "port": port})

    monkeypatch.setattr(uvicorn.Server, "run", capture)
    return calls


def test_startup_prints_the_test_key_truncated_and_serves_on_loopback(
    run_cli, served: list[dict], tmp_path: Path
) -> None:
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--port", "0")
    assert result.exit_code == 0, result.output
    keys = json.loads((tmp_path / "data" / "keys.json").read_text())
    secret = next(iter(keys["keys"]))
    company_id = next(iter(keys["company_ids"]))
    assert secret not in result.output
    assert truncate_key(secret) in result.output and company_id in result.output
    port = served[0]["port"]
    assert f"Acme Marketing API revision 2026-07-15 at http://127.0.0.1:{port}" in result.output
    assert served[0]["host"] == "127.0.0.1" and port > 0
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


def test_a_busy_port_is_one_line_and_exit_2_before_anything_is_written(tmp_path: Path) -> None:
    with socket.create_server(("127.0.0.1", 0)) as busy:
        port = busy.getsockname()[1]
        result = run_program(
            "sandbox", str(EXAMPLE_SPEC), "--data", str(tmp_path / "data"), "--port", str(port)
        )
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"postman-kit: error: 127.0.0.1:{port}: cannot listen: ")
    assert "already in use" in result.stderr
    assert not (tmp_path / "data").exists()


def test_reset_starts_from_the_seeded_resources(run_cli, served: list[dict], tmp_path: Path) -> None:
    """A collection that creates a profile runs twice against --reset without a 409 the second time."""
    data = tmp_path / "data"
    assert run_cli("sandbox", EXAMPLE_SPEC, "--data", data, "--port", "0").exit_code == 0
    sandbox = served[-1]["app"].state.sandbox
    kind = next(iter(sandbox.kinds.values()))
    seeded = {rid for rid, _ in sandbox.store.all(kind.type)}
    sandbox.store.put(kind.type, "ADDED", {"email": "added@example.com"})
    sandbox.close()
    assert run_cli("sandbox", EXAMPLE_SPEC, "--data", data, "--port", "0").exit_code == 0
    kept = served[-1]["app"].state.sandbox
    assert "ADDED" in {rid for rid, _ in kept.store.all(kind.type)}
    kept.close()
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", data, "--port", "0", "--fresh")
    assert result.exit_code == 0 and "reset to the seeded examples" in result.output
    fresh = served[-1]["app"].state.sandbox
    assert {rid for rid, _ in fresh.store.all(kind.type)} == seeded
    fresh.close()


def test_timezone_sets_where_the_dashboards_today_begins(run_cli, served: list[dict], tmp_path: Path) -> None:
    bad = run_cli(
        "sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--port", "0", "--timezone", "Mars/Base"
    )
    assert bad.exit_code == 2 and "unknown time zone 'Mars/Base'" in bad.output and served == []
    assert not (tmp_path / "data").exists()
    result = run_cli("sandbox", EXAMPLE_SPEC, "--data", tmp_path / "data", "--port", "0", "--timezone", "UTC")
    assert result.exit_code == 0, result.output
    served[0]["app"].state.sandbox.close()
