"""The README's command reference is what `--help` prints: a changed option or help text fails here until
`python .ci/readme_commands.py` is run again."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands():
    spec = importlib.util.spec_from_file_location("readme_commands", ROOT / ".ci" / "readme_commands.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_command_reference_is_the_programs_help() -> None:
    tool = _readme_commands()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert tool.START in readme and tool.END in readme
    assert tool.rewritten(readme) == readme, "run python .ci/readme_commands.py and commit README.md"


def test_an_option_added_to_a_command_shows_as_drift() -> None:
    tool = _readme_commands()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stale = readme.replace(
        "$ postman-kit generate --help", "$ postman-kit generate --help\n--an-old-option", 1
    )
    assert tool.rewritten(stale) == readme != stale


def test_every_command_is_in_the_reference() -> None:
    from postman_kit.cli import COMMANDS

    block = _readme_commands().commands_block()
    assert all(f"$ postman-kit {name} --help" in block for name in COMMANDS)
