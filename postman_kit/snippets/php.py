"""PHP with its cURL extension."""

from __future__ import annotations

from postman_kit.snippets.code import (
    credentials,
    expression,
    opening_comment,
    single_quoted,
    warn_untyped_text_parts,
)
from postman_kit.snippets.request import ResolvedRequest, Text


def value(text: Text) -> str:
    return expression(text, lambda name: f"env('{name}')", empty="''", literal=single_quoted, join=" . ")


def render(request: ResolvedRequest) -> str:
    out = ["<?php"] + opening_comment(request, "//")
    out += [
        "",
        "function env(string $name): string",
        "{",
        "    $value = getenv($name);",
        "    if ($value === false || $value === '') {",
        '        fwrite(STDERR, "Set $name in the environment first.\\n");',
        "        exit(1);",
        "    }",
        "    return $value;",
        "}",
        "",
        "$curl = curl_init();",
        "curl_setopt_array($curl, [",
        f"    CURLOPT_URL => {value(request.url)},",
        f"    CURLOPT_CUSTOMREQUEST => {single_quoted(request.method)},",
        "    CURLOPT_RETURNTRANSFER => true,",
    ]
    headers = [
        value((h.name + ": ",) + h.value) if h.value else value((h.name + ";",)) for h in request.headers
    ]
    if request.basic_auth is not None:
        headers.append(f"'Authorization: Basic ' . base64_encode({value(credentials(request))})")
    if headers:
        out.append("    CURLOPT_HTTPHEADER => [")
        out += [f"        {header}," for header in headers]
        out.append("    ],")
    if request.form:
        # An array makes cURL send multipart/form-data; CURLFile parts are files, every other value is text.
        out.append("    CURLOPT_POSTFIELDS => [")
        out += [
            f"        {value((part.name,))} => {value(part.value)},"
            if part.file is None
            else f"        {value((part.name,))} => new CURLFile({value((part.file,))}, "
            f"{value((part.content_type,)) if part.content_type else 'null'}, {value((part.filename,))}),"
            for part in request.form
        ]
        warn_untyped_text_parts(request, "PHP's cURL")
        out.append("    ],")
    elif request.body is not None:
        out.append(f"    CURLOPT_POSTFIELDS => {value(request.body)},")
    out += [
        "]);",
        "",
        "$response = curl_exec($curl);",
        "if ($response === false) {",
        '    fwrite(STDERR, curl_error($curl) . "\\n");',
        "    exit(1);",
        "}",
        'echo curl_getinfo($curl, CURLINFO_RESPONSE_CODE), "\\n", $response, "\\n";',
        "curl_close($curl);",
    ]
    return "\n".join(out) + "\n"
