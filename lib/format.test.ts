import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

// Node re-reads TZ when it is assigned, so the formatting below really runs in Berlin (checked by the offsets).
const saved = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Europe/Berlin";
});
afterAll(() => {
  if (saved === undefined) delete process.env.TZ;
  else process.env.TZ = saved;
});

describe("formatDate / formatDateTime in a zone with daylight saving", () => {
  it("runs in Europe/Berlin (CET in winter, CEST after the change)", () => {
    expect(new Date("2026-01-15T12:00:00Z").getTimezoneOffset()).toBe(-60);
    expect(new Date("2026-03-29T01:30:00Z").getTimezoneOffset()).toBe(-120);
  });

  it("shows the UTC time on the night the clocks change", () => {
    expect(formatDateTime("2026-03-29T01:30:00Z")).toBe("2026-03-29 01:30:00 UTC");
    expect(formatDateTime(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29 00:30:00 UTC");
    expect(formatDateTime("2026-10-25T00:59:59Z")).toBe("2026-10-25 00:59:59 UTC");
    expect(formatDateTime("2026-10-25T01:00:00Z")).toBe("2026-10-25 01:00:00 UTC");
  });

  it("shows the UTC day, not the local one, around midnight", () => {
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("2026-06-30");
    expect(formatDate(new Date("2026-03-28T23:59:59Z"))).toBe("2026-03-28");
  });
});
