import { sweep } from "../a11y";
import { test } from "../fixtures";

// Issue 15 item 16: axe-core finds no serious or critical violation on the admin-only pages, light or dark (the
// operator spec sweeps the pages admins share with operators).
test("admin pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(180_000);
  await sweep(page, [
    { path: "/ops/users", heading: "Users" },
    { path: "/ops/outbox", heading: "Outbox" },
    { path: "/ops/tokens", heading: /./ },
  ]);
});
