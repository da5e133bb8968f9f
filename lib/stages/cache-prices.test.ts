import { expect, it } from "vitest";
import { CACHE_SIZES } from "@/lib/schemas/stages";
import { CACHE_PRICES, formatCachePrice } from "./cache-prices";

it("has a price for every cache size AWS offers; only 0.5 GB is confirmed", () => {
  expect(Object.keys(CACHE_PRICES).sort()).toEqual([...CACHE_SIZES].sort());
  expect(
    Object.entries(CACHE_PRICES)
      .filter(([, p]) => p.confirmed)
      .map(([s]) => s),
  ).toEqual(["0.5"]);
  expect(Object.values(CACHE_PRICES).every((p) => Number.isInteger(p.microUsdPerHour))).toBe(true);
});

it.each([
  ["0.5", "$0.020/h (about $14.60 a month)"],
  ["6.1", "$0.200/h (about $146.00 a month, estimate)"],
  ["237", "$3.800/h (about $2,774.00 a month, estimate)"],
  ["9", "price unknown"],
])("%s GB → %s", (size, text) => expect(formatCachePrice(size)).toBe(text));
