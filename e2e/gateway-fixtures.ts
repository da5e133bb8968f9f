// Data-plane fixtures for the gateway specs: a REST API seeded through the AWS SDK against the e2e Local Gateway,
// whose integration reads the demo upstream's version from a stage variable, and a bounded traffic loop.
import { APIGatewayClient, CreateDeploymentCommand, ImportRestApiCommand } from "@aws-sdk/client-api-gateway";
import type { APIRequestContext } from "@playwright/test";
import { versionedItemsOpenApi } from "@tollgate/local-gateway/testing";
import { E2E } from "./env";

export const gateway = `http://127.0.0.1:${E2E.gatewayPort}`;
export const sdk = new APIGatewayClient({
  region: "us-east-1",
  endpoint: gateway,
  credentials: { accessKeyId: "test", secretAccessKey: "test" },
});

/** GET /items → http://${upstream}/${version}/payments; stage prod serves version v1. Returns the API id. */
export async function seedApi(name: string): Promise<string> {
  const doc = versionedItemsOpenApi(name);
  const api = await sdk.send(
    new ImportRestApiCommand({ body: new TextEncoder().encode(JSON.stringify(doc)) }),
  );
  await sdk.send(
    new CreateDeploymentCommand({
      restApiId: api.id!,
      stageName: "prod",
      description: "initial",
      variables: { upstream: `127.0.0.1:${E2E.upstreamPort}`, version: "v1" },
    }),
  );
  return api.id!;
}

/**
 * Operator pages read Tollgate's inventory of the gateway: after changing the gateway straight through the SDK, a
 * spec runs one sweep (the test hook waits for it) instead of waiting for the next scheduled one.
 */
export async function syncInventory(request: APIRequestContext): Promise<void> {
  const res = await request.post("/api/test-hooks/jobs", { data: { job: "inventory-sync" } });
  if (!res.ok()) throw new Error(`inventory-sync did not run: ${res.status()} ${await res.text()}`);
}

export const stageUrl = (apiId: string) => `${gateway}/restapis/${apiId}/prod/_user_request_/items`;

/** A bounded request loop on the data plane (4 at a time, ~10 rounds a second); remembers what served each. */
export function startTraffic(url: string) {
  const served: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(url)
            .then(async (r) =>
              served.push(r.ok ? String(((await r.json()) as { path?: string }).path) : `${r.status}`),
            )
            .catch(() => served.push("error")),
        ),
      );
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    served,
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
}

/** Changes the demo upstream's v2/v3 behaviour (latency, error rate) at runtime. */
export async function configureUpstream(patch: Record<string, { errorRate?: number; latencyMs?: number }>) {
  const res = await fetch(`http://127.0.0.1:${E2E.upstreamPort}/_demo/config`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!res.ok) throw new Error(`demo upstream config failed: ${res.status}`);
}
