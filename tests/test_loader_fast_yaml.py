"""YAML read through fastyaml-rs reads exactly as through libyaml alone: the same data, type for type, and the same
error text. Both read YAML 1.2's core schema; the loader's guards send every document the two could read apart
(numbers fastyaml-rs takes beyond the core schema, merge order, flow syntax libyaml refuses) to libyaml
(postman_kit/loader.py, "the fast YAML path")."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from postman_kit import loader
from postman_kit.errors import InputError
from postman_kit.loader import parse_text
from tests.tools import require_corpus


def typed(value: Any) -> Any:
    """`value` with every scalar's type beside it, keys too: `True` and `1`, `1.0` and `1`, `'1'` and `1` differ."""
    if isinstance(value, dict):
        return ("dict", [(typed(key), typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def outcome(raw: bytes) -> Any:
    """What parse_text makes of `raw`: its data, typed, or its error message."""
    try:
        return typed(parse_text(raw, "spec.yaml"))
    except InputError as exc:
        return ("error", str(exc))


def libyaml_outcome(raw: bytes) -> Any:
    """outcome(raw) as the kit read it before fastyaml-rs: through libyaml alone."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader, "_fast_yaml", lambda: None)
        return outcome(raw)


def assert_reads_alike(raw: bytes) -> None:
    assert outcome(raw) == libyaml_outcome(raw), raw


def takes_fast_path(text: str) -> bool:
    return loader._parse_yaml_fast(text) is not None


# -- property: random documents rich in what YAML 1.1 and 1.2, or the two parsers, read apart --------------------
SENSITIVE = [
    *(
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "y",
        "n",
        "true",
        "False",
    ),
    *("null", "~", "017", "09", "00", "07", "0o17", "0O17", "+0o17", "0X1F", "0x1F", "-0x1F", "0b101", "0b_"),
    *("1_000", "1:20"),
    *(
        "190:20:30",
        "0:1.5",
        "1e3",
        "1E3",
        "1.0e3",
        "1.0e+3",
        "3e-05",
        "-.5",
        "+.5",
        ".5",
        "1.",
        ".inf",
        "-.Inf",
    ),
    *(".nan", "2024-01-01", "2024-01-01T10:00:00Z", "12", "-3", "1.5", "9223372036854775808", "<<", "="),
    *("?", ":", "-", "?b", ":b", "|", ">", "abc", "a b", "a:b", "x #c", "10,000", "1,024"),
]


# Prose in a block scalar that looks like syntax to the loader's text guards, which look past block scalars' text.
PROSE = [
    *(
        "![diagram](a.png)",
        "R &amp; D",
        "&a x",
        "*a",
        "!tag x",
        "! x",
        "%YAML 1.1",
        "spotify:track:{id}",
        "[x:]",
    ),
    *("{a:?b}", "a: b", " : x", "- x", "? x", "--- x", "...", "0X1F", "-0o17", "<<: *a", "x: |", "k: >-"),
]


@st.composite
def scalars(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SENSITIVE))
    quoting = draw(st.sampled_from(["plain", "plain", "single", "double"]))
    if quoting == "single":
        return "'" + text.replace("'", "''") + "'"
    if quoting == "double":
        return '"' + text + '"'
    return text


@st.composite
def flow_nodes(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["scalar", "scalar", "sequence", "mapping"] if depth < 2 else ["scalar"]))
    if kind == "scalar":
        return draw(scalars())
    separator = draw(st.sampled_from([", ", ",", ",\n  "]))
    if kind == "sequence":
        items = draw(st.lists(flow_nodes(depth + 1), max_size=3))
        return "[" + separator.join(items) + "]"
    pairs = draw(st.lists(st.tuples(scalars(), flow_nodes(depth + 1)), max_size=3))
    colon = draw(st.sampled_from([": ", ":"]))
    return "{" + separator.join(key + colon + value for key, value in pairs) + "}"


@st.composite
def block_nodes(draw: st.DrawFn, indent: int = 0, depth: int = 0) -> str:
    """A node after a key's `:` or a `-`: a scalar or flow node on the line, a block scalar, or a nested block."""
    pad = " " * (indent + 2)
    kind = draw(
        st.sampled_from(["flow", "flow", "block scalar", "sequence", "mapping"] if depth < 3 else ["flow"])
    )
    if kind == "flow":
        return " " + draw(flow_nodes())
    if kind == "block scalar":
        header = draw(st.sampled_from(["|", ">", "|-", ">+", "|2", "| # c"]))
        lines = draw(st.lists(st.one_of(scalars(), st.sampled_from(PROSE)), max_size=3))
        deeper = draw(
            st.lists(st.sampled_from(["", "", " ", "  "]), min_size=len(lines), max_size=len(lines))
        )
        body = "".join(f"{pad}{extra}{line}\n" for extra, line in zip(deeper, lines, strict=True))
        return f" {header}\n" + body.rstrip("\n")
    if kind == "sequence":
        items = draw(st.lists(block_nodes(indent + 2, depth + 1), min_size=1, max_size=3))
        return "".join(f"\n{pad}-{item}" for item in items)
    keys = draw(st.lists(scalars(), min_size=1, max_size=3))
    values = [draw(block_nodes(indent + 2, depth + 1)) for _ in keys]
    return "".join(f"\n{pad}{key}:{value}" for key, value in zip(keys, values, strict=True))


@st.composite
def yaml_documents(draw: st.DrawFn) -> bytes:
    keys = draw(st.lists(scalars(), min_size=1, max_size=4))
    text = "\n".join(key + ":" + draw(block_nodes(-2)) for key in keys)
    text += draw(st.sampled_from(["\n", "", "\n\n", "\n# end\n"]))
    if draw(st.booleans()):  # malformed: a character dropped into it
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(list(":?-|>,[]{}#'\"!&*%@ \t"))) + text[at:]
    line_break = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return text.replace("\n", line_break).encode()


@st.composite
def documented_specs(draw: st.DrawFn) -> bytes:
    """Block mappings and sequences whose descriptions are block scalars of prose that looks like syntax (the
    loader's guards look past it), some malformed: a header in a flow collection or a quoted scalar, content
    less indented than its first line, a character dropped in."""
    entries = []
    for key in draw(
        st.lists(
            st.sampled_from(["description", "summary", "x-note", "a", "- b", "- description"]),
            min_size=1,
            max_size=4,
        )
    ):
        header = draw(st.sampled_from(["|", ">", "|-", ">+", "| # c", "|1"]))
        opener = draw(st.sampled_from(["", "", "", "{k: 1, ", "[x, ", '"q ']))
        lines = draw(st.lists(st.one_of(st.sampled_from(PROSE), scalars()), min_size=1, max_size=4))
        indents = draw(
            st.lists(st.sampled_from([2, 4, 4, 4, 5, 6, 0]), min_size=len(lines), max_size=len(lines))
        )
        body = "".join(" " * indent + line + "\n" for indent, line in zip(indents, lines, strict=True))
        entries.append(f"{key}: {opener}{header}\n{body}")
    text = "".join(entries) + draw(st.sampled_from(["end: 1\n", "- end\n", "x: [a, ?b]\n"]))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(list(":?-|>,[]{}#'\"!&*%@ "))) + text[at:]
    return text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))).encode()


@settings(max_examples=1000, deadline=None)
@given(documented_specs())
def test_prose_in_block_scalars_reads_alike(raw: bytes) -> None:
    assert_reads_alike(raw)


def test_prose_in_block_scalars_takes_the_fast_path() -> None:
    """Spotify's image links (`![pitch vector](…)`), `&quot;` and `spotify:track:{id}` in descriptions are text."""
    text = (
        "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n  description: |\n    ![Run](https://x/y.svg)\n"
        "    R &amp; D, `spotify:track:{id}`\n    - item\npaths:\n  /a:\n    get:\n      parameters:\n"
        "        - name: q\n          description: >-\n            &quot;Spanish (Mexico)&quot;\n"
        "          in: query\n      responses:\n        '200': {description: OK}\n"
    )
    assert takes_fast_path(text)
    assert_reads_alike(text.encode())
    assert not takes_fast_path(text.replace("description: >-", "description: &d >-"))  # an anchor outside


@settings(max_examples=1000, deadline=None)
@given(yaml_documents())
@example(b"a: yes\nb: 'yes'\n")
@example(b'x: {"a":yes}\n')
@example(b"a: [x,\n  1,017]\n")
@example(b"yes\n")
@example(b"yes: [:b]\nyes: yes\n")  # a later duplicate key hides the refused `[:b]` from fastyaml-rs's data
@example(b"yes: {yes: yes, yes: ?b}\nyes: yes\n")  # and a flow value `?b`
@example(b"yes: yes\nyes: [{'yes'::b, 'yes':yes}]\n")  # and a quoted key's colon right before another
def test_fastyaml_and_libyaml_read_number_and_word_sensitive_documents_alike(raw: bytes) -> None:
    assert_reads_alike(raw)


def short_tokens(alphabet: str, longest: int) -> Iterator[str]:
    for length in range(1, longest + 1):
        yield from ("".join(chars) for chars in itertools.product(alphabet, repeat=length))


def test_every_short_number_like_plain_scalar_reads_alike() -> None:
    """Every plain scalar of up to three characters made of digits, signs, dots, `_`, `:` and the letters of
    `0x`, `0o`, `0b` and exponents, as a value, a key and a flow entry."""
    for token in short_tokens("0179+-._eExXoObB:", 3):
        for text in (f"v: {token}\n", f"{token}: v\n", f"[{token}, x]\n"):
            assert_reads_alike(text.encode())


# -- what a user relies on -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "data"),
    [
        # DigitalOcean's droplet status enum (`new`, `active`, `off`, `archive`): YAML 1.1 made `off` false
        ("enabled: yes\nstatus: off\n", {"enabled": "yes", "status": "off"}),
        ("country: {enum: [NO, SE, DK]}\n", {"country": {"enum": ["NO", "SE", "DK"]}}),  # Norway
        ("enum: ['yes', 'no', \"on\"]\n", {"enum": ["yes", "no", "on"]}),  # Plaid quotes them to keep strings
        ("on: push\n", {"on": "push"}),
        ("flag: true\nnone: null\nalso: ~\n", {"flag": True, "none": None, "also": None}),
        ("mode: 017\n", {"mode": 17}),
        ("zip: 09\n", {"zip": 9}),
        ("example: 3e-05\n", {"example": 3e-05}),
        ("limit: 1e3\n", {"limit": 1000.0}),
        ("a: 0o17\nb: 0X1F\nc: -0x1F\nd: 0x1F\n", {"a": 15, "b": "0X1F", "c": "-0x1F", "d": 31}),
        ("a: 1_000\nb: 1:20\nc: 0b101\n", {"a": "1_000", "b": "1:20", "c": "0b101"}),
        ("a: -.5\nb: .inf\n", {"a": -0.5, "b": math.inf}),
        ("since: 2024-01-01\n", {"since": "2024-01-01"}),
        ("200:\n  description: OK\n", {200: {"description": "OK"}}),
        ('x: {"a":yes}\n', {"x": {"a": "yes"}}),
        ("a: =\n", {"a": "="}),
        ("a: [x, ?b]\n", {"a": ["x", {"b": None}]}),
        ("a: |\n  line", {"a": "line"}),  # a literal block at the end of a file with no last line break
        ("a: |\n", {"a": ""}),
        ('a: "x\x85y"\n', {"a": "x y"}),  # NEL is a line break to YAML 1.1, folded in a quoted scalar
        ("# c\n\ufeffx: 1\n", {"x": 1}),  # a byte order mark after the first line
        (
            "a: 1\n<<: [{a: 2, b: 3}, {b: 4, c: 5}]\n",
            {"b": 3, "c": 5, "a": 1},
        ),  # merged keys first, as in PyYAML
    ],
)
def test_yaml_12_core_readings(text: str, data: Any) -> None:
    assert outcome(text.encode()) == typed(data)
    assert_reads_alike(text.encode())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x: !!python/object/apply:os.system ['echo hi']\n", "could not determine a constructor for the tag"),
        ("a: &a [*a]\n", "YAML alias refers to itself"),
        ("a: 1\n---\nb: 2\n", "but found another document"),
        ("a: [1, 2\n", "invalid YAML"),
        ("a: [x:]\n", "found unexpected ':'"),
        ("- a\n-\t{ }\n", "found character that cannot start any token"),  # a tab after a block indicator
    ],
)
def test_refusals_keep_their_words(text: str, message: str) -> None:
    """Tags, aliases, second documents and syntax libyaml refuses (and fastyaml-rs drops, bounds differently or
    accepts) are refused as before, in the same words."""
    refused = outcome(text.encode())
    assert refused[0] == "error" and message in refused[1], refused
    assert refused == libyaml_outcome(text.encode())


def test_an_alias_bomb_is_refused_by_the_kits_own_limit() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 9)]
    with pytest.raises(InputError, match="alias bomb"):
        parse_text("\n".join(levels).encode(), "bomb.yaml")


def test_a_plain_spec_takes_the_fast_path() -> None:
    """The guards let an ordinary spec through: quoted 'yes', numbers, `true`, dates and prose with `1,000`."""
    text = (
        "openapi: 3.0.0\ninfo: {title: T, version: '1.0'}\npaths:\n  /a:\n    get:\n"
        "      description: Up to 1,000 items, 10,000 with paging.\n      parameters:\n"
        "        - {name: q, in: query, required: true, schema: {type: string, enum: ['yes', 'no']}}\n"
        "      responses:\n        '200': {description: OK, content: {application/json: {example: 2024-01-01}}}\n"
    )
    assert takes_fast_path(text)


def test_without_fastyaml_every_document_takes_libyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    loader._fast_yaml.cache_clear()
    monkeypatch.setitem(sys.modules, "fast_yaml", None)  # `import fast_yaml` raises ImportError
    try:
        assert loader._fast_yaml() is None
        assert parse_text(b"a: yes\nb: 0X1F\n", "spec.yaml") == {"a": "yes", "b": "0X1F"}
    finally:
        loader._fast_yaml.cache_clear()


# -- the corpus --------------------------------------------------------------------------------------------------
@pytest.mark.corpus
def test_corpus_yaml_specs_read_alike_through_fastyaml() -> None:
    specs = sorted(p for p in require_corpus().rglob("*") if p.suffix in (".yaml", ".yml"))
    assert specs
    for spec in specs:
        assert_reads_alike(spec.read_bytes())
    openai = require_corpus() / "real-world" / "openai.yaml"
    assert takes_fast_path(openai.read_text(encoding="utf-8"))  # what the fast path is for


def test_a_yaml_spec_keeps_norway_and_an_off_status_as_the_strings_written(tmp_path) -> None:
    """OpenAPI recommends YAML 1.2, and openapi-to-postmanv2 reads specs that way (js-yaml): a country enum
    `[NO, SE, DK]` and DigitalOcean's droplet status `off` are strings, so the request goes to `/countries/NO`,
    not `/countries/false`, and a status filter is `status=off`."""
    from postman_kit.generation import build_collection_from_spec
    from tests.support.generate import requests_by_name

    spec = tmp_path / "countries.yaml"
    spec.write_text(
        "openapi: 3.1.0\ninfo: {title: Countries, version: '1'}\npaths:\n"
        "  /countries/{code}:\n    get:\n      summary: Get country\n      parameters:\n"
        "        - {name: code, in: path, required: true, schema: {type: string, enum: [NO, SE, DK]}}\n"
        "        - name: status\n          in: query\n          required: true\n"
        "          schema: {type: string, enum: [off, active]}\n"
        "      responses: {'200': {description: OK}}\n"
    )
    collection = build_collection_from_spec(str(spec)).collection.to_json()
    request = requests_by_name(collection)["Get country"]["request"]
    assert request["url"]["variable"][0]["value"] == "NO"
    assert request["url"]["query"] == [{"key": "status", "value": "off"}]


@pytest.mark.parametrize(
    "text",
    [
        'a: {notes: ["see\n  b: |\n   ", 0X1F, -0o17]}\n',
        "a: ['see\n  b: |\n   ', &x [1], *x]\n",
        'a:\n  - "quote\n    c: >-\n     still quoted"\n  - 017\n',
    ],
)
def test_a_block_header_inside_a_quoted_scalar_hides_nothing_from_the_guards(text: str) -> None:
    """A `b: |` inside a quoted flow scalar is that scalar's text, not a block scalar: the lines after it were
    taken for its content and left out of the guards, so fastyaml-rs read `0X1F` as 31 where YAML 1.2's core
    schema reads the string, and an anchor hidden there skipped the alias limits."""
    assert_reads_alike(text.encode())
