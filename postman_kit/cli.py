"""The `postman-kit` command line: thin click commands over the Python API.

Commands are loaded lazily so `postman-kit generate` never pays for the sandbox's web stack.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from postman_kit import __version__
from postman_kit.errors import InputError

# command name → "module:attribute"; each module holds one click command (or group).
COMMANDS: dict[str, str] = {
    "generate": "postman_kit.commands.generate:generate_command",
    "validate": "postman_kit.commands.validate:validate_command",
    "diff": "postman_kit.commands.diff:diff_command",
    "upgrade": "postman_kit.commands.upgrade:upgrade_command",
    "sandbox": "postman_kit.commands.sandbox:sandbox_command",
    "activity": "postman_kit.commands.activity:activity_command",
    "logs": "postman_kit.commands.logs:logs_command",
    "snippet": "postman_kit.commands.snippet:snippet_command",
}


class KitError(click.ClickException):
    """Bad input reported as one line, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"postman-kit: error: {self.message}", err=True)


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, _, attribute = target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            raise KitError(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="postman-kit")
def cli() -> None:
    """Generate, validate, diff and upgrade Postman collections from OpenAPI specs; run them against a
    local sandbox and look at their activity."""


def main() -> None:
    cli(prog_name="postman-kit")


if __name__ == "__main__":  # pragma: no cover
    main()
