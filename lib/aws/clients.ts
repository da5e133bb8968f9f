import "server-only";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { env } from "@/lib/env";
import { recordAwsCall } from "./accounting";
import { definedOnly } from "@/lib/utils/defined-only";
import { CallBudget } from "./budget";
import { withBudget } from "./budget-middleware";

/**
 * The only place AWS SDK clients are made: once per process. Local mode points them at the Local Gateway with dummy
 * credentials; aws mode uses the default credential chain (env, profile, SSO, instance role) and AWS's endpoints.
 */
function config() {
  return {
    region: env.AWS_REGION,
    ...definedOnly({ endpoint: env.awsEndpoint }),
    ...(env.TOLLGATE_MODE === "local"
      ? { credentials: { accessKeyId: "test", secretAccessKey: "test" } }
      : {}),
    maxAttempts: env.AWS_MAX_ATTEMPTS,
  };
}

type Stackable = {
  middlewareStack: { add: (mw: never, opts: { step: "initialize"; name: string }) => void };
};
function withAccounting<C extends Stackable>(client: C, service: string): C {
  const mw =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => {
      recordAwsCall(service, (context.commandName ?? "Unknown").replace(/Command$/, ""));
      return next(args);
    };
  client.middlewareStack.add(mw as never, { step: "initialize", name: "tollgateCallAccounting" });
  return client;
}

// API Gateway v1 and v2 draw on one account-wide control-plane limit, so they share one bucket. CloudWatch's
// GetMetricData has its own, much larger quota (50 requests/s by default) and does not touch API Gateway's, so it
// gets a bucket of its own: a CloudWatch burst never delays a page's API Gateway reads, nor the other way round.
function budgets() {
  // A page waits at most 15 s in the queue and waits out a Retry-After of at most 5 s (CreateDeployment's); longer
  // ones (UpdateUsagePlan's 20 s) are refused at once with the wait.
  const common = { interactiveMaxWaitMs: 15_000, interactiveMaxPauseMs: 5_000, maxGlobalPauseMs: 2_000 };
  return {
    controlPlane: new CallBudget({
      label: "API Gateway",
      rate: env.AWS_CONTROL_PLANE_RPS,
      burst: env.controlPlaneBurst,
      ...common,
      // Background syncs keep a quarter of the budget while they wait, however many pages queue: the inventory's
      // first sweep, which ends the pages' live reads, cannot be starved by those live reads.
      reserved: { inventory: 0.25 },
    }),
    cloudWatch: new CallBudget({
      label: "CloudWatch",
      rate: env.AWS_CLOUDWATCH_RPS,
      burst: Math.max(1, Math.ceil(env.AWS_CLOUDWATCH_RPS)),
      ...common,
    }),
  };
}

const g = globalThis as unknown as {
  __tollgateAws?: {
    apigw: APIGatewayClient;
    apigwv2: ApiGatewayV2Client;
    cloudwatch: CloudWatchClient;
    budgets: ReturnType<typeof budgets>;
  };
};
const clients = (g.__tollgateAws ??= (() => {
  const b = budgets();
  return {
    apigw: withBudget(withAccounting(new APIGatewayClient(config()), "apigateway"), b.controlPlane),
    apigwv2: withBudget(withAccounting(new ApiGatewayV2Client(config()), "apigatewayv2"), b.controlPlane),
    cloudwatch: withBudget(withAccounting(new CloudWatchClient(config()), "cloudwatch"), b.cloudWatch),
    budgets: b,
  };
})());

export const apiGateway = clients.apigw;
export const apiGatewayV2 = clients.apigwv2;
export const cloudWatch = clients.cloudwatch;

/** The budgets' counters (calls, waits, 429s per operation), for the operators' status route. */
export function awsBudgetStats() {
  return {
    controlPlane: clients.budgets.controlPlane.stats(),
    cloudWatch: clients.budgets.cloudWatch.stats(),
  };
}
