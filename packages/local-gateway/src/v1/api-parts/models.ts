// Models, with the two AWS gives every new REST API (Empty, Error).
import type { OpContext } from "../../context";
import { badRequest, conflict, notFound, type Reply } from "../../http";
import type { RouteDef } from "../../routes";
import type { Model, RestApi } from "../../state/types";
import { body, compact, findApi, listBody, newId, optString, patchOps } from "../common";
import { replaceOnly } from "./patch";

/** AWS gives every new REST API these two models. */
function defaultModels(): Record<string, Model> {
  const schema = (title: string, props: string) =>
    `{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "${title}",\n  "type" : "object"${props}\n}`;
  return {
    Empty: {
      id: newId(6),
      name: "Empty",
      contentType: "application/json",
      description: "This is a default empty schema model",
      schema: schema("Empty Schema", ""),
    },
    Error: {
      id: newId(6),
      name: "Error",
      contentType: "application/json",
      description: "This is a default error schema model",
      schema: schema("Error Schema", ',\n  "properties" : {\n    "message" : { "type" : "string" }\n  }'),
    },
  };
}

/** The API's models, materialising AWS's two defaults on first use. */
export function modelsOf(api: RestApi): Record<string, Model> {
  api.models ??= defaultModels();
  return api.models;
}

const renderModel = (m: Model) => compact({ ...m });

function findModel(ctx: OpContext, api: RestApi): Model {
  const name = ctx.params.model_name ?? "";
  const m = modelsOf(api)[name];
  if (!m) throw notFound(`Invalid model name specified: ${name}`);
  return m;
}

function checkSchema(schema: string | undefined, contentType: string): void {
  if (!contentType.includes("json")) return;
  let parsed: unknown;
  try {
    parsed = schema === undefined ? undefined : JSON.parse(schema);
  } catch {
    throw badRequest(
      "Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]",
    );
  }
  const o = (parsed ?? {}) as Record<string, unknown>;
  if (Object.keys(o).filter((k) => k !== "$schema" && k !== "title").length === 0)
    throw badRequest("Model schema must have at least 1 property or array items defined");
}

function createModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Model name must be non-empty");
  if (!/^[A-Za-z0-9]+$/.test(name)) throw badRequest("Model name must be alphanumeric");
  const models = modelsOf(api);
  if (models[name]) throw conflict("Model name already exists for this REST API");
  const contentType = optString(b, "contentType") ?? "application/json";
  const schema = optString(b, "schema");
  checkSchema(schema, contentType);
  const model: Model = compact({
    id: newId(6),
    name,
    contentType,
    description: optString(b, "description"),
    schema,
  });
  models[name] = model;
  ctx.gw.changed();
  return { status: 201, body: renderModel(model) };
}

function updateModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findModel(ctx, api) };
  for (const p of patchOps(ctx, "updateModelInput")) {
    const field = replaceOnly(p, ["/description", "/schema"]);
    if (field === "schema") {
      checkSchema(p.value, draft.contentType);
      draft.schema = p.value;
    } else draft.description = p.value;
  }
  modelsOf(api)[draft.name] = compact(draft);
  ctx.gw.changed();
  return { status: 200, body: renderModel(draft) };
}

function deleteModel(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const m = findModel(ctx, api);
  for (const r of Object.values(api.resources)) {
    for (const method of Object.values(r.methods)) {
      if (Object.values(method.requestModels ?? {}).includes(m.name)) {
        const where = `${r.path === "/" ? "/" : r.path}/${method.httpMethod}`;
        throw conflict(`Cannot delete model '${m.name}', is referenced in method request: ${where}`);
      }
    }
  }
  delete modelsOf(api)[m.name];
  ctx.gw.changed();
  return { status: 202 };
}

const R = "/restapis/{restapi_id}";

export const modelRoutes: RouteDef[] = [
  ["POST", `${R}/models`, "CreateModel", createModel],
  [
    "GET",
    `${R}/models`,
    "GetModels",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(modelsOf(findApi(ctx))).map(renderModel)) }),
  ],
  [
    "GET",
    `${R}/models/{model_name}`,
    "GetModel",
    (ctx) => ({ status: 200, body: renderModel(findModel(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/models/{model_name}`, "UpdateModel", updateModel],
  ["DELETE", `${R}/models/{model_name}`, "DeleteModel", deleteModel],
];
