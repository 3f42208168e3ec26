"""The Postman side of the core model, in Postman's own vocabulary (Collection v2.1.0).

Every class reads from and writes to the collection JSON. Keys this model does not know are kept in
``extra`` and written back unchanged, so a user's fork survives a read → write round trip.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

SCHEMA_V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
# Looked up thousands of times per collection; `HTTPStatus(code)` goes through the enum machinery each time.
_REASON_PHRASES = {status.value: status.phrase for status in HTTPStatus}


def status_text(code: int) -> str:
    """The reason phrase an example response shows next to its code (`404` → "Not Found")."""
    return _REASON_PHRASES.get(code, "Unknown")


def _description_text(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("content") or "")
    return str(value or "")


def _text_or_none(value: Any) -> str | None:
    """A query key or value as text: the shape check lets a number or a boolean stand where Postman writes text."""
    if value is None or isinstance(value, str):
        return value
    return ("true" if value else "false") if isinstance(value, bool) else str(value)  # as Postman sends them


def _pop_extra(data: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in known}


@dataclass(slots=True)
class Variable:
    """A collection, URL path or environment variable."""

    key: str
    value: Any = ""
    type: str | None = None
    description: str = ""
    disabled: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("key", "value", "type", "description", "disabled")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "value": self.value}
        if self.type:
            out["type"] = self.type
        if self.description:
            out["description"] = self.description
        if self.disabled:
            out["disabled"] = True
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Variable:
        return cls(
            key=str(data.get("key", data.get("id", ""))),
            value=data.get("value", ""),
            type=data.get("type"),
            description=_description_text(data.get("description")),
            disabled=bool(data.get("disabled")),
            extra=_pop_extra(data, cls.KNOWN),
        )


@dataclass(slots=True)
class _KeyValue:
    """What a query parameter and a header share: key, value, description, disabled."""

    key: Any
    value: Any = ""
    description: str = ""
    disabled: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("key", "value", "description", "disabled")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"key": self.key, "value": self.value}
        if self.description:
            out["description"] = self.description
        if self.disabled:
            out["disabled"] = True
        out.update(self.extra)
        return out

    @classmethod
    def _from_parts(cls, data: dict[str, Any], key: Any, value: Any) -> Any:
        return cls(
            key=key,
            value=value,
            description=_description_text(data.get("description")),
            disabled=bool(data.get("disabled")),
            extra=_pop_extra(data, cls.KNOWN),
        )


@dataclass(slots=True)
class QueryParam(_KeyValue):
    """A query parameter of a request URL."""

    key: str | None
    value: str | None = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueryParam:
        return cls._from_parts(data, _text_or_none(data.get("key")), _text_or_none(data.get("value")))


@dataclass(slots=True)
class Header(_KeyValue):
    """A request or example-response header."""

    key: str
    value: str = ""

    @classmethod
    def from_json(cls, data: Any) -> Header:
        if isinstance(data, str):  # "Key: value" form
            key, _, value = data.partition(":")
            return cls(key=key.strip(), value=value.strip())
        value = data.get("value")
        return cls._from_parts(data, str(data.get("key", "")), "" if value is None else str(value))


# Methods whose body Postman and newman leave out unless the item's protocolProfileBehavior says
# `disableBodyPruning` (postman-runtime's list).
BODY_PRUNED_METHODS = frozenset({"GET", "COPY", "HEAD", "PURGE", "UNLOCK"})

# The attribute of each auth type that holds the credential.
CREDENTIAL_ATTRIBUTES = {
    "apikey": "value",
    "bearer": "token",
    "basic": "password",
    "digest": "password",
    "oauth2": "accessToken",
    "hawk": "authKey",
    "awsv4": "secretKey",
    "ntlm": "password",
}


@dataclass(slots=True)
class Auth:
    """A RequestAuth: `type` plus the attributes of that type (key → value)."""

    type: str
    attributes: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type}
        if self.type != "noauth":
            out[self.type] = [
                {"key": k, "value": v, "type": "string" if isinstance(v, str) else "any"}
                for k, v in self.attributes.items()
            ]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Auth:
        kind = str(data.get("type", "noauth"))
        raw = data.get(kind)
        attributes: dict[str, Any] = {}
        if isinstance(raw, list):
            for entry in raw:
                if isinstance(entry, dict) and "key" in entry:
                    attributes[str(entry["key"])] = entry.get("value")
        elif isinstance(raw, dict):  # v2.0 style
            attributes = dict(raw)
        return cls(type=kind, attributes=attributes)

    def get(self, key: str, default: Any = None) -> Any:
        return self.attributes.get(key, default)


@dataclass(slots=True)
class Url:
    """A request URL, with its parts as Postman keeps them."""

    raw: str = ""
    host: list[str] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    query: list[QueryParam] = field(default_factory=list)
    variable: list[Variable] = field(default_factory=list)
    protocol: str | None = None
    port: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("raw", "host", "path", "query", "variable", "protocol", "port")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"raw": self.raw}
        if self.protocol:
            out["protocol"] = self.protocol
        out["host"] = self.host
        if self.port:
            out["port"] = self.port
        out["path"] = self.path
        if self.query:
            out["query"] = [q.to_json() for q in self.query]
        if self.variable:
            out["variable"] = [v.to_json() for v in self.variable]
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: Any) -> Url:
        if isinstance(data, str):
            return parse_raw_url(data)
        if not isinstance(data, dict):
            return cls()
        raw = data.get("raw")
        if isinstance(raw, str) and raw and not any(key in data for key in ("host", "path", "query")):
            # only `raw`, as a hand-written or converted collection may give it (valid v2.1): read as Postman reads
            # it, not as a request to `/` with no host
            parsed = parse_raw_url(raw)
            parsed.variable = [
                Variable.from_json(v) for v in data.get("variable") or [] if isinstance(v, dict)
            ]
            parsed.extra = {**parsed.extra, **_pop_extra(data, cls.KNOWN)}
            return parsed
        host = data.get("host") or []
        path = data.get("path") or []
        return cls(
            raw=str(data.get("raw", "")),
            host=host.split(".") if isinstance(host, str) else [str(h) for h in host],
            path=[p for p in path.split("/") if p]
            if isinstance(path, str)
            else [p if isinstance(p, str) else str(p.get("value", "")) for p in path],
            query=[QueryParam.from_json(q) for q in data.get("query") or [] if isinstance(q, dict)],
            variable=[Variable.from_json(v) for v in data.get("variable") or [] if isinstance(v, dict)],
            protocol=data.get("protocol"),
            port=data.get("port"),
            extra=_pop_extra(data, cls.KNOWN),
        )

    @property
    def path_template(self) -> str:
        """The path as `/a/:id/b` (no host, no query)."""
        return "/" + "/".join(self.path)

    def enabled_query(self) -> list[QueryParam]:
        return [q for q in self.query if not q.disabled and q.key is not None]

    def rebuild_raw(self) -> None:
        """Recompute `raw` from the parts, as Postman shows it."""
        auth = self.extra.get("auth")
        userinfo = ""
        if isinstance(auth, dict) and isinstance(auth.get("user"), str):
            password = auth.get("password")
            userinfo = auth["user"] + (f":{password}" if isinstance(password, str) else "") + "@"
        base = (self.protocol + "://" if self.protocol else "") + userinfo + ".".join(self.host)
        if self.port:
            base += ":" + self.port
        raw = base + ("/" + "/".join(self.path) if self.path else "")
        query = [f"{q.key}={q.value if q.value is not None else ''}" for q in self.enabled_query()]
        self.raw = raw + ("?" + "&".join(query) if query else "")


def parse_raw_url(raw: str) -> Url:
    """Split a raw URL string (`{{baseUrl}}/api/x?a=1`) into Postman's parts."""
    rest = raw
    protocol = None
    if "://" in rest.split("?", 1)[0]:
        protocol, rest = rest.split("://", 1)
    rest, _, query_string = rest.partition("?")
    host_part, _, path_part = rest.partition("/")
    # `user:password@` is no part of the host: read as one, the request went to the host `me` on the port
    # `SECRET@a.klaviyo.com`. Postman keeps it as the URL's `auth`.
    userinfo, at, host_part = host_part.rpartition("@")
    extra: dict[str, Any] = {}
    if at:
        user, colon, password = userinfo.partition(":")
        extra["auth"] = {"user": user, "password": password} if colon else {"user": user}
    port = None
    if host_part.startswith("["):  # an IPv6 address, `[::1]:8080`
        address, _, after = host_part.partition("]")
        host_part, port = address + "]", after.removeprefix(":") or None
    elif ":" in host_part and not host_part.startswith("{{"):
        host_part, port = host_part.rsplit(":", 1)
    query = []
    if query_string:
        for pair in query_string.split("&"):
            key, sep, value = pair.partition("=")
            query.append(QueryParam(key=key, value=value if sep else None))
    return Url(
        raw=raw,
        host=[h for h in host_part.split(".")] if host_part else [],
        path=[p for p in path_part.split("/")] if path_part else [],
        query=query,
        protocol=protocol,
        port=port,
        extra=extra,
    )


@dataclass(slots=True)
class Body:
    """A request body, in one of Postman's modes."""

    mode: str  # raw, urlencoded, formdata, file, graphql
    raw: str = ""
    language: str | None = None  # raw body language option (json, xml, text)
    urlencoded: list[dict[str, Any]] = field(default_factory=list)
    formdata: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("mode", "raw", "urlencoded", "formdata", "options")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"mode": self.mode}
        if self.mode == "raw":
            out["raw"] = self.raw
            if self.language:
                out["options"] = {"raw": {"language": self.language}}
        elif self.mode == "urlencoded":
            out["urlencoded"] = self.urlencoded
        elif self.mode == "formdata":
            out["formdata"] = self.formdata
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Body:
        options = data.get("options") or {}
        return cls(
            mode=str(data.get("mode", "raw")),
            raw=str(data.get("raw") or ""),
            language=((options.get("raw") or {}).get("language")) if isinstance(options, dict) else None,
            urlencoded=list(data.get("urlencoded") or []),
            formdata=list(data.get("formdata") or []),
            extra=_pop_extra(data, cls.KNOWN),
        )


def without_json_comments(text: str) -> str:
    """A raw JSON body as Postman sends it: `// …` and `/* … */` comments outside strings removed, as
    postman-runtime removes them (strip-json-comments 3.1.1, without whitespace) from a body whose language, else
    Content-Type, is JSON. A quote after an odd run of backslashes neither opens nor closes a string, wherever it
    stands: strip-json-comments reads it so, and Postman sends what it leaves. Hand-written: a JSON5 or
    commented-JSON parser reads more than Postman strips (tests/test_json_comments.py checks it against
    strip-json-comments itself)."""
    if "//" not in text and "/*" not in text:
        return text
    out: list[str] = []
    start = 0  # where the text not yet copied begins
    in_string = False
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == '"':
            before = i
            while before > 0 and text[before - 1] == "\\":
                before -= 1
            if (i - before) % 2 == 0:
                in_string = not in_string
        elif not in_string and text.startswith("//", i):
            out.append(text[start:i])
            end = text.find("\n", i)
            if end == -1:
                return "".join(out)
            i = start = end  # the line break stays; a `\r` before it goes with the comment
            continue
        elif not in_string and text.startswith("/*", i):
            out.append(text[start:i])
            end = text.find("*/", i + 2)
            if end == -1:
                return "".join(out)
            i = start = end + 2
            continue
        i += 1
    out.append(text[start:])
    return "".join(out)


def graphql_variables_text(value: Any) -> str:
    """GraphQL variables as v2.1 keeps them, JSON text: an object (some exports, a v3 YAML mapping) written as
    JSON; none is ``""``."""
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@dataclass(slots=True)
class Request:
    """A request: method, URL, headers, body and auth."""

    method: str
    url: Url
    header: list[Header] = field(default_factory=list)
    body: Body | None = None
    auth: Auth | None = None
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("method", "url", "header", "body", "auth", "description")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.auth is not None:
            out["auth"] = self.auth.to_json()
        out["method"] = self.method
        out["header"] = [h.to_json() for h in self.header]
        if self.body is not None:
            out["body"] = self.body.to_json()
        out["url"] = self.url.to_json()
        if self.description:
            out["description"] = self.description
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: Any) -> Request:
        if isinstance(data, str):
            return cls(method="GET", url=parse_raw_url(data))
        return cls(
            method=str(data.get("method", "GET")).upper(),
            url=Url.from_json(data.get("url", "")),
            header=[Header.from_json(h) for h in data.get("header") or [] if isinstance(h, (dict, str))],
            body=Body.from_json(data["body"]) if isinstance(data.get("body"), dict) else None,
            auth=Auth.from_json(data["auth"]) if isinstance(data.get("auth"), dict) else None,
            description=_description_text(data.get("description")),
            extra=_pop_extra(data, cls.KNOWN),
        )

    def without_description(self) -> Request:
        """The request as saved on an example response: the same call, no description."""
        return Request(method=self.method, url=self.url, header=self.header, body=self.body, auth=self.auth)

    def header_value(self, key: str) -> str | None:
        for h in self.header:
            if h.key.lower() == key.lower() and not h.disabled:
                return h.value
        return None


@dataclass(slots=True)
class Response:
    """An example response saved on a request (Postman calls these Responses)."""

    id: str
    name: str
    original_request: Request | None
    status: str
    code: int
    header: list[Header] = field(default_factory=list)
    body: str = ""
    preview_language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    cookie: list[Any] = field(
        default_factory=list
    )  # the cookies the saved response set, as Postman keeps them

    KNOWN = (
        "id",
        "name",
        "originalRequest",
        "status",
        "code",
        "header",
        "body",
        "_postman_previewlanguage",
        "cookie",
    )

    def to_json(self, requests: dict[int, dict[str, Any]] | None = None) -> dict[str, Any]:
        """`requests` memoizes original requests by identity: an item's examples share one request object."""
        out: dict[str, Any] = (
            {"id": self.id} if self.id else {}
        )  # a saved example Postman exported without one
        out["name"] = self.name
        original = self.original_request
        if original is not None:
            if requests is None:
                out["originalRequest"] = original.to_json()
            else:
                saved = requests.get(id(original))
                if saved is None:
                    saved = requests[id(original)] = original.to_json()
                out["originalRequest"] = saved
        out["status"] = self.status
        out["code"] = self.code
        if self.preview_language:
            out["_postman_previewlanguage"] = self.preview_language
        out["header"] = [h.to_json() for h in self.header]
        out["cookie"] = list(self.cookie)
        out["body"] = self.body
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Response:
        original = data.get("originalRequest")
        code = data.get("code")
        return cls(
            id=str(data.get("id", "")),
            name=str(data.get("name", "")),
            original_request=Request.from_json(original) if original else None,
            status=str(data.get("status", "")),
            code=int(code) if isinstance(code, (int, str)) and str(code).isdigit() else 0,
            header=[Header.from_json(h) for h in data.get("header") or [] if isinstance(h, (dict, str))],
            body=str(data.get("body") or ""),
            preview_language=data.get("_postman_previewlanguage"),
            extra=_pop_extra(data, cls.KNOWN),
            cookie=list(found) if isinstance(found := data.get("cookie"), list) else [],
        )

    def content_type(self) -> str | None:
        for h in self.header:
            if h.key.lower() == "content-type":
                return h.value
        return None


@dataclass(slots=True)
class Item:
    """A request item."""

    id: str | None
    name: str
    request: Request
    response: list[Response] = field(default_factory=list)
    description: str = ""
    event: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("id", "name", "request", "response", "description", "event")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id:
            out["id"] = self.id
        out["name"] = self.name
        if self.description:
            out["description"] = self.description
        if self.event:
            out["event"] = self.event
        out["request"] = self.request.to_json()
        requests: dict[int, dict[str, Any]] = {}
        out["response"] = [r.to_json(requests) for r in self.response]
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Item:
        return cls(
            id=data.get("id"),
            name=str(data.get("name", "")),
            request=Request.from_json(data.get("request", {})),
            response=[Response.from_json(r) for r in data.get("response") or [] if isinstance(r, dict)],
            description=_description_text(data.get("description")),
            event=list(data.get("event") or []),
            extra=_pop_extra(data, cls.KNOWN),
        )

    @property
    def kit(self) -> dict[str, Any]:
        """What postman-kit keeps on an item it generated: operationId, aliases."""
        value = self.extra.get("x-postman-kit")
        return value if isinstance(value, dict) else {}


@dataclass(slots=True)
class Folder:
    """An ItemGroup."""

    id: str | None
    name: str
    items: list[Node] = field(default_factory=list)
    description: str = ""
    auth: Auth | None = None
    event: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("id", "name", "item", "description", "auth", "event")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id:
            out["id"] = self.id
        out["name"] = self.name
        if self.description:
            out["description"] = self.description
        out["item"] = [node.to_json() for node in self.items]
        if self.auth is not None:
            out["auth"] = self.auth.to_json()
        if self.event:
            out["event"] = self.event
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Folder:
        return cls(
            id=data.get("id"),
            name=str(data.get("name", "")),
            items=[node_from_json(n) for n in data.get("item") or [] if isinstance(n, dict)],
            description=_description_text(data.get("description")),
            auth=Auth.from_json(data["auth"]) if isinstance(data.get("auth"), dict) else None,
            event=list(data.get("event") or []),
            extra=_pop_extra(data, cls.KNOWN),
        )


Node = Item | Folder


def node_from_json(data: dict[str, Any]) -> Node:
    if "item" in data and "request" not in data:
        return Folder.from_json(data)
    return Item.from_json(data)


@dataclass(slots=True)
class Info:
    """The collection's `info` block: its id, name, schema and description."""

    postman_id: str
    name: str
    description: str = ""
    schema: str = SCHEMA_V21
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("_postman_id", "name", "description", "schema")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"_postman_id": self.postman_id, "name": self.name}
        if self.description:
            out["description"] = self.description
        out["schema"] = self.schema
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Info:
        return cls(
            postman_id=str(data.get("_postman_id", "")),
            name=str(data.get("name", "")),
            description=_description_text(data.get("description")),
            schema=str(data.get("schema", "")),
            extra=_pop_extra(data, cls.KNOWN),
        )


@dataclass(slots=True)
class Collection:
    """A whole collection: info, folders and items, auth, variables and events."""

    info: Info
    items: list[Node] = field(default_factory=list)
    auth: Auth | None = None
    variables: list[Variable] = field(default_factory=list)
    event: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    KNOWN = ("info", "item", "auth", "variable", "event")

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"info": self.info.to_json(), "item": [n.to_json() for n in self.items]}
        if self.auth is not None:
            out["auth"] = self.auth.to_json()
        if self.event:
            out["event"] = self.event
        if self.variables:
            out["variable"] = [v.to_json() for v in self.variables]
        out.update(self.extra)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Collection:
        return cls(
            info=Info.from_json(data.get("info") or {}),
            items=[node_from_json(n) for n in data.get("item") or [] if isinstance(n, dict)],
            auth=Auth.from_json(data["auth"]) if isinstance(data.get("auth"), dict) else None,
            variables=[Variable.from_json(v) for v in data.get("variable") or [] if isinstance(v, dict)],
            event=list(data.get("event") or []),
            extra=_pop_extra(data, cls.KNOWN),
        )

    def variable(self, key: str) -> Variable | None:
        for v in self.variables:
            if v.key == key:
                return v
        return None

    def walk(self) -> Iterator[tuple[tuple[str, ...], Item]]:
        """Every request item with its folder path (names), depth first, in order."""

        def visit(nodes: list[Node], trail: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Item]]:
            for node in nodes:
                if isinstance(node, Folder):
                    yield from visit(node.items, trail + (node.name,))
                else:
                    yield trail, node

        yield from visit(self.items, ())

    def folders(self) -> Iterator[tuple[tuple[str, ...], Folder]]:
        def visit(nodes: list[Node], trail: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Folder]]:
            for node in nodes:
                if isinstance(node, Folder):
                    yield trail + (node.name,), node
                    yield from visit(node.items, trail + (node.name,))

        yield from visit(self.items, ())


def item_path(trail: tuple[str, ...], item: Item) -> str:
    """The item path users see and type: `Profiles/Get Profiles Created Date`."""
    return "/".join(trail + (item.name,))
