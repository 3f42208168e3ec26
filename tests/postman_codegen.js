// Postman's own "copy as code": render requests with postman-code-generators (from .ci/node), for the
// differential test in test_snippet_run.py. Reads a JSON array of jobs on stdin —
// {"request": <v2.1 request, variables already substituted>, "language": "curl", "variant": "cURL"} —
// and writes a JSON array of snippets (or {"error": "..."}) in the same order.
"use strict";
const path = require("path");
const modules = path.join(__dirname, "..", ".ci", "node", "node_modules");
const codegen = require(path.join(modules, "postman-code-generators"));
const sdk = require(path.join(modules, "postman-collection"));

function render(job) {
  return new Promise((resolve) => {
    const request = new sdk.Request(job.request);
    const options = { indentType: "Space", indentCount: 2, trimRequestBody: false, followRedirect: true };
    codegen.convert(job.language, job.variant, request, options, (error, snippet) => {
      resolve(error ? { error: String(error) } : { snippet });
    });
  });
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", async () => {
  const results = [];
  for (const job of JSON.parse(input)) results.push(await render(job));
  process.stdout.write(JSON.stringify(results));
});
