"""`--allow-ref-root`: the option every command that reads a spec takes."""

from __future__ import annotations

from typing import Any

import click

from postman_kit.loader import allowed_ref_roots


def _allow(ctx: click.Context, param: click.Parameter, roots: tuple[str, ...]) -> None:
    if roots:
        ctx.with_resource(allowed_ref_roots(roots))  # undone when the command's context closes


def ref_root_option(command: Any) -> Any:
    return click.option(
        "--allow-ref-root",
        "ref_roots",
        multiple=True,
        metavar="DIR",
        expose_value=False,
        callback=_allow,
        help="Let the spec's $refs also read files under DIR (or URLs under an http(s) prefix); by default they "
        "stay inside the spec's own directory. Repeatable.",
    )(command)
