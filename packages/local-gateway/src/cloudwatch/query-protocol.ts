/**
 * CloudWatch's awsQuery protocol, as older clients (Debian's AWS CLI v2.9, boto3 before 2023) send it:
 * `POST /` with `Content-Type: application/x-www-form-urlencoded`, `Action=<Op>&Version=2010-08-01&…` (lists as
 * `Name.member.N`, maps as `Name.entry.N.key/value`), answered in XML. The form is turned into the JSON input the
 * awsJson handlers already take, and their JSON output back into AWS's XML, so both protocols share one
 * implementation. Field types come from the names the CloudWatch model uses for numbers, booleans and times.
 */

export const QUERY_CONTENT_TYPE = "application/x-www-form-urlencoded";
const XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

const NUMBER_FIELDS = new Set([
  "Period",
  "MaxDatapoints",
  "Value",
  "StorageResolution",
  "SampleCount",
  "Sum",
  "Minimum",
  "Maximum",
  "EvaluationPeriods",
  "DatapointsToAlarm",
  "Threshold",
  "MaxRecords",
]);
const NUMBER_LIST_FIELDS = new Set(["Values", "Counts"]);
const BOOLEAN_FIELDS = new Set(["ReturnData", "ActionsEnabled"]);
const TIME_FIELDS = new Set(["StartTime", "EndTime", "Timestamp", "StateUpdatedTimestamp"]);

type Json = Record<string, unknown>;

function setPath(target: Json, parts: string[], value: string): void {
  let at: unknown = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const container = at as Json | unknown[];
    if (part === "member" || part === "entry") continue;
    const prev = parts[i - 1];
    const isIndex = /^\d+$/.test(part) && (prev === "member" || prev === "entry");
    const key: string | number = isIndex ? Number(part) - 1 : part;
    const nextIsList = parts[i + 1] === "member" || parts[i + 1] === "entry";
    if (last) {
      (container as Record<string | number, unknown>)[key] = value;
      return;
    }
    let child = (container as Record<string | number, unknown>)[key];
    if (child === undefined) {
      child = nextIsList ? [] : {};
      (container as Record<string | number, unknown>)[key] = child;
    }
    at = child;
  }
}

/** Applies the model's types; `list` is the name of the list an object sits in (Dimensions' Value is a string). */
function typed(key: string, value: unknown, list = ""): unknown {
  if (Array.isArray(value))
    return value.filter((v) => v !== undefined).map((v: unknown) => typedItem(key, v));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typed(k, v, list)]));
  }
  if (typeof value !== "string") return value;
  const numeric = NUMBER_FIELDS.has(key) && !(key === "Value" && list === "Dimensions");
  if (numeric) return value.trim() === "" ? value : Number(value);
  if (BOOLEAN_FIELDS.has(key)) return value === "true";
  return value;
}

function typedItem(listKey: string, item: unknown): unknown {
  if (typeof item === "string" && NUMBER_LIST_FIELDS.has(listKey)) return Number(item);
  if (item && typeof item === "object")
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, typed(k, v, listKey)]));
  return item;
}

/** `Action=…&A.member.1.B=x` → { action, input: { A: [{ B: "x" }] } } with model types applied. */
export function parseQueryRequest(body: Buffer): { action: string; input: Json } {
  const params = new URLSearchParams(body.toString("utf8"));
  const raw: Json = {};
  let action = "";
  for (const [k, v] of params) {
    if (k === "Action") action = v;
    else if (k !== "Version") setPath(raw, k.split("."), v);
  }
  return { action, input: typed("", raw) as Json };
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function scalar(key: string, value: unknown): string {
  if ((TIME_FIELDS.has(key) || key === "Timestamps") && typeof value === "number")
    return new Date(value * 1000).toISOString();
  return String(value);
}

/** JSON → AWS query XML: objects become elements, list items `<member>` elements. */
function toXml(key: string, value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) {
    const items = value.map((v: unknown) =>
      v && typeof v === "object" ? toXml("member", v) : `<member>${escapeXml(scalar(key, v))}</member>`,
    );
    return `<${key}>${items.join("")}</${key}>`;
  }
  if (typeof value === "object") {
    const inner = Object.entries(value as Json)
      .map(([k, v]) => toXml(k, v))
      .join("");
    return `<${key}>${inner}</${key}>`;
  }
  return `<${key}>${escapeXml(scalar(key, value))}</${key}>`;
}

/** The XML body of a successful awsQuery call. */
export function queryResponse(action: string, output: unknown, requestId: string): string {
  const result = output && typeof output === "object" ? (output as Json) : {};
  const inner = Object.entries(result)
    .map(([k, v]) => toXml(k, v))
    .join("");
  return (
    `<${action}Response xmlns="${XMLNS}"><${action}Result>${inner}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`
  );
}

/** The XML body of an awsQuery error. */
export function queryError(code: string, message: string, sender: boolean, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${sender ? "Sender" : "Receiver"}</Type>` +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
