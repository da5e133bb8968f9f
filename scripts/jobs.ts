// Runs Tollgate's background jobs without the web server: a worker process for deployments that keep jobs off the
// web replicas (JOBS_ENABLED=false there), and what the canary restart test stops and starts again.
//   npm run jobs                     all jobs
//   npm run jobs -- canary-rollouts  only the named ones
// Jobs take their lease in the database, so workers and web replicas never run one job twice at the same time.
import { isJobName, startScheduler, type JobName } from "../lib/jobs/scheduler";

const names = process.argv.slice(2);
const bad = names.filter((n) => !isJobName(n));
if (bad.length > 0) {
  console.error(
    `Unknown job(s): ${bad.join(", ")}. Known: usage-sync, rotation-expiry, finance-invoices, canary-rollouts.`,
  );
  process.exit(2);
}
startScheduler(names.length > 0 ? (names as JobName[]) : undefined);
console.log(`jobs running: ${names.length > 0 ? names.join(", ") : "all"} (Ctrl-C to stop)`);
// The scheduler's timers are unref'd so a web server can exit; this process exists to run them.
setInterval(() => undefined, 1 << 30);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
