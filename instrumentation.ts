/** Next calls register() once per server process: start the background jobs there (Node runtime only). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request: the sign-in throttle keys on the socket's address, which only this hook can see.
  const { installPeerHeader } = await import("./lib/security/peer-header");
  installPeerHeader();
  const { env } = await import("./lib/env");
  if (!env.JOBS_ENABLED) return;
  const { startScheduler } = await import("./lib/jobs/scheduler");
  startScheduler();
}
