"""Operations → Collection model: folders, requests, examples, variables, auth.

Pure: takes an :class:`~postman_kit.openapi.Api` and options, returns model objects. Files are written
elsewhere (:mod:`postman_kit.writer`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import field
from typing import Any

from postman_kit import ids
from postman_kit.collection import (
    Body,
    Collection,
    Folder,
    Header,
    Info,
    Item,
    Node,
    QueryParam,
    Request,
    Response,
    Url,
    Variable,
    status_text,
)
from postman_kit.errors import InputError
from postman_kit.examples import ExampleBuilder
from postman_kit.filters import example_filter
from postman_kit.generate.error_examples import TROUBLESHOOTING_STATUSES, Troubleshooter
from postman_kit.generate.parallel import Placement, Workers, start_workers
from postman_kit.generate.request_auth import operation_auth, requirement_auth
from postman_kit.naming import collection_name
from postman_kit.openapi import Api, MediaType, Operation, Parameter, status_code
from postman_kit.profiles import Profile, find_revision, get_profile
from postman_kit.valueclass import value_class
from postman_kit.writer import json_text

FOLDER_MODES = ("tags", "paths", "flat")
SKIPPED_HEADERS = {"authorization", "content-type", "accept"}
KIT_KEY = "x-postman-kit"


@value_class
class BuildOptions:
    """What `generate` lets a user choose; every field has the command line's default."""

    revision: str | None = None
    channel: str | None = None  # "stable" or "beta"; default from the revision
    base_url: str | None = None
    folders: str = "tags"
    profile: str = "auto"
    troubleshooting: tuple[int, ...] = TROUBLESHOOTING_STATUSES
    tests: bool = False
    # False leaves success examples' bodies empty (ids, names, codes and headers stay): for callers that read
    # only which responses exist, such as diff, this skips most of a build's example synthesis.
    response_bodies: bool = True
    base_url_variable: str = "baseUrl"
    revision_variable: str = "revision"
    key_variable: str | None = None  # default from the profile (Klaviyo: privateKey)
    public_key_variable: str | None = None  # default from the profile (Klaviyo: companyId)
    # Processes that build the requests (see postman_kit/generate/parallel.py). Above 1, the requests stand in the
    # collection as JSON text: for a build that is written, not read, by a process without other threads (the
    # workers are forked).
    jobs: int = 1


@value_class
class Build:
    """Everything `generate` writes, as values."""

    api: Api
    profile: Profile
    collection: Collection
    environment: dict[str, Any]
    globals: dict[str, Any]
    revision: str
    channel: str
    slug: str
    warnings: list[str] = field(default_factory=list)

    @property
    def collection_filename(self) -> str:
        return f"{self.slug}-v{self.revision}.postman_collection.json"

    @property
    def environment_filename(self) -> str:
        return f"{self.slug}-v{self.revision}.postman_environment.json"

    @property
    def globals_filename(self) -> str:
        return f"{self.slug}.postman_globals.json"


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "api"


def build(api: Api, options: BuildOptions | None = None) -> Build:
    options = options or BuildOptions()
    if options.folders not in FOLDER_MODES:
        raise InputError(None, f"unknown folder mode {options.folders!r}; choose from {', '.join(FOLDER_MODES)}")
    profile = get_profile(options.profile, api)
    if options.key_variable or options.public_key_variable:
        from dataclasses import replace

        profile = replace(
            profile,
            key_variable=options.key_variable or profile.key_variable,
            public_key_variable=options.public_key_variable or profile.public_key_variable,
        )
    revision = options.revision or find_revision(api, profile)
    channel = options.channel or ("beta" if revision.endswith(".pre") else "stable")
    builder = _CollectionBuilder(api, profile, options, revision)
    collection = builder.collection(collection_name(api.title, revision, channel))
    slug = slugify(api.title)
    environment = _environment(api, options, builder, revision)
    globals_file = _globals(api, profile)
    return Build(
        api=api,
        profile=profile,
        collection=collection,
        environment=environment,
        globals=globals_file,
        revision=revision,
        channel=channel,
        slug=slug,
        warnings=list(api.warnings) + builder.warnings,
    )


def _environment(api: Api, options: BuildOptions, builder: _CollectionBuilder, revision: str) -> dict[str, Any]:
    values = [{"key": options.base_url_variable, "value": builder.base_url, "type": "default", "enabled": True}]
    for var in builder.auth_variables:
        values.append({"key": var.key, "value": "", "type": "secret" if var.secret else "default", "enabled": True})
    return {
        "id": ids.environment_id(api.title, revision),
        "name": f"{api.title} (v{revision})",
        "values": values,
        "_postman_variable_scope": "environment",
    }


def _globals(api: Api, profile: Profile) -> dict[str, Any]:
    values = []
    if profile.public_key_variable:
        values.append({"key": profile.public_key_variable, "value": "", "type": "default", "enabled": True})
    return {
        "id": ids.globals_id(api.title),
        "name": f"{api.title} Globals",
        "values": values,
        "_postman_variable_scope": "globals",
    }


class _CollectionBuilder:
    def __init__(self, api: Api, profile: Profile, options: BuildOptions, revision: str) -> None:
        self.api = api
        self.profile = profile
        self.options = options
        self.revision = revision
        self.warnings: list[str] = []
        self.request_examples = ExampleBuilder(api.document, "request")
        self.response_examples = ExampleBuilder(api.document, "response")
        self.troubleshooter = Troubleshooter(api, profile, options.troubleshooting)
        self.collection_auth, self.auth_variables = requirement_auth(api, api.security, profile)
        if self.collection_auth is not None and self.collection_auth.type == "noauth":
            self.collection_auth = None
        self.auth_variables = list(self.auth_variables)
        self.base_url = self._base_url()
        self.contracts = _contract_builder(api) if options.tests else None
        self.workers: Workers | None = None

    # -- collection ------------------------------------------------------------------------------------------
    def collection(self, name: str) -> Collection:
        if self.options.jobs > 1 and self.contracts is None:
            self.workers = start_workers(self._placements(), self._item, self.options.jobs)
        try:
            items = self._folders(self.item)
        finally:
            if self.workers is not None:
                self.workers.finish()
        variables = [
            Variable(self.options.base_url_variable, self.base_url, "string"),
            Variable(self.options.revision_variable, self.revision, "string"),
        ]
        if self.contracts is not None:
            variables.append(self.contracts.variable())
        return Collection(
            info=Info(
                postman_id=ids.collection_id(self.api.title, self.revision),
                name=name,
                description=self._collection_description(),
            ),
            items=items,
            auth=self.collection_auth,
            variables=variables,
        )

    def _collection_description(self) -> str:
        parts = [self.api.description.strip()] if self.api.description.strip() else []
        parts.append(f"Revision `{self.revision}` of {self.api.title}, generated from its OpenAPI document.")
        if self.collection_auth is not None and self.auth_variables:
            names = ", ".join(f"`{{{{{v.key}}}}}`" for v in self.auth_variables)
            parts.append(f"Requests inherit the collection's auth; set {names} in the environment.")
        return "\n\n".join(parts)

    def _base_url(self) -> str:
        if self.options.base_url:
            return self.options.base_url.rstrip("/")
        if self.api.servers:
            url = self.api.servers[0].url
            if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
                self.warnings.append(f"server URL {url!r} is relative; set baseUrl with --base-url")
            return url
        self.warnings.append("the spec has no servers; baseUrl is empty (set it with --base-url)")
        return ""

    # -- folders ---------------------------------------------------------------------------------------------
    def _folders(self, make_item: Callable[[Operation], Any]) -> list[Node]:
        ops = self.api.operations
        mode = self.options.folders
        if mode == "flat":
            return [make_item(op) for op in ops]
        if mode == "paths" or not any(op.tags for op in ops):
            return self._by_path(ops, make_item)
        return self._by_tag(ops, make_item)

    def _placements(self) -> list[Placement]:
        """Every item's operation and indentation in the collection file, in order: the folders laid out with
        stand-ins for the items. The file indents by 2: the root's items stand at 4, a folder's 4 right of it."""
        placements: list[Placement] = []

        def visit(nodes: list[Any], indent: int) -> None:
            for node in nodes:
                if isinstance(node, Folder):
                    visit(node.items, indent + 4)
                else:
                    placements.append(Placement(node, indent))

        visit(self._folders(lambda op: op), 4)
        return placements

    def _folder(self, trail: tuple[str, ...], description: str, items: list[Node]) -> Folder:
        return Folder(id=ids.folder_id(self.api.title, trail), name=trail[-1], items=items, description=description)

    def _by_tag(self, ops: list[Operation], make_item: Callable[[Operation], Any]) -> list[Node]:
        declared = {tag.name: tag.description for tag in self.api.tags}
        groups: dict[str, list[Operation]] = {name: [] for name in declared}
        for op in ops:
            tag = op.tags[0] if op.tags else _path_group(op.path)
            groups.setdefault(tag, []).append(op)
        nodes: list[Node] = []
        for tag, members in groups.items():
            if not members:
                continue
            subtags = {self.profile.subtag(op) for op in members} - {None}
            if subtags:
                by_subtag: dict[str, list[Operation]] = {tag: []}
                for name in sorted(subtags):
                    by_subtag.setdefault(name, [])
                for op in members:
                    by_subtag[self.profile.subtag(op) or tag].append(op)
                children: list[Node] = [
                    self._folder((tag, name), "", [make_item(op) for op in sub])
                    for name, sub in by_subtag.items()
                    if sub
                ]
            else:
                children = [make_item(op) for op in members]
            nodes.append(self._folder((tag,), declared.get(tag, ""), children))
        return nodes

    def _by_path(self, ops: list[Operation], make_item: Callable[[Operation], Any]) -> list[Node]:
        groups: dict[str, list[Operation]] = {}
        for op in ops:
            groups.setdefault(_path_group(op.path), []).append(op)
        return [self._folder((name,), "", [make_item(op) for op in members]) for name, members in groups.items()]

    # -- requests --------------------------------------------------------------------------------------------
    def item(self, op: Operation) -> Item:
        if self.workers is not None:
            return self.workers.item(op, self._item)  # type: ignore[no-any-return]  # see BuildOptions.jobs
        return self._item(op)

    def _item(self, op: Operation) -> Item:
        item_id = ids.operation_id(self.api.title, op.method, op.path)
        request = self.request(op)
        saved = request.without_description()  # one object every example shares, serialized once
        responses = self.success_examples(op, saved, item_id)
        responses += self.troubleshooter.examples(op, saved, item_id)
        kit: dict[str, Any] = {}
        if op.operation_id:
            kit["operationId"] = op.operation_id
        aliases = self.profile.aliases(op)
        if aliases:
            kit["aliases"] = aliases
        return Item(
            id=item_id,
            name=op.summary or op.operation_id or f"{op.method} {op.path}",
            request=request,
            response=responses,
            event=[self.contracts.test_event(op, responses)] if self.contracts is not None else [],
            extra={KIT_KEY: kit} if kit else {},
        )

    def request(self, op: Operation) -> Request:
        url = self.url(op)
        headers = self.headers(op)
        body = self.body(op)
        if body is not None:
            media = op.request_body.preferred if op.request_body else None
            if media is not None and body.mode == "raw":
                headers.append(Header("Content-Type", media.media_type))
        return Request(
            method=op.method,
            url=url,
            header=headers,
            body=body,
            auth=operation_auth(self.api, op, self.profile),
            description=self.description(op),
        )

    def url(self, op: Operation) -> Url:
        segments = op.path.split("/")[1:] if op.path.startswith("/") else op.path.split("/")
        path = [f":{s[1:-1]}" if len(s) > 2 and s[0] == "{" and s[-1] == "}" else s for s in segments]
        variables = [
            Variable(key=p.name, value=self.parameter_value(p), description=p.description)
            for p in op.params_in("path")
        ]
        query = [self.query_param(op, p) for p in op.params_in("query")]
        url = Url(host=["{{" + self.options.base_url_variable + "}}"], path=path, query=query, variable=variables)
        url.rebuild_raw()
        return url

    def query_param(self, op: Operation, param: Parameter) -> QueryParam:
        profile = self.profile
        if profile.public_key_param == param.name and profile.is_client_operation(op) and profile.public_key_variable:
            return QueryParam(param.name, "{{" + profile.public_key_variable + "}}", param.description)
        if param.name == profile.filter_param:
            value = example_filter(profile.allowed_filters(op))
            if value is not None:
                return QueryParam(param.name, value, param.description, disabled=not param.required)
        return QueryParam(param.name, self.parameter_value(param), param.description, disabled=not param.required)

    def parameter_value(self, param: Parameter) -> str:
        value = param.example
        if value is None:
            value = self._enum_example(param)
        if value is None:
            value = self.request_examples.build(param.schema)
        return _query_text(value)

    def _enum_example(self, param: Parameter) -> Any:
        schema = self.api.resolve(param.schema) if param.schema else {}
        if not isinstance(schema, dict):
            return None
        if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
            items = self.api.resolve(schema["items"])
            enum = items.get("enum") if isinstance(items, dict) else None
            if isinstance(enum, list) and enum:
                return enum[:1]
        return None

    def headers(self, op: Operation) -> list[Header]:
        headers: list[Header] = []
        accept = self._accept(op)
        if accept:
            headers.append(Header("Accept", accept))
        for param in op.params_in("header"):
            if param.name.lower() in SKIPPED_HEADERS:
                continue
            if self.profile.revision_header and param.name.lower() == self.profile.revision_header.lower():
                headers.append(Header(param.name, "{{" + self.options.revision_variable + "}}", param.description))
                continue
            headers.append(
                Header(param.name, self.parameter_value(param), param.description, disabled=not param.required)
            )
        return headers

    def _accept(self, op: Operation) -> str | None:
        for response in op.success_responses:
            media = response.preferred
            if media is not None:
                return media.media_type
        return None

    def body(self, op: Operation) -> Body | None:
        if op.request_body is None:
            return None
        media = op.request_body.preferred
        if media is None:
            return None
        value = self._media_example(media, self.request_examples)
        kind = media.media_type.split(";")[0].strip().lower()
        if kind == "application/x-www-form-urlencoded":
            return Body("urlencoded", urlencoded=_form_fields(value))
        if kind.startswith("multipart/"):
            return Body("formdata", formdata=[{**f, "type": "text"} for f in _form_fields(value)])
        if kind.endswith("json") or "+json" in kind:
            return Body("raw", raw=json_text(value), language="json")
        if "xml" in kind:
            return Body("raw", raw=value if isinstance(value, str) else "", language="xml")
        return Body("raw", raw=value if isinstance(value, str) else "", language="text")

    def _media_example(self, media: MediaType, builder: ExampleBuilder) -> Any:
        if media.example is not None:
            return media.example
        if media.schema is not None:
            return builder.build(media.schema)
        return None

    def description(self, op: Operation) -> str:
        parts: list[str] = []
        if self.profile.is_pre_release(op):
            parts.append("**Pre-release:** this operation is in beta and may change.")
        if op.deprecated:
            parts.append("**Deprecated.**")
        text = op.description.strip()
        if text:
            parts.append(text)
        scopes = self.profile.scopes(op)
        if scopes and "**Scopes:**" not in text:
            parts.append("**Scopes:** " + ", ".join(f"`{s}`" for s in scopes))
        limits = self.profile.rate_limit(op)
        if limits and "*Rate limits*" not in text:
            parts.append("**Rate limits:** " + ", ".join(f"{k.capitalize()}: `{v}`" for k, v in limits.items()))
        allowed = self.profile.allowed_filters(op)
        if allowed:
            lines = [f"- `{rule.field}`: " + ", ".join(f"`{o}`" for o in rule.operators) for rule in allowed.rules.values()]
            parts.append("**Allowed filters:**\n" + "\n".join(lines))
        if op.operation_id:
            parts.append(f"Operation ID: `{op.operation_id}`")
        return "\n\n".join(parts)

    # -- example responses -----------------------------------------------------------------------------------
    def success_examples(self, op: Operation, saved: Request, item_id: str) -> list[Response]:
        """One example per documented 2xx; `saved` is the request as examples carry it (no description)."""
        examples: list[Response] = []
        names: set[str] = set()
        for response in op.success_responses:
            code = status_code(response.status)
            if code is None:
                continue
            name = response.description.strip() or status_text(code)
            if name in names:
                name = f"{name} ({code})"
            names.add(name)
            media = response.preferred
            headers: list[Header] = []
            body = ""
            language = None
            if media is not None:
                headers.append(Header("Content-Type", media.media_type))
            if media is not None and self.options.response_bodies:
                value = self._media_example(media, self.response_examples)
                if isinstance(value, str) and not media.media_type.endswith("json"):
                    body, language = value, "text"
                elif value is not None:
                    body, language = json_text(value), "json"
            examples.append(
                Response(
                    id=ids.example_id(item_id, name, code),
                    name=name,
                    original_request=saved,
                    status=status_text(code),
                    code=code,
                    header=headers,
                    body=body,
                    preview_language=language,
                )
            )
        return examples


def _contract_builder(api: Api) -> Any:
    from postman_kit.generate.contracts import (
        ContractBuilder,  # only with --tests: its script template is large
    )

    return ContractBuilder(api.document)


def _path_group(path: str) -> str:
    segments = [s for s in path.split("/") if s and not s.startswith("{")]
    if len(segments) > 1 and segments[0].lower() in {"api", "v1", "v2", "v3", "rest"}:
        segments = segments[1:]
    return segments[0] if segments else "root"


def _query_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_query_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _form_fields(value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, dict):
        return []
    return [{"key": str(k), "value": _query_text(v)} for k, v in value.items()]


__all__ = ["Build", "BuildOptions", "build", "collection_name", "find_revision", "slugify"]
