import { existsSync } from "node:fs";

/**
 * The one place that decides which Chromium Playwright drives. These machines cannot download Playwright's own
 * browser, so Debian's chromium is used when present; elsewhere (CHROMIUM_PATH unset and no system chromium)
 * Playwright falls back to the browser it installed itself.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/lib/chromium/chromium", "/usr/bin/chromium"];
  return candidates.find((p): p is string => Boolean(p) && existsSync(p!));
}

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
