import { describe, expect, it } from "vitest";
import { makeTenant, uid } from "@/test/fixtures";
import { db } from "./client";
import { recordReservedKey, releaseKeySlot, reserveKeySlot, RESERVATION_TTL_MS } from "./key-slots";

// Issue 13: 14 parallel key creations by one partner all passed a limit of 10. The slot is now taken atomically.
async function createInParallel(tenantId: string, n: number, limit: number) {
  return Promise.allSettled(
    Array.from({ length: n }, async () => {
      const slot = await reserveKeySlot(tenantId, limit);
      await new Promise((r) => setImmediate(r)); // the AWS call happens here; let the others run
      await recordReservedKey(slot, { id: `k-${uid()}`, tenantId, label: "L", environment: "production" });
    }),
  );
}

describe("key slots", () => {
  it("14 parallel creations with a limit of 10 make exactly 10 keys", async () => {
    const t = await makeTenant();
    const results = await createInParallel(t.id, 14, 10);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(4);
    for (const r of refused)
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/already has 10 keys/);
    expect(await db.apiKeyRecord.count({ where: { tenantId: t.id } })).toBe(10);
    expect(await db.keyReservation.count({ where: { tenantId: t.id } })).toBe(0);
  });

  it("counts keys being created; a released or stale slot is free again", async () => {
    const t = await makeTenant();
    const a = await reserveKeySlot(t.id, 2);
    await reserveKeySlot(t.id, 2, new Date(Date.now() - RESERVATION_TTL_MS - 1));
    await reserveKeySlot(t.id, 2);
    await expect(reserveKeySlot(t.id, 2)).rejects.toMatchObject({ code: "conflict" });
    await releaseKeySlot(a);
    await expect(reserveKeySlot(t.id, 2)).resolves.toEqual(expect.any(String));
  });

  it("other tenants do not wait on or count against each other", async () => {
    const [x, y] = [await makeTenant(), await makeTenant()];
    const results = await Promise.all([createInParallel(x.id, 3, 3), createInParallel(y.id, 3, 3)]);
    expect(results.flat().every((r) => r.status === "fulfilled")).toBe(true);
  });
});
