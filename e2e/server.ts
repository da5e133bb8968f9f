// Starts the console for Playwright: fresh database, seeded e2e users, production build (`next build` must have run).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
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

const server = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(E2E.port)], {
  stdio: "inherit",
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  },
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => server.kill("SIGTERM"));
server.on("exit", (code) => process.exit(code ?? 0));
