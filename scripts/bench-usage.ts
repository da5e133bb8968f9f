// `npm run bench:usage`: 100 tenants, 10,000 keys in 3 plans and 90 days of usage on a dedicated SQLite file and a
// dedicated Local Gateway (own port, own data dir). Prints p50/p95 server time over 50 loads of the partner usage
// page and the operator keys page (the same loader functions the pages call) with the AWS calls each made, a
// database round-trip baseline from the same run, and the wall time and AWS calls of a full 4-day usage sync of
// all 10,000 keys paced to AWS's 10 requests a second control-plane budget (the gateway's AWS limits switched on).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { shiftDays } from "@/lib/dates";

const dir = mkdtempSync(path.join(tmpdir(), "tollgate-bench-usage-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.LOG_LEVEL = "silent";
process.env.TOLLGATE_MODE = "local";
process.env.JOBS_ENABLED = "false";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// This bench measures the sync's own pacing (8/s), not the console's share of the account (default 2/s).
process.env.AWS_CONTROL_PLANE_RPS ??= "8";

const TENANTS = 100;
const KEYS = 10_000;
const DAYS = 90;
const RUNS = 50;

const { createGateway } = await import("@tollgate/local-gateway");
const gw = await createGateway({ port: 0, dataDir: path.join(dir, "gateway"), controlLimits: false });
process.env.AWS_ENDPOINT_URL = gw.url;
const deadline = setTimeout(() => {
  console.error("bench:usage: gave up after 15 minutes");
  process.exit(1);
}, 15 * 60_000);
deadline.unref();

try {
  const { enableWal, migrateDatabase } = await import("./lib/migrate");
  await migrateDatabase(process.env.DATABASE_URL, { quiet: true });
  await enableWal(process.env.DATABASE_URL);
  const { db } = await import("../lib/db/client");
  const { createAwsPlan } = await import("../lib/aws/usage-plans");
  const { countAwsCalls } = await import("../lib/aws/accounting");
  const { savePlanSnapshots } = await import("../lib/db/subscriptions");
  const { setSyncState } = await import("../lib/db/usage");
  const { addKeys, syntheticDays, writeUsageHistory } = await import("@tollgate/local-gateway/demo");
  const { loadUsageView } = await import("@/lib/usage/loaders");
  const { loadKeysView } = await import("@/lib/keys/loaders");
  const { runUsageSync } = await import("@/lib/usage/sync");

  const t0 = Date.now();
  const plans: Awaited<ReturnType<typeof createAwsPlan>>[] = [];
  for (const [i, name] of ["Bronze", "Silver", "Gold"].entries())
    plans.push(
      await createAwsPlan({
        name,
        rateLimit: 10 * (i + 1),
        burstLimit: 20 * (i + 1),
        quotaLimit: 100_000 * (i + 1),
        quotaPeriod: "MONTH",
        apiStages: [],
      }),
    );
  await savePlanSnapshots(plans, { complete: true });
  const tenantIds = Array.from({ length: TENANTS }, (_, i) => `bench-tenant-${i}`);
  await db.tenant.createMany({
    data: tenantIds.map((id, i) => ({ id, name: `Bench tenant ${i}`, slug: `bench-tenant-${i}` })),
  });
  await db.subscription.createMany({
    data: tenantIds.map((tenantId, i) => ({ tenantId, usagePlanId: plans[i % 3]!.id })),
  });
  const keys = Array.from({ length: KEYS }, (_, n) => {
    const t = n % TENANTS;
    return { id: `bk${n.toString(36).padStart(5, "0")}`, tenantId: tenantIds[t]!, planId: plans[t % 3]!.id };
  });
  addKeys(
    gw,
    keys.map((k) => ({ id: k.id, name: `key ${k.id}`, customerId: k.tenantId, planId: k.planId })),
  );
  for (let i = 0; i < KEYS; i += 2000)
    await db.apiKeyRecord.createMany({
      data: keys.slice(i, i + 2000).map((k, j) => ({
        id: k.id,
        tenantId: k.tenantId,
        label: `Service ${i + j}`,
        environment: (i + j) % 2 ? "production" : "test",
        createdAt: shiftDays(new Date(), -((i + j) % 90)),
      })),
    });
  // 90 days of usage in the gateway and (as a previous sync would have left it) in usage_daily.
  const end = Date.now();
  let rows = 0;
  // Bulk insert straight through SQLite (Prisma's createMany would spend minutes on 900,000 rows of set-up).
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(process.env.DATABASE_URL.slice("file:".length));
  const insert = sqlite.prepare(
    "INSERT INTO usage_daily (id, apiKeyId, usagePlanId, tenantId, day, requests, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertAll = sqlite.transaction((data: (string | number)[][]) => {
    for (const r of data) insert.run(...r);
  });
  for (let i = 0; i < KEYS; i += 500) {
    const batch = keys
      .slice(i, i + 500)
      .map((k, j) => ({ k, days: syntheticDays(DAYS, 50 + ((i + j) % 200), end, i + j) }));
    writeUsageHistory(
      gw,
      batch.map(({ k, days }) => ({ planId: k.planId, keyId: k.id, days })),
    );
    const data = batch.flatMap(({ k, days }) =>
      Object.entries(days).map(([day, requests]) => [
        `u${k.id}${day}`,
        k.id,
        k.planId,
        k.tenantId,
        day,
        requests,
        Date.now(),
      ]),
    );
    insertAll(data);
    rows += data.length;
  }
  sqlite.close();
  await setSyncState({ lastSuccessAt: new Date() });
  console.log(
    `seeded ${TENANTS} tenants, ${KEYS.toLocaleString("en")} keys in 3 plans, ${rows.toLocaleString("en")} usage rows (${DAYS} days) in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );

  const partnerUser = await db.user.create({
    data: { email: "bench-partner@x.example", name: "Bench", role: "partner", tenantId: tenantIds[7]! },
  });
  const partner = {
    kind: "partner" as const,
    id: partnerUser.id,
    email: partnerUser.email,
    name: "Bench",
    role: "partner" as const,
    tenantId: tenantIds[7]!,
    tenantName: "Bench tenant 7",
  };
  const operator = {
    kind: "staff" as const,
    id: "bench-operator",
    email: "op@x.example",
    name: "Op",
    role: "operator" as const,
    tenantId: null,
  };

  const pct = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
  };
  async function measure(name: string, fn: () => Promise<unknown>) {
    for (let i = 0; i < 3; i++) await fn(); // warm-up
    const times: number[] = [];
    let calls = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const { total } = await countAwsCalls(fn);
      times.push(performance.now() - t);
      calls += total;
    }
    console.log(
      `${name.padEnd(44)} p50 ${pct(times, 50).toFixed(1).padStart(7)} ms   p95 ${pct(times, 95).toFixed(1).padStart(7)} ms   AWS calls/render ${(calls / RUNS).toFixed(1)}`,
    );
  }
  console.log(`\nserver time over ${RUNS} loads (after 3 warm-ups):`);
  await measure("baseline: database round trip (SELECT 1)", () => db.$queryRawUnsafe("SELECT 1"));
  await measure("partner usage page (100 keys, 90 days)", () => loadUsageView(partner));
  let page = 0;
  await measure("operator keys page (10,000 keys, 50/page)", () =>
    loadKeysView(operator, { page: (page++ % 200) + 1, pageSize: 50 }),
  );
  await measure("operator keys page, search 'Service 99'", () =>
    loadKeysView(operator, { q: "Service 99", page: 1, pageSize: 50 }),
  );

  // A full sync of every key over 4 days, with AWS's control-plane limits enforced by the gateway; today's counts
  // move for every key so the sync really writes.
  const today = new Date(end).toISOString().slice(0, 10);
  const { readState, setControlLimits } = await import("@tollgate/local-gateway/testing");
  const usageNow = readState(gw).usage;
  writeUsageHistory(
    gw,
    keys.map((k) => ({
      planId: k.planId,
      keyId: k.id,
      days: { [today]: (usageNow[k.planId]?.[k.id]?.[today] ?? 0) + 3 },
    })),
  );
  await setControlLimits(gw, true);
  await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
  const result = await runUsageSync({ days: 4 });
  const seen = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as Record<string, unknown>;
  console.log(
    `\nfull sync, ${KEYS.toLocaleString("en")} keys × 4 days: ${(result.ms / 1000).toFixed(1)} s wall, ${result.awsCalls} AWS calls (${(result.awsCalls / (result.ms / 1000)).toFixed(1)} calls/s average, paced at ≤ 8/s; AWS budget 10/s), ${result.rowsWritten.toLocaleString("en")} rows written`,
  );
  console.log(`gateway saw: ${JSON.stringify(seen)}`);
  const again = await runUsageSync({ days: 4 });
  console.log(
    `re-sync of the same window: ${(again.ms / 1000).toFixed(1)} s, ${again.awsCalls} AWS calls, ${again.rowsWritten} rows written (idempotent)`,
  );
  await db.$disconnect();
} finally {
  await gw.close();
  rmSync(dir, { recursive: true, force: true });
}
