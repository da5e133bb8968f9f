/** Next calls register() once per server process: start the background jobs there (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/env");
  if (!env.JOBS_ENABLED) return;
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
}
