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

// Messages and limits as AWS answers them (LocalStack's AWS-recorded snapshots, test_apigateway_api).
export function checkKeyName(name: string): void {
  if (name.length > 1024) throw badRequest("Invalid API Key name, can be at most 1024 characters.");
}

export function checkKeyValue(value: string): void {
  if (value.length > 128) throw badRequest("API Key value exceeds maximum size of 128 characters");
  if (value.length < 20) throw badRequest("API Key value should be at least 20 characters");
}

/** AWS caps a key's description at 125,000 characters. */
export function checkKeyDescription(description: string | undefined): void {
  if (description !== undefined && description.length > 125_000)
    throw badRequest("Invalid API Key description specified.");
}

export function keyWithValue(state: GatewayState, value: string): ApiKey | undefined {
  return Object.values(state.apiKeys).find((k) => k.value === value);
}
