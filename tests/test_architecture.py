"""The import rules of pyproject.toml ([tool.importlinter]) hold: the structure ARCHITECTURE.md describes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(sys.argv[1], no_cache=True))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-c", code, str(config)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_climb_back_up_breaks_a_contract(tmp_path: Path) -> None:
    """The checker sees the real graph: forbidding an import the code makes (diff builds with generate) fails."""
    config = tmp_path / "importlinter.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "postman_kit"\n\n[[tool.importlinter.contracts]]\n'
        'name = "diff without generate"\ntype = "forbidden"\nsource_modules = ["postman_kit.diff"]\n'
        'forbidden_modules = ["postman_kit.generation"]\n'
    )
    result = lint_imports(config)
    assert result.returncode == 1, result.stdout[-2000:] + result.stderr[-2000:]
    assert "BROKEN" in result.stdout


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in tests/support (or tests/tools.py, conftest.py): importing a test module runs its
    module-level setup and lets pytest collect its tests twice under another name."""
    import ast

    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else ([alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            )
            offenders += [
                f"{path.relative_to(ROOT)}: {name}"
                for name in names
                if name.split(".")[:2][-1].startswith("test_") and name.startswith("tests.")
            ]
    assert offenders == []
