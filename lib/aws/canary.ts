/**
 * The CloudWatch Stage dimension of requests served by a canary. AWS documents that canaries get their own metrics
 * but not this value (docs/aws-api-gateway.md §9, UNCONFIRMED); the Local Gateway records "<stage>/Canary", mirroring the
 * documented log group. Everything in the console that queries canary metrics calls this one function, so it can
 * follow AWS if AWS differs.
 */
export function canaryStageName(stage: string): string {
  return `${stage}/Canary`;
}
