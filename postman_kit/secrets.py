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
from dataclasses import dataclass
from typing import Any

# A JSON escape, with the backslashes before it: in a JSON document, text that itself holds `\u0070` reads
# `\\u0070`, and a match must take every backslash so that what replaces it leaves valid JSON. In a URL the
# backslash may itself be percent-encoded (`%5Cu0070`), and a percent sign too (`%2570`).
# One at a time, from a run's first only: `(?:\\+)+` took exponential time on a run of them, and trying again from
# each place inside a run made a long one quadratic.
_BACKSLASHES = r"(?<!\\)(?<!%5[cC])(?:\\|%5[cC])+"
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
# A bearer token as validate looks for it in a collection (a literal prefix keeps that search quick).
BEARER = re.compile(r"Bearer\s+([A-Za-z0-9._~+/=-]{20,})")


def _scheme_patterns(scheme: str, credential: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """An Authorization scheme word in its three usual spellings, each a pattern starting with that literal
    word (what lets `re` search a large text quickly), then separators and the credential."""
    return tuple(
        (word, re.compile(rf"({word})({_SEPARATOR})({credential})"))
        for word in (scheme, scheme.lower(), scheme.upper())
    )


_BEARER_TOKENS = _scheme_patterns("Bearer", r"[A-Za-z0-9._~+/=-]{8,}")
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


def _truncated_key(match: re.Match[Any]) -> Any:
    return _like(match, truncate_key(unescaped(_text(match.group(0)))))


def _truncated_bearer(match: re.Match[Any]) -> Any:
    token = _text(match.group(3))
    if len(token) < _SURE_BEARER_LENGTH and not _mixed(token):
        return match.group(0)  # `Bearer ACCESS_TOKEN`: a word in a sentence, not a token
    return match.group(1) + match.group(2) + _like(match, truncate_key(token))


# A bearer token this long is one whatever it holds; a shorter one (`Bearer Ab12Cd34Ef56`) mixes letters and digits
_SURE_BEARER_LENGTH = 20


def _mixed(token: str) -> bool:
    return (
        any(c.isdigit() for c in token) and any(c.isalpha() for c in token) and looks_like_a_credential(token)
    )


def _truncated_basic(match: re.Match[Any]) -> Any:
    if not _is_basic_credential(_text(match.group(3))):
        return match.group(0)
    return match.group(1) + match.group(2) + _like(match, truncate_key(_text(match.group(3))))


def _truncated_url_password(match: re.Match[Any]) -> Any:
    return match.group(1) + _like(match, truncate_key(_text(match.group(2)))) + match.group(3)


def _text(value: str | bytes) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else value  # the patterns match ASCII only


def _like(match: re.Match[Any], text: str) -> Any:
    """`text` as the matched string's type: a pattern over bytes is replaced with bytes."""
    return text.encode("utf-8") if isinstance(match.string, bytes) else text


@dataclass(frozen=True, slots=True)
class _Searches:
    """The patterns, and the quick tests before them, over text or over bytes. A pattern is compiled, or (over
    bytes) its source, which `re` compiles the first time a quick test lets a search run and then keeps in its
    own cache: most outputs need few of them, and compiling all at import cost 8 of the 110 ms `generate` takes
    on Train Travel's spec (benchmarks/bench_generate.py, real-world)."""

    literal_start: Any  # `pk_`
    literal_key: re.Pattern[Any] | bytes
    percent_start: re.Pattern[Any] | bytes  # what a percent-encoded key starts with
    json_escape: Any  # `\\u00`
    key: re.Pattern[Any] | bytes
    bearer: tuple[tuple[Any, re.Pattern[Any] | bytes], ...]
    basic: tuple[tuple[Any, re.Pattern[Any] | bytes], ...]
    url_password: re.Pattern[Any] | bytes  # `https://user:password@host`

    def as_bytes(self) -> _Searches:
        def source(pattern: re.Pattern[Any] | bytes) -> bytes:
            assert isinstance(pattern, re.Pattern)
            return pattern.pattern.encode("ascii")

        return _Searches(
            self.literal_start.encode("ascii"),
            source(self.literal_key),
            source(self.percent_start),
            self.json_escape.encode("ascii"),
            source(self.key),
            tuple((word.encode("ascii"), source(pattern)) for word, pattern in self.bearer),
            tuple((word.encode("ascii"), source(pattern)) for word, pattern in self.basic),
            source(self.url_password),
        )


_TEXT_SEARCHES = _Searches(
    "pk_",
    _LITERAL_PRIVATE_KEY,
    re.compile(r"%(?:70|6[bB]|5[fFcC]|25)"),  # a literal `%` start: one quick pass
    "\\u00",
    PRIVATE_KEY,
    _BEARER_TOKENS,
    _BASIC_CREDENTIALS,
    # a password in a URL's userinfo (a spec's server, a saved request, `--base-url`); a {{variable}} is none
    # (RFC 3986's userinfo characters: a truncated `…` is none, so a password is truncated once)
    re.compile(r"(://[A-Za-z0-9._~%!$&'()*+,;=-]{1,256}:)([A-Za-z0-9._~%!$&'()*+,;=:-]{1,256})(@)"),
)
# Written output is searched as bytes: a collection's megabytes are neither decoded nor encoded again for it, and
# `bytes.lower` is one quick pass where `str.lower` is not (Stripe's 36 MB collection: 1.9 s → 0.5 s on a busy
# machine; benchmarks/bench_generate.py, the real-world rows).
_BYTES_SEARCHES = _TEXT_SEARCHES.as_bytes()


# Credentials in the formats their issuers document, as users paste them into a fork (an `X-Api-Key` header, a
# script, a saved example): Stripe's secret and restricted keys, GitHub's and GitLab's tokens, Slack's, AWS access
# key ids, Google API keys, OpenAI's and Anthropic's keys, SendGrid's, npm's, and signed JWTs. Searched in what
# users wrote (forks, reports, logs) and not in a generated collection's megabytes (`redact_bytes`), where the
# alternation would cost Stripe's 36 MB a second and only a spec's own examples can stand.
_ISSUED_TOKEN = re.compile(
    r"(?<![A-Za-z0-9])(?:"
    r"[sr]k_(?:live|test)_[A-Za-z0-9]{16,}"
    r"|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|glpat-[A-Za-z0-9_-]{20,}"
    r"|xox[abposr]-[A-Za-z0-9-]{10,}"
    r"|(?:AKIA|ASIA)[A-Z0-9]{16}"
    r"|AIza[A-Za-z0-9_-]{35}"
    r"|sk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"
    r"|SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}"
    r"|npm_[A-Za-z0-9]{36}"
    r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
    r")"
)
_ISSUER_PREFIX = re.compile(
    r"^(?:[sr]k_(?:live|test)_|gh[pousr]_|github_pat_|glpat-|xox[a-z]-|AKIA|ASIA|AIza|sk-(?:proj-|ant-)?|SG\.|"
    r"npm_|eyJ)"
)
# A placeholder in an issued format: AWS's documented `AKIAIOSFODNN7EXAMPLE`, `sk-xxxx…`, `sk_test_YOUR_KEY…`
_PLACEHOLDER_WORDS = ("example", "xxxx", "your", "dummy", "placeholder")
# The names a credential in a URL's query, a form, a JSON field or an XML element is kept under (`?api_key=…`,
# `&access_token=…`). A separator inside such a name, also percent-encoded (`api%5Fkey`) or as a JSON escape
# (`api\u005fkey`)
_SEPARATOR = r"(?:[_-]|%5[fF]|%2[dD]|\\u005[fF]|\\u002[dD])"
_CREDENTIAL_FIELD = (
    # a vendor's prefix before the name (`x-api-key`, `x_api_key`, `stripe_secret_key`); not before a bare
    # `token`, which `page_token` and `next_token` end with
    rf"(?:(?:[A-Za-z0-9]{{1,32}}{_SEPARATOR}){{0,3}}"
    rf"(?:api{_SEPARATOR}?key|apikey|access{_SEPARATOR}?token|refresh{_SEPARATOR}?token|id{_SEPARATOR}?token|"
    rf"auth{_SEPARATOR}?token|client{_SEPARATOR}?secret|secret|password|passphrase|"
    rf"secret{_SEPARATOR}?access{_SEPARATOR}?key|"
    # `secret_key`, `private_key`, `apiSecret`, GitLab's `private_token`, `session_token`, `app_secret`
    rf"(?:api|app|private|secret|session|signing|webhook){_SEPARATOR}?(?:secret|key|token))"
    r"|token)"
)
# A credential in a URL's query or fragment or a form body by its parameter's name (`?api_key=…`,
# `client_secret=…`, Google's `key=…`, an OAuth implicit grant's `#access_token=…`)
_QUERY_CREDENTIAL = re.compile(
    rf"(?i)((?:^|[?&;#\s\"])(?:{_CREDENTIAL_FIELD}|key)=)([^&;#\s\"'{{}}<>]{{8,}})"
)
# …and in a JSON body (`"access_token": "…"`), the escaped quotes of JSON in JSON too; not `"key"`, with which
# Postman's own entries name their header or parameter
_JSON_CREDENTIAL = re.compile(
    # from a run of backslashes' first only: trying each place inside one again made a long run quadratic
    rf'(?i)((?<!\\)(?:\\*)"{_CREDENTIAL_FIELD}(?:\\*)"\s*:\s*(?:\\*)")([^"\\{{}}\s]{{8,}})'
)

# …and in an XML body, as an element's whole text (`<api_key>…</api_key>`, `<ns:client_secret>`)
_XML_CREDENTIAL = re.compile(
    rf"(?i)(<(?:[A-Za-z_][\w.-]*:)?{_CREDENTIAL_FIELD}(?:\s[^<>]*)?>)([^<>\s]{{8,}})(?=</)"
)


def _is_issued(token: str) -> bool:
    """A token in an issued format that is not a placeholder: letters and digits after its prefix, no stand-in
    word."""
    body = _ISSUER_PREFIX.sub("", token)
    lowered = token.lower()
    return (
        any(c.isdigit() for c in body)
        and any(c.isalpha() for c in body)
        and not any(word in lowered for word in _PLACEHOLDER_WORDS)
    )


# The shortest text an issued-format credential may be (a Slack token, `xoxb-` and ten): shorter text holds none.
MIN_TOKEN_LENGTH = 15


# Secrets a URL holds by their place, not their format: the last part of a Slack or Discord webhook's path (whoever
# has it posts to the channel) and the password of a URL's `user:password@`
_URL_SECRET = re.compile(
    r"hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/(?P<slack>[A-Za-z0-9]{20,})"
    r"|discord(?:app)?\.com/api/webhooks/[0-9]+/(?P<discord>[A-Za-z0-9_-]{30,})"
    r"|[A-Za-z][A-Za-z0-9+.-]{0,31}://[^/\s:@{}\"'<>]{1,256}:(?P<password>[^/\s:@{}\"'<>]{6,256})@"
    # a token given as the whole userinfo (`https://ghs_…@github.com/…`, as git remotes and CI write them)
    r"|[A-Za-z][A-Za-z0-9+.-]{0,31}://(?P<usertoken>[A-Za-z0-9_-]{20,256})@"
    # the same URL percent-encoded as a query's or a form's value (`next=https%3A%2F%2Falice%3A…%40host`)
    r"|[A-Za-z][A-Za-z0-9+.-]{0,31}%3[Aa]%2[Ff]%2[Ff](?:[A-Za-z0-9._~-]|%(?!3[Aa]|40|2[Ff])[0-9A-Fa-f]{2}){1,256}"
    r"%3[Aa](?P<encoded>(?:[A-Za-z0-9._~!$&'()*+,;=-]|%(?!40|2[Ff])[0-9A-Fa-f]{2}){6,256}?)%40"
)
_PLACEHOLDER_PASSWORDS = frozenset({"password", "passwd", "secret", "changeme"})


def _token_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` holds an issued-format credential (see _ISSUED_TOKEN) or a URL's secret (_URL_SECRET)."""
    spans = [(m.start(), m.end()) for m in _ISSUED_TOKEN.finditer(text) if _is_issued(m.group(0))]
    if ("://" in text and ("@" in text or "hooks.slack.com" in text or "/webhooks/" in text)) or (
        "%40" in text and ("%2F%2F" in text or "%2f%2f" in text)
    ):
        for match in _URL_SECRET.finditer(text):
            name = match.lastgroup or ""
            secret = match.group(name)
            lowered = secret.lower()
            if name in ("password", "encoded") and (
                lowered in _PLACEHOLDER_PASSWORDS or any(word in lowered for word in _PLACEHOLDER_WORDS)
            ):
                continue
            if name == "usertoken" and not _mixed(secret):
                continue  # a long user name of letters (`https://someverylongusername@host`) is no token
            spans.append(match.span(name))
        spans.sort()
    return spans


def find_tokens(text: str) -> list[str]:
    """The issued-format credentials and URL secrets in `text`, in order."""
    return [text[start:end] for start, end in _token_spans(text)]


def replace_tokens(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with each issued-format credential and URL secret in it replaced by `replacement(token)`."""
    spans = _token_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for start, end in spans:
        if start < at:
            continue
        parts += [text[at:start], replacement(text[start:end])]
        at = end
    return "".join(parts) + text[at:]


def redact(text: str) -> str:
    """Replace every private key, bearer token, Basic credential, issued-format credential and credential named
    in a URL's query, a JSON field or an XML element in `text` with its truncated form."""
    return _without_named_credentials(replace_tokens(_redact(text, _TEXT_SEARCHES), truncate_key))


def _without_named_credentials(text: str) -> str:
    """`text` with each credential a URL's query, a form, a JSON field or an XML element names truncated."""
    if "=" in text:
        text = _QUERY_CREDENTIAL.sub(_truncated_query_value, text)
    if "<" in text:
        text = _XML_CREDENTIAL.sub(_truncated_query_value, text)
    return _JSON_CREDENTIAL.sub(_truncated_query_value, text) if '"' in text else text


def credential_spans(text: str, *, issued: bool = True) -> list[tuple[int, int, str]]:
    """Where `text` holds a credential :func:`redact` truncates, a private key aside: (start, end, name), the
    name being the field or parameter that holds it (`client_secret=…`, `"refresh_token": "…"`), or "" for one
    found by its issuer's format (left out unless `issued`: a caller that replaced those already need not search
    the text for them again). In order, none overlapping."""
    spans = [(start, end, "") for start, end in _token_spans(text)] if issued else []
    for pattern in (_QUERY_CREDENTIAL, _JSON_CREDENTIAL, _XML_CREDENTIAL):
        for match in pattern.finditer(text):
            if _truncated_query_value(match) != match.group(0):
                # the element's own name, not an attribute's value (`<ns:api_key xmlns:ns="urn:x">`)
                words = re.findall(r"[A-Za-z][A-Za-z0-9_-]*", match.group(1).split(None, 1)[0])
                name = words[-1]
                spans.append((match.start(2), match.end(2), name))
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _truncated_query_value(match: re.Match[str]) -> str:
    value = match.group(2)
    if value.startswith(("{{", "%7B%7B", "…")) or not looks_like_a_credential(value):
        return match.group(0)
    return match.group(1) + truncate_key(value)


def redact_bytes(data: bytes) -> bytes:
    """:func:`redact` for UTF-8 output about to be written."""
    return _redact(data, _BYTES_SEARCHES)


def _redact(text: Any, searches: _Searches) -> Any:
    # A URL's password once, before the rounds below: what truncating leaves (`…` is no userinfo character)
    # cannot form another. A literal `://` starts the pattern, so `re` finds it quickly (12 ms in Stripe's 36 MB;
    # once per round it was twice that, 4% of Stripe's generate: benchmarks/bench_generate.py, real-world).
    if re.search(searches.url_password, text):
        text = re.sub(searches.url_password, _truncated_url_password, text)
    # Until nothing changes: what a truncated key ends with, joined to what follows it, may be a key of its own
    # (`pk_…efpk` + `_7f3c…`). Each round shortens the text, so this ends.
    while True:
        redacted = _redact_once(text, searches)
        if redacted == text:
            return text
        text = redacted


def _redact_once(text: Any, searches: _Searches) -> Any:
    # Quick tests first: they are many times quicker than the patterns over a collection's megabytes, and most
    # texts hold none of what a secret starts with.
    if searches.literal_start in text:
        text = re.sub(searches.literal_key, _truncated_key, text)
    if re.search(searches.percent_start, text) or searches.json_escape in text:
        text = re.sub(searches.key, _truncated_key, text)
    folded = text.lower()
    for patterns, replace in ((searches.bearer, _truncated_bearer), (searches.basic, _truncated_basic)):
        scheme = patterns[0][0].lower()
        if scheme not in folded:  # the scheme word in any case
            continue
        spelled = 0
        for word, pattern in patterns:
            if word in text:
                spelled += text.count(word)
                text = re.sub(pattern, replace, text)
        if folded.count(scheme) > spelled:
            # a spelling of its own (`bAsIc`, `BeArEr`: HTTP's scheme words are any case), searched for only where
            # the usual three do not account for each word
            text = re.sub(_any_case(patterns[0][1]), replace, text)
    return _without_base64_keys(text)


def _any_case(pattern: re.Pattern[Any] | bytes) -> Any:
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return re.compile(source, re.IGNORECASE)


# `pk_` in base64 at each of the three places a byte may fall in a group of three: what a base64 text holding a
# key holds (`cGtf…`, a key pasted encoded into a header, a body, a description).
_BASE64_KEY_MARKS = ("cGtf", "BrX", "wa1")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]*={0,2}")
_BASE64_RUN_BYTES = re.compile(_BASE64_RUN.pattern.encode("ascii"))
_BASE64_BEFORE = re.compile(r"[A-Za-z0-9+/_-]{0,4}$")
_BASE64_BEFORE_BYTES = re.compile(_BASE64_BEFORE.pattern.encode("ascii"))


def _without_base64_keys(text: Any) -> Any:
    """`text` with each base64 text that encodes a private key (standard or URL-safe alphabet) truncated from
    where the key begins."""
    is_bytes = isinstance(text, bytes)
    marks = [mark.encode("ascii") for mark in _BASE64_KEY_MARKS] if is_bytes else _BASE64_KEY_MARKS
    if not any(mark in text for mark in marks):
        return text
    run, before = (_BASE64_RUN_BYTES, _BASE64_BEFORE_BYTES) if is_bytes else (_BASE64_RUN, _BASE64_BEFORE)
    spans: list[tuple[int, int]] = []
    for mark in marks:
        found = text.find(mark)
        while found != -1:
            # from the group the mark may begin in: what precedes the key decodes to what preceded it, no secret
            preceding = before.search(text, max(0, found - 4), found)  # matches, if only the empty text
            start = found - (len(preceding.group(0)) if preceding is not None else 0)
            following = run.match(text, found)
            end = following.end() if following is not None else found
            if _encodes_a_key(text[start : min(end, found + 64)]):
                spans.append((start, end))
            found = text.find(mark, end)
    merged: list[tuple[int, int]] = []  # spans that overlap (two marks in one run) truncated as one
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        encoded = _text(text[start:end])
        text = (
            text[:start]
            + (truncate_key(encoded).encode("utf-8") if is_bytes else truncate_key(encoded))
            + text[end:]
        )
    return text


def _encodes_a_key(window: str | bytes) -> bool:
    """Some alignment of the base64 `window` decodes to text holding a private key."""
    chars = _text(window).rstrip("=").replace("-", "+").replace("_", "/")
    for offset in range(4):
        chunk = chars[offset:]
        chunk = chunk[: len(chunk) - len(chunk) % 4]
        try:
            decoded = base64.b64decode(chunk, validate=True)
        except (binascii.Error, ValueError):
            continue
        if _LITERAL_PRIVATE_KEY.search(decoded.decode("latin-1")):
            return True
    return False


def replace_keys(text: str, replacement: Callable[[str], str]) -> str:
    """`text` with each private key in it (any encoding) replaced by `replacement(key)`, the key decoded."""
    return PRIVATE_KEY.sub(lambda m: replacement(unescaped(m.group(0))), text)


def find_keys(text: str) -> list[str]:
    """The private keys in `text`, decoded, in order."""
    return [unescaped(m.group(0)) for m in PRIVATE_KEY.finditer(text)]


# A variable named for a credential (PayPal's `client_secret`), whatever its value looks like; a name that merely
# holds `token` (`page_token`, `token_url`) is not one.
_CREDENTIAL_NAME = re.compile(
    r"(?i)(?:^|[_-]|(?<=[a-z]))(?:client[_-]?secret|secret|password|passwd|api[_-]?key|private[_-]?key|"
    r"subscription[_-]?key|access[_-]?key|auth[_-]?key|"
    r"secret[_-]?access[_-]?key|secret[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token|bearer[_-]?token|"
    r"token)$"
)
# Names that end in `token` and hold a page's or a sync's position, not a credential (`page_token`, `nextToken`)
_POSITION_TOKEN = re.compile(
    r"(?i)(?:page|next|prev|previous|continuation|cursor|pagination|sync|resume|start|delta|csrf|xsrf|"
    r"idempotency)[_-]?token$"
)


def looks_like_a_credential(value: str) -> bool:
    """A value a credential could be: a word of eight characters or more, not a `{{variable}}` nor a placeholder
    (`<client secret>`, `YOUR_SECRET`, `xxxx`, `token_here`)."""
    text = value.strip()
    lowered = text.lower()
    return (
        len(text) >= 8
        and not any(c.isspace() for c in text)
        and "{{" not in text
        # `<token>`, `{access_token}`, `${TOKEN}`, Box's `[password]`: templates
        and not text.startswith(("<", "{", "${", "["))
        and not _SHELL_VARIABLE.fullmatch(text)  # `$API_TOKEN`; a `$2a$04$…` hash is a credential
        and not any(word in lowered for word in _STAND_IN_WORDS)
        # one character over and over after any prefix (`whsec_aaaa…`, `00000000`): what a generator makes from
        # a pattern, or a stand-in, never an issued secret
        and len(set(re.split(r"[_-]", text)[-1])) > 1
    )


_SHELL_VARIABLE = re.compile(r"\$[A-Za-z_][A-Za-z0-9_]*")
# Words a value standing in for a credential holds (`your_api_key`, `jwt_token_here`, `<token>`, `xxxx…`,
# Klaviyo's webhook `INSERT_SECRET_KEY`)
_STAND_IN_WORDS = (
    "your", "xxxx", "here", "example", "placeholder", "dummy", "changeme", "redacted", "****", "insert"
)  # fmt: skip


def holds_named_credential(name: str, value: object) -> bool:
    """A variable named for a credential (`client_secret`, `apiKey`) whose value is one: no key pattern finds
    such a secret, its name does."""
    return isinstance(value, str) and is_credential_name(name) and looks_like_a_credential(value)


def named_credential(name: str, value: str) -> str | None:
    """The (first) credential in a header's or parameter's value when it is named for one (see
    named_credentials); None for a `{{variable}}`, a placeholder or another name."""
    found = named_credentials(name, value)
    return found[0] if found else None


def named_credentials(name: str, value: str) -> list[str]:
    """The credentials in a header's or parameter's value when it is named for them: an `Authorization` header's
    words after its scheme (`Bearer eyJ…`), or its one word (`X-Authorization` too), an OAuth 1.0 header's
    `oauth_token` and `oauth_signature`, the session values of a `Cookie` or `Set-Cookie` header, an `X-Api-Key` header's or an
    `api_key` parameter's whole value."""
    lowered = name.lower()
    if lowered in COOKIE_HEADERS:
        # `sessionid=…; session_token=…`; a Set-Cookie sets one, its attributes (`HttpOnly`, `Path=/`) after it
        pairs = value.split(";") if lowered == "cookie" else value.split(";", 1)[:1]
        held = [pair.partition("=")[2].strip().strip('"') for pair in pairs if "=" in pair]
        return [cookie for cookie in held if _mixed(cookie)]
    if lowered.endswith("authorization"):
        words = value.split()
        if words and words[0].lower() == "oauth":
            return [
                m.group(1) for m in _OAUTH_CREDENTIAL.finditer(value) if looks_like_a_credential(m.group(1))
            ]
        # `Bearer eyJ…`; a bare `Ab12…` with no scheme word (an API's own convention); `Token tk_… extra`:
        # each word after a scheme that could be a credential
        given = words[1:] if len(words) > 1 else words
        return [word for word in given if looks_like_a_credential(word)]
    return [value.strip()] if holds_named_credential(name, value) else []


# Headers whose values are cookies: `name=value` pairs, a session among them
COOKIE_HEADERS = ("cookie", "set-cookie")
_OAUTH_CREDENTIAL = re.compile(r'oauth_(?:token|signature)="?([^",\s]+)')


# A resource's id, whatever its field's name says (Lithic's `token` and `account_token` are UUIDs of cards and
# accounts): no credential to truncate in a spec's example.
UUID_TEXT = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def without_credential(name: str | None, value: str) -> str:
    """A value kept under `name` (a parameter, a form field, a property), a credential its name says it is
    (`api_key`, `client_secret`; a UUID is an id, whatever its name) truncated, and any in an issuer's format."""
    for credential in named_credentials(name, value) if name is not None else ():
        if not UUID_TEXT.fullmatch(credential):
            value = value.replace(credential, truncate_key(credential))
    if len(value) < MIN_TOKEN_LENGTH:
        return value
    # and one a text names (a JSON text's `"token": "…"`, a form's `client_secret=…`)
    return _without_named_credentials(replace_tokens(value, truncate_key))


def without_credentials(value: Any, name: str | None = None) -> Any:
    """`value`, a spec's example (text, or objects and lists of it) under the property `name`, with each
    credential in it truncated as every output writes a key (see without_credential). A `password` is data a
    request sends or an API echoes (a user to create), as upgrade reads it too. The very object comes back when
    nothing changed."""
    if isinstance(value, str):
        return without_credential(
            name if name is not None and "password" not in name.lower() else None, value
        )
    if isinstance(value, dict):
        entries = {key: without_credentials(inner, str(key)) for key, inner in value.items()}
        return entries if any(entries[key] is not inner for key, inner in value.items()) else value
    if isinstance(value, list):
        items = [without_credentials(inner, name) for inner in value]
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value
    return value


def is_credential_name(name: str) -> bool:
    """A name a credential is kept under: `client_secret`, `X-Api-Key`, `notesToken`; not `page_token`."""
    return _CREDENTIAL_NAME.search(name) is not None and _POSITION_TOKEN.search(name) is None
