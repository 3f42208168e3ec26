"""Copy a saved request as code — curl, Python, HTTPie, JavaScript, Go — without ever inlining a secret.

Python API::

    from postman_kit.snippets import render_snippet
    text = render_snippet(collection, "Profiles/Get Profiles", "python", environment=env, globals_=glob)

One resolved-request model (:mod:`postman_kit.snippets.request`) feeds one small module per language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from postman_kit.collection import Collection
from postman_kit.errors import InputError
from postman_kit.profiles import PROFILES, Profile
from postman_kit.snippets import curl, go, httpie, javascript, python
from postman_kit.snippets.items import LocatedItem, find_item, located_items
from postman_kit.snippets.request import ResolvedRequest, auth_key_variables, resolve_request
from postman_kit.variables import VariableScopes

LANGUAGES: dict[str, Callable[[ResolvedRequest], str]] = {
    "curl": curl.render,
    "python": python.render,
    "httpie": httpie.render,
    "javascript": javascript.render,
    "go": go.render,
}


def default_key_env(collection: Collection, located: LocatedItem, profiles: Iterable[Profile]) -> str | None:
    """The environment variable a profile names for its key variable (Klaviyo: `KLAVIYO_PRIVATE_KEY`), when
    the request's auth uses that profile's key variable."""
    variables = auth_key_variables(located.effective_auth(collection))
    for profile in profiles:
        if profile.key_env_variable and profile.key_variable in variables:
            return profile.key_env_variable
    return None


def resolve_item(
    collection: Collection,
    reference: str,
    *,
    environment: Mapping[str, Any] | None = None,
    globals_: Mapping[str, Any] | None = None,
    key_env: str | None = None,
    source: str | None = None,
) -> ResolvedRequest:
    """Find the item (path or unique name) and resolve it as Postman would send it."""
    located = find_item(collection, reference, source)
    scopes = VariableScopes.for_collection(collection, environment, globals_)
    key_env = key_env or default_key_env(collection, located, PROFILES.values())
    request = resolve_request(collection, located, scopes, key_env=key_env)
    request.secret_values = _secret_values(request, scopes)
    return request


def render(request: ResolvedRequest, language: str) -> str:
    """Render a resolved request; refuses (InputError) if a secret's value would end up in the text."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    text = LANGUAGES[language](request)
    for variable, value in request.secret_values.items():
        if value in text:
            raise InputError(None, f"the {language} snippet would contain the value of {{{{{variable}}}}}; "
                                   f"refusing to print it")
    return text


# Shorter values (a 4-digit PIN typed as secret) could match public text by chance.
_MIN_CHECKED_SECRET = 8


def _secret_values(request: ResolvedRequest, scopes: VariableScopes) -> dict[str, str]:
    keys = scopes.secret_keys() | {s.variable for s in request.secrets if s.variable}
    values = {key: scopes.substitute("{{" + key + "}}") for key in sorted(keys)}
    return {key: value for key, value in values.items() if len(value) >= _MIN_CHECKED_SECRET}


def render_snippet(
    collection: Collection,
    reference: str,
    language: str = "curl",
    *,
    environment: Mapping[str, Any] | None = None,
    globals_: Mapping[str, Any] | None = None,
    key_env: str | None = None,
) -> str:
    """The snippet for one item in one language (see :data:`LANGUAGES`)."""
    request = resolve_item(collection, reference, environment=environment, globals_=globals_, key_env=key_env)
    return render(request, language)


__all__ = [
    "LANGUAGES",
    "ResolvedRequest",
    "default_key_env",
    "find_item",
    "located_items",
    "render",
    "render_snippet",
    "resolve_item",
]
