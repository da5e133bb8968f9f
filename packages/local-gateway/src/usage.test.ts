import { describe, expect, it } from "vitest";
import { emptyState, type UsagePlan } from "./state/types";
import {
  dayKey,
  parseDay,
  quotaPeriod,
  record,
  remaining,
  setRemaining,
  usageSeries,
  usedInPeriod,
} from "./usage";

const at = (iso: string) => Date.parse(iso);
const day = (iso: string) => new Date(iso).toISOString().slice(0, 10);

describe("quotaPeriod (UTC)", () => {
  it.each([
    ["DAY", 0, "2026-03-11T23:59:59Z", "2026-03-11", "2026-03-12"],
    ["DAY", 0, "2026-03-12T00:00:00Z", "2026-03-12", "2026-03-13"],
    // 2026-03-11 is a Wednesday: WEEK offset 0 starts on Sunday.
    ["WEEK", 0, "2026-03-11T10:00:00Z", "2026-03-08", "2026-03-15"],
    ["WEEK", 0, "2026-03-08T00:00:00Z", "2026-03-08", "2026-03-15"],
    ["WEEK", 3, "2026-03-10T10:00:00Z", "2026-03-04", "2026-03-11"],
    ["WEEK", 3, "2026-03-11T00:00:00Z", "2026-03-11", "2026-03-18"],
    ["MONTH", 0, "2026-02-28T23:00:00Z", "2026-02-01", "2026-03-01"],
    ["MONTH", 0, "2026-12-31T23:59:59Z", "2026-12-01", "2027-01-01"],
    ["MONTH", 14, "2026-01-10T00:00:00Z", "2025-12-15", "2026-01-15"],
    ["MONTH", 14, "2026-01-15T00:00:00Z", "2026-01-15", "2026-02-15"],
  ] as const)("%s offset %i at %s → [%s, %s)", (period, offset, now, start, end) => {
    const p = quotaPeriod({ period, offset }, at(now));
    expect([day(new Date(p.start).toISOString()), day(new Date(p.end).toISOString())]).toEqual([start, end]);
  });
});

describe("usage counters", () => {
  const plan: UsagePlan = {
    id: "p",
    name: "p",
    apiStages: [],
    tags: {},
    quota: { limit: 10, offset: 0, period: "WEEK" },
  };

  it("counts per UTC day, sums the current period and reports what remains", () => {
    const state = emptyState();
    const monday = at("2026-03-09T12:00:00Z");
    for (let i = 0; i < 3; i++) record(state, "p", "k", monday);
    expect(usedInPeriod(state, plan, "k", monday)).toBe(3);
    record(state, "p", "k", at("2026-03-10T00:00:01Z"));
    expect(state.usage.p?.k).toEqual({ "2026-03-09": 3, "2026-03-10": 1 });
    expect(usedInPeriod(state, plan, "k", at("2026-03-10T05:00:00Z"))).toBe(4);
    expect(remaining(state, plan, "k", at("2026-03-10T05:00:00Z"))).toBe(6);
    // A new week starts on Sunday 2026-03-15.
    expect(remaining(state, plan, "k", at("2026-03-15T00:00:00Z"))).toBe(10);
  });

  it("setRemaining adjusts the current period only, and never goes negative", () => {
    const state = emptyState();
    const now = at("2026-03-09T12:00:00Z");
    for (let i = 0; i < 4; i++) record(state, "p", "k", now);
    setRemaining(state, plan, "k", 2, now);
    expect(remaining(state, plan, "k", now)).toBe(2);
    for (let i = 0; i < 5; i++) record(state, "p", "k", now);
    expect(remaining(state, plan, "k", now)).toBe(0);
    expect(remaining(state, plan, "k", at("2026-03-16T00:00:00Z"))).toBe(10);
  });

  it("builds GetUsage rows with remaining at the end of each day", () => {
    const state = emptyState();
    record(state, "p", "k", at("2026-03-13T01:00:00Z"));
    record(state, "p", "k", at("2026-03-14T01:00:00Z"));
    record(state, "p", "k", at("2026-03-15T01:00:00Z"));
    expect(usageSeries(state, plan, "k", parseDay("2026-03-13")!, parseDay("2026-03-15")!)).toEqual([
      [1, 9],
      [1, 8],
      [1, 9],
    ]);
    expect(remaining(state, { ...plan, quota: undefined }, "k", 0)).toBeUndefined();
  });

  it("parses and formats days strictly", () => {
    expect(parseDay("2026-02-30")).toBeUndefined();
    expect(parseDay("2026-2-3")).toBeUndefined();
    expect(dayKey(parseDay("2026-02-28")! + 86_399_999)).toBe("2026-02-28");
  });
});
