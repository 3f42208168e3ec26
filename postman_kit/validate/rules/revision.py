"""revision: every request asks for the revision the collection is stamped with."""

from __future__ import annotations

from collections.abc import Iterator

from postman_kit.collection import Request, parse_raw_url
from postman_kit.conformance import other_host
from postman_kit.profiles import KLAVIYO, find_revision
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.target import Target


@rule(
    "revision/header",
    Severity.ERROR,
    "Every request's revision header matches the collection's revision.",
    "A request saved with an old revision header keeps calling the old API after the collection moves on.",
    profile=KLAVIYO.name,
)
def revision_header(target: Target) -> Iterator[Hit]:
    name = target.profile.revision_header
    expected = target.revision
    if not name or not expected or target.collection.variable(name) is None:
        return
    for ref in target.items:
        if _to_another_service(target, ref.item.request):
            continue  # a webhook relay's or a token endpoint's call asks for no revision of this API
        headers = ref.item.request.header
        index = next(
            (i for i, h in enumerate(headers) if h.key.lower() == name.lower() and not h.disabled), None
        )
        if index is None:
            yield Hit(
                f"the request sends no {name} header; add {name}: {{{{{name}}}}} ({expected})",
                ref.pointer + "/request/header",
                ref.path,
            )
            continue
        sent = target.resolve(headers[index].value).strip()
        if sent != expected:
            yield Hit(
                f"{name} header is {sent!r} but the collection's revision is {expected!r}; "
                f"set it to {{{{{name}}}}}",
                f"{ref.pointer}/request/header/{index}/value",
                ref.path,
            )


@rule(
    "revision/name-stamp",
    Severity.ERROR,
    "The revision stamped in the collection's name (`… (v2026-07-15)`) matches its revision variable.",
    "Users pick a collection by its name; a name that says another revision than the requests send misleads.",
)
def name_stamp(target: Target) -> Iterator[Hit]:
    name = target.profile.revision_header
    variable = target.collection.variable(name) if name else None
    stamp = target.name_stamp
    value = str(variable.value).strip() if variable is not None and variable.value is not None else ""
    if stamp and value and stamp != value:
        yield Hit(
            f"the name says v{stamp} but the {name} variable is {value!r}; rename the collection or "
            "set the variable so they agree",
            "/info/name",
        )


@rule(
    "revision/spec",
    Severity.WARNING,
    "The collection's revision is the revision of the spec it is checked against.",
    "Saved requests are checked against the spec's revision; an older collection may break in ways its own "
    "revision would not.",
    needs_spec=True,
)
def spec_revision(target: Target) -> Iterator[Hit]:
    if target.api is None or not target.revision:
        return
    spec_revision = find_revision(target.api, target.profile)
    if spec_revision != target.revision:
        yield Hit(
            f"the collection is revision {target.revision} but the spec is {spec_revision}; run "
            "`postman-kit upgrade` or check against the spec of the collection's own revision",
            "/variable",
        )


def _to_another_service(target: Target, request: Request) -> bool:
    """A request to a literal host that is none of the spec's servers (without the spec: not the host the
    collection's `baseUrl` names)."""
    host = ".".join(request.url.host).lower()
    if not host or "{{" in host:
        return False
    checker = target.checker
    if checker is not None:
        return other_host(request, checker.api) is not None
    base = target.resolve("{{baseUrl}}")
    if "{{" in base or "://" not in base:
        return False
    return host != ".".join(parse_raw_url(base).host).lower()
