// Drives the `tollgate` CLI (bin/tollgate.mjs) as a child process against the console under test, and creates
// automation API tokens through the token pages (the value is read from the one-time dialog).
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

const bin = path.resolve(import.meta.dirname, "../bin/tollgate.mjs");

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs `tollgate <args>` with TOLLGATE_URL/TOLLGATE_TOKEN set; resolves when it exits (or kills it at `timeoutMs`). */
export function tollgate(token: string, args: string[], timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, TOLLGATE_URL: E2E.baseURL, TOLLGATE_TOKEN: token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Creates a token on /ops/tokens or /partner/tokens and returns its value (shown once). */
export async function createTokenInUi(
  page: Page,
  where: "/ops/tokens" | "/partner/tokens",
  opts: { name: string; scopes: string[]; actsFor?: string },
): Promise<string> {
  await page.goto(where);
  await page.getByRole("button", { name: "New token" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill(opts.name);
  if (opts.actsFor) await dialog.getByLabel("Acts for").selectOption({ label: opts.actsFor });
  for (const s of opts.scopes) await dialog.getByLabel(new RegExp(`^${s.replace(".", "\\.")} —`)).check();
  await dialog.getByRole("button", { name: "Create token" }).click();
  const value = (await dialog.getByTestId("token-value").textContent())!.trim();
  expect(value).toMatch(/^tg_[\w-]{43}$/);
  await expect(dialog.getByRole("button", { name: /^Copy/ })).toBeVisible();
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  await expect(page.getByRole("row").filter({ hasText: opts.name })).toBeVisible();
  // Shown once: the list has only the prefix.
  await expect(page.getByText(value)).toHaveCount(0);
  return value;
}
