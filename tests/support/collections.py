"""Postman collections in a form two readings can be compared in: what Postman's v3 migration keeps of v2.1."""

from __future__ import annotations

from typing import Any

from postman_kit.collection import parse_raw_url

# What Postman's migration keeps of a v2.1 collection, in a form both readings can be compared in. It drops
# variable descriptions and types, an example's request auth and cookies, and turns an example without a status
# text into "OK"; those are left out here.


def _pairs(entries: Any, keys: tuple[str, ...] = ("key", "value", "disabled", "description")) -> list[Any]:
    return [
        {
            key: str(entry[key]) if key == "value" else entry[key]
            for key in keys
            if entry.get(key) not in (None, False, "")
        }
        for entry in entries or []
        if isinstance(entry, dict)
    ]


def auth_summary(auth: Any) -> Any:
    if not isinstance(auth, dict):
        return None
    kind = auth.get("type")
    return kind, {a["key"]: a.get("value") for a in auth.get(kind) or []} if isinstance(
        auth.get(kind), list
    ) else {}


def _events(events: Any) -> list[Any]:
    return [(e["listen"], "\n".join(e["script"].get("exec") or [])) for e in events or []]


def _body(body: Any) -> Any:
    if not body:
        return None
    mode = body.get("mode")
    if mode == "raw":
        return (
            mode,
            body.get("raw") or "",
            ((body.get("options") or {}).get("raw") or {}).get("language") or "text",
        )
    if mode in ("formdata", "urlencoded"):
        return mode, _pairs(body.get(mode), ("key", "value", "disabled", "description", "type", "src"))
    return mode, body.get(mode)


def _request(request: Any, with_auth: bool = True) -> Any:
    if not isinstance(request, dict):
        return None
    url = request.get("url")
    if isinstance(url, str):  # a URL as one string: its query is what Postman sends, as the kit reads it
        url = parse_raw_url(url).to_json()
    url = (url.get("raw"), _pairs(url.get("query")), _pairs(url.get("variable")))
    return {
        "method": request.get("method"),
        "header": _pairs(request.get("header")),
        "url": url,
        "body": _body(request.get("body")),
        "auth": auth_summary(request.get("auth")) if with_auth else None,
        "description": request.get("description"),
    }


def _node(node: dict[str, Any]) -> Any:
    if "request" not in node:
        return {
            "folder": node["name"],
            "description": node.get("description"),
            "auth": auth_summary(node.get("auth")),
            "event": _events(node.get("event")),
            "item": [_node(child) for child in node["item"]],
        }
    return {
        "name": node["name"],
        "event": _events(node.get("event")),
        "request": _request(node["request"]),
        "examples": [
            {
                "name": e.get("name"),
                "code": e.get("code"),
                "body": e.get("body") or "",
                "header": _pairs(e.get("header"), ("key", "value")),
                "request": _request(e.get("originalRequest"), with_auth=False),
            }
            for e in node.get("response") or []
        ],
    }


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": data["info"]["name"],
        "description": data["info"].get("description"),
        "auth": auth_summary(data.get("auth")),
        "event": _events(data.get("event")),
        "variable": _pairs(data.get("variable"), ("key", "value", "disabled")),
        "item": [_node(child) for child in data["item"]],
    }
