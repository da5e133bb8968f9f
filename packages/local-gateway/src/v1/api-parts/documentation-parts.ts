// Documentation parts.
import type { OpContext } from "../../context";
import { badRequest, conflict, notFound, type Reply } from "../../http";
import type { RouteDef } from "../../routes";
import type { DocumentationPart, RestApi } from "../../state/types";
import { body, compact, findApi, listBody, newId, optString, patchOps, validationError } from "../common";
import { replaceOnly } from "./patch";

const LOCATION_TYPES = [
  "RESPONSE_BODY",
  "RESPONSE",
  "METHOD",
  "MODEL",
  "AUTHORIZER",
  "RESPONSE_HEADER",
  "RESOURCE",
  "PATH_PARAMETER",
  "REQUEST_BODY",
  "QUERY_PARAMETER",
  "API",
  "REQUEST_HEADER",
];

/** `properties` is a JSON string on the wire (the CLI shows it as text). */
const renderPart = (p: DocumentationPart) => ({
  id: p.id,
  location: compact({ ...p.location }),
  properties: p.properties,
});

function findPart(ctx: OpContext, api: RestApi): DocumentationPart {
  const p = api.documentationParts?.[ctx.params.part_id ?? ""];
  if (!p) throw notFound("Invalid Documentation part identifier specified");
  return p;
}

function createDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const loc = (b.location ?? {}) as Record<string, unknown>;
  const type = typeof loc.type === "string" ? loc.type : undefined;
  if (!type || !LOCATION_TYPES.includes(type))
    throw validationError([
      `Value '${type ?? "null"}' at 'createDocumentationPartInput.location.type' failed to satisfy constraint: Member must satisfy enum value set: [${LOCATION_TYPES.join(", ")}]`,
    ]);
  const properties = optString(b, "properties");
  if (!properties) throw badRequest("Documentation part properties must be non-empty");
  try {
    JSON.parse(properties);
  } catch {
    throw badRequest("Invalid documentation content specified: properties must be a JSON object");
  }
  const location = compact({
    type,
    path: optString(loc, "path"),
    method: optString(loc, "method"),
    statusCode: optString(loc, "statusCode"),
    name: optString(loc, "name"),
  });
  const same = Object.values(api.documentationParts ?? {}).find(
    (p) => JSON.stringify(p.location) === JSON.stringify(location),
  );
  if (same) throw conflict(`Documentation part already exists for this location: ${same.id}`);
  const part: DocumentationPart = { id: newId(6), location, properties };
  api.documentationParts = { ...api.documentationParts, [part.id]: part };
  ctx.gw.changed();
  return { status: 201, body: renderPart(part) };
}

function getDocumentationParts(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const type = ctx.query.get("type");
  const path = ctx.query.get("path");
  const parts = Object.values(api.documentationParts ?? {}).filter(
    (p) => (!type || p.location.type === type) && (!path || p.location.path === path),
  );
  return { status: 200, body: listBody(ctx, parts.map(renderPart)) };
}

function updateDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findPart(ctx, api) };
  for (const p of patchOps(ctx, "updateDocumentationPartInput")) {
    replaceOnly(p, ["/properties"]);
    try {
      JSON.parse(p.value ?? "");
    } catch {
      throw badRequest("Invalid documentation content specified: properties must be a JSON object");
    }
    draft.properties = p.value ?? "";
  }
  api.documentationParts = { ...api.documentationParts, [draft.id]: draft };
  ctx.gw.changed();
  return { status: 200, body: renderPart(draft) };
}

function deleteDocumentationPart(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const part = findPart(ctx, api);
  const rest = { ...api.documentationParts };
  delete rest[part.id];
  api.documentationParts = rest;
  ctx.gw.changed();
  return { status: 202 };
}

const R = "/restapis/{restapi_id}";

export const documentationPartRoutes: RouteDef[] = [
  ["POST", `${R}/documentation/parts`, "CreateDocumentationPart", createDocumentationPart],
  ["GET", `${R}/documentation/parts`, "GetDocumentationParts", getDocumentationParts],
  [
    "GET",
    `${R}/documentation/parts/{part_id}`,
    "GetDocumentationPart",
    (ctx) => ({ status: 200, body: renderPart(findPart(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/documentation/parts/{part_id}`, "UpdateDocumentationPart", updateDocumentationPart],
  ["DELETE", `${R}/documentation/parts/{part_id}`, "DeleteDocumentationPart", deleteDocumentationPart],
];
