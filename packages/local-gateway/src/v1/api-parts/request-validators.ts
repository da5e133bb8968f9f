// Request validators: stored and rendered like AWS; the data plane does not validate requests.
import type { OpContext } from "../../context";
import { badRequest, notFound, type Reply } from "../../http";
import type { RouteDef } from "../../routes";
import type { RequestValidator, RestApi } from "../../state/types";
import { body, findApi, listBody, newId, optBool, optString, patchOps } from "../common";
import { replaceOnly } from "./patch";

function findValidator(ctx: OpContext, api: RestApi): RequestValidator {
  const v = api.requestValidators?.[ctx.params.requestvalidator_id ?? ""];
  if (!v) throw notFound("Invalid Request Validator identifier specified");
  return v;
}

function createRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const b = body(ctx);
  const name = optString(b, "name");
  if (!name || name.trim() === "") throw badRequest("Request Validator name cannot be blank");
  const v: RequestValidator = {
    id: newId(6),
    name,
    validateRequestBody: optBool(b, "validateRequestBody") ?? false,
    validateRequestParameters: optBool(b, "validateRequestParameters") ?? false,
  };
  api.requestValidators = { ...api.requestValidators, [v.id]: v };
  ctx.gw.changed();
  return { status: 201, body: v };
}

const VALIDATOR_PATHS = ["/name", "/validateRequestParameters", "/validateRequestBody"];

function updateRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const draft = { ...findValidator(ctx, api) };
  for (const p of patchOps(ctx, "updateRequestValidatorInput")) {
    const field = replaceOnly(p, VALIDATOR_PATHS);
    if (field === "name") {
      if (!p.value || p.value.trim() === "") throw badRequest("Request Validator name cannot be blank");
      draft.name = p.value;
    } else {
      // AWS-recorded: a replace without a value (or with anything but "true") switches the check off.
      draft[field as "validateRequestBody" | "validateRequestParameters"] = p.value === "true";
    }
  }
  api.requestValidators = { ...api.requestValidators, [draft.id]: draft };
  ctx.gw.changed();
  return { status: 200, body: draft };
}

function deleteRequestValidator(ctx: OpContext): Reply {
  const api = findApi(ctx);
  const v = findValidator(ctx, api);
  const rest = { ...api.requestValidators };
  delete rest[v.id];
  api.requestValidators = rest;
  for (const r of Object.values(api.resources))
    for (const m of Object.values(r.methods)) if (m.requestValidatorId === v.id) delete m.requestValidatorId;
  ctx.gw.changed();
  return { status: 202 };
}

const R = "/restapis/{restapi_id}";

export const requestValidatorRoutes: RouteDef[] = [
  ["POST", `${R}/requestvalidators`, "CreateRequestValidator", createRequestValidator],
  [
    "GET",
    `${R}/requestvalidators`,
    "GetRequestValidators",
    (ctx) => ({ status: 200, body: listBody(ctx, Object.values(findApi(ctx).requestValidators ?? {})) }),
  ],
  [
    "GET",
    `${R}/requestvalidators/{requestvalidator_id}`,
    "GetRequestValidator",
    (ctx) => ({ status: 200, body: findValidator(ctx, findApi(ctx)) }),
  ],
  ["PATCH", `${R}/requestvalidators/{requestvalidator_id}`, "UpdateRequestValidator", updateRequestValidator],
  [
    "DELETE",
    `${R}/requestvalidators/{requestvalidator_id}`,
    "DeleteRequestValidator",
    deleteRequestValidator,
  ],
];
