// The shape of a conformance case: one AWS behaviour, where AWS states it, the AWS CLI command that shows it, and
// what the CLI must report.

/** Ids the shared fixture creates (see fixture.ts); `{name}` in an argv string is replaced by the value. */
export interface Fixture {
  api: string;
  root: string;
  pets: string;
  deployment: string;
  deployment2: string;
  stage: string;
  key: string;
  key2: string;
  plan: string;
  /** A unique suffix for names created by a case. */
  uniq: string;
  [name: string]: string;
}

export interface Expect {
  /** CLI exit status: 0 success, 254 service error (CLI v2), 252 client-side parameter error. */
  exit?: number;
  /** Service error code and message (exact string, or a RegExp). */
  code?: string;
  message?: string | RegExp;
  /** Subset the JSON output must match (vitest toMatchObject). */
  shape?: Record<string, unknown>;
  /** Top-level fields the JSON output must not have. */
  absent?: string[];
  /** Further checks on the JSON output (throws to fail). */
  check?: (json: Record<string, unknown>, fx: Fixture) => void;
}

export interface Case {
  /** Operation family, for the suite's size report. */
  family: string;
  /** The AWS behaviour the case checks, in words. */
  aws: string;
  /** Where AWS documents it: an API reference / developer guide URL, or "AWS-recorded: <LocalStack snapshot>". */
  doc: string;
  /** Arguments after `aws` (no --endpoint-url / --output); `{id}` placeholders come from the fixture. */
  argv: string[];
  expect: Expect;
}

const API_REF = "https://docs.aws.amazon.com/apigateway/latest/api";

/** API reference page of an operation. */
export const ref = (op: string) => `${API_REF}/API_${op}.html`;
/** A LocalStack snapshot test recorded against real AWS (tests/aws/services/apigateway/…). */
export const recorded = (test: string) => `AWS-recorded: localstack ${test}`;

export const ok = (shape?: Record<string, unknown>, more: Omit<Expect, "exit" | "shape"> = {}): Expect => ({
  exit: 0,
  shape,
  ...more,
});
export const fails = (code: string, message: string | RegExp): Expect => ({ exit: 254, code, message });

export const notFoundApi = (id: string) => `Invalid API identifier specified 000000000000:${id}`;
