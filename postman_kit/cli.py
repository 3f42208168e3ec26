"""The `postman-kit` command line: thin click commands over the Python API.

Commands are loaded lazily so `postman-kit generate` never pays for the sandbox's web stack.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from postman_kit import __version__
from postman_kit.errors import InputError
from postman_kit.secrets import redact
from postman_kit.terminal import printable

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
        # A path, title or revision in the message is shown escaped: one line, nothing the terminal obeys.
        click.echo(f"postman-kit: error: {printable(redact(self.message))}", err=True)


def usage_error(exc: click.UsageError) -> KitError:
    """A click usage error (unknown option, missing argument, bad value) as the kit's one line, exit 2: click's
    own display takes four lines with the usage and a hint, which scripts reading stderr cannot tell apart from
    the output of other errors."""
    message = " ".join(exc.format_message().split())
    command = exc.ctx.command_path if exc.ctx is not None else "postman-kit"
    return KitError(f"{message} (see `{command} --help`)")


class LazyGroup(click.Group):
    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.exceptions.NoArgsIsHelpError:
            raise  # a bare group prints its help, as asked
        except click.UsageError as exc:
            raise usage_error(exc) from None

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
        except click.exceptions.NoArgsIsHelpError:
            raise  # a bare group prints its help, as asked
        except click.UsageError as exc:
            raise usage_error(exc) from None
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(0)


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="postman-kit")
def cli() -> None:
    """Generate, validate, diff and upgrade Postman collections from OpenAPI specs; run them against a
    local sandbox and look at their activity."""


# Commands that run until stopped: they keep the interpreter's cyclic garbage collector and its usual exit.
LONG_RUNNING = frozenset({"sandbox"})

_running_as_program = False
_finished: list[Any] = []  # kept alive to the end: freeing a result object by object is the teardown we skip


def finish(result: Any) -> None:
    """Called by a one-shot command with its result: the process may end without the interpreter's teardown."""
    if _running_as_program:
        _finished.append(result)


def command_name(args: list[str]) -> str | None:
    """The command `args` run: the first word that is not an option (the group's options take no value)."""
    return next((arg for arg in args if not arg.startswith("-")), None)


def main() -> None:
    """The `postman-kit` program, and the one place that changes how the process runs; the library never does.

    A one-shot command builds large graphs of objects (a spec, a collection, a report) that reference counting
    alone frees: the cyclic garbage collector would only walk them again and again as they grow, so it stays off
    for the process's short life (12% of a `generate`'s CPU time on Klaviyo 2026-07-15). Once such a command has
    written its output and handed its result to `finish`, the process ends with `os._exit` after flushing stdout
    and stderr, without a teardown that would free those objects one by one (about 3%; mypy ends the same way).
    Long-running commands (LONG_RUNNING) keep both; in-process callers of the library get neither.
    """
    global _running_as_program
    if command_name(sys.argv[1:]) in LONG_RUNNING:
        cli(prog_name="postman-kit")
        return
    _running_as_program = True
    gc.disable()
    try:
        cli(prog_name="postman-kit")
    except SystemExit as exc:
        if not _finished:
            raise
        code = exc.code
        if isinstance(code, str):
            print(code, file=sys.stderr)
        _end_now(code if isinstance(code, int) else 0 if code is None else 1)


def _end_now(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass  # a reader that went away (`| head`) is no error of ours, as in LazyGroup.invoke
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
