"""Python with the standard library's `http.client` (no third-party package)."""

from __future__ import annotations

from postman_kit.snippets.code import (
    credentials,
    lines_of,
    merged_headers,
    opening_comment,
    part_head,
    split_url,
)
from postman_kit.snippets.python import value
from postman_kit.snippets.request import ResolvedRequest


def _multipart(request: ResolvedRequest) -> list[str]:
    out = ["boundary = uuid.uuid4().hex", 'body = b""']
    for part in request.form or []:
        head = value((part_head(part),))
        out.append(f'body += ("--" + boundary + "\\r\\n" + {head}).encode("utf-8")')
        if part.file is None:
            out.append(f'body += ({value(part.value)}).encode("utf-8") + b"\\r\\n"')
        else:
            out += [f'with open({value((part.file,))}, "rb") as file:', '    body += file.read() + b"\\r\\n"']
    out.append('body += ("--" + boundary + "--\\r\\n").encode("utf-8")')
    return out


def render(request: ResolvedRequest) -> str:
    target = split_url(request, "http.client")
    modules = (
        ["http.client"] + (["base64"] if request.basic_auth else []) + (["os"] if request.secrets else [])
    )
    modules += ["uuid"] if request.form else []
    out = opening_comment(request, "#") + [f"import {name}" for name in sorted(modules)] + [""]
    connection = "HTTPSConnection" if target.scheme == "https" else "HTTPConnection"
    out.append(f"connection = http.client.{connection}({value((target.host,))}, {target.port}, timeout=30)")
    headers = [(value((h.name,)), value(h.value)) for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        encoded = f'base64.b64encode(({value(credentials(request))}).encode("utf-8")).decode("ascii")'
        headers.append(('"Authorization"', f'"Basic " + {encoded}'))
    if request.form:
        headers.append(('"Content-Type"', '"multipart/form-data; boundary=" + boundary'))
        out += _multipart(request)
    elif request.body is not None:
        out.append("body = (")
        out += [f"    {value(line)}" for line in lines_of(request.body)]
        out.append(').encode("utf-8")')
    out.append("headers = {")
    out += [f"    {name}: {text}," for name, text in headers]
    out.append("}")
    body = "body" if request.form or request.body is not None else "None"
    out += [
        f'connection.request("{request.method}", {value(target.target)}, body={body}, headers=headers)',
        "response = connection.getresponse()",
        "print(response.status)",
        'print(response.read().decode("utf-8", "replace"))',
        "connection.close()",
    ]
    return "\n".join(out) + "\n"
