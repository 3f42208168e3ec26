"""Does a request send credentials the way its operation's security schemes say (bearer, basic, apiKey, none)?

Used by validate's auth rules when a spec is at hand, and by diff for a saved request's own auth, for any API:
no variable name, prefix or header is assumed beyond what the spec's own `securitySchemes` declare.
"""

from __future__ import annotations

from postman_kit.collection import Auth, Request
from postman_kit.conformance import cookie_value
from postman_kit.openapi import Api, SecurityScheme, key_prefix

# Postman auth types that carry a token an http bearer / oauth2 / openIdConnect scheme accepts.
_TOKEN_AUTHS = {"bearer", "oauth2", "jwt"}


def required_schemes(api: Api, security: list[dict[str, list[str]]]) -> list[SecurityScheme] | None:
    """The schemes an operation's security names, or None when it may be called without credentials
    (`security: []`, or an empty alternative `{}`) or names no scheme the document defines."""
    if not security or any(not alternative for alternative in security):
        return None
    schemes = [
        api.security_schemes[name]
        for alternative in security
        for name in alternative
        if name in api.security_schemes
    ]
    return schemes or None


def sends_credentials(request: Request, auth: Auth | None, schemes: list[SecurityScheme]) -> bool:
    """The request (its effective auth, or a header or query parameter it sets) satisfies one of `schemes`.

    Any one scheme is enough: Postman holds one auth per request, so for a requirement that combines two
    schemes the second comes as a header the user sets, and alternatives are the user's choice.
    """
    return any(_fits(request, auth, scheme) for scheme in schemes)


def describe(schemes: list[SecurityScheme]) -> str:
    """What the spec accepts, in Postman's words: `API Key (Authorization in header) or Bearer Token`."""
    seen: list[str] = []
    for scheme in schemes:
        text = _postman_name(scheme)
        if text not in seen:
            seen.append(text)
    return " or ".join(seen)


def _fits(request: Request, auth: Auth | None, scheme: SecurityScheme) -> bool:
    kind = auth.type if auth is not None else "noauth"
    if scheme.type == "mutualTLS":
        return True  # client certificates are Postman settings, not part of a collection
    if scheme.type == "apiKey":
        name = (scheme.param_name or "").lower()
        if kind == "apikey" and auth is not None:
            where = str(auth.get("in") or "header").lower()
            key = str(auth.get("key") or "").lower()
            value = str(auth.get("value") or "")
            if scheme.location == "cookie" and key == "cookie" and where == "header":
                return bool(
                    cookie_value(value, scheme.param_name or "")
                )  # `Cookie: api_key={{apiKeyCookie}}`
            # Postman's API Key auth has no cookie place: a cookie key sent under its own name is what it can do.
            right_place = where == (scheme.location or "header") or scheme.location == "cookie"
            prefix = key_prefix(scheme)
            return key == name and right_place and (not prefix or value.startswith(prefix))
        return _carries(request, scheme.location or "header", scheme.param_name or "")
    if scheme.type == "http":
        http = (scheme.scheme or "").lower()
        if http in ("basic", "digest"):
            return kind == http or _carries(request, "header", "Authorization")
        if kind in _TOKEN_AUTHS:
            return True
        if kind == "apikey" and auth is not None:  # `Authorization: Bearer {{token}}` as an API Key header
            return str(auth.get("key") or "").lower() == "authorization"
        return _carries(request, "header", "Authorization")
    if scheme.type in ("oauth2", "openIdConnect"):
        return kind in _TOKEN_AUTHS or _carries(request, "header", "Authorization")
    return True  # a scheme type OpenAPI does not define: nothing to judge by


def _carries(request: Request, location: str, name: str) -> bool:
    if location == "query":
        return any(q.key == name and not q.disabled and (q.value or "").strip() for q in request.url.query)
    if location == "cookie":
        return bool(cookie_value(request.header_value("Cookie") or "", name))
    value = request.header_value(name)
    return value is not None and value.strip() != ""


def _postman_name(scheme: SecurityScheme) -> str:
    if scheme.type == "apiKey":
        prefix = key_prefix(scheme)
        value = f", value `{prefix}{{{{…}}}}`" if prefix else ""
        return f"API Key ({scheme.param_name} in {scheme.location or 'header'}{value})"
    if scheme.type == "http":
        http = (scheme.scheme or "").lower()
        return {"basic": "Basic Auth", "digest": "Digest Auth"}.get(http, "Bearer Token")
    if scheme.type in ("oauth2", "openIdConnect"):
        return "OAuth 2.0 (or Bearer Token)"
    return scheme.type
