// A REST API on a real Local Gateway + demo upstream for the canary rollout tests: stage prod serves v1, and each
// test creates deployments and rollouts of its own. The console's SDK clients point at this gateway.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  GetStageCommand,
  ImportRestApiCommand,
} from "@aws-sdk/client-api-gateway";
import type { StaffActor } from "@/lib/auth/actor";
import { versionedItemsOpenApi } from "@tollgate/local-gateway/testing";
import type { DemoUpstream } from "@tollgate/local-gateway/demo";
import type { Gateway } from "@tollgate/local-gateway";

export const operator: StaffActor = {
  kind: "staff",
  id: "op-canary",
  email: "op-canary@test.example",
  name: "Op",
  role: "operator",
  tenantId: null,
};

export type CanaryFixture = {
  gw: Gateway;
  upstream: DemoUpstream;
  sdk: APIGatewayClient;
  close(): Promise<void>;
  /** A new API with stage prod on upstream v1; returns its id and name. */
  newApi(): Promise<{ restApiId: string; apiName: string; baseDeploymentId: string }>;
  /** GetStage straight from the gateway. */
  stage(restApiId: string): Promise<StageView>;
  /** Sends `n` data-plane requests to prod (split between base and canary by the gateway). */
  traffic(restApiId: string, n: number): Promise<void>;
  /** Control-plane calls by operation since the last reset. */
  calls(): Promise<Record<string, number>>;
  resetCalls(): Promise<void>;
};
export type StageView = {
  deploymentId?: string | undefined;
  canarySettings?: { deploymentId?: string | undefined; percentTraffic?: number | undefined } | undefined;
};

let apis = 0;

export async function startCanaryFixture(): Promise<CanaryFixture> {
  const { createGateway } = await import("@tollgate/local-gateway");
  const { startDemoUpstream } = await import("@tollgate/local-gateway/demo");
  const dataDir = mkdtempSync(path.join(tmpdir(), "tollgate-canary-"));
  const upstream = await startDemoUpstream({ port: 0 });
  const gw = await createGateway({ port: 0, dataDir, controlLimits: false });
  // Before lib/env is first imported.
  process.env.TOLLGATE_MODE = "local";
  process.env.AWS_ENDPOINT_URL = gw.url;
  // The tests' webhook receivers listen on loopback, which webhooks may reach only when allowed explicitly.
  process.env.WEBHOOK_ALLOWED_NETWORKS = "127.0.0.0/8";
  const sdk = new APIGatewayClient({
    region: "us-east-1",
    endpoint: gw.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  const upstreamHost = upstream.url.replace(/^http:\/\//, "");
  return {
    gw,
    upstream,
    sdk,
    close: async () => {
      await gw.close();
      await upstream.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async newApi() {
      const apiName = `canary-${process.pid}-${++apis}`;
      const doc = versionedItemsOpenApi(apiName);
      const api = await sdk.send(
        new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(doc)) }),
      );
      const d = await sdk.send(
        new CreateDeploymentCommand({
          restApiId: api.id!,
          stageName: "prod",
          description: "v1",
          variables: { upstream: upstreamHost, version: "v1" },
        }),
      );
      return { restApiId: api.id!, apiName, baseDeploymentId: d.id! };
    },
    stage: async (restApiId: string) =>
      (await sdk.send(new GetStageCommand({ restApiId, stageName: "prod" }))) as StageView,
    async traffic(restApiId, n) {
      const url = `${gw.url}/restapis/${restApiId}/prod/_user_request_/items`;
      for (let i = 0; i < n; i += 20)
        await Promise.all(
          Array.from({ length: Math.min(20, n - i) }, () => fetch(url).then((r) => r.arrayBuffer())),
        );
    },
    async calls() {
      const body = (await (await fetch(`${gw.url}/_localgateway/calls`)).json()) as {
        calls: Record<string, number>;
      };
      return body.calls;
    },
    async resetCalls() {
      await fetch(`${gw.url}/_localgateway/calls`, { method: "DELETE" });
    },
  };
}
