// `npm run gateway` (start, print the endpoint, stop cleanly on SIGINT/SIGTERM) and `npm run gateway:reset`.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { loadConfig } from "./config";
import { createGateway } from "./server";

async function reset(): Promise<void> {
  const { dataDir, host, port } = loadConfig();
  const running = await fetch(`http://${host}:${port}/_localgateway/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (running) {
    console.error(
      `A Local Gateway is running on ${host}:${port}; stop it first, or it will write its state back on exit.`,
    );
    process.exitCode = 1;
    return;
  }
  let removed = 0;
  let files: string[] = [];
  try {
    files = readdirSync(dataDir);
  } catch {
    files = [];
  }
  for (const f of files) {
    // Only the gateway's own files: the account state and the CloudWatch metric store (and their temp files).
    if (/^(state\.json(\..*)?|metrics(\.json(\..*)?)?)$/.test(f)) {
      rmSync(path.join(dataDir, f), { recursive: true, force: true });
      removed++;
    }
  }
  console.log(
    `Local Gateway state wiped in ${path.resolve(dataDir)} (${removed} file${removed === 1 ? "" : "s"} removed).`,
  );
}

async function start(): Promise<void> {
  const gw = await createGateway();
  const { dataDir, controlLimits } = gw.ctx.config;
  console.log(`Local Gateway listening on ${gw.url}`);
  console.log(`  data: ${path.resolve(dataDir)}   control-plane limits: ${controlLimits ? "on" : "off"}`);
  console.log(
    `  use it with: AWS_ENDPOINT_URL=${gw.url} AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: saving state and stopping…`);
    gw.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

const command = process.argv[2] ?? "start";
if (command === "reset") await reset();
else if (command === "start") await start();
else {
  console.error(`Unknown command "${command}". Use: start | reset`);
  process.exitCode = 2;
}
