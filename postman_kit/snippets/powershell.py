"""PowerShell 7 with `Invoke-RestMethod`."""

from __future__ import annotations

from postman_kit.snippets.code import (
    concatenated,
    credentials,
    expression,
    merged_headers,
    opening_comment,
    single_quoted,
    warn_untyped_text_parts,
)
from postman_kit.snippets.request import ResolvedRequest, Text

# PowerShell reads the typographic single quotes as `'` too (‘ ’ ‚ ‛): each is doubled inside a literal, as `'` is
_CURLY_QUOTES = ("\u2018", "\u2019", "\u201a", "\u201b")


def _literal(text: str) -> str:
    for quote in _CURLY_QUOTES:
        text = text.replace(quote, quote * 2)
    return single_quoted(text, quote_escape="''", backslash="\\")


def value(text: Text) -> str:
    return expression(text, lambda name: f"$env:{name}", empty="''", literal=_literal)


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "#")
    for secret in request.secrets:
        out.append(f"if (-not $env:{secret.name}) {{ throw 'Set {secret.name} in the environment first.' }}")
    out.append("")
    headers = merged_headers(request.headers)
    content_type = next((h for h in headers if h.name.lower() == "content-type"), None)
    out.append("$headers = @{")
    out += [f"    {value((h.name,))} = {value(h.value)}" for h in headers if h is not content_type]
    if request.basic_auth is not None:
        encoded = f"[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes({value(credentials(request))}))"
        out.append(f"    'Authorization' = 'Basic ' + {encoded}")
    out.append("}")
    args = [
        f"-Uri {value(request.url)}",
        f"-Method {_literal(request.method)}",
        "-Headers $headers",
        "-SkipHeaderValidation",
    ]
    if request.form:
        out.append("$form = @{")
        out += [
            f"    {value((part.name,))} = {value(part.value)}"
            if part.file is None
            else f"    {value((part.name,))} = Get-Item -LiteralPath {value((part.file,))}"
            for part in request.form
        ]
        out.append("}")
        args.append("-Form $form")
        warn_untyped_text_parts(request, "Invoke-RestMethod -Form", files_too=True)
    elif request.body is not None:
        out.append("$body = (")
        out += concatenated(request.body, value, "    ", "")
        out.append(")")
        # Bytes: a string body would be encoded as ISO-8859-1 unless the Content-Type names a charset.
        args.append("-Body ([Text.Encoding]::UTF8.GetBytes($body))")
    if content_type is not None and not request.form:
        args.append(f"-ContentType {value(content_type.value)}")
    out.append("$response = Invoke-RestMethod " + " `\n    ".join(args))
    out.append("$response | ConvertTo-Json -Depth 10")
    return "\n".join(out) + "\n"
