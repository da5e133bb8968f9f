import "server-only";
import { now } from "@/lib/clock";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/db/api-tokens";
import { ApiProblem } from "./problem";

/**
 * Safe retries: the first POST with a token's Idempotency-Key runs and its answer is kept 24 h; a retry with the
 * same key and the same request gets that answer again (header `Idempotent-Replayed: true`) and starts nothing; the
 * same key with another request is refused (422), and while the first still runs a retry gets 409. Answers of 5xx
 * are not kept (the retry runs again). Secret fields (a new key's value) are kept as null: shown once, never stored.
 */
export async function runIdempotent(
  tokenId: string,
  key: string,
  requestHash: string,
  secretFields: readonly string[],
  exec: () => Promise<Response>,
): Promise<Response> {
  const existing = await claimIdempotencyKey(tokenId, key, requestHash, now());
  if (existing) {
    if (existing.requestHash !== requestHash)
      throw new ApiProblem(
        "idempotency_mismatch",
        "This Idempotency-Key was already used with a different request: use a new key for a new request.",
      );
    if (existing.status === null || existing.body === null)
      throw new ApiProblem(
        "idempotency_in_progress",
        "The first request with this Idempotency-Key is still running: retry in a few seconds.",
        undefined,
        { "retry-after": "2" },
      );
    return new Response(existing.body, {
      status: existing.status,
      headers: {
        "content-type": existing.status >= 400 ? "application/problem+json" : "application/json",
        "cache-control": "no-store",
        "idempotent-replayed": "true",
      },
    });
  }
  let res: Response;
  try {
    res = await exec();
  } catch (e) {
    await releaseIdempotencyKey(tokenId, key);
    throw e;
  }
  if (res.status >= 500) {
    await releaseIdempotencyKey(tokenId, key);
    return res;
  }
  // Problem answers are produced by the caller's catch; only what exec returned (successes, CSV) is here.
  const text = await res.clone().text();
  await completeIdempotencyKey(tokenId, key, res.status, redact(text, secretFields));
  return res;
}

function redact(text: string, fields: readonly string[]): string {
  if (fields.length === 0) return text;
  try {
    const v = JSON.parse(text) as Record<string, unknown>;
    for (const f of fields) if (f in v) v[f] = null;
    return JSON.stringify(v);
  } catch {
    return text;
  }
}
