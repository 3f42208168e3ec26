"""lint: the checks Postman's collection linter makes, offline."""

from __future__ import annotations

from collections.abc import Iterator

from postman_kit.collection import Body
from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.target import Target


@rule("lint/collection-description", Severity.WARNING,
      "The collection has a description.",
      "The description is the first thing a user of a shared collection reads.")
def collection_description(target: Target) -> Iterator[Hit]:
    if not target.collection.info.description.strip():
        yield Hit("the collection has no description; say what API and revision it is for", "/info/description")


@rule("lint/folder-description", Severity.INFO,
      "Every folder has a description.",
      "Folder descriptions tell users which requests belong together and why.")
def folder_description(target: Target) -> Iterator[Hit]:
    for ref in target.folders:
        if not ref.folder.description.strip():
            yield Hit("the folder has no description", ref.pointer + "/description", ref.path)


@rule("lint/request-description", Severity.WARNING,
      "Every request has a description.",
      "A saved request without a description leaves the next user guessing what it is for.")
def request_description(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        if not ref.item.request.description.strip() and not ref.item.description.strip():
            yield Hit("the request has no description; say what it does and when to use it",
                      ref.pointer + "/request/description", ref.path)


@rule("lint/parameter-description", Severity.INFO,
      "Every enabled query parameter and path variable has a description.",
      "Parameters without descriptions are guesswork for the next user.")
def parameter_description(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        url = ref.item.request.url
        for index, query in enumerate(url.query):
            if not query.disabled and query.key and not query.description.strip():
                yield Hit(f"query parameter {query.key!r} has no description",
                          f"{ref.pointer}/request/url/query/{index}/description", ref.path)
        for index, variable in enumerate(url.variable):
            if not variable.description.strip():
                yield Hit(f"path variable :{variable.key} has no description",
                          f"{ref.pointer}/request/url/variable/{index}/description", ref.path)


@rule("lint/success-example", Severity.WARNING,
      "Every request has an example with a 2xx status.",
      "A success example shows users what they get back, and mock servers serve it.")
def success_example(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        if not any(200 <= example.code < 300 for example in ref.item.response):
            yield Hit("the request has no 2xx example; send it once and save the response as an example",
                      ref.pointer + "/response", ref.path)


@rule("lint/delete-example-status", Severity.WARNING,
      "DELETE requests' success examples are 200 or 204.",
      "A DELETE answers 204 No Content (or 200); another success status in an example misleads.")
def delete_example_status(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        if ref.item.request.method != "DELETE":
            continue
        for index, example in enumerate(ref.item.response):
            if 200 <= example.code < 300 and example.code not in (200, 204):
                yield Hit(f"DELETE example {example.name!r} has status {example.code}; use 204 (or 200)",
                          f"{ref.pointer}/response/{index}/code", ref.path)


@rule("lint/insecure-url", Severity.WARNING,
      "No request or variable uses an `http://` URL.",
      "Keys sent over plain HTTP can be read on the way.")
def insecure_url(target: Target) -> Iterator[Hit]:
    for index, variable in enumerate(target.collection.variables):
        if str(variable.value or "").lower().startswith("http://") and not _is_local(str(variable.value)):
            yield Hit(f"variable {variable.key!r} is {variable.value!r}; use https://", f"/variable/{index}/value")
    for ref in target.items:
        raw = target.resolve(ref.item.request.url.raw)
        if raw.lower().startswith("http://") and not _is_local(raw):
            yield Hit(f"the request URL {raw!r} uses http://; use https://", ref.pointer + "/request/url", ref.path)


@rule("lint/patch-body", Severity.WARNING,
      "PATCH requests have a body.",
      "A PATCH without a body changes nothing; it is usually a request saved before the body was written.")
def patch_body(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        request = ref.item.request
        if request.method == "PATCH" and (request.body is None or not _has_content(request.body)):
            yield Hit("the PATCH request has no body; add the attributes to change", ref.pointer + "/request/body",
                      ref.path)


def _has_content(body: Body) -> bool:
    return bool(body.raw.strip() or body.urlencoded or body.formdata or body.extra.get(body.mode))


def _is_local(url: str) -> bool:
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host in ("localhost", "127.0.0.1", "::1", "[::1]")
