import { tmpdir } from "node:os";
import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Every run gets fresh databases: an SQLite file always, and a new PostgreSQL database when TEST_DATABASE_URL_PG
// points at a server (test/global-db.ts creates, migrates and finally drops them).
const run = `${process.pid}_${Date.now().toString(36)}`;
const sqliteUrl = `file:${path.join(tmpdir(), `tollgate-test-${run}.db`)}`;
const pgServer = process.env.TEST_DATABASE_URL_PG;
const pgUrl = pgServer ? pgServer.replace(/\/[^/?]*(\?|$)/, `/tollgate_test_${run}$1`) : undefined;
// Tests that compare whole-table row counts before and after (nothing written by bad input) get a database of their
// own: in the shared one, another file running at the same moment writes rows too.
const ownDbTests = ["test/bad-input.db.test.ts"];
const ownSqliteUrl = `file:${path.join(tmpdir(), `tollgate-test-${run}-own.db`)}`;
const ownPgUrl = pgUrl?.replace(`tollgate_test_${run}`, `tollgate_test_${run}_own`);

// The process-kill restart test spends its time waiting on a child process and the dead holder's lease.
const slowTests = ["test/canary-restart.int.test.ts"];

const shared = {
  resolve: {
    tsconfigPaths: true,
    alias: { "server-only": new URL("./test/server-only-stub.ts", import.meta.url).pathname },
  },
};
const base = {
  environment: "node" as const,
  setupFiles: ["test/setup.ts"],
  testTimeout: 20_000,
  hookTimeout: 60_000,
  pool: "forks" as const,
  globalSetup: ["test/global-db.ts"],
};

export default defineConfig({
  ...shared,
  test: {
    projects: [
      // The Local Gateway package runs as its own project with its own config (no database, no `@/*` alias).
      "packages/local-gateway",
      {
        ...shared,
        test: {
          ...base,
          name: "sqlite",
          include: ["lib/**/*.test.ts", "test/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
          exclude: [...slowTests, ...ownDbTests, ...configDefaults.exclude],
          env: { DATABASE_URL: sqliteUrl, TEST_DB_KIND: "sqlite" },
        },
      },
      {
        ...shared,
        test: {
          ...base,
          name: "sqlite-own-db",
          include: ownDbTests,
          env: { DATABASE_URL: ownSqliteUrl, TEST_DB_KIND: "sqlite" },
        },
      },
      {
        ...shared,
        test: {
          ...base,
          // Tests that mostly wait (child processes, leases running out): `npm test` runs them beside `next build`.
          name: "slow",
          include: slowTests,
          env: { DATABASE_URL: sqliteUrl, TEST_DB_KIND: "sqlite" },
        },
      },
      ...(pgUrl
        ? [
            {
              ...shared,
              test: {
                ...base,
                name: "postgresql",
                // The data layer and the authorization spec run again on PostgreSQL; pure logic does not need to.
                include: ["lib/db/**/*.test.ts", "test/**/*.db.test.ts"],
                exclude: [...ownDbTests, ...configDefaults.exclude],
                env: { DATABASE_URL: pgUrl, TEST_DB_KIND: "postgresql" },
              },
            },
            {
              ...shared,
              test: {
                ...base,
                name: "postgresql-own-db",
                include: ownDbTests,
                env: { DATABASE_URL: ownPgUrl!, TEST_DB_KIND: "postgresql" },
              },
            },
          ]
        : []),
    ],
  },
});
