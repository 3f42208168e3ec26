"""structure: the file is a Postman v2.1 collection a user can run."""

from __future__ import annotations

from collections.abc import Iterator

from postman_kit.validate.model import Hit, Severity
from postman_kit.validate.registry import rule
from postman_kit.validate.schemas import json_pointer, schema_errors
from postman_kit.validate.target import Target

MAX_SCHEMA_ERRORS = 20
COPY_SUFFIX = " Copy"


@rule(
    "structure/schema",
    Severity.ERROR,
    "The collection validates against the Collection v2.1 schema (schemas/collection-v2.1.schema.json).",
    "Postman and newman refuse or silently drop what the schema does not allow.",
)
def collection_schema(target: Target) -> Iterator[Hit]:
    errors = schema_errors("collection", target.data)
    for error in errors[:MAX_SCHEMA_ERRORS]:
        pointer = json_pointer(error.absolute_path)
        where = pointer or "the top level"
        yield Hit(
            f"not a valid v2.1 collection at {where}: {_short(error.message)}",
            pointer,
            item=target.item_path_at(pointer),
        )
    if len(errors) > MAX_SCHEMA_ERRORS:
        yield Hit(f"{len(errors) - MAX_SCHEMA_ERRORS} more schema error(s) not shown", "")


@rule(
    "structure/empty-url",
    Severity.ERROR,
    "Every request has a URL.",
    "A request without a URL cannot be sent; it is usually a half-made copy.",
)
def empty_url(target: Target) -> Iterator[Hit]:
    for ref in target.items:
        url = ref.item.request.url
        if not url.raw.strip() and not url.host and not url.path:
            yield Hit(
                "the request has an empty URL; set one or delete the request",
                ref.pointer + "/request/url",
                ref.path,
            )


@rule(
    "structure/copy-name",
    Severity.WARNING,
    'No request or folder name ends in " Copy".',
    'Postman appends " Copy" when you duplicate; a saved request deserves a name that says what it does.',
)
def copy_name(target: Target) -> Iterator[Hit]:
    # In a collection postman-kit made, the API's own requests and folders carry the spec's names ("Retrieve an
    # Asset Report Audit Copy" is a Plaid operation); a duplicate made in Postman has a new id and is checked.
    own_folders = {id(ref.folder) for ref in target.own_folders} if target.kit_made else set()
    named = [
        (ref.path, ref.pointer, ref.item.name)
        for ref in target.items
        if id(ref.item) not in target.generated_ids
    ]
    named += [
        (ref.path, ref.pointer, ref.folder.name)
        for ref in target.folders
        if id(ref.folder) not in own_folders
    ]
    for path, pointer, name in named:
        if name.rstrip().endswith(COPY_SUFFIX):
            base = name.rstrip()[: -len(COPY_SUFFIX)].rstrip()
            yield Hit(
                f'name {name!r} ends in "Copy"; rename it to say what it does (e.g. "{base} by Email")',
                pointer + "/name",
                path,
            )


def _short(message: str) -> str:
    return message if len(message) <= 160 else message[:157] + "..."
