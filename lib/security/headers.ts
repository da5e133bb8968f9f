/**
 * The security headers of every response (applied by proxy.ts). Pure, so the policy itself is unit-tested.
 * - CSP: scripts only from this origin and with this response's nonce ('strict-dynamic' lets Next's own chunks load
 *   the rest), no plugins, no <base> hijack, forms post only here, no framing. Styles allow inline attributes:
 *   React's style props, Radix positioning and recharts need them, and style injection cannot run code.
 * - HSTS only when the console is served over https (APP_URL), so local http keeps working.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${opts.dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A path whose percent-escapes do not decode ("/invite/%ff"): Next would throw a URIError and answer 500. */
export function hasBadEscape(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/**
 * A server action (POST with a Next-Action header) from another site: Next refuses it with an error that surfaces as
 * HTTP 500; we answer 403 first. Same origin = the request's own host, or the configured APP_URL.
 */
export function isForeignAction(req: { method: string; headers: Headers }, appUrl: string): boolean {
  if (req.method !== "POST" || !req.headers.has("next-action")) return false;
  const origin = req.headers.get("origin");
  if (!origin) return false; // Next then compares nothing either; browsers always send Origin on POST
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  const own = [req.headers.get("x-forwarded-host"), req.headers.get("host"), new URL(appUrl).host];
  return !own.includes(host);
}
