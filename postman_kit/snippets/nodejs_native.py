"""Node.js with its own `http`/`https` modules (no package to install)."""

from __future__ import annotations

from postman_kit.snippets.code import (
    concatenated,
    opening_comment,
    part_head,
    split_url,
)
from postman_kit.snippets.javascript import header_object, require_environment, value
from postman_kit.snippets.request import ResolvedRequest


def _multipart(request: ResolvedRequest) -> list[str]:
    out = ['const boundary = require("crypto").randomUUID();', "const body = Buffer.concat(["]
    for part in request.form or []:
        head = value((part_head(part),))
        content = (
            f'Buffer.from({value(part.value)}, "utf8")'
            if part.file is None
            else f"fs.readFileSync({value((part.file,))})"
        )
        out += [
            f'  Buffer.from("--" + boundary + "\\r\\n" + {head}, "utf8"),',
            f"  {content},",
            '  Buffer.from("\\r\\n", "utf8"),',
        ]
    out += ['  Buffer.from("--" + boundary + "--\\r\\n", "utf8"),', "]);"]
    return out


def render(request: ResolvedRequest) -> str:
    target = split_url(request, "Node.js")
    module = "https" if target.scheme == "https" else "http"
    out = opening_comment(request, "//") + require_environment(request)
    out += ["", f'const {module} = require("{module}");']
    if any(part.file for part in request.form or []):
        out.append('const fs = require("fs");')
    out.append("")
    headers: list[tuple[str, str]] = []
    if request.form:
        out += _multipart(request)
        headers.append(('"Content-Type"', '"multipart/form-data; boundary=" + boundary'))
    elif request.body is not None:
        out.append("const body = Buffer.from(")
        out += concatenated(request.body, value, "  ", ",")
        out.append('  "utf8",')
        out.append(");")
    has_body = bool(request.form) or request.body is not None
    if has_body:
        headers.append(('"Content-Length"', "body.length"))
    out += [
        "const options = {",
        f'  method: "{request.method}",',
        f"  hostname: {value((target.host.strip('[]'),))},",
        f"  port: {target.port},",
        f"  path: {value(target.target)},",
    ]
    out += header_object(request, headers)
    out += [
        "};",
        "",
        f"const request = {module}.request(options, (response) => {{",
        "  const chunks = [];",
        '  response.on("data", (chunk) => chunks.push(chunk));',
        '  response.on("end", () => {',
        "    console.log(response.statusCode);",
        "    console.log(Buffer.concat(chunks).toString());",
        "  });",
        "});",
        'request.on("error", (error) => {',
        "  console.error(error);",
        "  process.exitCode = 1;",
        "});",
        f"request.end({'body' if has_body else ''});",
    ]
    return "\n".join(out) + "\n"
