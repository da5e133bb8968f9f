import {
  DeleteAlarmsCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  type ListMetricsCommandInput,
  type MetricDatum,
  PutMetricAlarmCommand,
  type PutMetricAlarmCommandInput,
  PutMetricDataCommand,
} from "@aws-sdk/client-cloudwatch";
import { afterEach, describe, expect, it } from "vitest";
import { caught, type CloudWatchHarness, startCloudWatch, T0 } from "./test-gateway";

const harnesses: CloudWatchHarness[] = [];
async function start(opts?: Parameters<typeof startCloudWatch>[0]) {
  const h = await startCloudWatch(opts);
  harnesses.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((h) => h.gw.close()));
});

const put = (h: CloudWatchHarness, MetricData: MetricDatum[], Namespace = "Test") =>
  h.cw.send(new PutMetricDataCommand({ Namespace, MetricData }));
const sumOf = async (
  h: CloudWatchHarness,
  MetricName: string,
  Stat = "Sum",
  Dimensions: Array<{ Name: string; Value: string }> = [],
) => {
  const r = await h.cw.send(
    new GetMetricDataCommand({
      MetricDataQueries: [
        {
          Id: "m",
          MetricStat: { Metric: { Namespace: "Test", MetricName, Dimensions }, Period: 3600, Stat },
        },
      ],
      StartTime: new Date(T0 - 3600_000),
      EndTime: new Date(T0 + 3600_000),
    }),
  );
  return r.MetricDataResults![0]!.Values!.reduce((a, b) => a + b, 0);
};

describe("PutMetricData", () => {
  it("accepts a gzip-compressed batch above 10 KB from the SDK", async () => {
    const h = await start();
    const encodings: string[] = [];
    h.cw.middlewareStack.add(
      (next) => async (args) => {
        const req = args.request as { headers: Record<string, string>; body: unknown };
        encodings.push(req.headers["content-encoding"] ?? "identity");
        return next(args);
      },
      { step: "finalizeRequest", name: "captureEncoding" },
    );
    const data: MetricDatum[] = Array.from({ length: 400 }, (_, i) => ({
      MetricName: "Batch",
      Dimensions: [{ Name: "Shard", Value: `shard-with-a-long-name-${i % 4}` }],
      Timestamp: new Date(T0 + (i % 3) * 60_000),
      Value: i,
    }));
    await put(h, data);
    expect(encodings).toEqual(["gzip"]);
    const total = await Promise.all(
      [0, 1, 2, 3].map((s) =>
        sumOf(h, "Batch", "SampleCount", [{ Name: "Shard", Value: `shard-with-a-long-name-${s}` }]),
      ),
    );
    expect(total).toEqual([100, 100, 100, 100]);
  });

  it.each([
    [
      "a timestamp older than two weeks",
      { MetricName: "x", Value: 1, Timestamp: new Date(T0 - 15 * 86400_000) },
      "InvalidParameterValueException",
      /two weeks/,
    ],
    [
      "a timestamp more than two hours ahead",
      { MetricName: "x", Value: 1, Timestamp: new Date(T0 + 3 * 3600_000) },
      "InvalidParameterValueException",
      /two hours/,
    ],
    [
      "Value with StatisticValues",
      { MetricName: "x", Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } },
      "InvalidParameterCombinationException",
      /mutually exclusive/,
    ],
    [
      "Values and Counts of different sizes",
      { MetricName: "x", Values: [1, 2], Counts: [1] },
      "InvalidParameterValueException",
      /same size/,
    ],
    ["NaN", { MetricName: "x", Value: NaN }, "InvalidParameterValueException", /NaN/],
    [
      "151 values",
      { MetricName: "x", Values: Array.from({ length: 151 }, () => 1) },
      "InvalidParameterValueException",
      /150/,
    ],
  ])("refuses %s and records nothing", async (_what, datum, name, message) => {
    const h = await start();
    const e = await caught(() => put(h, [{ MetricName: "ok", Value: 1 }, datum as MetricDatum]));
    expect(e.name).toBe(name);
    expect(e.message).toMatch(message);
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect((await h.cw.send(new ListMetricsCommand({ Namespace: "Test" }))).Metrics).toEqual([]);
  });

  it("keeps StorageResolution 1 data at one-second resolution", async () => {
    const h = await start();
    const base = T0 + 4 * 60_000;
    await put(h, [
      { MetricName: "HiRes", Value: 1, Timestamp: new Date(base + 1_000), StorageResolution: 1 },
      { MetricName: "HiRes", Value: 2, Timestamp: new Date(base + 12_000), StorageResolution: 1 },
      { MetricName: "HiRes", Value: 4, Timestamp: new Date(base + 14_000), StorageResolution: 1 },
    ]);
    const query = (Period: number) =>
      h.cw.send(
        new GetMetricDataCommand({
          MetricDataQueries: [
            {
              Id: "m",
              MetricStat: { Metric: { Namespace: "Test", MetricName: "HiRes" }, Period, Stat: "Sum" },
            },
          ],
          StartTime: new Date(base),
          EndTime: new Date(base + 60_000),
          ScanBy: "TimestampAscending",
        }),
      );
    const r10 = (await query(10)).MetricDataResults![0]!;
    expect(r10.Timestamps).toEqual([new Date(base), new Date(base + 10_000)]);
    expect(r10.Values).toEqual([1, 6]);
    expect((await query(60)).MetricDataResults![0]!.Values).toEqual([7]);
  });

  it("refuses the reserved AWS/ namespaces", async () => {
    const h = await start();
    const e = await caught(() => put(h, [{ MetricName: "Count", Value: 1 }], "AWS/ApiGateway"));
    expect([e.name, e.Code]).toEqual(["InvalidParameterValueException", "InvalidParameterValue"]);
  });
});

describe("ListMetrics", () => {
  it("filters by namespace, name and dimensions (extra dimensions still match) and pages", async () => {
    const h = await start();
    await put(h, [
      { MetricName: "m1", Dimensions: [{ Name: "X", Value: "1" }], Value: 1 },
      {
        MetricName: "m1",
        Dimensions: [
          { Name: "X", Value: "1" },
          { Name: "Y", Value: "2" },
        ],
        Value: 1,
      },
      { MetricName: "m2", Dimensions: [{ Name: "X", Value: "2" }], Value: 1 },
    ]);
    await put(h, [{ MetricName: "m1", Value: 1 }], "Other");
    const list = async (input: ListMetricsCommandInput) =>
      (await h.cw.send(new ListMetricsCommand(input))).Metrics!;
    expect(await list({ Namespace: "Test" })).toHaveLength(3);
    expect((await list({ MetricName: "m1" })).map((m) => m.Namespace).sort()).toEqual([
      "Other",
      "Test",
      "Test",
    ]);
    expect(await list({ Namespace: "Test", Dimensions: [{ Name: "X", Value: "1" }] })).toEqual([
      { Namespace: "Test", MetricName: "m1", Dimensions: [{ Name: "X", Value: "1" }] },
      {
        Namespace: "Test",
        MetricName: "m1",
        Dimensions: [
          { Name: "X", Value: "1" },
          { Name: "Y", Value: "2" },
        ],
      },
    ]);
    expect(await list({ Dimensions: [{ Name: "Y" }] })).toHaveLength(1);
    expect(await list({ Dimensions: [{ Name: "X", Value: "3" }] })).toEqual([]);
    expect(await list({ RecentlyActive: "PT3H" })).toHaveLength(4);
    h.clock.advance(4 * 3600_000);
    expect(await list({ RecentlyActive: "PT3H" })).toEqual([]);
    expect(await list({})).toHaveLength(4);

    await put(
      h,
      Array.from({ length: 600 }, (_, i) => ({ MetricName: `many${i}`, Value: 1 })),
      "Paged",
    );
    const first = await h.cw.send(new ListMetricsCommand({ Namespace: "Paged" }));
    expect(first.Metrics).toHaveLength(500);
    const second = await h.cw.send(
      new ListMetricsCommand({ Namespace: "Paged", NextToken: first.NextToken }),
    );
    expect(second.Metrics).toHaveLength(100);
    expect(second.NextToken).toBeUndefined();
  });
});

describe("Metric alarms", () => {
  const alarm = (extra: Partial<PutMetricAlarmCommandInput> = {}): PutMetricAlarmCommandInput => ({
    AlarmName: "errors-high",
    Namespace: "Test",
    MetricName: "Errors",
    Statistic: "Sum",
    Period: 60,
    EvaluationPeriods: 2,
    DatapointsToAlarm: 2,
    Threshold: 5,
    ComparisonOperator: "GreaterThanOrEqualToThreshold",
    ...extra,
  });
  const describeOne = async (h: CloudWatchHarness, name = "errors-high") =>
    (await h.cw.send(new DescribeAlarmsCommand({ AlarmNames: [name] }))).MetricAlarms![0]!;

  it("moves INSUFFICIENT_DATA → ALARM → OK → INSUFFICIENT_DATA as the injected clock advances", async () => {
    const h = await start({ clock: undefined });
    h.clock.set(T0 + 5_000);
    await h.cw.send(new PutMetricAlarmCommand(alarm()));
    const created = await describeOne(h);
    expect(created).toMatchObject({
      StateValue: "INSUFFICIENT_DATA",
      AlarmArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:errors-high",
    });
    expect(created.StateUpdatedTimestamp).toEqual(new Date(T0 + 5_000));

    await put(h, [{ MetricName: "Errors", Value: 6, Timestamp: new Date(T0) }]);
    h.clock.set(T0 + 60_000);
    await put(h, [{ MetricName: "Errors", Value: 7, Timestamp: new Date(T0 + 60_000) }]);
    h.clock.set(T0 + 120_000 + 5_000);
    const alarmed = await describeOne(h);
    expect(alarmed.StateValue).toBe("ALARM");
    expect(alarmed.StateReason).toMatch(/^Threshold Crossed: 2 out of the last 2 datapoints/);
    expect(alarmed.StateTransitionedTimestamp).toEqual(new Date(T0 + 125_000));

    await put(h, [{ MetricName: "Errors", Value: 1, Timestamp: new Date(T0 + 120_000) }]);
    h.clock.set(T0 + 180_000 + 5_000);
    expect((await describeOne(h)).StateValue).toBe("OK");

    h.clock.advance(10 * 60_000);
    h.gw.metrics.evaluateAlarms();
    expect((await describeOne(h)).StateValue).toBe("INSUFFICIENT_DATA");
    expect((await h.cw.send(new DescribeAlarmsCommand({ StateValue: "ALARM" }))).MetricAlarms).toEqual([]);
  });

  it("applies TreatMissingData and percentile (ExtendedStatistic) alarms", async () => {
    const h = await start();
    await h.cw.send(
      new PutMetricAlarmCommand(alarm({ AlarmName: "missing-breaches", TreatMissingData: "breaching" })),
    );
    await h.cw.send(
      new PutMetricAlarmCommand(alarm({ AlarmName: "missing-ok", TreatMissingData: "notBreaching" })),
    );
    await put(h, [
      { MetricName: "Latency", Values: [10, 20, 30, 1000], Timestamp: new Date(T0 + 5 * 60_000) },
    ]);
    await h.cw.send(
      new PutMetricAlarmCommand(
        alarm({
          AlarmName: "p99-slow",
          MetricName: "Latency",
          Statistic: undefined,
          ExtendedStatistic: "p99",
          EvaluationPeriods: 1,
          DatapointsToAlarm: 1,
          Threshold: 500,
        }),
      ),
    );
    h.clock.advance(60_000);
    h.gw.metrics.evaluateAlarms();
    const all = await h.cw.send(new DescribeAlarmsCommand({}));
    const states = Object.fromEntries(all.MetricAlarms!.map((a) => [a.AlarmName, a.StateValue]));
    expect(states).toEqual({ "missing-breaches": "ALARM", "missing-ok": "OK", "p99-slow": "ALARM" });
  });

  it("evaluates a metric-math alarm (Metrics with an expression)", async () => {
    const h = await start();
    await put(h, [
      { MetricName: "Errors", Value: 3, Timestamp: new Date(T0 + 4 * 60_000) },
      { MetricName: "Requests", Values: [1], Counts: [4], Timestamp: new Date(T0 + 4 * 60_000) },
    ]);
    const stat = (MetricName: string, Stat: string) => ({
      Metric: { Namespace: "Test", MetricName },
      Period: 60,
      Stat,
    });
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "error-rate",
        EvaluationPeriods: 1,
        Threshold: 50,
        ComparisonOperator: "GreaterThanThreshold",
        Metrics: [
          { Id: "e", MetricStat: stat("Errors", "Sum"), ReturnData: false },
          { Id: "c", MetricStat: stat("Requests", "SampleCount"), ReturnData: false },
          { Id: "rate", Expression: "100*e/c", ReturnData: true },
        ],
      }),
    );
    h.clock.set(T0 + 5 * 60_000 + 1_000);
    h.gw.metrics.evaluateAlarms();
    expect((await describeOne(h, "error-rate")).StateValue).toBe("ALARM");
  });

  it("filters by prefix and state, pages with MaxRecords, and deletes", async () => {
    const h = await start();
    for (const name of ["a-1", "a-2", "a-3", "b-1"])
      await h.cw.send(new PutMetricAlarmCommand(alarm({ AlarmName: name })));
    const page1 = await h.cw.send(new DescribeAlarmsCommand({ AlarmNamePrefix: "a-", MaxRecords: 2 }));
    expect(page1.MetricAlarms!.map((a) => a.AlarmName)).toEqual(["a-1", "a-2"]);
    const page2 = await h.cw.send(
      new DescribeAlarmsCommand({ AlarmNamePrefix: "a-", MaxRecords: 2, NextToken: page1.NextToken }),
    );
    expect(page2.MetricAlarms!.map((a) => a.AlarmName)).toEqual(["a-3"]);
    expect(page2.NextToken).toBeUndefined();
    expect(
      (await h.cw.send(new DescribeAlarmsCommand({ StateValue: "INSUFFICIENT_DATA" }))).MetricAlarms,
    ).toHaveLength(4);
    await h.cw.send(new DeleteAlarmsCommand({ AlarmNames: ["a-1", "b-1"] }));
    expect((await h.cw.send(new DescribeAlarmsCommand({}))).MetricAlarms!.map((a) => a.AlarmName)).toEqual([
      "a-2",
      "a-3",
    ]);
    const e = await caught(() => h.cw.send(new DeleteAlarmsCommand({ AlarmNames: ["nope"] })));
    expect([e.name, e.Code, e.$metadata?.httpStatusCode]).toEqual([
      "ResourceNotFound",
      "ResourceNotFound",
      404,
    ]);
  });

  it.each([
    [
      "both Statistic and ExtendedStatistic",
      { ExtendedStatistic: "p99" },
      "InvalidParameterCombinationException",
    ],
    ["a Period of 45", { Period: 45 }, "InvalidParameterValueException"],
    ["DatapointsToAlarm above EvaluationPeriods", { DatapointsToAlarm: 3 }, "ValidationException"],
    [
      "an anomaly-detection operator",
      { ComparisonOperator: "LessThanLowerOrGreaterThanUpperThreshold" },
      "InvalidParameterValueException",
    ],
  ])("PutMetricAlarm refuses %s", async (_what, extra, name) => {
    const h = await start();
    const e = await caught(() =>
      h.cw.send(new PutMetricAlarmCommand(alarm(extra as Partial<PutMetricAlarmCommandInput>))),
    );
    expect(e.name).toBe(name);
  });
});

describe("persistence", () => {
  it("keeps metrics and alarms across a gateway restart", async () => {
    const h = await start();
    await put(h, [{ MetricName: "Kept", Values: [1, 2, 3], Timestamp: new Date(T0) }]);
    await h.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: "kept",
        Namespace: "Test",
        MetricName: "Kept",
        Statistic: "Sum",
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: "GreaterThanThreshold",
      }),
    );
    await h.gw.close();
    const again = await start({ dataDir: h.dataDir, clock: h.clock });
    expect(await sumOf(again, "Kept")).toBe(6);
    expect(await sumOf(again, "Kept", "p50")).toBeCloseTo(2, 1);
    expect(
      (await again.cw.send(new DescribeAlarmsCommand({}))).MetricAlarms!.map((a) => a.AlarmName),
    ).toEqual(["kept"]);
  });
});
