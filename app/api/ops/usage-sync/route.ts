import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { startJob } from "@/lib/jobs/scheduler";
import { loadSyncState } from "@/lib/usage/loaders";

const noStore = { "cache-control": "no-store" };

/** Progress of the usage sync (polled by the operator's "Sync now" panel). */
export const GET = defineRoute({
  permission: "usage.sync",
  handler: async () => NextResponse.json(await loadSyncState(), { headers: noStore }),
});

/** Sync now: starts the same job the scheduler runs, unless a run (here or on another replica) holds the lease. */
export const POST = defineRoute({
  permission: "usage.sync",
  handler: async () => {
    const started = await startJob("usage-sync");
    return NextResponse.json(
      { started, message: started ? "Sync started." : "A sync is already running." },
      { status: started ? 202 : 409, headers: noStore },
    );
  },
});
