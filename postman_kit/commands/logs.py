"""`postman-kit logs search|show|import|prune`: the API logs tool over the log store."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Any

import click
from sqlalchemy.exc import OperationalError

from postman_kit.activity.periods import format_instant, parse_duration
from postman_kit.activity.query import call_filter
from postman_kit.activity.text_views import call_detail_text, calls_text
from postman_kit.commands.refroots import ref_root_option
from postman_kit.errors import InputError
from postman_kit.logstore import (
    DEFAULT_DATA_DIR,
    DEFAULT_RETENTION_DAYS,
    SEARCH_COUNT_CAP,
    LogStore,
    open_store,
    store_target,
)
from postman_kit.secrets import redact
from postman_kit.terminal import printable, printable_lines
from postman_kit.writer import printed_json

FORMATS = click.Choice(["text", "json"])


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--data DIR / --store URL, shared by every command that reads or writes the log store."""
    command = click.option(
        "--store",
        "store_url",
        metavar="URL",
        help="Log store: a postgresql:// URL or a SQLite file (default: DIR/logs.sqlite3).",
    )(command)
    return click.option(
        "--data",
        "data_dir",
        default=DEFAULT_DATA_DIR,
        show_default=True,
        type=click.Path(file_okay=False),
        help="Data directory holding logs.sqlite3.",
    )(command)


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The filters `logs search` and `activity` share."""
    for option in reversed(
        [
            click.option(
                "--since",
                help="Only calls after this: today, a duration back from now (3h, 24h, 3d, 7d, "
                "30d, 90d) or a date.",
            ),
            click.option("--timezone", help="Time zone `today` begins in (IANA name; default: local)."),
            click.option("--until", help="Only calls before this (same forms as --since)."),
            click.option(
                "--status",
                "statuses",
                multiple=True,
                help="Status code or group: 404, 4xx, 5xx, success, failed, all; repeatable.",
            ),
            click.option("--method", "methods", multiple=True, help="HTTP method; repeatable."),
            click.option(
                "--category",
                "categories",
                multiple=True,
                help="Endpoint category (the tag / folder, e.g. Profiles); repeatable.",
            ),
            click.option(
                "--source",
                "sources",
                multiple=True,
                help="Who called: private, public (onsite, public-other), oauth, none, or a key's or "
                "app's name; repeatable.",
            ),
            click.option("--revision", "revisions", multiple=True, help="API revision header; repeatable."),
            click.option(
                "--id",
                "resource_id",
                help="Only calls whose path, request or response carries this identifier: a call, error, "
                "job or resource id, email, phone number, external or anonymous id, private key, "
                "catalog or coupon id, metric name.",
            ),
        ]
    ):
        command = option(command)
    return command


@contextlib.contextmanager
def open_cli_store(data_dir: str, store_url: str | None, create: bool = False) -> Iterator[LogStore]:
    """The store, open while the block runs; a row in it the kit never wrote (a timestamp past year 9999,
    headers that are no JSON: a store edited by hand or by another program) is a one-line error."""
    with open_store(store_target(data_dir, store_url), create=create) as store:
        try:
            yield store
        except (ValueError, OverflowError) as exc:
            raise InputError(store.name, f"holds a call the kit cannot read: {exc}") from None
        # a statement past STATEMENT_SECONDS (a table made an endless view), a store another program locked, …
        except OperationalError as exc:
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            raise InputError(store.name, f"cannot be read: {reason}") from None


@click.group("logs")
def logs_command() -> None:
    """API logs: every call the sandbox served or a newman run made, kept 14 days with keys truncated."""


@logs_command.command("search")
@click.argument("path", required=False)
@filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000), help="Calls to show.")
@click.option(
    "--offset", default=0, show_default=True, type=click.IntRange(0, 10**9), help="Calls to skip first."
)
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
@store_options
def search_command(
    path: str | None,
    limit: int,
    offset: int,
    output_format: str,
    data_dir: str,
    store_url: str | None,
    **filters: Any,
) -> None:
    """Find calls, newest first. PATH is an endpoint template with wildcards (/api/profiles/{id}, which
    also matches :id and trailing slashes) or any part of the path (profiles)."""
    where = call_filter(time.time(), path, **filters)
    with open_cli_store(data_dir, store_url) as store:
        found = store.search(where, limit=limit, offset=offset)
        total = store.count(where, cap=SEARCH_COUNT_CAP)
    if output_format == "json":
        counted = {"total": min(total, SEARCH_COUNT_CAP), "total_is_lower_bound": total > SEARCH_COUNT_CAP}
        click.echo(
            printed_json({**counted, "calls": [call.to_json() for call in found]}),
            nl=False,
        )
    else:
        click.echo(printable_lines(redact(calls_text(found, total))), nl=False)


@logs_command.command("show")
@click.argument("call_id")
@click.option("--format", "output_format", type=FORMATS, default="text", show_default=True)
@store_options
def show_command(call_id: str, output_format: str, data_dir: str, store_url: str | None) -> None:
    """Print one call's request and response in full (keys truncated)."""
    with open_cli_store(data_dir, store_url) as store:
        call = store.get(call_id)
        if call is None:
            raise InputError(call_id, f"no call with this id in {store.name}")
    click.echo(
        printed_json(call.to_json())
        if output_format == "json"
        else printable_lines(redact(call_detail_text(call))),
        nl=False,
    )


@logs_command.command("import")
@click.argument("report", type=click.Path(dir_okay=False))
@ref_root_option
@click.option("--source", default="newman", show_default=True, help="Source name the imported calls carry.")
@click.option(
    "--spec",
    help="OpenAPI spec to name endpoints and categories by (default: the collection's "
    "request URLs and top folders).",
)
@click.option(
    "--retention",
    type=click.FloatRange(min=0, min_open=True),
    default=DEFAULT_RETENTION_DAYS,
    show_default=True,
    help="Days of calls to keep; older ones fold into daily totals as the store is written.",
)
@store_options
def import_command(
    report: str, source: str, spec: str | None, retention: float, data_dir: str, store_url: str | None
) -> None:
    """Import the calls of a newman JSON report (newman run ... -r json --reporter-json-export REPORT)."""
    from postman_kit.logstore.newman import calls_from_newman_report, read_newman_report
    from postman_kit.logstore.records import CALL_ID_HEADER

    index = None
    if spec:
        from postman_kit.openapi import load_api
        from postman_kit.routing import OperationIndex

        index = OperationIndex(load_api(spec))
    imported = calls_from_newman_report(read_newman_report(report), source=source, index=index, name=report)
    with open_store(store_target(data_dir, store_url), retention_days=retention) as store:
        added = store.record_many(imported.calls)
        name = store.name
        folded = store.last_prune.deleted if store.last_prune is not None else 0
    already = len(imported.calls) - added
    merged = min(already, imported.stamped)
    click.echo(
        f"imported {added} calls from {printable(report)} into {printable(name)}"
        + (f"; merged {merged} the sandbox had recorded (matched by {CALL_ID_HEADER})" if merged else "")
        + (f" ({already - merged} already stored)" if already - merged else "")
        + (f"; {imported.skipped} executions without a response skipped" if imported.skipped else "")
        # imported calls past the retention are counted by `activity` but never listed: say so
        + (
            f"; {folded} calls older than {retention:g} days folded into daily totals (counted by "
            "activity, no longer listed)"
            if folded
            else ""
        )
    )


@logs_command.command("prune")
@click.option(
    "--retention",
    default=f"{DEFAULT_RETENTION_DAYS}d",
    show_default=True,
    help="Keep calls this recent (30m, 24h, 14d, 2w); older ones become daily totals.",
)
@store_options
def prune_command(retention: str, data_dir: str, store_url: str | None) -> None:
    """Delete calls older than the retention; their daily totals per endpoint, method and status stay."""
    days = parse_duration(retention, "--retention") / 86400
    with open_cli_store(data_dir, store_url) as store:
        result = store.prune(now=time.time(), retention_days=days)
    click.echo(
        f"pruned {result.deleted} calls older than {format_instant(result.cutoff)}"
        + (f"; daily totals updated for {result.days} day(s)" if result.deleted else "")
    )


__all__ = ["filter_options", "logs_command", "open_cli_store", "store_options"]
