import { gatewayPages, sweep } from "../a11y";
import { test } from "../fixtures";

// Issue 15 item 16: axe-core finds no serious or critical violation on any operator page, light or dark.
test("operator pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(400_000);
  await sweep(page, [
    { path: "/ops", heading: /./ },
    { path: "/ops/apis", heading: "APIs" },
    ...(await gatewayPages(page)),
    { path: "/ops/metrics", heading: /./ },
    { path: "/ops/rollouts", heading: /rollouts/i },
    { path: "/ops/usage-plans", heading: /usage plans/i },
    { path: "/ops/keys", heading: /keys/i },
    { path: "/ops/tenants", heading: "Tenants" },
    { path: "/ops/drift", heading: /./ },
    { path: "/ops/plan-requests", heading: /./ },
    { path: "/ops/portal", heading: /./ },
    { path: "/ops/api-docs", heading: /./ },
    { path: "/ops/audit", heading: "Audit trail" },
  ]);
});
