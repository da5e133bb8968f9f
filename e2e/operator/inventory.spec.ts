import { expect, test } from "../fixtures";
import { UpdateStageCommand } from "@aws-sdk/client-api-gateway";
import { sdk, seedApi, syncInventory } from "../gateway-fixtures";
import { unique, waitForHydration } from "../helpers";

// Operator pages read Tollgate's inventory of API Gateway. A change made straight to the gateway (as another console,
// the CLI or Terraform would) appears on the stage page's Changes timeline with its difference in words once the
// sync has run, marked "outside Tollgate"; "Refresh" re-reads the object on screen from AWS at once.

test("an outside change shows on the stage page with its difference, and Refresh updates a stale page", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const name = unique("e2e-inv").replace(" ", "-");
  const apiId = await seedApi(name);
  await syncInventory(page.request);
  await page.goto(`/ops/apis/rest/${apiId}/stages/prod`);
  await expect(page.getByRole("heading", { name: /Stage prod/ })).toBeVisible();
  await expect(page.getByTestId("freshness")).toContainText(/As of .* ago/);

  // Outside Tollgate: a variable and the stage-wide throttling, straight through the SDK.
  await sdk.send(
    new UpdateStageCommand({
      restApiId: apiId,
      stageName: "prod",
      patchOperations: [
        { op: "replace", path: "/variables/version", value: "v2" },
        { op: "replace", path: "/*/*/throttling/rateLimit", value: "50" },
      ],
    }),
  );
  await syncInventory(page.request);
  await page.reload();
  const timeline = page.getByTestId("changes-timeline");
  const outside = timeline.locator('li[data-source="outside"]').first();
  await expect(outside).toContainText("outside Tollgate");
  await expect(outside).toContainText("stage variable `version` v1 → v2");
  await expect(outside).toContainText(/throttling rate .*50 req\/s on prod, default route/);
  await expect(outside).toContainText("AWS does not say by whom");

  // The overview shows it too.
  await page.goto("/ops");
  await expect(page.getByTestId("outside-changes")).toContainText(`${name} / prod`);

  // A stale page: another outside change, not yet synced; Refresh reads the API from AWS now.
  await page.goto(`/ops/apis/rest/${apiId}/stages/prod`);
  await sdk.send(
    new UpdateStageCommand({
      restApiId: apiId,
      stageName: "prod",
      patchOperations: [{ op: "replace", path: "/variables/version", value: "v3" }],
    }),
  );
  await expect(page.getByLabel("Variable version value")).toHaveValue("v2");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Refresh from AWS now" }).click();
  // The action re-reads the API (a few AWS calls under the budget) and re-renders the page: allow a loaded machine.
  await expect(page.getByText("Read from AWS just now.")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Variable version value")).toHaveValue("v3");
  await expect(timeline.locator('li[data-source="outside"]').first()).toContainText(
    "stage variable `version` v2 → v3",
  );
});
