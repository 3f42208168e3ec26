"""JavaScript with `fetch` (Node 18+ or a browser; secrets come from `process.env` under Node)."""

from __future__ import annotations

import json

from postman_kit.snippets.code import (
    concatenated,
    credentials,
    expression,
    merged_headers,
    opening_comment,
    warn_untyped_text_parts,
)
from postman_kit.snippets.request import ResolvedRequest, Text


def _environment(name: str) -> str:
    return f"process.env.{name}"


def value(text: Text) -> str:
    """`text` as a JavaScript string expression, secrets read from `process.env`."""
    return expression(text, _environment)


def require_environment(request: ResolvedRequest) -> list[str]:
    """Lines that stop the script before sending when a secret's environment variable is unset."""
    secrets = [s.name for s in request.secrets]
    if not secrets:
        return []
    return [
        f"for (const name of {json.dumps(secrets)}) {{",
        "  if (!process.env[name]) throw new Error(`Set ${name} in the environment first.`);",
        "}",
    ]


def header_entries(request: ResolvedRequest) -> list[tuple[str, str]]:
    """(name, value) expressions of the headers; basic auth is built at run time, as UTF-8 like Postman."""
    headers = [(value((h.name,)), value(h.value)) for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        encoded = f'Buffer.from({value(credentials(request))}, "utf8").toString("base64")'
        headers.append(('"Authorization"', f'"Basic " + {encoded}'))
    return headers


def header_object(request: ResolvedRequest, extra: list[tuple[str, str]] | None = None) -> list[str]:
    """The `headers: {...},` lines of an options object (nothing when there is no header)."""
    headers = header_entries(request) + (extra or [])
    if not headers:
        return []
    return ["  headers: {", *(f"    {name}: {text}," for name, text in headers), "  },"]


def form_data(request: ResolvedRequest) -> list[str]:
    """A spec FormData of the request's multipart form (Node 18+: fetch and axios both send it)."""
    out = ['const fs = require("fs");'] if any(part.file for part in request.form or []) else []
    out.append("const form = new FormData();")
    warn_untyped_text_parts(request, "FormData")
    out += [
        f"form.append({value((part.name,))}, {value(part.value)});"
        if part.file is None
        else f"form.append({value((part.name,))}, new Blob([fs.readFileSync({value((part.file,))})]"
        + (f", {{ type: {value((part.content_type,))} }}" if part.content_type else "")
        + f"), {value((part.filename,))});"
        for part in request.form or []
    ]
    return out


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//") + require_environment(request)
    out += ["", f"const url = {value(request.url)};"]
    if request.form:
        out += form_data(request)
    out += ["const options = {", f'  method: "{request.method}",']
    out += header_object(request)
    if request.form:
        out.append("  body: form,")
    if request.body is not None:
        out.append("  body:")
        out += concatenated(request.body, value, "    ", ",")
    out += [
        "};",
        "",
        "fetch(url, options)",
        "  .then(async (response) => {",
        "    console.log(response.status);",
        "    console.log(await response.text());",
        "  })",
        "  .catch((error) => {",
        "    console.error(error);",
        "    process.exitCode = 1;",
        "  });",
    ]
    return "\n".join(out) + "\n"
