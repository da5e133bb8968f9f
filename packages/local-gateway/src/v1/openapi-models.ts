import { createHash } from "node:crypto";
import type { Method, MethodResponse, Model, RestApi } from "../state/types";
import { compact, newId } from "./common";

/**
 * The documentation half of an OpenAPI operation, as AWS keeps it: `components.schemas` become the API's models,
 * a request body becomes requestModels (content type → model name; an inline schema gets a generated model, as AWS
 * names them "MODEL…"), responses become methodResponses (header parameters and response models), and summary,
 * description and tags stay on the method. GetExport (openapi-export.ts) turns them back into OpenAPI 3.
 */

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const REF = /^#\/components\/schemas\/([^/]+)$/;

export function importModels(api: RestApi, doc: Obj): void {
  const schemas = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isObj(schema)) continue;
    putModel(api, name, schema);
  }
}

function putModel(api: RestApi, name: string, schema: Obj, contentType = "application/json"): string {
  api.models ??= {};
  const existing = api.models[name];
  const model: Model = compact({
    id: existing?.id ?? newId(6),
    name,
    contentType,
    description: typeof schema.description === "string" ? schema.description : undefined,
    schema: JSON.stringify(schema),
  });
  api.models[name] = model;
  return name;
}

/** A schema by reference names its model; an inline one gets a model named after its content. */
function modelFor(api: RestApi, schema: unknown, contentType: string): string | undefined {
  if (!isObj(schema)) return undefined;
  const ref = typeof schema.$ref === "string" ? REF.exec(schema.$ref) : null;
  if (ref) return decodeURIComponent(ref[1]!);
  const text = JSON.stringify(schema);
  const name = `MODEL${createHash("sha256").update(text).digest("hex").slice(0, 10)}`;
  return putModel(api, name, schema, contentType);
}

function contentModels(api: RestApi, content: unknown): Record<string, string> | undefined {
  if (!isObj(content)) return undefined;
  const out: Record<string, string> = {};
  for (const [ct, media] of Object.entries(content)) {
    const name = isObj(media) ? modelFor(api, media.schema, ct) : undefined;
    if (name) out[ct] = name;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function methodResponses(api: RestApi, responses: unknown): Record<string, MethodResponse> | undefined {
  if (!isObj(responses)) return undefined;
  const out: Record<string, MethodResponse> = {};
  for (const [statusCode, r] of Object.entries(responses)) {
    if (!isObj(r)) continue;
    const headers = isObj(r.headers) ? r.headers : {};
    const params = Object.fromEntries(
      Object.entries(headers).map(([h, def]) => [
        `method.response.header.${h}`,
        isObj(def) && def.required === true,
      ]),
    );
    out[statusCode] = compact({
      statusCode,
      description: typeof r.description === "string" ? r.description : undefined,
      responseParameters: Object.keys(params).length > 0 ? params : undefined,
      responseModels: contentModels(api, r.content),
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The documentation fields of a method imported from operation `op`. */
export function operationDocs(api: RestApi, op: Obj): Partial<Method> {
  const body = isObj(op.requestBody) ? op.requestBody : undefined;
  const tags = Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [];
  return compact({
    summary: typeof op.summary === "string" ? op.summary : undefined,
    description: typeof op.description === "string" ? op.description : undefined,
    tags: tags.length > 0 ? tags : undefined,
    requestModels: body ? contentModels(api, body.content) : undefined,
    requestBodyRequired: body?.required === true ? true : undefined,
    methodResponses: methodResponses(api, op.responses),
  });
}

// ── export ──────────────────────────────────────────────────────────────────────────────────────────────

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function content(models: Record<string, string>): Obj {
  return Object.fromEntries(Object.entries(models).map(([ct, name]) => [ct, { schema: ref(name) }]));
}

/** The OpenAPI 3 responses of a method: its method responses, or AWS's "200 response" when it has none. */
export function exportResponses(m: Method): Obj {
  const responses = Object.values(m.methodResponses ?? {});
  if (responses.length === 0) return { "200": { description: "200 response" } };
  return Object.fromEntries(
    responses
      .sort((a, b) => a.statusCode.localeCompare(b.statusCode))
      .map((r) => {
        const headers = Object.entries(r.responseParameters ?? {}).flatMap(([key, required]) => {
          const h = /^method\.response\.header\.(.+)$/.exec(key)?.[1];
          return h ? [[h, compact({ required: required || undefined, schema: { type: "string" } })]] : [];
        });
        return [
          r.statusCode,
          compact({
            description: r.description ?? `${r.statusCode} response`,
            headers: headers.length > 0 ? Object.fromEntries(headers) : undefined,
            content: r.responseModels ? content(r.responseModels) : undefined,
          }),
        ];
      }),
  );
}

export function exportRequestBody(m: Method): Obj | undefined {
  if (!m.requestModels || Object.keys(m.requestModels).length === 0) return undefined;
  return compact({ content: content(m.requestModels), required: m.requestBodyRequired || undefined });
}

/** components.schemas: every model of the API (AWS exports them all), schemas parsed back to objects. */
export function exportSchemas(api: RestApi): Obj | undefined {
  const models = Object.values(api.models ?? {}).sort((a, b) => a.name.localeCompare(b.name));
  if (models.length === 0) return undefined;
  return Object.fromEntries(
    models.map((m) => {
      // A model created without a schema (AWS allows it) exports as an open object.
      if (m.schema === undefined) return [m.name, { type: "object" }];
      try {
        return [m.name, JSON.parse(m.schema) as unknown];
      } catch {
        return [m.name, { type: "object" }];
      }
    }),
  );
}
