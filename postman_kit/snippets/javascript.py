"""JavaScript with `fetch` (Node 18+ or a browser; secrets come from `process.env` under Node)."""

from __future__ import annotations

import json

from postman_kit.snippets.code import credentials, expression, lines_of, merged_headers, opening_comment
from postman_kit.snippets.request import ResolvedRequest, Text


def _environment(name: str) -> str:
    return f"process.env.{name}"


def _value(text: Text) -> str:
    return expression(text, _environment)


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//")
    secrets = [s.name for s in request.secrets]
    if secrets:
        out += [
            f"for (const name of {json.dumps(secrets)}) {{",
            "  if (!process.env[name]) throw new Error(`Set ${name} in the environment first.`);",
            "}",
        ]
    out += ["", f"const url = {_value(request.url)};"]
    if request.form:
        if any(part.file for part in request.form):
            out.append('const fs = require("fs");')
        out.append("const form = new FormData();")
        out += [f"form.append({_value((part.name,))}, {_value(part.value)});" if part.file is None else
                f"form.append({_value((part.name,))}, new Blob([fs.readFileSync({_value((part.file,))})]), "
                f"{_value((part.filename,))});" for part in request.form]
    out += ["const options = {", f'  method: "{request.method}",']
    headers = [(_value((h.name,)), _value(h.value)) for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        encoded = f'Buffer.from({_value(credentials(request))}, "utf8").toString("base64")'
        headers.append(('"Authorization"', f'"Basic " + {encoded}'))
    if headers:
        out.append("  headers: {")
        out += [f"    {name}: {value}," for name, value in headers]
        out.append("  },")
    if request.form:
        out.append("  body: form,")
    if request.body is not None:
        body_lines = lines_of(request.body)
        out.append("  body:")
        out += [f"    {_value(line)}" + (" +" if i < len(body_lines) - 1 else ",")
                for i, line in enumerate(body_lines)]
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
