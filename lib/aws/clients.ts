import "server-only";
import { APIGatewayClient } from "@aws-sdk/client-api-gateway";
import { ApiGatewayV2Client } from "@aws-sdk/client-apigatewayv2";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { env } from "@/lib/env";
import { recordAwsCall } from "./accounting";
import { definedOnly } from "@/lib/utils/defined-only";

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

const g = globalThis as unknown as {
  __tollgateAws?: { apigw: APIGatewayClient; apigwv2: ApiGatewayV2Client; cloudwatch: CloudWatchClient };
};
const clients = (g.__tollgateAws ??= {
  apigw: withAccounting(new APIGatewayClient(config()), "apigateway"),
  apigwv2: withAccounting(new ApiGatewayV2Client(config()), "apigatewayv2"),
  cloudwatch: withAccounting(new CloudWatchClient(config()), "cloudwatch"),
});

export const apiGateway = clients.apigw;
export const apiGatewayV2 = clients.apigwv2;
export const cloudWatch = clients.cloudwatch;
