import { NextResponse } from "next/server";
import { defineRoute } from "@/lib/auth/define-route";
import { loadAwsBudgetStatus } from "@/lib/metrics/loaders";

/**
 * This replica's AWS budgets (rate, burst, tokens, queue per priority, calls/waits/429s per operation) and how
 * many chart reads were shared. Counters since the process started; no AWS call.
 */
export const GET = defineRoute({
  permission: "ops.view",
  handler: ({ actor }) =>
    Promise.resolve(
      NextResponse.json(loadAwsBudgetStatus(actor), { headers: { "cache-control": "no-store" } }),
    ),
});
