"""`postman-kit upgrade OLD --to NEW -o OUT`."""

from __future__ import annotations

from datetime import datetime

import click

from postman_kit.cli import finish
from postman_kit.commands.diff import as_date, shared_options
from postman_kit.commands.refroots import ref_root_option
from postman_kit.diff import FAIL_ON, failures, upgrade
from postman_kit.diff.classify import lean_deepdiff_import
from postman_kit.diff.report import render_upgrade
from postman_kit.writer import COLLECTION_FORMATS


@click.command("upgrade")
@click.argument("old")
@ref_root_option
@click.option("--to", "new", required=True, metavar="NEW", help="The spec (or collection) to upgrade to.")
@click.option(
    "-o",
    "--out",
    required=True,
    type=click.Path(allow_dash=True),
    help="Where to write the upgraded collection: a new path or a regular file (a directory for v3), never an input "
    "(OLD is never touched); - for stdout (the report then goes to stderr).",
)
@click.option(
    "--collection-format",
    type=click.Choice(COLLECTION_FORMATS),
    help="Form of the upgraded collection (default: OLD's): v2.1, one JSON file at OUT; v3, Postman "
    "v12's git layout in OUT/postman/collections/<name>/ (never inside OLD's directory).",
)
@shared_options
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    multiple=True,
    help="Exit 1 (after writing) when a condition holds; `conflict`: a saved request no longer fits "
    "NEW. Repeatable.",
)
def upgrade_command(
    old: str,
    new: str,
    out: str,
    revisions: str | None,
    base: str | None,
    include_docs: bool,
    fmt: str,
    today: datetime | None,
    fail_on: tuple[str, ...],
    collection_format: str | None,
) -> None:
    """Write OLD brought to NEW's revision to OUT: NEW's structure, auth, variables and examples, with every
    saved request and edit of OLD carried over, conflicts kept but marked; then report.

    Exit status: 0, 1 when a --fail-on condition holds, 2 on bad input (nothing written).
    """
    with lean_deepdiff_import():
        collection, report = upgrade(
            old,
            new,
            out,
            today=as_date(today),
            base=base,
            revisions=revisions,
            include_docs=include_docs,
            collection_format=collection_format,
        )
    click.echo(render_upgrade(report, fmt), nl=False, err=out == "-")
    finish((collection, report))
    if failures(report.diff, fail_on, report):
        raise SystemExit(1)


__all__ = ["upgrade_command"]
