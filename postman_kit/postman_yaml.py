"""YAML text exactly as Postman's tools write it: the choices of the `yaml` package (2.x) under its defaults.

Postman v12 and its CLI write collection format 3.0.0 with `YAML.stringify` of the `yaml` npm package and
no options: block style, sequences indented under their key, a scalar plain where the YAML 1.2 core schema
reads it back as the same string, else double-quoted (single-quoted when that saves escaping `"`), multi-line
text as `|` or `>` blocks, and long lines folded at 80 columns. PyYAML makes other choices on every one of
those points (it quotes differently, folds at other places, picks other block styles), so a file written with
it would differ from Postman's in many lines of every diff. This module ports the few functions of that
package that decide a scalar's text, for the values a collection holds: dicts, lists, strings, integers,
booleans and None.

Lengths and indexes follow JavaScript: they count UTF-16 code units, so a character beyond U+FFFF counts two
where the line width is measured.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

LINE_WIDTH = 80
MIN_CONTENT_WIDTH = 20
INDENT_STEP = "  "
DOUBLE_QUOTED_MIN_MULTILINE = 40

_FOLD_FLOW = "flow"
_FOLD_BLOCK = "block"
_FOLD_QUOTED = "quoted"

# Strings the YAML 1.2 core schema reads as something else (null, bool, int, float): these are quoted.
_CORE_SCHEMA_TESTS = (
    re.compile(r"(?:~|[Nn]ull|NULL)?"),
    re.compile(r"(?:[Tt]rue|TRUE|[Ff]alse|FALSE)"),
    re.compile(r"0o[0-7]+"),
    re.compile(r"[-+]?[0-9]+"),
    re.compile(r"0x[0-9a-fA-F]+"),
    re.compile(r"(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)"),
    re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+"),
    re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)"),
)
_NOT_PLAIN = re.compile(
    r"^[\n\t ,\[\]{}#&*!|>'\"%@`]|^[?-]\Z|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z"
)
_FORCE_DOUBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DOCUMENT_MARKER = re.compile(r"^(%|---|\.\.\.)", re.MULTILINE)
_BLOCK_END_NEWLINES = re.compile(r"(^|(?<!\n))\n+(?!\n|\Z)")
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_JS_DOT = "[^\n\r\u2028\u2029]"  # what `.` matches in a JavaScript regular expression
_MORE_INDENTED = re.compile(rf"(?:^|\n)([\t ]{_JS_DOT}*)(?:([\n\t ]*)\n(?![\n\t ]))?")


@dataclass(frozen=True)
class _Context:
    indent: str = ""
    implicit_key: bool = False
    indent_at_start: int | None = None
    force_block_indent: bool = False


def dump(value: Any) -> str:
    """`value` as one YAML document, ending in a newline, as `YAML.stringify(value)` writes it."""
    return _stringify(value, _Context()) + "\n"


def _stringify(value: Any, ctx: _Context) -> str:
    if isinstance(value, dict):
        return _block_collection([_pair(str(k), v, ctx) for k, v in value.items()], ctx.indent, "", "{}")
    if isinstance(value, list):
        item_ctx = replace(ctx, indent=ctx.indent + INDENT_STEP)
        return _block_collection([_stringify(item, item_ctx) for item in value], ctx.indent, "- ", "[]")
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _js_number(value)
    return _stringify_string(str(value), ctx)


def _block_collection(lines: list[str], indent: str, prefix: str, empty: str) -> str:
    if not lines:
        return empty
    return f"\n{indent}".join(prefix + line for line in lines)


def _pair(key: str, value: Any, ctx: _Context) -> str:
    pair_ctx = replace(ctx, implicit_key=True, indent=ctx.indent + INDENT_STEP)
    key_text = _stringify(key, pair_ctx)
    if len(_utf16(key_text)) > 1024:  # too long for an implicit key: `? key` then `: value`
        text = f"? {key_text}\n{ctx.indent}:"
        value_ctx = replace(pair_ctx, implicit_key=False)
    else:
        text = f"{key_text}:"
        is_scalar = not isinstance(value, (dict, list))
        value_ctx = replace(
            pair_ctx,
            implicit_key=False,
            indent_at_start=len(_utf16(text)) + 1 if is_scalar else pair_ctx.indent_at_start,
        )
    value_text = _stringify(value, value_ctx)
    if isinstance(value, (dict, list)):
        separator = f"\n{value_ctx.indent}" if value else " "
    elif value_text == "" or value_text[0] == "\n":
        separator = ""
    else:
        separator = " "
    return text + separator + value_text


def _js_number(value: float) -> str:
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    return json.dumps(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)


# --- strings ----------------------------------------------------------------------------------------------


def _utf16(text: str) -> str:
    """`text` with every character beyond U+FFFF written as its two surrogates, as JavaScript indexes it."""
    if not _BEYOND_BMP.search(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(chr(0xD800 + (code >> 10)))
            out.append(chr(0xDC00 + (code & 0x3FF)))
        else:
            out.append(ch)
    return "".join(out)


def _from_utf16(text: str) -> str:
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _has_lone_surrogate(text: str) -> bool:
    return bool(_SURROGATE.search(text))


def _stringify_string(value: str, ctx: _Context) -> str:
    force_double = bool(_FORCE_DOUBLE.search(value)) or _has_lone_surrogate(value)
    units = _utf16(value)
    if force_double:
        return _from_utf16(_double_quoted(units, _js_json_string(value), ctx))
    return _from_utf16(_plain(units, value, ctx))


def _js_json_string(value: str) -> str:
    """`JSON.stringify(value)`: control characters and lone surrogates escaped, everything else as is."""
    out = ['"']
    for ch in value:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return _utf16("".join(out))


def _contains_document_marker(text: str) -> bool:
    return bool(_DOCUMENT_MARKER.search(text))


def _quoted(value: str, original: str, ctx: _Context) -> str:
    has_double = '"' in value
    has_single = "'" in value
    if has_double and not has_single:
        return _single_quoted(value, original, ctx)
    return _double_quoted(value, _js_json_string(original), ctx)


def _double_quoted(value: str, json_text: str, ctx: _Context) -> str:
    implicit_key = ctx.implicit_key
    indent = ctx.indent or ("  " if _contains_document_marker(value) else "")
    text = json_text
    out = ""
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " " and text[i + 1 : i + 3] == "\\n":
            out += text[start:i] + "\\ "  # a space before a newline is escaped so folding keeps it
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = text[i + 1] if i + 1 < len(text) else ""
            if following == "u":
                out += text[start:i]
                code = text[i + 2 : i + 6]
                named = {
                    "0000": "\\0",
                    "0007": "\\a",
                    "000b": "\\v",
                    "001b": "\\e",
                    "0085": "\\N",
                    "00a0": "\\_",
                    "2028": "\\L",
                    "2029": "\\P",
                }
                if code in named:
                    out += named[code]
                elif code[:2] == "00":
                    out += "\\x" + code[2:]
                else:
                    out += text[i : i + 6]
                i += 5
                start = i + 1
            elif following == "n":
                if implicit_key or text[i + 2 : i + 3] == '"' or len(text) < DOUBLE_QUOTED_MIN_MULTILINE:
                    i += 1
                else:
                    out += text[start:i] + "\n\n"  # folding eats the first newline
                    while text[i + 2 : i + 4] == "\\n" and text[i + 4 : i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if text[i + 2 : i + 3] == " ":
                        out += "\\"  # a space after a newline is escaped so folding keeps it
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    out = out + text[start:] if start else text
    if implicit_key:
        return out
    return _fold(out, indent, _FOLD_QUOTED, ctx.indent_at_start)


def _single_quoted(value: str, original: str, ctx: _Context) -> str:
    if (ctx.implicit_key and "\n" in value) or re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, _js_json_string(original), ctx)
    indent = ctx.indent or ("  " if _contains_document_marker(value) else "")
    text = "'" + re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value.replace("'", "''")) + "'"
    if ctx.implicit_key:
        return text
    return _fold(text, indent, _FOLD_FLOW, ctx.indent_at_start)


def _plain(value: str, original: str, ctx: _Context) -> str:
    implicit_key = ctx.implicit_key
    indent = ctx.indent
    if implicit_key and "\n" in value:
        return _quoted(value, original, ctx)
    if _NOT_PLAIN.search(value):
        if implicit_key or "\n" not in value:
            return _quoted(value, original, ctx)
        return _block(value, original, ctx)
    if not implicit_key and "\n" in value:
        return _block(value, original, ctx)  # multi-line text prefers a block
    if _contains_document_marker(value):
        if indent == "":
            return _block(value, original, replace(ctx, force_block_indent=True))
        if implicit_key and indent == INDENT_STEP:
            return _quoted(value, original, ctx)
    text = re.sub(r"\n+", lambda m: m.group(0) + "\n" + indent, value)
    if any(test.fullmatch(text) for test in _CORE_SCHEMA_TESTS):
        return _quoted(value, original, ctx)
    if implicit_key:
        return text
    return _fold(text, indent, _FOLD_FLOW, ctx.indent_at_start)


def _line_length_over_limit(text: str, line_width: int, indent_length: int) -> bool:
    limit = line_width - indent_length
    length = len(text)
    if length <= limit:
        return False
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i - start > limit:
                return True
            start = i + 1
            if length - start <= limit:
                return False
    return True


def _block(value: str, original: str, ctx: _Context) -> str:
    if re.search(r"\n[\t ]+\Z", value):
        return _quoted(value, original, ctx)
    indent = ctx.indent or ("  " if ctx.force_block_indent or _contains_document_marker(value) else "")
    literal = not _line_length_over_limit(value, LINE_WIDTH, len(indent))
    if not value:
        return "|\n" if literal else ">\n"

    end_start = len(value)
    while end_start > 0 and value[end_start - 1] in "\n\t ":
        end_start -= 1
    end = value[end_start:]
    end_newline = end.find("\n")
    if end_newline == -1:
        chomp = "-"
    elif value == end or end_newline != len(end) - 1:
        chomp = "+"
    else:
        chomp = ""
    if end:
        value = value[: -len(end)]
        if end[-1] == "\n":
            end = end[:-1]
        end = _BLOCK_END_NEWLINES.sub(lambda m: m.group(0) + indent, end)

    starts_with_space = False
    start_end = 0
    start_newline = -1
    while start_end < len(value):
        ch = value[start_end]
        if ch == " ":
            starts_with_space = True
        elif ch == "\n":
            start_newline = start_end
        else:
            break
        start_end += 1
    start = value[: start_newline + 1 if start_newline < start_end else start_end]
    if start:
        value = value[len(start) :]
        start = re.sub(r"\n+", lambda m: m.group(0) + indent, start)

    header = ("2" if indent else "1") if starts_with_space else ""
    header += chomp

    if not literal:
        folded = re.sub(r"\n+", lambda m: "\n" + m.group(0), value)
        folded = _MORE_INDENTED.sub(lambda m: m.group(1) + (m.group(2) or ""), folded)
        folded = re.sub(r"\n+", lambda m: m.group(0) + indent, folded)
        overflow: list[bool] = []
        body = _fold(
            f"{start}{folded}{end}",
            indent,
            _FOLD_BLOCK,
            len(ctx.indent),
            on_overflow=lambda: overflow.append(True),
        )
        if not overflow:
            return f">{header}\n{indent}{body}"

    value = re.sub(r"\n+", lambda m: m.group(0) + indent, value)
    return f"|{header}\n{indent}{start}{value}{end}"


def _fold(
    text: str,
    indent: str,
    mode: str,
    indent_at_start: int | None,
    on_overflow: Callable[[], None] | None = None,
) -> str:
    """Break `text` at spaces so lines keep within the line width (`foldFlowLines`)."""
    line_width = LINE_WIDTH
    min_content = MIN_CONTENT_WIDTH
    end_step = max(1 + min_content, 1 + line_width - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped_folds: set[int] = set()
    end = line_width - len(indent)
    if indent_at_start is not None:
        if indent_at_start > line_width - max(2, min_content):
            folds.append(0)
        else:
            end = line_width - indent_at_start
    split: int | None = None
    prev: str | None = None
    overflow = False
    i = -1
    esc_start = -1
    esc_end = -1
    if mode == _FOLD_BLOCK:
        i = _consume_more_indented_lines(text, i, len(indent))
        if i != -1:
            end = i + end_step
    length = len(text)
    while True:
        i += 1
        if i >= length:
            break
        ch: str | None = text[i]
        if mode == _FOLD_QUOTED and ch == "\\":
            esc_start = i
            following = text[i + 1] if i + 1 < length else ""
            i += {"x": 3, "u": 5, "U": 9}.get(following, 1)
            esc_end = i
        if ch == "\n":
            if mode == _FOLD_BLOCK:
                i = _consume_more_indented_lines(text, i, len(indent))
            end = i + len(indent) + end_step
            split = None
        else:
            if ch == " " and prev and prev not in " \n\t":
                following = text[i + 1] if i + 1 < length else ""
                if following and following not in " \n\t":
                    split = i
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif mode == _FOLD_QUOTED:
                    while prev in (" ", "\t"):
                        prev = ch
                        i += 1
                        ch = text[i] if i < length else None
                        overflow = True
                    j = i - 2 if i > esc_end + 1 else esc_start - 1
                    if j in escaped_folds:
                        return text
                    folds.append(j)
                    escaped_folds.add(j)
                    end = j + end_step
                    split = None
                else:
                    overflow = True
        prev = ch
    if overflow and on_overflow:
        on_overflow()
    if not folds:
        return text
    out = text[: folds[0]]
    for n, fold in enumerate(folds):
        until = folds[n + 1] if n + 1 < len(folds) else length
        if fold == 0:
            out = f"\n{indent}{text[:until]}"
        else:
            if mode == _FOLD_QUOTED and fold in escaped_folds:
                out += f"{text[fold]}\\"
            out += f"\n{indent}{text[fold + 1 : until]}"
    return out


def _consume_more_indented_lines(text: str, i: int, indent: int) -> int:
    end = i
    start = i + 1
    ch = text[start] if start < len(text) else ""
    while ch in (" ", "\t") and ch:
        if i < start + indent:
            i += 1
            ch = text[i] if i < len(text) else ""
        else:
            while True:
                i += 1
                ch = text[i] if i < len(text) else ""
                if not ch or ch == "\n":
                    break
            end = i
            start = i + 1
            ch = text[start] if start < len(text) else ""
    return end
