"""Percent-encoding of URLs the way Postman sends them.

Postman (postman-url-encoder) leaves most characters as typed and encodes only a few per URL part; a snippet
must produce the same request, so it applies the same sets. We also encode the few characters Postman leaves
raw that other clients would rewrite themselves (`{}|\\^` and the backquote): the server decodes both forms
to the same bytes, and every language then sends one identical URL.
"""

from __future__ import annotations

import re

_CLIENT_REWRITTEN = "{}|\\^`"
# postman-url-encoder's QUERY_ENCODE_SET and PATH_ENCODE_SET (C0 controls, DEL and non-ASCII are always encoded).
QUERY_UNSAFE = frozenset(" \"#'<>" + _CLIENT_REWRITTEN)
_HEX_PAIR = re.compile(r"[0-9A-Fa-f]{2}")
PATH_UNSAFE = frozenset(' "#<>`?{}' + _CLIENT_REWRITTEN)


def percent_encode(text: str, unsafe: frozenset[str]) -> str:
    """Encode the characters of `text` in `unsafe`, control characters and non-ASCII (as UTF-8).

    An escape the user typed (`%20`) is kept, as Postman keeps it. A `%` that starts no escape is sent as `%25`:
    Postman sends it bare, which servers decode back to `%` anyway, while clients such as requests would
    re-encode every `%` of the URL because of it.
    """
    out = []
    for index, char in enumerate(text):
        code = ord(char)
        if char == "%" and not _HEX_PAIR.fullmatch(text[index + 1 : index + 3]):
            out.append("%25")
        elif code < 0x20 or code >= 0x7F or char in unsafe:
            out.append("".join(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass")))
        else:
            out.append(char)
    return "".join(out)


def encode_path(text: str) -> str:
    return percent_encode(text, PATH_UNSAFE)


def encode_query(text: str) -> str:
    return percent_encode(text, QUERY_UNSAFE)
