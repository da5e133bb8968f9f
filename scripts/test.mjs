// `npm test`: every test, in the order that fails fastest. Steps in one group run at the same time (their output is
// printed whole, one step after the other, as each finishes); the script stops after the first group with a failure,
// with that step's exit code. What runs together was measured on 2 cores: the static checks share the CPU well, and
// the slow vitest project (it mostly waits on a child process) costs the production build almost nothing.
import { spawn } from "node:child_process";

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
};
const bin = (name) => `node_modules/.bin/${name}`;
const groups = [
  [
    ["generated PostgreSQL schema is current", "node", ["scripts/db-generate.mjs", "--check"]],
    ["format (prettier)", bin("prettier"), ["--check", ".", "--log-level", "warn"]],
    ["lint", bin("eslint"), [".", "--max-warnings", "0"]],
    ["no import cycles in the console (dpdm)", "npm", ["run", "--silent", "check:cycles"]],
    ["typecheck", "npm", ["run", "--silent", "typecheck"]],
  ],
  [["unit, integration and data-layer tests (vitest)", bin("vitest"), ["run", "--project", "!slow"]]],
  [
    ["production build for the browser tests", bin("next"), ["build"]],
    [
      "slow tests (vitest project slow: process kill and restart)",
      bin("vitest"),
      ["run", "--project", "slow"],
    ],
  ],
  [["browser tests (playwright)", bin("playwright"), ["test", "-c", "e2e/playwright.config.ts"]]],
];

/** Runs one step; alone it streams its output, beside others it buffers it so the log stays readable. */
function run([title, cmd, args], alone) {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"] });
    const out = [];
    child.stdout?.on("data", (d) => out.push(d));
    child.stderr?.on("data", (d) => out.push(d));
    child.on("close", (code, signal) => {
      const seconds = ((Date.now() - t0) / 1000).toFixed(1);
      if (!alone) {
        console.log(`\n━━ ${title}`);
        process.stdout.write(Buffer.concat(out));
      }
      console.log(`   (${seconds} s)`);
      resolve({ title, cmd, args, status: code, signal });
    });
  });
}

const started = Date.now();
for (const group of groups) {
  const alone = group.length === 1;
  if (alone) console.log(`\n━━ ${group[0][0]}`);
  const results = await Promise.all(group.map((step) => run(step, alone)));
  const failed = results.find((r) => r.status !== 0);
  if (failed) {
    console.error(`\n✗ step failed: ${failed.title} (exit ${failed.status ?? failed.signal})`);
    process.exit(failed.status ?? 1);
  }
}
console.log(`\nall test steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
