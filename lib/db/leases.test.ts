import { describe, expect, it } from "vitest";
import { uid } from "@/test/fixtures";
import { releaseLease, tryAcquireLease } from "./leases";

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
