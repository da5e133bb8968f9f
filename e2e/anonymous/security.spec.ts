import { E2E } from "../env";
import { expect, takeViolations, test } from "../fixtures";

// Issue 13: no response carried a security header; bad escapes and foreign-origin actions answered 500.
test("pages carry a nonce CSP and the other security headers; Next's scripts run under it", async ({
  page,
}) => {
  const res = await page.goto("/login");
  const h = res!.headers();
  const csp = h["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, "script-src has a nonce").toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["strict-transport-security"], "no HSTS over plain http").toBeUndefined();
  // Every script element carries this response's nonce, and the page is interactive (hydrated).
  const scripts = await page
    .locator("script")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  // A fresh nonce per response.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
});

test("the CSP guard of every spec sees an injected inline handler (the classic XSS) being blocked", async ({
  page,
}) => {
  await page.goto("/login");
  await page.evaluate(() => {
    document.body.insertAdjacentHTML(
      "beforeend",
      '<img src="data:," onload="window.__injected = true" onerror="window.__injected = true">',
    );
  });
  await expect.poll(() => takeViolations().some((v) => v.includes("script-src"))).toBe(true);
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("invalid percent-escapes answer 400, not 500", async ({ page }) => {
  for (const path of ["/invite/%ff", "/partner/invoices/%ff", "/api/invoices/%ff/csv"]) {
    expect((await page.request.get(path)).status(), path).toBe(400);
  }
});

test("a server action posted from another origin is refused with 403", async ({ page }) => {
  const res = await page.request.post("/login", {
    headers: { "next-action": "0".repeat(42), origin: "https://evil.example", "content-type": "text/plain" },
    data: "[]",
  });
  expect(res.status()).toBe(403);
});

test("a made-up X-Forwarded-For per attempt gets no fresh sign-in allowance", async ({ page }) => {
  const attempt = (i: number) =>
    page.request.post("/api/auth/sign-in/email", {
      headers: { origin: E2E.baseURL, "x-forwarded-for": `198.51.100.${i}` },
      data: { email: "nobody-xff@e2e.test", password: `wrong-password-${i}` },
    });
  for (let i = 1; i <= 5; i++) expect((await attempt(i)).status()).toBe(401);
  expect((await attempt(6)).status()).toBe(429);
});
