import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { "server-only": new URL("./test/server-only-stub.ts", import.meta.url).pathname } },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
