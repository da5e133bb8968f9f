import { expect, type Browser, type Page } from "@playwright/test";
import { E2E } from "./env";

export async function signIn(page: Page, email: string, password = E2E.password) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Waits until React has hydrated the page (`<html data-hydrated>`), so a click reaches its handler. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

/** Opens a page and expects the 403 page (role-refused) rather than its content. */
export async function expectRefused(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: /403/ })).toBeVisible();
}

/** The gateway console: pages (refused with the 403 page) and route handlers (403) that only staff may open. */
export async function expectGatewayConsoleRefused(page: Page) {
  for (const path of [
    "/ops/apis",
    "/ops/metrics",
    "/ops/apis/rest/any/stages/prod",
    "/ops/apis/rest/any/stages/prod/rollout",
    "/ops/apis/v2/any",
    "/ops/rollouts",
    "/ops/rollouts/any",
    "/ops/drift",
  ]) {
    await expectRefused(page, path);
  }
  for (const url of [
    "/api/ops/metrics/stage?api=payments&stage=prod",
    "/api/ops/metrics/overview?t=REST:payments:prod",
    "/api/ops/rollouts/any",
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(403);
  }
}

export async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  // Wait for the shell to render before reading it, or a slow page reads an empty list.
  await expect(nav.getByRole("link").first()).toBeVisible();
  return (await nav.getByRole("link").allInnerTexts()).map((t) => t.trim());
}

export const unique = (prefix: string) =>
  `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The form-level message (Next's route announcer also has role="alert", so match our Alert component). */
export const formAlert = (page: Page) => page.locator('[data-slot="alert"]');

/** A page in a new context with no saved login (the runner would otherwise apply the project's storageState). */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  return context.newPage();
}
