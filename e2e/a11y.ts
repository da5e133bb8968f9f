import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The impacts the issue's sweep must keep at zero (axe also reports "moderate" and "minor", not counted here). */
const COUNTED = new Set(["serious", "critical"]);

export type A11yPage = {
  path: string;
  /** text the page's h1 contains once it has rendered */ heading: string | RegExp;
};

/** The serious and critical violations on the page as it is now: rule, impact, help, and the offending elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => COUNTED.has(v.impact ?? ""))
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(" ")} ${n.html.slice(0, 90)} ${n.any[0]?.message ?? ""}`)
          .join(" | ")}`,
    );
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules and axe's best practices) and fails on any serious or critical one. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  expect(await seriousViolations(page), `serious or critical accessibility violations on ${what}`).toEqual(
    [],
  );
}

/**
 * Opens each page in light and dark colours, waits for its heading, and sweeps it with axe; fails once at the end
 * with every page's violations, so one run shows all that is wrong.
 */
export async function sweep(page: Page, pages: A11yPage[]): Promise<void> {
  const found: string[] = [];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const p of pages) {
      await page.goto(p.path);
      await expect(page.getByRole("heading", { name: p.heading }).first()).toBeVisible();
      for (const v of await seriousViolations(page)) found.push(`${p.path} (${scheme}): ${v}`);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  expect(found, "serious or critical accessibility violations").toEqual([]);
}

/** The REST and HTTP API pages of the seeded estate, found through the APIs list (their ids are random). */
export async function gatewayPages(page: Page): Promise<A11yPage[]> {
  await page.goto("/ops/apis");
  const hrefs = await page
    .locator('a[href^="/ops/apis/"]')
    .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href") ?? ""))]);
  const rest = hrefs.find((h) => /^\/ops\/apis\/rest\/[^/]+$/.test(h));
  const restStage = hrefs.find((h) => /^\/ops\/apis\/rest\/[^/]+\/stages\/prod$/.test(h));
  const v2 = hrefs.find((h) => /^\/ops\/apis\/v2\/[^/]+$/.test(h));
  const v2Stage = hrefs.find((h) => /^\/ops\/apis\/v2\/[^/]+\/stages\/[^/]+$/.test(h));
  expect([rest, restStage, v2, v2Stage], "the seeded estate's API and stage links").not.toContain(undefined);
  return [
    { path: rest!, heading: /./ },
    { path: restStage!, heading: /prod/ },
    { path: `${restStage!}/rollout`, heading: /rollout/i },
    { path: v2!, heading: /./ },
    { path: v2Stage!, heading: /./ },
  ];
}
