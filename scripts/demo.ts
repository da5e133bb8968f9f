// `npm run demo`: the whole product on the embedded default. Migrates the SQLite database, seeds demo users,
// starts the Local Gateway with its demo upstream, demo APIs, plans and keys (seeded through the AWS SDK,
// idempotently) and a bounded traffic generator, builds the console and serves it on http://127.0.0.1:3000
// against that gateway, then prints the logins.
import { spawn, spawnSync } from "node:child_process";
import { hashPassword } from "../lib/auth/password";
import { loadConfig } from "@tollgate/local-gateway";
import { startDemoStack } from "@tollgate/local-gateway/demo";
import { seedUsers } from "../lib/db/seed";
import { recordDemoKeys } from "../lib/db/demo-keys";
import { syntheticDays, writeUsageHistory } from "@tollgate/local-gateway/demo";
import { env } from "../lib/env";
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from "./lib/demo-users";
import { enableWal, migrateDatabase } from "./lib/migrate";
import { DAY_MS } from "../lib/dates";

const PORT = 3000;
// The SDK (used here to seed the Local Gateway) warns about Node 20 on every client; the README explains the plan.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const step = (s: string) => console.log(`\n▸ ${s}`);

step(`database: ${env.databaseKind} (${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")})`);
await migrateDatabase(env.DATABASE_URL, { quiet: true });
await enableWal(env.DATABASE_URL);
const tenantIds = await seedUsers(DEMO_TENANTS, DEMO_USERS, await hashPassword(DEMO_PASSWORD));

step("starting the Local Gateway, the demo upstream and the traffic generator");
const gatewayConfig = loadConfig();
const stack = await startDemoStack({
  gatewayPort: gatewayConfig.port,
  dataDir: gatewayConfig.dataDir,
  controlLimits: gatewayConfig.controlLimits,
  // In AWS each demo key carries customerId = the console's tenant id, as keys made in Tollgate do.
  tenants: [...tenantIds].map(([name, id], i) => ({
    id,
    name,
    plan: (["Gold", "Silver", "Bronze"] as const)[i % 3]!,
  })),
});

// The console owns the demo keys (ApiKeyRecord + Subscription), and the gateway gets 90 days of past usage for them
// (up to yesterday; today is the traffic generator's), so the usage pages and invoices have history at once.
step("recording the demo keys in the console and writing 90 days of usage history");
await recordDemoKeys(
  stack.seeded.keys.map((k) => ({
    tenantId: k.tenantId,
    keyId: k.keyId,
    planId: stack.seeded.usagePlans[k.plan],
  })),
);
writeUsageHistory(
  stack.gateway,
  stack.seeded.keys.map((k, i) => ({
    planId: stack.seeded.usagePlans[k.plan],
    keyId: k.keyId,
    days: syntheticDays(90, [900, 2400, 5200][i % 3]!, Date.now() - DAY_MS, i + 1),
  })),
);
process.env.AWS_ENDPOINT_URL = stack.endpoint;
if (env.awsEndpoint === stack.endpoint) {
  const { runJob } = await import("../lib/jobs/scheduler");
  const sync = await runJob("usage-sync");
  console.log(`  usage synced: ${JSON.stringify(sync.result ?? "another run holds the lease")}`);
} else {
  console.log("  the console's first scheduled sync (5 s after start) pulls the usage");
}

if (!process.argv.includes("--no-build")) {
  step("building the console (next build)…");
  const build = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

step("starting the console");
const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => void stack.close().finally(() => process.exit(code ?? 0)));

const url = `http://127.0.0.1:${PORT}`;
for (let i = 0; i < 100; i++) {
  if (
    await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  await new Promise((r) => setTimeout(r, 300));
}
const { restApis, usagePlans } = stack.seeded;
console.log(`\nTollgate is running at ${url}  (Ctrl+C to stop)`);
console.log(`\nLocal Gateway (the console's AWS endpoint): ${stack.endpoint}`);
console.log(
  `  REST APIs: payments ${restApis.payments} (stages dev, prod with a 10 % canary), weather ${restApis.weather}`,
);
console.log(`  usage plans: ${Object.keys(usagePlans).join(", ")}; demo traffic ~10 requests a second`);
console.log(
  `  try: curl -i ${stack.endpoint}/restapis/${restApis.payments}/prod/_user_request_/payments   (403 without x-api-key)`,
);
console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS)
  console.log(`  ${u.role.padEnd(9)} ${u.email}${u.tenant ? `  (tenant: ${u.tenant})` : ""}`);
console.log("");
