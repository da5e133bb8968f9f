import { describe, expect, it } from "vitest";
import { evaluate, MathError, type MathSeries, parseExpression, references } from "./metric-math";

const series = (entries: Array<[number, number]>): MathSeries => ({
  points: new Map(entries),
  periodMs: 60_000,
  startMs: 0,
});
const env = (vars: Record<string, MathSeries>) => ({ lookup: (id: string) => vars[id]!, endMs: 240_000 });
const run = (expr: string, vars: Record<string, MathSeries>) => {
  const v = evaluate(parseExpression(expr), env(vars));
  return typeof v === "number" ? v : [...v.points.entries()].sort((a, b) => a[0] - b[0]);
};

describe("metric math", () => {
  const e = series([
    [0, 1],
    [60_000, 0],
    [180_000, 3],
  ]);
  const c = series([
    [0, 4],
    [60_000, 10],
    [120_000, 5],
    [180_000, 0],
  ]);

  it("aligns series by timestamp and drops non-finite results", () => {
    expect(run("100*e/c", { e, c })).toEqual([
      [0, 25],
      [60_000, 0],
    ]);
  });

  it("honours precedence, parentheses and unary minus", () => {
    expect(run("2+3*4", {})).toBe(14);
    expect(run("(2+3)*4", {})).toBe(20);
    expect(run("-e + 1", { e })).toEqual([
      [0, 0],
      [60_000, 1],
      [180_000, -2],
    ]);
    expect(run("e - -1.5e0", { e })).toEqual([
      [0, 2.5],
      [60_000, 1.5],
      [180_000, 4.5],
    ]);
  });

  it("FILL fills every period of the range and ABS maps values", () => {
    expect(run("FILL(e, 0)", { e })).toEqual([
      [0, 1],
      [60_000, 0],
      [120_000, 0],
      [180_000, 3],
    ]);
    expect(run("100*FILL(e,0)/c", { e, c })).toEqual([
      [0, 25],
      [60_000, 0],
      [120_000, 0],
    ]);
    expect(run("ABS(0 - e)", { e })).toEqual([
      [0, 1],
      [60_000, 0],
      [180_000, 3],
    ]);
  });

  it("lists the ids an expression references", () => {
    expect([...references(parseExpression("100*(e1+e2)/FILL(c, 0)"))]).toEqual(["e1", "e2", "c"]);
  });

  it.each(["SEARCH('x', 'Sum', 60)", "IF(e > 1, e)", "e +", "(e", "e $ c", "", "FILL(e)", "METRICS()"])(
    "refuses %j",
    (expr) => expect(() => parseExpression(expr)).toThrow(MathError),
  );
});
