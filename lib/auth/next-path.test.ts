import { describe, expect, it } from "vitest";
import { loginHref, safeNextPath } from "./next-path";

describe("the page to return to after signing in", () => {
  it.each([
    ["/ops/rollouts/abc", "/ops/rollouts/abc"],
    ["/ops/keys?status=DISABLED&page=2", "/ops/keys?status=DISABLED&page=2"],
    ["/finance/invoices/x#lines", "/finance/invoices/x#lines"],
    ["/partner/../ops", "/ops"],
  ])("keeps the console path %s", (raw, want) => {
    expect(safeNextPath(raw)).toBe(want);
  });

  it.each([
    null,
    "",
    "https://evil.example/ops",
    "//evil.example/ops",
    "/\\evil.example",
    "/ops\nx",
    "javascript:alert(1)",
    "ops/keys",
    "/login",
    "/login?next=/ops",
    "/invite/token",
    "/api/health",
    "/forbidden",
    `/${"a".repeat(2001)}`,
  ])("refuses %s", (raw) => {
    expect(safeNextPath(raw)).toBeNull();
  });

  it("builds the sign-in link only for paths worth returning to", () => {
    expect(loginHref("/ops/rollouts/abc")).toBe("/login?next=%2Fops%2Frollouts%2Fabc");
    expect(loginHref("/")).toBe("/login");
    expect(loginHref("//evil.example")).toBe("/login");
    expect(loginHref(null)).toBe("/login");
  });
});
