// Test data for the partner pages' layout and accessibility specs: what a partner has after a while (a key with a
// long label, a plan, usage, a finalized invoice), written straight into the e2e database. The flows that create
// them for real have their own specs (usage-plans-keys, finance/invoices); here only how the pages show them matters.
import { randomUUID } from "node:crypto";
import { E2E } from "./env";
import { lastMonthDays } from "./finance-fixtures";

type Sql = { sql: string; params: (string | number | null)[] };

async function run(statements: (tenantId: string) => Sql[], tenantName: string): Promise<void> {
  const url = E2E.databaseUrl;
  if (url.startsWith("file:")) {
    const { default: Database } = await import("better-sqlite3");
    const sqlite = new Database(url.slice("file:".length));
    try {
      const t = sqlite.prepare('SELECT "id" FROM "tenant" WHERE "name" = ?').get(tenantName) as {
        id: string;
      };
      sqlite.transaction(() => {
        for (const s of statements(t.id)) sqlite.prepare(s.sql).run(...s.params);
      })();
    } finally {
      sqlite.close();
    }
    return;
  }
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t = await client.query('SELECT "id" FROM "tenant" WHERE "name" = $1', [tenantName]);
    for (const s of statements(t.rows[0].id as string)) {
      let n = 0;
      await client.query(
        s.sql.replace(/\?/g, () => `$${++n}`),
        s.params,
      );
    }
  } finally {
    await client.end();
  }
}

/** Prisma's SQLite adapter stores DateTime as ISO text with an explicit offset; PostgreSQL takes the ISO text. */
const stamp = (d: Date) =>
  E2E.databaseUrl.startsWith("file:") ? d.toISOString().replace("Z", "+00:00") : d.toISOString();

/**
 * Gives the tenant an active key with a long label, a usage plan with a quota, last month's usage on that key and
 * a finalized invoice with a few lines. Returns the key id and the invoice id.
 */
export async function seedPartnerData(tenantName: string): Promise<{ keyId: string; invoiceId: string }> {
  const suffix = randomUUID().slice(0, 8);
  const keyId = `e2ekey${suffix}`;
  const planId = `e2eplan${suffix}`;
  const invoiceId = `e2einv${suffix}`;
  const days = lastMonthDays();
  const month = days[0]!.slice(0, 7);
  const now = new Date();
  const settings = JSON.stringify({
    rateLimit: 50,
    burstLimit: 100,
    quota: { limit: 1_000_000, period: "MONTH", offset: 0 },
    apiStages: [{ apiId: "payments", stage: "prod", methodThrottles: {} }],
  });
  await run(
    (tenantId) => [
      {
        sql: 'INSERT INTO "api_key_record" ("id","tenantId","label","environment","status","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?)',
        params: [
          keyId,
          tenantId,
          `Checkout service production ${suffix}`,
          "production",
          "ACTIVE",
          stamp(now),
          stamp(now),
        ],
      },
      {
        sql: 'INSERT INTO "usage_plan_snapshot" ("id","name","description","settings","updatedAt") VALUES (?,?,?,?,?)',
        params: [planId, `Phone plan ${suffix}`, "Partner plan for the layout specs", settings, stamp(now)],
      },
      {
        sql: 'INSERT INTO "subscription" ("id","tenantId","usagePlanId","since") VALUES (?,?,?,?)',
        params: [randomUUID(), tenantId, planId, stamp(now)],
      },
      ...days.map((day) => ({
        sql: 'INSERT INTO "usage_daily" ("id","apiKeyId","usagePlanId","day","requests","tenantId","updatedAt") VALUES (?,?,?,?,?,?,?)',
        params: [randomUUID(), keyId, planId, day, 123_456, tenantId, stamp(now)],
      })),
      {
        sql: 'INSERT INTO "invoice" ("id","tenantId","month","status","currency","requests","totalMinor","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?)',
        params: [
          invoiceId,
          tenantId,
          month,
          "DRAFT",
          "USD",
          123_456 * days.length,
          1_234_567,
          stamp(now),
          stamp(now),
        ],
      },
      ...[
        ["BASE_FEE", "Base fee, Enterprise Growth plan (prorated)", 1, 10_000, 10_000],
        ["TIER", "Requests 1 – 1,000,000, graduated tier 1", 1_000_000, 350, 350],
        ["TIER", "Requests above 1,000,000, graduated tier 2", 2_703_136, 280, 757],
        ["ADJUSTMENT", "Late usage correction for INV-2026-000001 (a long description)", 1_000, 0, 1_223_460],
      ].map(([kind, description, quantity, unit, amount], i) => ({
        sql: 'INSERT INTO "invoice_line" ("id","invoiceId","position","kind","description","quantity","unitPriceMinor","amountMinor","periodFrom","periodTo") VALUES (?,?,?,?,?,?,?,?,?,?)',
        params: [
          randomUUID(),
          invoiceId,
          i,
          kind!,
          description!,
          quantity!,
          unit!,
          amount!,
          days[0]!,
          days.at(-1)!,
        ],
      })),
      {
        sql: 'UPDATE "invoice" SET "status" = ?, "number" = ?, "finalizedAt" = ?, "activeKey" = ? WHERE "id" = ?',
        params: ["FINALIZED", `INV-E2E-${suffix}`, stamp(now), `${tenantId}:${month}:${suffix}`, invoiceId],
      },
    ],
    tenantName,
  );
  return { keyId, invoiceId };
}
