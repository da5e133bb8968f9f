import { exampleOperation, type OpenApiDoc } from "./openapi";

/**
 * Copy-paste examples for a stage: curl, JavaScript (fetch) and Python (requests) calling a real operation of the
 * API (a GET without required parameters when there is one) at the stage's invoke URL, with the key in `x-api-key`.
 * `key` is what to print for the key: a shell variable by default; the page's key field fills in the partner's own.
 */
export type CodeSamplesDto = {
  operation: string | null;
  url: string;
  curl: string;
  javascript: string;
  python: string;
};

export function codeSamples(doc: OpenApiDoc, baseUrl: string, key = "$API_KEY"): CodeSamplesDto {
  const op = exampleOperation(doc);
  const method = op && op.method !== "ANY" ? op.method : "GET";
  const url = `${baseUrl.replace(/\/$/, "")}${op?.path ?? "/"}`;
  // Inside double quotes a shell expands $API_KEY; a pasted key has no quote or $ (API Gateway keys are [A-Za-z0-9]).
  const shellKey = key.startsWith("$") ? key : key.replace(/["$`\\]/g, "");
  const jsKey = key.startsWith("$") ? "process.env.API_KEY" : JSON.stringify(key);
  const pyKey = key.startsWith("$") ? 'os.environ["API_KEY"]' : JSON.stringify(key);
  const hasBody = ["POST", "PUT", "PATCH"].includes(method);
  return {
    operation: op ? `${method} ${op.path}` : null,
    url,
    curl: [
      `curl${method === "GET" ? "" : ` -X ${method}`} -H "x-api-key: ${shellKey}"`,
      ...(hasBody ? [`-H "content-type: application/json" -d '{}'`] : []),
      `"${url}"`,
    ].join(" "),
    javascript: [
      `const res = await fetch(${JSON.stringify(url)}, {`,
      `  method: ${JSON.stringify(method)},`,
      `  headers: { "x-api-key": ${jsKey}${hasBody ? ', "content-type": "application/json"' : ""} },`,
      ...(hasBody ? ["  body: JSON.stringify({}),"] : []),
      "});",
      "console.log(res.status, await res.text());",
    ].join("\n"),
    python: [
      ...(key.startsWith("$") ? ["import os"] : []),
      "import requests",
      "",
      `res = requests.request(${JSON.stringify(method)}, ${JSON.stringify(url)}, headers={"x-api-key": ${pyKey}}${hasBody ? ", json={}" : ""}, timeout=10)`,
      "print(res.status_code, res.text)",
    ].join("\n"),
  };
}
