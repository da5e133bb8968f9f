import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";

/** Creates and migrates the project's fresh database before its tests, and removes it afterwards. */
export default async function setup(project: TestProject) {
  const url = project.config.env.DATABASE_URL as string | undefined;
  if (!url) return;
  const admin = url.startsWith("postgres") ? url.replace(/\/[^/?]*(\?|$)/, "/postgres$1") : null;
  const dbName = admin ? new URL(url).pathname.slice(1) : null;
  const psql = async (sql: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: admin! });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (admin) await psql(`CREATE DATABASE "${dbName}"`);
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return async () => {
    if (admin) await psql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    else
      for (const suffix of ["", "-wal", "-shm"]) rmSync(url.slice("file:".length) + suffix, { force: true });
  };
}
