import { GetMetricDataCommand, type MetricDataQuery, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HISTOGRAM_RELATIVE_ERROR } from "./histogram";
import { caught, type CloudWatchHarness, startCloudWatch, T0 } from "./test-gateway";

let h: CloudWatchHarness;
const at = (ms: number) => new Date(ms);
const dims = [{ Name: "ApiName", Value: "payments" }];
const q = (
  Id: string,
  MetricName: string,
  Stat: string,
  Period = 60,
  extra: Partial<MetricDataQuery> = {},
): MetricDataQuery => ({
  Id,
  MetricStat: { Metric: { Namespace: "Test", MetricName, Dimensions: dims }, Period, Stat },
  ...extra,
});
const get = (
  queries: MetricDataQuery[],
  start = T0,
  end = T0 + 120_000,
  extra: Record<string, unknown> = {},
) =>
  h.cw.send(
    new GetMetricDataCommand({
      MetricDataQueries: queries,
      StartTime: at(start),
      EndTime: at(end),
      ...extra,
    }),
  );

beforeAll(async () => {
  h = await startCloudWatch();
  await h.cw.send(
    new PutMetricDataCommand({
      Namespace: "Test",
      MetricData: [
        {
          MetricName: "Latency",
          Dimensions: dims,
          Timestamp: at(T0 + 10_000),
          Values: [1, 2, 3, 4, 10],
          Unit: "Milliseconds",
        },
        {
          MetricName: "Latency",
          Dimensions: dims,
          Timestamp: at(T0 + 70_000),
          Value: 5,
          Unit: "Milliseconds",
        },
        // Errors and requests for the metric-math test: minute 0: 1 of 4, minute 1: 0 of 10, minute 2: none of 5.
        { MetricName: "Errors", Dimensions: dims, Timestamp: at(T0), Value: 1 },
        { MetricName: "Errors", Dimensions: dims, Timestamp: at(T0 + 60_000), Value: 0 },
        {
          MetricName: "Requests",
          Dimensions: dims,
          Timestamp: at(T0),
          StatisticValues: { SampleCount: 4, Sum: 4, Minimum: 1, Maximum: 1 },
        },
        { MetricName: "Requests", Dimensions: dims, Timestamp: at(T0 + 60_000), Values: [1], Counts: [10] },
        { MetricName: "Requests", Dimensions: dims, Timestamp: at(T0 + 120_000), Values: [1], Counts: [5] },
      ],
    }),
  );
  const values = Array.from({ length: 1000 }, (_, i) => i + 1);
  const MetricData = [];
  for (let i = 0; i < values.length; i += 150) {
    MetricData.push({
      MetricName: "Spread",
      Dimensions: dims,
      Timestamp: at(T0 + 30_000),
      Values: values.slice(i, i + 150),
    });
  }
  await h.cw.send(new PutMetricDataCommand({ Namespace: "Test", MetricData }));
});
afterAll(() => h.gw.close());

describe("GetMetricData through the SDK", () => {
  it("returns each statistic on known data, newest first by default", async () => {
    const r = await get(
      ["Sum", "SampleCount", "Average", "Minimum", "Maximum"].map((s) => q(s.toLowerCase(), "Latency", s)),
    );
    const byId = Object.fromEntries(r.MetricDataResults!.map((x) => [x.Id, x]));
    expect(byId.sum!.Timestamps).toEqual([at(T0 + 60_000), at(T0)]);
    expect(byId.sum!.Values).toEqual([5, 20]);
    expect(byId.samplecount!.Values).toEqual([1, 5]);
    expect(byId.average!.Values).toEqual([5, 4]);
    expect(byId.minimum!.Values).toEqual([5, 1]);
    expect(byId.maximum!.Values).toEqual([5, 10]);
    expect(byId.sum!.StatusCode).toBe("Complete");
  });

  it("merges minutes into a longer Period", async () => {
    const r = await get([
      q("s", "Latency", "Sum", 120),
      q("a", "Latency", "Average", 120),
      q("x", "Latency", "Maximum", 120),
    ]);
    expect(r.MetricDataResults!.map((x) => x.Values)).toEqual([[25], [25 / 6], [10]]);
    expect(r.MetricDataResults![0]!.Timestamps).toEqual([at(T0)]);
  });

  it("answers pNN and pNN.N within the histogram's error bound", async () => {
    const stats = ["p50", "p90", "p99", "p99.9"];
    const r = await get(stats.map((s, i) => q(`p${i}`, "Spread", s)));
    stats.forEach((s, i) => {
      const exact = Math.ceil((Number(s.slice(1)) / 100) * 1000);
      const got = r.MetricDataResults![i]!.Values![0]!;
      expect(Math.abs(got - exact) / exact).toBeLessThanOrEqual(HISTOGRAM_RELATIVE_ERROR);
    });
  });

  it("rounds StartTime down to the minute and treats EndTime as exclusive", async () => {
    const r1 = await get([q("s", "Latency", "Sum")], T0 + 30_000, T0 + 60_000, {
      ScanBy: "TimestampAscending",
    });
    expect(r1.MetricDataResults![0]!.Timestamps).toEqual([at(T0)]);
    const r2 = await get([q("s", "Latency", "Sum")], T0 + 30_000, T0 + 60_001, {
      ScanBy: "TimestampAscending",
    });
    expect(r2.MetricDataResults![0]!.Timestamps).toEqual([at(T0), at(T0 + 60_000)]);
    const r3 = await get([q("s", "Latency", "Sum")], T0 + 60_000, T0 + 120_000);
    expect(r3.MetricDataResults![0]!.Values).toEqual([5]);
  });

  it("honours ScanBy and writes epoch seconds on the wire", async () => {
    const asc = await get([q("s", "Latency", "Sum")], T0, T0 + 120_000, { ScanBy: "TimestampAscending" });
    expect(asc.MetricDataResults![0]!.Values).toEqual([20, 5]);
    const wire = await h.raw("GetMetricData", {
      MetricDataQueries: [q("s", "Latency", "Sum")],
      StartTime: T0 / 1000,
      EndTime: (T0 + 120_000) / 1000,
    });
    const result = (wire.json.MetricDataResults as Array<{ Timestamps: number[] }>)[0]!;
    expect(result.Timestamps).toEqual([(T0 + 60_000) / 1000, T0 / 1000]);
  });

  it("pages with MaxDatapoints and NextToken across results", async () => {
    const queries = [q("a", "Requests", "Sum"), q("b", "Latency", "Sum"), q("c", "Requests", "SampleCount")];
    const full = await get(queries, T0, T0 + 180_000);
    const pages: Awaited<ReturnType<typeof get>>[] = [];
    let NextToken: string | undefined;
    do {
      const r = await get(queries, T0, T0 + 180_000, { MaxDatapoints: 2, NextToken });
      pages.push(r);
      NextToken = r.NextToken;
    } while (NextToken && pages.length < 10);
    expect(pages).toHaveLength(4); // 3 + 2 + 3 points
    // A result with points still to come on a later page is PartialData, also before its first point.
    expect(pages[0]!.MetricDataResults!.map((x) => x.StatusCode)).toEqual([
      "PartialData",
      "PartialData",
      "PartialData",
    ]);
    expect(pages[1]!.MetricDataResults!.map((x) => x.StatusCode)).toEqual([
      "Complete",
      "PartialData",
      "PartialData",
    ]);
    expect(pages[3]!.MetricDataResults!.map((x) => x.StatusCode)).toEqual([
      "Complete",
      "Complete",
      "Complete",
    ]);
    for (const p of pages)
      expect(p.MetricDataResults!.reduce((n, x) => n + x.Values!.length, 0)).toBeLessThanOrEqual(2);
    full.MetricDataResults!.forEach((res, i) => {
      expect(pages.flatMap((p) => p.MetricDataResults![i]!.Values!)).toEqual(res.Values);
      expect(pages.flatMap((p) => p.MetricDataResults![i]!.Timestamps!)).toEqual(res.Timestamps);
    });
    const e = await caught(() => get(queries, T0, T0 + 180_000, { NextToken: "bogus" }));
    expect(e.name).toBe("InvalidNextToken");
  });

  it("evaluates metric math 100*e/c aligned by timestamp, with FILL and ReturnData", async () => {
    const r = await get(
      [
        q("e", "Errors", "Sum", 60, { ReturnData: false }),
        q("c", "Requests", "SampleCount", 60, { ReturnData: false }),
        { Id: "rate", Expression: "100*e/c", Label: "Error rate" },
        { Id: "filled", Expression: "100*FILL(e, 0)/c" },
      ],
      T0,
      T0 + 180_000,
      { ScanBy: "TimestampAscending" },
    );
    expect(r.MetricDataResults!.map((x) => x.Id)).toEqual(["rate", "filled"]);
    expect(r.MetricDataResults![0]).toMatchObject({
      Label: "Error rate",
      Values: [25, 0],
      StatusCode: "Complete",
    });
    expect(r.MetricDataResults![1]!.Values).toEqual([25, 0, 0]);
    expect(r.MetricDataResults![1]!.Label).toBe("filled");
  });

  it("answers a metric without data with empty arrays and Complete, and a default label", async () => {
    const r = await get([q("none", "Nothing", "Sum")]);
    expect(r.MetricDataResults![0]).toMatchObject({
      Id: "none",
      Label: "Nothing",
      Timestamps: [],
      Values: [],
      StatusCode: "Complete",
    });
    const unit = await get([
      q("u", "Latency", "Sum", 60, {
        MetricStat: { ...q("u", "Latency", "Sum").MetricStat!, Unit: "Seconds" },
      }),
    ]);
    expect(unit.MetricDataResults![0]!.Values).toEqual([]);
  });
});

describe("GetMetricData validation", () => {
  it("accepts 500 queries and refuses 501 with ValidationError", async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => q(`m${i}`, "Latency", "Sum"));
    expect((await get(many(500))).MetricDataResults).toHaveLength(500);
    const e = await caught(() => get(many(501)));
    expect(e.name).toBe("ValidationException");
    expect(e.Code).toBe("ValidationError");
    expect(e.message).toBe("The collection MetricDataQueries must not contain more than 500 items.");
  });

  it.each([
    [
      "an uppercase first letter",
      [q("M1", "Latency", "Sum")],
      "ValidationException",
      /not matching the expected pattern/,
    ],
    ["a digit first", [q("1m", "Latency", "Sum")], "ValidationException", /not matching/],
    ["a dash", [q("m-1", "Latency", "Sum")], "ValidationException", /not matching/],
    [
      "duplicate ids",
      [q("m", "Latency", "Sum"), q("m", "Latency", "Average")],
      "ValidationException",
      /are not unique/,
    ],
    [
      "both MetricStat and Expression",
      [{ ...q("m", "Latency", "Sum"), Expression: "1" }],
      "ValidationException",
      /mutually exclusive/,
    ],
    ["neither MetricStat nor Expression", [{ Id: "m" }], "ValidationException", /Exactly one of/],
    ["an unknown reference", [{ Id: "x", Expression: "y*2" }], "ValidationException", /unknown id y/],
    ["a Period of 45", [q("m", "Latency", "Sum", 45)], "InvalidParameterValueException", /Period/],
    [
      "a high-resolution Period for old data",
      [q("m", "Latency", "Sum", 10)],
      "InvalidParameterValueException",
      /older than 3 hours/,
    ],
    ["an invalid Stat", [q("m", "Latency", "Median")], "InvalidParameterValueException", /valid statistic/],
    ["an unsupported Stat", [q("m", "Latency", "tm90")], "InvalidParameterValueException", /not supported/],
    [
      "an unsupported function",
      [{ Id: "x", Expression: "SEARCH('x', 'Sum', 60)" }],
      "InvalidParameterValueException",
      /Unsupported function SEARCH/,
    ],
  ])("refuses %s", async (_what, queries, name, message) => {
    // The clock is at T0 + 5 min; StartTime 4 h earlier makes the 3-hour rule apply.
    const e = await caught(() => get(queries as MetricDataQuery[], T0 - 4 * 3600_000));
    expect(e.name).toBe(name);
    expect(e.Type).toBe("Sender");
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.message).toMatch(message);
  });

  it("requires a Period multiple of 300 for a StartTime more than 15 days ago", async () => {
    const e = await caught(() => get([q("m", "Latency", "Sum", 60)], T0 - 16 * 86_400_000));
    expect(e.message).toMatch(/multiple of 300/);
    const ok = await get([q("m", "Latency", "Sum", 300)], T0 - 16 * 86_400_000, T0 + 600_000);
    expect(ok.MetricDataResults![0]!.Values).toEqual([25]);
  });

  it("sends query-compatible error headers and bodies on the wire", async () => {
    const r = await h.raw("GetMetricData", {
      MetricDataQueries: [q("m", "Latency", "Sum")],
      EndTime: T0 / 1000,
    });
    expect(r.status).toBe(400);
    expect(r.headers.get("x-amzn-query-error")).toBe("MissingParameter;Sender");
    expect(r.json).toEqual({
      __type: "com.amazonaws.cloudwatch#MissingParameter",
      message: "The parameter StartTime is required.",
    });
    const e = await caught(() => get([q("m", "Latency", "Sum")], T0 + 60_000, T0));
    expect([e.name, e.Code]).toEqual(["InvalidParameterValueException", "InvalidParameterValue"]);
  });
});
