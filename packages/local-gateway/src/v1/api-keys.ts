import { randomBytes } from "node:crypto";
import type { OpContext } from "../context";
import { badRequest, conflict, type Reply } from "../http";
import type { RouteDef } from "../routes";
import type { ApiKey } from "../state/types";
import {
  body,
  compact,
  epochSeconds,
  listBody,
  newId,
  optBool,
  optString,
  optStringMap,
  patchOps,
} from "./common";
import { importApiKeys } from "./api-key-import";
import { checkKeyDescription, checkKeyName, checkKeyValue, findApiKey, keyWithValue } from "./api-key-lookup";

export { checkKeyName, findApiKey, keyWithValue } from "./api-key-lookup";

const KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A 40-character key value, like the ones AWS generates. */
export function generateKeyValue(): string {
  let v = "";
  for (const b of randomBytes(40)) v += KEY_CHARS[b % KEY_CHARS.length];
  return v;
}

/**
 * AWS-validated shapes (LocalStack snapshots recorded against AWS): CreateApiKey and the reads leave out empty
 * `tags`, UpdateApiKey always carries them (`withEmptyTags`).
 */
export function renderApiKey(k: ApiKey, withValue: boolean, withEmptyTags = false): Record<string, unknown> {
  return compact({
    id: k.id,
    value: withValue ? k.value : undefined,
    name: k.name === "" ? undefined : k.name,
    customerId: k.customerId,
    description: k.description,
    enabled: k.enabled,
    createdDate: epochSeconds(k.createdDate),
    lastUpdatedDate: epochSeconds(k.lastUpdatedDate),
    stageKeys: k.stageKeys,
    tags: withEmptyTags || Object.keys(k.tags).length > 0 ? k.tags : undefined,
  });
}

function createApiKey(ctx: OpContext): Reply {
  const b = body(ctx);
  // An empty value is treated as absent: AWS generates one (AWS-validated).
  const value = optString(b, "value") || generateKeyValue();
  checkKeyValue(value);
  // AWS requires key values to be unique across the account.
  if (keyWithValue(ctx.gw.state, value)) throw conflict("API Key value already exists");
  const name = optString(b, "name") ?? "";
  checkKeyName(name);
  const description = optString(b, "description");
  checkKeyDescription(description);
  const rawStageKeys = b.stageKeys;
  const stageKeys = Array.isArray(rawStageKeys)
    ? rawStageKeys.map((s: unknown) => {
        const sk = (s ?? {}) as Record<string, unknown>;
        return `${String(sk.restApiId ?? "")}/${String(sk.stageName ?? "")}`;
      })
    : [];
  const now = ctx.gw.clock.now();
  const key: ApiKey = compact({
    id: newId(10),
    value,
    name,
    description,
    customerId: optString(b, "customerId"),
    enabled: optBool(b, "enabled") ?? false,
    createdDate: now,
    lastUpdatedDate: now,
    stageKeys,
    tags: optStringMap(b, "tags") ?? {},
  });
  ctx.gw.state.apiKeys[key.id] = key;
  ctx.gw.changed();
  return { status: 201, body: renderApiKey(key, true) };
}

function getApiKeys(ctx: OpContext): Reply {
  const name = ctx.query.get("name");
  const customerId = ctx.query.get("customerId");
  const withValues = ctx.query.get("includeValues") === "true";
  // `name` is a prefix match as in moto/LocalStack (AWS semantics UNCONFIRMED).
  const keys = Object.values(ctx.gw.state.apiKeys).filter(
    (k) => (!name || k.name.startsWith(name)) && (!customerId || k.customerId === customerId),
  );
  return {
    status: 200,
    body: listBody(
      ctx,
      keys.map((k) => renderApiKey(k, withValues)),
    ),
  };
}

function getApiKey(ctx: OpContext): Reply {
  return { status: 200, body: renderApiKey(findApiKey(ctx), ctx.query.get("includeValue") === "true") };
}

const KEY_PATHS = ["/description", "/enabled", "/name", "/customerId"];

function updateApiKey(ctx: OpContext): Reply {
  const key = findApiKey(ctx);
  const draft = { ...key };
  for (const p of patchOps(ctx, "updateApiKeyInput")) {
    if (p.op !== "replace" || !KEY_PATHS.includes(p.path)) {
      throw badRequest(
        `Invalid patch path  '${p.path}' specified for op '${p.op}'. Must be one of: [${KEY_PATHS.join(", ")}]`,
      );
    }
    // AWS reads anything but "true" as false (AWS-validated: "enabled": "not-a-bool" → 200, enabled false).
    if (p.path === "/enabled") draft.enabled = p.value === "true";
    else if (p.path === "/name") {
      checkKeyName(p.value ?? "");
      draft.name = p.value ?? "";
    } else if (p.path === "/description") {
      checkKeyDescription(p.value);
      draft.description = p.value;
    } else draft.customerId = p.value;
  }
  draft.lastUpdatedDate = ctx.gw.clock.now();
  ctx.gw.state.apiKeys[key.id] = compact(draft);
  ctx.gw.changed();
  // LS-validated: the UpdateApiKey response has no value and always carries tags.
  return { status: 200, body: renderApiKey(draft, false, true) };
}

function deleteApiKey(ctx: OpContext): Reply {
  const key = findApiKey(ctx);
  delete ctx.gw.state.apiKeys[key.id];
  for (const [planId, ids] of Object.entries(ctx.gw.state.planKeys)) {
    ctx.gw.state.planKeys[planId] = ids.filter((id) => id !== key.id);
  }
  ctx.gw.changed();
  return { status: 202 };
}

export const apiKeyRoutes: RouteDef[] = [
  ["POST", "/apikeys?mode=import", "ImportApiKeys", importApiKeys],
  ["POST", "/apikeys", "CreateApiKey", createApiKey],
  ["GET", "/apikeys", "GetApiKeys", getApiKeys],
  ["GET", "/apikeys/{api_key}", "GetApiKey", getApiKey],
  ["PATCH", "/apikeys/{api_key}", "UpdateApiKey", updateApiKey],
  ["DELETE", "/apikeys/{api_key}", "DeleteApiKey", deleteApiKey],
];
