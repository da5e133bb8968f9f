// Stops the process running the rollout engine in the middle of a step and starts it again: the rollout continues
// from its step and no step is applied twice. The engine runs exactly as in the console (the scheduler's
// "canary-rollouts" job) in a child process (`npm run jobs -- canary-rollouts`), killed with SIGKILL while its
// UpdateStage is in flight (the Local Gateway delays it, then applies it: the worst moment to die).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { operator, startCanaryFixture, type CanaryFixture } from "./canary-fixture";

let fx: CanaryFixture;
let rollouts: typeof import("@/lib/db/rollouts");
const children: ChildProcess[] = [];

beforeAll(async () => {
  fx = await startCanaryFixture();
  rollouts = await import("@/lib/db/rollouts");
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await fx?.close();
});

function startWorker(): ChildProcess {
  // node itself with tsx's loader (the tsx CLI would run the script in a grandchild that SIGKILL does not reach).
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "scripts/jobs.ts", "canary-rollouts"],
    {
      env: {
        ...process.env,
        TOLLGATE_MODE: "local",
        AWS_ENDPOINT_URL: fx.gw.url,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
        AUTH_SECRET: "restart-test-secret-restart-test-secret",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "inherit", "inherit"],
    },
  );
  children.push(child);
  return child;
}

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, ms: number): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

it("continues a rollout from its step after the engine's process is killed mid-step, applying no step twice", async () => {
  const { startRollout } = await import("@/lib/canary/commands");
  const { startRolloutSchema } = await import("@/lib/schemas/rollouts");
  const api = await fx.newApi();
  const r = await startRollout(
    operator,
    startRolloutSchema.parse({
      restApiId: api.restApiId,
      stageName: "prod",
      deployment: { kind: "new", description: "restart test" },
      overrides: { version: "v2" },
      steps: [
        { percent: 20, holdSeconds: 0 },
        { percent: 40, holdSeconds: 0 },
        { percent: 60, holdSeconds: 0 },
      ],
      gates: {
        max5xxPercent: 1,
        max5xxIncreasePoints: 0.5,
        maxP99Ms: 1500,
        maxP99Ratio: 1.5,
        minRequests: 10,
      },
      evaluationSeconds: 5,
    }),
  );
  await fx.resetCalls();

  // Bounded traffic for the whole test (at most 90 s, ~40 requests/s).
  let stop = false;
  const traffic = (async () => {
    const end = Date.now() + 90_000;
    while (!stop && Date.now() < end) {
      await fx.traffic(api.restApiId, 20);
      await new Promise((res) => setTimeout(res, 400));
    }
  })();

  try {
    // Every UpdateStage now takes 3 s before API Gateway applies it.
    await fetch(`${fx.gw.url}/_localgateway/faults`, {
      method: "POST",
      body: JSON.stringify({ operation: "UpdateStage", rate: 1, latencyMs: 3000 }),
    });
    const first = startWorker();
    await until(
      "the first step's UpdateStage",
      async () => ((await fx.calls()).UpdateStage ?? 0) >= 1,
      40_000,
    );
    first.kill("SIGKILL");
    await new Promise((res) => first.once("exit", res));

    // Killed between sending and recording: the intent is in the database, the step is not.
    const dead = await rollouts.rolloutRow(r.id);
    expect(dead.stepIndex).toBe(0);
    expect(dead.pendingAction).toMatchObject({
      kind: "advance",
      toStep: 1,
      percent: 40,
    });
    // …and API Gateway applies it anyway.
    await until(
      "API Gateway to apply the step",
      async () => (await fx.stage(api.restApiId)).canarySettings?.percentTraffic === 40,
      10_000,
    );
    await fetch(`${fx.gw.url}/_localgateway/faults`, { method: "DELETE" });

    // A new process (another holder: it waits out the dead one's lease) resumes and finishes the rollout.
    startWorker();
    const done = await until(
      "the rollout to be promoted",
      async () => {
        const x = await rollouts.getRollout(operator, r.id);
        return x.status === "promoted" ? x : undefined;
      },
      75_000,
    );

    // One UpdateStage per step change: 40 % (sent once, by the killed process), 60 %, promote (copy + remove).
    expect((await fx.calls()).UpdateStage).toBe(4);
    const log = [...done.decisions].reverse();
    expect(log.filter((d) => d.action === "advance").map((d) => d.percent)).toEqual([40, 60]);
    // The interrupted step was completed without sending anything again.
    expect(log.find((d) => d.action === "advance" && d.percent === 40)!.applied).toEqual([]);
    expect(log.find((d) => d.action === "advance" && d.percent === 60)!.applied).toHaveLength(1);
    const stage = await fx.stage(api.restApiId);
    expect(stage.deploymentId).toBe(r.canaryDeploymentId);
    expect(stage.canarySettings).toBeUndefined();
  } finally {
    stop = true;
    await traffic;
  }
}, 150_000);
