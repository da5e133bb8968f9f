import { describe, expect, it } from "vitest";
import { quotaThreshold, rotationWarning } from "./kinds";

describe("quotaThreshold", () => {
  it.each([
    [0, 1000, null],
    [799, 1000, null],
    [800, 1000, 80],
    [999, 1000, 80],
    [1000, 1000, 100],
    [5000, 1000, 100],
    [4, 5, 80],
    [1, 0, null],
  ])("%i of %i → %s", (used, limit, want) => expect(quotaThreshold(used, limit)).toBe(want));
});

describe("rotationWarning", () => {
  const H = 3_600_000;
  it.each([
    [25 * H, null],
    [24 * H, 24],
    [2 * H, 24],
    [H, 1],
    [60_000, 1],
    [0, null],
    [-H, null],
  ])("%i ms left → %s", (ms, want) => expect(rotationWarning(ms)).toBe(want));
});
