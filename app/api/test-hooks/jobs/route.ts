import { NextResponse } from "next/server";
import { z } from "zod";
import { defineRoute } from "@/lib/auth/define-route";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { isJobName, JOBS, runInventorySweepNow, runJob } from "@/lib/jobs/scheduler";

const body = z.object({ job: z.string() });

/** Test hook (TEST_HOOKS=true only): runs a background job now and answers when it has finished. */
export const POST = defineRoute({
  permission: "ops.view",
  handler: async ({ req }) => {
    if (!env.TEST_HOOKS) throw notFound("Page");
    const parsed = body.safeParse(await req.json().catch(() => null));
    if (!parsed.success || !isJobName(parsed.data.job))
      return NextResponse.json({ error: `Send {job: ${Object.keys(JOBS).join(" | ")}}.` }, { status: 400 });
    for (let i = 0; i < 60; i++) {
      const out =
        parsed.data.job === "inventory-sync" ? await runInventorySweepNow() : await runJob(parsed.data.job);
      if (out.ran) return NextResponse.json({ ran: true, result: out.result });
      await new Promise((r) => setTimeout(r, 500)); // a scheduled run holds the lease: wait for it
    }
    return NextResponse.json({ ran: false }, { status: 409 });
  },
});
