import type { OpContext } from "../context";
import { GatewayError, type Reply } from "../http";
import { deleteAlarms, describeAlarms, putMetricAlarm } from "./alarms";
import { getMetricData } from "./get-metric-data";
import { listMetrics, putMetricData } from "./put-list-metrics";

/**
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
