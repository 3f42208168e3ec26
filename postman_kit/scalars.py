"""Realistic scalar values for a schema that gives no example of its own.

Tried in order: the schema's `format`, a value suggested by the property's or parameter's name, a string its
`pattern` matches, and last a typed neutral value; each candidate must satisfy the schema's `pattern`,
`minLength` and `maxLength` (numbers: `minimum`, `maximum`, `multipleOf`). Never the placeholder word
`string`. Deterministic: the same schema and name always give the same value.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import datetime
from typing import Any, TypeGuard

FORMAT_EXAMPLES: dict[str, Any] = {
    "date-time": "2024-01-01T00:00:00Z",
    "date": "2024-01-01",
    "time": "00:00:00Z",
    "duration": "P1D",
    "email": "jane.doe@example.com",
    "idn-email": "jane.doe@example.com",
    "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "uri": "https://example.com",
    "url": "https://example.com",
    "iri": "https://example.com",
    "uri-reference": "https://example.com",
    "iri-reference": "https://example.com",
    "uri-template": "https://example.com/{id}",
    "hostname": "example.com",
    "idn-hostname": "example.com",
    "ipv4": "192.0.2.1",
    "ipv6": "2001:db8::1",
    "byte": "ZXhhbXBsZQ==",
    "binary": "",
    "password": "********",
    "json-pointer": "/data/0",
    "relative-json-pointer": "0/data",
    "regex": "^[a-z]+$",
    "int32": "1",
    "int64": "1",
    "decimal": "1.00",
    "phone": "+15555550100",
    "country-code": "US",
    "currency": "USD",
    "language": "en",
    "color": "#336699",
}

# Names as APIs spell them (`first_name`, `firstName`, `FirstName`, `first-name`) compare as `firstname`.
NAME_EXAMPLES: dict[str, str] = {
    "email": "jane.doe@example.com",
    "emailaddress": "jane.doe@example.com",
    "phone": "+15555550100",
    "phonenumber": "+15555550100",
    "mobile": "+15555550100",
    "firstname": "Jane",
    "givenname": "Jane",
    "lastname": "Doe",
    "familyname": "Doe",
    "surname": "Doe",
    "fullname": "Jane Doe",
    "displayname": "Jane Doe",
    "username": "jane_doe",
    "login": "jane_doe",
    "name": "Example name",
    "title": "Example title",
    "description": "An example description.",
    "summary": "An example summary.",
    "message": "Hello from the example.",
    "body": "Hello from the example.",
    "text": "Hello from the example.",
    "content": "Hello from the example.",
    "comment": "An example comment.",
    "note": "An example note.",
    "subject": "Example subject",
    "label": "example",
    "tag": "example",
    "slug": "example",
    "key": "example_key",
    "code": "EXAMPLE",
    "url": "https://example.com",
    "uri": "https://example.com",
    "link": "https://example.com",
    "href": "https://example.com",
    "website": "https://example.com",
    "homepage": "https://example.com",
    "domain": "example.com",
    "host": "example.com",
    "hostname": "example.com",
    "ip": "192.0.2.1",
    "ipaddress": "192.0.2.1",
    "address": "123 Main St",
    "address1": "123 Main St",
    "addressline1": "123 Main St",
    "street": "123 Main St",
    "address2": "Suite 100",
    "addressline2": "Suite 100",
    "city": "Boston",
    "region": "MA",
    "state": "MA",
    "province": "MA",
    "country": "US",
    "countrycode": "US",
    "zip": "02110",
    "zipcode": "02110",
    "postalcode": "02110",
    "postcode": "02110",
    "company": "Example Inc.",
    "organization": "Example Inc.",
    "organisation": "Example Inc.",
    "currency": "USD",
    "locale": "en-US",
    "language": "en",
    "lang": "en",
    "timezone": "America/New_York",
    "tz": "America/New_York",
    "color": "#336699",
    "colour": "#336699",
    "password": "********",
    "version": "1.0.0",
    "date": "2024-01-01",
    "time": "00:00:00Z",
}
_DATE_TIME_NAME = re.compile(r"(^|_)(created|updated|modified|deleted|timestamp|datetime)$|_at$|At$")
_DATE_NAME = re.compile(r"(^|_)(date|day)$|_date$|Date$")
_URL_NAME = re.compile(r"(_url|_uri|Url|Uri|URL)$")
_EMAIL_NAME = re.compile(r"(_email|Email)$")
_ID_NAME = re.compile(
    r"(^|_)(id|ids|sid|uid|guid|key|token|cursor)$|(Id|ID|Sid|SID|Key|Token|Cursor)$", re.IGNORECASE
)
ID_EXAMPLE = "abc123"
NEUTRAL_STRING = "example"
MAX_PATTERN_LENGTH = 1000  # longer patterns are not worth synthesizing from: the neutral value stands in
PATTERN_CANDIDATES = 25  # strings of a pattern's own enumeration tried before giving up on it


@functools.lru_cache(maxsize=8192)
def name_key(name: str | None) -> str:
    """`first_name`, `firstName`, `First-Name` → `firstname`; `page[cursor]` → `cursor`."""
    if not name:
        return ""
    if name.endswith("]") and "[" in name:
        name = name[name.rindex("[") + 1 : -1]
    return re.sub(r"[^a-z0-9]", "", name.lower())


@functools.lru_cache(maxsize=8192)
def name_example(name: str | None) -> str | None:
    """What a field named `name` usually holds, when the name says so."""
    if not name:
        return None
    if name.endswith("]") and "[" in name:
        name = name[name.rindex("[") + 1 : -1]
    found = NAME_EXAMPLES.get(name_key(name))
    if found is not None:
        return found
    if _EMAIL_NAME.search(name):
        return NAME_EXAMPLES["email"]
    if _URL_NAME.search(name):
        return NAME_EXAMPLES["url"]
    if _DATE_TIME_NAME.search(name):
        return FORMAT_EXAMPLES["date-time"]
    if _DATE_NAME.search(name):
        return FORMAT_EXAMPLES["date"]
    if _ID_NAME.search(name):
        return ID_EXAMPLE
    return None


def string_value(schema: dict[str, Any], name: str | None = None) -> str:
    """A string `schema` accepts: its format's, its name's, its pattern's own, or a neutral one."""
    pattern = schema.get("pattern")
    pattern = pattern if isinstance(pattern, str) else None
    fmt = schema.get("format")
    encoding = schema.get("contentEncoding")
    if fmt is None and isinstance(encoding, str) and encoding.lower() in ("base64", "base64url"):
        fmt = "byte"  # JSON Schema's way of saying 3.0's `format: byte`

    def fits(candidate: str, pattern: str | None) -> bool:
        # base64 too where the format asks for it (Polar's `format: byte` ids under `pattern: [0-9]+`)
        return string_fits(schema, candidate, pattern) and (
            fmt != "byte" or _BASE64.fullmatch(candidate) is not None
        )

    candidates = [FORMAT_EXAMPLES.get(fmt) if isinstance(fmt, str) else None, name_example(name)]
    for candidate in candidates:
        if candidate is not None and fits(candidate, pattern):
            return candidate
    if pattern is not None:
        found = pattern_examples(pattern)
        for candidate in found:
            if fits(candidate, None):
                return candidate
        # The pattern's shortest strings are too short or too long for the length bounds (PayPal's four-digit
        # `^[0-9]+$` got "exam") or for base64's groups of four: each stretched with zeros or its own last
        # character, or cut, as the pattern still matches.
        for candidate in found:
            last = candidate[-1:] or "0"
            for stretched in (
                _sized(candidate, schema),
                _sized(candidate, schema, last),
                _sized(candidate + last * (-len(candidate) % 4), schema),
            ):
                if fits(stretched, pattern):
                    return stretched
    if fmt in _SIZED_FORMATS:
        sized = next((c for c in _SIZED_FORMATS[fmt](schema) if string_fits(schema, c, pattern)), None)
        if sized is not None:
            return sized  # the format's value at the length the bounds allow, not text padded out of it
    return _sized(NEUTRAL_STRING, schema)


_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")


def _base64_sized(schema: dict[str, Any]) -> list[str]:
    """Base64 of `example` text cut or repeated, at each length a bound may ask (a multiple of four)."""
    import base64

    longest, shortest = _length_bound(schema, "maxLength", 64), _length_bound(schema, "minLength", 0)
    size = max(1, min(longest, max(shortest, 12)) * 3 // 4)
    text = ("example " * (size // 8 + 1))[:size].encode()
    return [base64.b64encode(text[:n]).decode() for n in (size, size - 1, size - 2) if n > 0]


def _email_sized(schema: dict[str, Any]) -> list[str]:
    """An email address as short as `a@b.io`, or its local part grown to a minimum length."""
    shortest = _length_bound(schema, "minLength", 0)
    grown = "jane.doe" + "x" * max(0, shortest - len("jane.doe@example.com")) + "@example.com"
    return ["jo@ex.io", "a@b.io", grown]


def _length_bound(schema: dict[str, Any], keyword: str, default: int) -> int:
    bound = schema.get(keyword)
    return bound if isinstance(bound, int) and not isinstance(bound, bool) else default


_SIZED_FORMATS = {"byte": _base64_sized, "email": _email_sized}


def string_fits(schema: dict[str, Any], value: str, pattern: str | None) -> bool:
    """`value` meets the schema's length bounds and (when given) `pattern`."""
    min_length, max_length = schema.get("minLength"), schema.get("maxLength")
    if isinstance(min_length, int) and len(value) < min_length:
        return False
    if isinstance(max_length, int) and len(value) > max_length:
        return False
    return pattern is None or pattern_matches(pattern, value)


# The longest value a pattern that is not `bounded` is run on: short enough that even exponential backtracking
# ends at once (the kit's own candidates are shorter; a spec's example may be made longer to stall it).
UNBOUNDED_PATTERN_TEXT = 16


def pattern_matches(pattern: str, value: str) -> bool:
    """OpenAPI patterns are unanchored ECMA-262 expressions; Python's `re` reads the common subset alike. A
    pattern not :func:`bounded` in time is run only on short values, and is no constraint on longer ones."""
    compiled = _compiled(pattern)
    if compiled is not None and len(value) > UNBOUNDED_PATTERN_TEXT and not bounded(pattern):
        return True
    return compiled is not None and compiled.search(value) is not None


def pattern_is_readable(pattern: str) -> bool:
    """Whether Python's `re` reads `pattern` (ECMA-262's `\\p{L}` it does not)."""
    return _compiled(pattern) is not None


@functools.lru_cache(maxsize=4096)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    """`pattern` compiled, or None where Python's `re` cannot read it or it asks for a huge repetition count:
    no value is made from such a pattern."""
    try:
        return re.compile(pattern) if not _huge_count(pattern) else None
    except (re.error, RecursionError, OverflowError):
        return None


def _huge_count(pattern: str) -> bool:
    """A repetition count past MAX_REPEAT_COUNT (`a{1000000000}`, `a{0,100000}`): no value is made from such a
    pattern, and none is matched against it (see bounded)."""
    # read as a number only when short: Python refuses to read more than 4,300 digits
    limit = len(str(MAX_REPEAT_COUNT))
    return any(
        len(count) > limit or int(count) > MAX_REPEAT_COUNT for count in _REPEAT_COUNT.findall(pattern)
    )


_REPEAT_COUNT = re.compile(r"(?<=[{,])(\d+)(?=[,}])")


# A count a repetition may ask for and still be matched or enumerated quickly (`a{1000000000}` is a string of a
# billion characters).
MAX_REPEAT_COUNT = 10_000


@functools.lru_cache(maxsize=4096)
def bounded(pattern: str) -> bool:
    """Whether a backtracking matcher (Python's `re`, and the validators built on it) runs `pattern` in bounded
    time on any text: no count past MAX_REPEAT_COUNT, and no repetition of a part that could match the same
    text in several ways (`^(x+x+)+y$`, `(a|aa)+`), which takes exponential time on a near miss. A repeated part
    holding a repetition is bounded when a character its repetitions cannot match opens or closes it
    (`(?:-[a-z0-9]+)*`, `([a-z]+\\.)*`, the slugs and dotted names specs write). A pattern that is not bounded
    is read as no constraint rather than run on an example or a request."""
    if len(pattern) > 10 * MAX_PATTERN_LENGTH or _huge_count(pattern):
        return False
    try:
        from re import _compiler as compiler  # type: ignore[attr-defined]
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        parsed = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError, ImportError, AttributeError):
        return False
    repeats = {constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)}
    single = {constants.LITERAL, constants.NOT_LITERAL, constants.IN, constants.ANY, constants.CATEGORY}

    def matches(element: Any, char: str) -> bool:
        return compiler.compile(parser.SubPattern(parsed.state, [element])).fullmatch(char) is not None

    def delimited(body: Any) -> bool:
        """A repeated body whose own repetitions are of one character each, opened or closed by a literal
        character none of them matches."""
        items = list(body)
        inner = [av[2][0] for op, av in items if op in repeats and len(av[2]) == 1]
        if any(op in repeats and (len(av[2]) != 1 or av[2][0][0] not in single) for op, av in items):
            return False
        if any(op not in repeats and op not in single for op, _ in items):
            return False
        ends = [items[0], items[-1]] if items else []
        for op, av in ends:
            if op == constants.LITERAL and not any(matches(element, chr(av)) for element in inner):
                return True
        return False

    def unbounded_inside(body: Any) -> bool:
        """The body repeats something without bound (`+`, `*`, `{2,}`), at any depth."""
        for op, av in body:
            if op in repeats and (av[1] == constants.MAXREPEAT or unbounded_inside(av[2])):
                return True
            if any(unbounded_inside(part) for part in parts(op, av)):
                return True
        return False

    def safe(items: Any, depth: int) -> bool:
        if depth > 50:
            return False
        run = 0  # unbounded repetitions one after another (`\d*\d*\d*\d*x`: polynomial of their number)
        for op, av in items:
            if op in repeats and (av[1] == constants.MAXREPEAT or unbounded_inside(av[2])):
                run += 1  # `\d*`, and `(?:\d+)?`, which repeats without bound inside
            elif op != constants.AT and not (op in repeats and av[0] == 0):
                run = 0  # an anchor, and what may match nothing (`\d*a?\d*a?…`), leave the run as it is
            if run > 3:
                return False
            if op in repeats:
                _, high, sub = av
                body = sub[0][1][-1] if len(sub) == 1 and sub[0][0] == constants.SUBPATTERN else sub
                nested = any(
                    o in repeats or o == constants.BRANCH or o == constants.SUBPATTERN for o, _ in body
                )
                # a few repetitions of anything backtrack boundedly (an IPv4 pattern's `(…|…){3}`); more of a
                # part that repeats without bound inside are polynomial of their count (`(\d+){10}`)
                if (
                    (high == constants.MAXREPEAT or high > 10 or (high > 3 and unbounded_inside(body)))
                    and nested
                    and not delimited(body)
                ):
                    return False
                if not safe(body, depth + 1):
                    return False
            elif not all(safe(part, depth + 1) for part in parts(op, av)):
                return False
        return True

    def parts(op: Any, av: Any) -> list[Any]:
        """The sub-patterns an element holds: a branch's alternatives, a group's or a lookaround's body."""
        if op == constants.BRANCH:
            return list(av[1])
        if op == constants.SUBPATTERN:
            return [av[-1]]
        if op in (constants.ASSERT, constants.ASSERT_NOT):
            return [av[1]]
        return []

    return safe(parsed, 0)


@functools.lru_cache(maxsize=4096)
def pattern_examples(pattern: str) -> tuple[str, ...]:
    """The first few strings `pattern` matches, shortest choices first (`^AC[0-9a-fA-F]{32}$` → `AC000…0`).

    exrex enumerates a regular expression's strings in a fixed order, so the result is deterministic; every
    candidate is checked with `re` (exrex skips what it cannot express, e.g. `\\S`), and patterns it cannot read
    give none."""
    if len(pattern) > MAX_PATTERN_LENGTH or _compiled(pattern) is None:
        return ()
    import itertools

    import exrex  # imported here: only specs with patterns pay for it

    found: list[str] = []
    try:
        for candidate in itertools.islice(exrex.generate(pattern, limit=4), PATTERN_CANDIDATES):
            if isinstance(candidate, str) and pattern_matches(pattern, candidate):
                found.append(candidate)
                if len(found) >= 3:
                    break
    except Exception:  # noqa: BLE001 - exrex raises assorted errors on constructs it does not support
        return tuple(found)
    return tuple(found)


# The longest string made to meet a `minLength` (`minLength: 1000000000` asked for a gigabyte)
MAX_GENERATED_LENGTH = 10_000


def _sized(value: str, schema: dict[str, Any], fill: str = "0") -> str:
    min_length, max_length = schema.get("minLength"), schema.get("maxLength")
    if isinstance(min_length, int) and min_length > len(value):
        value = value + fill * (min(min_length, MAX_GENERATED_LENGTH) - len(value))
    if isinstance(max_length, int) and 0 <= max_length < len(value):
        value = value[:max_length]
    return value


def number_value(schema: dict[str, Any], integer: bool) -> int | float:
    """A number within the schema's bounds, a multiple of its `multipleOf` where one fits."""
    low, low_open, high, high_open = number_bounds(schema)
    multiple_of = schema.get("multipleOf")
    step: float | None = multiple_of if is_number(multiple_of) and multiple_of > 0 else None
    if integer:
        step = max(1, math.ceil(step)) if step is not None and step == int(step) else (step or 1)
    value: float = 1
    # A range from zero or above starts at its bound; one from below zero that reaches 1 keeps 1 (OpenAI's int64
    # seed, minimum -9223372036854776000), as one without a lower bound does.
    if low is not None and (low >= 0 or (high is not None and high < 1)):
        value = low
        if step is not None:
            value = _multiple(low, step, up=True)
        if low_open and value <= low:
            value += step or 1
    elif step is not None:  # below zero or no lower bound: the first positive multiple
        value = _multiple(value, step, up=True)
    if high is not None and (value > high or (high_open and value >= high)):
        value = high
        if step is not None:
            value = _multiple(high, step, up=False)
        if high_open and value >= high:
            value -= step or 1
    if (
        not integer
        and step is None
        and low is not None
        and high is not None
        and (value < low or value > high or (low_open and value == low) or (high_open and value == high))
    ):
        # a range narrower than one (`exclusiveMinimum: 0.5, exclusiveMaximum: 0.6`)
        value = low / 2 + high / 2 if isinstance(low, float) or isinstance(high, float) else (low + high) / 2
    if integer:
        return int(value)
    return round(value, 10) if isinstance(value, float) else value


def number_bounds(schema: dict[str, Any]) -> tuple[float | None, bool, float | None, bool]:
    """(lower bound, whether it is exclusive, upper bound, whether it is exclusive): OpenAPI 3.0's `minimum` with
    `exclusiveMinimum: true`, or 3.1's (JSON Schema 2019+) numeric `exclusiveMinimum`, which wins."""
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    exclusive_min, exclusive_max = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    # an infinite bound (YAML's `.inf`) bounds nothing
    low: float | None = minimum if _finite(minimum) else None
    high: float | None = maximum if _finite(maximum) else None
    low_open = exclusive_min is True
    high_open = exclusive_max is True
    if _finite(exclusive_min):
        low, low_open = exclusive_min, True
    if _finite(exclusive_max):
        high, high_open = exclusive_max, True
    return low, low_open, high, high_open


def _finite(value: Any) -> bool:
    """A number that is not infinite nor NaN; an integer of any size is one (`math.isfinite(10**400)` raises)."""
    return is_number(value) and (isinstance(value, int) or math.isfinite(value))


def _multiple(value: float, step: float, up: bool) -> float:
    """The multiple of `step` next to `value` (above it or below it); in integers where both are, so an int64
    bound past 2**53 stays exact (`minimum: 9007199254740993`). Where the quotient is past a float's range
    (`multipleOf: 1e-300` beside `minimum: 1e300`) no multiple is found: the value itself stands."""
    if isinstance(value, int) and isinstance(step, int):
        return -(-value // step) * step if up else value // step * step
    quotient = value / step
    if not math.isfinite(quotient):
        return value
    return (math.ceil(quotient) if up else math.floor(quotient)) * step


def is_number(value: Any) -> TypeGuard[int | float]:
    """A JSON number: an int or float, not a bool."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_date_time(value: object) -> bool:
    """ISO 8601 date-times as APIs take them (`2022-11-08T00:00:00+00:00`, `…Z`, without an offset): what
    Python reads, which covers RFC 3339's; anything else (`AAA`, an empty string) is not a date-time."""
    if not isinstance(value, str):
        return True
    text = value.upper()
    if not ("T" in text or " " in text):
        return False
    try:
        # RFC 3339 allows a leap second, which datetime cannot hold
        datetime.fromisoformat(text[:16] + ":59" + text[19:] if text[16:19] == ":60" else text)
    except ValueError:
        return False
    return True


def listed_types(kind: Any) -> list[Any]:
    """A schema's `type` as a list: `"string"` and `["string", "null"]` alike (anything else: none)."""
    return kind if isinstance(kind, list) else [kind] if isinstance(kind, str) else []
