import { readFileSync } from "node:fs";
import { expect, test } from "../fixtures";
import { insertUsage, lastMonthDays } from "../finance-fixtures";
import { freshPage, signIn, unique } from "../helpers";

test("generate last month's invoices, finalize, refuse a change, void, reissue, CSV; the partner sees it", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const days = lastMonthDays();
  const month = days[0]!.slice(0, 7);
  // Acme: two keys (a rotation), 20 days × 5,000 = 100,000 requests. Globex: 10 days × 1,000.
  await insertUsage("E2E Acme", days.slice(0, 10), 5000);
  await insertUsage("E2E Acme", days.slice(10, 20), 5000);
  await insertUsage("E2E Globex", days.slice(0, 10), 1000);

  // A price plan: $10 a month, 1,000 included, graduated $3.50 / M up to 1 M then $2.80.
  const plan = unique("Plan");
  await page.goto("/finance/price-plans");
  await page.getByRole("button", { name: "New price plan" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(plan);
  await dialog.getByLabel("Effective from (UTC day)").fill("2020-01-01");
  await dialog.getByLabel("Monthly base fee").fill("10.005");
  await dialog.getByLabel("Included requests per month").fill("1,000");
  await dialog.getByRole("button", { name: "Create price plan" }).click();
  await expect(dialog.getByText(/at most 2 decimals/)).toBeVisible(); // refused at the field, nothing written
  await dialog.getByLabel("Monthly base fee").fill("10");
  await dialog.getByRole("button", { name: "Create price plan" }).click();
  await expect(page.getByText(`Price plan ${plan} created.`)).toBeVisible();
  const card = page.getByTestId(`plan-${plan}`);
  for (const tenant of ["E2E Acme", "E2E Globex"]) {
    await card.getByRole("button", { name: "Assign to tenant" }).click();
    await dialog.getByLabel("Tenant").selectOption({ label: tenant });
    await dialog.getByLabel("From (UTC day)").fill("2020-01-01");
    await dialog.getByRole("button", { name: "Assign plan" }).click();
    await expect(page.getByText(`${tenant} is on ${plan} from 2020-01-01.`)).toBeVisible();
  }

  // Generate last month (the default choice).
  await page.goto("/finance/invoices");
  await expect(page.getByLabel("Month to invoice")).toHaveValue(month);
  await page.getByRole("button", { name: "Generate invoices" }).click();
  await expect(page.getByText(new RegExp(`${month}: 2 new drafts`))).toBeVisible();
  const acmeRow = page.getByTestId("invoice-row-E2E Acme");
  await expect(acmeRow).toContainText("Draft");
  // 100,000 requests − 1,000 included = 99,000 × $3.50 / M = 34.65 → 35 cents; + $10.00 base fee.
  await expect(acmeRow).toContainText("$10.35");
  await expect(acmeRow).toContainText("100,000");
  await acmeRow.getByRole("link", { name: "Draft" }).click();

  // Finalize.
  await page.getByRole("button", { name: "Finalize" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Finalize invoice" }).click();
  const number = page.getByTestId("invoice-number");
  await expect(number).toHaveText(/^INV-\d{4}-\d{6}$/);
  const invoiceNumber = (await number.textContent())!;
  await expect(page.getByTestId("invoice-total")).toHaveText("$10.35");

  // A finalized invoice cannot be recalculated: the button is disabled and says why (no click that then fails).
  const recalculate = page.getByRole("button", { name: "Recalculate from usage" });
  await expect(recalculate).toBeDisabled();
  await expect(recalculate).toHaveAccessibleDescription(
    /A finalized invoice never changes.*void it and reissue it/,
  );

  // Void with a reason (an empty reason is refused first, with the field's message only). The dialog says the
  // partner reads the reason as written.
  await page.getByRole("button", { name: "Void…" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("E2E Acme sees the invoice marked void with your reason word for word");
  await confirm.getByRole("button", { name: "Void invoice" }).click();
  await expect(confirm.getByText("Give a reason of at least 5 characters.")).toBeVisible();
  await expect(confirm.getByText("Something went wrong")).toHaveCount(0);
  await expect(confirm).toBeVisible();
  await confirm.getByLabel("Reason").fill("Wrong plan assigned for the period");
  await confirm.getByRole("button", { name: "Void invoice" }).click();
  await expect(page.getByTestId("void-reason")).toContainText("Wrong plan assigned for the period");

  // Reissue → a new draft linked to the void one; finalize it too.
  await page.getByRole("button", { name: "Reissue" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reissue as a new draft" }).click();
  await expect(page.getByText(`Reissue of ${invoiceNumber}`)).toBeVisible();
  await page.getByRole("button", { name: "Finalize" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Finalize invoice" }).click();
  await expect(number).not.toHaveText(invoiceNumber);
  await expect(number).toHaveText(/^INV-\d{4}-\d{6}$/);
  const reissuedNumber = (await number.textContent())!;

  // CSV download.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toContain("invoice,status,tenant,period,currency,line");
  expect(csv).toContain(`${reissuedNumber},FINALIZED,E2E Acme,${month},USD`);
  expect(csv).toMatch(/Total,TOTAL,,,100000,,10\.35/);

  // The partner of E2E Acme sees both (void and reissued), read-only; Globex's draft is not there.
  const partner = await freshPage(browser);
  await signIn(partner, "partner@e2e.test");
  await expect(partner).toHaveURL(/\/partner$/);
  await partner.goto("/partner/invoices");
  await expect(partner.getByRole("link", { name: reissuedNumber })).toBeVisible();
  await expect(partner.getByRole("link", { name: invoiceNumber })).toBeVisible();
  await expect(partner.getByText("E2E Globex")).toHaveCount(0);
  await partner.getByRole("link", { name: reissuedNumber }).click();
  await expect(partner.getByTestId("invoice-total")).toHaveText("$10.35");
  await expect(partner.getByRole("button", { name: /Finalize|Void|Reissue|Recalculate/ })).toHaveCount(0);
  await partner.context().close();
});
