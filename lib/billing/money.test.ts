import { describe, expect, it } from "vitest";
import { formatMinor, minorToDecimal, parseDecimalToMinor } from "./money";

describe("money text", () => {
  it.each([
    [0n, "USD", "$0.00"],
    [5n, "USD", "$0.05"],
    [123456789n, "USD", "$1,234,567.89"],
    [-1050n, "EUR", "−€10.50"],
    ["99", "CHF", "0.99 CHF"],
  ])("formatMinor(%s, %s) = %s", (v, c, want) => expect(formatMinor(v, c)).toBe(want));
  it("writes CSV decimals", () => {
    expect([minorToDecimal(-5n), minorToDecimal(123400n), minorToDecimal("7")]).toEqual([
      "-0.05",
      "1234.00",
      "0.07",
    ]);
  });
  it.each([
    ["10", 1000],
    ["10.5", 1050],
    ["0.05", 5],
    [" 3.50 ", 350],
    ["1.234", null],
    ["-1", null],
    ["abc", null],
    ["", null],
  ])("parseDecimalToMinor(%j) = %s", (t, want) => expect(parseDecimalToMinor(t)).toBe(want));
});
