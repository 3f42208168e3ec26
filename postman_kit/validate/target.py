"""What the rules look at: one collection (raw JSON and model), its variables, and optionally its spec."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from postman_kit import ids
from postman_kit.collection import Auth, Collection, Folder, Item, Node, Request
from postman_kit.conformance import RequestChecker
from postman_kit.naming import parse_collection_name
from postman_kit.openapi import Api
from postman_kit.profiles import GENERIC, Profile
from postman_kit.routing import MethodNotAllowed, RouteMatch

_VARIABLE = re.compile(r"\{\{([^{}]+)\}\}")


@dataclass(frozen=True)
class ItemRef:
    """A request item with where it is: its path as users see it and its JSON pointer in the file."""

    path: str
    pointer: str
    item: Item
    inherited_auth: Auth | None = None  # the nearest folder's auth, else the collection's
    auth_folder: FolderRef | None = None  # the folder `inherited_auth` is set on; None for the collection

    @property
    def auth(self) -> Auth | None:
        """The auth Postman sends the request with."""
        own = self.item.request.auth
        return self.inherited_auth if own is None or own.type == "inherit" else own


@dataclass(frozen=True)
class FolderRef:
    path: str
    pointer: str
    folder: Folder


@dataclass
class VariablesFile:
    """An environment or globals file: its name, its JSON, and its enabled values."""

    source: str
    data: dict[str, Any]
    scope: str = "environment"  # or "globals"
    text: str | None = None  # as read, for the lines of findings in it

    def values(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for index, value in enumerate(self.data.get("values") or []):
            if isinstance(value, dict):
                yield index, value


class RoutingOnceChecker(RequestChecker):
    """Remembers where each request routes: several rules ask."""

    def __init__(self, api: Api, profile: Profile) -> None:
        super().__init__(api, profile)
        self._routes: dict[int, RouteMatch | MethodNotAllowed | None] = {}

    def route(self, request: Request) -> RouteMatch | MethodNotAllowed | None:
        key = id(request)  # requests live as long as the target that holds this checker
        if key not in self._routes:
            self._routes[key] = super().route(request)
        return self._routes[key]


@dataclass
class Target:
    source: str
    data: dict[str, Any]
    collection: Collection
    api: Api | None = None
    profile: Profile = GENERIC
    environment: VariablesFile | None = None
    globals: VariablesFile | None = None
    items: list[ItemRef] = field(default_factory=list)
    folders: list[FolderRef] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # work several rules share, done once per target

    def __post_init__(self) -> None:
        if not self.items and not self.folders:
            self._index(self.collection.items, (), "", self.collection.auth, None)

    def _index(
        self,
        nodes: list[Node],
        trail: tuple[str, ...],
        pointer: str,
        auth: Auth | None,
        source: FolderRef | None,
    ) -> None:
        for index, node in enumerate(nodes):
            here = f"{pointer}/item/{index}"
            path = "/".join(trail + (node.name,))
            if isinstance(node, Folder):
                folder = FolderRef(path, here, node)
                self.folders.append(folder)
                if node.auth is None or node.auth.type == "inherit":
                    self._index(node.items, trail + (node.name,), here, auth, source)
                else:
                    self._index(node.items, trail + (node.name,), here, node.auth, folder)
            else:
                self.items.append(ItemRef(path, here, node, auth, source))

    def item_path_at(self, pointer: str) -> str | None:
        """The path of the request or folder a JSON pointer falls in (the deepest one)."""
        best: tuple[int, str] | None = None
        for path, where in [(r.path, r.pointer) for r in self.items] + [
            (f.path, f.pointer) for f in self.folders
        ]:
            if (pointer == where or pointer.startswith(where + "/")) and (
                best is None or len(where) > best[0]
            ):
                best = (len(where), path)
        return best[1] if best else None

    @cached_property
    def generated_items(self) -> list[ItemRef]:
        """The requests postman-kit generated: their ids derive from the API title, method and path (or, where
        ids were lost, the first request carrying an operationId); [] in a collection made another way."""
        titles = {parse_collection_name(self.collection.info.name).title}
        if self.api is not None:
            titles.add(self.api.title)
        found: list[ItemRef] = []
        operation_ids: set[str] = set()
        # the ids of operations a path key's fixed query or fragment tells apart, which no URL path gives
        of_operations = {
            ids.operation_id(title, op.method, op.path)
            for op in (self.api.operations if self.api is not None else ())
            for title in titles
            if "?" in op.path or "#" in op.path
        }
        for ref in self.items:
            request = ref.item.request
            derived = of_operations | {
                ids.operation_id(title, request.method, request.url.path_template) for title in titles
            }
            operation_id = ref.item.kit.get("operationId")
            if ref.item.id in derived or (
                isinstance(operation_id, str) and operation_id not in operation_ids
            ):
                found.append(ref)
                if isinstance(operation_id, str):
                    operation_ids.add(operation_id)
        return found or self._named_as_generated()

    @cached_property
    def generated_ids(self) -> frozenset[int]:
        """`id()` of each generated request's Item, to ask whether a request is one of the API's own."""
        return frozenset(id(ref.item) for ref in self.generated_items)

    def _named_as_generated(self) -> list[ItemRef]:
        """A collection that went through Postman without its ids and extensions: with the spec, the first
        request per operation that still has the name generate gave it (summary, else operationId)."""
        if self.checker is None:
            return []
        found: list[ItemRef] = []
        seen: set[tuple[str, str]] = set()
        for ref in self.items:
            route = self.checker.route(ref.item.request)
            if not isinstance(route, RouteMatch):
                continue
            op = route.operation
            if (op.method, op.path) not in seen and ref.item.name == (op.summary or op.operation_id):
                seen.add((op.method, op.path))
                found.append(ref)
        return found

    @cached_property
    def checker(self) -> RequestChecker | None:
        """The spec's request checker, built once per target (route index and schema validators); None without
        a spec."""
        return RoutingOnceChecker(self.api, self.profile) if self.api is not None else None

    @property
    def kit_made(self) -> bool:
        return bool(self.generated_items)

    @cached_property
    def own_items(self) -> list[ItemRef]:
        """The collection's own requests, which its author wrote: the generated ones in a collection
        postman-kit made, every request in any other. The rest are requests users saved in a fork; they are
        judged on what they do, not on how they are documented."""
        return self.generated_items or list(self.items)

    @cached_property
    def own_folders(self) -> list[FolderRef]:
        """The folders holding the collection's own requests (not a folder a user made for saved requests)."""
        if not self.kit_made:
            return list(self.folders)
        return [
            folder
            for folder in self.folders
            if any(ref.pointer.startswith(folder.pointer + "/") for ref in self.own_items)
        ]

    @cached_property
    def revision(self) -> str | None:
        """The collection's revision: its `revision` variable, else the stamp in its name."""
        name = self.profile.revision_header
        variable = self.collection.variable(name) if name else None
        if variable is not None and str(variable.value or "").strip():
            return str(variable.value).strip()
        return self.name_stamp

    @cached_property
    def name_stamp(self) -> str | None:
        return parse_collection_name(self.collection.info.name).revision

    @cached_property
    def variables(self) -> dict[str, str]:
        """Variable values as Postman resolves them: environment over collection over globals."""
        values: dict[str, str] = {}
        if self.globals is not None:
            values.update(_enabled_values(self.globals))
        for variable in self.collection.variables:
            if not variable.disabled:
                values[variable.key] = "" if variable.value is None else str(variable.value)
        if self.environment is not None:
            values.update(_enabled_values(self.environment))
        return values

    def resolve(self, text: str, depth: int = 0) -> str:
        """`{{revision}}` → its value where one is known; unknown variables stay as they are."""
        if "{{" not in text or depth > 5:
            return text
        resolved = _VARIABLE.sub(lambda m: self.variables.get(m.group(1).strip(), m.group(0)), text)
        return resolved if resolved == text else self.resolve(resolved, depth + 1)


def _enabled_values(file: VariablesFile) -> dict[str, str]:
    return {
        str(value.get("key")): "" if value.get("value") is None else str(value.get("value"))
        for _, value in file.values()
        if value.get("key") and value.get("enabled", True) is not False
    }


def is_variable(text: str) -> bool:
    """The value's last word is a `{{variable}}`: `Klaviyo-API-Key {{privateKey}}` yes, `… pk_…` no."""
    words = str(text).split()
    return bool(words) and _VARIABLE.fullmatch(words[-1]) is not None


__all__ = ["FolderRef", "ItemRef", "Target", "VariablesFile", "is_variable"]
