import { NextResponse } from "next/server";
import { z } from "zod";
import { defineRoute } from "@/lib/auth/define-route";
import { advanceClock, now } from "@/lib/clock";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { days } from "@/lib/dates";

const body = z.object({
  advanceMs: z.number().int().min(0).max(days(400)),
});

/**
 * Test hook (exists only with TEST_HOOKS=true, which aws mode refuses): moves Tollgate's clock forward so e2e can
 * pass a rotation grace window without waiting.
 */
export const POST = defineRoute({
  permission: "ops.view",
  handler: async ({ req }) => {
    if (!env.TEST_HOOKS) throw notFound("Page");
    const parsed = body.safeParse(await req.json().catch(() => null));
    if (!parsed.success) return NextResponse.json({ error: "Send {advanceMs}." }, { status: 400 });
    const offsetMs = advanceClock(parsed.data.advanceMs);
    return NextResponse.json({ offsetMs, now: now().toISOString() });
  },
});
