import { expect, test } from "@playwright/test";
import { expectRefused } from "../helpers";

test("partners are refused the gateway console's pages and metrics", async ({ page }) => {
  for (const path of ["/ops/apis", "/ops/metrics", "/ops/apis/rest/any/stages/prod", "/ops/apis/v2/any"]) {
    await expectRefused(page, path);
  }
  for (const url of [
    "/api/ops/metrics/stage?api=payments&stage=prod",
    "/api/ops/metrics/overview?t=REST:payments:prod",
  ]) {
    expect((await page.request.get(url)).status()).toBe(403);
  }
});
