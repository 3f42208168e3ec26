"""`activity_routes(store)`: the dashboard and logs pages, for the sandbox to serve at /_activity.

    app = create_app(api, ..., recorder=store, extra_routes=activity_routes(store))

Endpoints are plain functions, so Starlette runs the store's queries in its thread pool. JSON twins of the
pages (`/_activity/api/activity`, `/_activity/api/logs`) serve scripts and tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette import responses
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from postman_kit.activity import pages
from postman_kit.activity.query import call_filter
from postman_kit.errors import InputError
from postman_kit.logstore import SEARCH_COUNT_CAP, CallFilter, LogStore
from postman_kit.secrets import redact


# Every page and JSON answer passes through `redact`: a key that reached the store before it was truncated
# there, or one typed into a filter and shown back, is never served in full.
class HTMLResponse(responses.HTMLResponse):
    def render(self, content: object) -> bytes | memoryview:
        return super().render(redact(content) if isinstance(content, str) else content)


class JSONResponse(responses.JSONResponse):
    def render(self, content: object) -> bytes:
        return redact(super().render(content).decode()).encode()


FORM_FIELDS = (
    "since",
    "from",
    "to",
    "category",
    "status",
    "method",
    "path",
    "id",
    "source",
    "revision",
    "timezone",
)
PAGE_SIZE = 50


def activity_routes(
    store: LogStore, clock: Callable[[], float] = time.time, timezone: str | None = None
) -> list[Route]:
    """The pages' routes; `timezone` (IANA name, default local) is where Today begins unless the form says."""

    def form_of(request: Request) -> dict[str, str]:
        return {
            name: request.query_params.get(name, "").strip()
            for name in FORM_FIELDS
            if request.query_params.get(name, "").strip()
        }

    def filter_of(form: dict[str, str]) -> CallFilter:
        since, until = period_of(form)
        return call_filter(
            clock(),
            path=form.get("path"),
            since=since,
            until=until,
            statuses=(form.get("status", ""),),
            methods=(form.get("method", ""),),
            categories=(form.get("category", ""),),
            sources=(form.get("source", ""),),
            revisions=(form.get("revision", ""),),
            resource_id=form.get("id"),
            timezone=form.get("timezone") or timezone,
        )

    def period_of(form: dict[str, str]) -> tuple[str | None, str | None]:
        """(since, until) as typed: Today unless a period is chosen; a custom range's From and To."""
        period = form.get("since", pages.DEFAULT_PERIOD)
        if period == "custom":
            if not form.get("from"):
                raise InputError("from", "a custom range needs its From date (e.g. 2026-07-15)")
            return form["from"], form.get("to")
        return (None if period == "all" else period), None

    def offset_of(request: Request) -> int:
        # ASCII digits only (`²` is a digit to str.isdigit, no number to int) and few of them: SQLite's OFFSET
        # is a 64-bit integer, and Python refuses to read thousands of digits
        text = request.query_params.get("offset", "0")
        return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else 0

    def dashboard(request: Request) -> Response:
        form = form_of(request)
        try:
            activity = store.activity(filter_of(form), now=clock())
        except InputError as exc:
            return HTMLResponse(
                pages.dashboard_page(None, form, store.categories(), str(exc)), status_code=400
            )
        return HTMLResponse(pages.dashboard_page(activity, form, store.categories()))

    def logs(request: Request) -> Response:
        form, offset = form_of(request), offset_of(request)
        try:
            where = filter_of(form)
        except InputError as exc:
            return HTMLResponse(
                pages.logs_page(None, 0, form, store.categories(), offset, PAGE_SIZE, str(exc)),
                status_code=400,
            )
        found = store.search(where, limit=PAGE_SIZE, offset=offset)
        total = store.count(where, cap=SEARCH_COUNT_CAP)
        return HTMLResponse(pages.logs_page(found, total, form, store.categories(), offset, PAGE_SIZE))

    def call_detail(request: Request) -> Response:
        call = store.get(request.path_params["call_id"])
        if call is None:
            return HTMLResponse(
                pages.page(
                    "Call not found",
                    "logs",
                    pages.error_block("No call with this id: it may have been pruned."),
                ),
                status_code=404,
            )
        job_call = None
        if call.job_url:
            job_path = pages.job_path(call.job_url)
            job_call = next(
                (
                    found
                    for found in store.search(CallFilter(path=job_path), limit=20)
                    if found.method == "GET" and 200 <= found.status < 300
                ),
                None,
            )
        return HTMLResponse(pages.call_page(call, job_call))

    def activity_json(request: Request) -> Response:
        try:
            return JSONResponse(store.activity(filter_of(form_of(request)), now=clock()).to_json())
        except InputError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)

    def logs_json(request: Request) -> Response:
        try:
            where = filter_of(form_of(request))
        except InputError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        found = store.search(where, limit=PAGE_SIZE, offset=offset_of(request))
        total = store.count(where, cap=SEARCH_COUNT_CAP)
        return JSONResponse(
            {
                "total": min(total, SEARCH_COUNT_CAP),
                "total_is_lower_bound": total > SEARCH_COUNT_CAP,
                "calls": [call.to_json() for call in found],
            }
        )

    return [
        Route(pages.BASE, dashboard, methods=["GET"]),
        Route(f"{pages.BASE}/logs", logs, methods=["GET"]),
        Route(f"{pages.BASE}/logs/{{call_id}}", call_detail, methods=["GET"]),
        Route(f"{pages.BASE}/api/activity", activity_json, methods=["GET"]),
        Route(f"{pages.BASE}/api/logs", logs_json, methods=["GET"]),
    ]
