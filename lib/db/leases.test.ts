import { describe, expect, it, vi } from "vitest";
import { uid } from "@/test/fixtures";
import { releaseLease, runUnderLease, tryAcquireLease } from "./leases";

describe("job leases", () => {
  it("lets one holder at a time run a job, renews for the holder, and frees on expiry or release", async () => {
    const job = `job-${uid()}`;
    const t0 = new Date();
    expect(await tryAcquireLease(job, "a", 60_000, t0)).toBe(true);
    expect(await tryAcquireLease(job, "b", 60_000, t0)).toBe(false);
    expect(await tryAcquireLease(job, "a", 60_000, t0)).toBe(true);
    expect(await tryAcquireLease(job, "b", 60_000, new Date(t0.getTime() + 61_000))).toBe(true);
    await releaseLease(job, "b");
    expect(await tryAcquireLease(job, "a", 60_000, new Date(t0.getTime() + 62_000))).toBe(true);
  });

  it("gives the lease to exactly one of many concurrent contenders", async () => {
    const job = `job-${uid()}`;
    const results = await Promise.all(["a", "b", "c", "d"].map((h) => tryAcquireLease(job, h, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});

describe("leases when things go wrong", () => {
  it("a database error while creating the lease is thrown, not read as 'held by someone else'", async () => {
    const { db } = await import("./client");
    const down = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    const spy = vi.spyOn(db.jobLease, "create").mockRejectedValueOnce(down);
    try {
      await expect(tryAcquireLease(`job-${uid()}`, "a", 60_000)).rejects.toThrow("ECONNREFUSED");
    } finally {
      spy.mockRestore();
    }
  });

  it("runUnderLease renews the lease during a long run and releases it afterwards", async () => {
    const { db } = await import("./client");
    const job = `job-${uid()}`;
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let finish!: () => void;
      const running = runUnderLease(
        job,
        "a",
        3_000,
        () => new Promise<string>((r) => (finish = () => r("done"))),
      );
      await vi.waitFor(async () =>
        expect(await db.jobLease.findUnique({ where: { name: job } })).not.toBeNull(),
      );
      const first = (await db.jobLease.findUniqueOrThrow({ where: { name: job } })).until.getTime();
      expect(await runUnderLease(job, "b", 3_000, async () => "never")).toEqual({ ran: false });
      await new Promise((r) => setTimeout(r, 5)); // the renewal below must land on a later instant
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(async () =>
        expect(
          (await db.jobLease.findUniqueOrThrow({ where: { name: job } })).until.getTime(),
        ).toBeGreaterThan(first),
      );
      finish();
      expect(await running).toEqual({ ran: true, result: "done" });
      expect(await tryAcquireLease(job, "b", 3_000)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
