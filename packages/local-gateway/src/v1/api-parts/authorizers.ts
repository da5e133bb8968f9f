// Authorizers (CreateAuthorizer …): stored and rendered like AWS; the data plane does not run them.
import type { OpContext } from "../../context";
import { badRequest, conflict, notFound, type Reply } from "../../http";
import type { RouteDef } from "../../routes";
import type { Authorizer, RestApi } from "../../state/types";
import {
  body,
  compact,
  findApi,
  listBody,
  newId,
  optNumber,
  optString,
  parseNumber,
  patchOps,
  validationError,
} from "../common";
import { replaceOnly } from "./patch";

const AUTHORIZER_TYPES = ["TOKEN", "REQUEST", "COGNITO_USER_POOLS"];

const renderAuthorizer = (a: Authorizer) => compact({ ...a });

function findAuthorizer(ctx: OpContext, api: RestApi): Authorizer {
  const a = api.authorizers?.[ctx.params.authorizer_id ?? ""];
  if (!a) throw notFound("Invalid Authorizer identifier specified");
  return a;
}

function checkTtl(ttl: number | undefined): void {
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600))
    throw badRequest("Invalid authorizer result TTL: must be between 0 and 3600 seconds");
}

function createAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name) throw badRequest("Authorizer name must be non-empty");
  const type = optString(b, "type");
  if (!type || !AUTHORIZER_TYPES.includes(type))
    throw validationError([
      `Value '${type ?? "null"}' at 'createAuthorizerInput.type' failed to satisfy constraint: Member must satisfy enum value set: [${AUTHORIZER_TYPES.join(", ")}]`,
    ]);
  const providerARNs = Array.isArray(b.providerARNs) ? b.providerARNs.map(String) : undefined;
  if (type === "COGNITO_USER_POOLS" && !providerARNs?.length)
    throw badRequest(
      "Invalid providerARNs: a COGNITO_USER_POOLS authorizer needs at least one user pool ARN",
    );
  const authorizerUri = optString(b, "authorizerUri");
  if (type !== "COGNITO_USER_POOLS" && !authorizerUri)
    throw badRequest("Invalid authorizerUri: a TOKEN or REQUEST authorizer needs its Lambda function URI");
  const ttl = optNumber(b, "authorizerResultTtlInSeconds");
  checkTtl(ttl);
  const authorizer: Authorizer = compact({
    id: newId(6),
    name,
    type: type as Authorizer["type"],
    providerARNs,
    authType: optString(b, "authType"),
    authorizerUri,
    authorizerCredentials: optString(b, "authorizerCredentials"),
    identitySource:
      optString(b, "identitySource") ??
      (type === "REQUEST" ? undefined : "method.request.header.Authorization"),
    identityValidationExpression: optString(b, "identityValidationExpression"),
    authorizerResultTtlInSeconds: ttl ?? 300,
  });
  api.authorizers = { ...api.authorizers, [authorizer.id]: authorizer };
  ctx.gw.changed();
  return { status: 201, body: renderAuthorizer(authorizer) };
}

const AUTHORIZER_PATHS = [
  "/name",
  "/type",
  "/authorizerUri",
  "/authorizerCredentials",
  "/identitySource",
  "/identityValidationExpression",
  "/authorizerResultTtlInSeconds",
  "/authType",
];

function updateAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = structuredClone(findAuthorizer(ctx, api));
  for (const p of patchOps(ctx, "updateAuthorizerInput")) {
    if (p.path === "/providerARNs" && (p.op === "add" || p.op === "remove")) {
      const arns = new Set(draft.providerARNs ?? []);
      if (p.op === "add" && p.value) arns.add(p.value);
      else if (p.value) arns.delete(p.value);
      draft.providerARNs = [...arns];
      continue;
    }
    const field = replaceOnly(p, AUTHORIZER_PATHS);
    if (field === "authorizerResultTtlInSeconds") {
      const ttl = parseNumber(p.value, "authorizerResultTtlInSeconds", { integer: true });
      checkTtl(ttl);
      draft.authorizerResultTtlInSeconds = ttl;
    } else if (field === "type") {
      if (!p.value || !AUTHORIZER_TYPES.includes(p.value))
        throw badRequest(
          `Invalid authorizer type: ${p.value ?? ""}. Must be one of: [${AUTHORIZER_TYPES.join(", ")}]`,
        );
      draft.type = p.value as Authorizer["type"];
    } else if (field === "name") {
      if (!p.value) throw badRequest("Authorizer name must be non-empty");
      draft.name = p.value;
    } else {
      (draft as unknown as Record<string, unknown>)[field] = p.value;
    }
  }
  api.authorizers = { ...api.authorizers, [draft.id]: compact(draft) };
  ctx.gw.changed();
  return { status: 200, body: renderAuthorizer(draft) };
}

function deleteAuthorizer(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const a = findAuthorizer(ctx, api);
  const user = Object.values(api.resources).find((r) =>
    Object.values(r.methods).some((m) => m.authorizerId === a.id),
  );
  if (user) throw conflict(`Cannot delete authorizer '${a.name}', is referenced in method: ${user.path}`);
  const rest = { ...api.authorizers };
  delete rest[a.id];
  api.authorizers = rest;
  ctx.gw.changed();
  return { status: 202 };
}

const R = "/restapis/{restapi_id}";

export const authorizerRoutes: RouteDef[] = [
  ["POST", `${R}/authorizers`, "CreateAuthorizer", createAuthorizer],
  [
    "GET",
    `${R}/authorizers`,
    "GetAuthorizers",
    (ctx) => ({
      status: 200,
      body: listBody(ctx, Object.values(findApi(ctx).authorizers ?? {}).map(renderAuthorizer)),
    }),
  ],
  [
    "GET",
    `${R}/authorizers/{authorizer_id}`,
    "GetAuthorizer",
    (ctx) => ({ status: 200, body: renderAuthorizer(findAuthorizer(ctx, findApi(ctx))) }),
  ],
  ["PATCH", `${R}/authorizers/{authorizer_id}`, "UpdateAuthorizer", updateAuthorizer],
  ["DELETE", `${R}/authorizers/{authorizer_id}`, "DeleteAuthorizer", deleteAuthorizer],
];
