from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.tools import EXAMPLE_SPEC, FORK, postman_migrate


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that runs newman, a browser or the fuzzer, or reads the real-world corpus, is also `slow`:
    `pytest -m "not slow"` is the inner loop of tests that need nothing but Python."""
    for item in items:
        if any(item.get_closest_marker(name) for name in ("newman", "browser", "corpus", "fuzz")):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def example_spec() -> Path:
    return EXAMPLE_SPEC


@pytest.fixture
def run_cli():
    """Run `postman-kit ARGS...` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from postman_kit.cli import cli

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def v3_fork(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """FORK as Postman's CLI migrates it to a v3 directory: made once, read by every test (never written)."""
    return postman_migrate(FORK, tmp_path_factory.mktemp("v3") / "fork")
