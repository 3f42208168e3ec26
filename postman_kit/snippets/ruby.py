"""Ruby with the standard library's `Net::HTTP`."""

from __future__ import annotations

from postman_kit.snippets.code import (
    bracket_free,
    expression,
    merged_headers,
    opening_comment,
    single_quoted,
    warn_untyped_text_parts,
)
from postman_kit.snippets.request import ResolvedRequest, Text

_CLASSES = {
    "GET": "Get",
    "POST": "Post",
    "PUT": "Put",
    "PATCH": "Patch",
    "DELETE": "Delete",
    "HEAD": "Head",
    "OPTIONS": "Options",
}


def value(text: Text) -> str:
    return expression(text, lambda name: f"env('{name}')", empty="''", literal=single_quoted)


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "#")
    out += [
        'require "net/http"',
        'require "uri"',
        "",
        "def env(name)",
        '  ENV.fetch(name) { abort "Set #{name} in the environment first." }',
        "end",
        "",
        f"uri = URI({value(bracket_free(request.url))})",
    ]
    has_body = bool(request.form) or request.body is not None
    if request.method in _CLASSES:
        out.append(f"request = Net::HTTP::{_CLASSES[request.method]}.new(uri)")
    else:
        out.append(
            f"request = Net::HTTPGenericRequest.new({single_quoted(request.method)}, "
            f"{'true' if has_body else 'false'}, true, uri)"
        )
    out += [f"request[{value((h.name,))}] = {value(h.value)}" for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        basic = request.basic_auth
        out.append(f"request.basic_auth({value(basic.username)}, {value(basic.password)})")
    if request.form:
        fields = [
            f"[{value((part.name,))}, {value(part.value)}]"
            if part.file is None
            else f'[{value((part.name,))}, File.open({value((part.file,))}, "rb"), '
            f"{{ filename: {value((part.filename,))}"
            + (f", content_type: {value((part.content_type,))}" if part.content_type else "")
            + " }]"
            for part in request.form
        ]
        warn_untyped_text_parts(request, "Net::HTTP's set_form")
        out.append("request.set_form([")
        out += [f"  {field}," for field in fields]
        out.append('], "multipart/form-data")')
    elif request.body is not None:
        out.append(f"request.body = {value(request.body)}")
    out += [
        "",
        'response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|',
        "  http.request(request)",
        "end",
        "puts response.code",
        "puts response.body",
    ]
    return "\n".join(out) + "\n"
