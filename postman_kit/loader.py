"""Read an OpenAPI document (JSON or YAML) from a path, `-` (stdin) or an http(s) URL.

External `$ref`s (to relative files or URLs) are bundled into the root document under
``components/x-bundled`` so every later stage resolves local pointers only.
"""

from __future__ import annotations

import functools
import json
import re
import sys
import urllib.parse
from pathlib import Path
from typing import Any

import orjson

from postman_kit.errors import InputError
from postman_kit.valueclass import value_class

# A YAML document whose aliases expand past this many nodes is refused (alias bombs).
MAX_EXPANDED_NODES = 5_000_000
URL_TIMEOUT_SECONDS = 30
BUNDLE_SECTION = "x-bundled"
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_SPACE = re.compile(rb"\s*")
# orjson reads integers beyond 64 bits as floats; a document with a float that large is parsed again exactly.
_INT64_LIMIT = 2.0**63
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@functools.cache
def _yaml_loader_class() -> type:
    """Safe YAML with JSON's data model: `2026-07-15` stays a string, as OpenAPI means it.

    Built on first use: JSON specs, the common case, never pay for importing PyYAML.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("_YamlLoader", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return loader


@value_class
class LoadedDocument:
    """A parsed document and where it came from."""

    data: Any
    source: str  # what the user gave: a path, a URL or "<stdin>"
    base: str | None  # directory path or URL that relative `$ref`s resolve against
    refs: frozenset[str] | None = None  # every `$ref` string in `data`, when the loader collected them


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_source(source: str) -> tuple[bytes, str, str | None]:
    """Return (raw bytes, display name, base for relative refs)."""
    if source == "-":
        return sys.stdin.buffer.read(), "<stdin>", str(Path.cwd())
    if is_url(source):
        import urllib.error
        import urllib.request

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
    data, fast = _parse(raw, name)
    if fast and _scan(data).lossy:
        data, _ = _parse(raw, name, exact=True)
    return data


def _parse(raw: bytes, name: str, exact: bool = False) -> tuple[Any, bool]:
    """(data, whether orjson parsed it); orjson is 3× faster than `json` on large specs."""
    body = raw.removeprefix(_UTF8_BOM)
    start = _LEADING_SPACE.match(body).end()  # type: ignore[union-attr]
    if start == len(body):
        raise InputError(name, "file is empty")
    looks_json = body[start:start + 1] in (b"{", b"[")
    if looks_json and not exact:
        try:
            return orjson.loads(body), True
        except orjson.JSONDecodeError:
            pass  # the standard parser decides, and words the error (NaN, invalid UTF-8, YAML flow style)
    return _parse_text(_decode(body, raw, name), name, looks_json), False


def _parse_text(text: str, name: str, looks_json: bool) -> Any:
    if looks_json:
        try:
            data = json.loads(text)
        except RecursionError:
            raise InputError(name, "JSON document nests too deeply") from None
        except json.JSONDecodeError as exc:
            if name.endswith(".json"):
                raise InputError(name, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
            # JSON-looking YAML (flow style) falls through to the YAML parser.
        except ValueError:  # an integer past Python's limit on digits (sys.get_int_max_str_digits)
            limit = sys.get_int_max_str_digits()
            raise InputError(name, f"invalid JSON: a number has more than {limit:,} digits") from None
        else:
            if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
                raise InputError(name, "invalid JSON: a string holds a lone UTF-16 surrogate (\\ud800-\\udfff)")
            return data
    return _parse_yaml(text, name)


def _has_lone_surrogate(data: Any) -> bool:
    """Whether a key or string holds half a surrogate pair: JSON's `\\ud800` escape allows it, UTF-8 cannot
    write it, so it would fail later when printed or written."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str) and _SURROGATE.search(node):
            return True
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")


def _decode(body: bytes, raw: bytes, name: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + len(raw) - len(body)
        raise InputError(name, f"not UTF-8 text (byte {offset})") from None


def _parse_yaml(text: str, name: str) -> Any:
    import yaml

    loader = _yaml_loader_class()(text)
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


def _check_expansion(root: Any, name: str) -> None:
    """Count the nodes a document expands to, sharing work across aliases."""
    import yaml

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
    data, fast = _parse(raw, name)
    scan = _scan(data)
    if fast and scan.lossy:
        data, _ = _parse(raw, name, exact=True)
        scan = _scan(data)
    document = LoadedDocument(data=data, source=name, base=base)
    if isinstance(data, dict):
        if any(not ref.startswith("#") for ref in scan.refs):
            _bundle_external_refs(document)
            scan = _scan(data)
        document.refs = scan.refs
    return document


def collect_refs(data: Any) -> frozenset[str]:
    """Every `$ref` string in a parsed document."""
    return _scan(data).refs


@value_class(frozen=True)
class _Scan:
    """What one walk over a parsed document found."""

    refs: frozenset[str]
    lossy: bool  # holds a float beyond 64-bit integers: orjson may have rounded an integer


def _scan(data: Any) -> _Scan:
    """One walk over a parsed document: its `$ref` strings, and whether orjson may have rounded a number."""
    refs: set[str] = set()
    add = refs.add
    lossy = False

    # Recursion is several times faster than an explicit stack here; documents too deep for it take the stack.
    def visit_dict(node: dict[str, Any]) -> None:
        ref = node.get("$ref")
        if type(ref) is str:
            add(ref)
        visit_list(node.values())

    def visit_list(node: Any) -> None:
        nonlocal lossy
        for value in node:
            kind = type(value)
            if kind is dict:
                visit_dict(value)
            elif kind is list:
                visit_list(value)
            elif kind is float and not -_INT64_LIMIT <= value < _INT64_LIMIT:
                lossy = True

    try:
        visit_list([data])
    except RecursionError:
        refs.clear()
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    add(ref)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, float) and not -_INT64_LIMIT <= node < _INT64_LIMIT:
                lossy = True
    return _Scan(frozenset(refs), lossy)


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
        part = raw_part
        if "%" in part or "~" in part:
            part = urllib.parse.unquote(part).replace("~1", "/").replace("~0", "~")
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
