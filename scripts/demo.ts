// `npm run demo`: the whole product on the embedded default. Migrates the SQLite database, seeds demo users,
// builds the console and serves it on http://127.0.0.1:3000, then prints the logins.
import { spawn, spawnSync } from "node:child_process";
import { hashPassword } from "../lib/auth/password";
import { seedUsers } from "../lib/db/seed";
import { env } from "../lib/env";
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from "./lib/demo-users";
import { enableWal, migrateDatabase } from "./lib/migrate";

const PORT = 3000;
const step = (s: string) => console.log(`\n▸ ${s}`);

step(`database: ${env.databaseKind} (${env.DATABASE_URL.replace(/\/\/[^@]*@/, "//…@")})`);
await migrateDatabase(env.DATABASE_URL, { quiet: true });
await enableWal(env.DATABASE_URL);
await seedUsers(DEMO_TENANTS, DEMO_USERS, await hashPassword(DEMO_PASSWORD));

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
server.on("exit", (code) => process.exit(code ?? 0));

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
console.log(
  `\nTollgate is running at ${url}  (Ctrl+C to stop)\n\nDemo logins (password for all: ${DEMO_PASSWORD}):`,
);
for (const u of DEMO_USERS)
  console.log(`  ${u.role.padEnd(9)} ${u.email}${u.tenant ? `  (tenant: ${u.tenant})` : ""}`);
console.log("");
