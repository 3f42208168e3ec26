"""Read an OpenAPI document (JSON or YAML) from a path, `-` (stdin) or an http(s) URL.

External `$ref`s (to relative files or URLs) are bundled into the root document under
``components/x-bundled`` so every later stage resolves local pointers only.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from postman_kit.errors import InputError

# A YAML document whose aliases expand past this many nodes is refused (alias bombs).
MAX_EXPANDED_NODES = 5_000_000
URL_TIMEOUT_SECONDS = 30
BUNDLE_SECTION = "x-bundled"



class _YamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML with JSON's data model: `2026-07-15` stays a string, as OpenAPI means it."""


_YamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class LoadedDocument:
    """A parsed document and where it came from."""

    data: Any
    source: str  # what the user gave: a path, a URL or "<stdin>"
    base: str | None  # directory path or URL that relative `$ref`s resolve against


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_source(source: str) -> tuple[bytes, str, str | None]:
    """Return (raw bytes, display name, base for relative refs)."""
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>", str(Path.cwd())
    if is_url(source):
        try:
            with urllib.request.urlopen(source, timeout=URL_TIMEOUT_SECONDS) as response:
                return response.read(), source, source
        except urllib.error.HTTPError as exc:
            raise InputError(source, f"cannot fetch URL: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputError(source, f"cannot fetch URL: {reason}") from None
    path = Path(source)
    try:
        return path.read_bytes(), source, str(path.resolve().parent)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot read file: {exc.strerror or exc}") from None


def parse_text(raw: bytes, name: str) -> Any:
    """Parse JSON or YAML bytes; refuse empty input and alias bombs."""
    if not raw.strip():
        raise InputError(name, "file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not UTF-8 text (byte {exc.start})") from None
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if name.endswith(".json"):
                raise InputError(name, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
            # JSON-looking YAML (flow style) falls through to the YAML parser.
    return _parse_yaml(text, name)


def _parse_yaml(text: str, name: str) -> Any:
    loader = _YamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise InputError(name, "file is empty")
        _check_expansion(node, name)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        raise InputError(name, f"invalid YAML: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise InputError(name, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


def _check_expansion(root: yaml.Node, name: str) -> None:
    """Count the nodes a document expands to, sharing work across aliases."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            return known
        sizes[key] = 1  # guards against recursive aliases
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
        if total > MAX_EXPANDED_NODES:
            raise InputError(name, f"YAML aliases expand to more than {MAX_EXPANDED_NODES:,} nodes (alias bomb?)")
        sizes[key] = total
        return total

    stack_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(stack_limit, 20_000))
    try:
        size(root)
    except RecursionError:
        raise InputError(name, "YAML document nests too deeply") from None
    finally:
        sys.setrecursionlimit(stack_limit)


def load_document(source: str) -> LoadedDocument:
    """Read and parse `source`, bundling external `$ref`s."""
    raw, name, base = read_source(source)
    data = parse_text(raw, name)
    document = LoadedDocument(data=data, source=name, base=base)
    if isinstance(data, dict) and _has_external_refs(data):
        _bundle_external_refs(document)
    return document


def _has_external_refs(data: Any) -> bool:
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                return True
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return False


def _join(base: str | None, ref_file: str) -> str:
    if is_url(ref_file) or base is None:
        return ref_file
    if is_url(base):
        return urllib.parse.urljoin(base, ref_file)
    return str((Path(base) / ref_file).resolve())


def _parent(location: str) -> str:
    if is_url(location):
        return location.rsplit("/", 1)[0] + "/"
    return str(Path(location).parent)


def resolve_pointer(document: Any, pointer: str, source: str) -> Any:
    """Resolve a JSON pointer (``/a/b~1c``) inside `document`."""
    node = document
    if pointer in ("", "/"):
        return node
    for raw_part in pointer.lstrip("/").split("/"):
        part = urllib.parse.unquote(raw_part).replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            raise InputError(source, f"$ref target not found: #{pointer}")
    return node


def _bundle_external_refs(document: LoadedDocument) -> None:
    """Inline every external document part under components/x-bundled and point refs at it."""
    root = document.data
    bundled: dict[str, Any] = root.setdefault("components", {}).setdefault(BUNDLE_SECTION, {})
    files: dict[str, Any] = {}
    keys: dict[tuple[str, str], str] = {}

    def load_file(location: str) -> Any:
        if location not in files:
            raw, name, _ = read_source(location)
            files[location] = parse_text(raw, name)
        return files[location]

    def key_for(location: str, pointer: str) -> str:
        ident = (location, pointer)
        if ident not in keys:
            stem = Path(urllib.parse.urlparse(location).path).stem or "doc"
            tail = pointer.rstrip("/").rsplit("/", 1)[-1] if pointer.strip("/") else ""
            base_key = f"{stem}_{tail}" if tail else stem
            candidate, n = base_key, 2
            while candidate in bundled or candidate in keys.values():
                candidate, n = f"{base_key}_{n}", n + 1
            keys[ident] = candidate
            target = resolve_pointer(load_file(location), pointer, location)
            bundled[candidate] = None  # reserve before walking: recursive refs see the key
            bundled[candidate] = rewrite(_deep_copy(target), location)
        return keys[ident]

    def rewrite(node: Any, current: str | None) -> Any:
        """Rewrite refs in `node`, which lives in file `current` (None for the root)."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                file_part, _, pointer = ref.partition("#")
                if file_part:
                    base = _parent(current) if current else document.base
                    location = _join(base, file_part)
                    node = dict(node)
                    node["$ref"] = f"#/components/{BUNDLE_SECTION}/{key_for(location, pointer)}"
                    return node
                if current is not None:
                    node = dict(node)
                    node["$ref"] = f"#/components/{BUNDLE_SECTION}/{key_for(current, pointer)}"
                    return node
            return {k: rewrite(v, current) for k, v in node.items()}
        if isinstance(node, list):
            return [rewrite(v, current) for v in node]
        return node

    for key in list(root.keys()):
        if key != "components":
            root[key] = rewrite(root[key], None)
    components = root["components"]
    for key in list(components.keys()):
        if key != BUNDLE_SECTION:
            components[key] = rewrite(components[key], None)


def _deep_copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _deep_copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_deep_copy(v) for v in node]
    return node
