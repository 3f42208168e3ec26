"""The sandbox as a Starlette application; every call served is recorded through a CallRecorder."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, request_response

from postman_kit.calls import CallRecord, CallRecorder
from postman_kit.logstore.records import CALL_ID_HEADER, credential_of, job_url, new_call_id
from postman_kit.openapi import Api
from postman_kit.sandbox.guard import DEFAULT_MAX_BODY, RequestGuard, allowed_host_names
from postman_kit.sandbox.jobs import DEFAULT_JOB_SECONDS
from postman_kit.sandbox.keys import KeyRing
from postman_kit.sandbox.revision_dates import RevisionError, resolve_revision
from postman_kit.sandbox.service import Incoming, Outcome, Sandbox
from postman_kit.secrets import redact, truncate_key

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


class _AnyMethod:
    """Every other method (TRACE, PROPFIND, a lower-case `get`), answered as the API answers it: a JSON:API 405
    naming the path's own methods, recorded as every call is. Starlette's was plain text, its Allow header all
    seven methods in another order each run, and no call in the logs."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


_RECORDED_REQUEST_HEADERS = ("accept", "content-type", "revision", "user-agent", "authorization")


def create_app(
    api: Api,
    *,
    keys: KeyRing,
    data_dir: str | Path | None,
    recorder: CallRecorder | None,
    rate_limits: bool = True,
    extra_routes: Sequence[BaseRoute] = (),
    host: str = "127.0.0.1",
    allowed_hosts: Sequence[str] = (),
    max_body: int = DEFAULT_MAX_BODY,
    reset: bool = False,
    job_seconds: float = DEFAULT_JOB_SECONDS,
) -> Starlette:
    """A Starlette app serving `api`; `extra_routes` (e.g. the activity dashboard) are matched first.

    `recorder=None` serves without recording anything (what benchmarks compare recording against).
    Requests must name `host` (the bound address), a loopback name or one of `allowed_hosts` in their Host
    header, and carry at most `max_body` bytes of body (guard.py). `reset` starts from the seeded resources;
    async jobs run for `job_seconds` (jobs.py).
    """
    sandbox = Sandbox(api, keys, data_dir, rate_limits=rate_limits, reset=reset, job_seconds=job_seconds)

    async def serve(request: Request) -> Response:
        started = time.perf_counter()
        call_id = new_call_id(time.time())
        body = await request.body()
        incoming = Incoming(
            method=request.method,
            # the path as sent: request.url drops newlines and tabs (urlsplit), which would route
            # `/api/pro%0Afiles` as /api/profiles
            path=request.scope["path"],
            query=dict(request.query_params),
            headers={k.lower(): v for k, v in request.headers.items()},
            body=body,
            base_url=str(request.base_url).rstrip("/"),
        )
        outcome = sandbox.serve(incoming)
        # a 204 or 304 carries no body whatever the spec's example says: HTTP forbids one (h11 would fail)
        bodiless = outcome.status in (204, 304)
        content = orjson.dumps(outcome.document) if outcome.document is not None and not bodiless else b""
        headers = dict(outcome.headers)
        if recorder is not None:
            headers[CALL_ID_HEADER] = call_id
            duration = round((time.perf_counter() - started) * 1000, 3)
            await record(incoming, outcome, content, headers, duration, request.url.query, call_id, sandbox)
        return Response(
            content,
            status_code=outcome.status,
            headers=headers,
            media_type=outcome.media_type if content else None,
        )

    async def record(*details: Any) -> None:
        # Recorded before the answer is sent, as the guard records its answers: a server killed at any moment
        # has recorded every call a client got an answer to. On SQLite the journal append never suspends.
        if recorder is not None:  # always so: `record` is called only when there is a recorder
            await recorder.record_async(call_record(*details))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            sandbox.close()

    routes = [
        *extra_routes,
        Route("/{path:path}", serve, methods=METHODS),
        Route("/{path:path}", _AnyMethod(request_response(serve))),
    ]
    # refusals (Host, body size) and 500s are answered by the guard, recorded as every call is
    guard = Middleware(
        RequestGuard,
        max_body=max_body,
        hosts=allowed_host_names(host, allowed_hosts),
        record=record if recorder is not None else None,
        shape=sandbox.refusal,
    )
    app = Starlette(routes=routes, lifespan=lifespan, middleware=[guard])
    # A path the catch-all route cannot match (one holding a newline, `%0A`) is served too, as a JSON:API 404
    # that is recorded, instead of Starlette's plain-text one.
    app.router.default = request_response(serve)
    app.state.sandbox = sandbox
    return app


def call_record(
    incoming: Incoming,
    outcome: Outcome,
    content: bytes,
    response_headers: dict[str, str],
    duration_ms: float,
    query: str,
    call_id: str | None = None,
    sandbox: Sandbox | None = None,
) -> CallRecord:
    """The log entry for one call: keys truncated wherever they appear; attributed from the request itself, so a
    call the sandbox refused (401, 403, 404, 405, ...) carries its key, source and revision too."""
    request_headers = {
        name: incoming.headers[name] for name in _RECORDED_REQUEST_HEADERS if name in incoming.headers
    }
    if "authorization" in request_headers:
        request_headers["authorization"] = _truncated_authorization(request_headers["authorization"])
    response_headers = (
        {**response_headers, "content-type": outcome.media_type} if content else dict(response_headers)
    )
    resource_ids = list(dict.fromkeys(outcome.resource_ids + _response_ids(outcome.document)))
    now = time.time()
    company_id = incoming.query.get("company_id", "")
    source_kind, credential = credential_of(incoming.headers, company_id)
    source, revision = outcome.source, outcome.revision
    sent = incoming.headers.get("revision")
    shown_key = outcome.key or (credential if source_kind in ("private", "oauth") else "")
    if sandbox is not None:
        if not source and source_kind == "private":
            known = sandbox.keys.key(credential)
            source = known.name if known is not None else ""
        elif source_kind.startswith("public"):
            source = sandbox.keys.company(company_id) or source  # the public key's name, as a private key's
        if revision is None and sent:
            try:
                revision = resolve_revision(sent, sandbox.revision)
            except RevisionError:
                revision = None  # a revision the sandbox cannot serve answered nothing
    return CallRecord(
        id=call_id or new_call_id(now),
        timestamp=now,
        method=incoming.method.upper(),
        path=redact(incoming.path),
        status=outcome.status,
        duration_ms=duration_ms,
        query=redact(query),
        operation=outcome.operation,
        category=outcome.category,
        source=source,
        key=truncate_key(shown_key) if shown_key else "",
        revision=revision,
        source_kind=source_kind,
        revision_sent=sent,
        user_agent=incoming.headers.get("user-agent", ""),
        company_id=company_id,
        credential=credential if source_kind == "private" else "",
        request_headers=request_headers,
        request_body=redact(incoming.body.decode("utf-8", "replace")),
        response_headers=response_headers,
        response_body=content.decode("utf-8", "replace"),
        resource_ids=resource_ids,
        job_url=_own_job_url(incoming, outcome, content, response_headers),
    )


def _own_job_url(
    incoming: Incoming, outcome: Outcome, content: bytes, response_headers: dict[str, str]
) -> str | None:
    """The job link of a call that started or read a job this sandbox runs; None for an answer built from the
    spec's example (its `https://example.com` leads nowhere)."""
    if not content:
        return None
    found = job_url(outcome.status, content.decode("utf-8", "replace"), response_headers)
    return found if found is not None and found.startswith(incoming.base_url + "/") else None


def _truncated_authorization(value: str) -> str:
    scheme, _, secret = value.rpartition(" ")
    return f"{scheme} {truncate_key(secret)}".strip() if secret else truncate_key(value)


def _response_ids(document: Any) -> list[str]:
    data = document.get("data") if isinstance(document, dict) else None
    items = data if isinstance(data, list) else [data]
    return [str(item["id"]) for item in items if isinstance(item, dict) and item.get("id") is not None]
