"""Values on the wire: parameters by OpenAPI `style` and `explode`, bodies by media type and `encoding`.

Pure functions from an example value (what the example builder made: a str, number, bool, list or dict) to the
text a request carries. The rules are the OpenAPI 3.0/3.1 style table (Parameter Object, "Style Examples"):

    style           explode  primitive   array          object
    simple          false    5           3,4,5          role,admin,firstName,Alex
    simple          true     5           3,4,5          role=admin,firstName=Alex
    label           false    .5          .3,4,5         .role,admin,firstName,Alex
    label           true     .5          .3.4.5         .role=admin.firstName=Alex
    matrix          false    ;id=5       ;id=3,4,5      ;id=role,admin,firstName,Alex
    matrix          true     ;id=5       ;id=3;id=4;id=5  ;role=admin;firstName=Alex
    form            false    id=5        id=3,4,5       id=role,admin,firstName,Alex
    form            true     id=5        id=3&id=4&id=5 role=admin&firstName=Alex
    spaceDelimited  false    -           id=3 4 5       id=role admin firstName Alex
    pipeDelimited   false    -           id=3|4|5       id=role|admin|firstName|Alex
    deepObject      true     -           -              id[role]=admin&id[firstName]=Alex

Nesting the table leaves undefined (an object inside deepObject, an array inside it) follows the bracket
convention form-encoded APIs document (Stripe: `metadata[key]=v`, `expand[]=a`, `items[0][price]=p`). Written by
hand because no maintained Python library serializes by OpenAPI style (openapi-core only reads).
"""

from __future__ import annotations

import json
import re
import urllib.parse
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from typing import Any

from postman_kit.json_lines import json_lines_read
from postman_kit.openapi import split_path_key

# Raw bodies of these media types are files (Postman's `file` body mode), whatever their schema says.
FILE_MEDIA_TYPES = frozenset({"application/octet-stream", "application/pdf", "application/zip"})
FILE_MEDIA_PREFIXES = ("image/", "audio/", "video/")
_TEMPLATE = re.compile(r"\{([^{}]+)\}")
_TEMPLATE_OR_LONE_PERCENT = re.compile(r"\{[^{}]+\}|%(?![0-9A-Fa-f]{2})")
DEFAULT_STYLES = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
_DELIMITERS = {"spaceDelimited": " ", "pipeDelimited": "|"}


def style_and_explode(location: str, style: str | None, explode: bool | None) -> tuple[str, bool]:
    """The style in effect and whether it explodes (by default only `form` does)."""
    style = style or DEFAULT_STYLES.get(location, "simple")
    return style, explode if explode is not None else style == "form"


def scalar_text(value: Any) -> str:
    """One value as text: booleans as JSON writes them, nested structures as compact JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _flat(value: dict[str, Any]) -> list[str]:
    """An object as `k1,v1,k2,v2` items (the non-exploded object form)."""
    items: list[str] = []
    for key, item in value.items():
        items += [str(key), scalar_text(item)]
    return items


def path_text(name: str, value: Any, style: str | None = None, explode: bool | None = None) -> str:
    """What replaces `{name}` in a path: `5`, `.5`, `;id=5`, `3,4,5`, …; a value holding `/`, `?`, `#`, `%` or
    white space has them percent-encoded, so it stays one segment (`https%3A%2F%2Fexample.com`), and an item of an
    array or object has the style's own delimiters encoded too, so the server splits it where it was joined
    (`a%2Cb,c`, as RFC 6570 escapes a `,` in `{list}`)."""
    style, explode = style_and_explode("path", style, explode)
    if isinstance(value, (list, dict)):
        value = _escaped_items(value, _ITEM_DELIMITERS.get(style, _ITEM_DELIMITERS["simple"]))
    elif value is not None:
        # a matrix value ends at the next `;` and its name at `=`: inside one, both are escaped (RFC 6570's
        # `{;x}` with `a=1;b=2` is `;x=a%3D1%3Bb%3D2`)
        value = _escaped(
            scalar_text(value), _ITEM_DELIMITERS["matrix"] if style == "matrix" else _SEGMENT_BREAKERS
        )
    if style == "label":
        return _prefixed(".", value, explode, "." if explode else ",")
    if style == "matrix":
        return _matrix(_escaped(name, _SEGMENT_BREAKERS), value, explode)
    return simple_text(value, explode)


# What would end a path segment or the path (or start an escape) if sent as is; `:` stays, as Postman keeps it.
_SEGMENT_BREAKERS = re.compile(r"[/?#%\s]")
# ... and, inside an array's or object's items, what the style joins them with.
_ITEM_DELIMITERS = {
    "simple": re.compile(r"[/?#%\s,=]"),
    # `.` is unreserved: RFC 3986 has an encoded one mean the same, so a server cannot tell it from the delimiter
    "label": re.compile(r"[/?#%\s,=]"),
    "matrix": re.compile(r"[/?#%\s,=;]"),
}


def _escaped(text: str, characters: re.Pattern[str]) -> str:
    return characters.sub(lambda m: "".join(f"%{byte:02X}" for byte in m.group(0).encode()), text)


def _escaped_items(
    value: list[Any] | dict[str, Any], characters: re.Pattern[str]
) -> list[str] | dict[str, str]:
    if isinstance(value, list):
        return [_escaped(scalar_text(item), characters) for item in value]
    return {
        _escaped(str(key), characters): _escaped(scalar_text(item), characters) for key, item in value.items()
    }


def simple_text(value: Any, explode: bool = False) -> str:
    """`simple` style: a path segment or a header value."""
    if isinstance(value, list):
        return ",".join(scalar_text(v) for v in value)
    if isinstance(value, dict):
        if explode:
            return ",".join(f"{k}={scalar_text(v)}" for k, v in value.items())
        return ",".join(_flat(value))
    return scalar_text(value)


def _prefixed(prefix: str, value: Any, explode: bool, separator: str) -> str:
    if isinstance(value, list):
        return prefix + separator.join(scalar_text(v) for v in value)
    if isinstance(value, dict):
        if explode:
            return prefix + separator.join(f"{k}={scalar_text(v)}" for k, v in value.items())
        return prefix + ",".join(_flat(value))
    return prefix + scalar_text(value)


def _matrix(name: str, value: Any, explode: bool) -> str:
    if isinstance(value, list):
        if explode:
            return "".join(f";{name}={scalar_text(v)}" for v in value)
        return f";{name}=" + ",".join(scalar_text(v) for v in value)
    if isinstance(value, dict):
        if explode:
            return "".join(f";{k}={scalar_text(v)}" for k, v in value.items())
        return f";{name}=" + ",".join(_flat(value))
    return f";{name}={scalar_text(value)}"


def query_pairs(
    name: str, value: Any, style: str | None = None, explode: bool | None = None
) -> list[tuple[str, str]]:
    """A query (or cookie, or form field) parameter as key/value pairs, by style."""
    style, explode = style_and_explode("query", style, explode)
    if style == "deepObject":
        return bracket_pairs(name, value)
    if isinstance(value, list):
        if explode:
            return [(name, scalar_text(v)) for v in value]
        return [(name, _DELIMITERS.get(style, ",").join(scalar_text(v) for v in value))]
    if isinstance(value, dict):
        if explode and style == "form":
            return [(str(k), scalar_text(v)) for k, v in value.items()]
        return [(name, _DELIMITERS.get(style, ",").join(_flat(value)))]
    return [(name, scalar_text(value))]


_QUERY_UNSAFE = re.compile(r"\{\{[^{}]*\}\}|%(?![0-9A-Fa-f]{2})|\+")


def query_value(text: str) -> str:
    """A query value as Postman must hold it for the server to read `text`: a `+` and a lone `%` percent-encoded,
    which Postman sends as typed (postman-url-encoder encodes neither) and a server reads as a space and a broken
    escape (`c++ 100%` → `c%2B%2B 100%25`; `+00:00` in a date-time). An escape the spec's example already holds
    (Spotify's `remaster%20track:Doxy`) is the authors' encoding and stays; so does a `{{variable}}`."""
    return _QUERY_UNSAFE.sub(lambda m: m.group(0) if len(m.group(0)) > 1 else f"%{ord(m.group(0)):02X}", text)


def bracket_pairs(name: str, value: Any) -> list[tuple[str, str]]:
    """deepObject and its nesting: `a[b]=1`, `a[b][c]=2`, `a[]=x` for scalars in a list, `a[0][b]=y` for
    objects in a list (indexes keep each object's fields together)."""
    if isinstance(value, dict):
        pairs: list[tuple[str, str]] = []
        for key, item in value.items():
            pairs += bracket_pairs(f"{name}[{key}]", item)
        return pairs
    if isinstance(value, list):
        pairs = []
        for index, item in enumerate(value):
            nested = isinstance(item, (dict, list))
            pairs += bracket_pairs(f"{name}[{index}]" if nested else f"{name}[]", item)
        return pairs
    return [(name, scalar_text(value))]


def header_text(value: Any, explode: bool | None = None) -> str:
    """A header parameter's value (`simple` is the only header style), as HTTP can carry it (see sendable)."""
    return sendable(simple_text(value, bool(explode)))


# What no HTTP header value holds: line breaks and other controls but the tab (RFC 9110 §5.5), and characters
# past Latin-1, which Node's http refuses ("Invalid character in header content": newman sent no such request)
_UNSENDABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+|[^\x00-\xff]+")


def sendable(text: str) -> str:
    """A header value as HTTP carries it: a run of controls (`line1\nline2`) one space, a character past
    Latin-1 (`東京`, an emoji in a default) percent-encoded as UTF-8, as a URL would carry it."""
    if not _UNSENDABLE.search(text):
        return text
    return _UNSENDABLE.sub(
        lambda m: " " if m.group()[0] <= "\x7f" else urllib.parse.quote(m.group(), safe=""), text
    )


def cookie_text(pairs: list[tuple[str, str]]) -> str:
    """Cookie pairs as one `Cookie` header value."""
    return sendable("; ".join(f"{key}={value}" for key, value in pairs))


# A member of each media type range a request body may be declared as: what a client of it would send.
RANGE_MEMBERS = {
    "image": "image/png",
    "audio": "audio/mpeg",
    "video": "video/mp4",
    "font": "font/woff2",
    "model": "model/gltf-binary",
    "text": "text/plain",
}


def part_media_type(declared: Any) -> str | None:
    """The one media type a multipart part goes out as, of an Encoding Object's `contentType`: the first of a
    list (the OpenAPI Specification's own `image/png, image/jpeg`), a member of a range (`image/*`); newman sent
    the list as the part's type."""
    if not isinstance(declared, str) or not declared.strip():
        return None
    first = declared.split(",")[0].strip()
    kind = first.split(";")[0].strip()
    if "*" not in kind:
        return first
    return RANGE_MEMBERS.get(kind.split("/")[0].lower(), "application/octet-stream")


def form_pairs(value: Any, encoding: dict[str, Any] | None = None) -> list[tuple[str, str]]:
    """An `application/x-www-form-urlencoded` body as fields: each property by its `encoding` entry's style and
    explode (default `form`, exploded), or as its content type's text when the entry gives only `contentType`."""
    if not isinstance(value, dict):
        return []
    encoding = encoding or {}
    pairs: list[tuple[str, str]] = []
    for key, item in value.items():
        entry = found if isinstance(found := encoding.get(key), dict) else {}
        if entry.get("contentType") and "style" not in entry and "explode" not in entry:
            pairs.append((str(key), scalar_text(item)))
            continue
        if isinstance(item, list) and any(part == {} for part in item):
            # an empty object has no form encoding (Salesloft's free-form `custom_fields` went out as the text
            # `{}`, which no server reads as an object): such items are not sent
            item = [part for part in item if part != {}]
            if not item:
                continue
        pairs += query_pairs(str(key), item, entry.get("style"), entry.get("explode"))
    return pairs


def is_binary(schema: Any) -> bool:
    """A schema for file content: `format: binary` (3.0), `contentEncoding: binary` (raw octets, as JSON
    Schema names them), or a `contentMediaType` without a text `contentEncoding` such as base64 (3.1)."""
    if not isinstance(schema, dict):
        return False
    # `contentEncoding: binary`: Discord's sticker file
    if schema.get("format") == "binary" or schema.get("contentEncoding") == "binary":
        return True
    return "contentMediaType" in schema and "contentEncoding" not in schema


def is_file_media_type(kind: str) -> bool:
    return kind in FILE_MEDIA_TYPES or kind.startswith(FILE_MEDIA_PREFIXES)


def json_lines(value: Any) -> str:
    """A body in newline-delimited JSON: each entry of a list (an object alone) as compact JSON on its own line,
    each line ended, as `_bulk` requires of the last; text the spec gives is sent as it is when it is JSON lines."""
    if isinstance(value, str):
        try:
            json_lines_read(value)
        except ValueError:
            return "{}\n"  # a string schema's made-up text (Manticore's): no document; an empty one is
        return value if value.endswith("\n") or not value else value + "\n"
    entries = value if isinstance(value, list) else [value]
    return "".join(json.dumps(entry, separators=(",", ":"), ensure_ascii=False) + "\n" for entry in entries)


def content_text(value: Any, media_type: str) -> str:
    """A parameter given by `content`: its value in that media type (JSON written compactly)."""
    kind = media_type.split(";")[0].strip().lower()
    if kind.endswith("json") or "+json" in kind:
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return scalar_text(value)


def template_names(path: str) -> list[str]:
    """The `{name}`s of a path template, in order."""
    return _TEMPLATE.findall(path)


def postman_path(path: str, values: dict[str, str]) -> tuple[list[str], list[str]]:
    """The path's segments in Postman's form, and the names of the path variables they use.

    Postman reads a path variable from a segment that starts with `:` up to the first `.` (`:Sid.json` is the
    variable `Sid` then `.json`), so a parameter that starts a segment, whole or followed by a `.suffix`, becomes
    `:name`. A parameter elsewhere in a segment (`v{version}`, `{a}-{b}`, `{name}:cancel`) cannot be a Postman
    variable and is written as its value."""
    segments = path.split("/")[1:] if path.startswith("/") else path.split("/")
    out: list[str] = []
    names: list[str] = []
    for segment in segments:
        # a `%` the path key holds as text (`/files/100%/{id}`) is sent as `%25`; an escape (`a%2Fb`) stays one
        segment = _TEMPLATE_OR_LONE_PERCENT.sub(lambda m: "%25" if m.group(0) == "%" else m.group(0), segment)
        match = _TEMPLATE.match(segment)
        rest = segment[match.end() :] if match else ""
        if (
            match
            and "." not in match.group(1)
            and ":" not in match.group(1)
            and (rest == "" or (rest.startswith(".") and "{" not in rest))
        ):
            name = match.group(1)
            out.append(f":{name}{rest}")
            if name not in names:
                names.append(name)
            continue
        out.append(_TEMPLATE.sub(lambda m: values.get(m.group(1), ""), segment))
    return out, names


def multipart_fields(
    value: Any,
    properties: dict[str, Any],
    encoding: dict[str, Any] | None = None,
    resolve: Callable[[Any], Any] = lambda node: node,
) -> list[dict[str, Any]]:
    """A `multipart/form-data` body as Postman formdata entries: a binary property (or an array of binary
    items) is a `file` entry; an array of other values is one part per item; objects are JSON text sent as
    `application/json`, the default content type of an object part (Onfido's `location`); an `encoding`
    entry's `contentType` is kept on the entry."""
    value = value if isinstance(value, dict) else {}
    encoding = encoding or {}
    names = list(value)
    names += [
        name for name, prop in properties.items() if name not in value and _file_property(prop, resolve)
    ]
    fields: list[dict[str, Any]] = []
    for name in names:
        prop = found if isinstance(found := properties.get(name), dict) else {}
        entry = found if isinstance(found := encoding.get(name), dict) else {}
        content_type = part_media_type(entry.get("contentType"))
        extra = {"contentType": content_type} if content_type else {}
        if _file_property(prop, resolve):
            fields.append({"key": str(name), "type": "file", **extra})
            continue
        item = value.get(name)
        items = item if isinstance(item, list) and _may_be_array(prop, resolve) else [item]
        for part in items:
            text = content_text(part, content_type) if content_type else scalar_text(part)
            typed = extra or ({"contentType": "application/json"} if isinstance(part, dict) else {})
            fields.append({"key": str(name), "value": text, "type": "text", **typed})
    return fields


def _file_property(prop: Any, resolve: Callable[[Any], Any], depth: int = 0) -> bool:
    """A binary property, an array of binary items, or one whose `oneOf`/`anyOf` offers a file (Together's
    `file: oneOf: [binary, uri]`): a file part, the user's file chosen in Postman. Branches are looked into a
    few levels deep, so one that refers back to itself ends."""
    if not isinstance(prop, dict):
        return False
    if prop.get("type") == "array":
        return is_binary(resolve(prop.get("items")))
    if is_binary(prop):
        return True
    return depth < 4 and any(
        _file_property(branch, resolve, depth + 1) for branch in _branches(prop, resolve)
    )


def _may_be_array(prop: dict[str, Any], resolve: Callable[[Any], Any]) -> bool:
    """The property is an array, or a `oneOf`/`anyOf` with an array branch (`either: oneOf: [string, array]`):
    a list value is then one part per item."""
    if prop.get("type") == "array":
        return True
    return any(isinstance(b, dict) and b.get("type") == "array" for b in _branches(prop, resolve))


def _branches(prop: dict[str, Any], resolve: Callable[[Any], Any]) -> list[Any]:
    """A property's `oneOf` and `anyOf` branches, resolved."""
    found: list[Any] = []
    for key in ("oneOf", "anyOf"):
        branches = prop.get(key)
        if isinstance(branches, list):
            found += [resolve(branch) for branch in branches]
    return found


__all__ = [
    "bracket_pairs",
    "content_text",
    "cookie_text",
    "form_pairs",
    "header_text",
    "is_binary",
    "is_file_media_type",
    "multipart_fields",
    "path_text",
    "postman_path",
    "query_pairs",
    "scalar_text",
    "simple_text",
    "split_path_key",
    "style_and_explode",
]


def xml_text(
    value: Any,
    schema: Any,
    resolve: Callable[[Any], Any],
    properties: Callable[[Any], dict[str, Any]],
    root: str,
) -> str:
    """A body's example as the XML document the schema's `xml` objects describe (OpenAPI's XML Object): the root
    element named by `xml.name`, else `root` (the schema's component name); a property an element of its name,
    or an attribute where `xml.attribute`; an array's items repeated under the item name, inside a wrapper
    element where `xml.wrapped`; `xml.prefix` and `xml.namespace` as written."""
    resolved = resolve(schema) if isinstance(schema, dict) else {}
    element = ElementTree.Element(_xml_name(resolved, root))
    _xml_namespace(element, resolved)
    _xml_fill(element, value, resolved, resolve, properties)
    ElementTree.indent(element)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(element, encoding="unicode")


def _xml_of(schema: Any) -> dict[str, Any]:
    found = schema.get("xml") if isinstance(schema, dict) else None
    return found if isinstance(found, dict) else {}


def _xml_name(schema: Any, default: str) -> str:
    xml = _xml_of(schema)
    name = _xml_safe_name(str(xml.get("name") or default))
    prefix = _xml_safe_name(str(xml.get("prefix") or ""))
    # a prefix is written only with its namespace: a prefix no namespace declares makes the document unreadable
    return f"{prefix}:{name}" if xml.get("prefix") and xml.get("namespace") else name


# What an XML 1.0 name may not hold (a simplification of its productions: letters, digits, `_`, `-`, `.`, and any
# non-ASCII letter), and the characters an XML 1.0 document may not hold at all.
# The second class is `[^A-Za-z_\u00c0-\uffff]` spelled as the characters it leaves: the same characters, compiled
# in 0.25 ms instead of 2.9 (a tenth of `generate`'s compiling at import; benchmarks/bench_generate.py, real-world).
_XML_NAME_UNSAFE = re.compile(r"[^\w.\-]|^[\x00-@\[-^`{-\xbf\U00010000-\U0010ffff]")
_XML_UNSAFE_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe_name(name: str) -> str:
    """A property name as an XML name: what no name may hold becomes `_` (`first name` → `first_name`, `1a` →
    `_1a`), so the document stays well-formed."""
    if not name:
        return "_"
    if _XML_NAME_UNSAFE.search(name) is None:
        return name
    name = re.sub(r"[^\w.\-]", "_", name)
    return name if re.match(r"[A-Za-z_\u00c0-\uffff]", name) else "_" + name


def _xml_namespace(element: ElementTree.Element, schema: Any) -> None:
    xml = _xml_of(schema)
    if xml.get("namespace"):
        element.set(f"xmlns:{xml['prefix']}" if xml.get("prefix") else "xmlns", str(xml["namespace"]))


def _xml_fill(
    element: ElementTree.Element,
    value: Any,
    schema: Any,
    resolve: Callable[[Any], Any],
    properties: Callable[[Any], dict[str, Any]],
) -> None:
    if isinstance(value, dict):
        described = properties(schema)
        for key, item in value.items():
            prop = resolve(described.get(key)) if isinstance(described.get(key), dict) else {}
            name = _xml_name(prop, str(key))
            if _xml_of(prop).get("attribute") and not isinstance(item, dict | list):
                # `xsi:type="…"` keeps its prefix, its namespace declared on the element (`_xml_name` gives a
                # prefix only with a namespace)
                element.set(name, _xml_scalar(item))
                if ":" in name:
                    _xml_namespace(element, prop)
            elif isinstance(item, list):
                _xml_list(element, item, prop, str(key), resolve, properties)
            else:
                child = ElementTree.SubElement(element, name)
                _xml_namespace(child, prop)
                _xml_fill(child, item, prop, resolve, properties)
    elif isinstance(value, list):
        _xml_list(
            element,
            value,
            {**schema, "xml": {}} if isinstance(schema, dict) else {},
            "item",
            resolve,
            properties,
        )
    else:
        element.text = _xml_scalar(value)


def _xml_list(
    parent: ElementTree.Element,
    items: list[Any],
    schema: Any,
    name: str,
    resolve: Callable[[Any], Any],
    properties: Callable[[Any], dict[str, Any]],
) -> None:
    if _xml_of(schema).get("wrapped"):
        parent = ElementTree.SubElement(parent, _xml_name(schema, name))
    item_schema = (
        resolve(schema.get("items"))
        if isinstance(schema, dict) and isinstance(schema.get("items"), dict)
        else {}
    )
    for item in items:
        child = ElementTree.SubElement(parent, _xml_name(item_schema, name))
        _xml_fill(child, item, item_schema, resolve, properties)


def _xml_scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _XML_UNSAFE_TEXT.sub("", str(value))  # characters no XML 1.0 document may hold
