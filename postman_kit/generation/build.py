"""Operations → Collection model: folders, requests, examples, variables, auth.

Pure: takes an :class:`~postman_kit.openapi.Api` and options, returns model objects. Files are written
elsewhere (:mod:`postman_kit.writer`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from postman_kit import ids
from postman_kit.collection import (
    BODY_PRUNED_METHODS,
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
from postman_kit.examples import MAX_VALUE_ENTRIES, ExampleBuilder, RequestValues, SpecExamples
from postman_kit.filters import allowed_example, example_filter
from postman_kit.generation import serialize
from postman_kit.generation.error_examples import error_examples, saved_body
from postman_kit.generation.request_auth import (
    AuthVariable,
    CompanionKey,
    camel_variable,
    companion_keys,
    operation_auth,
    requirement_auth,
    used_variables,
)
from postman_kit.generation.servers import ServerHosts, is_absolute, is_scheme_relative, postman_url
from postman_kit.json_lines import JSON_LINES_MEDIA_TYPES
from postman_kit.naming import collection_name, is_pre_release, request_name, stamped
from postman_kit.openapi import Api, MediaType, Operation, Parameter, status_code
from postman_kit.profiles import Profile, find_revision, get_profile
from postman_kit.scalars import NEUTRAL_STRING, string_value
from postman_kit.secrets import (
    MIN_TOKEN_LENGTH,
    UUID_TEXT,
    credential_spans,
    find_keys,
    find_tokens,
    holds_named_credential,
    named_credentials,
    redact,
    replace_tokens,
    truncate_key,
    without_credential,
)
from postman_kit.terminal import has_control_character, printable
from postman_kit.writer import json_text

FOLDER_MODES = ("tags", "paths", "flat")
SKIPPED_HEADERS = {"authorization", "content-type", "accept"}
KIT_KEY = "x-postman-kit"


@dataclass(slots=True)
class BuildOptions:
    """What `generate` lets a user choose; every field has the command line's default."""

    revision: str | None = None
    channel: str | None = None  # "stable" or "beta"; default from the revision
    base_url: str | None = None
    folders: str = "tags"
    profile: str = "auto"
    troubleshooting: tuple[int, ...] | None = None  # error statuses whose examples are saved; None: all
    tests: bool = False
    # False leaves success examples' bodies empty (ids, names, codes and headers stay): for callers that read
    # only which responses exist, such as diff, this skips most of a build's example synthesis.
    response_bodies: bool = True
    base_url_variable: str = "baseUrl"
    revision_variable: str = "revision"
    key_variable: str | None = None  # default from the profile (Klaviyo: privateKey) or each security scheme
    public_key_variable: str | None = None  # default from the profile (Klaviyo: companyId)


@dataclass(slots=True)
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

    # File names come from slugs alone, never from the title or revision as written: a spec's `../../x` or
    # `a/b` must not lead a file out of the output directory (see slugify and revision_slug).
    @property
    def collection_filename(self) -> str:
        return f"{self.slug}-{stamped(revision_slug(self.revision))}.postman_collection.json"

    @property
    def environment_filename(self) -> str:
        return f"{self.slug}-{stamped(revision_slug(self.revision))}.postman_environment.json"

    @property
    def globals_filename(self) -> str:
        return f"{self.slug}.postman_globals.json"


SLUG_MAX = 64  # file names stay far below NAME_MAX (255 bytes) and readable in a listing
REVISION_SLUG_MAX = 32


def slugify(text: str) -> str:
    """`Klaviyo API` → `klaviyo-api`: ASCII lower-case letters, digits and single dashes (file names the writer
    accepts anywhere), at most SLUG_MAX long. An accented letter loses its accent (`Café` → `cafe`, which was
    `caf`); a letter with no ASCII form is left out."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:SLUG_MAX].rstrip("-") or "api"


def revision_slug(revision: str) -> str:
    """A revision as it may stand in a file name: `2026-07-15.pre` and `1.0.0` unchanged; any other character
    run becomes one dash, runs of dots one dot (no `..`), and the ends are letters or digits: `../../x` → `x`."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", revision)
    slug = re.sub(r"\.{2,}", ".", slug).strip("-._")
    return slug[:REVISION_SLUG_MAX].rstrip("-._") or "0"


def build(api: Api, options: BuildOptions | None = None) -> Build:
    options = options or BuildOptions()
    if options.folders not in FOLDER_MODES:
        raise InputError(
            None, f"unknown folder mode {options.folders!r}; choose from {', '.join(FOLDER_MODES)}"
        )
    profile = get_profile(options.profile, api)
    if options.key_variable or options.public_key_variable:
        from dataclasses import replace

        profile = replace(
            profile,
            key_variable=options.key_variable or profile.key_variable,
            public_key_variable=options.public_key_variable or profile.public_key_variable,
        )
        if options.key_variable and profile.scheme_variables:  # one name the user chose for the key or token
            profile = replace(profile, token_variable=options.key_variable, scheme_variables=False)
    revision = options.revision or find_revision(api, profile)
    if has_control_character(revision):
        # It would reach the revision header every request sends, and the terminal: refused, not rewritten.
        source = "--revision" if options.revision else api.source
        raise InputError(source, f"revision '{printable(revision)}' holds a control character")
    if redact(revision) != revision:
        # It would stand in every file name, the revision variable and header and the printed summary: refused,
        # as no API's revision is a credential (an `info.version` of `sk_live_…` is a slip to fix in the spec)
        source = "--revision" if options.revision else api.source
        hint = "" if options.revision else "; give the revision with --revision"
        raise InputError(source, f"revision '{printable(redact(revision))}' holds a credential{hint}")
    channel = options.channel or ("beta" if is_pre_release(revision) else "stable")
    builder = _CollectionBuilder(api, profile, options, revision)
    collection = builder.collection(collection_name(api.title, revision, channel))
    # a credential the spec shows in its description or a server URL (`?key=AIza…`), or in a tag, a summary or
    # an operation's description (names become file names too), is written truncated too
    collection.info.description = redact(collection.info.description)
    collection.info.name = redact(collection.info.name)
    truncate_in_words(collection.items)
    for variable in collection.variables:
        if isinstance(variable.value, str):
            variable.value = redact(variable.value)
    slug = slugify(redact(api.title))
    environment = _environment(api, options, builder, revision)
    for value in environment["values"]:
        if isinstance(value.get("value"), str):
            value["value"] = redact(value["value"])
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


def _environment(
    api: Api, options: BuildOptions, builder: _CollectionBuilder, revision: str
) -> dict[str, Any]:
    values = [
        {"key": options.base_url_variable, "value": builder.base_url, "type": "default", "enabled": True}
    ]
    for var in builder.auth_variables:
        values.append(
            {"key": var.key, "value": "", "type": "secret" if var.secret else "default", "enabled": True}
        )
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


def truncate_in_words(nodes: list[Node]) -> None:
    """Folder and request names and descriptions, header names, the operationIds the kit marks requests with and
    the names of saved examples (a response's description), with any credential in them truncated."""
    # All the words searched at once first, a line each: most specs hold no credential in them, and a search
    # of each of Klaviyo's 1,500 names and descriptions took 13 ms of its 0.33 s (benchmarks/bench_generate.py)
    joined = "\n".join(_words(nodes))
    if redact(joined) != joined:
        _truncate_each(nodes)


def _words(nodes: list[Node]) -> Iterator[str]:
    for node in nodes:
        yield node.name
        yield node.description or ""
        if isinstance(node, Folder):
            yield from _words(node.items)
            continue
        yield node.request.description or ""
        yield from (header.key for header in node.request.header)
        yield str(node.kit.get("operationId") or "")
        yield from (example.name for example in node.response)  # a response's description names it


def _truncate_each(nodes: list[Node]) -> None:
    for node in nodes:
        node.name = redact(node.name)
        if node.description:
            node.description = redact(node.description)
        if isinstance(node, Folder):
            _truncate_each(node.items)
            continue
        if node.request.description:
            node.request.description = redact(node.request.description)
        for header in node.request.header:
            header.key = redact(header.key)
        if isinstance(node.kit.get("operationId"), str):
            node.kit["operationId"] = redact(node.kit["operationId"])
        for example in node.response:
            example.name = redact(example.name)


def _truncate_credentials(request: Request) -> None:
    """A credential the spec gives as an example (Kratos's session token in an `X-Session-Token` header,
    GitHub's `ghp_…` tokens in a revoke body, a JWT) is written truncated, as every output writes a key: the
    collection holds none in full, and validate finds none in it. Only what a request sends is searched: a
    saved response is the API's answer (secrets.redact_bytes still truncates Klaviyo keys there)."""
    for header in request.header:
        # one its name says it is (an `X-Api-Key`'s value, UUID or not; a Cookie's session), and one the value names
        for credential in named_credentials(header.key, header.value):
            header.value = header.value.replace(credential, truncate_key(credential))
        header.value = without_credential(None, header.value)
    url = request.url
    changed = False
    for query in url.query:
        if isinstance(query.value, str) and query.key:
            before, query.value = query.value, without_credential(query.key, query.value)
            changed = changed or query.value != before
    if changed:
        url.rebuild_raw()
    url.raw = _without_tokens(url.raw)
    for (
        variable
    ) in url.variable:  # a path names a resource: `card_token` is an id, only an issued token is none
        if isinstance(variable.value, str):
            variable.value = _without_tokens(variable.value)
    body = request.body
    if body is not None:
        body.raw = _without_named_json(_without_tokens(body.raw))
        for field in [*body.urlencoded, *body.formdata]:
            if isinstance(field.get("value"), str):
                field["value"] = without_credential(str(field.get("key") or ""), field["value"])


def _without_named_json(text: str) -> str:
    """A JSON body with the values of fields named for a credential (`"client_secret": "…"`) truncated; a
    `password` is data the request sends (a user to create), as upgrade reads it too."""
    if '"' not in text:
        return text
    spans = [  # issued tokens are _without_tokens' (called first), named ones this function's
        (start, end, name)
        for start, end, name in credential_spans(text, issued=False)
        if "password" not in name.lower() and not UUID_TEXT.fullmatch(text[start:end])
    ]
    for start, end, _ in reversed(spans):
        text = text[:start] + truncate_key(text[start:end]) + text[end:]
    return text


def _without_tokens(text: str) -> str:
    return replace_tokens(text, truncate_key) if len(text) >= MIN_TOKEN_LENGTH else text


class _CollectionBuilder:
    def __init__(self, api: Api, profile: Profile, options: BuildOptions, revision: str) -> None:
        self.api = api
        self.profile = profile
        self.options = options
        self.revision = revision
        self.warnings: list[str] = []
        spec_examples = SpecExamples(api.document)
        self.request_examples = ExampleBuilder(
            api.document,
            "request",
            unique_values=True,
            spec_examples=spec_examples,
            credential_variable=self._credential_variable,
        )
        self.response_examples = ExampleBuilder(api.document, "response", spec_examples=spec_examples)
        self.values = RequestValues(api, self.request_examples)
        error_bodies = ExampleBuilder(api.document, "response", spec_examples=spec_examples, errors_only=True)
        self.example_builders = (self.request_examples, self.response_examples, error_bodies)
        self.error_examples = error_examples(
            api, profile, options.troubleshooting, error_bodies if options.response_bodies else None
        )
        self.collection_auth = requirement_auth(api, api.security, profile)[0]
        if self.collection_auth is not None and self.collection_auth.type == "noauth":
            self.collection_auth = None
        self.auth_variables = used_variables(api, profile)
        if not api.operations:
            webhooks = api.document.get("webhooks")
            self.warnings.append(
                "the spec has no operations under `paths`: the collection has no requests"
                + (
                    f" (its {len(webhooks)} webhook(s) are calls the API makes, not requests it serves)"
                    if isinstance(webhooks, dict) and webhooks
                    else ""
                )
            )
        self.base_url = self._base_url()
        self.servers = ServerHosts(api.servers, options.base_url_variable, self.base_url)
        for op in api.operations:  # every server variable is known before items are built
            self.servers.host(op)
        for url in self.servers.undeclared:
            self.warnings.append(f"server URL {url!r} uses a variable it does not declare; sent as written")
        self.contracts = _contract_builder(api, profile) if options.tests else None

    # -- collection ------------------------------------------------------------------------------------------
    def collection(self, name: str) -> Collection:
        items = self._folders()
        _tell_apart(items)
        variables = [
            Variable(self.options.base_url_variable, self.base_url, "string"),
            Variable(self.options.revision_variable, self.revision, "string"),
            *self.servers.variables,
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
        names = ", ".join(f"`{{{{{v.key}}}}}`" for v in self.auth_variables)
        if names and self.collection_auth is not None:
            parts.append(f"Requests inherit the collection's auth; set {names} in the environment.")
        elif names:
            parts.append(f"Requests that need credentials read {names}; set them in the environment.")
        hints = [f"`{{{{{v.key}}}}}` is {v.hint}." for v in self.auth_variables if v.hint]
        if hints:
            parts.append(" ".join(hints))
        return "\n\n".join(parts)

    def _base_url(self) -> str:
        if self.options.base_url:
            return self.options.base_url.rstrip("/")
        if self.api.servers:
            server = self.api.servers[0]
            url = postman_url(server)
            if is_scheme_relative(server.template or ""):
                self.warnings.append(f"server URL {server.template!r} names no scheme; https is assumed")
            elif not is_absolute(url):
                written = server.template or server.url or "/"  # `/` is kept as '' (no trailing slash)
                self.warnings.append(f"server URL {written!r} is relative; set baseUrl with --base-url")
            return url
        self.warnings.append("the spec has no servers; baseUrl is empty (set it with --base-url)")
        return ""

    # -- folders ---------------------------------------------------------------------------------------------
    def _folders(self) -> list[Node]:
        ops = self.api.operations
        mode = self.options.folders
        if mode == "flat":
            return [self.item(op) for op in ops]
        if mode == "paths" or not any(op.tags for op in ops):
            return self._by_path(ops)
        return self._by_tag(ops)

    def _folder(self, trail: tuple[str, ...], description: str, items: list[Node]) -> Folder:
        return Folder(
            id=ids.folder_id(self.api.title, trail), name=trail[-1], items=items, description=description
        )

    def _by_tag(self, ops: list[Operation]) -> list[Node]:
        declared = {tag.name: tag.description for tag in self.api.tags}
        groups: dict[str, list[Operation]] = {name: [] for name in declared}
        for op in ops:
            tag = op.tags[0] if op.tags else _path_group(op.path)
            groups.setdefault(tag, []).append(op)
        nodes: list[Node] = []
        for tag, members in groups.items():
            if not members:
                continue
            subtags = {subtag for op in members if (subtag := self.profile.subtag(op)) is not None}
            if subtags:
                by_subtag: dict[str, list[Operation]] = {tag: []}
                for name in sorted(subtags):
                    by_subtag.setdefault(name, [])
                for op in members:
                    by_subtag[self.profile.subtag(op) or tag].append(op)
                children: list[Node] = [
                    self._folder((tag, name), "", [self.item(op) for op in sub])
                    for name, sub in by_subtag.items()
                    if sub
                ]
            else:
                children = [self.item(op) for op in members]
            nodes.append(self._folder((tag,), declared.get(tag, ""), children))
        return nodes

    def _by_path(self, ops: list[Operation]) -> list[Node]:
        groups: dict[str, list[Operation]] = {}
        for op in ops:
            groups.setdefault(_path_group(op.path), []).append(op)
        return [
            self._folder((name,), "", [self.item(op) for op in members]) for name, members in groups.items()
        ]

    # -- requests --------------------------------------------------------------------------------------------
    def item(self, op: Operation) -> Item:
        item_id = ids.operation_id(self.api.title, op.method, op.path)
        cut_short = sum(builder.cut_short for builder in self.example_builders)
        request = self.request(op)
        saved = request.without_description()  # one object every example shares, serialized once
        responses = self.success_examples(op, saved, item_id)
        responses += self.error_examples.examples(op, saved, item_id)
        if sum(builder.cut_short for builder in self.example_builders) != cut_short:
            self.warnings.append(
                f"{op.method} {op.path}: example values cut short: its schemas require more than "
                f"{MAX_VALUE_ENTRIES:,} entries in one value"
            )
        kit: dict[str, Any] = {}
        if op.operation_id:
            kit["operationId"] = op.operation_id
        aliases = self.profile.aliases(op)
        if aliases:
            kit["aliases"] = aliases
        extra: dict[str, Any] = {KIT_KEY: kit} if kit else {}
        body = request.body
        if (
            body is not None
            and op.method in BODY_PRUNED_METHODS
            and (body.raw or body.urlencoded or body.formdata)
        ):
            # Postman drops a GET's body unless told not to (a search API's `GET /greeting` with a required body)
            extra["protocolProfileBehavior"] = {"disableBodyPruning": True}
        return Item(
            id=item_id,
            name=request_name(op.summary, op.operation_id, op.method, op.path),
            request=request,
            response=responses,
            event=[self.contracts.test_event(op, responses)] if self.contracts is not None else [],
            extra=extra,
        )

    def request(self, op: Operation) -> Request:
        url = self.url(op)
        headers = self.headers(op)
        body = self.body(op)
        if body is not None:
            media = op.request_body.preferred if op.request_body else None
            if media is not None and body.mode in ("raw", "file"):
                headers.append(Header("Content-Type", _sent_media_type(media.media_type, body)))
        request = Request(
            method=op.method,
            url=url,
            header=headers,
            body=body,
            auth=operation_auth(self.api, op, self.profile, self.collection_auth),
            description=self.description(op),
        )
        for entry in [*body.urlencoded, *body.formdata] if body is not None else ():
            # a form entry the spec shows a credential in (Vonage's `api_key`, `api_secret`): truncated, it was
            # no value the schema takes (`…` under `minLength: 8`)
            key, value = entry.get("key"), entry.get("value")
            if (
                isinstance(key, str)
                and entry.get("type", "text") == "text"
                and self._holds_credential(key, value)
            ):
                entry["value"] = self._credential_variable(key)
        _truncate_credentials(request)
        return request

    def url(self, op: Operation) -> Url:
        path_key, key_query = serialize.split_path_key(op.path)
        params = {p.name: p for p in op.params_in("path")}
        values = {name: self.path_value(p, op) for name, p in params.items()}
        for name in serialize.template_names(path_key):
            if name not in values:
                # a template variable no path parameter declares (Intercom's `{job_identifier}`, declared
                # `in: query`): a value as the same-named parameter, or the name, suggests
                values[name] = self.path_value(self._undeclared_path_parameter(op, name), op)
        path, named = serialize.postman_path(path_key, values)
        variables = [
            Variable(
                key=name,
                value=values.get(name, ""),
                description=params[name].description if name in params else "",
            )
            for name in named
        ]
        query = [QueryParam(key, value) for key, value in key_query]
        keys = self._companions(op, "query")
        for param in op.params_in("query"):
            if param.name not in keys:
                query += self.query_params(op, param)
        query += [QueryParam(key.name, key.value) for key in keys.values()]
        for entry in query:
            if entry.value:
                entry.value = serialize.query_value(entry.value)
        url = Url(host=[self.servers.host(op)], path=path, query=query, variable=variables)
        url.rebuild_raw()
        return url

    def query_params(self, op: Operation, param: Parameter) -> list[QueryParam]:
        profile = self.profile
        if (
            profile.public_key_param == param.name
            and profile.is_client_operation(op)
            and profile.public_key_variable
        ):
            return [QueryParam(param.name, "{{" + profile.public_key_variable + "}}", param.description)]
        if param.name == profile.filter_param:
            allowed = profile.allowed_filters(op)
            # the spec's own example first (Get Campaigns requires `equals(messages.channel,'email')`)
            value = allowed_example(self.values.declared(param), allowed) or example_filter(allowed)
            if value is not None:
                return [QueryParam(param.name, value, param.description, disabled=not param.required)]
        if param.media_type is not None:
            pairs = [
                (param.name, serialize.content_text(self.parameter_example(param, op), param.media_type))
            ]
        else:
            pairs = serialize.query_pairs(
                param.name, self.parameter_example(param, op), param.style, param.explode
            )
        return [
            QueryParam(key, value, param.description if index == 0 else "", disabled=not param.required)
            for index, (key, value) in enumerate(pairs)
        ]

    def _undeclared_path_parameter(self, op: Operation, name: str) -> Parameter:
        namesake = next((p for p in op.parameters if p.name == name and p.media_type is None), None)
        schema = namesake.schema if namesake is not None and namesake.schema else {"type": "string"}
        example = namesake.example if namesake is not None else None
        return Parameter(name, "path", required=True, schema=schema, example=example)

    def path_value(self, param: Parameter, op: Operation) -> str:
        value = self.parameter_example(param, op)
        if value == "":
            # an empty example (Matrix's `stateKey`) leaves `//` in the path, which validate refuses
            schema = self.api.resolve(param.schema) if param.schema else {}
            value = string_value(schema if isinstance(schema, dict) else {}, param.name) or "example"
        if param.media_type is not None:
            return serialize.content_text(value, param.media_type)
        return serialize.path_text(param.name, value, param.style, param.explode)

    def parameter_value(self, param: Parameter, op: Operation | None = None) -> str:
        """A header's value: `simple` style (or the text of the parameter's media type), as HTTP can carry it."""
        value = self.parameter_example(param, op)
        if param.media_type is not None:
            return serialize.sendable(serialize.content_text(value, param.media_type))
        return serialize.header_text(value, param.explode)

    def parameter_example(self, param: Parameter, op: Operation | None = None) -> Any:
        credential = self._credential_parameter(param)
        if credential is not None:
            return credential
        value = (
            self.request_examples.fitted(param.schema, param.example) if param.example is not None else None
        )
        if value is None:
            value = self._enum_example(param)
        if value is None:
            value = self.values.parameter(param, op)
        return value

    def _credential_parameter(self, param: Parameter) -> str | None:
        """A header, query or cookie parameter the spec shows a credential in (Rocket.Chat's `X-Auth-Token`, an
        `api_key` query): sent from a variable named for it (see _credential_variable). The spec's value,
        truncated as every output writes a credential, could not be sent (`…HXSq` in a header: newman sent none
        of Rocket.Chat's requests) nor fit its schema."""
        if param.location == "path":
            return None
        shown = self.values.declared(param)
        # a cookie's value is a session, by what every output truncates in a Cookie header
        if self._holds_credential(param.name, shown) or (
            param.location == "cookie"
            and isinstance(shown, str)
            and named_credentials("Cookie", f"{param.name}={shown}")
        ):
            return self._credential_variable(param.name)
        return None

    @staticmethod
    def _holds_credential(name: str, shown: Any) -> bool:
        """A value the spec shows under `name` is a credential: by its name (a UUID is a resource's id, whatever
        its name says: Lithic's `account_token`), by its issuer's format, or a private key."""
        return isinstance(shown, str) and (
            (holds_named_credential(name, shown) and not UUID_TEXT.fullmatch(shown))
            or bool(find_tokens(shown))
            or bool(find_keys(shown))
        )

    def _credential_variable(self, name: str) -> str:
        """`{{name}}` in camelCase, set empty in the environment as a secret, for the user's own credential."""
        variable = camel_variable(name)
        if all(known.key != variable for known in self.auth_variables):
            self.auth_variables.append(AuthVariable(variable, secret=True))
        return "{{" + variable + "}}"

    def _enum_example(self, param: Parameter) -> Any:
        schema = self.api.resolve(param.schema) if param.schema else {}
        if not isinstance(schema, dict):
            return None
        if schema.get("type") == "array" and isinstance(schema.get("items"), dict):
            items = self.api.resolve(schema["items"])
            enum = items.get("enum") if isinstance(items, dict) else None
            if isinstance(enum, list) and enum:
                # as many as `minItems` asks: the enum's first values, repeated only where items may repeat
                wanted = found if isinstance(found := schema.get("minItems"), int) and found > 1 else 1
                if wanted <= len(enum):
                    return enum[:wanted]
                return None if schema.get("uniqueItems") is True else (enum * wanted)[:wanted]
        return None

    def headers(self, op: Operation) -> list[Header]:
        headers: list[Header] = []
        accept = self._accept(op)
        if accept:
            headers.append(Header("Accept", accept))
        keys = {name.lower(): key for name, key in self._companions(op, "header").items()}
        for param in op.params_in("header"):
            if param.name.lower() in SKIPPED_HEADERS or param.name.lower() in keys:
                continue
            if self.profile.revision_header and param.name.lower() == self.profile.revision_header.lower():
                headers.append(
                    Header(param.name, "{{" + self.options.revision_variable + "}}", param.description)
                )
                continue
            headers.append(
                Header(
                    param.name,
                    self.parameter_value(param, op),
                    param.description,
                    disabled=not param.required,
                )
            )
        headers += [Header(key.name, key.value) for key in keys.values()]
        headers += self.cookie_headers(op)
        return headers

    def _companions(self, op: Operation, location: str) -> dict[str, CompanionKey]:
        """The API keys `op` sends in `location` beside its auth (Plaid's client id and secret), by name."""
        keys = companion_keys(self.api, op.security, self.profile)[0]
        return {key.name: key for key in keys if key.location == location}

    def cookie_headers(self, op: Operation) -> list[Header]:
        """Cookie parameters as one `Cookie` header (form style): the required ones enabled; when some are
        optional, a disabled header with all of them beside it to switch to."""
        keys = self._companions(op, "cookie")
        cookies = [p for p in op.params_in("cookie") if p.name not in keys]
        if not cookies and not keys:
            return []
        pairs = {
            p.name: serialize.query_pairs(p.name, self.parameter_example(p, op), p.style, p.explode)
            for p in cookies
        }
        credentials = [(key.name, key.value) for key in keys.values()]
        required = credentials + [pair for p in cookies if p.required for pair in pairs[p.name]]
        headers = [Header("Cookie", serialize.cookie_text(required))] if required else []
        if len(required) < len(credentials) + sum(len(v) for v in pairs.values()):
            everything = credentials + [pair for p in cookies for pair in pairs[p.name]]
            headers.append(Header("Cookie", serialize.cookie_text(everything), disabled=True))
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
        kind = media.media_type.split(";")[0].strip().lower()
        schema = self.api.resolve(media.schema) if media.schema else None
        if serialize.is_binary(schema) or serialize.is_file_media_type(kind):
            text = self._media_example(media, self.request_examples) if _is_text_encoded(schema) else None
            if not _is_text_encoded(schema) and isinstance(media.example, str):
                text = media.example  # the bytes the spec shows as text (NHS MESH's message payload)
            elif not _is_text_encoded(schema) and isinstance(schema, dict):
                given = [schema.get("example"), *(schema.get("examples") or [None])[:1]]
                # the same, given on the schema (Okta's base64 DER certificate)
                text = next((example for example in given if isinstance(example, str)), None)
            if isinstance(text, str) and text:
                # the file's content as text the spec shows (Spotify's cover image: base64 JPEG data)
                return Body("raw", raw=text, language="text")
            if op.request_body.required and self._plain_text(schema):
                # a 3.0 string with no format is text, whatever the media type (Typesense's JSONL import as
                # octet-stream): a required body is sent, not an empty file slot
                value = self._media_example(media, self.request_examples)
                return Body("raw", raw=_as_text(value) or NEUTRAL_STRING, language="text")
            return Body("file", extra={"file": {}})
        value = self._media_example(media, self.request_examples)
        if kind == "application/x-www-form-urlencoded":
            pairs = serialize.form_pairs(value, media.encoding)
            return Body("urlencoded", urlencoded=[{"key": k, "value": v} for k, v in pairs])
        if kind.startswith("multipart/"):
            fields = serialize.multipart_fields(
                value, self._properties(schema), media.encoding, self.api.resolve
            )
            return Body("formdata", formdata=fields)
        if kind in JSON_LINES_MEDIA_TYPES:
            return Body("raw", raw=serialize.json_lines(value), language="text")
        if kind.endswith("json") or "+json" in kind:
            if value is None and not op.request_body.required:
                return None  # an optional body with no value to give (Deepgram's oneOf of two "any type"s)
            return Body("raw", raw=json_text(value), language="json")
        if "xml" in kind:
            if value is None or isinstance(value, str):
                return Body("raw", raw=value or "", language="xml")
            ref = media.schema.get("$ref") if isinstance(media.schema, dict) else None
            root = ref.rsplit("/", 1)[-1] if isinstance(ref, str) else "root"
            text = serialize.xml_text(value, media.schema, self.api.resolve, self._properties, root)
            return Body("raw", raw=text, language="xml")
        if "*" in kind and value is not None and not isinstance(value, str):
            # any media type (Apideck's proxy: `*/*`, an object example first): the example as JSON
            return Body("raw", raw=json_text(value), language="json")
        if "yaml" in kind and isinstance(value, dict | list):
            return Body("raw", raw=_yaml_text(value), language="text")  # a config document, as YAML writes it
        text = _as_text(value)
        if not text and op.request_body.required:
            if "*" in kind:
                return Body("file", extra={"file": {}})  # any content: a file to pick (Jira's avatar uploads)
            text = json_text(value) if isinstance(value, dict | list) else NEUTRAL_STRING
        return Body("raw", raw=text, language="text")

    def _plain_text(self, schema: Any) -> bool:
        """A 3.0 schema of text: `type: string` with no format nor content keyword (3.1 spells binary content so)."""
        return (
            self.api.openapi_version.startswith("3.0")
            and isinstance(schema, dict)
            and schema.get("type") == "string"
            and not {"format", "contentEncoding", "contentMediaType"} & schema.keys()
        )

    def _properties(self, schema: Any) -> dict[str, Any]:
        """A body schema's properties, resolved, with those of its `allOf` parts."""
        properties: dict[str, Any] = {}
        if not isinstance(schema, dict):
            return properties
        for part in schema.get("allOf") or []:
            properties.update(self._properties(self.api.resolve(part)))
        for name, prop in (schema.get("properties") or {}).items():
            properties[name] = self.api.resolve(prop)
        return properties

    def _media_example(self, media: MediaType, builder: ExampleBuilder) -> Any:
        if isinstance(media.example, str) and "json" in media.media_type.lower():
            # an example written as JSON text (`"{\n  \"name\": \"Fluffy\"\n}"`) means the document it spells,
            # mended as one written as YAML is (Xero's `"rate": "99.99"` for a number)
            spelled = builder.spelled(media.schema, media.example)
            if spelled is not media.example:
                return builder.mended(media.schema, spelled)
            if not media.example.strip() and media.schema is not None:
                schema = self.api.resolve(media.schema)
                if not (isinstance(schema, dict) and schema.get("type") == "string"):
                    return builder.build(media.schema)  # `example: ""` for an object: no example given
        if media.example is not None:
            mended = builder.mended(media.schema, media.example)
            if media.schema is not None and builder.lacks_required(media.schema, mended):
                # the spec's example, mended, still lacks what its schema requires (PayPal's disputes examples,
                # swapped between two operations): a body made from the schema is sent
                return builder.build(media.schema)
            return mended
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
        summary = " ".join(op.summary.split())
        if (
            summary
            and request_name(op.summary, None, "", "") != summary
            and summary not in " ".join(text.split())
        ):
            parts.append(op.summary.strip())  # the summary the request's name was cut from
        if text:
            parts.append(text)
        scopes = self.profile.scopes(op)
        if scopes and "**Scopes:**" not in text:
            parts.append("**Scopes:** " + ", ".join(f"`{s}`" for s in scopes))
        limits = self.profile.rate_limit(op)
        if limits and "*Rate limits*" not in text:
            parts.append(
                "**Rate limits:** " + ", ".join(f"{k.capitalize()}: `{v}`" for k, v in limits.items())
            )
        allowed = self.profile.allowed_filters(op)
        if allowed:
            lines = [
                f"- `{rule.field}`: " + ", ".join(f"`{o}`" for o in rule.operators)
                for rule in allowed.rules.values()
            ]
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
            headers = [Header("Content-Type", media.media_type)] if media is not None else []
            body, language = saved_body(
                media, self.response_examples if self.options.response_bodies else None
            )
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


def _contract_builder(api: Api, profile: Profile) -> Any:
    from postman_kit.generation.contracts import (
        ContractBuilder,  # only with --tests: its script template is large
    )

    return ContractBuilder(api.document, troubleshooting_codes=profile.error_examples == "troubleshooting")


def _path_group(path: str) -> str:
    segments = [s for s in path.split("/") if s and not s.startswith("{")]
    if len(segments) > 1 and segments[0].lower() in {"api", "v1", "v2", "v3", "rest"}:
        segments = segments[1:]
    return segments[0] if segments else "root"


def _tell_apart(nodes: list[Node]) -> None:
    """Requests of one folder that share a name (Plaid's `Get transaction data` for /transactions/get and
    /processor/transactions/get, OpenAI's paths told apart by `?beta=true`) each get their method and path
    after it: one name picks one request, in Postman's sidebar and in `snippet`."""
    items = [node for node in nodes if isinstance(node, Item)]
    counts = Counter(item.name for item in items)
    shared = [item for item in items if counts[item.name] > 1]
    places = {id(item): f"{item.request.method} {item.request.url.path_template}" for item in shared}
    alike = Counter(f"{item.name} {places[id(item)]}" for item in shared)
    for item in shared:
        place = places[id(item)]
        if alike[f"{item.name} {place}"] > 1:  # the same path too, told apart by a fixed query (`?beta=true`)
            query = [f"{q.key}={q.value}" for q in item.request.url.query if not q.disabled and q.key]
            place += "?" + "&".join(query) if query else ""
        item.name += f" ({place})"
    for node in nodes:
        if isinstance(node, Folder):
            _tell_apart(node.items)


def _yaml_text(value: Any) -> str:
    import yaml  # only for a YAML body

    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _as_text(value: Any) -> str:
    """A plain-text body's value as the text it is sent as: a string as written, a number or boolean in its
    usual spelling (Meilisearch's facet-search switch, a `text/plain` boolean: `true`), anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json_text(value)
    return ""


def _is_text_encoded(schema: Any) -> bool:
    """A body schema that says the content is text standing for bytes (`format: base64`, `contentEncoding`)."""
    return isinstance(schema, dict) and (
        schema.get("format") in ("base64", "byte")
        or (isinstance(schema.get("contentEncoding"), str) and schema["contentEncoding"] != "binary")
    )


__all__ = [
    "Build",
    "BuildOptions",
    "build",
    "collection_name",
    "find_revision",
    "revision_slug",
    "slugify",
    "truncate_in_words",
]


def _sent_media_type(declared: str, body: Body) -> str:
    """The Content-Type a body goes out with: the declared one, or for a range (`*/*`, `text/*`) the type of
    what is sent, as no request can be of type `*/*`."""
    kind = declared.split(";")[0].strip()
    if "*" not in kind:
        return declared
    family = kind.split("/")[0].lower()
    if family in serialize.RANGE_MEMBERS:  # `image/*`: a type inside the range, never one outside it
        return serialize.RANGE_MEMBERS[family]
    if body.mode == "file":
        return "application/octet-stream"
    return "application/json" if body.language == "json" else "text/plain"
