"""Calls from newman's JSON report (`newman run C -r json --reporter-json-export report.json`).

Each execution becomes a CallRecord: the saved request's URL gives the endpoint template (`:id` → `{id}`),
its top folder the category, the sent request and received response their full text with every key
truncated. The report has no per-call clock, so calls are spaced from the run's start by their response
times; ids come from the report's content, so importing a report twice adds nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import orjson

from postman_kit.calls import CallRecord
from postman_kit.errors import InputError
from postman_kit.loader import read_local_file
from postman_kit.logstore.records import CALL_ID_HEADER, content_call_id, job_url, path_category, resource_ids
from postman_kit.logstore.rows import safe_header_value, safe_key
from postman_kit.routing import MethodNotAllowed, OperationIndex, RouteMatch
from postman_kit.secrets import redact
from postman_kit.writer import compact_json_text

_VARIABLE_SEGMENT = re.compile(r"^(?::(?P<colon>.+)|\{\{(?P<var>[^}]+)\}\})$")
_AUTH_VALUE = re.compile(r"^(?:[A-Za-z][\w-]*\s+)?(?P<credential>\S+)$")
# newman's clock is milliseconds since 1970; a start beyond the year 9999 cannot be shown as a date
# A newman JSON report holds every response body of a run: far more than a spec may be, yet bounded
REPORT_LIMIT = 1024 * 1024 * 1024
_LATEST_MS = 253_402_300_799_000.0
_LONGEST_RESPONSE_MS = 86_400_000.0 * 365


@dataclass
class NewmanImport:
    calls: list[CallRecord] = field(default_factory=list)
    skipped: int = 0  # executions without a response (connection refused, timeouts)
    stamped: int = 0  # calls carrying the sandbox's call id header (recorded by the sandbox already)


def read_newman_report(path: str | Path) -> dict[str, Any]:
    try:
        report = orjson.loads(read_local_file(path, REPORT_LIMIT))
    except orjson.JSONDecodeError as exc:
        raise InputError(str(path), f"not JSON: {exc}") from None
    run = report.get("run") if isinstance(report, dict) else None
    if not isinstance(run, dict) or not isinstance(run.get("executions"), list):
        raise InputError(
            str(path),
            "not a newman JSON report (no run.executions); "
            "write one with `newman run ... -r json --reporter-json-export FILE`",
        )
    return report


def calls_from_newman_report(
    report: dict[str, Any],
    source: str = "newman",
    index: OperationIndex | None = None,
    name: str | None = None,
) -> NewmanImport:
    """Every execution with a response, as a CallRecord; `index` (from the spec) names endpoints exactly.

    A field the import relies on with a value newman never writes (a status that is no HTTP status, a clock
    beyond the year 9999, body bytes that are not bytes) is an InputError naming the field: such a report was
    edited or damaged, and guessing would store calls that never happened. Optional parts of the wrong type
    (headers, folders, cursors) are read as absent.
    """
    run = report["run"]
    timings = _object(run.get("timings"))
    started_ms = _milliseconds(timings.get("started"), "run.timings.started", _LATEST_MS, name)
    categories = _top_folders(_object(report.get("collection")))
    result = NewmanImport()
    elapsed_ms = 0.0
    for position, execution in enumerate(run["executions"]):
        where = f"run.executions[{position}]"
        execution = _object(execution)
        response = execution.get("response")
        request = execution.get("request")
        if not isinstance(response, dict) or not isinstance(request, dict) or "code" not in response:
            result.skipped += 1
            continue
        response = {
            **response,
            "code": _status(response["code"], f"{where}.response.code", name),
            "responseTime": _milliseconds(
                response.get("responseTime"), f"{where}.response.responseTime", _LONGEST_RESPONSE_MS, name
            ),
            "stream": _stream(response.get("stream"), f"{where}.response.stream", name),
        }
        item = _object(execution.get("item"))
        timestamp = (started_ms + elapsed_ms) / 1000
        elapsed_ms += response["responseTime"]
        if started_ms + elapsed_ms > _LATEST_MS:
            raise InputError(name, f"{where}.response.responseTime: the run would end after the year 9999")
        call = _call(execution, position, item, request, response, timestamp, source, categories, index)
        result.stamped += any(header.lower() == CALL_ID_HEADER for header in call.response_headers)
        result.calls.append(call)
    return result


def _call(
    execution: dict[str, Any],
    position: int,
    item: dict[str, Any],
    request: dict[str, Any],
    response: dict[str, Any],
    timestamp: float,
    source: str,
    categories: dict[str, str],
    index: OperationIndex | None,
) -> CallRecord:
    method = str(request.get("method") or "GET").upper()
    path, query = _path_and_query(request.get("url"))
    template = _saved_template(item)
    category = categories.get(str(item.get("id")))
    if index is not None:
        match = index.match(method, path)
        if isinstance(match, RouteMatch):
            tags = match.operation.tags
            template, category = match.template, tags[0] if tags else category
        elif isinstance(match, MethodNotAllowed):
            template, category = match.template, path_category(index, match)  # as the sandbox files it
    request_headers = _headers(request.get("header"))
    response_headers = _headers(response.get("header"))
    response_body = _body_text(response.get("stream"))
    cursor = _object(execution.get("cursor"))
    status = response["code"]
    # a call the sandbox served is stamped with the id it recorded it under: the import then adds nothing
    stamped = _header(response_headers, CALL_ID_HEADER)
    return CallRecord(
        id=stamped
        or content_call_id(
            timestamp,
            str(position),
            str(cursor.get("iteration", 0)),
            str(cursor.get("httpRequestId") or execution.get("id") or ""),
            method,
            path,
        ),
        timestamp=timestamp,
        method=method,
        path=path,
        query=query,
        status=status,
        duration_ms=response["responseTime"],  # checked and made a float by calls_from_newman_report
        operation=template,
        category=category,
        source=source,
        key=_key(request_headers),
        revision=_header(request_headers, "revision"),
        request_headers=request_headers,
        request_body=redact(_request_body(request.get("body"))),
        response_headers=response_headers,
        response_body=redact(response_body),
        resource_ids=resource_ids(template, path, response_body),
        job_url=job_url(status, response_body, response_headers),
    )


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _milliseconds(value: Any, where: str, largest: float, name: str | None) -> float:
    """A duration or instant in ms: a number (or numeric text) from 0 to `largest`; absent is 0."""
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError(name, f"{where}: expected milliseconds, found {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise InputError(name, f"{where}: expected milliseconds, found {str(value)[:40]!r}") from None
    if not 0 <= number <= largest:  # also false for NaN
        raise InputError(name, f"{where}: {str(value)[:40]} ms is out of range (0 to {largest:.0f})")
    return number


def _status(value: Any, where: str, name: str | None) -> int:
    text = str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    if not (len(text) == 3 and text.isascii() and text.isdigit() and 100 <= int(text) <= 599):
        raise InputError(name, f"{where}: expected an HTTP status (100-599), found {str(value)[:40]!r}")
    return int(text)


def _stream(stream: Any, where: str, name: str | None) -> Any:
    """The body as newman writes it (a Buffer's JSON: {"type": "Buffer", "data": [bytes]}) or text."""
    if isinstance(stream, dict) and isinstance(stream.get("data"), list):
        data = stream["data"]
        if not all(isinstance(b, int) and not isinstance(b, bool) and 0 <= b <= 255 for b in data):
            raise InputError(name, f"{where}.data: expected bytes (integers 0-255)")
    return stream


def _top_folders(collection: dict[str, Any]) -> dict[str, str]:
    """item id → name of the top-level folder holding it (Klaviyo: the tag, i.e. the endpoint category)."""
    found: dict[str, str] = {}

    def walk(items: list[Any], top: str | None) -> None:
        for entry in items if isinstance(items, list) else []:
            if not isinstance(entry, dict):
                continue
            if isinstance(entry.get("item"), list):
                name = entry.get("name")
                walk(entry["item"], top or (name if isinstance(name, str) else None))
            elif top is not None:
                found[str(entry.get("id"))] = top

    walk(collection.get("item") or [], None)
    return found


def _saved_template(item: dict[str, Any]) -> str | None:
    url = item["request"].get("url") if isinstance(item.get("request"), dict) else None
    if isinstance(url, dict) and isinstance(url.get("path"), list):
        segments = [str(s) for s in url["path"]]
    elif isinstance(url, (dict, str)):
        raw = url.get("raw", "") if isinstance(url, dict) else url
        without_host = re.sub(r"^(?:[a-z]+://)?[^/]*", "", raw.split("?", 1)[0])
        segments = without_host.split("/")
    else:
        return None
    parts = []
    for segment in segments:
        if not segment:
            continue
        match = _VARIABLE_SEGMENT.match(segment)
        parts.append("{" + (match.group("colon") or match.group("var")) + "}" if match else segment)
    return "/" + "/".join(parts)


def _path_and_query(url: Any) -> tuple[str, str]:
    if isinstance(url, str):
        raw = re.sub(r"^(?:[a-z]+://)?[^/]*", "", url)
        path, _, query = raw.partition("?")
        return path or "/", query
    if not isinstance(url, dict):
        return "/", ""
    segments = url.get("path")
    path = "/" + ("/".join(str(s) for s in segments) if isinstance(segments, list) else str(segments or ""))
    queries = url.get("query")
    query = "&".join(
        f"{q.get('key', '')}={q.get('value') or ''}" if q.get("value") is not None else str(q.get("key", ""))
        for q in (queries if isinstance(queries, list) else [])
        if isinstance(q, dict) and not q.get("disabled")
    )
    return unquote(path) if "%" in path else path, query


def _headers(headers: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for header in headers if isinstance(headers, list) else []:
        if isinstance(header, dict) and not header.get("disabled") and header.get("key"):
            found[str(header["key"])] = safe_header_value(str(header["key"]), str(header.get("value", "")))
    return found


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name), None)


def _key(request_headers: dict[str, str]) -> str:
    value = _header(request_headers, "authorization") or ""
    match = _AUTH_VALUE.match(value.strip())
    return safe_key(match.group("credential")) if match else ""


def _body_text(stream: Any) -> str:
    if isinstance(stream, dict) and isinstance(stream.get("data"), list):
        return bytes(stream["data"]).decode("utf-8", errors="replace")
    return stream if isinstance(stream, str) else ""


def _request_body(body: Any) -> str:
    if not isinstance(body, dict):
        return ""
    mode = body.get("mode")
    if mode == "raw":
        return str(body.get("raw") or "")
    if mode in ("urlencoded", "formdata"):
        params = body.get(mode)
        return "&".join(
            f"{p.get('key', '')}={p.get('value', '')}"
            for p in (params if isinstance(params, list) else [])
            if isinstance(p, dict) and not p.get("disabled")
        )
    if mode == "graphql":
        return compact_json_text(body.get("graphql") or {})
    return ""
