"""Go with `net/http`."""

from __future__ import annotations

from postman_kit.snippets.code import concatenated, disposition, expression, opening_comment, string_literal
from postman_kit.snippets.request import ResolvedRequest, Text


def _environment(name: str) -> str:
    return f'os.Getenv("{name}")'


def _value(text: Text) -> str:
    return expression(text, _environment)


def _fatal_on_error(statement: str) -> list[str]:
    return [f"\tif {statement}; err != nil {{", "\t\tlog.Fatal(err)", "\t}"]


def _multipart(request: ResolvedRequest) -> list[str]:
    out = ["\tvar form bytes.Buffer", "\twriter := multipart.NewWriter(&form)"]
    for index, part in enumerate(request.form or []):
        if part.content_type is not None:  # a part of its own type: its header written out
            head = disposition(part.name, part.filename if part.file is not None else None)
            out += [
                f"\thead{index} := textproto.MIMEHeader{{}}",
                f'\thead{index}.Set("Content-Disposition", {string_literal(head)})',
                f'\thead{index}.Set("Content-Type", {string_literal(part.content_type)})',
                f"\tpart{index}, err := writer.CreatePart(head{index})",
                "\tif err != nil {",
                "\t\tlog.Fatal(err)",
                "\t}",
            ]
            if part.file is None:
                out += _fatal_on_error(f"_, err := io.WriteString(part{index}, {_value(part.value)})")
                continue
        elif part.file is None:
            out += _fatal_on_error(f"err := writer.WriteField({_value((part.name,))}, {_value(part.value)})")
            continue
        out += [
            f"\tfile{index}, err := os.Open({_value((part.file,))})",
            "\tif err != nil {",
            "\t\tlog.Fatal(err)",
            "\t}",
        ]
        if part.content_type is None:
            out += [
                f"\tpart{index}, err := writer.CreateFormFile({_value((part.name,))}, {_value((part.filename,))})",
                "\tif err != nil {",
                "\t\tlog.Fatal(err)",
                "\t}",
            ]
        out += _fatal_on_error(f"_, err := io.Copy(part{index}, file{index})")
        out.append(f"\tfile{index}.Close()")
    return out + _fatal_on_error("err := writer.Close()")


def render(request: ResolvedRequest) -> str:
    secrets = [s.name for s in request.secrets]
    files = [part for part in request.form or [] if part.file is not None]
    imports = ["fmt", "io", "log", "net/http"]
    if request.form:
        imports += ["bytes", "mime/multipart"]
    if any(part.content_type is not None for part in request.form or []):
        imports.append("net/textproto")
    if secrets or files:
        imports.append("os")
    if request.body is not None:
        imports.append("strings")
    imports.sort()
    out = opening_comment(request, "//") + ["package main", "", "import ("]
    out += [f'\t"{name}"' for name in imports]
    out += [")", "", "func main() {"]
    for name in secrets:
        out += [
            f'\tif os.Getenv("{name}") == "" {{',
            f'\t\tlog.Fatal("Set {name} in the environment first.")',
            "\t}",
        ]
    body = "nil"
    if request.body is not None:
        out.append("\tbody := strings.NewReader(")
        out += concatenated(request.body, _value, "\t\t", ",")
        out.append("\t)")
        body = "body"
    if request.form:
        out += _multipart(request)
        body = "&form"
    out += [
        f"\treq, err := http.NewRequest({string_literal(request.method)}, {_value(request.url)}, {body})",
        "\tif err != nil {",
        "\t\tlog.Fatal(err)",
        "\t}",
    ]
    # Direct map assignment keeps the header name as written (Header.Set would canonicalize it).
    out += [
        f"\treq.Header[{string_literal(h.name)}] = append(req.Header[{string_literal(h.name)}], "
        f"{_value(h.value)})"
        for h in request.headers
    ]
    if request.form:
        out.append('\treq.Header.Set("Content-Type", writer.FormDataContentType())')
    if request.basic_auth is not None:
        basic = request.basic_auth
        out.append(f"\treq.SetBasicAuth({_value(basic.username)}, {_value(basic.password)})")
    out += [
        "\tresponse, err := http.DefaultClient.Do(req)",
        "\tif err != nil {",
        "\t\tlog.Fatal(err)",
        "\t}",
        "\tdefer response.Body.Close()",
        "\tcontent, err := io.ReadAll(response.Body)",
        "\tif err != nil {",
        "\t\tlog.Fatal(err)",
        "\t}",
        "\tfmt.Println(response.StatusCode)",
        "\tfmt.Println(string(content))",
        "}",
    ]
    return "\n".join(out) + "\n"
