// `npm test`: every test, in the order that fails fastest. Each step prints its own results; the script stops at
// the first failure with that step's exit code.
import { spawnSync } from "node:child_process";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};
const steps = [
  ["generated PostgreSQL schema is current", "node", ["scripts/db-generate.mjs", "--check"]],
  ["format (prettier)", "node_modules/.bin/prettier", ["--check", ".", "--log-level", "warn"]],
  ["lint", "node_modules/.bin/eslint", [".", "--max-warnings", "0"]],
  ["no import cycles in the console (dpdm)", "npm", ["run", "--silent", "check:cycles"]],
  ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ["unit, integration and data-layer tests (vitest)", "node_modules/.bin/vitest", ["run"]],
  ["production build for the browser tests", "node_modules/.bin/next", ["build"]],
  ["browser tests (playwright)", "node_modules/.bin/playwright", ["test", "-c", "e2e/playwright.config.ts"]],
];
const started = Date.now();
for (const [title, cmd, args] of steps) {
  if (title) console.log(`\n━━ ${title}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✗ step failed: ${title || `${cmd} ${args.join(" ")}`} (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  if (title) console.log(`   (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nall test steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
