import { test } from "../fixtures";
import { expectGatewayConsoleRefused } from "../helpers";

test("partners are refused the gateway console's pages, metrics and rollouts", async ({ page }) => {
  await expectGatewayConsoleRefused(page);
});
