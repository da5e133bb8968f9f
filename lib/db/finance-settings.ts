import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db } from "./client";

/** Days a previous month's drafts stay open for late usage before the job finalizes them. */
export const DEFAULT_GRACE_DAYS = 3;
const GRACE_KEY = "invoiceGraceDays";

export async function getGraceDays(): Promise<number> {
  const row = await db.financeSetting.findUnique({ where: { key: GRACE_KEY } });
  const v = row ? Number(JSON.parse(row.value)) : DEFAULT_GRACE_DAYS;
  return Number.isInteger(v) && v >= 0 ? v : DEFAULT_GRACE_DAYS;
}

export async function setGraceDays(actor: Actor, days: number): Promise<void> {
  assertCan(actor, "finance.manage");
  await db.financeSetting.upsert({
    where: { key: GRACE_KEY },
    create: { key: GRACE_KEY, value: JSON.stringify(days), updatedById: actor.id },
    update: { value: JSON.stringify(days), updatedById: actor.id },
  });
}
