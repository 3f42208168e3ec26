"""Reading collections, environments and globals in every form users keep them, with one set of errors.

A collection comes as a v2.0 or v2.1 JSON file (a path, an http(s) URL or `-`), or as Postman v12's git layout
(collection format 3.0.0): a directory of YAML files, `postman/collections/<name>/` in a repository, with
`.resources/definition.yaml` for the collection and each folder, one `*.request.yaml` per request and its examples
under `.resources/<request>.resources/examples/*.example.yaml`. Every form is read into the v2.1 JSON the commands
walk (:class:`CollectionFile`), so validate, diff, upgrade and snippet read one model; a v3 collection also keeps
where each item was read (file and line), so findings can point into the YAML files.

The v3 form is read the way Postman's own migration (`postman collection migrate`) writes it: what that
migration keeps of a v2.1 collection is read back as it was. A v3 directory is untrusted input like any file:
symbolic links are never followed out of it, and the files read, their sizes and the folder depth are bounded.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postman_kit.collection import graphql_variables_text, parse_raw_url
from postman_kit.errors import InputError
from postman_kit.loader import MAX_FILE_BYTES, is_url, parse_text, parse_yaml_with_lines, read_source
from postman_kit.shapes import MAX_NESTING, check_collection_shape, check_nesting, check_variables_shape

# A v3 collection directory is read up to this many files and bytes in all. Klaviyo's 2026-07-15 collection,
# the largest here, is 2,269 files and 6 MB.
MAX_V3_FILES = 50_000
MAX_V3_BYTES = MAX_FILE_BYTES
DEFINITION = Path(".resources") / "definition.yaml"
KIT_KEY = "x-postman-kit"
V21_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

# Postman's CLI reads `.yml` as well as `.yaml`, in any case: a request saved as `Mine.request.yml` is one
_REQUEST_SUFFIXES = (".request.yaml", ".request.yml")
_EXAMPLE_SUFFIXES = (".example.yaml", ".example.yml")


def _suffixed(name: str, suffixes: tuple[str, ...]) -> str | None:
    """`name` without the first of `suffixes` it ends with (in any case); None when it ends with none."""
    lowered = name.lower()
    for suffix in suffixes:
        if lowered.endswith(suffix):
            return name[: -len(suffix)]
    return None


def definition_file(directory: Path) -> Path | None:
    """A v3 folder's (or collection's) definition: `.resources/definition.yaml`, or `.yml` as Postman reads it
    too."""
    for candidate in (DEFINITION, DEFINITION.with_suffix(".yml")):
        if _is_file(directory / candidate):
            return directory / candidate
    return None


_RAW_LANGUAGES = ("json", "xml", "text", "html", "javascript")
# v3 script types (collection and folder definitions prefix them with `http:`) and v2.1's event names
_SCRIPT_EVENTS = {"beforeRequest": "prerequest", "beforeQuery": "prerequest", "afterResponse": "test"}
# collection_v3.DISABLED_SCRIPTS: v2.1's disabled scripts, which format 3.0.0 cannot switch off
_DISABLED_SCRIPTS = "x-disabledScripts"
# Where a v2.1 item key lives in a v3 request file, for locating findings.
_V3_KEYS = {
    "header": "headers",
    "event": "scripts",
    "protocolProfileBehavior": "settings",
    "response": "examples",
    "variable": "pathVariables",
    "query": "queryParams",
}


@dataclass(frozen=True)
class ItemSource:
    """Where one item (or the collection itself) was read in a v3 directory."""

    file: str
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)  # YAML key path → 1-based line
    examples: tuple[ItemSource, ...] = ()  # a request's example files, in the order read

    def line_of(self, path: tuple[Any, ...]) -> int:
        """The line of the deepest key of `path` the file holds; the file's first line when none is."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


@dataclass
class CollectionFile:
    """A collection as read: its v2.1 JSON, the form it came in, and where its items are."""

    source: str  # what the user gave, as shown in messages
    data: dict[str, Any]  # v2.1 JSON, whatever the form read
    form: str  # "v2.0", "v2.1" or "v3"
    text: str | None = None  # a JSON file's text as read (its findings are located in it); None for v3
    # v3 only: the JSON pointer of the collection ("") and of each folder and request item → where it was read
    sources: dict[str, ItemSource] = field(default_factory=dict)

    def locate(self, pointer: str) -> tuple[str, int] | None:
        """(file, line) of a JSON pointer into `data` for a v3 collection; None for a JSON file, where the
        pointer itself locates it."""
        if not self.sources:
            return None
        parts = pointer.split("/")[1:] if pointer else []
        end = len(parts)
        while end >= 0:
            item = "/" + "/".join(parts[:end]) if end else ""
            if item in self.sources:
                break
            end -= 1
        source = self.sources[item]
        rest = parts[end:]
        if (
            rest[:1] == ["response"]
            and len(rest) > 1
            and rest[1].isdigit()
            and int(rest[1]) < len(source.examples)
        ):
            example = source.examples[int(rest[1])]
            return example.file, example.line_of(_example_key_path(rest[2:]))
        return source.file, source.line_of(_v3_key_path(rest))


@dataclass
class VariablesSource:
    """An environment or globals file as read."""

    source: str
    data: dict[str, Any]
    scope: str  # "environment" or "globals"
    text: str | None = None


def _v3_key_path(parts: list[str]) -> tuple[Any, ...]:
    """A pointer's rest below an item (`request/header/2`) as the key path in its v3 file (`headers`, 2)."""
    if parts[:1] == ["request"]:
        parts = parts[1:]
    if parts[:1] == ["url"] and len(parts) > 1 and parts[1] in ("query", "variable"):
        parts = parts[1:]
    if parts[:1] == ["info"]:  # the collection's name and description sit at the top of its definition
        parts = parts[1:]
    if parts[:1] == ["variable"]:
        parts = ["variables", *parts[1:]]
    key_path: list[Any] = [_V3_KEYS.get(parts[0], parts[0])] if parts else []
    key_path += [int(part) if part.isdigit() else part for part in parts[1:3]]
    return tuple(key_path)


def _example_key_path(parts: list[str]) -> tuple[Any, ...]:
    if not parts:
        return ()
    if parts[0] == "originalRequest":
        return ("request", *_v3_key_path(parts[1:2]))
    if parts[0] in ("code", "status"):
        return ("response", "statusCode" if parts[0] == "code" else "statusText")
    if parts[0] == "header":
        return ("response", "headers")
    if parts[0] == "body":
        return ("response", "body", "content")
    return (parts[0],)


# ---------------------------------------------------------------------------------------------------------------
# Reading any form


def read_collection(source: str) -> CollectionFile:
    """Read a collection in any form from a path, URL or `-`; bad input raises :class:`InputError`."""
    if source != "-" and not is_url(source) and os.path.isdir(source):
        return read_v3_collection(source)
    raw, name, _ = read_source(source)
    return collection_from_json(_parse_json_file(raw, name), name, _text_of(raw))


def is_collection_directory(source: str) -> bool:
    """Whether `source` names a directory (which the kit reads as a v3 collection)."""
    return source != "-" and not is_url(source) and os.path.isdir(source)


def collection_from_json(
    data: Any, name: str, text: str | None = None, *, nesting_checked: bool = False
) -> CollectionFile:
    """A parsed v2.0/v2.1 collection, checked; anything else is bad input named for what it is.
    `nesting_checked`: the loader's walk already found `data` within MAX_NESTING."""
    if isinstance(data, dict) and isinstance(data.get("collection"), dict) and "info" not in data:
        data = data["collection"]  # the Postman API's export wraps the collection
        text = None
    if not isinstance(data, dict):
        raise InputError(name, "not a Postman collection (the top level is not an object)")
    scope = data.get("_postman_variable_scope")
    if scope in ("environment", "globals") or ("values" in data and "info" not in data):
        kind = "a globals file" if scope == "globals" else "an environment file"
        option = "--globals" if scope == "globals" else "--environment"
        raise InputError(name, f"this is {kind}, not a collection; pass it with {option}")
    if "requests" in data and ("order" in data or "folders" in data) and "info" not in data:
        raise InputError(name, "a Postman v1 collection; open it in Postman and export it as Collection v2.1")
    if "openapi" in data or "swagger" in data:
        raise InputError(
            name,
            "an OpenAPI document, not a collection; pass it with --spec "
            "(or turn it into a collection with `postman-kit generate`)",
        )
    info = data.get("info")
    if not isinstance(info, dict) or not isinstance(data.get("item"), list):
        raise InputError(
            name, "not a Postman collection (no 'info' and 'item'); export it as Collection v2.1"
        )
    schema = str(info.get("schema") or "")
    if schema and "/v2." not in schema:
        raise InputError(name, f"collection format {schema!r} is not supported; export it as Collection v2.1")
    check_collection_shape(data, name, nesting_checked=nesting_checked)
    if "/v2.0." in schema:
        return CollectionFile(name, _auth_as_v21(data), "v2.0", text)
    return CollectionFile(name, data, "v2.1", text)


def _parse_json_file(raw: bytes, name: str) -> Any:
    """A collection, environment or globals file's JSON (YAML is read too: JSON is YAML)."""
    if not raw.strip():
        raise InputError(name, "file is empty")
    data = parse_text(raw, name)
    if not isinstance(data, dict | list):
        raise InputError(
            name,
            "not JSON (nor a YAML mapping); expected a Postman collection exported as v2.1, "
            "an environment or a globals file",
        )
    return data


def _text_of(raw: bytes) -> str | None:
    try:
        return raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return None


def _auth_as_v21(data: dict[str, Any]) -> dict[str, Any]:
    """A v2.0 collection with its auth written as v2.1's: v2.0 keeps each auth type's attributes as an object
    (`"bearer": {"token": …}`), v2.1 as a list of key/value pairs, which is what the kit reads."""

    def convert(node: Any) -> Any:
        if isinstance(node, dict):
            out = {key: convert(value) for key, value in node.items()}
            auth = out.get("auth")
            if isinstance(auth, dict) and isinstance(auth.get(str(auth.get("type"))), dict):
                kind = str(auth["type"])
                out["auth"] = {
                    **auth,
                    kind: [
                        {"key": key, "value": value, "type": "string"} for key, value in auth[kind].items()
                    ],
                }
            return out
        if isinstance(node, list):
            return [convert(value) for value in node]
        return node

    converted = convert(data)
    converted["info"] = {**converted["info"], "schema": V21_SCHEMA}
    return converted


# ---------------------------------------------------------------------------------------------------------------
# Environments and globals


def read_variables(source: str, scope: str) -> VariablesSource:
    """An environment (`scope="environment"`) or globals file, checked; raises :class:`InputError`."""
    raw, name, _ = read_source(source)
    data = _parse_json_file(raw, name)
    if not isinstance(data, dict) or not isinstance(data.get("values"), list):
        if isinstance(data, dict) and "info" in data and "item" in data:
            kind = "an environment" if scope == "environment" else "a globals file"
            raise InputError(name, f"this is a collection, not {kind}; pass collections as arguments")
        raise InputError(name, f"not a Postman {scope} file (no 'values' list)")
    check_variables_shape(data, name, scope)
    return VariablesSource(name, data, scope, _text_of(raw))


# ---------------------------------------------------------------------------------------------------------------
# The v3 layout


def find_collection_directory(directory: str) -> Path:
    """The v3 collection `directory` names: itself, or the one collection under its `postman/collections/`."""
    root = Path(directory)
    if definition_file(root) is not None:
        return root
    collections = root / "postman" / "collections"
    if collections.is_dir() and not collections.is_symlink():
        found = sorted(
            entry
            for entry in collections.iterdir()
            if entry.is_dir() and not entry.is_symlink() and definition_file(entry) is not None
        )
        if len(found) == 1:
            return found[0]
        if found:
            names = ", ".join(str(entry) for entry in found[:3])
            raise InputError(
                directory,
                f"holds {len(found)} collections ({names}{', …' if len(found) > 3 else ''});"
                " name one of them",
            )
    raise InputError(
        directory,
        f"a directory without {DEFINITION.as_posix()}: not a Postman v3 collection "
        "(give the collection's directory, postman/collections/<name>)",
    )


def read_v3_collection(directory: str) -> CollectionFile:
    """A v3 collection directory read into v2.1 JSON, with where each item was read."""
    root = find_collection_directory(directory)
    reader = _V3Reader(directory, root)
    data = reader.read()
    check_collection_shape(data, directory)
    return CollectionFile(directory, data, "v3", None, reader.sources)


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


class _V3Reader:
    """One walk over a v3 directory, counting what it reads against the limits."""

    def __init__(self, name: str, root: Path) -> None:
        self.name = name
        self.root = root
        self.real_root = root.resolve()
        self.files = 0
        self.bytes = 0
        self.sources: dict[str, ItemSource] = {}

    def read(self) -> dict[str, Any]:
        definition, source = self._read_yaml(
            definition_file(self.root) or self.root / DEFINITION, ("collection",)
        )
        self.sources[""] = source
        info: dict[str, Any] = {}
        if definition.get("id") is not None:
            info["_postman_id"] = str(definition["id"])
        info["name"] = str(definition.get("name") or self.root.name)
        if definition.get("description") is not None:
            info["description"] = definition["description"]
        info["schema"] = V21_SCHEMA
        data: dict[str, Any] = {"info": info, "item": self._folder_items(self.root, "", 0)}
        _copy_common(definition, data)
        _restore_operation_ids(data["item"], set())
        return data

    def _folder_items(self, directory: Path, pointer: str, depth: int) -> list[dict[str, Any]]:
        """The folders and requests of `directory`, in their `order`."""
        if depth >= MAX_NESTING:
            raise InputError(self.name, f"folders nest deeper than {MAX_NESTING} levels")
        entries: list[tuple[float, str, Path, dict[str, Any], ItemSource]] = []
        for entry in self._list(directory):
            if entry.name.startswith("."):
                continue  # `.resources`, or an editor's `.vscode`: Postman reads no entry named with a dot
            kind = self._kind(entry)
            if kind == "dir":
                definition = definition_file(entry)
                if definition is None:
                    raise InputError(
                        self.name, f"{self._relative(entry)}: a folder without {DEFINITION.as_posix()}"
                    )
                data, source = self._read_yaml(definition, ("collection",))
            elif _suffixed(entry.name, _REQUEST_SUFFIXES) is not None:
                # a FIFO or device named as a request is refused (never opened), not skipped: a request the
                # user keeps must not vanish from what validate, diff and upgrade see
                data, source = self._read_yaml(entry, ("http-request", "graphql-request"))
            else:
                continue  # a README or any file that is not part of the collection
            entries.append((_order(data), entry.name, entry, data, source))
        entries.sort(key=lambda e: (e[0], e[1]))
        items = []
        for index, (_, _, entry, data, source) in enumerate(entries):
            item_pointer = f"{pointer}/item/{index}"
            if data.get("$kind") == "collection":
                items.append(self._folder(entry, data, source, item_pointer, depth + 1))
            else:
                items.append(self._request(entry, data, source, item_pointer))
        return items

    def _folder(
        self, directory: Path, definition: dict[str, Any], source: ItemSource, pointer: str, depth: int
    ) -> dict[str, Any]:
        self.sources[pointer] = source
        folder: dict[str, Any] = {}
        if definition.get("id") is not None:
            folder["id"] = str(definition["id"])
        folder["name"] = str(definition.get("name") or directory.name)
        if definition.get("description") is not None:
            folder["description"] = definition["description"]
        folder["item"] = self._folder_items(directory, pointer, depth)
        _copy_common(definition, folder)
        return folder

    def _request(self, path: Path, data: dict[str, Any], source: ItemSource, pointer: str) -> dict[str, Any]:
        item: dict[str, Any] = {}
        if data.get("id") is not None:
            item["id"] = str(data["id"])
        item["name"] = str(data.get("name") or _suffixed(path.name, _REQUEST_SUFFIXES) or path.name)
        scripts = _events(data.get("scripts")) + _events(data.get(_DISABLED_SCRIPTS), disabled=True)
        if scripts:
            item["event"] = scripts
        item["request"] = _request_json(data)
        if isinstance(data.get("settings"), dict):
            item["protocolProfileBehavior"] = data["settings"]
        examples, example_sources = self._examples(path, data.get("examples"))
        item["response"] = examples
        item.update(
            {
                key: value
                for key, value in data.items()
                if isinstance(key, str) and key.startswith("x-") and key != _DISABLED_SCRIPTS
            }
        )
        self.sources[pointer] = ItemSource(source.file, source.lines, example_sources)
        return item

    def _examples(
        self, request_path: Path, where: Any
    ) -> tuple[list[dict[str, Any]], tuple[ItemSource, ...]]:
        if where is None:
            return [], ()
        if not isinstance(where, str):
            raise InputError(self.name, f"{self._relative(request_path)}: `examples` is not a path")
        directory = request_path.parent / where
        if not self._inside(directory):
            raise InputError(
                self.name,
                f"{self._relative(request_path)}: `examples` points outside the collection directory",
            )
        if not directory.is_dir():
            return [], ()
        found: list[tuple[float, str, dict[str, Any], ItemSource]] = []
        for entry in self._list(directory):
            stem = _suffixed(entry.name, _EXAMPLE_SUFFIXES)
            if stem is None or self._kind(entry) != "file":
                continue
            data, source = self._read_yaml(entry, ("http-example", "graphql-example"))
            found.append(
                (
                    _order(data),
                    entry.name,
                    _example_json(data, stem),
                    source,
                )
            )
        found.sort(key=lambda e: (e[0], e[1]))
        return [example for _, _, example, _ in found], tuple(source for _, _, _, source in found)

    # -- files, within the limits --

    def _list(self, directory: Path) -> list[Path]:
        self._check_directory(directory)
        try:
            return sorted(Path(entry.path) for entry in os.scandir(directory))
        except OSError as exc:
            raise InputError(
                self.name, f"{self._relative(directory)}: cannot read directory: {exc.strerror or exc}"
            ) from None

    def _check_directory(self, directory: Path) -> None:
        if os.path.islink(directory):
            raise InputError(
                self.name,
                f"{self._relative(directory)}: a symbolic link to a directory; "
                "a collection's folders are read as they are, never through links",
            )

    def _kind(self, path: Path) -> str:
        """ "dir", "file" or "other"; a link to a file inside the collection reads as that file; a link out of
        it, or to a directory (which could loop), is refused."""
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            return "other"
        if stat.S_ISLNK(mode):
            if not self._inside(path.resolve()):
                raise InputError(
                    self.name, f"{self._relative(path)}: a symbolic link out of the collection directory"
                )
            if path.is_dir():
                raise InputError(
                    self.name,
                    f"{self._relative(path)}: a symbolic link to a directory; a "
                    "collection's folders are read as they are, never through links",
                )
            return "file"
        return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"

    def _inside(self, path: Path) -> bool:
        return path.resolve().is_relative_to(self.real_root)

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def _read_yaml(self, path: Path, kinds: tuple[str, ...]) -> tuple[dict[str, Any], ItemSource]:
        display = str(path)
        if self._kind(path) != "file":
            raise InputError(display, "not a regular file")
        if not self._inside(path):
            raise InputError(
                self.name,
                f"{self._relative(path)}: reached through a symbolic link out of the collection directory",
            )
        self.files += 1
        if self.files > MAX_V3_FILES:
            raise InputError(
                self.name, f"more than {MAX_V3_FILES:,} files, the most the kit reads of a collection"
            )
        raw, _, _ = read_source(display)
        self.bytes += len(raw)
        if self.bytes > MAX_V3_BYTES:
            raise InputError(
                self.name,
                f"its files add up to more than {MAX_V3_BYTES // (1024 * 1024)} MB, the most the kit reads",
            )
        data, lines = parse_yaml_with_lines(raw, display)
        if not isinstance(data, dict):
            raise InputError(display, "not a YAML mapping")
        check_nesting(data, display)
        if data.get("$kind") not in kinds:
            raise InputError(display, f"$kind is {data.get('$kind')!r}, expected {' or '.join(kinds)}")
        return data, ItemSource(display, lines)


# ---------------------------------------------------------------------------------------------------------------
# v3 entries as v2.1 JSON


_OPERATION_ID_LINE = re.compile(r"^Operation ID: `([^`]+)`$", re.MULTILINE)


def _restore_operation_ids(items: list[dict[str, Any]], seen: set[str]) -> None:
    """Mark the requests postman-kit generated, as its v2.1 files do (`x-postman-kit.operationId`).

    Postman's migration keeps no `x-` keys, but keeps the description, whose last line generate writes as
    "Operation ID: `…`"; the first request per operation carrying it is that operation's own (a request a user
    saved as a copy comes after it), which is how diff, upgrade and validate tell the two apart in a v2.1 fork.
    """
    for item in items:
        if "request" not in item:
            _restore_operation_ids(item.get("item") or [], seen)
            continue
        if KIT_KEY in item:
            operation_id = item[KIT_KEY].get("operationId") if isinstance(item[KIT_KEY], dict) else None
            if isinstance(operation_id, str):
                seen.add(operation_id)
            continue
        description = item["request"].get("description")
        found = _OPERATION_ID_LINE.findall(description) if isinstance(description, str) else []
        if found and found[-1] not in seen:
            seen.add(found[-1])
            item[KIT_KEY] = {"operationId": found[-1]}


def _order(data: dict[str, Any]) -> float:
    """Where an entry sits among its siblings (Postman numbers them 1000, 2000, …); unnumbered ones go last."""
    order = data.get("order")
    return float(order) if isinstance(order, int | float) and not isinstance(order, bool) else float("inf")


def _copy_common(definition: dict[str, Any], out: dict[str, Any]) -> None:
    """Auth, scripts and variables of a collection or folder definition."""
    auth = definition.get("auth")
    if isinstance(auth, list):
        auth = next((entry for entry in auth if isinstance(entry, dict)), None)
    if isinstance(auth, dict):
        out["auth"] = _auth_json(auth)
    events = _events(definition.get("scripts")) + _events(definition.get(_DISABLED_SCRIPTS), disabled=True)
    if events:
        out["event"] = events
    if isinstance(definition.get("settings"), dict) and definition["settings"]:
        out["protocolProfileBehavior"] = definition["settings"]
    variables = _key_values(definition.get("variables"))
    if variables:
        out["variable"] = variables


def _auth_json(auth: dict[str, Any]) -> dict[str, Any]:
    kind = str(auth.get("type") or "noauth")
    if kind == "noauth":
        return {"type": "noauth"}
    credentials = auth.get("credentials")
    attributes = [
        {"key": str(key), "value": value, "type": "string" if isinstance(value, str) else "any"}
        for key, value in (credentials.items() if isinstance(credentials, dict) else ())
    ]
    return {"type": kind, kind: attributes}


def _events(scripts: Any, *, disabled: bool = False) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    for script in scripts if isinstance(scripts, list) else ():
        if not isinstance(script, dict):
            continue
        kind = str(script.get("type") or "").removeprefix("http:")
        listen = _SCRIPT_EVENTS.get(kind, kind)
        code = script.get("code")
        exec_lines = str(code).split("\n") if code is not None else []
        event: dict[str, Any] = {
            "listen": listen,
            "script": {"type": str(script.get("language") or "text/javascript"), "exec": exec_lines},
        }
        if disabled:
            event["disabled"] = True
        events.append(event)
    return events


def _key_values(entries: Any, *, value_key: str = "value") -> list[dict[str, Any]]:
    """A v3 list of key/value objects, or a plain mapping (Postman writes one when no entry has more than a key
    and a value), as v2.1's list."""
    if isinstance(entries, dict):
        return [{"key": str(key), value_key: _text(value)} for key, value in entries.items()]
    out = []
    for entry in entries if isinstance(entries, list) else ():
        if not isinstance(entry, dict):
            continue
        converted = {key: value for key, value in entry.items() if key not in ("disabled",)}
        if "value" in converted:
            converted["value"] = _text(converted["value"])
        if entry.get("disabled") is True:
            converted["disabled"] = True
        out.append(converted)
    return out


def _text(value: Any) -> Any:
    if value is None or isinstance(value, str):
        return "" if value is None else value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int | float) else value


def _request_json(data: dict[str, Any]) -> dict[str, Any]:
    """A v3 request (or an example's request) as v2.1's `request` object."""
    request: dict[str, Any] = {}
    graphql = data.get("$kind") == "graphql-request"
    request["method"] = str(data.get("method") or ("POST" if graphql else "GET")).upper()
    if isinstance(data.get("auth"), dict):
        request["auth"] = _auth_json(data["auth"])
    headers = _key_values(data.get("headers"))
    request["header"] = headers
    body = (
        _body_json(data.get("body"))
        if not graphql
        else {
            "mode": "graphql",
            "graphql": {
                "query": str(data.get("query") or ""),
                "variables": graphql_variables_text(data.get("variables")),
            },
        }
    )
    if body is not None:
        request["body"] = body
    request["url"] = _url_json(data)
    if data.get("description") is not None:
        request["description"] = data["description"]
    return request


def _url_json(data: dict[str, Any]) -> dict[str, Any]:
    raw = str(data.get("url") or "")
    without_hash, _, fragment = raw.partition("#")
    url = parse_raw_url(without_hash).to_json()
    url["raw"] = raw
    if "queryParams" in data:  # else the query written in the URL, which Postman sends as it is
        url.pop("query", None)
        query = _key_values(data.get("queryParams"))
        if query:
            url["query"] = query
    variables = _key_values(data.get("pathVariables"))
    if variables:
        url["variable"] = variables
    if fragment:
        url["hash"] = fragment
    return url


def _body_json(body: Any) -> dict[str, Any] | None:
    if not isinstance(body, dict):
        return None
    kind = str(body.get("type") or "text")
    content = body.get("content")
    if kind in ("formdata", "urlencoded"):
        return {"mode": kind, kind: _key_values(content)}
    if kind == "file":
        return {"mode": "file", "file": content if isinstance(content, dict) else {}}
    raw = "" if content is None else content if isinstance(content, str) else str(content)
    language = kind if kind in _RAW_LANGUAGES else "text"
    return {"mode": "raw", "raw": raw, "options": {"raw": {"language": language}}}


def _example_json(data: dict[str, Any], file_name: str) -> dict[str, Any]:
    example: dict[str, Any] = {}
    if data.get("id") is not None:
        example["id"] = str(data["id"])
    example["name"] = str(data.get("name") or file_name)
    request = data.get("request")
    graphql = data.get("$kind") == "graphql-example"
    if graphql and isinstance(request, dict):
        # a GraphQL request's example, as `postman collection migrate` writes it: its request a graphql-request's
        # fields, its response under `http` (`status: 200 OK`, the body as text)
        request = {**request, "$kind": "graphql-request"}
    # Postman's migration writes an example saved without its request as an empty GET: it was none.
    if isinstance(request, dict) and (
        request.get("url")
        or set(request) - {"url", "method", "$kind"}
        or str(request.get("method") or "GET").upper() != "GET"
    ):
        example["originalRequest"] = _request_json(request)
    response: dict[str, Any] = data["response"] if isinstance(data.get("response"), dict) else {}
    if graphql:
        response = _graphql_response(response)
    if response.get("statusText") is not None:
        example["status"] = str(response["statusText"])
    if response.get("statusCode") is not None:
        example["code"] = response["statusCode"]
    body: dict[str, Any] = response["body"] if isinstance(response.get("body"), dict) else {}
    example["_postman_previewlanguage"] = str(body.get("type") or "text")
    example["header"] = _key_values(response.get("headers"))
    example["cookie"] = []
    content = body.get("content")
    example["body"] = "" if content is None else content if isinstance(content, str) else str(content)
    return example


def _graphql_response(response: dict[str, Any]) -> dict[str, Any]:
    """A graphql-example's `response` (`http: {status: "200 OK", headers, body}`) as an http-example's."""
    http: dict[str, Any] = response["http"] if isinstance(response.get("http"), dict) else {}
    code, _, text = str(http.get("status") or "").partition(" ")
    out: dict[str, Any] = {"headers": http.get("headers")}
    if code.isdigit():
        out["statusCode"] = int(code)
        out["statusText"] = text
    headers = _key_values(http.get("headers"))
    content_type = next(
        (str(h.get("value")) for h in headers if str(h.get("key")).lower() == "content-type"), ""
    )
    body = http.get("body")
    out["body"] = {
        "type": "json" if "json" in content_type.lower() else "text",
        "content": body if isinstance(body, str) else None if body is None else str(body),
    }
    return out


__all__ = [
    "CollectionFile",
    "ItemSource",
    "VariablesSource",
    "collection_from_json",
    "find_collection_directory",
    "is_collection_directory",
    "read_collection",
    "read_v3_collection",
    "read_variables",
]
