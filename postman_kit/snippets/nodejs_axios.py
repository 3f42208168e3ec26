"""Node.js with axios (1.x: `npm install axios`)."""

from __future__ import annotations

from postman_kit.snippets.code import credentials, lines_of, merged_headers, opening_comment
from postman_kit.snippets.javascript import form_data, require_environment, value
from postman_kit.snippets.request import ResolvedRequest


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//") + require_environment(request)
    out += ["", 'const axios = require("axios");', ""]
    if request.form:
        out += form_data(request)
    headers = [(value((h.name,)), value(h.value)) for h in merged_headers(request.headers)]
    if request.basic_auth is not None:
        encoded = f'Buffer.from({value(credentials(request))}, "utf8").toString("base64")'
        headers.append(('"Authorization"', f'"Basic " + {encoded}'))
    out += ["const config = {", f'  method: "{request.method}",', f"  url: {value(request.url)},"]
    if headers:
        out.append("  headers: {")
        out += [f"    {name}: {text}," for name, text in headers]
        out.append("  },")
    if request.form:
        out.append("  data: form,")
    elif request.body is not None:
        # A Buffer is sent byte for byte; a string would be trimmed or re-serialised by axios's transforms.
        body_lines = lines_of(request.body)
        out.append("  data: Buffer.from(")
        out += [f"    {value(line)}" + (" +" if i < len(body_lines) - 1 else ",") for i, line in enumerate(body_lines)]
        out.append('    "utf8",')
        out.append("  ),")
    out += [
        "  maxBodyLength: Infinity,",
        "  responseType: \"text\",",
        "  validateStatus: () => true,",
        "};",
        "",
        "axios.request(config)",
        "  .then((response) => {",
        "    console.log(response.status);",
        "    console.log(response.data);",
        "  })",
        "  .catch((error) => {",
        "    console.error(error);",
        "    process.exitCode = 1;",
        "  });",
    ]
    return "\n".join(out) + "\n"
