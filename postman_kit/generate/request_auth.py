"""OpenAPI security schemes → Postman auth, and the variables each one needs."""

from __future__ import annotations


from postman_kit.collection import Auth
from postman_kit.openapi import Api, Operation, SecurityScheme, key_prefix
from postman_kit.profiles import Profile
from postman_kit.valueclass import value_class


@value_class(frozen=True)
class AuthVariable:
    """A variable an auth scheme reads (`privateKey`, `token`), and whether it holds a secret."""

    key: str
    secret: bool


def scheme_auth(scheme: SecurityScheme, profile: Profile) -> tuple[Auth, list[AuthVariable]]:
    """The Postman auth for one scheme and the variables it refers to."""
    if scheme.type == "apiKey":
        var = profile.key_variable
        where = scheme.location if scheme.location in ("header", "query") else "header"
        auth = Auth(
            "apikey",
            {"key": scheme.param_name or "Authorization", "value": key_prefix(scheme) + "{{" + var + "}}", "in": where},
        )
        return auth, [AuthVariable(var, True)]
    if scheme.type == "http" and scheme.scheme == "basic":
        return Auth("basic", {"username": "{{username}}", "password": "{{password}}"}), [
            AuthVariable("username", False),
            AuthVariable("password", True),
        ]
    if scheme.type in ("http", "openIdConnect"):
        var = profile.token_variable
        return Auth("bearer", {"token": "{{" + var + "}}"}), [AuthVariable(var, True)]
    if scheme.type == "oauth2":
        flows = scheme.flows or {}
        flow_name, flow = next(iter(flows.items()), ("authorizationCode", {}))
        grant = {
            "authorizationCode": "authorization_code",
            "clientCredentials": "client_credentials",
            "implicit": "implicit",
            "password": "password_credentials",
        }.get(flow_name, "authorization_code")
        attributes = {"grant_type": grant, "addTokenTo": "header"}
        if flow.get("authorizationUrl"):
            attributes["authUrl"] = flow["authorizationUrl"]
        if flow.get("tokenUrl"):
            attributes["accessTokenUrl"] = flow["tokenUrl"]
        scopes = sorted((flow.get("scopes") or {}).keys())
        if scopes:
            attributes["scope"] = " ".join(scopes)
        attributes["clientId"] = "{{clientId}}"
        attributes["clientSecret"] = "{{clientSecret}}"
        return Auth("oauth2", attributes), [AuthVariable("clientId", False), AuthVariable("clientSecret", True)]
    return Auth("noauth"), []


def requirement_auth(
    api: Api, requirement: list[dict[str, list[str]]], profile: Profile
) -> tuple[Auth | None, list[AuthVariable]]:
    """Auth for a security requirement list: [] → noauth; else the first scheme Postman can express."""
    if requirement == []:
        return Auth("noauth"), []
    for alternative in requirement:
        if not alternative:  # {} means "optional auth": no auth satisfies it
            return Auth("noauth"), []
        for name in alternative:
            scheme = api.security_schemes.get(name)
            if scheme is not None:
                return scheme_auth(scheme, profile)
    return None, []


def operation_auth(api: Api, op: Operation, profile: Profile) -> Auth | None:
    """None when the operation inherits the collection's auth, else its own."""
    if op.security == api.security:
        return None
    auth, _ = requirement_auth(api, op.security, profile)
    return auth
