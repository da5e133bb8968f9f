import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export { expect };
export type { Browser, Locator, Page } from "@playwright/test";

/**
 * Every spec imports `test` from here: it fails the test on any Content-Security-Policy violation the browser
 * reports, in the default page and in any page opened during the test (freshPage, popups). Violations are caught
 * twice over: the browser's console message and a `securitypolicyviolation` listener installed before any script.
 */
const violations: string[] = [];

const REPORT = "tollgate-csp-violation:";
const CONSOLE_CSP = /Content Security Policy|Refused to (execute|load|apply|evaluate|connect|frame)/i;

/**
 * Every `page.goto` of an HTML page also waits until React has hydrated it (`<html data-hydrated>`, set by
 * components/providers/hydration-mark.tsx), so the next click or choice reaches its handler: acting on the
 * server-rendered HTML before hydration loses the action (a dialog that never opens, a select whose value React
 * never sees). Pages that never hydrate (none today) only cost the wait.
 */
function waitForHydrationOnGoto(page: Page): void {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const res = await goto(url, options);
    if ((res?.headers()["content-type"] ?? "").includes("text/html"))
      await page
        .locator("html[data-hydrated]")
        .waitFor({ state: "attached", timeout: 15_000 })
        .catch(() => undefined);
    return res;
  };
}

export function guardContext(context: BrowserContext): void {
  void context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `${prefix} ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  }, REPORT);
  const watch = (page: Page) => {
    waitForHydrationOnGoto(page);
    return page.on("console", (m) => {
      const t = m.text();
      if (t.startsWith(REPORT) || (m.type() === "error" && CONSOLE_CSP.test(t)))
        violations.push(`${page.url()}: ${t}`);
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** For the one spec that proves the guard works: returns and clears what was caught so far. */
export function takeViolations(): string[] {
  return violations.splice(0);
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      violations.length = 0;
      guardContext(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const c = await newContext(...args);
        guardContext(c);
        return c;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, "Content-Security-Policy violations reported by the browser").toEqual([]);
    },
    { auto: true },
  ],
});
