import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { loadRollout } from "@/lib/canary/loaders";

/** One rollout with its decision log, polled by the live view. Database only: no AWS call. */
export const GET = defineRoute<{ id: string }>({
  permission: "ops.view",
  handler: async ({ actor, params }) => {
    const data = await loadRollout(actor, params.id);
    return NextResponse.json(data, { headers: { "cache-control": "no-store" } });
  },
});
