// The scheduler never runs a job twice at once in one process: its lease lets the same holder re-take it, so before
// this guard a 5 s tick started a second inventory sweep beside a running one (and a third, …), each sharing the
// sweep's pace. The sweep itself is replaced by a slow stand-in that counts how many run at once.
import { beforeAll, describe, expect, it, vi } from "vitest";

let running = 0;
let most = 0;
vi.mock("@/lib/inventory/sync", () => ({
  runInventorySync: async () => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, 300));
    running--;
    return { awsCalls: 0 };
  },
}));

let scheduler: typeof import("@/lib/jobs/scheduler");
beforeAll(async () => {
  scheduler = await import("@/lib/jobs/scheduler"); // imports every job's module: slow on a busy machine
});

describe("job scheduler", () => {
  it("runs a job at most once at a time in a process, and again once it has ended", async () => {
    const { runJob, startJob } = scheduler;
    const [a, b, c] = await Promise.all([
      runJob("inventory-sync"),
      runJob("inventory-sync"),
      startJob("inventory-sync"),
    ]);
    expect([a.ran, b.ran, c].filter(Boolean)).toHaveLength(1);
    expect(most).toBe(1);
    expect((await runJob("inventory-sync")).ran).toBe(true);
    expect(most).toBe(1);
  });
});
