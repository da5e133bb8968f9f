import type { OpContext } from "../context";
import { GatewayError, type Reply } from "../http";
import { deleteAlarms, describeAlarms, putMetricAlarm } from "./alarms";
import { getMetricData } from "./get-metric-data";
import { listMetrics, putMetricData } from "./put-list-metrics";

/**
 * What is emulated, and where it knowingly differs from AWS:
 * - Operations: PutMetricData, GetMetricData, ListMetrics, PutMetricAlarm, DescribeAlarms, DeleteAlarms.
 * - Statistics: SampleCount, Sum, Average, Minimum, Maximum exactly; pNN / pNN.N from log histograms (relative error
 *   ≤ 1 %, p0/p100 exact). tm/wm/tc/ts/PR/IQM are refused with InvalidParameterValue. StatisticValues data has no
 *   histogram, so percentiles over it return no data (as in AWS).
 * - Storage: one-minute slots for 15 days; 1-second slots for 3 hours when sent with StorageResolution 1.
 *   Periods below 60 s read 1-second slots when the series has them, else return one point per minute.
 * - Metric math: + - * /, unary minus, parentheses, numbers, query ids, FILL(x, number), ABS(x); anything else
 *   (IF, SEARCH, METRICS(), SUM(), …) is InvalidParameterValue.
 * - Paging: MaxDatapoints counts points over all ReturnData results in query order; a result with points on a
 *   later page is PartialData. Default labels are LocalStack-style (AWS's are UNCONFIRMED).
 * - Alarms: static-threshold operators only; evaluated once per clock minute (timer) and before DescribeAlarms,
 *   over the last EvaluationPeriods complete periods; no actions are executed.
 * - Model-constraint failures use ValidationError (the SDK raises ValidationException with Code "ValidationError").
 *
 * CloudWatch (awsJson1_0, query-compatible): server.ts routes `POST /` with `X-Amz-Target:
 * GraniteServiceVersion20100801.<Op>` here with `ctx.op = <Op>` and an already gunzipped body, adds the
 * `application/x-amz-json-1.0` content type, and turns thrown GatewayErrors into query-compatible errors.
 */
export function handleCloudWatch(ctx: OpContext): Reply {
  const body = parseBody(ctx.body);
  const metrics = ctx.gw.metrics;
  let out: unknown;
  switch (ctx.op) {
    case "PutMetricData":
      out = putMetricData(metrics, body);
      break;
    case "GetMetricData":
      out = getMetricData(metrics, body);
      break;
    case "ListMetrics":
      out = listMetrics(metrics, body);
      break;
    case "PutMetricAlarm":
      out = putMetricAlarm(metrics, body, ctx.gw.config.accountId, ctx.gw.config.region);
      break;
    case "DescribeAlarms":
      out = describeAlarms(metrics, body);
      break;
    case "DeleteAlarms":
      out = deleteAlarms(metrics, body);
      break;
    default:
      throw new GatewayError(400, "InvalidAction", `The action ${ctx.op} is not valid for this web service.`);
  }
  return { status: 200, body: out };
}

function parseBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  let v: unknown;
  try {
    v = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new GatewayError(400, "SerializationException", "The request body is not valid JSON.");
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new GatewayError(400, "SerializationException", "The request body must be a JSON object.");
  }
  return v as Record<string, unknown>;
}
