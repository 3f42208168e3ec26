"""A v2.1 collection written as Postman v12's git layout (collection format 3.0.0), as Postman migrates it.

`DIR/postman/collections/<collection>/` holds `.resources/definition.yaml` (`$kind: collection`) for the
collection and for every folder (a directory), one `<request>.request.yaml` per request, and each request's
examples under `.resources/<request>.resources/examples/<example>.example.yaml`. The content, file names and
YAML text are what `postman collection migrate` (Postman CLI 1.34.0) makes of the same v2.1 collection, ids
aside: ids the v2.1 collection carries are kept, and the ids Postman draws at random (auth entries) are
derived from the collection's id here, so the same input gives the same bytes.

Where Postman's migration would write outside its directory (a folder named `..`) or over the collection's
own `.resources`, the name gets the fallback Postman gives an empty name instead.

Environments and globals go beside the collections, in `DIR/postman/environments/`, as the YAML files Postman's
CLI reads there (`postman workspace push`, `postman collection run -e`): the v2.1 environment's own fields
(`name`, `values` with `key`, `value`, `type`, `enabled`), one `<name>.environment.yaml` per environment and
`<name>.globals.yaml` for globals.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import stat
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import orjson

from postman_kit.collection import graphql_variables_text
from postman_kit.errors import InputError
from postman_kit.postman_yaml import dump
from postman_kit.secrets import redact, redact_bytes
from postman_kit.terminal import printable
from postman_kit.writer import _write_all, output_mode

# what no file system takes, and the controls that reorder how a name is shown (a right-to-left override makes
# `exe.txt` of `txt.exe` in a listing)
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]+')
# names Windows keeps for devices, whatever follows a dot (`nul.txt` is the device too), blanks before it dropped
# (`con .json`), the console's own (`CONIN$`, `CONOUT$`) among them
_DEVICE_NAMES = re.compile(
    r"^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$) *(?:\.|$)", re.IGNORECASE
)
_FALLBACK_NAMES = {
    "folder": "collection",
    "request": "http-request",
    "example": "example",
    "environment": "environment",
}
_RESERVED_SEGMENTS = {".", "..", ".resources"}
# A name's share of a file name, in UTF-8 bytes: what is left of the 255 most file systems allow once the kind's
# suffix (`.request.yaml`), a counter (` 12`) and the writer's temporary-name wrapping are added.
MAX_NAME_BYTES = 200


def write_v3_collection(
    collection: dict[str, Any],
    out_dir: Path,
    *,
    environments: Iterable[dict[str, Any]] = (),
    protect: set[Path] | None = None,
) -> list[Path]:
    """Write `collection` (v2.1, as JSON-ready data) under `out_dir/postman/collections/<name>/` and each of
    `environments` (environment or globals files, v2.1 JSON-ready) under `out_dir/postman/environments/`; all
    files or none. Returns the files written, in a fixed order.

    The collection's directory may hold only files this collection has: a file left from another collection
    of the same name would be read back as part of this one, so it is refused rather than kept or deleted."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(str(out_dir), "is not a directory; give a directory for the output files")
    # Keys are truncated in the data, before YAML folds a long line where a key stands (`…pk\⏎ _0123…`, which a
    # search of the written text no longer finds and any YAML reader joins again); the text is searched after.
    collection = orjson.loads(redact_bytes(orjson.dumps(collection)))
    environments = [orjson.loads(redact_bytes(orjson.dumps(environment))) for environment in environments]
    root = out_dir / "postman" / "collections" / collection_directory_name(collection)
    files = {root / relative: text.encode() for relative, text in v3_collection_files(collection).items()}
    for environment in environments:
        files[out_dir / "postman" / "environments" / environment_file_name(environment)] = dump(
            environment
        ).encode()
    refuse_links_on_the_way(out_dir, files)
    with _writing_into(out_dir):  # a second run into the same directory waits, then finds this one's files
        refuse_stale_files(root, files)
        _write_all({path: redact_bytes(data) for path, data in files.items()}, protect)
    return list(files)


@contextlib.contextmanager
def _writing_into(out_dir: Path) -> Iterator[None]:
    """Hold `out_dir` (or, while it does not exist, the nearest directory above it) for one writer at a time: two
    runs writing a collection of the same name at once both found its directory free of stale files, and left
    both request sets mixed in it."""
    held = out_dir
    while not held.is_dir() and held.parent != held:
        held = held.parent
    descriptor = os.open(held, os.O_RDONLY | os.O_CLOEXEC)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # releases the lock


def environment_file_name(variables: dict[str, Any]) -> str:
    """`<name>.environment.yaml`, or `<name>.globals.yaml` for globals: the name made safe as Postman makes a
    collection's."""
    suffix = "globals" if variables.get("_postman_variable_scope") == "globals" else "environment"
    return f"{_safe_name(str(variables.get('name') or ''), 'environment')}.{suffix}.yaml"


def refuse_stale_files(root: Path, files: Iterable[Path]) -> None:
    """Refuse to write a collection into a directory holding files it would not write (a request removed
    since, another collection of the same name): they would be read back as part of it."""
    if not root.is_dir() or root.is_symlink():
        return
    writing = set(files)
    stale = sorted(
        Path(directory) / name
        for directory, _, names in os.walk(root)
        for name in names
        if Path(directory) / name not in writing
    )
    if stale:
        example = stale[0].relative_to(root).as_posix()
        raise InputError(
            str(root),
            f"holds {len(stale)} file(s) this collection does not have (e.g. '{printable(example)}');"
            " remove the directory first or choose another output directory",
        )


def collection_directory_name(collection: dict[str, Any]) -> str:
    """The collection's directory: its name made safe for a file name, as Postman names it."""
    return _safe_name(str(_info(collection).get("name") or ""), "folder")


def v3_collection_files(collection: dict[str, Any]) -> dict[PurePosixPath, str]:
    """Every file of the v3 layout, by its path inside the collection's directory, with its YAML text."""
    files: dict[PurePosixPath, str] = {}
    ids = _IdMaker(str(_info(collection).get("_postman_id") or _info(collection).get("name") or ""))
    files[PurePosixPath(".resources/definition.yaml")] = dump(_collection_definition(collection, ids))
    _add_items(files, PurePosixPath(), _items(collection), ids)
    return files


def refuse_links_on_the_way(out_dir: Path, files: Iterable[Path]) -> None:
    """Refuse a directory between `out_dir` and a file that is a symbolic link or not a directory: writing
    through it would land outside `out_dir`, or fail half-way."""
    checked: set[Path] = set()
    for path in files:
        for directory in reversed(path.parents):
            if directory in checked or not _is_inside(directory, out_dir) or directory == out_dir:
                continue
            checked.add(directory)
            mode = output_mode(directory)
            if mode is None:
                continue
            if stat.S_ISLNK(mode):
                raise InputError(str(directory), "is a symbolic link; refusing to write through it")
            if not stat.S_ISDIR(mode):
                raise InputError(str(directory), "is not a directory; give a directory for the output files")


def _is_inside(path: Path, parent: Path) -> bool:
    return path == parent or parent in path.parents


class _IdMaker:
    """Ids for the entries v2.1 gives none (auth): derived from the collection's id and the entry's place."""

    def __init__(self, seed: str) -> None:
        self.namespace = uuid.uuid5(uuid.NAMESPACE_URL, "postman-kit:v3:" + seed)

    def make(self, place: str) -> str:
        return str(uuid.uuid5(self.namespace, place))


# --- names ------------------------------------------------------------------------------------------------


def _safe_name(name: str, kind: str) -> str:
    """A name as a file name: characters no file system takes become `-` (a run becomes one), surrounding
    blanks go, and an empty or reserved result takes the kind's fallback name."""
    # a key in a name (a tag, a summary, a folder the user named) is no more written in full in a path than in
    # the files: truncated first (`pk_…ef01`)
    safe = _UNSAFE_CHARACTERS.sub("-", redact(name)).strip()
    safe = safe.encode()[:MAX_NAME_BYTES].decode(errors="ignore").strip()  # cut on a character's boundary
    # Postman reads no entry whose name starts with a dot (`..-..-x` of `../../x` was lost on reading it back);
    # Windows drops a trailing dot or blank
    safe = safe.lstrip(". ").rstrip(". ")
    if not safe or safe.lower() in _RESERVED_SEGMENTS:
        return _FALLBACK_NAMES[kind]
    if _DEVICE_NAMES.match(safe):
        return "_" + safe
    return safe


class _Names:
    """File names in one directory: a name whose entry is taken gets ` 1`, ` 2`, … until free. Names are compared
    as macOS and Windows compare them, without case and (macOS) without Unicode normalisation: `Café` written
    with a composed `é` and with `e` and a combining accent are one entry there, and the second overwrote the first. Folders and requests share one directory, so a folder `a.request.yaml` and a request `a`
    cannot land on the same entry."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        # the counter each name's next claim starts from: counting up from 1 again for every one of 12,000
        # requests sharing a name took 25 s (the names are the same either way)
        self.counters: dict[str, int] = {}

    def claim(self, name: str, kind: str, suffix: str = "") -> str:
        base = _safe_name(name, kind)
        key = _entry_key(base + "\0" + suffix)
        candidate = base
        counter = self.counters.get(key, 1)
        if counter > 1:
            candidate = f"{base} {counter - 1}"
        while _entry_key(candidate + suffix) in self.taken:
            candidate = f"{base} {counter}"
            counter += 1
        self.counters[key] = counter
        self.taken.add(_entry_key(candidate + suffix))
        return candidate


def _entry_key(name: str) -> str:
    """What a case-insensitive, normalisation-insensitive file system compares of `name`."""
    return unicodedata.normalize("NFD", name).lower()


def _name_entry(name: Any, file_name: str) -> dict[str, Any]:
    """`name` is written only when the file name does not already say it."""
    text = "" if name is None else str(name)
    return {} if text.strip() == file_name else {"name": text}


# --- the tree ---------------------------------------------------------------------------------------------


def _add_items(
    files: dict[PurePosixPath, str], directory: PurePosixPath, items: list[Any], ids: _IdMaker
) -> None:
    names = _Names()
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            continue
        order = position * 1000
        if isinstance(item.get("item"), list):
            folder = names.claim(str(item.get("name") or ""), "folder")
            folder_dir = directory / folder
            definition = _folder_definition(item, folder, order, ids, str(folder_dir))
            files[folder_dir / ".resources" / "definition.yaml"] = dump(definition)
            _add_items(files, folder_dir, item["item"], ids)
        else:
            request = names.claim(str(item.get("name") or ""), "request", ".request.yaml")
            examples_dir = PurePosixPath(".resources") / f"{request}.resources" / "examples"
            responses = [r for r in item.get("response") or [] if isinstance(r, dict)]
            files[directory / f"{request}.request.yaml"] = dump(
                _request_file(item, request, order, str(examples_dir) if responses else None)
            )
            example_names = _Names()
            body = item.get("request", {}).get("body") if isinstance(item.get("request"), dict) else None
            graphql = isinstance(body, dict) and body.get("mode") == "graphql"
            for number, response in enumerate(responses, start=1):
                example = example_names.claim(str(response.get("name") or ""), "example", ".example.yaml")
                files[directory / examples_dir / f"{example}.example.yaml"] = dump(
                    _example_file(response, example, number * 1000, graphql=graphql)
                )


def _collection_definition(collection: dict[str, Any], ids: _IdMaker) -> dict[str, Any]:
    info = _info(collection)
    out: dict[str, Any] = {"$kind": "collection"}
    if info.get("_postman_id") is not None:
        out["id"] = str(info["_postman_id"])
    out["name"] = "" if info.get("name") is None else str(info["name"])
    out.update(_description(info.get("description")))
    out.update(_variables(collection.get("variable")))
    out.update(_scripts(collection.get("event"), "http:"))
    out.update(_shared_auth(collection.get("auth"), ids, "collection"))
    out.update(_settings(collection.get("protocolProfileBehavior")))
    return out


def _folder_definition(
    folder: dict[str, Any], file_name: str, order: int, ids: _IdMaker, place: str
) -> dict[str, Any]:
    out: dict[str, Any] = {"$kind": "collection"}
    out.update(_id(folder))
    out.update(_name_entry(folder.get("name"), file_name))
    out.update(_description(folder.get("description")))
    out.update(_variables(folder.get("variable")))
    out.update(_scripts(folder.get("event"), "http:"))
    out.update(_shared_auth(folder.get("auth"), ids, place))
    out.update(_settings(folder.get("protocolProfileBehavior")))
    out["order"] = order
    return out


def _request_file(item: dict[str, Any], file_name: str, order: int, examples: str | None) -> dict[str, Any]:
    request = item.get("request")
    request = {"url": request} if isinstance(request, str) else request if isinstance(request, dict) else {}
    body = request.get("body")
    graphql = isinstance(body, dict) and body.get("mode") == "graphql"
    out: dict[str, Any] = {"$kind": "graphql-request" if graphql else "http-request"}
    out.update(_id(item))
    out.update(_name_entry(item.get("name"), file_name))
    # a v2.1 item may hold a description of its own beside its request's (upgrade's "Needs review" note): the
    # file has one, the item's first
    words = [
        _description(part).get("description")
        for part in (item.get("description"), request.get("description"))
    ]
    out.update(_description("\n\n".join(word for word in words if word)))
    out.update(_graphql_request(request) if graphql else _http_request(request))
    out.update(_request_auth(request.get("auth")))  # before the scripts, as Postman's migration orders them
    out.update(_scripts(item.get("event"), "", graphql=graphql))
    out.update(_settings(item.get("protocolProfileBehavior")))
    # the user's own `x-` keys, which the reader keeps (`x-my-field`), as they wrote them; the kit's mark is the
    # description's in v3, and disabled scripts are _scripts'
    out.update(
        (key, value)
        for key, value in item.items()
        if isinstance(key, str)
        and key.startswith("x-")
        and key not in ("x-postman-kit", DISABLED_SCRIPTS)
        and key not in out
    )
    if examples is not None:
        out["examples"] = f"./{examples}"
    out["order"] = order
    return out


def _example_file(
    response: dict[str, Any], file_name: str, order: int, *, graphql: bool = False
) -> dict[str, Any]:
    original = response.get("originalRequest")
    original = (
        {"url": original} if isinstance(original, str) else original if isinstance(original, dict) else {}
    )
    if graphql:
        return _graphql_example_file(response, original, file_name, order)
    out: dict[str, Any] = {"$kind": "http-example"}
    out.update(_id(response))
    out.update(_name_entry(response.get("name"), file_name))
    out["request"] = _http_request(original)  # an example's request keeps no auth in format 3.0.0
    reply: dict[str, Any] = {
        "statusCode": response.get("code") if isinstance(response.get("code"), int) else 200,
        "statusText": str(response.get("status") or "OK"),
    }
    reply.update(_key_values("headers", response.get("header")))
    body = response.get("body")
    reply["body"] = {
        "type": _PREVIEW_TYPES.get(str(response.get("_postman_previewlanguage")), "text"),
        "content": "" if body is None else str(body),
    }
    out["response"] = reply
    out["order"] = order
    return out


_PREVIEW_TYPES = {"json": "json", "xml": "xml", "html": "html", "javascript": "javascript", "text": "text"}


# --- parts ------------------------------------------------------------------------------------------------


def _info(collection: dict[str, Any]) -> dict[str, Any]:
    info = collection.get("info")
    return info if isinstance(info, dict) else {}


def _items(node: dict[str, Any]) -> list[Any]:
    items = node.get("item")
    return items if isinstance(items, list) else []


def _id(node: dict[str, Any]) -> dict[str, Any]:
    return {"id": str(node["id"])} if node.get("id") is not None else {}


def _description(description: Any) -> dict[str, Any]:
    if isinstance(description, dict):
        description = description.get("content")
    return {"description": str(description)} if description else {}


def _js_string(value: Any) -> str:
    """A value as JavaScript's `String(value)` spells it (variables hold text in format 3.0.0)."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _variables(variables: Any) -> dict[str, Any]:
    entries = [v for v in variables or [] if isinstance(v, dict)]
    if not entries:
        return {}
    if not any(v.get("disabled") for v in entries):
        return {"variables": {str(v.get("key") or ""): _js_string(v.get("value")) for v in entries}}
    return {
        "variables": [
            {
                "key": str(v.get("key") or ""),
                "value": _js_string(v.get("value")),
                "disabled": bool(v.get("disabled")),
            }
            for v in entries
        ]
    }


_SCRIPT_TYPES = {"prerequest": "beforeRequest", "test": "afterResponse"}
# Format 3.0.0 has no switch for a script: a disabled one is kept under this key, where Postman neither shows nor
# runs it and postman_kit.collection_files reads it back as disabled (written as active, it would run).
DISABLED_SCRIPTS = "x-disabledScripts"


def _graphql_example_file(
    response: dict[str, Any], original: dict[str, Any], file_name: str, order: int
) -> dict[str, Any]:
    """A GraphQL request's example as `postman collection migrate` writes it: `graphql-example`, its request a
    graphql-request's fields, its response under `http` with the status as one line and the body as text."""
    out: dict[str, Any] = {"$kind": "graphql-example"}
    out.update(_id(response))
    out.update(_name_entry(response.get("name"), file_name))
    request = dict(original)
    body = request.get("body")
    if not (isinstance(body, dict) and body.get("mode") == "graphql"):
        request["body"] = {"mode": "graphql", "graphql": {"query": ""}}
    out["request"] = _graphql_request(request)
    code = response.get("code") if isinstance(response.get("code"), int) else 200
    http: dict[str, Any] = {"status": f"{code} {response.get('status') or 'OK'}"}
    http.update(_key_values("headers", response.get("header")))
    body_text = response.get("body")
    http["body"] = "" if body_text is None else str(body_text)
    out["response"] = {"events": [], "http": http}
    out["order"] = order
    return out


def _scripts(events: Any, prefix: str, *, graphql: bool = False) -> dict[str, Any]:
    scripts: list[dict[str, Any]] = []
    disabled: list[dict[str, Any]] = []
    for event in events or []:
        if not isinstance(event, dict) or event.get("listen") not in _SCRIPT_TYPES:
            continue
        script = found if isinstance(found := event.get("script"), dict) else {}
        code = script.get("exec")
        kind = _SCRIPT_TYPES[event["listen"]]
        entry: dict[str, Any] = {
            "type": prefix + ("beforeQuery" if graphql and kind == "beforeRequest" else kind),
            "code": "\n".join(code) if isinstance(code, list) else str(code or ""),
        }
        if script.get("type"):
            entry["language"] = str(script["type"])
        (disabled if event.get("disabled") is True else scripts).append(entry)
    return ({"scripts": scripts} if scripts else {}) | ({DISABLED_SCRIPTS: disabled} if disabled else {})


# The request settings (v2.1's `protocolProfileBehavior`) in the order `postman collection migrate` writes them;
# it drops any other (`disableBodyPruning`) and a folder's or the collection's, which are written here too, after.
_SETTINGS_ORDER = (
    "protocolVersion",
    "strictSSL",
    "followRedirects",
    "maxRedirects",
    "followOriginalHttpMethod",
    "followAuthorizationHeader",
    "removeRefererHeaderOnRedirect",
    "insecureHTTPParser",
    "disableUrlEncoding",
    "disableCookies",
    "tlsPreferServerCiphers",
    "tlsDisabledProtocols",
    "tlsCipherSelection",
)


def _settings(behavior: Any) -> dict[str, Any]:
    if not isinstance(behavior, dict) or not behavior:
        return {}
    ordered = {key: behavior[key] for key in _SETTINGS_ORDER if key in behavior}
    ordered.update((key, value) for key, value in behavior.items() if key not in ordered)
    return {"settings": ordered}


def _credentials(auth: dict[str, Any]) -> dict[str, Any]:
    kind = str(auth.get("type"))
    entries = auth.get(kind)
    if isinstance(entries, dict):
        return dict(entries)
    return {str(e.get("key")): e.get("value") for e in entries or [] if isinstance(e, dict)}


def _shared_auth(auth: Any, ids: _IdMaker, place: str) -> dict[str, Any]:
    """Collection and folder auth: a list of named auth entries, each with an id."""
    if not isinstance(auth, dict) or not auth.get("type") or auth.get("type") == "inherit":
        return {}
    kind = str(auth["type"])
    if kind == "noauth":
        return {"auth": [{"id": "", "type": "noauth", "name": "No Auth"}]}
    return {
        "auth": [
            {
                "id": ids.make(place + "/auth"),
                "type": kind,
                "name": f"{kind} auth",
                "credentials": _credentials(auth),
            }
        ]
    }


def _request_auth(auth: Any) -> dict[str, Any]:
    if not isinstance(auth, dict) or not auth.get("type") or auth.get("type") == "inherit":
        return {}
    kind = str(auth["type"])
    if kind == "noauth":
        return {"auth": {"type": "noauth"}}
    return {"auth": {"type": kind, "credentials": _credentials(auth)}}


def _http_request(request: dict[str, Any]) -> dict[str, Any]:
    url = request.get("url")
    out: dict[str, Any] = {"url": _url_text(url), "method": str(request.get("method") or "GET")}
    out.update(_key_values("headers", request.get("header")))
    if isinstance(url, dict):
        out.update(_key_values("queryParams", url.get("query")))
        out.update(_key_values("pathVariables", url.get("variable")))
    body = request.get("body")
    if isinstance(body, dict):
        out["body"] = _body(body)
    return out


def _graphql_request(request: dict[str, Any]) -> dict[str, Any]:
    """A GraphQL request as Postman's migration writes one: the URL with its query, the GraphQL query and
    variables, then headers; the method only when it is not POST (which a `graphql-request` means)."""
    body = found if isinstance(found := request.get("body"), dict) else {}
    graphql = found if isinstance(found := body.get("graphql"), dict) else {}
    out: dict[str, Any] = {"url": _url_text(request.get("url"))}
    method = str(request.get("method") or "POST")
    if method.upper() != "POST":
        out["method"] = method
    out["query"] = str(graphql.get("query") or "")
    if graphql.get("variables"):
        out["variables"] = graphql_variables_text(graphql["variables"])
    out.update(_key_values("headers", request.get("header")))
    return out


def _url_text(url: Any) -> str:
    if isinstance(url, str):
        return url
    if not isinstance(url, dict):
        return ""
    if isinstance(url.get("raw"), str):
        return url["raw"]
    host = url.get("host")
    path = url.get("path")
    text = ".".join(host) if isinstance(host, list) else str(host or "")
    if url.get("protocol"):
        text = f"{url['protocol']}://{text}"
    if url.get("port"):
        text += f":{url['port']}"
    if isinstance(path, list):
        text += "".join("/" + str(segment) for segment in path)
    elif path:
        text += "/" + str(path).lstrip("/")
    query = [q for q in url.get("query") or [] if isinstance(q, dict) and not q.get("disabled")]
    if query:
        text += "?" + "&".join(
            str(q.get("key") or "") + ("" if q.get("value") is None else f"={q['value']}") for q in query
        )
    if url.get("hash"):
        text += f"#{url['hash']}"
    return text


def _key_values(name: str, entries: Any) -> dict[str, Any]:
    """Headers, query parameters, path variables, url-encoded fields: a map from key to value when each is
    only that (and no key repeats), else a list of entries with their flags."""
    pairs = [e for e in entries or [] if isinstance(e, dict)]
    if not pairs:
        return {}
    keys = [str(e.get("key") or "") for e in pairs]
    plain = not any(e.get("disabled") or e.get("description") for e in pairs) and len(set(keys)) == len(keys)
    if plain:
        return {name: {key: _value(e.get("value")) for key, e in zip(keys, pairs, strict=True)}}
    listed = []
    for key, entry in zip(keys, pairs, strict=True):
        out: dict[str, Any] = {"key": key, "value": _value(entry.get("value"))}
        if entry.get("disabled"):
            out["disabled"] = True
        out.update(_description(entry.get("description")))
        listed.append(out)
    return {name: listed}


def _value(value: Any) -> Any:
    return value if value is None or isinstance(value, str) else _js_string(value)


_RAW_TYPES = {"json": "json", "xml": "xml", "html": "html", "javascript": "javascript", "text": "text"}


def _body(body: dict[str, Any]) -> dict[str, Any]:
    mode = body.get("mode")
    if mode == "urlencoded":
        return {
            "type": "urlencoded",
            **_rename(_key_values("content", body.get("urlencoded")), {"content": []}),
        }
    if mode == "formdata":
        return {
            "type": "formdata",
            "content": [_form_field(f) for f in body.get("formdata") or [] if isinstance(f, dict)],
        }
    if mode == "file":
        file = body.get("file")
        return {"type": "file", "content": dict(file) if isinstance(file, dict) else {}}
    options = found if isinstance(found := body.get("options"), dict) else {}
    raw_options = found if isinstance(found := options.get("raw"), dict) else {}
    language = _RAW_TYPES.get(str(raw_options.get("language")), "text")
    raw = body.get("raw")
    return {"type": language, "content": "" if raw is None else str(raw)}


def _rename(found: dict[str, Any], default: dict[str, Any]) -> dict[str, Any]:
    return found or default


def _form_field(field: dict[str, Any]) -> dict[str, Any]:
    kind = str(field.get("type") or "text")
    out: dict[str, Any] = {"type": kind, "key": str(field.get("key") or "")}
    if kind == "file":
        out["src"] = field.get("src", "")
    else:
        out["value"] = _value(field.get("value"))
    if field.get("contentType"):
        out["contentType"] = str(field["contentType"])
    out.update(_description(field.get("description")))
    if field.get("disabled"):
        out["disabled"] = True
    return out
