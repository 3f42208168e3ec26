"""`postman-kit validate COLLECTION...`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from postman_kit.cli import finish
from postman_kit.commands.refroots import ref_root_option
from postman_kit.validate import load_config, validate
from postman_kit.validate.reporters import FORMATS, render
from postman_kit.validate.rules import RULES


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select auth,lint --select revision/header` → ("auth", "lint", "revision/header")."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _list_rules(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for rule in sorted(RULES, key=lambda r: r.id):
        spec = " (with --spec)" if rule.needs_spec else ""
        profile = f" ({rule.profile} collections only)" if rule.profile else ""
        click.echo(f"{rule.id:<36} {rule.severity.label:<8}{rule.summary}{spec}{profile}")
    ctx.exit(0)


@click.command("validate")
@click.argument("collections", nargs=-1, required=True)
@click.option("--spec", help="OpenAPI spec (path, URL or -) to check saved requests and examples against.")
@click.option(
    "-e",
    "--environment",
    help="Postman environment file: its variables resolve {{…}}, its secrets are checked.",
)
@click.option("-g", "--globals", "globals_file", help="Postman globals file (e.g. holding companyId).")
@ref_root_option
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Only these rules: ids (auth/literal-key), families (auth) or ALL; comma-separated, repeatable.",
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Skip these rules (ids or families).")
@click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    help="Exit 1 when a finding is at least this severe.  [default: error]",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    help="Write the report to this file (a new path or a regular file, never an input) instead of stdout.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Settings file (postman-kit.toml or pyproject.toml) [default: the nearest one].",
)
@click.option("--color/--no-color", default=None, help="Colour the text report [default: on a terminal].")
@click.option(
    "--list-rules",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_list_rules,
    help="List every rule with its default severity and exit.",
)
def validate_command(
    collections: tuple[str, ...],
    spec: str | None,
    environment: str | None,
    globals_file: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    output_format: str,
    output: str | None,
    config_file: str | None,
    color: bool | None,
) -> None:
    """Check Postman collections (and the requests saved in them) offline; exit 1 on findings.

    COLLECTION is a v2.1 collection file (a path, an http(s) URL, or - for stdin). With --spec, saved
    requests are checked against the OpenAPI spec: paths, methods, query parameters, filters, bodies.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input.
    """
    config = load_config(config_file).with_options(
        select=_selectors(select), ignore=_selectors(ignore), fail_on=fail_on
    )
    unknown = [s for s in config.select + config.ignore if not _known_selector(s)]
    if unknown:
        raise click.BadParameter(
            f"no rule or family {unknown[0]!r} (see --list-rules)", param_hint="--select/--ignore"
        )
    report = validate(
        collections, spec=spec, environment=environment, globals_file=globals_file, config=config
    )
    to_stdout = output is None or output == "-"
    use_color = color if color is not None else (to_stdout and sys.stdout.isatty())
    text = render(report, output_format, color=use_color and output_format == "text")
    if to_stdout or output is None:
        click.echo(text, nl=False)
    else:
        from postman_kit.writer import input_paths, write_atomic

        inputs = input_paths(
            *collections,
            spec or config.spec,
            environment or config.environment,
            globals_file or config.globals,
            config_file or config.source,
            *report.read,
        )
        write_atomic(Path(output), text.encode(), protect=inputs)
    finish(report)
    sys.exit(report.exit_code)


def _known_selector(selector: str) -> bool:
    return selector == "ALL" or any(r.id == selector or r.family == selector for r in RULES)


__all__ = ["validate_command"]
