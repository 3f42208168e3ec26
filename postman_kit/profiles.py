"""API profiles: data-driven conventions layered on the generic core.

The generic core never says "klaviyo"; everything Klaviyo-specific is a field of :data:`KLAVIYO`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from postman_kit.errors import InputError
from postman_kit.filters import AllowedFilters, rules_from_description, rules_from_extension
from postman_kit.openapi import Api, Operation
from postman_kit.secrets import BEARER, PRIVATE_KEY


@dataclass(slots=True, frozen=True)
class Profile:
    """An API's conventions, as data: auth and variable names, client endpoints, filters, extensions."""

    name: str = "generic"
    # Variable names used in generated collections. With `scheme_variables`, each security scheme names its own
    # variables (`bearerAuth` → `{{bearerAuth}}`); without, every key is `key_variable`, every token `token_variable`.
    key_variable: str = "apiKey"
    token_variable: str = "token"
    scheme_variables: bool = True
    public_key_variable: str | None = None
    # The environment variable snippets read the key from (default: derived from key_variable).
    key_env_variable: str | None = None
    # The header parameter whose default is the API revision (sent as `{{revision}}`).
    revision_header: str | None = "revision"
    # A query parameter that carries a public key on operations without auth (Klaviyo's `company_id`).
    public_key_param: str | None = None
    client_path_prefix: str | None = None
    # Vendor extensions the profile reads.
    subtag_extension: str | None = None
    scopes_extension: str | None = None
    ratelimit_extension: str | None = None
    aliases_extension: str | None = None
    prerelease_extension: str | None = None
    filters_extension: str | None = None
    filter_param: str = "filter"
    # Which error examples generated requests carry: "documented" (the spec's own error responses, plus a 401/403
    # for secured operations) or "troubleshooting" (a JSON:API troubleshooting set: 401/403/404/405/409).
    error_examples: str = "documented"
    # Whether `filter_param`'s values follow the filter grammar of postman_kit.filters (`equals(email,'x')`).
    filter_grammar: bool = False
    # Whether dated revisions follow Klaviyo's lifecycle (stable a year, deprecated a year, then retired); other
    # APIs' dated versions (Clerk's `2025-04-10`) say nothing of when they are deprecated.
    revision_lifecycle: bool = False
    # Literal secrets that must never appear in a collection.
    secret_patterns: tuple[str, ...] = (BEARER.pattern,)
    # Text that, in a collection's auth or variables, says the collection is for this API (no spec at hand).
    collection_markers: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def extension(self, op: Operation, name: str | None) -> Any:
        return op.extensions.get(name) if name else None

    def is_client_operation(self, op: Operation) -> bool:
        """An operation that must never carry the private key."""
        if op.security != []:
            return False
        if self.client_path_prefix and op.path.startswith(self.client_path_prefix):
            return True
        return bool(self.public_key_param and op.parameter(self.public_key_param, "query"))

    def scopes(self, op: Operation) -> list[str]:
        value = self.extension(op, self.scopes_extension)
        if isinstance(value, list):
            return [str(s) for s in value]
        scopes: list[str] = []
        for requirement in op.security:
            for names in requirement.values():
                scopes.extend(str(n) for n in names or [])
        return sorted(set(scopes))

    def subtag(self, op: Operation) -> str | None:
        value = self.extension(op, self.subtag_extension)
        return str(value) if value else None

    def aliases(self, op: Operation) -> list[str]:
        value = self.extension(op, self.aliases_extension)
        return [str(v) for v in value] if isinstance(value, list) else []

    def rate_limit(self, op: Operation) -> dict[str, str]:
        value = self.extension(op, self.ratelimit_extension)
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def is_pre_release(self, op: Operation) -> bool:
        value = self.extension(op, self.prerelease_extension)
        return isinstance(value, str) and value not in ("", "None")

    def allowed_filters(self, op: Operation) -> AllowedFilters:
        extension = self.extension(op, self.filters_extension)
        if extension:
            return rules_from_extension(extension)
        param = op.parameter(self.filter_param, "query")
        if param is not None:
            return rules_from_description(param.description)
        return AllowedFilters()

    def secret_regexes(self) -> list[re.Pattern[str]]:
        return [re.compile(p) for p in self.secret_patterns]


GENERIC = Profile()

KLAVIYO = Profile(
    name="klaviyo",
    key_variable="privateKey",
    scheme_variables=False,
    key_env_variable="KLAVIYO_PRIVATE_KEY",
    public_key_variable="companyId",
    revision_header="revision",
    public_key_param="company_id",
    client_path_prefix="/client/",
    subtag_extension="x-klaviyo-subtag",
    scopes_extension="x-klaviyo-scopes",
    ratelimit_extension="x-klaviyo-ratelimit",
    aliases_extension="x-klaviyo-operation-aliases",
    prerelease_extension="x-klaviyo-pre-release",
    filters_extension="x-klaviyo-filters",
    error_examples="troubleshooting",
    filter_grammar=True,
    revision_lifecycle=True,
    secret_patterns=(PRIVATE_KEY.pattern, BEARER.pattern),
    collection_markers=("Klaviyo-API-Key", "klaviyo.com"),
    extra={
        # What the sandbox needs to behave like the real API: attributes no two resources of a type may share
        # (a second profile with the same email is a 409), and the shape of new ids.
        "unique_attributes": {"profile": ("email", "phone_number", "external_id")},
        "id_styles": {"profile": "ulid", "list": "alnum6"},
    },
)

PROFILES = {"generic": GENERIC, "klaviyo": KLAVIYO}


def detect_profile(api: Api) -> Profile:
    """Klaviyo when the spec speaks Klaviyo (its key scheme or its extensions), generic otherwise."""
    if any("klaviyo" in name.lower() for name in api.security_schemes):
        return KLAVIYO
    for op in api.operations[:50]:
        if any(key.startswith("x-klaviyo-") for key in op.extensions):
            return KLAVIYO
    return GENERIC


def detect_collection_profile(collection: dict[str, Any]) -> Profile:
    """The profile a collection was made for when no spec is at hand: the first whose markers appear in the
    collection's auth or variables (Klaviyo: `Klaviyo-API-Key`, a klaviyo.com base URL), generic otherwise."""
    places = [collection.get("auth"), collection.get("variable")]
    text = repr([place for place in places if place is not None])
    for profile in PROFILES.values():
        if any(marker in text for marker in profile.collection_markers):
            return profile
    return GENERIC


def get_profile(name: str, api: Api | None = None) -> Profile:
    if name == "auto":
        return detect_profile(api) if api is not None else GENERIC
    try:
        return PROFILES[name]
    except KeyError:
        raise InputError(None, f"unknown profile {name!r}; choose from auto, {', '.join(PROFILES)}") from None


def find_revision(api: Api, profile: Profile) -> str:
    """The revision header's default when the operations have one, else `info.version`.

    Beta specs may carry older defaults on operations that did not change (2025-07-15.pre has seven
    2025-04-15.pre defaults and two 2025-07-15.pre ones): when defaults disagree, `info.version` wins if it is
    one of them, else the latest.
    """
    defaults: set[str] = set()
    if profile.revision_header:
        for op in api.operations:
            param = op.parameter(profile.revision_header, "header")
            if param is not None and param.schema.get("default") not in (None, ""):
                defaults.add(str(param.schema["default"]))
    if len(defaults) == 1:
        return defaults.pop()
    if defaults:
        return api.version if api.version in defaults else max(defaults)
    return api.version or "0"
