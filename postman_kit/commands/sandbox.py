"""`postman-kit sandbox SPEC`: serve one spec revision locally, Klaviyo-faithful, stateful, logged."""

from __future__ import annotations

from pathlib import Path

import click

from postman_kit.errors import InputError

DEFAULT_DATA_DIR = ".postman-kit/sandbox"
LOG_STORE_FILE = "logs.sqlite3"


@click.command("sandbox")
@click.argument("spec")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (loopback by default).")
@click.option("--port", default=4010, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--keys", "keys_file", type=click.Path(dir_okay=False),
              help="Keys file (JSON/YAML): private keys with names and scopes, company ids. "
                   "Default: DATA/keys.json, created with a full-access test key.")
@click.option("--data", "data_dir", default=DEFAULT_DATA_DIR, show_default=True, type=click.Path(file_okay=False),
              help="Directory holding the sandbox's resources (kept across restarts) and its call log.")
@click.option("--store", "store_url", help="Log store for every call: a SQLite path or postgresql:// URL "
                                           "(default: DATA/logs.sqlite3).")
@click.option("--no-rate-limits", is_flag=True, help="Do not enforce the spec's rate limits (no 429s).")
@click.option("--retention", type=click.FloatRange(min=0, min_open=True), default=14.0, show_default=True,
              help="Days of calls the log keeps; older ones fold into daily totals as calls are recorded.")
def sandbox_command(spec: str, host: str, port: int, keys_file: str | None, data_dir: str, store_url: str | None,
                    no_rate_limits: bool, retention: float) -> None:
    """Serve SPEC as a local API: keys and scopes, revisions, 404/405/409, filters, paging, rate limits.

    State persists in DATA; every call is recorded in the log store (see `postman-kit logs`).
    """
    import uvicorn

    from postman_kit.activity.web import activity_routes
    from postman_kit.logstore import open_store
    from postman_kit.openapi import load_api
    from postman_kit.sandbox.app import create_app
    from postman_kit.sandbox.keys import default_keys, load_keys

    api = load_api(spec)
    data = Path(data_dir)
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(data_dir, f"cannot create the data directory: {exc.strerror or exc}") from None
    if keys_file:
        keys, keys_path = load_keys(keys_file), Path(keys_file)
    else:
        keys, keys_path = default_keys(data)
    store = open_store(store_url or data / LOG_STORE_FILE, retention_days=retention)
    app = create_app(api, keys=keys, data_dir=data, recorder=store, rate_limits=not no_rate_limits,
                     extra_routes=activity_routes(store))
    sandbox = app.state.sandbox
    base = f"http://{host}:{port}"
    click.echo(f"{api.title} revision {sandbox.revision} at {base} "
               f"({len(api.operations)} operations, {len(sandbox.kinds)} resource types, data in {data})")
    for key in keys.private.values():
        scopes = "full access" if "*" in key.scopes else ", ".join(sorted(key.scopes))
        click.echo(f"  key {key.truncated} ({key.name}: {scopes}; full key in {keys_path})")
    for company_id, name in keys.company_ids.items():
        click.echo(f"  company_id {company_id} ({name})")
    click.echo(f"  rate limits {'off' if no_rate_limits else 'on'}; calls logged to {store_url or data / LOG_STORE_FILE}")
    click.echo(f"  activity and logs at {base}/_activity")
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


__all__ = ["sandbox_command"]
