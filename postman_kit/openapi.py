"""The OpenAPI side of the core model: an API and its operations, refs resolved on demand."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from postman_kit.errors import InputError
from postman_kit.loader import LoadedDocument, load_document, resolve_pointer
from postman_kit.shapes import PARAMETER_REQUIRED, check_openapi_shape, pointer_token

_PREFIX_IN_DESCRIPTION = re.compile(r"`([A-Za-z][\w.-]*) [\w-]+`")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Where OpenAPI 3.0 and 3.1 put a parameter (`in`).
PARAMETER_LOCATIONS = frozenset({"path", "query", "header", "cookie"})


@dataclass(slots=True)
class Parameter:
    """A path, query, header or cookie parameter of an operation."""

    name: str
    location: str  # path, query, header, cookie
    required: bool = False
    description: str = ""
    schema: dict[str, Any] = field(default_factory=dict)
    example: Any = None
    deprecated: bool = False
    explode: bool | None = None
    style: str | None = None
    media_type: str | None = None  # a parameter given by `content` instead of `schema` (its one media type)


@dataclass(slots=True)
class MediaType:
    """One media type of a request body or response, with its schema and example."""

    media_type: str
    schema: dict[str, Any] | None = None
    example: Any = None  # the spec's own example, when it gives one
    encoding: dict[str, Any] = field(default_factory=dict)  # property name → Encoding Object


@dataclass(slots=True)
class RequestBody:
    """An operation's request body, one entry per media type."""

    required: bool
    content: list[MediaType]
    description: str = ""

    @property
    def preferred(self) -> MediaType | None:
        return _prefer_json(self.content)


@dataclass(slots=True)
class Response:
    """A documented response of an operation, by status."""

    status: str  # "200", "4XX", "default"
    description: str = ""
    content: list[MediaType] = field(default_factory=list)

    @property
    def preferred(self) -> MediaType | None:
        return _prefer_json(self.content)


@dataclass(slots=True)
class SecurityScheme:
    """A security scheme from `components/securitySchemes`."""

    name: str
    type: str  # apiKey, http, oauth2, openIdConnect, mutualTLS
    location: str | None = None  # apiKey: header, query, cookie
    param_name: str | None = None  # apiKey: header or query parameter name
    scheme: str | None = None  # http: bearer, basic, ...
    description: str = ""
    flows: dict[str, Any] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Tag:
    """A tag from the document's `tags` list."""

    name: str
    description: str = ""


@dataclass(slots=True)
class Operation:
    """One method on one path, with everything generate, validate and diff read from it."""

    method: str  # upper case
    path: str
    operation_id: str | None
    summary: str
    description: str
    tags: list[str]
    parameters: list[Parameter]
    request_body: RequestBody | None
    responses: list[Response]
    security: list[dict[str, list[str]]]  # effective requirement: [] means no auth
    deprecated: bool
    extensions: dict[str, Any]
    path_methods: tuple[str, ...]  # every method the path supports (upper case)
    servers: list[Server] = field(default_factory=list)  # the operation's or path's own `servers`, when given

    def __repr__(self) -> str:
        return f"Operation({self.method} {self.path} {self.operation_id or ''})".replace(" )", ")")

    def params_in(self, location: str) -> list[Parameter]:
        return [p for p in self.parameters if p.location == location]

    def parameter(self, name: str, location: str | None = None) -> Parameter | None:
        for p in self.parameters:
            if p.name == name and (location is None or p.location == location):
                return p
        return None

    @property
    def success_responses(self) -> list[Response]:
        return [r for r in self.responses if r.status.startswith("2")]


@dataclass(slots=True)
class Server:
    """An entry of the document's `servers` list."""

    url: str  # variables replaced by their defaults
    description: str = ""
    template: str = ""  # the URL as written, `{variable}`s kept
    variables: dict[str, Any] = field(default_factory=dict)  # name → Server Variable Object


@dataclass
class Api:
    """An OpenAPI document read into the core model."""

    document: dict[str, Any]
    source: str
    openapi_version: str
    title: str
    version: str
    description: str
    servers: list[Server]
    tags: list[Tag]
    security_schemes: dict[str, SecurityScheme]
    security: list[dict[str, list[str]]]
    operations: list[Operation]
    warnings: list[str] = field(default_factory=list)
    files: frozenset[str] = frozenset()  # the local files the document's `$ref`s were read from

    def resolve(self, node: Any) -> Any:
        return resolve(self.document, node, self.source)

    def merged_properties(self, schema: Any, _depth: int = 0) -> tuple[dict[str, Any], set[str]]:
        """An object schema's properties and required names, its `allOf` parts' merged in, `$ref`s followed; a
        property more than one part describes is the `allOf` of their descriptions (Klaviyo adds `attributes`
        fields this way)."""
        schema = self.resolve(schema)
        properties: dict[str, Any] = {}
        required: set[str] = set()
        if not isinstance(schema, dict) or _depth > 8:
            return properties, required
        parts = [
            *(self.merged_properties(part, _depth + 1) for part in schema.get("allOf") or []),
            (schema.get("properties") or {}, set(schema.get("required") or [])),
        ]
        for more, more_required in parts:
            for name, value in more.items():
                properties[name] = {"allOf": [properties[name], value]} if name in properties else value
            required |= more_required
        return properties, required

    def parameter_schema(self, param: Parameter) -> dict[str, Any]:
        """A parameter's schema, its `$ref` resolved; under 3.1 with what sits beside the `$ref` applied
        (`{$ref: Code, maxLength: 4, example: ABCD}`), as JSON Schema 2020-12 reads it."""
        schema = self.resolve(param.schema) if param.schema else {}
        if not isinstance(schema, dict):
            return {}
        beside = {k: v for k, v in param.schema.items() if k != "$ref"} if "$ref" in param.schema else {}
        return {**schema, **beside} if beside and self.openapi_version.startswith("3.1") else schema

    @cached_property
    def methods(self) -> frozenset[str]:
        """Every HTTP method some operation uses."""
        return frozenset(op.method for op in self.operations)

    @cached_property
    def server_hosts(self) -> frozenset[str]:
        """The host names the spec's servers name (the document's, its paths' and operations'); empty when any
        of them is relative or names its host through a variable, where a request's host tells nothing."""
        hosts = set()
        for server in list(self.servers) + [server for op in self.operations for server in op.servers]:
            host = urlsplit(server.url).hostname if "://" in server.url else None
            if not host or "{" in server.url.split("://", 1)[1].split("/", 1)[0]:
                return frozenset()
            hosts.add(host.lower())
        return frozenset(hosts)

    @cached_property
    def server_paths(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """host → the paths its servers' URLs put before every operation's (Spotify's `/v1`), longest first."""
        found: dict[str, set[tuple[str, ...]]] = {}
        for server in list(self.servers) + [server for op in self.operations for server in op.servers]:
            parts = urlsplit(server.url) if "://" in server.url else None
            if parts is not None and parts.hostname:
                segments = tuple(segment for segment in parts.path.split("/") if segment)
                found.setdefault(parts.hostname.lower(), set()).add(segments)
        return {host: tuple(sorted(paths, key=lambda p: (-len(p), p))) for host, paths in found.items()}

    def operation(self, method: str, path: str) -> Operation | None:
        for op in self.operations:
            if op.method == method.upper() and op.path == path:
                return op
        return None


def resolve(document: dict[str, Any], node: Any, source: str = "spec", _depth: int = 0) -> Any:
    """Follow a chain of local `$ref`s; non-ref nodes come back unchanged."""
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref = node["$ref"]
        if not ref.startswith("#"):
            raise InputError(source, f"unresolved external $ref {ref!r}")
        node = resolve_pointer(document, ref[1:], source)
        _depth += 1
        if _depth > 64:
            raise InputError(source, f"$ref chain too long or circular at {ref!r}")
    return node


def _prefer_json(content: list[MediaType]) -> MediaType | None:
    """The media type a request is sent in and an example shown in: the first JSON one, as the spec orders them,
    with a JSON Patch (RFC 6902, an array of operations) taken only when no other JSON type is offered.
    Kubernetes lists `application/json-patch+json` before `merge-patch+json` for PATCH bodies whose schema is
    an object: an object sent as JSON Patch is a request the API refuses."""
    json_media = [media for media in content if _is_json(_essence(media.media_type))]
    for media in json_media:
        if _essence(media.media_type) != "application/json-patch+json":
            return media
    if json_media:
        return json_media[0]
    return content[0] if content else None


def _is_json(essence: str) -> bool:
    return essence.endswith("json") or "+json" in essence


def _essence(media_type: str) -> str:
    """`application/merge-patch+json; charset=utf-8` → `application/merge-patch+json`."""
    return media_type.split(";", 1)[0].strip().lower()


def load_api(source: str) -> Api:
    """Load `source` (path, URL or `-`) and read it into an :class:`Api`."""
    return read_api(load_document(source))


def read_api(loaded: LoadedDocument) -> Api:
    """Check the document is OpenAPI 3.x and read its operations."""
    doc = loaded.data
    name = loaded.source
    if not isinstance(doc, dict):
        raise InputError(name, "not an OpenAPI document (top level is not a mapping)")
    if "swagger" in doc:
        raise InputError(
            name,
            f"Swagger {doc.get('swagger')} is not supported; convert it to OpenAPI 3 first "
            "(e.g. `npx swagger2openapi`)",
        )
    version = doc.get("openapi")
    if version is None:
        raise InputError(name, "not an OpenAPI document (no 'openapi' field)")
    version = str(version)
    if not (version.startswith(("3.0", "3.1"))):
        raise InputError(name, f"unsupported OpenAPI version {version!r}; expected 3.0.x or 3.1.x")
    info = doc.get("info")
    if not isinstance(info, dict):
        raise InputError(name, "OpenAPI document has no 'info' object")
    ignored = check_openapi_shape(doc, name, nesting_checked=loaded.nesting_checked)
    paths = doc.get("paths") or {}
    if not isinstance(paths, dict):
        raise InputError(name, "'paths' is not a mapping")
    warnings: list[str] = list(loaded.warnings) + ignored
    _check_local_refs(doc, name, loaded.refs, warnings)

    components = found if isinstance(found := doc.get("components"), dict) else {}
    raw_schemes = found if isinstance(found := components.get("securitySchemes"), dict) else {}
    schemes: dict[str, SecurityScheme] = {}
    for key, raw in raw_schemes.items():
        scheme = resolve(doc, raw, name)
        if not isinstance(scheme, dict):
            raise InputError(name, f"security scheme {key!r} is not a mapping")
        schemes[key] = _read_scheme(key, scheme)
    global_security = doc.get("security") or []
    operations: list[Operation] = []
    items: list[tuple[str, dict[str, Any]]] = []
    for key, raw_item in paths.items():
        item = resolve(doc, raw_item, name)
        if not isinstance(item, dict):
            raise InputError(name, f"path item {key!r} is not a mapping")
        items.append((_braced(key, warnings), item))
    # the methods of each path, for its 405 examples: one path may be written both ways (`{slug}` and `:slug`)
    path_methods: dict[str, set[str]] = {}
    for path, item in items:
        path_methods.setdefault(path, set()).update(
            m.upper() for m in HTTP_METHODS if isinstance(item.get(m), dict)
        )
    seen: set[tuple[str, str]] = set()
    for path, item in items:
        methods = tuple(m.upper() for m in HTTP_METHODS if m.upper() in path_methods[path])
        shared = item.get("parameters") or []
        for method in HTTP_METHODS:
            raw_op = resolve(doc, item.get(method), name)  # an operation may be a `$ref` to another file
            if not isinstance(raw_op, dict):
                continue
            if (path, method) in seen:
                warnings.append(
                    f"{method.upper()} {path}: given twice (with `{{name}}` and `:name`); the first kept"
                )
                continue
            seen.add((path, method))
            operations.append(
                _read_operation(
                    doc,
                    name,
                    method,
                    path,
                    raw_op,
                    shared,
                    global_security,
                    methods,
                    warnings,
                    item.get("servers"),
                )
            )
    servers = read_servers(doc.get("servers"))
    tags = [
        Tag(name=str(t["name"]), description=t.get("description") or "")
        for t in doc.get("tags") or []
        if isinstance(t, dict) and "name" in t
    ]
    return Api(
        document=doc,
        source=name,
        openapi_version=version,
        title=str(info.get("title") or "API"),
        version=str(info.get("version") or ""),
        description=info.get("description") or "",
        servers=servers,
        tags=tags,
        security_schemes=schemes,
        security=global_security,
        operations=operations,
        warnings=warnings,
        files=loaded.files,
    )


# A whole path segment written Express-style, `:id`, where OpenAPI writes `{id}` (Hono and Express exports).
_PATH_PARAMETER = re.compile(r"\{[^{}/]*\}")
_RESPONSE_PLACE = re.compile(r"/responses/[^/]+$")
_COLON_SEGMENT = re.compile(r"(?<=/):([A-Za-z_][A-Za-z0-9_]*)(?=/|$)")


def _braced(path: str, warnings: list[str]) -> str:
    """`path` with each segment written `:name` read as the path parameter `{name}`, as its authors mean it
    (a real path segment does not start with a colon; a request would otherwise go out holding `:id`)."""
    braced = _COLON_SEGMENT.sub(r"{\1}", path)
    if braced != path:
        warnings.append(
            f"path {path}: read as {braced} (OpenAPI writes a path parameter `{{name}}`, not `:name`)"
        )
    if any(brace in _PATH_PARAMETER.sub("", braced) for brace in "{}"):
        warnings.append(f"path {path}: a brace that opens or closes no path parameter is sent as written")
    return braced


def _check_local_refs(
    doc: dict[str, Any], name: str, refs: frozenset[str] | None = None, warnings: list[str] | None = None
) -> None:
    """Every local `$ref` must point somewhere: a dangling one is bad input, but inside a schema, where it is
    read as any value (`{}`) with a warning, as peers read it: Keycloak's one unresolvable property type, in a
    schema only responses use, refused all 316 operations.

    With the loader's set of refs, each distinct ref is checked once; only a dangling one costs the walk
    that finds where it is.
    """
    if refs is not None:
        try:
            for known in refs:
                if known.startswith("#"):
                    resolve_pointer(doc, known[1:], name)
        except InputError:
            pass
        else:
            return
    seen: set[str] = set()
    dangling: set[str] = set()
    # each node with what holds it: an `examples` map's entries are Example Objects, whose `value` is data
    stack: list[tuple[Any, str, str]] = [(doc, "", "")]
    while stack:
        node, where, holder = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref not in seen:
                seen.add(ref)
                if ref.startswith("#"):
                    try:
                        resolve_pointer(doc, ref[1:], name)
                    except InputError:
                        dangling.add(ref)
            if isinstance(ref, str) and ref in dangling:
                if warnings is not None and _RESPONSE_PLACE.search(where) and "/schema" not in where:
                    # an operation's response that names none (Miro's 131 error responses): a response with no
                    # body, as peers read it, rather than the whole spec refused
                    del node["$ref"]
                    node.setdefault("description", "")
                    warnings.append(f"dangling $ref {ref!r} at #{where}: read as a response with no body")
                    continue
                if warnings is None or "/schema" not in where:
                    raise InputError(name, f"dangling $ref {ref!r} at #{where}")
                del node["$ref"]
                warnings.append(f"dangling $ref {ref!r} at #{where}: read as any value")
            for key, value in node.items():
                if (
                    not isinstance(value, (dict, list))
                    or key == "example"
                    or (key == "value" and holder == "examples")
                ):
                    continue  # an example's value is data: a `$ref` in it is a key like any other (Okta's)
                inner = (
                    "examples" if holder == "examples-map" else "examples-map" if key == "examples" else ""
                )
                stack.append((value, f"{where}/{pointer_token(str(key))}", inner))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                if isinstance(value, (dict, list)):
                    stack.append((value, f"{where}/{index}", ""))


def read_servers(raw: Any) -> list[Server]:
    """A `servers` list (document, path item or operation) as :class:`Server` values."""
    servers: list[Server] = []
    for server in raw if isinstance(raw, list) else []:
        if not isinstance(server, dict) or "url" not in server:
            continue
        variables = found if isinstance(found := server.get("variables"), dict) else {}
        servers.append(
            Server(
                url=_server_url(server),
                description=server.get("description") or "",
                template=str(server["url"]).rstrip("/"),
                variables={str(k): v for k, v in variables.items() if isinstance(v, dict)},
            )
        )
    return servers


def _server_url(server: dict[str, Any]) -> str:
    url = str(server["url"])
    for var, spec in (server.get("variables") or {}).items():
        if isinstance(spec, dict) and "default" in spec:
            url = url.replace("{" + var + "}", str(spec["default"]))
    return url.rstrip("/")


def _read_scheme(key: str, raw: dict[str, Any]) -> SecurityScheme:
    return SecurityScheme(
        name=key,
        type=str(raw.get("type", "")),
        location=raw.get("in"),
        param_name=None if raw.get("name") is None else str(raw["name"]),
        scheme=(raw.get("scheme") or "").lower() or None,
        description=raw.get("description") or "",
        flows=raw.get("flows") or {},
        extensions={k: v for k, v in raw.items() if k.startswith("x-")},
    )


def _read_parameter(doc: dict[str, Any], name: str, raw: Any) -> Parameter | None:
    param = resolve(doc, raw, name)
    if not isinstance(param, dict) or "name" not in param or "in" not in param:
        return None
    schema = param.get("schema")
    media_type = None
    if schema is None and isinstance(param.get("content"), dict) and param["content"]:
        media_type, first = next(iter(param["content"].items()))
        schema = first.get("schema") if isinstance(first, dict) else None
    example = _first_example(doc, name, param)
    if example is None and media_type is not None and isinstance(first, dict):
        example = _first_example(doc, name, first)  # on the media type (Zulip's `content` parameters)
    example = _example_value(doc, example)
    return Parameter(
        name=str(param["name"]),
        location=str(param["in"]),
        required=bool(param.get("required", param.get(PARAMETER_REQUIRED))) or param["in"] == "path",
        description=param.get("description") or "",
        schema=schema if isinstance(schema, dict) else {},
        example=example,
        deprecated=bool(param.get("deprecated")),
        explode=param.get("explode"),
        style=param.get("style") if isinstance(param.get("style"), str) else None,
        media_type=media_type,
    )


def _example_value(doc: dict[str, Any], example: Any) -> Any:
    """An example given as `{$ref: …}` alone (Dropbox Sign's `value: {$ref: examples/x.json}`, which OpenAPI
    calls literal data but bundlers and peers read as a reference): what it names, bundled; None where it names
    nothing the kit could read (a file left unresolved, with the loader's warning): never the `$ref` itself."""
    if not (isinstance(example, dict) and len(example) == 1 and isinstance(example.get("$ref"), str)):
        return example
    ref = example["$ref"]
    if not ref.startswith("#"):
        return None
    try:
        return resolve_pointer(doc, ref[1:], "spec")
    except InputError:
        return None


def _first_example(doc: dict[str, Any], name: str, holder: dict[str, Any]) -> Any:
    """A parameter's or a media type's `example`, else the value of the first of its `examples`."""
    example = holder.get("example")
    if example is None and isinstance(holder.get("examples"), dict) and holder["examples"]:
        first_example = resolve(doc, next(iter(holder["examples"].values())), name)
        if isinstance(first_example, dict):
            example = first_example.get("value")
    return example


def _read_media(doc: dict[str, Any], name: str, content: Any) -> list[MediaType]:
    media: list[MediaType] = []
    if isinstance(content, dict) and isinstance(content.get("$ref"), str):
        # a shared content map (Lob's `content: {$ref: …}`), read as Redocly reads it
        ref = content["$ref"]
        content = resolve(doc, content, name)
        if not isinstance(content, dict) or not all(isinstance(v, dict) for v in content.values()):
            raise InputError(name, f"content $ref {ref!r} is not a map of media types")
    if not isinstance(content, dict):
        return media
    for media_type, raw in content.items():
        raw = resolve(doc, raw, name) if isinstance(raw, dict) else {}
        example = _example_value(doc, _first_example(doc, name, raw))
        schema = raw.get("schema")
        encoding = raw.get("encoding")
        media.append(
            MediaType(
                media_type=media_type,
                schema=schema if isinstance(schema, dict) else None,
                example=example,
                encoding=encoding if isinstance(encoding, dict) else {},
            )
        )
    return media


def _read_operation(
    doc: dict[str, Any],
    name: str,
    method: str,
    path: str,
    raw: dict[str, Any],
    shared_params: list[Any],
    global_security: list[dict[str, list[str]]],
    path_methods: tuple[str, ...],
    warnings: list[str],
    path_servers: Any = None,
) -> Operation:
    params: dict[tuple[str, str], Parameter] = {}
    for raw_param in list(shared_params) + list(raw.get("parameters") or []):
        param = _read_parameter(doc, name, raw_param)
        if param is None:
            warnings.append(f"{method.upper()} {path}: skipped a parameter without 'name' and 'in'")
            continue
        if param.location not in PARAMETER_LOCATIONS:
            warnings.append(
                f"{method.upper()} {path}: skipped parameter {param.name!r} in {param.location!r}: "
                "OpenAPI 3.0 and 3.1 place parameters in path, query, header or cookie"
            )
            continue
        params[(param.location, param.name)] = param  # operation-level overrides path-level
    body = None
    raw_body = resolve(doc, raw.get("requestBody"), name)
    if isinstance(raw_body, dict):
        body = RequestBody(
            required=bool(raw_body.get("required")),
            content=_read_media(doc, name, raw_body.get("content")),
            description=raw_body.get("description") or "",
        )
    responses: list[Response] = []
    for status, raw_response in (raw.get("responses") or {}).items():
        response = resolve(doc, raw_response, name)
        if not isinstance(response, dict):
            continue
        responses.append(
            Response(
                status=str(status),
                description=response.get("description") or "",
                content=_read_media(doc, name, response.get("content")),
            )
        )
    if not responses:
        warnings.append(f"{method.upper()} {path}: operation documents no responses")
    tags = [str(t) for t in raw.get("tags") or []]
    security = raw.get("security", global_security)
    return Operation(
        method=method.upper(),
        path=path,
        operation_id=raw.get("operationId"),
        summary=(raw.get("summary") or "").strip(),
        description=raw.get("description") or "",
        tags=tags,
        parameters=list(params.values()),
        request_body=body,
        responses=responses,
        security=security if isinstance(security, list) else [],
        deprecated=bool(raw.get("deprecated")),
        extensions={k: v for k, v in raw.items() if k.startswith("x-")},
        path_methods=path_methods,
        servers=read_servers(raw.get("servers")) or read_servers(path_servers),
    )


def status_code(status: str) -> int | None:
    """ "201" → 201, "2XX" → 200, "default" → None."""
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0].isdigit() and status[1:].upper() == "XX":
        return int(status[0]) * 100
    return None


def key_prefix(scheme: SecurityScheme) -> str:
    """The literal before the key in an apiKey header, e.g. `Klaviyo-API-Key `.

    Taken from `x-default` ("Klaviyo-API-Key your-private-api-key") or, failing that, from the description.
    """
    default = scheme.extensions.get("x-default")
    if isinstance(default, str) and " " in default.strip():
        return default.strip().rsplit(" ", 1)[0] + " "
    match = _PREFIX_IN_DESCRIPTION.search(scheme.description or "")
    if match and scheme.location == "header":
        return match.group(1) + " "
    return ""


def split_path_key(key: str) -> tuple[str, list[tuple[str, str]]]:
    """A path key as its authors mean it: `/files/{id}#get_shared_link` is the path `/files/{id}` (the fragment only
    tells operations apart and is never sent); `/responses?beta=true` is the path `/responses` with a fixed
    query `beta=true` every request carries. A templated value there (Polar's `/v3/users/activities/?from={from}`)
    is no fixed query but the place of a query parameter, which the operation's parameters send."""
    path = key.split("#", 1)[0]
    path, _, query = path.partition("?")
    pairs = parse_qsl(query, keep_blank_values=True)
    return path or "/", [(name, value) for name, value in pairs if not _PATH_PARAMETER.fullmatch(value)]
