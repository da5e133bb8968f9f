import { type NextRequest, NextResponse } from "next/server";
import {
  contentSecurityPolicy,
  hasBadEscape,
  isForeignAction,
  securityHeaders,
} from "@/lib/security/headers";

// Read directly: proxy must not import lib/env (it pulls in node:fs). The values are validated there at start-up.
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3000";
const DEV = process.env.NODE_ENV === "development";

function withHeaders(res: NextResponse, csp: string | null): NextResponse {
  for (const [k, v] of Object.entries(securityHeaders({ https: APP_URL.startsWith("https:") })))
    res.headers.set(k, v);
  if (csp) res.headers.set("Content-Security-Policy", csp);
  return res;
}

/**
 * Every request: a fresh CSP nonce (Next reads it from the request's Content-Security-Policy header and puts it
 * on its scripts; the root layout hands it to next-themes), the security headers, and two refusals Next would
 * otherwise answer with a 500: undecodable percent-escapes (400) and server actions from another origin (403).
 */
export function proxy(request: NextRequest) {
  if (hasBadEscape(request.nextUrl.pathname))
    return withHeaders(
      new NextResponse("Bad request: the address contains an invalid percent-escape.", { status: 400 }),
      null,
    );
  if (isForeignAction(request, APP_URL))
    return withHeaders(
      new NextResponse("Forbidden: server actions are accepted only from this console's own pages.", {
        status: 403,
      }),
      null,
    );
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { dev: DEV });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  // The page asked for, so a sign-in redirect can come back to it (lib/auth/session.ts; same-origin paths only).
  headers.set("x-tollgate-path", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
