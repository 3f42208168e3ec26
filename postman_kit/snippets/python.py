"""Python with `requests`."""

from __future__ import annotations

from postman_kit.snippets.code import credentials, expression, lines_of, merged_headers, opening_comment
from postman_kit.snippets.request import FormField, ResolvedRequest, Text


def _environment(name: str) -> str:
    return f'os.environ["{name}"]'


def value(text: Text) -> str:
    """`text` as a Python string expression, secrets read with `os.environ`."""
    return expression(text, _environment)


def _header_entries(request: ResolvedRequest) -> list[tuple[str, str]]:
    entries = [(value((h.name,)), value(h.value)) for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        # Built here, not with requests' auth=: requests encodes credentials as Latin-1, Postman as UTF-8.
        encoded = f'base64.b64encode(({value(credentials(request))}).encode("utf-8")).decode("ascii")'
        entries.append(('"Authorization"', f'"Basic " + {encoded}'))
    return entries


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "#")
    modules = (["base64"] if request.basic_auth else []) + (["os"] if request.secrets else [])
    if modules:
        out += [f"import {name}" for name in modules] + [""]
    out += ["import requests", "", f"url = {value(request.url)}"]
    headers = _header_entries(request)
    if headers:
        out.append("headers = {")
        out += [f"    {name}: {value}," for name, value in headers]
        out.append("}")
    call = [f'"{request.method}"', "url"]
    if headers:
        call.append("headers=headers")
    if request.form:
        out.append("files = [")
        out += [
            f"    ({value((part.name,))}, "
            + (
                f"(None, {value(part.value)}{_typed(part)})),"
                if part.file is None
                else f'({value((part.filename,))}, open({value((part.file,))}, "rb"){_typed(part)})),'
            )
            for part in request.form
        ]
        out.append("]")
        call.append("files=files")
    if request.body is not None:
        out.append("body = (")
        out += [f"    {value(line)}" for line in lines_of(request.body)]
        out.append(")")
        # Bytes, so requests sends the text exactly (UTF-8) and adds no Content-Type of its own.
        call.append('data=body.encode("utf-8")')
    call.append("timeout=30")
    out += [
        "",
        f"response = requests.request({', '.join(call)})",
        "print(response.status_code)",
        "print(response.text)",
    ]
    return "\n".join(out) + "\n"


def _typed(part: FormField) -> str:
    """The part's own Content-Type, as a file tuple's third entry (requests sends none for a bare value)."""
    return f", {value((part.content_type,))}" if part.content_type else ""
