"""Secrets are never printed in full: `pk_…1234`.

:func:`redact` is the one function every output goes through (reports, written collections, logs, pages, the
log store). A key is found wherever it stands: after any character (`%20pk_…`, `_pk_…`, `xpk_…`), and with any of
its characters percent-encoded (`%70k%5F…`) or JSON-escaped (`\\u0070k_…`), so no encoding a URL, a header or a
body may carry shows it whole.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable

# A JSON escape, with the backslashes before it: in a JSON document, text that itself holds `\u0070` reads
# `\\u0070`, and a match must take every backslash so that what replaces it leaves valid JSON. In a URL the
# backslash may itself be percent-encoded (`%5Cu0070`), and a percent sign too (`%2570`).
_BACKSLASHES = r"(?:\\+|%5[cC])+"
_PERCENT = r"%(?:25)*"

# One character of a key as text may hold it: itself, percent-encoded, or JSON-escaped (either hex case).
# Hand-written: no library matches a token through the encodings of its own characters.


def _char(literal: str) -> str:
    code = f"{ord(literal):02x}"
    hex_either = "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in code)
    return f"(?:{re.escape(literal)}|{_PERCENT}{hex_either}|{_BACKSLASHES}u00{hex_either})"


# alphanumerics as `%XX` / `\u00XX`: 0-9 are 0x30-0x39, A-O 0x41-0x4F, P-Z 0x50-0x5A, a-o 0x61-0x6F, p-z 0x70-0x7A
_ENCODED_ALNUM = r"(?:3[0-9]|[46][1-9A-Fa-f]|[57][0-9Aa])"
_ALNUM = rf"(?:[A-Za-z0-9]|{_PERCENT}{_ENCODED_ALNUM}|{_BACKSLASHES}u00{_ENCODED_ALNUM})"
_SEPARATOR = rf"(?:[ \t]|{_PERCENT}20|\+|{_BACKSLASHES}u0020)+"

# A Klaviyo private key: `pk_` and at least 20 alphanumerics (34 hex digits in practice).
# A key ends where another begins (two keys pasted back to back are two keys).
_KEY_START = _char("p") + _char("k") + _char("_")
_KEY_BODY = rf"(?:(?!{_KEY_START}){_ALNUM}){{20,}}"
PRIVATE_KEY = re.compile(_KEY_START + _KEY_BODY)
# The usual spelling, `pk_` as is: a pattern with a literal start, which `re` searches many times faster.
_LITERAL_PRIVATE_KEY = re.compile("pk_" + _KEY_BODY)
# What a key with an escaped `p`, `k` or `_` contains, one of these.
_ESCAPED_START = ("%70", "%6b", "%6B", "%5f", "%5F", "%5c", "%5C", "%25", "\\u00")
# the percent-encoded ones as one pattern over bytes (its literal `%` start makes it one quick pass)
_PERCENT_ESCAPED_START = re.compile(rb"%(?:70|6[bB]|5[fFcC]|25)")
# A bearer token as validate looks for it in a collection (a literal prefix keeps that search quick).
BEARER = re.compile(r"Bearer\s+([A-Za-z0-9._~+/=-]{20,})")


def _scheme_patterns(scheme: str, credential: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """An Authorization scheme word in its three usual spellings, each a pattern starting with that literal
    word (what lets `re` search a large text quickly), then separators and the credential."""
    return tuple(
        (word, re.compile(rf"({word})({_SEPARATOR})({credential})"))
        for word in (scheme, scheme.lower(), scheme.upper())
    )


_BEARER_TOKENS = _scheme_patterns("Bearer", r"[A-Za-z0-9._~+/=-]{20,}")
_BASIC_CREDENTIALS = _scheme_patterns("Basic", r"[A-Za-z0-9+/]{4,}={0,2}")
_ESCAPE = re.compile(rf"{_BACKSLASHES}u([0-9A-Fa-f]{{4}})|{_PERCENT}([0-9A-Fa-f]{{2}})")


def truncate_key(key: str | None) -> str:
    """`pk_0123…abcd` → `pk_…abcd`; anything short shows only its last 4 characters."""
    if not key:
        return ""
    key = key.strip()
    prefix = key[:3] if key.startswith(("pk_", "sk_")) else ""
    tail = key[-4:] if len(key) > 8 else ""
    return f"{prefix}…{tail}"


def unescaped(text: str) -> str:
    """`text` with `%XX` and `\\uXXXX` escapes decoded: the key a match stands for."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _is_basic_credential(encoded: str) -> bool:
    """`user:password` in base64: what follows `Basic` in an Authorization header (not the word `authentication`)."""
    try:
        decoded = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    return b":" in decoded


def _truncated_key(match: re.Match[str]) -> str:
    return truncate_key(unescaped(match.group(0)))


def _truncated_basic(match: re.Match[str]) -> str:
    if not _is_basic_credential(match.group(3)):
        return match.group(0)
    return match.group(1) + match.group(2) + truncate_key(match.group(3))


def redact(text: str) -> str:
    """Replace every private key, bearer token and Basic credential in `text` with its truncated form."""
    # Until nothing changes: what a truncated key ends with, joined to what follows it, may be a key of its own
    # (`pk_…efpk` + `_7f3c…`). Each round shortens the text, so this ends.
    while True:
        redacted = _redact_once(text)
        if redacted == text:
            return text
        text = redacted


def _redact_once(text: str) -> str:
    # Substring tests first: they are many times quicker than the patterns over a collection's megabytes,
    # and most texts hold none of what a secret starts with.
    if "pk_" in text:
        text = _LITERAL_PRIVATE_KEY.sub(_truncated_key, text)
    if any(part in text for part in _ESCAPED_START):
        text = PRIVATE_KEY.sub(_truncated_key, text)
    for word, pattern in _BEARER_TOKENS:
        if word in text:
            text = pattern.sub(lambda m: m.group(1) + m.group(2) + truncate_key(m.group(3)), text)
    for word, pattern in _BASIC_CREDENTIALS:
        if word in text:
            text = pattern.sub(_truncated_basic, text)
    return text


def redact_bytes(data: bytes) -> bytes:
    """:func:`redact` for UTF-8 output about to be written. Searching bytes is quicker than searching text, and
    decoding a large file costs more than the search: a file with nothing a secret starts with is kept as is."""
    lowered = data.lower()
    if not (
        b"pk_" in data
        or b"\\u00" in data
        or _PERCENT_ESCAPED_START.search(data)
        or b"bearer" in lowered
        or b"basic" in lowered
    ):
        return data
    text = data.decode("utf-8", "surrogateescape")
    redacted = redact(text)
    return data if redacted == text else redacted.encode("utf-8", "surrogateescape")


def replace_keys(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with each private key in it (any encoding) replaced by `replacement(key)`, the key decoded."""
    return PRIVATE_KEY.sub(lambda m: replacement(unescaped(m.group(0))), text)


def find_keys(text: str) -> list[str]:
    """The private keys in `text`, decoded, in order."""
    return [unescaped(m.group(0)) for m in PRIVATE_KEY.finditer(text)]
