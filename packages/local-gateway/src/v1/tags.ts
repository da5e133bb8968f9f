import type { OpContext } from "../context";
import { badRequest, notFound, type Reply } from "../http";
import type { RouteDef } from "../routes";
import { body, optStringMap } from "./common";

/**
 * Tags by ARN: `arn:aws:apigateway:{region}::/restapis/{id}[/stages/{s}]`, `…::/usageplans/{id}`, `…::/apikeys/{id}`.
 * The SDK percent-encodes the ARN into one path label; the router decodes it.
 */
function tagsOf(ctx: OpContext): Record<string, string> {
  const arn = ctx.params.resource_arn ?? "";
  const m = /^arn:aws:apigateway:[a-z0-9-]*::(\/.+)$/.exec(arn);
  if (!m) throw badRequest(`Invalid ARN specified: ${arn}`);
  const parts = m[1]!.split("/").slice(1);
  const state = ctx.gw.state;
  const missing = () => notFound(`Invalid resource identifier specified: ${arn}`);
  if (parts[0] === "restapis" && parts[1] && parts.length === 2)
    return (
      state.restApis[parts[1]]?.tags ??
      (() => {
        throw missing();
      })()
    );
  if (parts[0] === "restapis" && parts[1] && parts[2] === "stages" && parts[3] && parts.length === 4) {
    const stage = state.restApis[parts[1]]?.stages[parts[3]];
    if (!stage) throw missing();
    return stage.tags;
  }
  if (parts[0] === "usageplans" && parts[1] && parts.length === 2) {
    const plan = state.usagePlans[parts[1]];
    if (!plan) throw missing();
    return plan.tags;
  }
  if (parts[0] === "apikeys" && parts[1] && parts.length === 2) {
    const key = state.apiKeys[parts[1]];
    if (!key) throw missing();
    return key.tags;
  }
  // Other resource types (v2 APIs, domain names, …) keep their tags in state.tags by ARN.
  return (state.tags[arn] ??= {});
}

function getTags(ctx: OpContext): Reply {
  return { status: 200, body: { tags: tagsOf(ctx) } };
}

function tagResource(ctx: OpContext): Reply {
  const tags = tagsOf(ctx);
  const add = optStringMap(body(ctx), "tags");
  if (!add) throw badRequest("Invalid tags: a map of tags is required");
  if (Object.keys({ ...tags, ...add }).length > 50) throw badRequest("A resource can have at most 50 tags");
  Object.assign(tags, add);
  ctx.gw.changed();
  return { status: 204 };
}

function untagResource(ctx: OpContext): Reply {
  const tags = tagsOf(ctx);
  for (const k of ctx.query.getAll("tagKeys")) delete tags[k];
  ctx.gw.changed();
  return { status: 204 };
}

function getAccount(_ctx: OpContext): Reply {
  return {
    status: 200,
    body: {
      throttleSettings: { burstLimit: 5000, rateLimit: 10000.0 },
      features: ["UsagePlans"],
      apiKeyVersion: "4",
    },
  };
}

export const tagAccountRoutes: RouteDef[] = [
  ["GET", "/tags/{resource_arn}", "GetTags", getTags],
  ["PUT", "/tags/{resource_arn}", "TagResource", tagResource],
  ["DELETE", "/tags/{resource_arn}", "UntagResource", untagResource],
  ["GET", "/account", "GetAccount", getAccount],
];
