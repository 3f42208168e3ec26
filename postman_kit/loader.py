"""Read an OpenAPI document (JSON or YAML) from a path, `-` (stdin) or an http(s) URL.

External `$ref`s (to relative files or URLs) are bundled into the root document under
``components/x-bundled`` so every later stage resolves local pointers only.

A spec is untrusted input: its `$ref`s resolve only inside the document's own directory tree (http(s) too when the
document itself came from a URL), plus the roots a user allows with :func:`allowed_ref_roots`
(`--allow-ref-root`). Only regular files are read, never more than :data:`MAX_FILE_BYTES` each.
"""

from __future__ import annotations

import bisect
import contextlib
import contextvars
import functools
import json
import os
import re
import stat
import sys
import time
import urllib.parse
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from postman_kit.errors import InputError
from postman_kit.shapes import MAX_NESTING, pointer_token

# A YAML document whose aliases add more than this many nodes to it, expanded, is refused (alias bombs): every
# later walk over the document sees the expanded tree. OpenAI's 3 MB spec is 110,000 nodes.
MAX_ALIAS_EXPANSION = 1_000_000
# No file, URL or stdin is read past this many bytes (a spec, a collection, a `$ref`'d file): /dev/zero cannot fill
# memory. The largest corpus spec is 4.2 MB.
MAX_FILE_BYTES = 50 * 1024 * 1024
# All the files one document's `$ref`s bring in, together.
MAX_REF_BYTES_TOTAL = 50 * 1024 * 1024
URL_TIMEOUT_SECONDS = 30
BUNDLE_SECTION = "x-bundled"
_UTF8_BOM = b"\xef\xbb\xbf"
_LEADING_SPACE = re.compile(rb"\s*")
# orjson reads integers beyond 64 bits as floats; a document with a float that large is parsed again exactly.
_INT64_LIMIT = 2.0**63
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
# Where a YAML anchor (`&name`) can start: after a space, a line start, a flow indicator or a key's colon. Text
# that has none (OpenAI's 3 MB spec) holds no alias, and the expansion walk, a tenth of its load, is skipped; prose
# such as `R&D` or `a=1&b=2` never matches.
_ANCHOR_NAME_START = re.compile(r"&[^\s\[\]{},]")


def _may_hold_anchor(text: str) -> bool:
    """Whether `text` has an `&` where an anchor can start. Found from the `&`s, which are few: a pattern that
    must try its start at every character took 0.1 s on OpenAI's spec, a sixth of its `generate`
    (benchmarks/bench_generate.py); this takes a millisecond."""
    for found in _ANCHOR_NAME_START.finditer(text):
        at = found.start()
        if at == 0 or text[at - 1].isspace() or text[at - 1] in "[{,:":
            return True
    return False


# A YAML document nesting deeper than this is refused before it is composed: PyYAML's C composer recurses on the
# C stack with no limit (50,000 levels crash the process) and libyaml slows down quadratically (9,000 levels
# compose in 0.4 s, 20,000 in 2.7 s, 1,000,000 run past 40 minutes). Real specs and collections nest below 100;
# what nests past MAX_NESTING (shapes.py) within this bound is refused after the parse. The bound is that high so
# that a file with a few thousand brackets, as OpenAI's 3 MB spec has (5,614), skips the event count below: it
# cost a quarter of that spec's load (0.48 s of 1.9 s CPU; benchmarks/bench_generate.py, real-world specs).
# PyYAML 6.0.4 bundles a libyaml that stops at 1,000 levels itself; with it this bound is only a second guard.
MAX_YAML_DEPTH = 8_000
# What a line's indentation and leading block indicators (`- `, `? `, `: `) can open: each level of block nesting
# takes at least one column or one indicator.
_BLOCK_LEAD = re.compile(r"^[ \t]*(?:[-?:][ \t]+)*", re.MULTILINE)


# YAML 1.2's core schema: what OpenAPI recommends for specs ("YAML version 1.2 is RECOMMENDED") and what Postman's
# tools and openapi-to-postmanv2 read with (js-yaml, `yaml`): `NO` (Norway), `off`, `yes` and `1:20` stay strings,
# as PyYAML's YAML 1.1 would not keep them, and `2026-07-15` is no timestamp.
_YAML12_SCALARS = (
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+.0123456789",
    ),
)


@functools.cache
def _yaml12_loader_class(merge: bool = False, redefined_anchors: bool = False) -> type:
    """Safe YAML resolving plain scalars by YAML 1.2's core schema; with `merge`, `<<` merges mappings into its
    own, as js-yaml does for the specs it reads (Postman's `yaml` package, writing collections, does not).
    With `redefined_anchors`, an anchor named again stands for its latest node, as YAML says and js-yaml reads
    it (OpenAI's spec of April–August 2024 names `&run_temperature_description` twice); PyYAML refuses that,
    in its C composer too, so this loader is its Python one, used only for such a document.

    Built on first use: JSON specs, the common case, never pay for importing PyYAML."""
    import yaml

    # the C loader where PyYAML has one
    base = yaml.SafeLoader if redefined_anchors else getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    resolvers: dict[Any, list[tuple[str, Any]]] = {}
    scalars = (*_YAML12_SCALARS, *([("tag:yaml.org,2002:merge", r"^(?:<<)$", "<")] if merge else []))
    for tag, pattern, firsts in scalars:
        for first in [*firsts, *([None] if tag.endswith("null") else [])]:
            resolvers.setdefault(first, []).append((tag, re.compile(pattern)))
    loader: Any = type("_Yaml12Loader", (base,), {"yaml_implicit_resolvers": resolvers})
    if redefined_anchors:

        def compose_node(self: Any, parent: Any, index: Any) -> Any:
            if not self.check_event(yaml.AliasEvent):
                self.anchors.pop(self.peek_event().anchor, None)  # named again: the latest node is its
            return base.compose_node(self, parent, index)

        loader.compose_node = compose_node

    def construct_int(self: Any, node: Any) -> int:
        text = self.construct_scalar(node)
        return int(text[2:], 16 if text[1] == "x" else 8) if text[:2] in ("0x", "0o") else int(text, 10)

    loader.add_constructor("tag:yaml.org,2002:int", construct_int)
    return loader


@dataclass(slots=True)
class LoadedDocument:
    """A parsed document and where it came from."""

    data: Any
    source: str  # what the user gave: a path, a URL or "<stdin>"
    base: str | None  # directory path or URL that relative `$ref`s resolve against
    refs: frozenset[str] | None = None  # every `$ref` string in `data`, when the loader collected them
    warnings: tuple[
        str, ...
    ] = ()  # `$ref`s left unresolved where nothing needs them (extensions, descriptions)
    nesting_checked: bool = False  # `data` nests at most MAX_NESTING deep (load_document's walk found it so)
    # the local files its `$ref`s were read from: inputs, never written over
    files: frozenset[str] = frozenset()


# Extra places `$ref`s may resolve into: absolute directories and http(s) URL prefixes (`--allow-ref-root`).
_ref_roots: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("ref_roots", default=())


@contextlib.contextmanager
def allowed_ref_roots(roots: Iterable[str]) -> Iterator[None]:
    """Let `$ref`s resolve into these directories (or http(s) URL prefixes) too, while the block runs."""
    resolved = tuple(root if is_url(root) else str(Path(root).resolve()) for root in roots)
    token = _ref_roots.set(_ref_roots.get() + resolved)
    try:
        yield
    finally:
        _ref_roots.reset(token)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def read_source(source: str) -> tuple[bytes, str, str | None]:
    """Return (raw bytes, display name, base for relative refs)."""
    if source == "-":
        return _read_bounded(sys.stdin.buffer, "<stdin>"), "<stdin>", str(Path.cwd())
    if is_url(source):
        return _read_url(source), source, source
    return (
        _read_file(source, source, hint=" (read a stream from stdin with -)"),
        source,
        str(Path(source).resolve().parent),
    )


def read_local_file(path: str | Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A local regular file's bytes, at most `limit`, as every input is read: a FIFO, a device (`/dev/zero`) or
    a socket is refused in one line, never waited on or read without end."""
    return _read_file(str(path), str(path), limit)


def _read_bounded(stream: Any, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(name, f"larger than {limit // (1024 * 1024)} MB, the most the kit reads")
    return data


def _read_in_time(stream: Any, name: str, limit: int) -> bytes:
    """A response read in chunks, at most `limit` bytes and URL_TIMEOUT_SECONDS in all: the timeout of each
    read alone let a server sending a byte every few seconds hold the kit for ever."""
    deadline = time.monotonic() + URL_TIMEOUT_SECONDS
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read1(64 * 1024) if hasattr(stream, "read1") else stream.read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise InputError(name, f"larger than {limit // (1024 * 1024)} MB, the most the kit reads")
        chunks.append(chunk)
        if time.monotonic() > deadline:
            raise InputError(name, f"cannot fetch URL: not read within {URL_TIMEOUT_SECONDS:g} seconds")


def _read_url(url: str, limit: int = MAX_FILE_BYTES) -> bytes:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=URL_TIMEOUT_SECONDS) as response:
            return _read_in_time(response, url, limit)
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"cannot fetch URL: HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"cannot fetch URL: {reason}") from None


_FILE_KINDS = (
    (stat.S_ISDIR, "is a directory, expected a file"),
    (stat.S_ISFIFO, "is a FIFO"),
    (stat.S_ISCHR, "is a character device"),
    (stat.S_ISBLK, "is a block device"),
    (stat.S_ISSOCK, "is a socket"),
)


def _not_regular(mode: int) -> str:
    for test, problem in _FILE_KINDS:
        if test(mode):
            return problem
    return "is not a regular file"


def _read_file(path: str, name: str, limit: int = MAX_FILE_BYTES, hint: str = "") -> bytes:
    """A regular file's bytes, at most `limit`: a device, FIFO or socket is refused before it is opened, and the
    open itself is non-blocking, so a FIFO swapped in after the check cannot hang the kit either."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            problem = _not_regular(mode)
            raise InputError(
                name, problem if stat.S_ISDIR(mode) else f"{problem}, expected a regular file{hint}"
            )
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read file: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise InputError(name, _not_regular(os.fstat(fd).st_mode) + ", expected a regular file")
        try:
            return _read_bounded(stream, name, limit)
        except OSError as exc:
            raise InputError(name, f"cannot read file: {exc.strerror or exc}") from None


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
    looks_json = body[start : start + 1] in (b"{", b"[")
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
                raise InputError(
                    name, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
                ) from None
            # JSON-looking YAML (flow style) falls through to the YAML parser.
        except ValueError:  # an integer past Python's limit on digits (sys.get_int_max_str_digits)
            limit = sys.get_int_max_str_digits()
            raise InputError(name, f"invalid JSON: a number has more than {limit:,} digits") from None
        else:
            if _SURROGATE_ESCAPE.search(text) and _has_lone_surrogate(data):
                raise InputError(
                    name, "invalid JSON: a string holds a lone UTF-16 surrogate (\\ud800-\\udfff)"
                )
            return data
    # openai.yaml: parse_text 0.11 s, 0.61 s on libyaml alone (benchmarks/bench_generate.py, real-world)
    data = _parse_yaml_fast(text)
    if data is not None:
        return data
    try:
        return _parse_yaml(text, name)
    except InputError as exc:
        if name.lower().endswith(".json") and not looks_json:
            # a `.json` file that is not JSON (program output saved ahead of the document) is said to be so first
            first = text.lstrip()[:1]
            raise InputError(
                name, f"invalid JSON: it starts with {first!r}, not {{ or [ (read as YAML: {exc.message})"
            ) from None
        raise


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


def parse_yaml_with_lines(raw: bytes, name: str, depth: int = 3) -> tuple[Any, dict[tuple[Any, ...], int]]:
    """Parse YAML bytes as :func:`parse_text` does, with the 1-based line of every mapping key and list entry
    down to `depth` levels (`("response", "headers", 0)` → 14): where findings in a YAML file point."""
    body = raw.removeprefix(_UTF8_BOM)
    if not body.strip():
        raise InputError(name, "file is empty")
    lines: dict[tuple[Any, ...], int] = {}
    return _parse_yaml(_decode(body, raw, name), name, lines, depth), lines


# -- the fast YAML path ------------------------------------------------------------------------------------------
# fastyaml-rs (`fast_yaml`) parses a spec about ten times as fast as libyaml. Both read YAML 1.2's core schema here,
# but fastyaml-rs takes a few more numbers (`0X1F`, `-0o17`), orders keys a merge brings in otherwise, and accepts
# some flow-style syntax libyaml refuses. A document takes it only when the guards below find nothing that the two
# could read differently; anything else, and anything it refuses, goes to _parse_yaml, so data and error messages
# are libyaml's exactly.
# A node can start here: after a line break, `[`, `{` or `,`, or after `-`, `?` or `:` and a space.
_PLAIN_START_AFTER = "\n\r[{,"
# A plain scalar ends here: at a line end or comment, at a flow indicator, or at `: ` (a key's colon).
_PLAIN_END = re.compile(r"[ \t]*(?:$|[\r\n#,\]}]|:(?:[ \t\r\n]|$))")
# Plain numbers fastyaml-rs reads and YAML 1.2's core schema leaves strings: hexadecimal and octal with a capital
# prefix or a sign (`0X1F`, `0O17`, `-0x1F`, `+0o17`).
_DIVERGENT_NUMBER = re.compile(r"[-+]?0[XO][0-9a-fA-F]+|[-+]0[xo][0-9a-fA-F]+")
# What each of those holds, found by a search led by a literal (fast: a few ms on OpenAI's spec); the whole token
# around each is checked then.
_DIVERGENT_NUMBER_HINT = re.compile(r"0[XOxo]")
_TOKEN_END = re.compile(r"[^\s,\[\]{}#:]*")
# A plain scalar starting with one of these in a flow collection (`[a, ?b]`, `[:b]`, `[|]`) libyaml refuses or
# reads as a key; fastyaml-rs takes it for a string.
_FLOW_INDICATOR_FIRSTS = frozenset(":?|>")
# Characters the two place apart: a tab (libyaml refuses it in more places than fastyaml-rs: `-\tx`, `a:\tb`,
# ` \tx`), a byte order mark after the start (which libyaml skips), and NEL, LS and PS, line breaks to YAML 1.1.
_CHARACTERS_READ_APART = ("\t", "\ufeff", "\x85", "\u2028", "\u2029")
# A colon right before a flow indicator: `[x:]`, `{a:}`, `{a:?b}`, `{a:[b]}` (but `{"a":[1]}` both read alike).
_COLON_BEFORE_FLOW_INDICATOR = re.compile(r":[,?\[\]{}]")
# A colon at the start or after a space, a line break or a flow indicator, before a space or a line break: a key
# may be left out.
_LONE_COLON = re.compile(r":(?<![^ \r\n\[{,]:)(?=[ \r\n]|$)")
# A flow collection's entry or a value starting with a flow indicator (`[:b]`, `{?a}`, `[x, |]`, `{a: ?b}`), which
# libyaml refuses or reads as a key and fastyaml-rs takes for a string; a block scalar's header (`a: >-`) is none.
# Two patterns, not one alternation: 14 ms against 30 on OpenAI's spec.
_FLOW_INDICATOR_ENTRY = (
    re.compile(r"[\[{,]\s*[:?|>]"),
    re.compile(r":[ \t]+(?:[?:](?=\S)|[|>](?=[^\s\-+0-9#]))"),
)
# A document start or end marker after the first line.
_LATER_DOCUMENT_MARKER = tuple(re.compile(rf"{br}(?:---|\.\.\.)(?:[ \t\r\n]|$)") for br in ("\n", "\r"))
# A line of text, with its line break.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# A line ending in a block scalar's header after a plain key or a `-`, with no indentation indicator: the key's
# column (or the one after the `-`) is the first group's length.
_BLOCK_SCALAR_LINE = re.compile(
    r"([ ]*(?:-[ ]+)*)(?:[A-Za-z0-9_$./-]+:[ ]+|(?<=-[ ]))[|>][-+]?[ ]*(?:[ ]#[^\r\n]*)?(?:\r\n|\r|\n|$)"
)
# A literal or folded block scalar's header, ending a line: `|`, `>-`, `|2` (a comment may follow).
_BLOCK_SCALAR_HEADER = re.compile(r"(?:^|[ ])[|>][-+0-9]*[ ]*(?:#.*)?$")


@functools.cache
def _fast_yaml() -> Any:
    """fastyaml-rs's module, or None where it is not installed (the libyaml path then reads every document)."""
    try:
        import fast_yaml
    except ImportError:
        return None
    return fast_yaml


def _parse_yaml_fast(text: str) -> Any:
    """`text` read by fastyaml-rs when that reads it as libyaml would; None when it does not, or may not, or the
    document is empty or null: the caller then reads it with libyaml (_parse_yaml), which words any error."""
    if _block_scalar_at_end(text) or any(character in text for character in _CHARACTERS_READ_APART):
        return None
    # Prose in block scalars looks like syntax to the text guards (`![diagram](…)` like a tag, `&quot;` like an
    # anchor, `spotify:track:{id}`) and sent Spotify's and Train Travel's specs to libyaml, whose reading took
    # 95 of Spotify's 160 ms in `generate` (benchmarks/bench_generate.py, real-world); the guards look again
    # without that text.
    syntax = text
    if _may_hold_syntax_read_apart(text):
        syntax = _without_block_scalar_text(text)
        if _may_hold_syntax_read_apart(syntax):
            return None
    # imported only after the guards: 10 ms that a document they send to libyaml does not pay
    if (fast_yaml := _fast_yaml()) is None:
        return None
    try:
        data = fast_yaml.safe_load(text, max_documents=1)
    except Exception:  # noqa: BLE001 - whatever it refuses, libyaml refuses or reads, in its own words
        return None
    if data is None or any(_written_plain(syntax, value) for value in _strings_read_apart(data)):
        return None
    return data


def _may_hold_syntax_read_apart(text: str) -> bool:
    return (
        _may_hold_anchor(text)
        or _may_hold_tag_or_directive(text)
        or _may_hold_yaml12_only_syntax(text)
        or _may_hold_divergent_number(text)
    )


def _without_block_scalar_text(text: str) -> str:
    """`text` with the content lines of its block scalars left out, their line breaks kept: the lines below a
    header after a plain key or a `-` (`description: |`, `- >-`) that are blank or indented at least as deep as
    the first that is not, which must be deeper than the key. Both parsers read those lines as text.

    Only a header of that shape counts, with no indentation indicator, and a line is never taken for content
    unless it is: a header inside a quoted scalar hides only more of that scalar's text, and one inside a flow
    collection (`{b: |`, which libyaml refuses) comes out of fastyaml-rs as a string starting with `|`, which
    _strings_read_apart finds, and the header stays in the text _written_plain then reads."""
    lines = _LINE.findall(text)
    quoted = _quoted_spans(text)
    kept: list[str] = []
    at = 0
    offset = 0  # where `line` starts in `text`
    while at < len(lines):
        line = lines[at]
        kept.append(line)
        at += 1
        header = _BLOCK_SCALAR_LINE.match(line)
        start, offset = offset, offset + len(line)
        if header is None or _within_span(quoted, start):
            # a header's look-alike inside a quoted scalar (`"see\n  b: |\n  ", 0X1F]`) is that scalar's text,
            # and what follows it is YAML the guards must see
            continue
        key_column = len(header.group(1))
        indent = None
        while at < len(lines):
            content = lines[at].rstrip("\r\n")
            words = content.lstrip(" ")
            if words:
                width = len(content) - len(words)
                if width < (indent if indent is not None else key_column + 1):
                    break
                indent = width if indent is None else indent
            kept.append(lines[at][len(content) :])
            offset += len(lines[at])
            at += 1
    return "".join(kept)


_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"?|\'(?:[^\']|\'\')*\'?')


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where quoted scalars stand in `text`, as (start, end): a quote opens one only where a node may start
    (`a: "…`, `- '…`, `["…`). Taken wider than YAML would (a quote in a block scalar's prose may open one), which
    only keeps more text for the guards to look at."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (found := _QUOTED.search(text, at)) is not None:
        if _at_node_start(text, found.start()):
            spans.append((found.start(), found.end()))
            at = found.end()
        else:
            at = found.start() + 1
    return spans


def _within_span(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect.bisect_right(spans, (position, 1 << 62)) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def _block_scalar_at_end(text: str) -> bool:
    """Whether a literal or folded block scalar may end the text with no line break after it, or with no text in
    it: libyaml drops its last line break there, fastyaml-rs keeps it (`a: |\\n  x` is 'x' against 'x\\n', and
    `a: |\\n` '' against '\\n')."""
    if "|" not in text and ">" not in text:
        return False
    return not text.endswith("\n") or _BLOCK_SCALAR_HEADER.search(_last_content_line(text)) is not None


def _last_content_line(text: str) -> str:
    """The last line of `text` that holds more than blanks or a comment."""
    end = len(text)
    while True:
        start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
        line = text[start:end]
        if start == 0 or (line.strip() and not line.lstrip().startswith("#")):
            return line
        end = start - 1


def _may_hold_yaml12_only_syntax(text: str) -> bool:
    """Whether `text` may hold syntax fastyaml-rs reads and libyaml refuses or reads otherwise: a colon right
    before a flow indicator (`[x:]`, `{a:?b}`), a key left out before its colon (` : x`, `{ : x}`), or a document
    marker after the first line, where libyaml ends a root block scalar and fastyaml-rs reads on (` |\\n---\\n`)."""
    for found in _COLON_BEFORE_FLOW_INDICATOR.finditer(text):
        at = found.start()
        if text[at + 1] not in "[{" or at == 0 or text[at - 1] not in "\"'":
            return True
    if any(_at_node_start(text, found.start()) for found in _LONE_COLON.finditer(text)):
        return True
    if "'::" in text or '"::' in text:
        return True  # a quoted key's colon right before another (`{'a'::b}`): libyaml refuses, fastyaml-rs reads `:b`
    # looked for in the text: a later duplicate key hides it from the data
    if any(entry.search(text) for entry in _FLOW_INDICATOR_ENTRY):
        return True
    return any(marker.search(text) for marker in _LATER_DOCUMENT_MARKER)


def _may_hold_tag_or_directive(text: str) -> bool:
    """Whether a `!` may start a tag, or a `%` a directive: fastyaml-rs drops tags (`!!binary`, `! 12`, an unknown
    `!!python/object`), which PyYAML builds or refuses, and it reads no `%YAML 1.1` or `%TAG` directive."""
    if text.startswith("%") or "\n%" in text or "\r%" in text:
        return True
    at = text.find("!")
    while at != -1:
        if _at_node_start(text, at):
            return True
        at = text.find("!", at + 1)
    return False


def _may_hold_divergent_number(text: str) -> bool:
    """Whether a plain scalar that fastyaml-rs reads as a number and YAML 1.2's core schema as a string may be in
    `text` (see _DIVERGENT_NUMBER). A number fastyaml-rs made carries no trace of how it was
    written (`017` and `17` are both 17), so this is looked for in the text."""
    checked: set[int] = set()
    for hint in _DIVERGENT_NUMBER_HINT.finditer(text):
        start = hint.start()
        while start > 0 and text[start - 1] in "-+.0123456789_eEoOxXbB":
            start -= 1
        if start in checked:
            continue
        checked.add(start)
        end = _TOKEN_END.match(text, hint.start()).end()  # type: ignore[union-attr]
        if (
            _DIVERGENT_NUMBER.fullmatch(text, start, end)
            and _PLAIN_END.match(text, end)
            and _at_node_start(text, start)
        ):
            return True
    return False


def _at_node_start(text: str, at: int) -> bool:
    """Whether a plain scalar (or a tag) can start at `at`: at the text's or a line's start or after `[`, `{` or
    `,` (spaces between or not), after `-`, `?` or `:` and a space, or right after the colon of a quoted or flow
    key (`{"a":yes}`)."""
    before = at
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before == 0 or text[before - 1] in _PLAIN_START_AFTER:
        return True
    indicator = text[before - 1]
    if indicator not in ":?-":
        return False
    return before < at or (indicator == ":" and before > 1 and text[before - 2] in "\"']}")


def _strings_read_apart(data: Any) -> set[str]:
    """The strings and string keys in `data` that libyaml may read otherwise had they been written plain: one
    starting with a flow indicator (`?b` in a flow collection; only its first word is kept, as a plain scalar may
    fold lines into it: `[>+\\n  a]`), and `<<`, whose merged keys fastyaml-rs orders otherwise.

    A data check, not a text one: quoted `'?b'` and plain `?b` both come out of fastyaml-rs as '?b', and only the
    plain one is read otherwise; _written_plain then tells them apart in the text."""
    # keys and values are checked inline, not through a shared helper: a call per string made this walk 45% slower
    # on OpenAI's spec (15 → 21 ms of parse_text's 0.11 s)
    found = {"<<"}
    add = found.add
    stack = [data]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        kind = type(node)
        if kind is dict:
            for key in node:
                if type(key) is str and key[:1] in _FLOW_INDICATOR_FIRSTS:
                    add(key.split(maxsplit=1)[0])
            values: Any = node.values()
        elif kind is list:
            values = node
        else:
            values = (node,)  # the document is one scalar
        for value in values:
            kind = type(value)
            if kind is str:
                if value[:1] in _FLOW_INDICATOR_FIRSTS:
                    add(value.split(maxsplit=1)[0])
            elif kind is dict or kind is list:
                push(value)
    return found


def _written_plain(text: str, value: str) -> bool:
    """Whether `value` stands in `text` as a whole plain scalar: at a node's start, up to a plain scalar's end;
    or, for one starting with a flow indicator, whether a plain scalar may start with it (see _strings_read_apart)."""
    may_go_on = value[:1] in _FLOW_INDICATOR_FIRSTS
    at = text.find(value)
    while at != -1:
        end = at + len(value)
        if _at_node_start(text, at) and (
            _PLAIN_END.match(text, end) or (may_go_on and text[end : end + 1] in (" ", "\r", "\n"))
        ):
            return True
        at = text.find(value, at + 1)
    return False


def _parse_yaml(text: str, name: str, lines: dict[tuple[Any, ...], int] | None = None, depth: int = 0) -> Any:
    """A YAML document read by YAML 1.2's core schema (merging `<<` keys, but with `lines`, where its keys' lines
    are recorded instead)."""
    import yaml

    _check_yaml_depth(text, name)
    loader = _yaml12_loader_class(merge=lines is None)(text)
    try:
        try:
            node = loader.get_single_node()
        except yaml.composer.ComposerError as exc:
            if "found duplicate anchor" not in str(exc.context):
                raise
            loader = _yaml12_loader_class(merge=lines is None, redefined_anchors=True)(text)
            node = loader.get_single_node()
        if node is None:
            raise InputError(name, "file is empty")
        if _may_hold_anchor(text):  # an alias needs an anchor: without one nothing can expand
            _check_expansion(node, name)
        if lines is not None:
            _node_lines(node, (), depth, lines)
        return _construct_document(loader, node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        if "maximum nesting depth" in str(exc.problem):  # libyaml 0.2.6 (PyYAML 6.0.4) stops at 1,000 levels
            raise InputError(name, f"YAML document nests too deeply for the YAML parser{where}") from None
        raise InputError(name, f"invalid YAML: {_one_line(exc.problem or exc.context)}{where}") from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        raise InputError(name, f"invalid YAML: character U+{code:04X} is not allowed (line {line})") from None
    except yaml.YAMLError as exc:
        raise InputError(name, f"invalid YAML: {_one_line(str(exc))}") from None
    except ValueError as exc:  # a scalar PyYAML's constructor cannot make: `2024-13-45`, 5,000 digits
        if "integer string conversion" in str(exc):
            limit = sys.get_int_max_str_digits()
            raise InputError(name, f"invalid YAML: a number has more than {limit:,} digits") from None
        raise InputError(name, f"invalid YAML: {_one_line(str(exc))}") from None
    finally:
        loader.dispose()


_YAML_STR, _YAML_MAP, _YAML_SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))
# `<<` and `=`: keys PyYAML flattens into their mapping
_YAML_MERGE_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


def _construct_document(loader: Any, root: Any) -> Any:
    """The data of a composed YAML document, as PyYAML's constructor makes it.

    Specs are mappings, lists and strings: those are built here directly, and everything else (numbers,
    booleans, other tags, mappings with merge keys) by PyYAML's constructor. Its general machinery costs five
    times as much on OpenAI's 3 MB spec (0.45 s against 0.08 s, a fifth of the whole `generate`;
    benchmarks/bench_generate.py). A node an alias repeats is built once and its object shared, as PyYAML
    does; a document too deep for recursion is left whole to PyYAML, which builds without it.
    """
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    built: dict[int, Any] = {}

    def build(node: Any) -> Any:
        kind = type(node)
        if kind is ScalarNode and node.tag == _YAML_STR:
            return node.value
        known = built.get(id(node))
        if known is not None:
            return known
        if (
            kind is MappingNode
            and node.tag == _YAML_MAP
            and all(type(key) is ScalarNode and key.tag not in _YAML_MERGE_KEYS for key, _ in node.value)
        ):
            mapping: dict[Any, Any] = {}
            built[id(node)] = mapping
            for key, value in node.value:
                mapping[build(key)] = build(value)
            return mapping
        if kind is SequenceNode and node.tag == _YAML_SEQ:
            sequence: list[Any] = []
            built[id(node)] = sequence
            for child in node.value:
                sequence.append(build(child))
            return sequence
        built[id(node)] = data = loader.construct_object(node, deep=True)
        return data

    try:
        return build(root)
    except RecursionError:
        return loader.construct_document(root)


def _check_yaml_depth(text: str, name: str) -> None:
    """Refuse a document that nests deeper than :data:`MAX_YAML_DEPTH`, in time linear in its length.

    Every level is opened by a `[`, a `{`, a column of indentation or a block indicator, so when those together
    stay within the limit (every block-style spec, almost every file) nothing more is done; otherwise libyaml's
    events, which it produces without recursion, are counted up to the limit. Counting brackets in the text alone
    cannot do: a `]` inside a quoted string or a comment would hide a real level.
    """
    import yaml

    openers = text.count("[") + text.count("{")
    room = MAX_YAML_DEPTH - openers
    # A lead is a run of ` \t-?:` at a line's start: when no line starts with a longer run than `room`, no lead
    # is longer either. That search has a literal to look for (a line break), the exact count has not: 9 ms
    # against 52 on OpenAI's spec (benchmarks/bench_generate.py).
    if room >= len(text) or (room >= 0 and not re.search(f"\n[ \t\\-?:]{{{room + 1}}}", "\n" + text)):
        return
    if openers + max(len(lead) for lead in _BLOCK_LEAD.findall(text)) <= MAX_YAML_DEPTH:
        return
    parser = yaml.CSafeLoader(text) if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader(text)
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    depth = 0
    try:
        while not isinstance(event := parser.get_event(), yaml.StreamEndEvent):
            if isinstance(event, starts):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    mark = event.start_mark
                    where = f", line {mark.line + 1}" if mark is not None else ""
                    raise InputError(
                        name, f"YAML document nests too deeply (more than {MAX_YAML_DEPTH:,} levels{where})"
                    )
            elif isinstance(event, ends):
                depth -= 1
    except yaml.YAMLError:
        return  # the parse proper reports it, with its line
    finally:
        parser.dispose()


def _node_lines(node: Any, path: tuple[Any, ...], depth: int, lines: dict[tuple[Any, ...], int]) -> None:
    """Record where each mapping key and list entry below `node` starts, `depth` levels down."""
    import yaml

    if depth <= 0:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines.setdefault((*path, key.value), key.start_mark.line + 1)
                _node_lines(value, (*path, key.value), depth - 1, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            lines[(*path, index)] = value.start_mark.line + 1
            _node_lines(value, (*path, index), depth - 1, lines)


def _one_line(text: str | None) -> str:
    return " ".join(str(text).split())


def _check_expansion(root: Any, name: str) -> None:
    """Count the nodes a document expands to, sharing work across aliases."""
    import yaml

    sizes: dict[int, int] = {}

    def size(node: yaml.Node) -> int:
        key = id(node)
        known = sizes.get(key)
        if known is not None:
            if not known:
                mark = node.start_mark
                raise InputError(name, f"YAML alias refers to itself (recursive alias, line {mark.line + 1})")
            return known
        sizes[key] = 0  # being counted: meeting it again inside itself is a recursive alias
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
        if (
            total > MAX_ALIAS_EXPANSION and total > len(sizes) + MAX_ALIAS_EXPANSION
        ):  # len: distinct nodes so far
            raise InputError(
                name,
                f"YAML aliases expand the document by more than {MAX_ALIAS_EXPANSION:,} nodes (alias bomb?)",
            )
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
        # a bytes search first: the walk is for 3.1 documents that name schemas by `$id` or `$anchor`
        identified = (b"$id" in raw or b"$anchor" in raw) and not scan.too_deep  # too deep: refused below
        if identified and str(data.get("openapi", "")).startswith("3.1") and _point_identified_refs(data):
            scan = _scan(data)
        if any(not ref.startswith("#") for ref in scan.refs):
            _bundle_external_refs(document)
            scan = _scan(data)
        document.refs = scan.refs
    if scan.too_deep:
        raise InputError(name, f"document nests deeper than {MAX_NESTING} levels")
    document.nesting_checked = True
    return document


def _point_identified_refs(data: dict[str, Any]) -> bool:
    """OpenAPI 3.1's schemas are JSON Schema 2020-12 resources: a schema with `$id` sets the base its `$ref`s are
    read against (`#/$defs/line` inside `$id: https://example.com/schemas/cart` is that schema's own `$defs`), a
    `$ref` may name a schema by its `$id` (`https://example.com/schemas/address`, or `inner` beside it) and
    `#skuAnchor` names a `$anchor`. Each such `$ref` found to name a schema of this document is rewritten as the
    JSON pointer to it, so the rest of the kit reads it like any other; the others are left as written. Whether
    any was rewritten. `example`s and `examples` are data, and are not looked into."""
    ids: dict[str, str] = {}
    anchors: dict[tuple[str, str], str] = {}
    found: list[tuple[dict[str, Any], str]] = []  # (a node holding a $ref, the base its $ref is read against)

    def visit(node: Any, pointer: str, base: str) -> None:
        if isinstance(node, list):
            for index, item in enumerate(node):
                visit(item, f"{pointer}/{index}", base)
            return
        if not isinstance(node, dict):
            return
        own = node.get("$id")
        if isinstance(own, str) and own:
            base = urllib.parse.urljoin(base, own).split("#", 1)[0]
            ids.setdefault(base, pointer)
        anchor = node.get("$anchor")
        if isinstance(anchor, str) and anchor:
            anchors.setdefault((base, anchor), pointer)
        if isinstance(node.get("$ref"), str):
            found.append((node, base))
        for key, value in node.items():
            if key not in ("example", "examples"):
                visit(value, f"{pointer}/{pointer_token(str(key))}", base)

    visit(data, "", "")
    changed = False
    for node, base in found:
        ref = node["$ref"]
        if not base and ref.startswith("#/"):
            continue  # an ordinary pointer into the document
        target = urllib.parse.urljoin(base, ref) if base else ref
        uri, _, fragment = target.partition("#")
        if uri and uri not in ids:
            continue
        root = ids.get(uri, "") if uri else ""
        if fragment.startswith("/"):
            pointer: str | None = root + fragment
        elif fragment:  # an anchor of the resource, else the one anchor of that name in the document
            named = [at for (_, name), at in anchors.items() if name == fragment]
            pointer = anchors.get((uri, fragment), named[0] if len(named) == 1 else None)
        else:
            pointer = root if uri else None
        if pointer is None or "#" + pointer == ref or not _points_somewhere(data, pointer):
            continue  # `#/components/schemas/X` inside a schema with `$id`: meant, and read, document-wide
        node["$ref"] = "#" + pointer
        changed = True
    return changed


def _points_somewhere(data: Any, pointer: str) -> bool:
    try:
        resolve_pointer(data, pointer, "")
    except InputError:
        return False
    return True


def collect_refs(data: Any) -> frozenset[str]:
    """Every `$ref` string in a parsed document."""
    return _scan(data).refs


@dataclass(slots=True, frozen=True)
class _Scan:
    """What one walk over a parsed document found."""

    refs: frozenset[str]
    lossy: bool  # holds a float beyond 64-bit integers: orjson may have rounded an integer
    too_deep: bool  # nests deeper than MAX_NESTING: refused, as shapes.check_nesting would


def _scan(data: Any) -> _Scan:
    """One walk over a parsed document: its `$ref` strings, whether orjson may have rounded a number, and whether
    it nests deeper than MAX_NESTING (one walk for the three: each is a pass over every node of a 3 MB spec)."""
    refs: set[str] = set()
    add = refs.add
    lossy = False
    too_deep = False

    # Recursion is several times faster than an explicit stack here; documents too deep for it take the stack.
    # `depth` counts the containers around `node`'s values, `node` included.
    def visit_dict(node: dict[str, Any], depth: int) -> None:
        ref = node.get("$ref")
        if type(ref) is str:
            add(ref)
        visit_list(node.values(), depth)

    def visit_list(node: Any, depth: int) -> None:
        nonlocal lossy, too_deep
        if depth > MAX_NESTING:
            too_deep = True
        depth += 1
        for value in node:
            kind = type(value)
            if kind is dict:
                visit_dict(value, depth)
            elif kind is list:
                visit_list(value, depth)
            elif kind is float and not -_INT64_LIMIT <= value < _INT64_LIMIT:
                lossy = True

    try:
        visit_list([data], 0)
    except RecursionError:
        refs.clear()
        stack: list[tuple[Any, int]] = [(data, 0)]  # (node, the containers around it)
        while stack:
            node, depth = stack.pop()
            if isinstance(node, dict | list):
                if depth >= MAX_NESTING:
                    too_deep = True
                values = node.values() if isinstance(node, dict) else node
                stack.extend((value, depth + 1) for value in values)
                ref = node.get("$ref") if isinstance(node, dict) else None
                if isinstance(ref, str):
                    add(ref)
            elif isinstance(node, float) and not -_INT64_LIMIT <= node < _INT64_LIMIT:
                lossy = True
    return _Scan(frozenset(refs), lossy, too_deep)


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# A `$ref` below one of these keys documents something; no request is built from it, so one that cannot be resolved
# is a warning (Train Travel's `x-topics` points at a markdown file), as in other OpenAPI tools.
# Where a $ref that cannot be read is left, with a warning: extensions, words, and examples (Dropbox Sign's example
# files, one with a trailing comma), none of which a request needs
_LENIENT_KEYS = ("x-", "description", "example")


# Keywords that make a mapping a schema rather than a map of property schemas
_SCHEMA_KEYWORDS = frozenset(
    (
        "type",
        "properties",
        "allOf",
        "oneOf",
        "anyOf",
        "items",
        "$ref",
        "enum",
        "required",
        "additionalProperties",
    )
)


def _lenient_key(key: Any) -> bool:
    return isinstance(key, str) and key.startswith(_LENIENT_KEYS)


def _check_ref_target(location: str, ref: str, from_url: bool, roots: tuple[str, ...]) -> str | None:
    """Why `location` (a resolved path or URL a `$ref` names) may not be read; None when it may. A spec read from
    a URL reads URLs under its own directory, as a file's refs stay inside its directory: not another host
    (an internal service, `169.254.169.254`), nor its own server's other paths."""
    if is_url(location):
        if any(location.startswith(root.rstrip("/") + "/") for root in roots if is_url(root)):
            return None
        if from_url:
            return (
                f"$ref {ref!r} points outside the spec's own URL directory (allow its prefix with "
                "--allow-ref-root URL)"
            )
        return (
            f"$ref {ref!r} fetches a URL, which only a spec read from a URL may do (or allow its prefix with "
            "--allow-ref-root URL)"
        )
    if any(_inside(location, root) for root in roots if not is_url(root)):
        return None
    return f"$ref {ref!r} points outside the spec's directory (allow another directory with --allow-ref-root DIR)"


def _inside(path: str, directory: str) -> bool:
    """Whether resolved `path` is `directory` or below it (os.path strings, not pathlib: DigitalOcean checks
    9,000 refs, see _bundle_external_refs)."""
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def _join(base: str | None, ref_file: str) -> str:
    if is_url(ref_file) or base is None:
        return ref_file
    if is_url(base):
        return urllib.parse.urljoin(base, ref_file)
    return os.path.realpath(os.path.join(base, ref_file))


def _parent(location: str) -> str:
    if is_url(location):
        return location.rsplit("/", 1)[0] + "/"
    return os.path.dirname(location)


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
        elif isinstance(node, dict) and part.isdigit() and int(part) in node:
            node = node[int(part)]  # a YAML key written unquoted (`500:`, SuperTokens' responses) is a number
        else:
            raise InputError(source, f"$ref target not found: #{pointer}")
    return node


# what a bundled component's key keeps of the name it came from
_UNPLAIN_KEY = re.compile(r"[^A-Za-z0-9_.-]+")


def _bundle_external_refs(document: LoadedDocument) -> None:
    """Inline every external document part under components/x-bundled and point refs at it."""
    root = document.data
    bundled: dict[str, Any] = root.setdefault("components", {}).setdefault(BUNDLE_SECTION, {})
    files: dict[str, Any] = {}
    keys: dict[tuple[str, str], str] = {}
    used_keys: set[str] = set()
    # (directory, file part of a $ref made there) → the checked location it names: DigitalOcean's 2,850 files
    # hold 9,000 refs, and resolving each path anew was a third of its `generate` (benchmarks/bench_generate.py)
    locations: dict[tuple[str | None, str], str] = {}
    warnings: list[str] = []
    from_url = document.base is not None and is_url(document.base)
    # a spec read from a URL reads what is under its own URL's directory (its base is the document's URL)
    own = _parent(document.base) if from_url and document.base else document.base
    roots = (*(() if own is None else (own,)), *_ref_roots.get())
    read_bytes = 0

    def load_file(location: str) -> Any:
        nonlocal read_bytes
        if location not in files:
            raw = _read_url(location) if is_url(location) else _read_file(location, location)
            read_bytes += len(raw)
            if read_bytes > MAX_REF_BYTES_TOTAL:
                raise InputError(
                    document.source,
                    f"the files its $refs name add up to more than {MAX_REF_BYTES_TOTAL // (1024 * 1024)} MB",
                )
            files[location] = parse_text(raw, location)
        return files[location]

    def key_for(location: str, pointer: str, lenient: bool) -> str:
        ident = (location, pointer)
        if ident not in keys:
            target = resolve_pointer(load_file(location), pointer, location)
            stem = Path(urllib.parse.urlparse(location).path).stem or "doc"
            tail = pointer.rstrip("/").rsplit("/", 1)[-1] if pointer.strip("/") else ""
            # a key plain enough to stand in a pointer as it is: Matrix's `whoami.yaml#/paths/~1account~1whoami`
            # gave `whoami_~1account~1whoami`, which a pointer reads as `whoami_/account/whoami`
            tail = _UNPLAIN_KEY.sub("_", tail.replace("~1", "/").replace("~0", "~")).strip("_")
            base_key = f"{stem}_{tail}" if tail else stem
            candidate, n = base_key, 2
            while candidate in bundled or candidate in used_keys:
                candidate, n = f"{base_key}_{n}", n + 1
            keys[ident] = candidate
            used_keys.add(candidate)
            bundled[candidate] = None  # reserve before walking: recursive refs see the key
            bundled[candidate] = rewrite(_deep_copy(target), location, lenient)
        return keys[ident]

    def external_key(ref: str, current: str | None, lenient: bool) -> str:
        location, pointer = target_of(ref, current)
        return key_for(location, pointer, lenient)

    def target_of(ref: str, current: str | None) -> tuple[str, str]:
        """The file (path or URL) and JSON pointer `ref` names from file `current` (None for the root)."""
        file_part, _, pointer = ref.partition("#")
        if not file_part:
            if current is None:  # only `$ref: ""` gets here from the root document
                raise InputError(document.source, f"$ref {ref!r} names no file and no part of one")
            return current, pointer
        base = _parent(current) if current else document.base
        known = locations.get((base, file_part))
        if known is not None:
            return known, pointer
        if any(ord(c) < 0x20 or c == "\x7f" for c in file_part):
            raise InputError(current or document.source, f"$ref {ref!r} holds a control character")
        if _SCHEME.match(file_part) and not is_url(file_part):
            raise InputError(
                current or document.source, f"$ref {ref!r} is not a relative path or http(s) URL"
            )
        location = _join(base, file_part)
        problem = _check_ref_target(location, ref, from_url, roots)
        if problem:
            raise InputError(current or document.source, problem)
        locations[base, file_part] = location
        return location, pointer

    def description_text(node: Any, current: str | None) -> Any:
        """A description written as a `$ref` to text (DigitalOcean keeps its long ones in description.yml):
        the text itself, as Redocly and openapi-to-postmanv2 read it. OpenAPI allows no `$ref` there, so
        anything else (a ref to a non-text part, or one that cannot be read) is rewritten as usual, leniently.
        """
        ref = node.get("$ref") if isinstance(node, dict) and len(node) == 1 else None
        if isinstance(ref, str):
            try:
                if ref.startswith("#") and current is None:
                    text = resolve_pointer(root, ref[1:], document.source)
                else:
                    text = resolve_pointer(load_file(target_of(ref, current)[0]), ref.partition("#")[2], ref)
            except InputError:
                text = None
            if isinstance(text, str):
                return text
        return rewrite(node, current, True)

    def property_map(node: Any, current: str | None, lenient: bool = False) -> Any:
        """`properties` given whole as a `$ref` to a map of property schemas (DigitalOcean's load balancer:
        `properties: {$ref: 'attributes.yml#/load_balancer_droplet_tag'}`) is that map, as Redocly and
        swagger-parser read it; a map holding a property that is itself named `$ref`, or a ref to a schema
        (`type`, `properties`, … at its top), is left as written."""
        ref = node.get("$ref") if isinstance(node, dict) and len(node) == 1 else None
        if isinstance(ref, str) and (current is not None or not ref.startswith("#")):
            location, pointer = target_of(ref, current)
            target = resolve_pointer(load_file(location), pointer, ref)
            if (
                isinstance(target, dict)
                and target
                and all(isinstance(v, dict) for v in target.values())
                and not _SCHEMA_KEYWORDS.intersection(target)
            ):
                return rewrite(_deep_copy(target), location, lenient)
        return rewrite(node, current, lenient)

    def mapping_refs(node: Any, current: str | None) -> Any:
        """A discriminator whose `mapping` names schemas in other files (DigitalOcean's floating IP actions:
        `assign: 'models/floating_ip_actions.yml#/floating_ip_action_assign'`) names their bundled copies, as
        the `$ref`s of its `oneOf` do; a bare schema name (`Cat`) stays as it is."""
        mapping = node.get("mapping") if isinstance(node, dict) else None
        if not isinstance(mapping, dict):
            return rewrite(node, current)
        named = {
            value: rewrite({"$ref": target}, current)["$ref"]
            if isinstance(target, str) and ("#" in target or "/" in target)
            else target
            for value, target in mapping.items()
        }
        return {k: named if k == "mapping" else rewrite(v, current) for k, v in node.items()}

    def rewrite(node: Any, current: str | None, lenient: bool = False) -> Any:
        """Rewrite refs in `node`, which lives in file `current` (None for the root)."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and (current is not None or not ref.startswith("#")):
                try:
                    key = external_key(ref, current, lenient)
                except InputError as exc:
                    if not lenient:
                        raise
                    warnings.append(
                        f"{current or document.source}: $ref {ref!r} in an extension or description "
                        f"is left unresolved: {exc.message}"
                    )
                    return node
                node = dict(node)
                node["$ref"] = f"#/components/{BUNDLE_SECTION}/{key}"
                return node
            return {
                k: description_text(v, current)
                if k == "description"
                else mapping_refs(v, current)
                if k == "discriminator"
                else property_map(v, current)
                if k == "properties"
                else rewrite(v, current, lenient or _lenient_key(k))
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [rewrite(v, current, lenient) for v in node]
        return node

    for key in list(root.keys()):
        if key != "components":
            root[key] = rewrite(root[key], None, _lenient_key(key))
    components = root["components"]
    for key in list(components.keys()):
        if key in _COMPONENT_MAPS:
            # SendGrid's entry document gives each map whole as a `$ref` to a file of them (`schemas: {$ref:
            # ./spec/components/schemas.json}`): the map that file holds, as bundlers read it
            components[key] = property_map(components[key], None, _lenient_key(key))
        elif key != BUNDLE_SECTION:
            components[key] = rewrite(components[key], None, _lenient_key(key))
    document.warnings = tuple(warnings)
    document.files = frozenset(location for location in files if not is_url(location))


# The Components Object's maps of named parts.
_COMPONENT_MAPS = frozenset(
    {
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks",
        "pathItems",
    }
)


def _deep_copy(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _deep_copy(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_deep_copy(v) for v in node]
    return node
