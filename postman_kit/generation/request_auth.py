"""OpenAPI security schemes → Postman auth, and the variables each one needs.

Under a profile with `scheme_variables` (the generic one) each scheme names its own variables after its key in
`components/securitySchemes`, so an API with two bearer schemes (OpenAI's project and admin keys) gets two
variables; a profile without it (Klaviyo) names them itself (`Klaviyo-API-Key {{privateKey}}`).

OAuth 2.0 and OpenID Connect become a bearer token variable: the token is what every request sends, and a bearer
auth runs the same in Postman, newman and `snippet`; the flow's URLs go in the collection's description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from postman_kit.collection import Auth
from postman_kit.openapi import Api, Operation, SecurityScheme, key_prefix
from postman_kit.profiles import Profile


@dataclass(slots=True, frozen=True)
class AuthVariable:
    """A variable an auth scheme reads (`privateKey`, `bearerAuth`), whether it holds a secret, and a hint where
    its value comes from (for the collection's description)."""

    key: str
    secret: bool
    hint: str = ""


def scheme_variable(scheme: SecurityScheme) -> str:
    """The scheme's key as a camelCase variable name: `bearerAuth` → `bearerAuth`, `OAuth2Security` →
    `oauth2Security`, `accountSid_authToken` → `accountSidAuthToken`, `Api-Key` → `apiKey`."""
    return camel_variable(scheme.name)


def camel_variable(name: str) -> str:
    """A name as a camelCase variable name (see scheme_variable); `X-Auth-Token` → `xAuthToken`."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", name) if w]
    if not words:
        return "credential"
    first = re.sub(r"^OAuth", "oauth", words[0])
    # A leading acronym is lowered up to the capital that starts the next word: `APIKey` → `apiKey`.
    first = re.sub(r"^[A-Z]+?(?=[A-Z][a-z]|[^A-Za-z]|$)", lambda m: m.group(0).lower(), first)
    first = first[:1].lower() + first[1:]
    return first + "".join(w[:1].upper() + w[1:] for w in words[1:])


def scheme_auth(scheme: SecurityScheme, profile: Profile) -> tuple[Auth | None, list[AuthVariable]]:
    """The Postman auth for one scheme and the variables it refers to; None for a scheme Postman cannot send
    (mutualTLS, an unknown type)."""
    own = scheme_variable(scheme) if profile.scheme_variables else None
    if scheme.type == "apiKey":
        var = own or profile.key_variable
        value = key_prefix(scheme) + "{{" + var + "}}"
        name = scheme.param_name or "Authorization"
        if (
            scheme.location == "cookie"
        ):  # Postman's API Key auth has no cookie place: it sends the Cookie header
            auth = Auth("apikey", {"key": "Cookie", "value": f"{name}={value}", "in": "header"})
        else:
            where = "query" if scheme.location == "query" else "header"
            auth = Auth("apikey", {"key": name, "value": value, "in": where})
        return auth, [AuthVariable(var, True)]
    if scheme.type == "http" and scheme.scheme in ("basic", "digest"):
        username, password = (own + "Username", own + "Password") if own else ("username", "password")
        auth = Auth(scheme.scheme, {"username": "{{" + username + "}}", "password": "{{" + password + "}}"})
        return auth, [AuthVariable(username, False), AuthVariable(password, True)]
    if scheme.type == "http" and scheme.scheme and scheme.scheme.lower() != "bearer":
        # another scheme (Conjur's `Token`, RFC 8120's `Mutual`): no Postman auth sends it, so the Authorization
        # header it names is sent as an API Key, with the scheme's own word (a Bearer auth sent `Bearer …`)
        var = own or profile.token_variable
        value = f"{scheme.scheme[:1].upper()}{scheme.scheme[1:]} {{{{{var}}}}}"  # schemes are case-blind
        return Auth("apikey", {"key": "Authorization", "value": value, "in": "header"}), [
            AuthVariable(var, True)
        ]
    if scheme.type == "http":
        var = own or profile.token_variable
        return Auth("bearer", {"token": "{{" + var + "}}"}), [AuthVariable(var, True)]
    if scheme.type in ("oauth2", "openIdConnect"):
        var = (
            profile.token_variable
            if own is None
            else own
            if own.lower().endswith("token")
            else own + "AccessToken"
        )
        return Auth("bearer", {"token": "{{" + var + "}}"}), [AuthVariable(var, True, _token_hint(scheme))]
    return None, []


def requirement_auth(
    api: Api, requirement: list[dict[str, list[str]]], profile: Profile
) -> tuple[Auth | None, list[AuthVariable]]:
    """Auth for a security requirement list: [] → noauth; else the first scheme Postman can send.

    Only one auth fits a Postman request: of an alternative that needs several schemes at once, the first one
    Postman can send that is not an API key is used (an API key is the auth when the alternative has nothing
    else), and the API keys go beside it (:func:`companion_keys`).
    """
    auth, variables, _, _ = _chosen(api, requirement, profile)
    return auth, variables


@dataclass(slots=True, frozen=True)
class CompanionKey:
    """An API key a request sends beside its auth, because the security requirement wants them together (Plaid
    sends PLAID-CLIENT-ID, PLAID-SECRET and Plaid-Version on every call): a header, query or cookie `name`
    whose value is `{{variable}}`."""

    location: str
    name: str
    value: str


def companion_keys(
    api: Api, requirement: list[dict[str, list[str]]], profile: Profile
) -> tuple[list[CompanionKey], list[AuthVariable]]:
    """The API keys of the chosen alternative that the auth does not send, and their variables."""
    _, _, alternative, used = _chosen(api, requirement, profile)
    keys: list[CompanionKey] = []
    variables: list[AuthVariable] = []
    taken = {_place(api.security_schemes[used])} if used else set()
    for name in alternative:
        scheme = api.security_schemes.get(name)
        if name == used or scheme is None or scheme.type != "apiKey" or not scheme.param_name:
            continue
        if _place(scheme) in taken:  # a second scheme on the auth's own header
            continue
        taken.add(_place(scheme))
        variable = scheme_auth(scheme, profile)[1][0]
        value = key_prefix(scheme) + "{{" + variable.key + "}}"
        keys.append(CompanionKey(_place(scheme)[0], scheme.param_name, value))
        variables.append(variable)
    return keys, variables


def _place(scheme: SecurityScheme) -> tuple[str, str]:
    """Where a scheme puts its credential: ("header", "authorization") for every scheme but an API key."""
    if scheme.type != "apiKey":
        return ("header", "authorization")
    location = scheme.location if scheme.location in ("query", "cookie") else "header"
    return (location, (scheme.param_name or "Authorization").lower())


def _chosen(
    api: Api, requirement: list[dict[str, list[str]]], profile: Profile
) -> tuple[Auth | None, list[AuthVariable], dict[str, list[str]], str | None]:
    """The auth a requirement list gets, its variables, the alternative it comes from and the scheme it is."""
    if requirement == []:
        return Auth("noauth"), [], {}, None
    for alternative in requirement:
        if not alternative:  # {} means "optional auth": no auth satisfies it
            return Auth("noauth"), [], {}, None
        # API keys can go beside the auth as companions, other schemes only as the auth: with a bearer or basic
        # scheme in the alternative, that one is the auth, or the request would not send it at all.
        named = [(name, api.security_schemes[name]) for name in alternative if name in api.security_schemes]
        for name, scheme in sorted(named, key=lambda pair: _companion(pair[1])):
            auth, variables = scheme_auth(scheme, profile)
            if auth is not None:
                return auth, variables, alternative, name
    return None, [], {}, None


def _companion(scheme: SecurityScheme) -> bool:
    """The scheme can be sent beside the auth (an API key under its own name)."""
    return scheme.type == "apiKey" and bool(scheme.param_name)


def operation_auth(api: Api, op: Operation, profile: Profile, collection_auth: Auth | None) -> Auth | None:
    """None when the operation inherits the collection's auth, else its own (noauth for `security: []`)."""
    if op.security == api.security:
        return None
    auth, _ = requirement_auth(api, op.security, profile)
    if auth == collection_auth or (collection_auth is None and auth is not None and auth.type == "noauth"):
        return None
    return auth


def used_variables(api: Api, profile: Profile) -> list[AuthVariable]:
    """Every variable the collection's and the operations' auth and companion keys refer to, the collection's
    first, once each."""
    variables: dict[str, AuthVariable] = {}
    for requirement in [api.security, *(op.security for op in api.operations)]:
        for var in (
            requirement_auth(api, requirement, profile)[1] + companion_keys(api, requirement, profile)[1]
        ):
            variables.setdefault(var.key, var)
    return list(variables.values())


def _token_hint(scheme: SecurityScheme) -> str:
    if scheme.type == "openIdConnect":
        return "an OpenID Connect access token"
    for flow_name, flow in sorted((scheme.flows or {}).items()):
        if isinstance(flow, dict) and flow.get("tokenUrl"):
            return f"an OAuth 2.0 access token ({flow_name} flow, token URL {flow['tokenUrl']})"
        if isinstance(flow, dict) and flow.get("authorizationUrl"):
            return f"an OAuth 2.0 access token ({flow_name} flow, {flow['authorizationUrl']})"
    return "an OAuth 2.0 access token"
