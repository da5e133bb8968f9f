// npm run bench:finance — wall time of a monthly invoice run (100 tenants, 10,000 keys) and server time of the
// usage report over 3.65 million daily rows (10,000 keys × 365 days), on SQLite and on PostgreSQL, each in a
// dedicated throwaway database, with a baseline (a plain SUM over the same rows) measured in the same run.
// Each provider runs in its own child process because the Prisma client is chosen once per process.
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const TENANTS = 100;
const KEYS = 10_000;
const DAYS = 365;
const YEAR = 2025;
const PG_SERVER = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

type Result = {
  provider: string;
  rows: number;
  loadSeconds: number;
  invoiceGenerateMs: number;
  invoiceJobMs: number;
  invoices: number;
  reportMs: number;
  reportGroups: number;
  baselineMs: number;
  rollupBuildMs: number;
  reportAfterSyncMs: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function child(provider: "sqlite" | "postgresql") {
  const url =
    provider === "sqlite"
      ? `file:${path.join(tmpdir(), `tollgate-bench-finance-${process.pid}.db`)}`
      : PG_SERVER.replace(/\/[^/?]*(\?|$)/, `/tollgate_bench_finance_${process.pid}$1`);
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = "silent";
  const { default: pg } = await import("pg");
  const admin = provider === "postgresql" ? new pg.Client({ connectionString: PG_SERVER }) : null;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE "tollgate_bench_finance_${process.pid}"`);
  }
  try {
    execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const { db } = await import("../../db/client");
    const { SYSTEM_ACTOR } = await import("../../auth/actor");
    const { createPricePlan, assignPricePlan } = await import("../../db/price-plans");
    const { generateInvoices } = await import("../../invoices/commands");
    const { finalizeDueInvoices } = await import("@/lib/invoices/finalize-due");
    const { usageByMonthAndTenant } = await import("../../db/finance-reports");
    const { refreshUsageRollup } = await import("../../db/usage-rollup");

    // Tenants, one price plan for all, assigned from before the year.
    const tenantIds: string[] = [];
    for (let i = 0; i < TENANTS; i++)
      tenantIds.push((await db.tenant.create({ data: { name: `Bench ${i}`, slug: `bench-${i}` } })).id);
    const plan = await createPricePlan(SYSTEM_ACTOR, {
      name: "Bench",
      currency: "USD",
      effectiveFrom: `${YEAR - 1}-01-01`,
      baseFee: 5000,
      includedRequests: 100_000,
      minimumCharge: 0,
      tierMode: "GRADUATED",
      tiers: [
        { upTo: 1_000_000, pricePerMillionMinor: 350 },
        { upTo: null, pricePerMillionMinor: 280 },
      ],
    });
    for (const t of tenantIds)
      await assignPricePlan(SYSTEM_ACTOR, {
        tenantId: t,
        planId: plan.id,
        effectiveFrom: `${YEAR - 1}-01-01`,
      });

    // 3.65 M usage rows: key k belongs to tenant k % 100, requests vary by key and day.
    const t0 = performance.now();
    // Rows were synced an hour ago (updatedAt), as after a normal sync.
    const synced = new Date(Date.now() - 3_600_000).toISOString();
    if (provider === "sqlite") {
      const { default: Database } = await import("better-sqlite3");
      const sqlite = new Database(url.slice(5));
      sqlite.pragma("synchronous = OFF");
      sqlite.exec(`CREATE TEMP TABLE bt(i INTEGER PRIMARY KEY, id TEXT)`);
      const insT = sqlite.prepare("INSERT INTO bt VALUES (?, ?)");
      tenantIds.forEach((t, i) => insT.run(i, t));
      sqlite.exec(`WITH RECURSIVE k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < ${KEYS - 1}),
        d(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM d WHERE d < ${DAYS - 1})
        INSERT INTO "usage_daily" ("id","apiKeyId","usagePlanId","tenantId","day","requests","updatedAt")
        SELECT 'u' || k || '_' || d, 'key' || k, 'plan' || (k % 7), bt.id, date('${YEAR}-01-01', '+' || d || ' days'),
               (k * 7 + d * 13) % 1000, '${synced.replace("Z", "+00:00")}'
        FROM k JOIN bt ON bt.i = k % ${TENANTS} CROSS JOIN d`);
      sqlite.exec("ANALYZE");
      sqlite.close();
    } else {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query("CREATE TEMP TABLE bench_tenants (i int, id text)");
      await c.query(
        "INSERT INTO bench_tenants SELECT ord - 1, id FROM unnest($1::text[]) WITH ORDINALITY AS t(id, ord)",
        [tenantIds],
      );
      for (let k0 = 0; k0 < KEYS; k0 += 1000)
        await c.query(
          `INSERT INTO "usage_daily" ("id","apiKeyId","usagePlanId","tenantId","day","requests","updatedAt")
           SELECT 'u' || k || '_' || d, 'key' || k, 'plan' || (k % 7), bt.id,
                  to_char(date '${YEAR}-01-01' + d, 'YYYY-MM-DD'), (k * 7 + d * 13) % 1000, $3::timestamp
           FROM generate_series($1::int, $2::int) k CROSS JOIN generate_series(0, ${DAYS - 1}) d
           JOIN bench_tenants bt ON bt.i = k % ${TENANTS}`,
          [k0, Math.min(k0 + 999, KEYS - 1), synced.slice(0, -1)],
        );
      await c.query('VACUUM ANALYZE "usage_daily"');
      await c.end();
    }
    const loadSeconds = (performance.now() - t0) / 1000;
    const rows = await db.usageDaily.count();

    // Monthly invoice run for December: drafts for all 100 tenants, then the job (re-price + finalize all).
    const [invoiceGenerateMs] = await timed(() =>
      generateInvoices(SYSTEM_ACTOR, `${YEAR}-12`, new Date(`${YEAR + 1}-01-02T00:00:00Z`)),
    );
    const [invoiceJobMs, job] = await timed(() =>
      finalizeDueInvoices(new Date(`${YEAR + 1}-01-05T00:00:00Z`)),
    );

    // The monthly rollup is built once after the bulk load (a fresh install's first report pays this).
    const [rollupBuildMs] = await timed(() => refreshUsageRollup());
    // Usage report over the whole year (all 3.65 M rows) vs a plain SUM over the same rows; median of 3.
    const report: number[] = [];
    const base: number[] = [];
    let groups = 0;
    for (let i = 0; i < 3; i++) {
      const [ms, r] = await timed(() => usageByMonthAndTenant(SYSTEM_ACTOR, `${YEAR}-01`, `${YEAR}-12`));
      report.push(ms);
      groups = r.length;
      base.push((await timed(() => db.$queryRawUnsafe('SELECT SUM("requests") AS s FROM "usage_daily"')))[0]);
    }
    // A day of new usage synced (10,000 rows of Dec 31 updated now): the next report rebuilds that month.
    await db.usageDaily.updateMany({ where: { day: `${YEAR}-12-31` }, data: { requests: { increment: 1 } } });
    const [reportAfterSyncMs] = await timed(() =>
      usageByMonthAndTenant(SYSTEM_ACTOR, `${YEAR}-01`, `${YEAR}-12`),
    );
    const result: Result = {
      rollupBuildMs,
      reportAfterSyncMs,
      provider,
      rows,
      loadSeconds,
      invoiceGenerateMs,
      invoiceJobMs,
      invoices: job.finalized.length,
      reportMs: median(report),
      reportGroups: groups,
      baselineMs: median(base),
    };
    console.log(`RESULT ${JSON.stringify(result)}`);
    await db.$disconnect();
  } finally {
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "tollgate_bench_finance_${process.pid}" WITH (FORCE)`);
      await admin.end();
    } else for (const s of ["", "-wal", "-shm"]) rmSync(url.slice(5) + s, { force: true });
  }
}

function parent() {
  const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
  console.log(
    `bench:finance — ${TENANTS} tenants, ${KEYS.toLocaleString()} keys, ${DAYS} days (goal: under 1 s each)\n`,
  );
  for (const provider of ["sqlite", "postgresql"]) {
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, provider], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (!line) {
      console.log(`${provider}: failed (exit ${r.status})\n${r.stdout}`);
      continue;
    }
    const x = JSON.parse(line.slice(7)) as Result;
    console.log(
      `${x.provider} (${x.rows.toLocaleString()} usage rows, loaded in ${x.loadSeconds.toFixed(1)} s)`,
    );
    console.log(`  invoice run, drafts for December (100 tenants, 10,000 keys): ${fmt(x.invoiceGenerateMs)}`);
    console.log(`  invoice job, re-price + finalize ${x.invoices} invoices:        ${fmt(x.invoiceJobMs)}`);
    console.log(`  usage report, year by tenant × month (${x.reportGroups} groups):     ${fmt(x.reportMs)}`);
    console.log(`  baseline: SELECT SUM(requests) over the same rows:             ${fmt(x.baselineMs)}`);
    console.log(`  (one-off) monthly rollup build after the bulk load:            ${fmt(x.rollupBuildMs)}`);
    console.log(
      `  usage report right after a day of usage was synced:           ${fmt(x.reportAfterSyncMs)}\n`,
    );
  }
}

const arg = process.argv[2];
if (arg === "sqlite" || arg === "postgresql") await child(arg);
else parent();
