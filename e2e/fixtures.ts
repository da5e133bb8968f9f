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

export function guardContext(context: BrowserContext): void {
  void context.addInitScript((prefix) => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `${prefix} ${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  }, REPORT);
  const watch = (page: Page) =>
    page.on("console", (m) => {
      const t = m.text();
      if (t.startsWith(REPORT) || (m.type() === "error" && CONSOLE_CSP.test(t)))
        violations.push(`${page.url()}: ${t}`);
    });
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
