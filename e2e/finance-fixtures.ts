// Test data for the finance specs: UsageDaily rows as the usage sync would write them, straight into the e2e
// database (the sync itself belongs to the usage-plans issue; here only its output matters).
import { randomUUID } from "node:crypto";
import { E2E } from "./env";
import { addUtcMonths, daysInUtcMonth, utcDayRange, utcMonth } from "../lib/dates";

export function lastMonthDays(now = new Date()): string[] {
  const month = addUtcMonths(utcMonth(now), -1);
  return utcDayRange(`${month}-01`, `${month}-${daysInUtcMonth(month)}`);
}

/** Inserts `perDay` requests on each day for a new key of the named tenant; returns the key id. */
export async function insertUsage(tenantName: string, days: string[], perDay: number): Promise<string> {
  const key = `e2e-key-${randomUUID().slice(0, 8)}`;
  const url = E2E.databaseUrl;
  const rows = days.map((day) => [randomUUID(), key, "e2e-usage-plan", day, perDay]);
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(url.slice("file:".length));
    try {
      const t = sqlite.prepare('SELECT "id" FROM "tenant" WHERE "name" = ?').get(tenantName) as {
        id: string;
      };
      const ins = sqlite.prepare(
        'INSERT INTO "usage_daily" ("id","apiKeyId","usagePlanId","day","requests","tenantId","updatedAt") VALUES (?,?,?,?,?,?,?)',
      );
      // Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset; match it.
      const stamp = new Date().toISOString().replace("Z", "+00:00");
      sqlite.transaction(() => {
        for (const r of rows) ins.run(...r, t.id, stamp);
      })();
    } finally {
      sqlite.close();
    }
  } else {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const t = await client.query('SELECT "id" FROM "tenant" WHERE "name" = $1', [tenantName]);
      for (const r of rows)
        await client.query(
          'INSERT INTO "usage_daily" ("id","apiKeyId","usagePlanId","day","requests","tenantId","updatedAt") VALUES ($1,$2,$3,$4,$5,$6,now())',
          [...r, t.rows[0].id],
        );
    } finally {
      await client.end();
    }
  }
  return key;
}
