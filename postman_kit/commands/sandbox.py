"""`postman-kit sandbox SPEC`: serve one spec revision locally, Klaviyo-faithful, stateful, logged."""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import TYPE_CHECKING

import click

from postman_kit.commands.refroots import ref_root_option
from postman_kit.errors import InputError
from postman_kit.secrets import redact
from postman_kit.terminal import printable

if TYPE_CHECKING:
    from postman_kit.openapi import Api

DEFAULT_DATA_DIR = ".postman-kit/sandbox"
LOG_STORE_FILE = "logs.sqlite3"
# what the sandbox keeps in DATA, owner-only: earlier versions left some of them readable by anyone
_DATA_FILES = (
    "keys.json",
    "sandbox.sqlite3",
    "sandbox.sqlite3-wal",
    "sandbox.sqlite3-shm",
    "logs.sqlite3",
    "logs.sqlite3-wal",
    "logs.sqlite3-shm",
    "logs.sqlite3-journal",
    "logs.sqlite3.calls.jsonl",
)


class ByteSize(click.ParamType):
    name = "size"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        from postman_kit.sandbox.guard import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@click.command("sandbox")
@click.argument("spec")
@ref_root_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default)."
)
@click.option(
    "--port", default=4010, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on."
)
@click.option(
    "--keys",
    "keys_file",
    type=click.Path(dir_okay=False),
    help="Keys file (JSON/YAML): private keys with names and scopes, company ids. "
    "Default: DATA/keys.json, created with a full-access test key.",
)
@click.option(
    "--data",
    "data_dir",
    default=DEFAULT_DATA_DIR,
    show_default=True,
    type=click.Path(file_okay=False),
    help="Directory holding the sandbox's resources (kept across restarts) and its call log.",
)
@click.option(
    "--store",
    "store_url",
    help="Log store for every call: a SQLite path or postgresql:// URL (default: DATA/logs.sqlite3).",
)
@click.option("--no-rate-limits", is_flag=True, help="Do not enforce the spec's rate limits (no 429s).")
@click.option(
    "--max-body",
    default="1MB",
    show_default=True,
    type=ByteSize(),
    help="Largest request body accepted (bytes, or with KB/MB/GB, counted in 1024s); larger is 413.",
)
@click.option(
    "--allow-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another Host name to answer besides localhost, 127.0.0.1, [::1] and --host (e.g. this "
    "machine's name when bound to 0.0.0.0); repeatable. Other names get 421.",
)
@click.option(
    "--retention",
    type=click.FloatRange(min=0, min_open=True),
    default=14.0,
    show_default=True,
    help="Days of calls the log keeps; older ones fold into daily totals as calls are recorded.",
)
@click.option(
    "--reset",
    "--fresh",
    "reset",
    is_flag=True,
    help="Start from the seeded resources (the spec's examples), dropping those kept in DATA; "
    "keys and the call log stay.",
)
@click.option(
    "--job-seconds",
    type=click.FloatRange(min=0, min_open=True),
    default=5.0,
    show_default=True,
    help="How long an async job (bulk import, bulk create, ...) takes from queued to complete.",
)
@click.option("--timezone", help="Time zone the dashboard's Today begins in (IANA name; default: local).")
def sandbox_command(
    spec: str,
    host: str,
    port: int,
    keys_file: str | None,
    data_dir: str,
    store_url: str | None,
    no_rate_limits: bool,
    max_body: int,
    allowed_hosts: tuple[str, ...],
    retention: float,
    reset: bool,
    job_seconds: float,
    timezone: str | None,
) -> None:
    """Serve SPEC as a local API: keys and scopes, revisions, 404/405/409, filters, paging, rate limits.

    State persists in DATA; every call is recorded in the log store (see `postman-kit logs`).
    """
    from postman_kit.activity.periods import start_of_today
    from postman_kit.openapi import load_api

    if timezone:
        start_of_today(0.0, timezone)  # an unknown zone is refused now, not on the first page view
    api = load_api(spec)
    # The port is taken before anything is written: a busy port is one line, with DATA untouched.
    listener = bind_listener(host, port)
    try:
        _serve_on(
            listener,
            api,
            host,
            keys_file,
            data_dir,
            store_url,
            no_rate_limits,
            max_body,
            allowed_hosts,
            retention,
            reset,
            job_seconds,
            timezone,
        )
    finally:
        listener.close()


def bind_listener(host: str, port: int) -> socket.socket:
    """A socket bound to (host, port), or InputError naming the address and why it cannot be had.

    Bound, not yet listening: uvicorn listens once the app is ready, so a client that finds the port open
    finds the data directory and log store in place too."""
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        listener = socket.socket(family, kind, protocol)
        try:
            # as uvicorn does: a port left in TIME_WAIT by the last run is taken at once
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(address)
        except OSError:
            listener.close()
            raise
        return listener
    except OSError as exc:
        reason = exc.strerror or str(exc)
        busy = exc.errno == errno.EADDRINUSE
        hint = " (another program listens there; pick another --port)" if busy else ""
        raise InputError(f"{host}:{port}", f"cannot listen: {reason}{hint}") from None


def _serve_on(
    listener: socket.socket,
    api: Api,
    host: str,
    keys_file: str | None,
    data_dir: str,
    store_url: str | None,
    no_rate_limits: bool,
    max_body: int,
    allowed_hosts: tuple[str, ...],
    retention: float,
    reset: bool,
    job_seconds: float,
    timezone: str | None,
) -> None:
    import uvicorn

    from postman_kit.activity.web import activity_routes
    from postman_kit.logstore import open_store
    from postman_kit.private_files import make_private_dir, refuse_unless_regular, restrict_to_owner
    from postman_kit.sandbox.app import create_app
    from postman_kit.sandbox.http_protocol import HeaderDeadlineProtocol
    from postman_kit.sandbox.keys import default_keys, load_keys

    data = Path(data_dir)
    try:
        make_private_dir(data)
    except OSError as exc:
        raise InputError(data_dir, f"cannot create the data directory: {exc.strerror or exc}") from None
    if not data.is_dir():
        raise InputError(data_dir, "is not a directory; give the sandbox's data directory")
    for name in _DATA_FILES:
        refuse_unless_regular(data / name)
        restrict_to_owner(data / name)
    if keys_file:
        keys, keys_path = load_keys(keys_file), Path(keys_file)
    else:
        keys, keys_path = default_keys(data)
    store = open_store(store_url or data / LOG_STORE_FILE, retention_days=retention)
    try:
        app = create_app(
            api,
            keys=keys,
            data_dir=data,
            recorder=store,
            rate_limits=not no_rate_limits,
            extra_routes=activity_routes(store, timezone=timezone),
            host=host,
            allowed_hosts=allowed_hosts,
            max_body=max_body,
            reset=reset,
            job_seconds=job_seconds,
        )
    except BaseException:
        store.close()
        raise
    sandbox = app.state.sandbox
    port = listener.getsockname()[1]
    base = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    click.echo(
        f"{printable(redact(api.title))} revision {printable(sandbox.revision)} at {base} "
        f"({len(api.operations)} operations, {len(sandbox.kinds)} resource types, data in {data})"
    )
    for key in keys.private.values():
        scopes = "full access" if "*" in key.scopes else ", ".join(sorted(key.scopes))
        # names and scopes come from the keys file: shown escaped, never obeyed by the terminal
        click.echo(
            printable(f"  key {key.truncated} ({redact(key.name)}: {scopes}; full key in {keys_path})")
        )
    for company_id, name in keys.company_ids.items():
        click.echo(printable(f"  company_id {company_id} ({redact(name)})"))
    click.echo(
        printable(
            f"  rate limits {'off' if no_rate_limits else 'on'}; bodies up to {max_body} bytes; "
            f"calls logged to {store_url or data / LOG_STORE_FILE}"
        )
    )
    click.echo(f"  activity and logs at {base}/_activity")
    if reset:
        click.echo("  resources reset to the seeded examples")
    try:
        # an idle connection is closed after 5 s (uvicorn's default), headers that stall after HEADER_SECONDS
        # (HeaderDeadlineProtocol), a stalled body after BODY_SECONDS (guard)
        config = uvicorn.Config(app, log_level="warning", timeout_keep_alive=5, http=HeaderDeadlineProtocol)
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        store.close()


__all__ = ["sandbox_command"]
