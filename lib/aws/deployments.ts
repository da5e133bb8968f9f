import "server-only";
import { CreateDeploymentCommand, GetDeploymentsCommand } from "@aws-sdk/client-api-gateway";
import type { DeploymentDto } from "@/lib/stages/types";
import { apiGateway } from "./clients";
import { aws } from "./errors";
import { definedOnly } from "@/lib/utils/defined-only";

/** Newest first. One GetDeployments call per 500 deployments. */
export async function listDeployments(restApiId: string): Promise<DeploymentDto[]> {
  const out: DeploymentDto[] = [];
  let position: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGateway.send(new GetDeploymentsCommand({ restApiId, limit: 500, ...definedOnly({ position }) })),
      "API Gateway",
    );
    for (const d of page.items ?? [])
      out.push({
        id: d.id ?? "",
        description: d.description ?? null,
        createdDate: d.createdDate?.toISOString() ?? null,
      });
    position = page.position || undefined;
  } while (position);
  return out.sort((a, b) => (b.createdDate ?? "").localeCompare(a.createdDate ?? ""));
}

/**
 * CreateDeployment onto a stage, or (with `canary`) as the stage's canary, or (without `stageName`) a deployment not
 * yet attached to any stage (a rollout then makes it the canary). AWS allows one per 5 seconds per account;
 * the throttled error says so in plain words (lib/aws/errors.ts).
 */
export async function createDeployment(input: {
  restApiId: string;
  stageName?: string;
  description: string;
  canary?: { percentTraffic: number; stageVariableOverrides: Record<string, string>; useStageCache: boolean };
}): Promise<DeploymentDto> {
  const d = await aws(
    () =>
      apiGateway.send(
        new CreateDeploymentCommand({
          restApiId: input.restApiId,
          ...definedOnly({
            stageName: input.stageName,
            description: input.description,
            canarySettings: input.canary,
          }),
        }),
      ),
    "API Gateway",
  );
  return {
    id: d.id ?? "",
    description: d.description ?? null,
    createdDate: d.createdDate?.toISOString() ?? null,
  };
}
