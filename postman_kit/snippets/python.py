"""Python with `requests`."""

from __future__ import annotations

from postman_kit.snippets.code import expression, lines_of, merged_headers, opening_comment
from postman_kit.snippets.request import ResolvedRequest, Text


def _environment(name: str) -> str:
    return f'os.environ["{name}"]'


def _value(text: Text) -> str:
    return expression(text, _environment)


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "#")
    if request.secrets:
        out += ["import os", ""]
    out += ["import requests", "", f"url = {_value(request.url)}"]
    headers = merged_headers(request.headers)
    if headers:
        out.append("headers = {")
        out += [f"    {expression((h.name,), _environment)}: {_value(h.value)}," for h in headers]
        out.append("}")
    call = [f'"{request.method}"', "url"]
    if headers:
        call.append("headers=headers")
    if request.body is not None:
        out.append("body = (")
        out += [f"    {_value(line)}" for line in lines_of(request.body)]
        out.append(")")
        # Bytes, so requests sends the text exactly (UTF-8) and adds no Content-Type of its own.
        call.append('data=body.encode("utf-8")')
    call.append("timeout=30")
    out += ["", f"response = requests.request({', '.join(call)})", "print(response.status_code)",
            "print(response.text)"]
    return "\n".join(out) + "\n"
