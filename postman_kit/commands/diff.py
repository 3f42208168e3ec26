"""`postman-kit diff OLD NEW`."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import click

from postman_kit.cli import finish
from postman_kit.diff import FAIL_ON, diff, failures
from postman_kit.diff.classify import lean_deepdiff_import
from postman_kit.diff.report import FORMATS, render_diff

DIFF_FAIL_ON = tuple(c for c in FAIL_ON if c != "conflict")


# What `datetime.strptime(value, "%Y-%m-%d")` accepts, read without it: its first call imports and builds
# locale tables (about 4 ms of a command meant to take 0.5 s).
_ISO_DATE = re.compile(r"(\d\d\d\d)-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])", re.IGNORECASE)


class DateParam(click.ParamType):
    """A YYYY-MM-DD date, accepted and refused exactly as `click.DateTime(formats=["%Y-%m-%d"])` would."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value.date() if isinstance(value, datetime) else value
        found = _ISO_DATE.fullmatch(value)
        try:
            if found is not None:
                return date(*(int(part) for part in found.groups()))
        except ValueError:
            pass  # a day past the month's end, as strptime refuses it
        self.fail(f"{value!r} does not match the format '%Y-%m-%d'.", param, ctx)


def today_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--today", type=DateParam(), metavar="YYYY-MM-DD",
        help="The date the lifecycle is judged on, YYYY-MM-DD (default: today).",
    )(function)


def shared_options(function: click.decorators.FC) -> click.decorators.FC:
    """Options diff and upgrade both take."""
    for option in reversed([
        click.option("--revisions", type=click.Path(exists=False), metavar="FILE|DIR",
                     help="Known revisions: a file (one a line) or a directory of specs (e.g. "
                          "../shared/corpus/klaviyo/stable); counts revisions behind and finds OLD's spec."),
        click.option("--base", metavar="SPEC", help="The spec OLD was generated from (default: found in --revisions by OLD's "
                                    "revision); enables the full comparison and three-way upgrade."),
        click.option("--include-docs", is_flag=True, help="Also report description-only changes."),
        click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
                     help="Report format (markdown suits a pull-request comment)."),
    ]):
        function = option(function)
    return today_option(function)


def as_date(value: date | None) -> date:
    return value if value is not None else date.today()


@click.command("diff")
@click.argument("old")
@click.argument("new")
@shared_options
@click.option("--fail-on", type=click.Choice(DIFF_FAIL_ON), multiple=True,
              help="Exit 1 when OLD is stale, deprecated or retired, or there are breaking changes (or any "
                   "difference). Repeatable.")
def diff_command(
    old: str, new: str, revisions: str | None, base: str | None, include_docs: bool, fmt: str,
    today: date | None, fail_on: tuple[str, ...],
) -> None:
    """Say how stale OLD is against NEW and what changed: operations added, removed and changed (breaking
    or not), and which of OLD's saved requests break in NEW.

    OLD and NEW are each a Postman collection or an OpenAPI spec (path, URL or - for stdin).
    Exit status: 0, 1 when a --fail-on condition holds, 2 on bad input.
    """
    with lean_deepdiff_import():
        report = diff(old, new, today=as_date(today), base=base, revisions=revisions, include_docs=include_docs)
    click.echo(render_diff(report, fmt), nl=False)
    finish(report)
    if failures(report, fail_on):
        raise SystemExit(1)


__all__ = ["diff_command"]
