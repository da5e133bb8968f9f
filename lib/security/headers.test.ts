import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, hasBadEscape, isForeignAction, securityHeaders } from "./headers";

describe("security headers", () => {
  it("the CSP allows scripts only by nonce, never inline, and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'"); // Next's dev overlay only
  });

  it("sends HSTS only when the console is served over https", () => {
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });

  it("spots undecodable escapes", () => {
    expect(hasBadEscape("/invite/%ff")).toBe(true);
    expect(hasBadEscape("/invite/%E6%9D%B1")).toBe(false);
  });

  it("refuses server actions from another origin, and only those", () => {
    const req = (origin: string | null, extra: Record<string, string> = {}) => ({
      method: "POST",
      headers: new Headers({
        host: "console.example",
        "next-action": "abc",
        ...(origin ? { origin } : {}),
        ...extra,
      }),
    });
    const app = "https://console.example";
    expect(isForeignAction(req("https://evil.example"), app)).toBe(true);
    expect(isForeignAction(req("null"), app)).toBe(true);
    expect(isForeignAction(req("https://console.example"), app)).toBe(false);
    expect(
      isForeignAction({ method: "POST", headers: new Headers({ origin: "https://evil.example" }) }, app),
    ).toBe(false); // not a server action
  });
});
