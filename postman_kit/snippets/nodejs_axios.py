"""Node.js with axios (1.x: `npm install axios`)."""

from __future__ import annotations

from postman_kit.snippets.code import concatenated, opening_comment
from postman_kit.snippets.javascript import form_data, header_object, require_environment, value
from postman_kit.snippets.request import ResolvedRequest


def render(request: ResolvedRequest) -> str:
    out = opening_comment(request, "//") + require_environment(request)
    out += ["", 'const axios = require("axios");', ""]
    if request.form:
        out += form_data(request)
    out += ["const config = {", f'  method: "{request.method}",', f"  url: {value(request.url)},"]
    out += header_object(request)
    if request.form:
        out.append("  data: form,")
    elif request.body is not None:
        # A Buffer is sent byte for byte; a string would be trimmed or re-serialised by axios's transforms.
        out.append("  data: Buffer.from(")
        out += concatenated(request.body, value, "    ", ",")
        out.append('    "utf8",')
        out.append("  ),")
    out += [
        "  maxBodyLength: Infinity,",
        '  responseType: "text",',
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
