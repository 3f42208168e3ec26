"""Are generated requests ones the API accepts? Run each collection with newman and check every request it sends.

    python benchmarks/wire_conformance.py                 # every corpus spec, postman-kit and openapi2postmanv2
    python benchmarks/wire_conformance.py --only stripe --only twilio --tool kit -v
    python benchmarks/wire_conformance.py --spec path/to/openapi.yaml --tool kit -v   # any spec of yours

For each spec of ../shared/corpus (real-world/*, the readme edge-case specs, Twilio, Klaviyo 2026-07-15), the
collection is generated (postman-kit from this checkout, in process; openapi2postmanv2 from .ci/node) and run
whole with newman through a local recording HTTP proxy: every `https://` server in the collection and its
variables is turned into `http://` and `HTTP_PROXY` points newman at the recorder, so each request arrives with
its real host and path, and the recorder answers `200 {}`. Relative or missing servers get
`http://api.example.test`; empty variables (credentials) get a placeholder so auth is present. Every recorded
request is then checked against its spec by openapi-core (an independent validator: server, path, operation,
parameters with their style/explode, body by media type, security). A collection item newman never sent counts
as a failure ("not sent").

Printed per spec: requests, % conformant, top failure reasons (with one example each); then the totals.

Requests the validator itself cannot check (it raises on a `mutualTLS` scheme, an unknown JSON Schema dialect,
or its own form reader) are counted apart as "unchecked". openapi-core's `deepObject` reader is widened to the
bracket nesting Stripe documents (see read_brackets_as_documented).

Results (a full run takes 15+ minutes on a busy 2-core machine; `--only` narrows it):
    main at 7f05afc, before either widening, Twilio 2010 not loadable: postman-kit 1,494/2,067 = 72.3%,
    openapi2postmanv2 1,128/2,067 = 54.6%. Per spec, kit/o2p: Stripe 7.2%/0% (deepObject `expand` and form
    bodies; o2p sends `//v1/...`), OpenAI 91.7/72.9, Spotify 99.0/82.5, Box 88.2/61.1 (operation servers, `#fragment`
    keys sent as `%7Bfile_id%7D`), Train Travel 85.7/28.6, Twilio Messaging 15.5/67.2 (`string…` ids against
    `^MG[0-9a-fA-F]{32}$`), Klaviyo 2026-07-15 98.0/89.3, readme parameters-style 60/60, server-variables 25/25.
    With serialization by style/explode, per-operation servers and path keys read as meant (kit): Stripe
    417/417 = 100%, Box 283/296 = 95.6% (left: `application/json-patch+json` bodies openapi-core does not parse),
    Klaviyo 338/345 = 98.0% (oneOf body values), readme parameters-style 17/21 (openapi-core cannot read
    `matrix` path parameters) plus 4 unchecked, server-variables 3/4, Twilio 2010 2/197 (no literal `{Sid}` any
    more; 195 ids do not match `^AC[0-9a-fA-F]{32}$`: example values, not serialization).
    At ac15441 (realistic values, spec's own errors; every spec, `--jobs 2`): postman-kit 2,157/2,253 = 95.7%,
    openapi2postmanv2 1,165/2,252 = 51.7%. Per spec, kit/o2p: Stripe 99.5/0, OpenAI 92.4/72.9, Spotify 99.0/82.5,
    Box 95.6/61.1, Train Travel 85.7/28.6, Twilio 2010 100/17.8, Twilio Messaging 100/67.2, Klaviyo 98.0/89.3.
    Then, kit only, with discriminator values naming their branch, spec examples checked for their format's
    shape and a fraction under `oneOf: [integer, number]`: 2,165/2,253 = 96.1% (Train Travel 7/7, Klaviyo
    340/345, readme discriminators 2 -> 5 of 10, polymorphism 6 -> 7 of 13). What is left is mostly the
    oracle's or the spec's: 12 multipart file parts openapi-core's 3.1 reader gives as bytes against
    `type: string, format: binary` (OpenAI 11, Klaviyo's image upload), oneOf branches a spec leaves
    overlapping (objects of optional properties, OpenAI's and Klaviyo's send options), `matrix` path
    parameters openapi-core cannot read, and readme's deliberately contradictory schemas.
    At 9401896, with the oracle reading what the specs mean where openapi-core does not (3.1 discriminators as
    annotations, JSON Patch bodies, multipart text and file parts, matrix/label templates, `#fragment` path
    keys as alternatives, schema-name mappings, ignored Accept/Content-Type/Authorization headers, required
    undeclared form fields, non-binary text bodies; each a function below, saying why) and the kit fixing what
    was its own (oneOf values that fit one branch, objects whose anyOf only requires, undeclared required
    properties, JSON examples written as text, path values holding `/`, base64 file bodies, `multipleOf`):
    postman-kit 2,230/2,253 = 98.98%, openapi2postmanv2 1,208/2,252 = 53.6%. Per spec, kit/o2p: Stripe 100/0,
    OpenAI 100/78.1, Spotify 100/83.5, Box 100/66.2, Train Travel 100/28.6, Twilio 2010 100/17.8, Twilio
    Messaging 100/67.2, Klaviyo 2026-07-15 99.4/89.6. The 23 left: 17 where the spec admits no valid value
    (oneOf branches that accept the same objects, as readme's polymorphism specs and Klaviyo's send and tracking
    options write them; `allOf: [string, integer]`; an AND of two schemes that both need `Authorization`), and
    6 where openapi-core reads otherwise (a spec's string `default` it checks for an absent parameter, a path's
    servers preferred to its operation's, a `label` value holding its own separator, a `time` example without
    an offset that the spec itself gives).
    At stop 26, the same 2,230/2,253 on the corpus, and vendors' specs given with `--spec` (kit/o2p): Discord
    241/150 of 241, Plaid 329/1 of 329, Asana 247/6 of 247, Adyen Checkout v71 28/12 of 28, DigitalOcean 654/313 of
    659 (after properties maps by `$ref` were read for openapi-core: 218 requests it crashed on), PagerDuty
    400/278 of 465; 1,899/1,969 = 96.4% against 38.6%. PagerDuty's 65 are its spec contradicting itself (its own
    examples send reference ids its schemas mark readOnly; discriminators whose values name no schema).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self
from urllib.parse import parse_qsl, unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
NODE_BIN = ROOT / ".ci" / "node" / "node_modules" / ".bin"
FALLBACK_HOST = "http://api.example.test"
CREDENTIAL = "test-credential-1234"
NEWMAN_TIMEOUT_SECONDS = 600
TOOLS = ("kit", "o2p")


# -- the specs ---------------------------------------------------------------------------------------------------
def corpus_specs(corpus: Path = CORPUS) -> list[tuple[str, Path]]:
    """(name, path) of every spec the harness runs, in a stable order."""
    real = corpus / "real-world"
    specs = [
        ("stripe", real / "stripe-spec3-2022-04-12.json"),
        ("openai", real / "openai.yaml"),
        ("spotify", real / "spotify.yml"),
        ("box", real / "box.json"),
        ("train-travel", real / "train-travel" / "openapi.yaml"),
        ("twilio-2010", corpus / "twilio" / "twilio_api_v2010.json"),
        ("twilio-messaging", corpus / "twilio" / "twilio_messaging_v1.json"),
        ("klaviyo-2026-07-15", corpus / "klaviyo" / "stable" / "2026-07-15.json"),
    ]
    for version in ("3.0", "3.1"):
        for path in sorted((real / "readme-oas-examples" / version / "json").glob("*.json")):
            specs.append((f"readme-{version}/{path.stem}", path))
    return [(name, path) for name, path in specs if path.is_file()]


# -- the recorder ------------------------------------------------------------------------------------------------
@dataclass
class Recorded:
    method: str
    url: str  # absolute: the recorder is the proxy
    headers: list[tuple[str, str]]
    body: bytes


class Recorder:
    """An HTTP proxy on 127.0.0.1 that records every request and answers `200 {}`."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _record(self) -> None:
                body = b""
                if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                    while True:
                        size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                        if size == 0:
                            self.rfile.readline()
                            break
                        body += self.rfile.read(size)
                        self.rfile.readline()
                else:
                    body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                url = self.path if "://" in self.path else f"http://{self.headers.get('Host', '')}{self.path}"
                recorder.requests.append(Recorded(self.command, url, list(self.headers.items()), body))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_TRACE = _record

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# -- collections -------------------------------------------------------------------------------------------------
def use_kit(root: Path) -> None:
    """Measure the postman-kit of checkout `root` (this one by default), not whichever the interpreter finds."""
    sys.path.insert(0, str(root))
    for name in [m for m in sys.modules if m == "postman_kit" or m.startswith("postman_kit.")]:
        del sys.modules[name]


def kit_files(spec: Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """postman-kit's collection and environment for `spec`, built by the checkout :func:`use_kit` chose."""
    from postman_kit.generation import build_collection_from_spec

    built = build_collection_from_spec(str(spec))
    return built.collection.to_json(), built.environment


def o2p_files(spec: Path, work: Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """openapi2postmanv2's collection for `spec` (its default options)."""
    out = work / "o2p.json"
    command = [str(NODE_BIN / "openapi2postmanv2"), "-s", str(spec), "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError((result.stderr or result.stdout).strip().splitlines()[-1:] or ["failed"])
    return json.loads(out.read_text()), None


def point_at_recorder(collection: dict[str, Any], environment: dict[str, Any] | None) -> set[str]:
    """Turn https:// into http:// in URLs and variables (the hosts stay), fill relative or empty base URLs and empty
    variables; return the hosts that were https, so checks see the URL the spec documents."""
    https_hosts: set[str] = set()

    def fix(value: Any, base: bool) -> Any:
        if not isinstance(value, str):
            return value
        if value.startswith("https://"):
            https_hosts.add(urlsplit(value).netloc)
            return "http://" + value[len("https://") :]
        if value == "https":  # a server variable for the scheme (`{scheme}://developer.uspto.gov`)
            return "http"
        scheme_variable = re.match(r"\{\{[^{}]+\}\}://([^/]+)", value)
        if scheme_variable:
            https_hosts.add(scheme_variable.group(1))
            return value
        if base and not value.startswith("http://") and not value.startswith("{{"):
            return FALLBACK_HOST + ("" if not value or value.startswith("/") else "/") + value
        if value == "":
            return CREDENTIAL
        return value

    def fix_variables(variables: list[dict[str, Any]]) -> None:
        for variable in variables:
            if isinstance(variable, dict) and "key" in variable:
                # the kit's base URL, and an operation's own server beside it (`rootBaseUrl`, `uploadBaseUrl`)
                is_base = str(variable.get("key")).lower().endswith(("baseurl", "base_url"))
                variable["value"] = fix(variable.get("value", ""), is_base)

    fix_variables(collection.setdefault("variable", []))
    if environment is not None:
        fix_variables(environment.get("values", []))

    def visit(nodes: list[Any]) -> None:
        for node in nodes:
            if "item" in node:
                visit(node["item"])
                continue
            url = node.get("request", {}).get("url")
            if isinstance(url, str):
                node["request"]["url"] = fix(url, False)
            elif isinstance(url, dict):
                if url.get("protocol") == "https":
                    url["protocol"] = "http"
                    https_hosts.add(".".join(url.get("host") or []))
                if isinstance(url.get("raw"), str):
                    url["raw"] = fix(url["raw"], False)

    visit(collection.get("item", []))
    return https_hosts


def count_items(collection: dict[str, Any]) -> int:
    def visit(nodes: list[Any]) -> int:
        return sum(visit(n["item"]) if "item" in n else 1 for n in nodes)

    return visit(collection.get("item", []))


def run_newman(
    collection: dict[str, Any], environment: dict[str, Any] | None, work: Path, proxy: str
) -> None:
    (work / "run.json").write_text(json.dumps(collection))
    command = [
        str(NODE_BIN / "newman"),
        "run",
        str(work / "run.json"),
        "--silent",
        "--insecure",
        "--timeout-request",
        "15000",
        "--ignore-redirects",
    ]
    if environment is not None:
        (work / "env.json").write_text(json.dumps(environment))
        command += ["-e", str(work / "env.json")]
    env = {k: v for k, v in os.environ.items() if k.lower() not in {"no_proxy", "https_proxy", "http_proxy"}}
    env["HTTP_PROXY"] = env["http_proxy"] = proxy
    try:
        subprocess.run(
            command, capture_output=True, text=True, timeout=NEWMAN_TIMEOUT_SECONDS, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        pass  # what was recorded is checked; the items newman did not reach count as "not sent"


# -- checking ----------------------------------------------------------------------------------------------------
def load_openapi(spec: Path) -> list[Any]:
    import yaml
    from openapi_core import OpenAPI
    from openapi_core.configurations import Config

    read_brackets_as_documented()
    read_multipart_text_as_typed()
    read_undeclared_form_fields()
    read_text_bodies_as_text()
    read_discriminator_as_annotation()
    read_property_maps_by_reference()
    text = spec.read_text(encoding="utf-8")
    # JSON with json (Twilio's spec has escapes PyYAML refuses), the rest with PyYAML's C loader when present.
    data = (
        json.loads(text)
        if spec.suffix == ".json"
        else yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    )
    name_mappings_as_refs(data)
    property_maps_inlined(data, spec.resolve().as_uri())
    drop_ignored_headers(data)
    config = Config(spec_validator_cls=None, extra_media_type_deserializers=media_types_as_documented(data))
    return [
        OpenAPI.from_dict(view, base_uri=spec.resolve().as_uri(), config=config)
        for view in path_key_views(data)
    ]


def path_key_views(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document, then one view per alternative of the path keys its authors wrote as alternatives of one path
    (Box's `/files/{file_id}#add_shared_link`, OpenAI's `/responses?beta=true`): openapi-core matches a request
    against `/files/{file_id}` alone, so a request made for another alternative (removing a shared link with
    `shared_link: null`) would be checked against the wrong operation. A request conforms if one view accepts it."""
    paths = document.get("paths") or {}
    groups: dict[str, list[str]] = {}
    for key in paths:
        groups.setdefault(re.split(r"[#?]", key, maxsplit=1)[0], []).append(key)
    alternatives = {base: keys for base, keys in groups.items() if len(keys) > 1}
    views = [document]
    for index in range(max((len(keys) for keys in alternatives.values()), default=0)):
        view_paths = dict(paths)
        for base, keys in alternatives.items():
            view_paths[base] = paths[keys[min(index, len(keys) - 1)]]
        views.append({**document, "paths": view_paths})
    return views


def drop_ignored_headers(document: dict[str, Any]) -> None:
    """ "If `in` is "header" and the name is Accept, Content-Type or Authorization, the parameter definition SHALL
    be ignored" (OpenAPI 3.0 and 3.1, Parameter Object); openapi-core requires it all the same (readme's
    schema-circular declares a required `Authorization` header)."""
    ignored = {"accept", "content-type", "authorization"}

    def kept(parameters: Any) -> Any:
        if not isinstance(parameters, list):
            return parameters
        return [
            p
            for p in parameters
            if not (isinstance(p, dict) and p.get("in") == "header" and str(p.get("name")).lower() in ignored)
        ]

    for path_item in (document.get("paths") or {}).values():
        if not isinstance(path_item, dict):
            continue
        path_item["parameters"] = kept(path_item.get("parameters"))
        if path_item["parameters"] is None:
            del path_item["parameters"]
        for operation in path_item.values():
            if isinstance(operation, dict) and "parameters" in operation:
                operation["parameters"] = kept(operation["parameters"])


def name_mappings_as_refs(node: Any) -> None:
    """A discriminator `mapping` value may be a schema's name (`OptionOne`) or a reference (OpenAPI 3.0 and 3.1,
    Discriminator Object); openapi-core reads every value as a reference, so a name never resolves. Names are
    written as the references they stand for."""
    if isinstance(node, list):
        for item in node:
            name_mappings_as_refs(item)
        return
    if not isinstance(node, dict):
        return
    discriminator = node.get("discriminator")
    mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
    if isinstance(mapping, dict):
        for key, value in mapping.items():
            if isinstance(value, str) and "/" not in value and "#" not in value:
                mapping[key] = f"#/components/schemas/{value}"
    for value in node.values():
        name_mappings_as_refs(value)


def media_types_as_documented(document: dict[str, Any]) -> dict[str, Any]:
    """Readers openapi-core lacks, each what the media type means:
    - Every `+json` type the document's bodies name (RFC 6839: `application/json-patch+json`, Box's metadata
      updates; Vimeo's `application/vnd.vimeo.album+json`) is JSON; openapi-core reads only `application/json`
      and `application/vnd.api+json` and hands the others' bytes to the schema (`b'[...]' is not of type
      'array'`).
    - Under OpenAPI 3.1, a multipart file part (`type: string, format: binary`) is a string of octets;
      openapi-core reads it as `bytes`, which its 3.1 (JSON Schema 2020-12) validator rejects as not a string
      (OpenAI's uploads). The octets are read as text, one character per byte. Its 3.0 validator takes bytes."""

    def json_loads(value: bytes, **parameters: str) -> Any:
        return json.loads(value)

    readers: dict[str, Any] = dict.fromkeys(sorted(_json_suffixed(document)), json_loads)
    if str(document.get("openapi", "")).startswith("3.1"):
        readers["application/octet-stream"] = lambda value, **parameters: (
            value.decode("latin-1") if isinstance(value, bytes) else value
        )
    return readers


def _json_suffixed(node: Any) -> set[str]:
    """The `+json` media types the document's `content` maps name, without their parameters."""
    found: set[str] = set()
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            content = node.get("content")
            if isinstance(content, dict):
                found.update(
                    kind.split(";")[0].strip().lower()
                    for kind in content
                    if isinstance(kind, str) and kind.split(";")[0].strip().lower().endswith("+json")
                )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found - {"application/vnd.api+json"}


def read_brackets_as_documented() -> None:
    """openapi-core reads `deepObject` one level deep and for objects only (an array raises "not available" even
    when the field is absent), so every Stripe request that could carry `expand` fails. Its reader is replaced by
    one for the bracket nesting form-encoded APIs document: `a[b]=1`, `a[b][c]=2`, `a[]=x`, `a[0][b]=y`. The
    OpenAPI table has no row for nesting or arrays under deepObject; this reads what those APIs define."""
    from openapi_core.deserializing.styles import style_deserializers

    style_deserializers["deepObject"] = bracket_loads
    for style, prefix in (("matrix", ";"), ("label", ".")):
        style_deserializers[style] = prefixed_loads(style_deserializers[style], prefix)


def prefixed_loads(loads: Any, prefix: str) -> Any:
    """openapi-core reads a `matrix`/`label` path parameter only from a template written `{;id}`/`{.id}` (RFC 6570);
    OpenAPI writes `{id}` with `style: matrix`, which openapi-core then cannot find (`Missing required path
    parameter: ';id'`). The value under `{id}` is offered under the names it looks for."""
    if getattr(loads, "reads_plain_template", False):
        return loads

    def read(explode: bool, name: str, schema_type: str, location: Any) -> Any:
        if name in location and f"{prefix}{name}" not in location:
            location = {**location, f"{prefix}{name}": location[name], f"{prefix}{name}*": location[name]}
        return loads(explode, name, schema_type, location)

    read.reads_plain_template = True  # type: ignore[attr-defined]
    return read


def read_discriminator_as_annotation() -> None:
    """Under OpenAPI 3.1 the discriminator is an annotation: `oneOf`/`anyOf`/`allOf` decide validity. The installed
    openapi-schema-validator (openapi-core 0.23 pins it below 0.9) still requires the discriminator's value to name
    a schema when there is no mapping, so OpenAI's `role: developer` (no schema named `developer`) can never pass;
    0.9 reads it as an annotation ("discriminator is annotation-only in OAS 3.1+"), as done here. 3.0 unchanged."""
    from jsonschema import Draft202012Validator
    from openapi_schema_validator import OAS31Validator

    for keyword in ("oneOf", "anyOf", "allOf"):
        OAS31Validator.VALIDATORS[keyword] = Draft202012Validator.VALIDATORS[keyword]


def read_property_maps_by_reference() -> None:
    """DigitalOcean writes a schema's whole `properties` map as a `$ref` into another file (`properties: {$ref:
    attributes.yml#/load_balancer_droplet_tag}`), as Redocly and swagger-parser read it; openapi-core takes
    `$ref` for a property's name and its string for the schema, and crashes on every request that reaches it
    (218 of DigitalOcean's). Each file openapi-core reads gets those maps inlined (property_maps_inlined)."""
    from jsonschema_path.handlers.file import BaseFilePathHandler

    def wrap(read: Any) -> Any:
        def read_inlining(self: Any, uri: str) -> Any:
            data = read(self, uri)
            property_maps_inlined(data, uri, lambda other: read(self, other))
            return data

        return read_inlining

    wrap_once(BaseFilePathHandler, "__call__", wrap)


def property_maps_inlined(node: Any, uri: str, read: Any = None, document: Any = None) -> None:
    """Replace each `properties: {$ref: X}` under `node` (from the file at `uri`) by the map X names, its own
    relative `$ref`s made absolute, since they now sit in another file. As in postman-kit's loader, only a map
    of property schemas is taken so: a ref to a schema (a property named `$ref`) is left as written."""
    import urllib.parse

    document = node if document is None else document
    if isinstance(node, list):
        for item in node:
            property_maps_inlined(item, uri, read, document)
        return
    if not isinstance(node, dict):
        return
    found = node.get("properties")
    if isinstance(found, dict) and set(found) == {"$ref"} and isinstance(found["$ref"], str):
        file_part, _, pointer = found["$ref"].partition("#")
        target_uri = urllib.parse.urljoin(uri, file_part) if file_part else uri
        try:
            if not file_part:
                target: Any = document
            elif read is not None:
                target = read(target_uri)
            else:
                from jsonschema_path.handlers.file import BaseFilePathHandler
                from jsonschema_path.handlers.urllib import UrllibHandler

                target = unwrapped(BaseFilePathHandler.__call__)(UrllibHandler("file"), target_uri)
            for part in pointer.strip("/").split("/") if pointer.strip("/") else []:
                target = target[part.replace("~1", "/").replace("~0", "~")]
        except (OSError, KeyError, IndexError, TypeError, ValueError):
            target = None
        schema_words = {"type", "properties", "allOf", "oneOf", "anyOf", "items", "$ref", "enum", "required"}
        if (
            isinstance(target, dict)
            and target
            and all(isinstance(v, dict) for v in target.values())
            and not schema_words.intersection(target)
        ):
            node["properties"] = absolute_refs(target, target_uri) if file_part else target
    for value in node.values():
        property_maps_inlined(value, uri, read, document)


def unwrapped(function: Any) -> Any:
    return getattr(function, "original_for_the_oracle", function)


def absolute_refs(node: Any, uri: str) -> Any:
    import urllib.parse

    if isinstance(node, list):
        return [absolute_refs(item, uri) for item in node]
    if not isinstance(node, dict):
        return node
    return {
        key: urllib.parse.urljoin(uri, value)
        if key == "$ref" and isinstance(value, str)
        else absolute_refs(value, uri)
        for key, value in node.items()
    }


def wrap_once(owner: Any, attribute: str, wrap: Any) -> None:
    """`owner.attribute` replaced by `wrap(original)`, once per process: specs are loaded one after another."""
    original = getattr(owner, attribute)
    if getattr(original, "wrapped_for_the_oracle", False):
        return
    wrapped = wrap(original)
    wrapped.wrapped_for_the_oracle = True
    wrapped.original_for_the_oracle = original
    setattr(owner, attribute, wrapped)


def is_text_schema(schema: Any) -> bool:
    """A `string` schema other than `format: binary`: text, whatever bytes carried it."""
    return (
        schema is not None
        and (schema / "type").read_str(None) == "string"
        and (schema / "format").read_str(None) != "binary"
    )


def read_text_bodies_as_text() -> None:
    """A body of a media type openapi-core has no reader for (`image/jpeg`) reaches the schema as bytes; when the
    schema says it is a string other than `format: binary` (Spotify's cover image: base64 text), it is that
    text."""
    from openapi_core.deserializing.media_types.deserializers import MediaTypeDeserializer

    def wrap(deserialize: Any) -> Any:
        def deserialize_text(self: Any, value: bytes) -> Any:
            result = deserialize(self, value)
            if isinstance(result, bytes) and is_text_schema(self.schema):
                return result.decode("utf-8", "surrogateescape")
            return result

        return deserialize_text

    wrap_once(MediaTypeDeserializer, "deserialize", wrap)


def read_undeclared_form_fields() -> None:
    """openapi-core builds a form or multipart body from the fields its schema declares and drops the rest, so a
    field a schema requires without declaring it (Box's token revocation: `grant_type`) reads as missing. Such
    required fields are kept, as sent."""
    from openapi_core.deserializing.media_types.deserializers import MediaTypeDeserializer

    def wrap(decode: Any) -> Any:
        def decode_keeping(self: Any, location: Any, schema_only: bool = False) -> Any:
            properties = decode(self, location, schema_only)
            if schema_only or not hasattr(location, "keys"):
                return properties
            required = (self.schema / "required").read_value() if "required" in self.schema else []
            kept = dict(properties)
            for key in required if isinstance(required, list) else ():
                if key not in kept and key in location:
                    kept[key] = location[key]
            return kept

        return decode_keeping

    wrap_once(MediaTypeDeserializer, "decode", wrap)


def read_multipart_text_as_typed() -> None:
    """A multipart part of a primitive schema carries the value as text (`orderId: 1` is the part `1`), as a
    form-encoded field does; openapi-core casts form fields by their schema but hands multipart text parts to the
    schema as strings (`'1' is not of type 'integer'`). Its own caster is applied to them too. A part of a `string`
    schema sent with a content type of its own (`application/sdp`) is that text, not bytes."""
    from openapi_core.deserializing.media_types.deserializers import MediaTypeDeserializer

    def wrap(read: Any) -> Any:
        def decode_property_content_type(
            self: Any, name: str, schema: Any, location: Any, encoding: Any = None
        ) -> Any:
            value = read(self, name, schema, location, encoding)
            if not self.mimetype.startswith("multipart"):
                return value
            if isinstance(value, bytes) and is_text_schema(schema):
                return value.decode("utf-8", "surrogateescape")
            if not (isinstance(value, str) and self.schema_caster):
                return value
            try:
                return self.schema_caster.evolve(schema).cast(value)
            except Exception:  # noqa: BLE001 - what does not cast is left for the validator to report
                return value

        return decode_property_content_type

    wrap_once(MediaTypeDeserializer, "decode_property_content_type", wrap)


def bracket_loads(explode: bool, name: str, schema_type: str, location: Any) -> Any:
    pairs = location.items(multi=True) if hasattr(location, "getlist") else location.items()
    root: dict[str, Any] = {}
    found = False
    for key, value in pairs:
        if not key.startswith(name + "["):
            continue
        tokens = re.findall(r"\[([^\]]*)\]", key[len(name) :])
        if not tokens:
            continue
        found = True
        node = root
        for token, following in zip(tokens, tokens[1:] + [None], strict=False):
            token = token if token else f"#{len(node)}"  # `[]` appends
            if following is None:
                node[token] = value
            else:
                node = node.setdefault(token, {})
    if not found:
        raise KeyError(name)

    def listed(node: Any) -> Any:
        if not isinstance(node, dict):
            return node
        if node and all(k.isdigit() or k.startswith("#") for k in node):
            return [listed(node[k]) for k in sorted(node, key=lambda k: int(k.lstrip("#")))]
        return {k: listed(v) for k, v in node.items()}

    value = listed(root)
    if schema_type == "array" and isinstance(value, dict) and not value:
        return []
    return value


def check_request(views: list[Any], recorded: Recorded, https_hosts: set[str]) -> tuple[str, str] | None:
    """None when one view of the spec accepts the request, else the first view's (reason class, detail)."""
    failures = [check_request_against(openapi, recorded, https_hosts) for openapi in views[:1]]
    for openapi in views[1:]:
        if failures[-1] is None:
            break
        failures.append(check_request_against(openapi, recorded, https_hosts))
    return None if failures[-1] is None else failures[0]


def check_request_against(openapi: Any, recorded: Recorded, https_hosts: set[str]) -> tuple[str, str] | None:
    """None when the request conforms, else (reason class, detail)."""
    from openapi_core.testing import MockRequest
    from werkzeug.datastructures import MultiDict

    parts = urlsplit(recorded.url)
    # a host written with server variables (`https://{{region}}.x.test`) is known only once newman resolved it
    templated = any("{{" in host for host in https_hosts)
    scheme = "https" if parts.netloc in https_hosts or templated else parts.scheme
    headers = [
        (k, v) for k, v in recorded.headers if k.lower() not in {"host", "proxy-connection", "connection"}
    ]
    cookies: dict[str, str] = {}
    for key, value in headers:
        if key.lower() == "cookie":
            jar: SimpleCookie = SimpleCookie()
            jar.load(value)
            cookies.update({name: morsel.value for name, morsel in jar.items()})
    content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
    request = MockRequest(
        f"{scheme}://{parts.netloc}",
        recorded.method,
        unquote(re.sub("%2[fF]", "%252F", parts.path)),  # an encoded `/` stays inside its segment
        args=MultiDict(parse_qsl(parts.query, keep_blank_values=True)),
        headers=dict(headers),
        cookies=cookies,
        data=recorded.body,
        content_type=content_type,
    )
    try:
        try:
            openapi.validate_request(request)
        except Exception as exc:
            if not templated or type(exc).__name__ != "ServerNotFound":
                raise
            request.host_url = f"{parts.scheme}://{parts.netloc}"
            openapi.validate_request(request)
    except Exception as exc:  # noqa: BLE001 - every validator finding is a reason, whatever its class
        if validator_crashed(exc):
            return UNCHECKED, f"{type(exc).__name__}: {exc}"[:200]
        return describe_failure(exc)
    return None


UNCHECKED = "unchecked"


def validator_crashed(exc: BaseException) -> bool:
    """openapi-core failed in itself rather than finding the request wrong: an exception of its own code
    (a `mutualTLS` scheme as KeyError, a JSON Schema dialect it does not know, its form reader handing text to
    a bytes function). Such requests are counted apart, as unchecked, not as failures or successes."""
    from openapi_core.exceptions import OpenAPIError

    if not isinstance(exc, OpenAPIError):
        return True
    cause = exc.__cause__
    while cause is not None:
        if isinstance(cause, TypeError):
            return True
        cause = cause.__cause__
    return False


def describe_failure(exc: BaseException) -> tuple[str, str]:
    """A reason class to count (error class, where, schema keyword) and a readable detail."""
    kind = type(exc).__name__
    where = ""
    name = getattr(exc, "name", None)
    location = getattr(exc, "location", None)
    if name is not None and location is not None:
        where = f" {location}"
    detail = _text_of(exc)
    keyword = ""
    cause: BaseException | None = exc
    while cause is not None:
        errors = getattr(cause, "schema_errors", None)
        if errors:
            first = errors[0]
            keyword = f" [{getattr(first, 'validator', '')}]"
            detail = f"{_text_of(exc)}: {getattr(first, 'message', first)}"
            break
        if cause is not exc:
            detail = f"{_text_of(exc)}: {_text_of(cause)}"
            keyword = f" ({type(cause).__name__})"
        cause = cause.__cause__ or cause.__context__
    return f"{kind}{where}{keyword}", detail[:200]


def _text_of(exc: BaseException) -> str:
    """An exception's message; its class name when its own `__str__` raises (openapi-core's
    MediaTypeDeserializeError decodes a value that is already text), so one odd request never stops a run."""
    try:
        return str(exc)
    except Exception:  # noqa: BLE001 - any failure of a third party's __str__
        return type(exc).__name__


# -- one spec, one tool ------------------------------------------------------------------------------------------
@dataclass
class Outcome:
    spec: str
    tool: str
    requests: int = 0
    conformant: int = 0
    unchecked: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def percent(self) -> float:
        return 100.0 * self.conformant / self.requests if self.requests else 100.0

    def fail(self, reason: str, detail: str) -> None:
        self.reasons[reason] += 1
        self.examples.setdefault(reason, detail)
        self.failures.append(f"{reason}: {detail}")


_GENERATE_LOCK = threading.Lock()


def measure(name: str, spec: Path, tool: str, openapi: Any) -> Outcome:
    outcome = Outcome(name, tool)
    with tempfile.TemporaryDirectory(prefix="wire-") as tmp:
        work = Path(tmp)
        try:
            if tool == "kit":
                with _GENERATE_LOCK:
                    collection, environment = kit_files(spec)
            else:
                collection, environment = o2p_files(spec, work)
        except Exception as exc:  # noqa: BLE001 - a tool that cannot convert the spec is a result, not a crash
            outcome.error = f"generate failed: {str(exc)[:160]}"
            return outcome
        https_hosts = point_at_recorder(collection, environment)
        items = count_items(collection)
        with Recorder() as recorder:
            run_newman(collection, environment, work, recorder.url)
        for recorded in recorder.requests:
            outcome.requests += 1
            failure = check_request(openapi, recorded, https_hosts)
            if failure is None:
                outcome.conformant += 1
            elif failure[0] == UNCHECKED:
                outcome.requests -= 1
                outcome.unchecked += 1
                outcome.examples.setdefault(
                    UNCHECKED, f"{recorded.method} {recorded.url[:120]} — {failure[1]}"
                )
            else:
                outcome.fail(failure[0], f"{recorded.method} {recorded.url[:120]} — {failure[1]}")
        for _ in range(max(0, items - len(recorder.requests))):
            outcome.requests += 1
            outcome.fail("not sent", "newman did not send the item")
    return outcome


def measure_spec(name: str, spec: Path, tools: tuple[str, ...]) -> list[Outcome]:
    try:
        openapi = load_openapi(spec)
    except Exception as exc:  # noqa: BLE001 - a spec openapi-core cannot read is skipped, and said so
        return [
            Outcome(name, tool, error=f"openapi-core cannot load the spec: {str(exc)[:120]}")
            for tool in tools
        ]
    return [measure(name, spec, tool, openapi) for tool in tools]


def run(specs: list[tuple[str, Path]], tools: tuple[str, ...] = TOOLS, jobs: int = 4) -> list[Outcome]:
    """Every (spec, tool) outcome, in the order of `specs` then `tools`."""
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda pair: measure_spec(pair[0], pair[1], tools), specs))
    return [outcome for group in results for outcome in group]


def totals(outcomes: list[Outcome], tool: str) -> Outcome:
    total = Outcome("overall", tool)
    for outcome in outcomes:
        if outcome.tool == tool:
            total.requests += outcome.requests
            total.conformant += outcome.conformant
            total.unchecked += outcome.unchecked
            total.reasons.update(outcome.reasons)
            for reason, example in outcome.examples.items():
                total.examples.setdefault(reason, example)
    return total


def report(outcomes: list[Outcome], tools: tuple[str, ...], top: int = 3, verbose: bool = False) -> str:
    lines = [f"{'spec':34} " + "  ".join(f"{tool:>17}" for tool in tools)]
    by_spec: dict[str, dict[str, Outcome]] = {}
    for outcome in outcomes:
        by_spec.setdefault(outcome.spec, {})[outcome.tool] = outcome
    for spec, row in by_spec.items():
        cells = []
        for tool in tools:
            o = row.get(tool)
            cells.append(
                f"{'error':>17}"
                if o is None or o.error
                else f"{o.conformant:>5}/{o.requests:<5} {o.percent:5.1f}%"
            )
        lines.append(f"{spec:34} " + "  ".join(cells))
        for tool in tools:
            o = row.get(tool)
            if o is None:
                continue
            if o.error:
                lines.append(f"    {tool}: {o.error}")
                continue
            for reason, count in o.reasons.most_common(top):
                lines.append(f"    {tool}: {count:4} × {reason} — e.g. {o.examples[reason]}")
            if o.unchecked:
                lines.append(
                    f"    {tool}: {o.unchecked:4} unchecked (validator error) — e.g. {o.examples[UNCHECKED]}"
                )
            if verbose:
                lines.extend(f"      {failure}" for failure in o.failures)
    lines.append("")
    for tool in tools:
        total = totals(outcomes, tool)
        worst = [o for o in outcomes if o.tool == tool and not o.error and o.requests and o.percent < 95.0]
        lines.append(
            f"overall {tool}: {total.conformant}/{total.requests} = {total.percent:.1f}% conform; "
            f"{len(worst)} spec(s) under 95%; {total.unchecked} request(s) the validator could not check"
        )
        for reason, count in total.reasons.most_common(top + 2):
            lines.append(f"    {count:5} × {reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only", action="append", default=[], help="specs whose name contains this (repeatable)"
    )
    parser.add_argument(
        "--spec",
        action="append",
        type=Path,
        default=[],
        help="measure this spec file instead of the corpus (repeatable; named by its file name)",
    )
    parser.add_argument("--tool", action="append", choices=TOOLS, help="which generators (default: both)")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--top", type=int, default=3, help="failure reasons shown per spec")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failing request")
    parser.add_argument(
        "--kit-root", type=Path, default=ROOT, help="the checkout whose postman-kit is measured"
    )
    args = parser.parse_args(argv)
    use_kit(args.kit_root)
    if not (NODE_BIN / "newman").exists():
        print(f"wire_conformance: newman is not installed in {NODE_BIN}", file=sys.stderr)
        return 1
    listed = [(p.stem, p) for p in args.spec] if args.spec else corpus_specs()
    specs = [(n, p) for n, p in listed if not args.only or any(o in n for o in args.only)]
    if not specs:
        print(f"wire_conformance: no spec found under {CORPUS}", file=sys.stderr)
        return 1
    tools = tuple(args.tool or TOOLS)
    print(report(run(specs, tools, args.jobs), tools, args.top, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
