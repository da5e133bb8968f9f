import { sweep } from "../a11y";
import { test } from "../fixtures";

// Issue 15 item 16: the signed-out pages (sign-in, an invalid invitation link, the 404 page) pass axe too.
test("signed-out pages have no serious or critical accessibility violations", async ({ page }) => {
  test.setTimeout(180_000);
  await sweep(page, [
    { path: "/login", heading: /sign in/i },
    { path: "/invite/not-a-real-token", heading: /./ },
    { path: "/this-page-does-not-exist", heading: /./ },
  ]);
});
