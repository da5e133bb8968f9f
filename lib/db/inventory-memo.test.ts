import { describe, expect, it } from "vitest";
import { MEMO_TTL_MS, bumpInventoryGeneration, memoInventoryRead } from "./inventory-memo";

let n = 0;
const counter = () => {
  const key = `k${++n}`;
  let reads = 0;
  return { key, reads: () => reads, read: async () => ++reads };
};

describe("inventory memo", () => {
  it("shares one read within the TTL and reads again after it", async () => {
    const c = counter();
    const t = Date.now();
    expect(await memoInventoryRead(c.key, c.read, t)).toBe(1);
    expect(await memoInventoryRead(c.key, c.read, t + MEMO_TTL_MS - 1)).toBe(1);
    expect(await memoInventoryRead(c.key, c.read, t + MEMO_TTL_MS)).toBe(2);
    expect(c.reads()).toBe(2);
  });

  it("reads again after any inventory write", async () => {
    const c = counter();
    expect(await memoInventoryRead(c.key, c.read)).toBe(1);
    bumpInventoryGeneration();
    expect(await memoInventoryRead(c.key, c.read)).toBe(2);
  });

  it("does not keep a read that overlapped a write", async () => {
    const c = counter();
    let release!: () => void;
    const slow = memoInventoryRead(c.key, async () => {
      await new Promise<void>((r) => (release = r));
      return 0; // what the table held before the write
    });
    bumpInventoryGeneration(); // the write lands while the read is in flight
    release();
    expect(await slow).toBe(0);
    expect(await memoInventoryRead(c.key, c.read)).toBe(1);
  });

  it("does not keep a failed read", async () => {
    const c = counter();
    await expect(memoInventoryRead(c.key, () => Promise.reject(new Error("db down")))).rejects.toThrow(
      "db down",
    );
    expect(await memoInventoryRead(c.key, c.read)).toBe(1);
  });
});
