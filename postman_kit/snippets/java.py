"""Java 11+ with the JDK's own `java.net.http` client; runs as `java Snippet.java` (no build needed)."""

from __future__ import annotations

from postman_kit.snippets.code import (
    ascii_literal,
    bracket_free,
    concatenated,
    credentials,
    expression,
    opening_comment,
    part_head,
)
from postman_kit.snippets.request import ResolvedRequest, Text

# Headers java.net.http sets itself and refuses from the caller.
_RESTRICTED = {"connection", "content-length", "expect", "host", "upgrade"}


def value(text: Text) -> str:
    return expression(text, lambda name: f'env("{name}")', literal=ascii_literal)


def _multipart(request: ResolvedRequest) -> list[str]:
    out = [
        "        String boundary = java.util.UUID.randomUUID().toString();",
        "        ByteArrayOutputStream form = new ByteArrayOutputStream();",
    ]
    for part in request.form or []:
        head = value((part_head(part),))
        out.append(
            f'        form.write(("--" + boundary + "\\r\\n" + {head}).getBytes(StandardCharsets.UTF_8));'
        )
        content = (
            f"Files.readAllBytes(Path.of({value((part.file,))}))"
            if part.file is not None
            else f"({value(part.value)}).getBytes(StandardCharsets.UTF_8)"
        )
        out.append(f"        form.write({content});")
        out.append('        form.write("\\r\\n".getBytes(StandardCharsets.UTF_8));')
    out.append('        form.write(("--" + boundary + "--\\r\\n").getBytes(StandardCharsets.UTF_8));')
    return out


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//")
    out += [
        "import java.io.ByteArrayOutputStream;",
        "import java.net.URI;",
        "import java.net.http.HttpClient;",
        "import java.net.http.HttpRequest;",
        "import java.net.http.HttpResponse;",
        "import java.nio.charset.StandardCharsets;",
        "import java.nio.file.Files;",
        "import java.nio.file.Path;",
        "import java.util.Base64;",
        "",
        "public class Snippet {",
    ]
    out += [
        "    static String env(String name) {",
        "        String value = System.getenv(name);",
        "        if (value == null || value.isEmpty()) {",
        '            throw new IllegalStateException("Set " + name + " in the environment first.");',
        "        }",
        "        return value;",
        "    }",
        "",
        "    public static void main(String[] args) throws Exception {",
    ]
    publisher = "HttpRequest.BodyPublishers.noBody()"
    if request.form:
        out += _multipart(request)
        publisher = "HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())"
    elif request.body is not None:
        out.append("        String body =")
        out += concatenated(request.body, value, "            ", ";")
        publisher = "HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)"
    out += [
        f"        HttpRequest request = HttpRequest.newBuilder(URI.create({value(bracket_free(request.url))}))",
        f'            .method("{request.method}", {publisher})',
    ]
    out += [
        f"            .header({value((h.name,))}, {value(h.value)})"
        for h in request.headers
        if h.name.lower() not in _RESTRICTED
    ]
    if request.form:
        out.append('            .header("Content-Type", "multipart/form-data; boundary=" + boundary)')
    if request.basic_auth is not None:
        pair = value(credentials(request))
        out.append(
            f'            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(({pair})'
            ".getBytes(StandardCharsets.UTF_8)))"
        )
    out += [
        "            .build();",
        "        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();",
        "        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());",
        "        System.out.println(response.statusCode());",
        "        System.out.println(response.body());",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"
