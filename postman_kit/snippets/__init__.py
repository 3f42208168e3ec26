"""Copy a saved request as code — the languages of Postman's "Code snippet" menu — without ever inlining a secret.

Python API::

    from postman_kit.snippets import render_snippet
    text = render_snippet(collection, "Profiles/Get Profiles", "python", environment=env, globals_=glob)

One resolved-request model (:mod:`postman_kit.snippets.request`) feeds one small module per language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from postman_kit.collection import Collection
from postman_kit.errors import InputError
from postman_kit.profiles import PROFILES, Profile
from postman_kit.snippets import (
    csharp,
    curl,
    go,
    httpie,
    java,
    javascript,
    nodejs_axios,
    nodejs_native,
    php,
    powershell,
    python,
    python_http_client,
    rawhttp,
    ruby,
    rust,
    wget,
)
from postman_kit.snippets.items import LocatedItem, find_item, item_references, located_items
from postman_kit.snippets.request import ResolvedRequest, auth_key_variables, resolve_request
from postman_kit.variables import VariableScopes


@dataclass(frozen=True)
class Language:
    """A snippet language: its `--lang` name, Postman's name for the same choice, and its renderer."""

    name: str
    postman: str  # language - variant, as Postman's "Code snippet" menu shows it
    render: Callable[[ResolvedRequest], str]
    aliases: tuple[str, ...] = ()  # the names postman-code-generators uses, when they differ


# Order and names follow Postman's menu; Java is java.net.http (Postman offers OkHttp and Unirest).
LANGUAGE_LIST = (
    Language("curl", "cURL", curl.render),
    Language("wget", "Shell - wget", wget.render, ("shell-wget",)),
    Language("http", "HTTP", rawhttp.render),
    Language("python", "Python - Requests", python.render, ("python-requests",)),
    Language("python-http.client", "Python - http.client", python_http_client.render),
    Language("httpie", "Shell - Httpie", httpie.render, ("shell-httpie",)),
    Language("javascript", "JavaScript - Fetch", javascript.render, ("js-fetch", "javascript-fetch")),
    Language("nodejs-native", "NodeJs - Native", nodejs_native.render),
    Language("nodejs-axios", "NodeJs - Axios", nodejs_axios.render),
    Language("go", "Go - Native", go.render, ("golang",)),
    Language("java", "Java - java.net.http", java.render, ("java-httpclient",)),
    Language("csharp-httpclient", "C# - HttpClient", csharp.render, ("csharp",)),
    Language("php-curl", "PHP - cURL", php.render, ("php",)),
    Language("ruby", "Ruby - Net::HTTP", ruby.render),
    Language("powershell", "PowerShell - RestMethod", powershell.render, ("powershell-restmethod",)),
    Language("rust-reqwest", "Rust - reqwest", rust.render, ("rust",)),
)
LANGUAGES: dict[str, Callable[[ResolvedRequest], str]] = {
    language.name: language.render for language in LANGUAGE_LIST
}
# Every name `--lang` accepts, Postman's codegen names included, to the language it means.
LANGUAGE_NAMES: dict[str, str] = {
    name: language.name for language in LANGUAGE_LIST for name in (language.name, *language.aliases)
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
    if language not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {language!r}; choose from {', '.join(LANGUAGES)}")
    text = LANGUAGES[LANGUAGE_NAMES[language]](request)
    for variable, value in request.secret_values.items():
        if value in text:
            raise InputError(
                None,
                f"the {language} snippet would contain the value of {{{{{variable}}}}}; refusing to print it",
            )
    return text


# Shorter values (a 4-digit PIN typed as secret) could match public text by chance.
_MIN_CHECKED_SECRET = 8


def _secret_values(request: ResolvedRequest, scopes: VariableScopes) -> dict[str, str]:
    keys = scopes.secret_keys() | {s.variable for s in request.secrets if s.variable}
    values = {key: scopes.substitute("{{" + key + "}}") for key in sorted(keys) if scopes.get(key)}
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
    "LANGUAGE_LIST",
    "LANGUAGE_NAMES",
    "Language",
    "ResolvedRequest",
    "default_key_env",
    "find_item",
    "item_references",
    "located_items",
    "render",
    "render_snippet",
    "resolve_item",
]
