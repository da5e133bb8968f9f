import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addUtcDays,
  addUtcMonths,
  daysInUtcMonth,
  shiftDays,
  startOfUtcMonth,
  utcDay,
  utcDayRange,
  utcMonth,
  utcWeekday,
} from "./index";

// A zone with daylight saving and a far offset, so any arithmetic that leaks the local zone shows.
const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "America/Los_Angeles";
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe("UTC calendar arithmetic", () => {
  it("runs in a zone that is not UTC", () => {
    expect(new Date("2026-03-08T12:00:00Z").getTimezoneOffset()).toBe(420);
  });

  it("days and months of an instant are the UTC ones", () => {
    expect(utcDay(new Date("2026-03-08T02:30:00Z"))).toBe("2026-03-08");
    expect(utcMonth(Date.parse("2026-01-31T23:59:59Z"))).toBe("2026-01");
    expect(startOfUtcMonth("2026-03").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("moves days across month, year and DST boundaries", () => {
    expect(addUtcDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(addUtcDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(addUtcDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(shiftDays(new Date("2026-03-07T10:00:00Z"), 1).toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  it("moves months and knows their lengths", () => {
    expect(addUtcMonths("2026-01", 1)).toBe("2026-02");
    expect(addUtcMonths("2026-01", -1)).toBe("2025-12");
    expect(addUtcMonths("2026-11", 14)).toBe("2028-01");
    expect(daysInUtcMonth("2024-02")).toBe(29);
    expect(daysInUtcMonth("2026-02")).toBe(28);
    expect(daysInUtcMonth("2026-03")).toBe(31);
  });

  it("ranges and weekdays", () => {
    expect(utcDayRange("2026-02-27", "2026-03-02")).toEqual([
      "2026-02-27",
      "2026-02-28",
      "2026-03-01",
      "2026-03-02",
    ]);
    expect(utcDayRange("2026-03-02", "2026-03-01")).toEqual([]);
    expect(utcWeekday("2026-03-08")).toBe(0);
    expect(utcWeekday("2026-03-14")).toBe(6);
  });
});
