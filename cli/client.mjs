// The CLI's only door to Tollgate: the automation API over HTTP (never the database or AWS).
import { randomUUID } from "node:crypto";

/** A failure the CLI reports and exits 2 for: a usage error, a refused request or no connection. */
export class CliError extends Error {
  /** @param {string} message @param {unknown} [problem] */
  constructor(message, problem) {
    super(message);
    this.name = "CliError";
    this.problem = problem;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * @param {{ url: string; token: string; userAgent?: string }} cfg
 */
export function apiClient(cfg) {
  const base = cfg.url.replace(/\/+$/, "");
  /**
   * One request. POSTs carry an Idempotency-Key (given, or one per call), so retries after a lost connection, a
   * 5xx or a 429 (after its Retry-After) start nothing twice.
   * @param {"GET"|"POST"} method @param {string} path @param {{ body?: unknown; idempotencyKey?: string; accept?: string }} [opts]
   */
  async function request(method, path, opts = {}) {
    const key = method === "POST" ? (opts.idempotencyKey ?? randomUUID()) : undefined;
    /** @type {Record<string,string>} */
    const headers = {
      authorization: `Bearer ${cfg.token}`,
      accept: opts.accept ?? "application/json",
      "user-agent": cfg.userAgent ?? "tollgate-cli",
    };
    if (key) headers["idempotency-key"] = key;
    if (opts.body !== undefined) headers["content-type"] = "application/json";
    let last;
    for (let attempt = 1; attempt <= 4; attempt++) {
      let res;
      try {
        res = await fetch(`${base}${path}`, {
          method,
          headers,
          ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
          signal: AbortSignal.timeout(60_000),
        });
      } catch (e) {
        last = new CliError(`Cannot reach Tollgate at ${base}: ${e?.cause?.code ?? e?.message ?? e}`);
        await sleep(500 * attempt);
        continue;
      }
      const text = await res.text();
      const retryable =
        res.status >= 500 ||
        res.status === 429 ||
        (res.status === 409 && text.includes("idempotency-in-progress"));
      if (retryable && attempt < 4) {
        const after = Number(res.headers.get("retry-after"));
        last = problemError(res.status, text);
        await sleep(Number.isFinite(after) && after > 0 ? Math.min(after, 30) * 1000 : 1000 * attempt);
        continue;
      }
      if (!res.ok) throw problemError(res.status, text);
      if ((res.headers.get("content-type") ?? "").includes("json")) return JSON.parse(text);
      return text;
    }
    throw last;
  }
  return { request, base };
}

function problemError(status, text) {
  try {
    const p = JSON.parse(text);
    const fields = p.errors
      ? "\n" +
        Object.entries(p.errors)
          .map(([k, v]) => `  ${k}: ${[].concat(v).join(" ")}`)
          .join("\n")
      : "";
    return new CliError(`${p.title ?? "Error"} (${status}): ${p.detail ?? text}${fields}`, p);
  } catch {
    return new CliError(`Tollgate answered ${status}: ${text.slice(0, 200)}`);
  }
}
