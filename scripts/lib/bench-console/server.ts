// The console under test: the production build (`next build` first when .next is missing or older than the
// sources) started with `next start` on a free port, one process per measured configuration.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { createServer } from "node:net";

const SOURCES = ["app", "lib", "components", "next.config.ts", "package.json", "prisma/schema.prisma"];

/** Newest modification time among the tracked sources the build depends on. */
function newestSource(): number {
  const files = execFileSync("git", ["ls-files", "--", ...SOURCES], { encoding: "utf8" }).split("\n");
  let newest = 0;
  for (const f of files) if (f && existsSync(f)) newest = Math.max(newest, statSync(f).mtimeMs);
  return newest;
}

/** Builds unless .next/BUILD_ID is newer than every source; returns what it did. */
export function ensureBuild(): string {
  const id = ".next/BUILD_ID";
  if (existsSync(id) && statSync(id).mtimeMs > newestSource()) return "reused the existing production build";
  const t0 = Date.now();
  execFileSync("node_modules/.bin/next", ["build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  return `ran next build (${((Date.now() - t0) / 1000).toFixed(0)} s)`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type Console = { url: string; stop(): Promise<void> };

/** Starts `next start` with `env` and waits (≤ 60 s) until /api/health answers. */
export async function startConsole(env: Record<string, string>): Promise<Console> {
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "node_modules/.bin/next",
    ["start", "-H", "127.0.0.1", "-p", String(port)],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, APP_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  let exited = false;
  child.once("exit", () => (exited = true));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error("the console exited during start-up (see its output above)");
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error("the console did not answer /api/health within 60 s");
}
