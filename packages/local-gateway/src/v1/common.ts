import { randomBytes } from "node:crypto";
import type { OpContext } from "../context";
import { GatewayError, badRequest, notFound, parseJsonObject } from "../http";
import type { RestApi, Stage } from "../state/types";

/** v1 timestamps on the wire: epoch seconds as JSON numbers. */
export const epochSeconds = (ms: number) => Math.floor(ms / 1000);

const ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** AWS-looking ids: lower-case alphanumerics (REST APIs and keys 10, the rest 6). */
export function newId(length = 10): string {
  const bytes = randomBytes(length);
  let id = "";
  for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
  return id;
}

/** Omits undefined fields so rendered JSON matches AWS's "absent when unset". */
export function compact<T extends object>(o: T): T {
  const r = o as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return o;
}

export const body = (ctx: OpContext) => parseJsonObject(ctx.body);

export function findApi(ctx: OpContext, id = ctx.params.restapi_id ?? ""): RestApi {
  const api = ctx.gw.state.restApis[id];
  if (!api) throw notFound(`Invalid API identifier specified ${ctx.gw.config.accountId}:${id}`);
  return api;
}

export function findStage(ctx: OpContext, api: RestApi, name = ctx.params.stage_name ?? ""): Stage {
  const stage = api.stages[name];
  if (!stage) throw notFound("Invalid Stage identifier specified");
  return stage;
}

/** v1 paging: `position` (an opaque offset) and `limit` (default 25, max 500); position only when more remain. */
export function page<T>(ctx: OpContext, all: readonly T[]): { items: T[]; position?: string } {
  const limitRaw = ctx.query.get("limit");
  let limit = 25;
  if (limitRaw !== null) {
    const n = Number(limitRaw);
    // AWS-recorded: a limit below 1 (get-api-keys --limit -1) is a 200 with an empty page. Above 500 AWS's
    // behaviour is UNCONFIRMED: we serve 500 (the documented maximum). A non-integer cannot reach AWS through
    // its SDKs (the model types limit as an integer), so it stays a 400 here.
    if (!Number.isInteger(n)) throw badRequest("Invalid limit: must be an integer");
    if (n < 1) return { items: [] };
    limit = Math.min(n, 500);
  }
  let start = 0;
  const pos = ctx.query.get("position");
  if (pos) {
    const decoded = Number(Buffer.from(pos, "base64url").toString("utf8"));
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest("Invalid position specified");
    start = decoded;
  }
  const items = all.slice(start, start + limit);
  const next = start + limit;
  return next < all.length ? { items, position: Buffer.from(String(next)).toString("base64url") } : { items };
}

/** The `{item, position}` list body of a paged v1 list. */
export function listBody<T>(ctx: OpContext, all: readonly T[]): { item: T[]; position?: string } {
  const { items, position } = page(ctx, all);
  return position === undefined ? { item: items } : { item: items, position };
}

export interface PatchOp {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  value?: string;
  from?: string;
}

const PATCH_OPS = ["add", "remove", "move", "test", "replace", "copy"];

/** AWS's model-validation error: "N validation error(s) detected: A; B" (400 ValidationException). */
export function validationError(problems: readonly string[]): GatewayError {
  const n = problems.length;
  return new GatewayError(
    400,
    "ValidationException",
    `${n} validation error${n === 1 ? "" : "s"} detected: ${problems.join("; ")}`,
  );
}

/** Reads `patchOperations`, rejecting a bad `op` the way AWS does (ValidationException). */
export function patchOps(ctx: OpContext, inputName: string): PatchOp[] {
  const raw = body(ctx).patchOperations ?? [];
  if (!Array.isArray(raw)) throw badRequest("patchOperations must be a list");
  // Every bad op is reported in one message, as AWS does (AWS-recorded: "3 validation errors detected: …").
  const bad = raw.flatMap((item: unknown, i) => {
    const op = ((item ?? {}) as Record<string, unknown>).op;
    return typeof op === "string" && PATCH_OPS.includes(op)
      ? []
      : [
          `Value '${String(op)}' at '${inputName}.patchOperations.${i + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]`,
        ];
  });
  if (bad.length > 0) throw validationError(bad);
  return raw.map((item: unknown) => {
    const o = (item ?? {}) as Record<string, unknown>;
    if (typeof o.path !== "string") throw badRequest(`Invalid patch operation: path is required`);
    return {
      op: o.op as PatchOp["op"],
      path: o.path,
      value: o.value === undefined || o.value === null ? undefined : String(o.value),
      from: typeof o.from === "string" ? o.from : undefined,
    };
  });
}

export function parseBool(value: string | undefined, what: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw badRequest(`Invalid value for ${what}: '${value ?? ""}'. Must be true or false`);
}

export function parseNumber(
  value: string | undefined,
  what: string,
  opts: { integer?: boolean; min?: number } = {},
): number {
  const n = Number(value);
  if (
    value === undefined ||
    value.trim() === "" ||
    !Number.isFinite(n) ||
    (opts.integer && !Number.isInteger(n))
  ) {
    throw badRequest(
      `Invalid ${what} specified: '${value ?? ""}'. Must be a${opts.integer ? "n integer" : " number"}`,
    );
  }
  if (opts.min !== undefined && n < opts.min)
    throw badRequest(`Invalid ${what} specified: '${value}'. Must be ≥ ${opts.min}`);
  return n;
}

/** Optional typed fields of a JSON body, with a 400 for a wrong type. */
export function optString(b: Record<string, unknown>, key: string): string | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw badRequest(`Invalid ${key}: must be a string`);
  return v;
}

export function optBool(b: Record<string, unknown>, key: string): boolean | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw badRequest(`Invalid ${key}: must be a boolean`);
  return v;
}

export function optNumber(b: Record<string, unknown>, key: string): number | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw badRequest(`Invalid ${key}: must be a number`);
  return v;
}

export function optStringMap(b: Record<string, unknown>, key: string): Record<string, string> | undefined {
  const v = b[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "object" || Array.isArray(v) || Object.values(v).some((x) => typeof x !== "string")) {
    throw badRequest(`Invalid ${key}: must be a map of strings`);
  }
  return { ...(v as Record<string, string>) };
}

const VAR_NAME = /^[A-Za-z0-9_]+$/;
const VAR_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

/** Stage variable rules (docs/aws-api-gateway.md §1 limits). */
export function checkVariable(name: string, value: string): void {
  if (!VAR_NAME.test(name) || name.length > 64) {
    throw badRequest(
      `Stage variable name ${name} must be non-empty, at most 64 characters, and contain only [A-Za-z0-9_]`,
    );
  }
  if (!VAR_VALUE.test(value) || value.length > 512) {
    throw badRequest(
      `Stage variable value ${value} is not valid: it must match [A-Za-z0-9-._~:/?#&=,]+ and be at most 512 characters`,
    );
  }
}

export function checkStageName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(name)) {
    throw badRequest("Stage name only allows a-zA-Z0-9_- and must be at most 128 characters");
  }
}
