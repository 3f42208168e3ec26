"""Finding a saved request by the path users type (`Profiles/Get Profiles`) or by its name."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from postman_kit.collection import Auth, Collection, Folder, Item, Node, item_path
from postman_kit.errors import InputError

MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class LocatedItem:
    """A request item with the folders above it (outermost first), which it inherits auth from."""

    path: str
    item: Item
    folders: tuple[Folder, ...]

    def effective_auth(self, collection: Collection) -> Auth | None:
        """The auth Postman applies: the request's own, else the nearest folder's, else the collection's."""
        for auth in (self.item.request.auth, *(f.auth for f in reversed(self.folders)), collection.auth):
            if auth is not None:
                return None if auth.type == "noauth" else auth
        return None


def located_items(collection: Collection) -> Iterator[LocatedItem]:
    """Every request item, depth first, in collection order."""

    def visit(nodes: list[Node], folders: tuple[Folder, ...]) -> Iterator[LocatedItem]:
        for node in nodes:
            if isinstance(node, Folder):
                yield from visit(node.items, folders + (node,))
            else:
                yield LocatedItem(item_path(tuple(f.name for f in folders), node), node, folders)

    yield from visit(collection.items, ())


def item_references(collection: Collection) -> list[tuple[str, LocatedItem]]:
    """Each request item with the reference that picks it alone, as `--list` prints them: its item path; where
    requests share one (three `2FA-Setup` requests in one folder: GET, POST, DELETE), the method before it
    (`POST Auth/2FA-Setup`), and where that is shared too, its place among them after it (`… #2`)."""
    items = list(located_items(collection))
    paths = Counter(located.path for located in items)
    routes = Counter(f"{located.item.request.method} {located.path}" for located in items)
    seen: Counter[str] = Counter()
    out: list[tuple[str, LocatedItem]] = []
    for located in items:
        reference = located.path
        if paths[reference] > 1:
            reference = f"{located.item.request.method} {located.path}"
            if routes[reference] > 1:
                seen[reference] += 1
                reference += f" #{seen[reference]}"
        out.append((reference, located))
    return out


def find_item(collection: Collection, reference: str, source: str | None = None) -> LocatedItem:
    """The item `reference` picks as `--list` prints it (see item_references), else the only item named so.
    It is read as typed first: a name may end in a space.

    Raises :class:`InputError` naming the closest paths when there is no match or the name is ambiguous.
    """
    references = item_references(collection)
    items = [located for _, located in references]
    for wanted in dict.fromkeys((reference, reference.strip().strip("/"))):
        picked = [located for written, located in references if written == wanted]
        if picked:
            return picked[0]
        shared = [written for written, located in references if located.path == wanted]
        if shared:
            listed = ", ".join(repr(written) for written in shared[:MAX_SUGGESTIONS])
            raise InputError(source, f"{len(shared)} requests have the path {wanted!r}; give one of {listed}")
    wanted = reference.strip().strip("/")
    named = [located for located in items if located.item.name in (reference, wanted)]
    if len(named) == 1:
        return named[0]
    if named:
        paths = ", ".join(repr(located.path) for located in named[:MAX_SUGGESTIONS])
        raise InputError(source, f"{len(named)} requests are named {wanted!r}; give the item path: {paths}")
    close = _close_paths(wanted, items)
    hint = f"; did you mean {', '.join(repr(p) for p in close)}?" if close else "; list them with --list"
    raise InputError(source, f"no request {wanted!r} in the collection{hint}")


def _close_paths(wanted: str, items: list[LocatedItem]) -> list[str]:
    by_path = difflib.get_close_matches(wanted, [i.path for i in items], n=MAX_SUGGESTIONS, cutoff=0.5)
    if by_path:
        return by_path
    names = {i.item.name: i.path for i in items}
    by_name = difflib.get_close_matches(wanted.rsplit("/", 1)[-1], list(names), n=MAX_SUGGESTIONS, cutoff=0.5)
    return [names[name] for name in by_name]
