import {
  decodeToken,
  encodeToken,
  invalidNextToken,
  missingParameter,
  optionalNumber,
  parseTimestamp,
  toEpochSeconds,
  validationError,
  invalidValue,
} from "./errors";
import { compileQueries, runQueries } from "./metric-queries";
import type { MetricStore } from "./metric-store";

const DEFAULT_MAX_DATAPOINTS = 100_800;

interface WireResult {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: "Complete" | "PartialData";
  Messages: never[];
}

/**
 * GetMetricData. Paging: all ReturnData results are laid end to end in query order (each in ScanBy order); a page
 * holds MaxDatapoints points of that sequence and NextToken is the offset, bound to the request's time range.
 * A result whose points continue on a later page reports StatusCode PartialData, as AWS does.
 */
export function getMetricData(store: MetricStore, body: Record<string, unknown>): unknown {
  if (body.StartTime === undefined) throw missingParameter("StartTime");
  if (body.EndTime === undefined) throw missingParameter("EndTime");
  const startMs = parseTimestamp(body.StartTime, "StartTime");
  const endMs = parseTimestamp(body.EndTime, "EndTime");
  const queries = compileQueries(body.MetricDataQueries, "MetricDataQueries", startMs, store.clock.now());
  if (startMs >= endMs)
    throw invalidValue("The parameter StartTime must be less than the parameter EndTime.");
  const scanBy = body.ScanBy ?? "TimestampDescending";
  if (scanBy !== "TimestampDescending" && scanBy !== "TimestampAscending") {
    throw validationError(
      `1 validation error detected: Value '${String(scanBy)}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`,
    );
  }
  const maxPoints = optionalNumber(body.MaxDatapoints, "MaxDatapoints") ?? DEFAULT_MAX_DATAPOINTS;
  if (!Number.isInteger(maxPoints) || maxPoints < 1)
    throw invalidValue("The parameter MaxDatapoints must be a positive integer.");

  const binding = `${startMs}:${endMs}:${queries.length}:${scanBy}`;
  let offset = 0;
  if (body.NextToken !== undefined && body.NextToken !== null) {
    const token = decodeToken(body.NextToken);
    if (token.b !== binding || typeof token.o !== "number" || token.o < 0) throw invalidNextToken();
    offset = token.o;
  }

  const descending = scanBy === "TimestampDescending";
  const results = runQueries(store, queries, startMs, endMs).filter((r) => r.returnData);
  const pageEnd = offset + maxPoints;
  let cursor = 0; // position of the current result's first point in the whole sequence
  const out: WireResult[] = [];
  for (const r of results) {
    const n = r.timestamps.length;
    const from = Math.max(0, offset - cursor);
    const to = Math.min(n, pageEnd - cursor);
    const Timestamps: number[] = [];
    const Values: number[] = [];
    for (let i = from; i < to; i++) {
      const j = descending ? n - 1 - i : i;
      Timestamps.push(toEpochSeconds(r.timestamps[j]!));
      Values.push(r.values[j]!);
    }
    out.push({
      Id: r.id,
      Label: r.label,
      Timestamps,
      Values,
      StatusCode: to < n ? "PartialData" : "Complete",
      Messages: [],
    });
    cursor += n;
  }
  const reply: Record<string, unknown> = { MetricDataResults: out, Messages: [] };
  if (pageEnd < cursor) reply.NextToken = encodeToken({ b: binding, o: pageEnd });
  return reply;
}
