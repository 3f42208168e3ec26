"""auth: keys come from variables, never from literals; client endpoints never carry the private key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from postman_kit.auth_fit import describe, required_schemes, sends_credentials
from postman_kit.collection import CREDENTIAL_ATTRIBUTES, Auth
from postman_kit.conformance import cookie_pairs
from postman_kit.profiles import GENERIC, KLAVIYO
from postman_kit.routing import RouteMatch
from postman_kit.secrets import (
    MIN_TOKEN_LENGTH,
    find_tokens,
    holds_named_credential,
    named_credential,
    named_credentials,
    truncate_key,
)
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.rules.requests import request_checker
from postman_kit.validate.target import FolderRef, ItemRef, Target, is_variable
from postman_kit.writer import compact_json_text


@rule(
    "auth/collection-auth",
    Severity.ERROR,
    "Requests send credentials the way the spec's security schemes say (API Key, Bearer, Basic, OAuth 2.0 or "
    "none), from a {{variable}}; without a spec, Klaviyo's `Klaviyo-API-Key {{privateKey}}`.",
    "Requests inherit the collection's auth; set once, the key lives only in the environment.",
)
def collection_auth(target: Target) -> Iterator[Hit]:
    if target.api is not None:
        yield from _auth_against_spec(target)
    elif target.profile is not GENERIC:
        yield from _auth_by_profile(target)


def _auth_against_spec(target: Target) -> Iterator[Hit]:
    """Each request routed to an operation that needs credentials: does its auth fit one of the schemes?"""
    checker, api = request_checker(target), target.api
    if checker is None or api is None:
        return
    # requests whose operation wants credentials their inherited auth does not send, by where that auth is set:
    # a folder (an API folder set to No Auth in the app) or the collection (None)
    inheriting: dict[str | None, tuple[FolderRef | None, list[str], list[str]]] = {}
    for ref in target.items:
        found = checker.route(ref.item.request)
        if not isinstance(found, RouteMatch):
            continue
        schemes = required_schemes(api, found.operation.security)
        if schemes is None or sends_credentials(ref.item.request, ref.auth, schemes):
            continue
        accepted = describe(schemes)
        own = ref.item.request.auth
        if own is not None and own.type != "inherit":
            yield Hit(
                f"the request's own {own.type} auth does not fit {found.operation.method} "
                f"{found.operation.path}, which accepts {accepted}; set it to that or let it inherit",
                ref.pointer + "/request/auth",
                ref.path,
            )
            continue
        folder = ref.auth_folder
        _, paths, wanted = inheriting.setdefault(folder.pointer if folder else None, (folder, [], []))
        paths.append(ref.path)
        if accepted not in wanted:
            wanted.append(accepted)
    for folder, paths, wanted in inheriting.values():
        auth = folder.folder.auth if folder is not None else target.collection.auth
        sent = "no auth" if auth is None or auth.type == "noauth" else f"{auth.type} auth"
        source, advice = (
            (f"folder '{folder.path}'", "set the folder's auth to that, or to inherit the collection's")
            if folder is not None
            else (
                "the collection",
                "set the collection's auth to that, with the credential from a {{variable}} kept in the environment",
            )
        )
        yield Hit(
            f"{len(paths)} request(s) (e.g. {paths[0]}) inherit {sent} from {source}, but their operations accept "
            f"{' / '.join(wanted)}; {advice}",
            (folder.pointer if folder is not None else "") + "/auth",
            folder.path if folder is not None else None,
        )


def _auth_by_profile(target: Target) -> Iterator[Hit]:
    """No spec: the collection's auth sends the profile's key variable (Klaviyo: `{{privateKey}}`)."""
    variable = target.profile.key_variable
    auth = target.collection.auth
    private = [ref for ref in target.items if not is_client_request(target, ref)]
    if auth is None or auth.type == "noauth":
        inheriting = [ref for ref in private if ref.auth is None]
        if inheriting:
            yield Hit(
                f"the collection has no auth, so {len(inheriting)} request(s) send no key; set the "
                f"collection's auth to API Key with the value {{{{{variable}}}}}",
                "/auth",
            )
        return
    attribute = CREDENTIAL_ATTRIBUTES.get(auth.type)
    value = str(auth.get(attribute, "") or "") if attribute else ""
    if attribute and "{{" + variable + "}}" not in value:
        shown = value if is_variable(value) else _masked(value)
        yield Hit(
            f"the collection's {auth.type} auth sends {shown!r}, not the {{{{{variable}}}}} variable; "
            f"use {{{{{variable}}}}} and keep the key in the environment",
            f"/auth/{auth.type}",
        )


@rule(
    "auth/literal-key",
    Severity.ERROR,
    "No request, folder or collection auth holds a literal key instead of a {{variable}}.",
    "A literal key is shared with everyone the collection is shared with, and lands in git.",
)
def literal_key(target: Target) -> Iterator[Hit]:
    places: list[tuple[str, str | None, Auth | None]] = [("/auth", None, target.collection.auth)]
    places += [(ref.pointer + "/auth", ref.path, ref.folder.auth) for ref in target.folders]
    places += [(ref.pointer + "/request/auth", ref.path, ref.item.request.auth) for ref in target.items]
    for pointer, path, auth in places:
        if auth is None:
            continue
        attribute = CREDENTIAL_ATTRIBUTES.get(auth.type)
        value = auth.get(attribute) if attribute else None
        if isinstance(value, str) and value.strip() and not _from_variables(auth, value):
            yield Hit(
                f"{auth.type} auth holds a literal credential {_masked(value)!r}; replace it with "
                f"{{{{{target.profile.key_variable}}}}} and put the key in the environment as a secret",
                f"{pointer}/{auth.type}",
                path,
            )
        # its other secrets, by their names: OAuth 1.0's consumer and token secrets, EdgeGrid's client secret,
        # OAuth 2.0's client secret, refresh token and password (upgrade makes each a variable)
        for name, held in auth.attributes.items():
            if name != attribute and isinstance(held, str) and holds_named_credential(name, held):
                yield Hit(
                    f"{auth.type} auth `{name}` holds a literal credential {_masked(held)!r}; replace it with a "
                    "{{variable}} kept as a secret in your environment",
                    f"{pointer}/{auth.type}",
                    path,
                )


def _from_variables(auth: Auth, value: str) -> bool:
    """The credential comes from a {{variable}}: the value's last word, or, for an API Key sent as a Cookie
    header (`api_key={{apiKeyCookie}}`), every cookie's value."""
    if auth.type == "apikey" and str(auth.get("key") or "").strip().lower() == "cookie":
        pairs = cookie_pairs(value)
        return bool(pairs) and all(is_variable(cookie) for _, cookie in pairs)
    return is_variable(value)


@rule(
    "auth/authorization-header",
    Severity.ERROR,
    "No request sets an `Authorization` header by hand (outside Klaviyo: by hand with a literal value).",
    "A hand-set header overrides the collection's auth and usually holds a pasted key.",
)
def authorization_header(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        for index, header in enumerate(ref.item.request.header):
            # Outside Klaviyo's convention, `Authorization: Bearer {{token}}` by hand is a way to send credentials.
            from_variable = target.profile is GENERIC and is_variable(header.value)
            if header.key.strip().lower() == "authorization" and not header.disabled and not from_variable:
                hint = (
                    "client endpoints send no key at all"
                    if is_client_request(target, ref)
                    else "remove it and let the request inherit the collection's auth"
                )
                yield Hit(
                    f"the request sets the Authorization header by hand ({_masked(header.value)!r}); {hint}",
                    f"{ref.pointer}/request/header/{index}",
                    ref.path,
                )


@rule(
    "auth/client-auth",
    Severity.ERROR,
    "Client endpoints (`/client/…`) use No Auth and never send the private key.",
    "Client endpoints are called from browsers and apps: a private key sent there is a leaked key.",
    profile=KLAVIYO.name,
)
def client_auth(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        if not is_client_request(target, ref):
            continue
        auth = ref.auth
        if auth is not None and auth.type != "noauth":
            where = "its own" if ref.item.request.auth is not None else "the inherited"
            yield Hit(
                f"client endpoint {ref.item.request.url.path_template} sends {where} {auth.type} auth "
                "(the private key); set the request's auth to No Auth and identify with company_id",
                ref.pointer + "/request/auth",
                ref.path,
            )


@rule(
    "auth/client-company-id",
    Severity.ERROR,
    "Client endpoints send `company_id` from the {{companyId}} variable.",
    "The public key identifies the account on client endpoints; a global variable keeps every collection in step.",
    profile=KLAVIYO.name,
)
def client_company_id(target: Target) -> Iterator[Hit]:
    profile = target.profile
    param = profile.public_key_param
    variable = profile.public_key_variable
    if not param or not variable:
        return
    for ref in target.items:
        if not is_client_request(target, ref):
            continue
        query = ref.item.request.url.query
        index = next((i for i, q in enumerate(query) if q.key == param and not q.disabled), None)
        if index is None:
            yield Hit(
                f"client request has no {param} query parameter; add {param}={{{{{variable}}}}}",
                ref.pointer + "/request/url/query",
                ref.path,
            )
        elif (query[index].value or "").strip() != "{{" + variable + "}}":
            yield Hit(
                f"{param} is {query[index].value!r}; use {{{{{variable}}}}} (a global variable) instead",
                f"{ref.pointer}/request/url/query/{index}/value",
                ref.path,
                severity=Severity.WARNING,
            )


@rule(
    "auth/secret-value",
    Severity.ERROR,
    "No value in the collection, or in a variable of the environment or globals not typed secret, looks like a "
    "private key or bearer token.",
    "Collections are shared and committed; a key in one is a leaked key. In an environment, a key belongs in a "
    "variable of type secret, which Postman masks.",
)
def secret_value(target: Target) -> Iterator[Hit]:
    patterns = target.profile.secret_regexes()
    found: set[str] = set()  # where a key pattern found a secret: reported once, not again by name
    if _holds_secret(target.data, patterns):
        for pointer, text in _strings(target.data, ""):
            secret = _secret_in(text, patterns)
            if secret is not None:
                found.add(pointer)
                yield Hit(
                    f"a secret ({truncate_key(secret)}) is stored here; revoke it, remove it, and refer to "
                    f"{{{{{target.profile.key_variable}}}}} kept as a secret in your local environment",
                    pointer,
                    target.item_path_at(pointer),
                )
    for index, variable in enumerate(target.collection.variables):
        held = variable.value if isinstance(variable.value, str) else ""
        pointer = f"/variable/{index}/value"
        if holds_named_credential(variable.key, held) and pointer not in found:
            found.add(pointer)
            yield Hit(
                f"collection variable {variable.key!r} holds a credential ({truncate_key(held)}); revoke it, "
                "remove it, and keep it in your local environment as a secret",
                pointer,
                f"collection variable {variable.key!r}",
            )
    generated = target.generated_ids
    for ref in target.items:
        if id(ref.item) in generated:
            continue  # a form or query field of the API's own request holds the spec's example (Box's token call)
        request = ref.item.request
        places: list[tuple[str, Any, Any]] = [("url/query", q.key, q.value) for q in request.url.query]
        places += [("url/variable", v.key, v.value) for v in request.url.variable]
        if request.body is not None:
            places += [("body/urlencoded", f.get("key"), f.get("value")) for f in request.body.urlencoded]
            places += [("body/formdata", f.get("key"), f.get("value")) for f in request.body.formdata]
        counts: dict[str, int] = {}
        for where, name, held in places:
            index = counts[where] = counts.get(where, -1) + 1
            pointer = f"{ref.pointer}/request/{where}/{index}/value"
            if isinstance(name, str) and isinstance(held, str) and pointer not in found:
                credential = named_credential(name, held)
                if credential is not None:
                    found.add(pointer)
                    yield Hit(
                        f"a credential ({truncate_key(credential)}) is stored in `{name}`; revoke it, remove it, "
                        "and refer to a {{variable}} kept as a secret in your local environment",
                        pointer,
                        ref.path,
                    )
    for pointer, secret in _typed_credentials(target.data, ""):
        if pointer not in found:
            found.add(pointer)
            yield Hit(
                f"a credential ({truncate_key(secret)}) is stored here; revoke it, remove it, and refer to a "
                "{{variable}} kept as a secret in your local environment",
                pointer,
                target.item_path_at(pointer),
            )
    key_names = _key_variables(target)
    for file in (target.environment, target.globals):
        if file is None or not _holds_secret(file.data, patterns):
            continue
        for index, value in file.values():
            # The key kept as a secret variable is the right place; a key variable of another type is
            # auth/environment-secret's to report.
            if value.get("type") == "secret" or (
                file is target.environment and value.get("key") in key_names
            ):
                continue
            for pointer, text in _strings(value, f"/values/{index}"):
                secret = _secret_in(text, patterns)
                if secret is not None:
                    yield Hit(
                        f"a secret ({truncate_key(secret)}) is kept in a variable of type "
                        f"{value.get('type') or 'default'!r}; set the variable's type to secret",
                        pointer,
                        f"{file.scope} variable {value.get('key')!r}",
                        file=file.source,
                    )
                    break


@rule(
    "auth/environment-secret",
    Severity.WARNING,
    "The environment marks the key variable as secret.",
    "Postman masks secret variables on screen and in shared workspaces.",
)
def environment_secret(target: Target) -> Iterator[Hit]:
    env = target.environment
    if env is None:
        return
    keys = _key_variables(target)
    for index, value in env.values():
        if value.get("key") in keys and value.get("type") != "secret":
            yield Hit(
                f"environment variable {value.get('key')!r} holds a key but its type is "
                f"{value.get('type') or 'default'!r}; set its type to secret",
                f"/values/{index}/type",
                f"environment variable {value.get('key')!r}",
                file=env.source,
            )


def _key_variables(target: Target) -> set[str]:
    return {target.profile.key_variable, target.profile.token_variable, "clientSecret", "password"}


def _holds_secret(data: Any, patterns: list[re.Pattern[str]]) -> bool:
    """One look over the serialized file first: almost every file holds no secret at all, and a plain
    substring test (`pk_`) is a hundred times quicker than the regex over megabytes."""
    text = compact_json_text(data)
    return any(
        (prefix is None or prefix in text) and pattern.search(text)
        for pattern, prefix in zip(patterns, map(_literal_prefix, patterns), strict=True)
    )


def _secret_in(text: str, patterns: list[re.Pattern[str]]) -> str | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match.group(0).split()[-1]
    return None


def is_client_request(target: Target, ref: ItemRef) -> bool:
    prefix = target.profile.client_path_prefix
    return prefix is not None and prefix != "" and ref.item.request.url.path_template.startswith(prefix)


def _literal_prefix(pattern: re.Pattern[str]) -> str | None:
    """The literal text every match starts with (`pk_` for `\\bpk_[A-Za-z0-9]{20,}`), when there is one."""
    match = re.match(r"(?:\\b)?([A-Za-z0-9_]+)", pattern.pattern)
    return match.group(1) if match else None


def _typed_credentials(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """Credentials as users type them into a collection, each with its pointer: one in an issuer's format
    (`sk_live_…`, `ghp_…`, an AWS key id, a JWT) in any string, and a header's value kept under a credential's
    name (`X-Api-Key`, the word after `Bearer` in `Authorization`). A saved
    response's body is left to the patterns above: its megabytes (Stripe's examples) are the API's answers."""
    if isinstance(node, str):
        if len(node) >= MIN_TOKEN_LENGTH:
            for token in find_tokens(node):
                yield pointer, token
                return
        return
    if isinstance(node, list):
        for index, value in enumerate(node):
            yield from _typed_credentials(value, f"{pointer}/{index}")
        return
    if not isinstance(node, dict):
        return
    key, value = node.get("key"), node.get("value")
    # by name in headers only: a query or form field named `client_secret` or `password` holds the spec's own
    # example in a generated request (Box's and Twilio's token endpoints), where a header never does
    if isinstance(key, str) and isinstance(value, str) and "/header/" in pointer + "/":
        credential = named_credential(key, value)
        if credential is not None:
            yield f"{pointer}/value", credential
            return
    response = "code" in node or "status" in node and "originalRequest" in node
    for name, child in node.items():
        if not (response and name == "body"):
            yield from _typed_credentials(child, f"{pointer}/{_escape(str(name))}")


def _strings(node: Any, pointer: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield pointer, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, f"{pointer}/{_escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _strings(value, f"{pointer}/{index}")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _masked(value: str) -> str:
    """A credential as it may be printed: a literal key truncated, a {{variable}} as it is."""
    text = " ".join(str(value).split())
    for credential in named_credentials("Authorization", text):
        text = text.replace(credential, truncate_key(credential))
    return text
