/**
 * Pure reads of an OpenAPI 3 document as GetExport returns it: its operations (method + path, parameters, request
 * body's required fields, response codes) for the changelog diff and the code samples. No I/O; safe anywhere.
 */

export type OpenApiDoc = {
  openapi?: string;
  info?: { title?: string; description?: string; version?: string };
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};

export type OperationParam = { name: string; in: string; required: boolean };
export type OperationShape = {
  /** "GET /orders/{id}" */
  key: string;
  method: string;
  path: string;
  summary: string | null;
  keyRequired: boolean;
  /**
   * The method requires an API Gateway API key (`apiKeyRequired`): a security requirement naming the export's
   * API-key scheme (`api_key`: apiKey in the `x-api-key` header), not an authorizer's or IAM's. `keyRequired` is
   * any security at all.
   */
  apiKeyRequired: boolean;
  params: OperationParam[];
  bodyRequired: boolean;
  /** Required top-level fields of the JSON request body. */
  bodyFields: { name: string; required: boolean }[];
  responses: string[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const METHODS: Record<string, string> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  patch: "PATCH",
  head: "HEAD",
  options: "OPTIONS",
  "x-amazon-apigateway-any-method": "ANY",
};

/** Follows a local `#/components/schemas/X` reference (one level deep is all the export produces). */
export function resolveSchema(doc: OpenApiDoc, schema: unknown): Obj | null {
  if (!isObj(schema)) return null;
  const ref = typeof schema.$ref === "string" ? /^#\/components\/schemas\/(.+)$/.exec(schema.$ref) : null;
  if (!ref) return schema;
  const target = doc.components?.schemas?.[decodeURIComponent(ref[1]!)];
  return isObj(target) ? target : null;
}

function bodyFields(doc: OpenApiDoc, op: Obj): { name: string; required: boolean }[] {
  const body = isObj(op.requestBody) ? op.requestBody : null;
  const content = body && isObj(body.content) ? body.content : {};
  const media = Object.entries(content).find(([ct]) => ct.includes("json"))?.[1];
  const schema = isObj(media) ? resolveSchema(doc, media.schema) : null;
  if (!schema || !isObj(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  return Object.keys(schema.properties)
    .sort()
    .map((name) => ({ name, required: required.has(name) }));
}

function isApiKeyScheme(doc: OpenApiDoc, name: string): boolean {
  const scheme = doc.components?.securitySchemes?.[name];
  // AWS names it "api_key"; without its definition the name is all there is to go on.
  if (!isObj(scheme)) return name === "api_key";
  return (
    scheme.type === "apiKey" &&
    scheme.in === "header" &&
    String(scheme.name).toLowerCase() === "x-api-key" &&
    scheme["x-amazon-apigateway-authtype"] === undefined
  );
}

const requiresApiKey = (doc: OpenApiDoc, op: Obj): boolean =>
  Array.isArray(op.security) &&
  op.security.some((req) => isObj(req) && Object.keys(req).some((name) => isApiKeyScheme(doc, name)));

export function operationsOf(doc: OpenApiDoc): OperationShape[] {
  const out: OperationShape[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    if (!isObj(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const [k, op] of Object.entries(item)) {
      const method = METHODS[k];
      if (!method || !isObj(op)) continue;
      const params = [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]
        .filter(isObj)
        .map((p) => ({ name: String(p.name), in: String(p.in), required: p.required === true }))
        .sort((a, b) => `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`));
      out.push({
        key: `${method} ${path}`,
        method,
        path,
        summary: typeof op.summary === "string" ? op.summary : null,
        keyRequired: Array.isArray(op.security) && op.security.length > 0,
        apiKeyRequired: requiresApiKey(doc, op),
        params,
        bodyRequired: isObj(op.requestBody) && op.requestBody.required === true,
        bodyFields: bodyFields(doc, op),
        responses: isObj(op.responses) ? Object.keys(op.responses).sort() : [],
      });
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/**
 * The operation a copy-paste example should call: a GET with no required parameters (it succeeds as written),
 * one that requires the API key first, else any GET (path parameters left as `{name}` for the reader), else the first operation. Null for no paths.
 */
export function exampleOperation(doc: OpenApiDoc): OperationShape | null {
  const ops = operationsOf(doc).filter((o) => o.method !== "OPTIONS");
  const get = ops.filter((o) => o.method === "GET" || o.method === "ANY");
  const free = get.filter((o) => !o.params.some((p) => p.required));
  // One that takes the key shows where the key goes (a health check usually does not).
  return free.find((o) => o.keyRequired) ?? free[0] ?? get[0] ?? ops[0] ?? null;
}
