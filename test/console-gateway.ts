// The console's integration tests against a real Local Gateway: one gateway on port 0 with a temp data dir, the demo
// upstream, the demo seed, and the console's own SDK clients (lib/aws) pointed at it. Import this before anything
// that imports lib/env: the environment it sets is read once, when lib/env is first loaded.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { StaffActor } from "@/lib/auth/actor";
import type { Gateway } from "@tollgate/local-gateway";
import type { DemoUpstream, SeedResult } from "@tollgate/local-gateway/demo";
import type { FakeClock } from "@tollgate/local-gateway/testing";
import { definedOnly } from "@/lib/utils/defined-only";

/** An operator actor for calls that take the actor (no database row needed: loaders re-check the role only). */
export const operator: StaffActor = {
  kind: "staff",
  id: "op",
  email: "op@test.example",
  name: "Op",
  role: "operator",
  tenantId: null,
};

export type ConsoleGateway = {
  gw: Gateway;
  upstream: DemoUpstream;
  seeded: SeedResult;
  /** Every control-plane call counted by the gateway itself (`/_localgateway/calls`). */
  gatewayCalls(): Promise<Record<string, number>>;
  close(): Promise<void>;
};

export async function startConsoleGateway(
  opts: {
    /** Data-directory prefix, for telling leftovers apart. */
    name?: string;
    /** A frozen clock, so time-based limits cannot pass on their own. */
    clock?: FakeClock;
    /**
     * Attempts per SDK call for the console's clients. Tests that assert throttling pass 1: the SDK would otherwise
     * wait out AWS's Retry-After (seconds each) before the test sees the refusal.
     */
    maxAttempts?: number;
  } = {},
): Promise<ConsoleGateway> {
  const { createGateway } = await import("@tollgate/local-gateway");
  const { startDemoUpstream, seedDemo } = await import("@tollgate/local-gateway/demo");
  const dataDir = mkdtempSync(path.join(tmpdir(), `tollgate-${opts.name ?? "console"}-`));
  const upstream = await startDemoUpstream({ port: 0 });
  const gw = await createGateway({
    port: 0,
    dataDir,
    controlLimits: false,
    ...definedOnly({ clock: opts.clock }),
  });
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  if (opts.maxAttempts !== undefined) process.env.AWS_MAX_ATTEMPTS = String(opts.maxAttempts);
  const seeded = await seedDemo({ endpoint: gw.url, upstreamUrl: upstream.url });
  return {
    gw,
    upstream,
    seeded,
    async gatewayCalls() {
      const body = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as {
        calls: Record<string, number>;
      };
      return body.calls;
    },
    async close() {
      await gw.close();
      await upstream.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
