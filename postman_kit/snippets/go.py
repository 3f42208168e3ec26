"""Go with `net/http`."""

from __future__ import annotations

from postman_kit.snippets.code import expression, lines_of, opening_comment, string_literal
from postman_kit.snippets.request import ResolvedRequest, Text


def _environment(name: str) -> str:
    return f'os.Getenv("{name}")'


def _value(text: Text) -> str:
    return expression(text, _environment)


def render(request: ResolvedRequest) -> str:
    secrets = [s.name for s in request.secrets]
    imports = ["fmt", "io", "log", "net/http"]
    if secrets:
        imports.append("os")
    if request.body is not None:
        imports.append("strings")
    out = opening_comment(request, "//") + ["package main", "", "import ("]
    out += [f'\t"{name}"' for name in imports]
    out += [")", "", "func main() {"]
    for name in secrets:
        out += [f'\tif os.Getenv("{name}") == "" {{',
                f'\t\tlog.Fatal("Set {name} in the environment first.")', "\t}"]
    body = "nil"
    if request.body is not None:
        body_lines = lines_of(request.body)
        out.append("\tbody := strings.NewReader(")
        out += [f"\t\t{_value(line)}" + (" +" if i < len(body_lines) - 1 else ",")
                for i, line in enumerate(body_lines)]
        out.append("\t)")
        body = "body"
    out += [
        f"\treq, err := http.NewRequest({string_literal(request.method)}, {_value(request.url)}, {body})",
        "\tif err != nil {",
        "\t\tlog.Fatal(err)",
        "\t}",
    ]
    # Direct map assignment keeps the header name as written (Header.Set would canonicalize it).
    out += [f"\treq.Header[{string_literal(h.name)}] = append(req.Header[{string_literal(h.name)}], "
            f"{_value(h.value)})" for h in request.headers]
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
