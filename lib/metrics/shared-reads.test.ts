import { describe, expect, it } from "vitest";
import { SharedReads } from "./shared-reads";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SharedReads", () => {
  it("runs one read for callers that arrive while it is in flight", async () => {
    const t = 0;
    const cache = new SharedReads<string>(10, () => t);
    const d = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return d.promise;
    };
    const all = Array.from({ length: 20 }, () => cache.get("stage-a", 10_000, load));
    d.resolve("series");
    expect(await Promise.all(all)).toEqual(Array(20).fill("series"));
    expect(loads).toBe(1);
    expect(cache.stats()).toMatchObject({ reads: 1, joined: 19 });
  });

  it("serves the result until the TTL has passed since it arrived, then reads again", async () => {
    let t = 0;
    const cache = new SharedReads<number>(10, () => t);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get("k", 10_000, load)).toBe(1);
    t = 9_999;
    expect(await cache.get("k", 10_000, load)).toBe(1);
    t = 10_000;
    expect(await cache.get("k", 10_000, load)).toBe(2);
    expect(cache.stats()).toMatchObject({ reads: 2, cached: 1 });
  });

  it("keeps different queries apart", async () => {
    const cache = new SharedReads<string>();
    const [a, b] = await Promise.all([
      cache.get("a", 1000, () => Promise.resolve("A")),
      cache.get("b", 1000, () => Promise.resolve("B")),
    ]);
    expect([a, b]).toEqual(["A", "B"]);
  });

  it("shares a failure with the waiting callers but does not cache it", async () => {
    let t = 0;
    const cache = new SharedReads<string>(10, () => t);
    const d = deferred<string>();
    const first = cache.get("k", 10_000, () => d.promise);
    const second = cache.get("k", 10_000, () => Promise.resolve("never"));
    d.reject(new Error("CloudWatch unavailable"));
    await expect(first).rejects.toThrow("CloudWatch unavailable");
    await expect(second).rejects.toThrow("CloudWatch unavailable");
    t = 1;
    expect(await cache.get("k", 10_000, () => Promise.resolve("fresh"))).toBe("fresh");
  });

  it("holds at most maxEntries settled results", async () => {
    let t = 0;
    const cache = new SharedReads<number>(3, () => t);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, 60_000, () => Promise.resolve(i));
    expect(cache.stats().entries).toBe(3);
    t = 1;
    let reloaded = false;
    await cache.get("k0", 60_000, () => {
      reloaded = true;
      return Promise.resolve(0);
    });
    expect(reloaded).toBe(true);
  });
});
