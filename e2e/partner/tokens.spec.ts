import { expect, test } from "../fixtures";
import { createTokenInUi, tollgate } from "../cli";
import { unique } from "../helpers";

// A partner makes a token for its own tenant on /partner/tokens; the CLI with it reaches that tenant's keys and
// usage only: another tenant's are "not found", exactly like a tenant that does not exist.

test("a partner's token works for its own tenant and cannot touch another tenant's keys", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const token = await createTokenInUi(page, "/partner/tokens", {
    name: unique("Signup flow"),
    scopes: ["keys.self", "partner.view"],
  });
  const own = await tollgate(token, ["-o", "json", "keys", "list", "--tenant", "e2e-acme"]);
  expect(own.code, own.stderr).toBe(0);
  expect(JSON.parse(own.stdout)).toEqual(expect.any(Array));
  const usage = await tollgate(token, [
    "usage",
    "--tenant",
    "e2e-acme",
    "--from",
    "2026-01-01",
    "--to",
    "2026-01-31",
    "--csv",
  ]);
  expect(usage.code, usage.stderr).toBe(0);
  expect(usage.stdout.split("\n")[0]).toBe("tenant,day,api_key_id,requests");

  const other = await tollgate(token, ["keys", "list", "--tenant", "e2e-globex"]);
  const missing = await tollgate(token, ["keys", "list", "--tenant", "no-such-tenant"]);
  expect(other.code).toBe(2);
  expect(other.stderr).toContain("Not found (404): Tenant was not found.");
  expect(missing.stderr.replace(/request.*$/m, "")).toBe(other.stderr.replace(/request.*$/m, ""));
  const revoke = await tollgate(token, ["keys", "revoke", "somekey", "--tenant", "e2e-globex"]);
  expect(revoke.code).toBe(2);
  expect(revoke.stderr).toContain("Not found (404)");
  // No staff scope: a rollout is refused.
  expect((await tollgate(token, ["rollout", "list"])).stderr).toContain("Scope missing (403)");
});
