"""Rust with reqwest's blocking client (Cargo.toml: `reqwest = { version = "0.12", features = ["blocking",
"multipart"] }`)."""

from __future__ import annotations

from postman_kit.snippets.code import expression, lines_of, opening_comment
from postman_kit.snippets.request import FormField, ResolvedRequest, Text, merged

_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def literal(text: str) -> str:
    """A Rust string literal: `\\\\`, `"` and control characters escaped, the rest as UTF-8."""
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or ord(char) == 0x7F or char in _BIDI:
            # rustc refuses a literal holding a bidirectional control as written (its text_direction_codepoint lint)
            out.append(f"\\u{{{ord(char):x}}}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def value(text: Text) -> str:
    """A `&str` literal, or a `String` joined from literals and environment lookups."""
    parts = merged(text)
    if all(isinstance(p, str) for p in parts):
        return literal("".join(p for p in parts if isinstance(p, str)))
    return (
        "["
        + expression(text, lambda name: f'env("{name}").as_str()', literal=literal, join=", ")
        + "].concat()"
    )


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//")
    out += [
        "use std::env::var;",
        "",
        "fn env(name: &str) -> String {",
        "    match var(name) {",
        "        Ok(value) if !value.is_empty() => value,",
        '        _ => panic!("Set {name} in the environment first."),',
        "    }",
        "}",
        "",
        "fn main() -> Result<(), Box<dyn std::error::Error>> {",
    ]
    if request.body is not None:
        body_lines = lines_of(request.body)
        out.append("    let body = [")
        out += [f"        {value(line)}," for line in body_lines]
        out.append("    ].concat();")
    if request.form:
        out.append("    let form = reqwest::blocking::multipart::Form::new()")
        out += [
            f"        .part({value((part.name,))}, {_typed_part(part)})"
            if part.content_type is not None
            else f"        .text({value((part.name,))}, {value(part.value)})"
            if part.file is None
            else f"        .file({value((part.name,))}, {value((part.file,))})?"
            for part in request.form
        ]
        out[-1] += ";"
    method = f"reqwest::Method::from_bytes(b{literal(request.method)})?"
    out += [
        "    let response = reqwest::blocking::Client::new()",
        f"        .request({method}, {value(request.url)})",
    ]
    out += [f"        .header({value((h.name,))}, {value(h.value)})" for h in request.headers]
    if request.basic_auth is not None:
        basic = request.basic_auth
        out.append(f"        .basic_auth({value(basic.username)}, Some({value(basic.password)}))")
    if request.form:
        out.append("        .multipart(form)")
    elif request.body is not None:
        out.append("        .body(body)")
    out += [
        "        .send()?;",
        '    println!("{}", response.status().as_u16());',
        '    println!("{}", response.text()?);',
        "    Ok(())",
        "}",
    ]
    return "\n".join(out) + "\n"


def _typed_part(part: FormField) -> str:
    """A part of its own Content-Type (`Part::text(..).mime_str(..)`, or a file's)."""
    made = (
        f"reqwest::blocking::multipart::Part::text({value(part.value)})"
        if part.file is None
        else f"reqwest::blocking::multipart::Part::file({value((part.file,))})?"
    )
    return f"{made}.mime_str({literal(part.content_type or '')})?"
