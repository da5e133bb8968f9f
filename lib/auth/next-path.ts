/**
 * Where to go after signing in: the page that sent the user to the sign-in page, if it is a path of this console.
 * Anything else (another origin, "//evil.example", "/\evil", a scheme, control characters, the auth pages
 * themselves, route handlers) gives null, and the caller falls back to the role's home. Pure; anyone may call.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, "http://console.invalid");
  } catch {
    return null;
  }
  if (url.origin !== "http://console.invalid") return null;
  const path = url.pathname;
  if (path === "/login" || path.startsWith("/invite/") || path.startsWith("/api/") || path === "/forbidden")
    return null;
  return `${path}${url.search}${url.hash}`;
}

/** The sign-in address that returns to `path` afterwards (or plain /login when the path is not one to return to). */
export function loginHref(path: string | null | undefined): string {
  const next = safeNextPath(path);
  return next && next !== "/" ? `/login?${new URLSearchParams({ next })}` : "/login";
}
