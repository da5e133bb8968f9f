import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

/** Runs `prisma migrate deploy` against `url`, creating the SQLite file's folder first. */
export async function migrateDatabase(url: string, opts: { quiet?: boolean } = {}): Promise<void> {
  if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    stdio: opts.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
  });
}

/** SQLite in WAL mode lets the console read while a job writes; the setting is stored in the file itself. */
export async function enableWal(url: string): Promise<void> {
  if (!url.startsWith("file:")) return;
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(url.slice("file:".length));
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
}
