import "server-only";
import { getV2Api } from "@/lib/aws/http-apis";
import { withPriority } from "@/lib/aws/priority";
import { getRestApi } from "@/lib/aws/rest-apis";
import { listAwsPlans } from "@/lib/aws/usage-plans";
import { getInvSyncState } from "@/lib/db/gateway-changes";
import { storedRestApiState, storedV2ApiState, syncSnapshot } from "@/lib/db/inventory";
import { AppError } from "@/lib/errors";
import { syncPlans, syncRestApi, syncV2Api, type SyncCtx } from "./objects";
import { inventoryScope } from "./scope";

/** Refresh of one object at most this often (per object, per replica): the button cannot spend the AWS budget. */
export const REFRESH_EVERY_MS = 10_000;
const lastRefresh = new Map<string, number>();

function claim(key: string, nowMs = Date.now()) {
  const last = lastRefresh.get(key) ?? 0;
  if (nowMs - last < REFRESH_EVERY_MS) {
    const wait = Math.ceil((REFRESH_EVERY_MS - (nowMs - last)) / 1000);
    throw new AppError(
      "throttled",
      `This was just read from AWS; you can refresh it again in ${wait} s.`,
      undefined,
      wait,
    );
  }
  lastRefresh.set(key, nowMs);
}

// Before the first sweep has finished, what a refresh reads is an import (no change events), as in the sweep.
async function ctx(): Promise<SyncCtx> {
  const scope = inventoryScope();
  const importing = !(await getInvSyncState(scope))?.lastSweepAt;
  return { scope, pace: async () => {}, importing };
}

/**
 * Re-reads one object from AWS into the inventory now, recording what changed as outside changes — a person asked,
 * so these run at the interactive priority. REST API: GetRestApi, GetStages, GetDeployments, GetResources (4 calls);
 * HTTP/WebSocket API: GetApi, GetStages, GetRoutes (3); usage plans: GetUsagePlans + GetUsagePlanKeys for changed plans.
 * Callers: the refresh-inventory action (ops.view) and page loaders reading through a missing object.
 */
export async function refreshObject(target: { kind: "rest" | "v2" | "plans"; id?: string }): Promise<void> {
  claim(`${target.kind}:${target.id ?? ""}`);
  await withPriority("interactive", async () => {
    const c = await ctx();
    if (target.kind === "rest" && target.id) {
      const api = await getRestApi(target.id);
      await syncRestApi(c, api, await storedRestApiState(c.scope, target.id), true);
    } else if (target.kind === "v2" && target.id) {
      const api = await getV2Api(target.id);
      await syncV2Api(c, api, await storedV2ApiState(c.scope, target.id), true);
    } else if (target.kind === "plans") {
      const readAt = new Date();
      const plans = await listAwsPlans();
      await syncPlans(c, plans, (await syncSnapshot(c.scope)).plans, readAt, 5);
    } else throw new AppError("invalid", "Nothing to refresh: name an API or the usage plans.");
  });
}
