// Starts the console for Playwright: fresh database, seeded e2e users, a fresh Local Gateway with the demo
// upstream as the console's AWS endpoint, and the production build (`next build` must have run).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E } from "./env";
import { E2E_USERS, E2E_TENANTS } from "./users";

const url = E2E.databaseUrl;
// Guard: e2e wipes its database, so it refuses anything that is not a local throwaway.
if (!/^file:|^postgres(ql)?:\/\/[^@]*@?(127\.0\.0\.1|localhost)[:/].*e2e/.test(url)) {
  throw new Error(`Refusing to run e2e against ${url}: use a local database whose name contains "e2e".`);
}
process.env.DATABASE_URL = url;
process.env.AUTH_SECRET ??= "e2e-secret-e2e-secret-e2e-secret-0123";
process.env.APP_URL = E2E.baseURL;
process.env.LOG_LEVEL ??= "warn";

if (url.startsWith("file:")) for (const s of ["", "-wal", "-shm"]) rmSync(url.slice(5) + s, { force: true });
else {
  const { default: pg } = await import("pg");
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/?]*(\?|$)/, "/postgres$1") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}
const { enableWal, migrateDatabase } = await import("../scripts/lib/migrate");
await migrateDatabase(url, { quiet: true });
await enableWal(url);
const { seedUsers } = await import("../lib/db/seed");
const { hashPassword } = await import("../lib/auth/password");
await seedUsers(E2E_TENANTS, E2E_USERS, await hashPassword(E2E.password));

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { createGateway } = await import("@tollgate/local-gateway");
const { startDemoUpstream } = await import("@tollgate/local-gateway/demo");
const gatewayDir = mkdtempSync(path.join(tmpdir(), "tollgate-e2e-gateway-"));
const upstream = await startDemoUpstream({ port: E2E.upstreamPort });
// Specs that test AWS's control-plane throttling switch it on for themselves over HTTP (PUT /_localgateway/config,
// POST /_localgateway/faults): they run in another process than this gateway.
const gateway = await createGateway({ port: E2E.gatewayPort, dataDir: gatewayDir, controlLimits: false });
process.env.AWS_ENDPOINT_URL = gateway.url;
process.env.TOLLGATE_MODE = "local";
// REST APIs with stages (payments, weather) for the usage-plan specs; no demo keys (tenants: []).
const { seedDemo } = await import("@tollgate/local-gateway/demo");
await seedDemo({ endpoint: gateway.url, upstreamUrl: upstream.url, tenants: [] });
// Lets specs move Tollgate's clock and run background jobs now (lib/clock.ts, app/api/test-hooks).
process.env.TEST_HOOKS = "true";
// The inventory sweeps this small estate in well under a second; specs that change the gateway behind Tollgate's
// back run `inventory-sync` through the test hook before they look (e2e/gateway-fixtures.ts syncInventory).
process.env.INVENTORY_SYNC_RPS ??= "50";
// Specs exercise pages, not Tollgate's control-plane budget (its tests are lib/aws/budget*.test.ts): above the
// gateway's own 10/s, so specs that switch the gateway's limits on still meet AWS's 429s.
process.env.AWS_CONTROL_PLANE_RPS ??= "50";

const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(E2E.port)], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  },
});
const shutdown = async () => {
  await gateway.close();
  await upstream.close();
  rmSync(gatewayDir, { recursive: true, force: true });
};
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill("SIGTERM"));
server.on("exit", (code) => void shutdown().finally(() => process.exit(code ?? 0)));
