import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./env";

/** A phone (iPhone 12–15 class) and the desktop width the issue's walk used. */
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1366, height: 900 };

/**
 * Every visible element whose box reaches past the right edge of the viewport, unless an ancestor clips it
 * (a scroll container or overflow-hidden box that itself fits). Also the page's own horizontal scroll width.
 * An empty list means nothing makes the page scroll sideways or sits off-screen.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out: string[] = [];
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== "visible" && p.getBoundingClientRect().right <= vw + 0.5) return true;
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue; // sr-only and empty boxes
      const s = getComputedStyle(el);
      if (s.visibility === "hidden" || s.display === "none") continue;
      if (r.right > vw + 0.5 && !clipped(el)) {
        const id = el.getAttribute("data-testid") ?? el.id;
        const text = (el.textContent ?? "").trim().slice(0, 40);
        out.push(
          `<${el.tagName.toLowerCase()}${id ? `#${id}` : ""}> "${text}" right=${Math.round(r.right)} > ${vw}`,
        );
      }
    }
    if (document.documentElement.scrollWidth > vw)
      out.push(`page scrolls sideways: scrollWidth ${document.documentElement.scrollWidth} > ${vw}`);
    return out;
  });
}

export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  expect(
    await overflowingElements(page),
    `${what}: elements past the right edge at ${page.viewportSize()?.width} px`,
  ).toEqual([]);
}

/** With E2E_SHOTS_DIR set (outside the repo), saves a full-page screenshot for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!E2E.shotsDir) return;
  mkdirSync(E2E.shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(E2E.shotsDir, `${name}.png`), fullPage: true });
}
