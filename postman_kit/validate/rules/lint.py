"""lint: the checks Postman's collection linter makes, offline.

The authoring checks (descriptions, examples) look at the collection's own requests and folders, not at
requests users saved in a fork. In a collection postman-kit generated they ask only for what the spec
documents (a description it has, a success response it lists), so they need the spec to say anything there.
"""

from __future__ import annotations

from collections.abc import Iterator

from postman_kit import ids
from postman_kit.collection import Body
from postman_kit.openapi import Operation, status_code
from postman_kit.routing import RouteMatch
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.rules.requests import request_checker
from postman_kit.validate.target import FolderRef, ItemRef, Target


@rule(
    "lint/collection-description",
    Severity.WARNING,
    "The collection has a description.",
    "The description is the first thing a user of a shared collection reads.",
)
def collection_description(target: Target) -> Iterator[Hit]:
    if not target.collection.info.description.strip():
        yield Hit(
            "the collection has no description; say what API and revision it is for", "/info/description"
        )


@rule(
    "lint/folder-description",
    Severity.INFO,
    "Every folder has a description.",
    "Folder descriptions tell users which requests belong together and why.",
)
def folder_description(target: Target) -> Iterator[Hit]:
    for ref in _authored_folders(target):
        if not ref.folder.description.strip():
            yield Hit("the folder has no description", ref.pointer + "/description", ref.path)


@rule(
    "lint/request-description",
    Severity.WARNING,
    "Every request has a description.",
    "A saved request without a description leaves the next user guessing what it is for.",
)
def request_description(target: Target) -> Iterator[Hit]:
    for ref, op in _authored_items(target):
        documented = op is None or op.description.strip()  # a summary alone became the request's name
        if documented and not ref.item.request.description.strip() and not ref.item.description.strip():
            yield Hit(
                "the request has no description; say what it does and when to use it",
                ref.pointer + "/request/description",
                ref.path,
            )


@rule(
    "lint/parameter-description",
    Severity.INFO,
    "Every enabled query parameter and path variable has a description.",
    "Parameters without descriptions are guesswork for the next user.",
)
def parameter_description(target: Target) -> Iterator[Hit]:
    for ref, op in _authored_items(target):
        url = ref.item.request.url
        # an exploded array's items are one parameter sent once per item (`domains=a&domains=b`): described once
        described = {query.key for query in url.query if query.description.strip()}
        for index, query in enumerate(url.query):
            if (
                not query.disabled
                and query.key
                and query.key not in described
                and _documented(op, query.key, "query")
            ):
                yield Hit(
                    f"query parameter {query.key!r} has no description",
                    f"{ref.pointer}/request/url/query/{index}/description",
                    ref.path,
                )
        for index, variable in enumerate(url.variable):
            if not variable.description.strip() and _documented(op, variable.key, "path"):
                yield Hit(
                    f"path variable :{variable.key} has no description",
                    f"{ref.pointer}/request/url/variable/{index}/description",
                    ref.path,
                )


@rule(
    "lint/success-example",
    Severity.WARNING,
    "Every request has an example with a 2xx status.",
    "A success example shows users what they get back, and mock servers serve it.",
)
def success_example(target: Target) -> Iterator[Hit]:
    for ref, op in _authored_items(target):
        documented = op is None or any(status_code(r.status) is not None for r in op.success_responses)
        if documented and not any(200 <= example.code < 300 for example in ref.item.response):
            yield Hit(
                "the request has no 2xx example; send it once and save the response as an example",
                ref.pointer + "/response",
                ref.path,
            )


@rule(
    "lint/delete-example-status",
    Severity.WARNING,
    "DELETE requests' success examples are 200 or 204.",
    "A DELETE answers 204 No Content (or 200); another success status in an example misleads.",
)
def delete_example_status(target: Target) -> Iterator[Hit]:
    for ref, op in _authored_items(target):
        if ref.item.request.method != "DELETE":
            continue
        documented = {status_code(r.status) for r in op.success_responses} if op is not None else set()
        for index, example in enumerate(ref.item.response):
            if (
                200 <= example.code < 300
                and example.code not in (200, 204)
                and example.code not in documented
            ):
                yield Hit(
                    f"DELETE example {example.name!r} has status {example.code}; use 204 (or 200)",
                    f"{ref.pointer}/response/{index}/code",
                    ref.path,
                )


@rule(
    "lint/insecure-url",
    Severity.WARNING,
    "No request or variable uses an `http://` URL.",
    "Keys sent over plain HTTP can be read on the way.",
)
def insecure_url(target: Target) -> Iterator[Hit]:
    # The spec's own plain-HTTP servers are the API's choice, not the user's: there is no https:// to switch to.
    servers = [s.url.split("{", 1)[0].lower() for s in target.api.servers] if target.api is not None else []

    def insecure(url: str) -> bool:
        url = url.lower()
        return (
            url.startswith("http://")
            and not _is_local(url)
            and not any(server.startswith("http://") and url.startswith(server) for server in servers)
        )

    for index, variable in enumerate(target.collection.variables):
        if insecure(str(variable.value or "")):
            yield Hit(
                f"variable {variable.key!r} is {variable.value!r}; use https://", f"/variable/{index}/value"
            )
    for ref in target.items:
        raw = target.resolve(ref.item.request.url.raw)
        if insecure(raw):
            yield Hit(
                f"the request URL {raw!r} uses http://; use https://", ref.pointer + "/request/url", ref.path
            )


@rule(
    "lint/patch-body",
    Severity.WARNING,
    "PATCH requests have a body.",
    "A PATCH without a body changes nothing; it is usually a request saved before the body was written.",
)
def patch_body(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        request = ref.item.request
        if request.method != "PATCH" or (request.body is not None and _has_content(request.body)):
            continue
        op = _operation(target, ref)
        if op is None or op.request_body is not None:  # with the spec: only where the operation takes a body
            yield Hit(
                "the PATCH request has no body; add the attributes to change",
                ref.pointer + "/request/body",
                ref.path,
            )


def _authored_items(target: Target) -> Iterator[tuple[ItemRef, Operation | None]]:
    """The collection's own requests the authoring checks ask of, each with its operation when the checks
    should ask only for what the spec documents (in a collection postman-kit generated)."""
    if not target.kit_made:
        yield from ((ref, None) for ref in target.own_items)
        return
    for ref in target.own_items:
        op = _operation(target, ref)
        if op is not None:
            yield ref, op


def _authored_folders(target: Target) -> Iterator[FolderRef]:
    """The collection's own folders; in a generated collection, the top-level (tag) folders whose tag the spec
    describes (sub-folders come from sub-tags, which have no description to give)."""
    if not target.kit_made:
        yield from target.own_folders
        return
    described = (
        {tag.name for tag in target.api.tags if tag.description.strip()} if target.api is not None else set()
    )
    yield from (
        ref for ref in target.own_folders if ref.folder.name in described and ref.pointer.count("/item/") == 1
    )


def _operation(target: Target, ref: ItemRef) -> Operation | None:
    """The operation a request is for: by the id generate derived from it, else by routing its URL (which reads
    `/vault/{file}` and `/vault/{dir}/` alike: Obsidian's API has both)."""
    api = target.api
    if api is not None and ref.item.id:
        if "operations-by-id" not in target.memo:
            target.memo["operations-by-id"] = {
                ids.operation_id(api.title, op.method, op.path): op for op in api.operations
            }
        by_id = target.memo["operations-by-id"].get(ref.item.id)
        if by_id is not None:
            return by_id
    checker = request_checker(target)
    found = checker.route(ref.item.request) if checker is not None else None
    return found.operation if isinstance(found, RouteMatch) else None


def _documented(op: Operation | None, name: str, location: str) -> bool:
    """Whether to ask for a parameter's description: always without an operation, else when the spec has one."""
    if op is None:
        return True
    param = op.parameter(name, location)
    return param is not None and bool(param.description.strip())


def _has_content(body: Body) -> bool:
    # a file body is one whether or not its file is picked yet: generate leaves the choice to the user (Google
    # Drive's octet-stream PATCH), and Postman asks for it when the request is sent
    return bool(
        body.raw.strip()
        or body.urlencoded
        or body.formdata
        or body.mode == "file"
        or body.extra.get(body.mode)
    )


def _is_local(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host in ("localhost", "127.0.0.1", "::1", "[::1]")
