"""C# (.NET 6+, top-level statements) with `HttpClient`."""

from __future__ import annotations

from postman_kit.snippets.code import ascii_literal, concatenated, credentials, expression, opening_comment
from postman_kit.snippets.request import ResolvedRequest, Text

# Headers .NET keeps on the content rather than on the request.
_CONTENT_HEADERS = {
    "content-type",
    "content-language",
    "content-encoding",
    "content-disposition",
    "content-location",
    "content-md5",
    "content-range",
    "expires",
    "last-modified",
}


def value(text: Text) -> str:
    return expression(text, lambda name: f'Env("{name}")', literal=ascii_literal)


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//")
    out += [
        "using System;",
        "using System.IO;",
        "using System.Net.Http;",
        "using System.Net.Http.Headers;",
        "using System.Text;",
        "",
    ]
    out += [
        "static string Env(string name) =>",
        "    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value",
        '        ? value : throw new InvalidOperationException($"Set {name} in the environment first.");',
        "",
        "using var client = new HttpClient();",
        (
            f"using var request = new HttpRequestMessage(new HttpMethod({ascii_literal(request.method)}), "
            f"{value(request.url)});"
        ),
    ]
    content_headers = [h for h in request.headers if h.name.lower() in _CONTENT_HEADERS]
    for header in request.headers:
        if header not in content_headers:
            out.append(
                f"request.Headers.TryAddWithoutValidation({value((header.name,))}, {value(header.value)});"
            )
    if request.basic_auth is not None:
        pair = value(credentials(request))
        out.append(
            f'request.Headers.Authorization = new AuthenticationHeaderValue("Basic", '
            f"Convert.ToBase64String(Encoding.UTF8.GetBytes({pair})));"
        )
    if request.form:
        out.append("var form = new MultipartFormDataContent();")
        for part in request.form:
            # A part of its own type carries exactly that Content-Type (StringContent would add a charset)
            typed = (
                f" {{ Headers = {{ ContentType = MediaTypeHeaderValue.Parse({value((part.content_type,))}) }} }}"
                if part.content_type
                else ""
            )
            if part.file is None:
                out.append(f"form.Add(new StringContent({value(part.value)}){typed}, {value((part.name,))});")
            else:
                out.append(
                    f"form.Add(new ByteArrayContent(File.ReadAllBytes({value((part.file,))})){typed}, "
                    f"{value((part.name,))}, {value((part.filename,))});"
                )
        out.append("request.Content = form;")
    elif request.body is not None or content_headers:
        out.append("var body =")
        body_lines = concatenated(request.body or (), value, "    ", ";")
        out += body_lines
        if not body_lines:
            out[-1] += ' "";'
        # Bytes, not StringContent: StringContent would add `; charset=utf-8` to the Content-Type.
        out.append("request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));")
        out += [
            f"request.Content.Headers.TryAddWithoutValidation({value((h.name,))}, {value(h.value)});"
            for h in content_headers
        ]
    out += [
        "",
        "using var response = await client.SendAsync(request);",
        "Console.WriteLine((int)response.StatusCode);",
        "Console.WriteLine(await response.Content.ReadAsStringAsync());",
    ]
    return "\n".join(out) + "\n"
