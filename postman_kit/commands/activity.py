"""`postman-kit activity`: the API activity dashboard in the terminal."""

from __future__ import annotations

import time
from typing import Any

import click

from postman_kit.activity.query import call_filter
from postman_kit.activity.text_views import activity_text
from postman_kit.commands.logs import FORMATS, filter_options, open_cli_store, store_options
from postman_kit.secrets import redact
from postman_kit.terminal import printable_lines
from postman_kit.writer import printed_json


@click.command("activity")
@click.option("--path", help="Only calls to this endpoint template (/api/profiles/{id}) or path part.")
@filter_options
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
@store_options
def activity_command(
    path: str | None, output_format: str, data_dir: str, store_url: str | None, **filters: Any
) -> None:
    """Total calls, errors and error rate, by endpoint category, status group, endpoint and over time.

    Counts calls pruned after the retention too (from their daily totals) unless a filter looks at
    what those totals do not keep: --path, --source, --revision or --id.
    """
    now = time.time()
    where = call_filter(now, path, **filters)
    with open_cli_store(data_dir, store_url) as store:
        activity = store.activity(where, now=now)
    if output_format == "json":
        click.echo(printed_json(activity.to_json()), nl=False)
    else:
        click.echo(printable_lines(redact(activity_text(activity))), nl=False)


__all__ = ["activity_command"]
