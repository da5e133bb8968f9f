import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromium";
import { E2E } from "./env";
import { definedOnly } from "../lib/utils/defined-only";

const executablePath = chromiumExecutable();
const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: { args: CHROMIUM_ARGS, ...definedOnly({ executablePath }) },
};

/**
 * One project per role, each starting from a saved login (e2e/auth.setup.ts). The server is the production build
 * on a fresh database (e2e/server.ts), bound to 127.0.0.1.
 */
export default defineConfig({
  testDir: ".",
  outputDir: "../test-results",
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { baseURL: E2E.baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/, use: browser },
    ...(["admin", "operator", "finance", "partner"] as const).map((role) => ({
      name: role,
      testMatch: new RegExp(`${role}/.*\\.spec\\.ts`),
      dependencies: ["setup"],
      use: { ...browser, storageState: `e2e/.auth/${role}.json` },
    })),
    { name: "anonymous", testMatch: /anonymous\/.*\.spec\.ts/, dependencies: ["setup"], use: browser },
  ],
  webServer: {
    command: "node_modules/.bin/tsx --conditions=react-server e2e/server.ts",
    cwd: "..",
    url: `${E2E.baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
