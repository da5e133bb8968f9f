// Key lookups shared by the key operations, the CSV import and plan keys (kept apart so none imports another's
// handlers).
import type { OpContext } from "../context";
import { badRequest, notFound } from "../http";
import type { ApiKey, GatewayState } from "../state/types";

export function findApiKey(ctx: OpContext, id = ctx.params.api_key ?? ""): ApiKey {
  const key = ctx.gw.state.apiKeys[id];
  if (!key) throw notFound("Invalid API Key identifier specified");
  return key;
}

export function checkKeyName(name: string): void {
  if (name.length > 1024) throw badRequest("Invalid API Key name specified: must be at most 1024 characters");
}

export function keyWithValue(state: GatewayState, value: string): ApiKey | undefined {
  return Object.values(state.apiKeys).find((k) => k.value === value);
}
