"""`postman-kit diff OLD NEW`."""

from __future__ import annotations

from datetime import date, datetime

import click

from postman_kit.cli import finish
from postman_kit.commands.refroots import ref_root_option
from postman_kit.diff import FAIL_ON, diff, failures
from postman_kit.diff.classify import lean_deepdiff_import
from postman_kit.diff.report import FORMATS, render_diff

DIFF_FAIL_ON = tuple(c for c in FAIL_ON if c != "conflict")


def today_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--today",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        metavar="YYYY-MM-DD",
        help="The date the lifecycle is judged on, YYYY-MM-DD (default: today).",
    )(function)


def shared_options(function: click.decorators.FC) -> click.decorators.FC:
    """Options diff and upgrade both take."""
    for option in reversed(
        [
            click.option(
                "--revisions",
                type=click.Path(exists=False),
                metavar="FILE|DIR",
                help="Known revisions: a file (one a line) or a directory of specs (e.g. "
                "../shared/corpus/klaviyo/stable); counts revisions behind and finds OLD's spec.",
            ),
            click.option(
                "--base",
                metavar="SPEC",
                help="The spec OLD was generated from (default: found in --revisions by OLD's "
                "revision); enables the full comparison and three-way upgrade.",
            ),
            click.option("--include-docs", is_flag=True, help="Also report description-only changes."),
            click.option(
                "--format",
                "fmt",
                type=click.Choice(FORMATS),
                default="text",
                show_default=True,
                help="Report format (markdown suits a pull-request comment).",
            ),
        ]
    ):
        function = option(function)
    return today_option(function)


def as_date(value: datetime | None) -> date:
    return value.date() if value is not None else date.today()


@click.command("diff")
@click.argument("old")
@click.argument("new")
@ref_root_option
@shared_options
@click.option(
    "--fail-on",
    type=click.Choice(DIFF_FAIL_ON),
    multiple=True,
    help="Exit 1 when OLD is stale, deprecated or retired, or there are breaking changes (or any "
    "difference). Repeatable.",
)
def diff_command(
    old: str,
    new: str,
    revisions: str | None,
    base: str | None,
    include_docs: bool,
    fmt: str,
    today: datetime | None,
    fail_on: tuple[str, ...],
) -> None:
    """Say how stale OLD is against NEW and what changed: operations added, removed and changed (breaking
    or not), and which of OLD's saved requests break in NEW.

    OLD and NEW are each a Postman collection or an OpenAPI spec (path, URL or - for stdin).
    Exit status: 0, 1 when a --fail-on condition holds, 2 on bad input.
    """
    with lean_deepdiff_import():
        report = diff(
            old, new, today=as_date(today), base=base, revisions=revisions, include_docs=include_docs
        )
    click.echo(render_diff(report, fmt), nl=False)
    finish(report)
    if failures(report, fail_on):
        raise SystemExit(1)


__all__ = ["diff_command"]
