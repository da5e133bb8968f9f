import { defineConfig } from "vitest/config";

// The Local Gateway's own tests: no database, no console code. The root config lists this project, so `npm test`
// at the repository root still runs them; `npx vitest run` inside this folder runs them alone.
export default defineConfig({
  test: {
    name: "local-gateway",
    environment: "node",
    include: ["src/**/*.test.ts", "conformance/**/*.test.ts"],
    setupFiles: ["./test-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
