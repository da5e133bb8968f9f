import "server-only";

/** Keys under which better-auth returns the raw session token (sign-in, get-session, list-sessions). */
const SECRET_KEYS = new Set(["token", "sessionToken"]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  }
  return value;
}

/**
 * Wraps better-auth's HTTP handler so no response body carries a session token. The token lives only in the
 * HTTP-only cookie; a script (an XSS payload, a browser extension) that reads `/api/auth/get-session`,
 * `/api/auth/list-sessions` or the sign-in answer gets the session's metadata but nothing it could replay.
 * For the catch-all route app/api/auth/[...all] only.
 */
export function withoutSessionTokens(
  handler: (req: Request) => Promise<Response>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    const res = await handler(req);
    if (!res.headers.get("content-type")?.includes("application/json")) return res;
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    const headers = new Headers(res.headers);
    headers.delete("content-length");
    return new Response(JSON.stringify(strip(body)), {
      status: res.status,
      statusText: res.statusText,
      headers,
    });
  };
}
