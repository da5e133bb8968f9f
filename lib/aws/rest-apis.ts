import "server-only";
import {
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  type RestApi,
} from "@aws-sdk/client-api-gateway";
import { env } from "@/lib/env";
import type { ApiSummaryDto } from "@/lib/stages/types";
import { apiGateway } from "./clients";
import { aws } from "./errors";
import { definedOnly } from "@/lib/utils/defined-only";

export type RestApiDto = Omit<ApiSummaryDto, "stages" | "canaryStages">;

/** The invoke URL of a REST API's stages (AWS's execute-api host; the Local Gateway's data-plane path in local mode). */
export function restEndpoint(restApiId: string): string {
  return env.TOLLGATE_MODE === "local" && env.awsEndpoint
    ? `${env.awsEndpoint.replace(/\/$/, "")}/restapis/${restApiId}/{stage}/_user_request_`
    : `https://${restApiId}.execute-api.${env.AWS_REGION}.amazonaws.com/{stage}`;
}

function restApiDto(a: RestApi): RestApiDto {
  const id = a.id ?? "";
  return {
    id,
    kind: "REST",
    name: a.name ?? id,
    description: a.description ?? null,
    createdDate: a.createdDate?.toISOString() ?? null,
    endpoint: restEndpoint(id),
    tags: { ...a.tags },
  };
}

/** Every REST API of the account (GetRestApis, 500 a page). */
export async function listRestApis(): Promise<RestApiDto[]> {
  const out: RestApiDto[] = [];
  let position: string | undefined;
  do {
    const page = await aws(
      () => apiGateway.send(new GetRestApisCommand({ limit: 500, ...definedOnly({ position }) })),
      "API Gateway",
    );
    out.push(...(page.items ?? []).map(restApiDto));
    position = page.position || undefined;
  } while (position);
  return out;
}

export async function getRestApi(restApiId: string): Promise<RestApiDto> {
  return restApiDto(await aws(() => apiGateway.send(new GetRestApiCommand({ restApiId })), "API Gateway"));
}

export type MethodRefDto = { resourcePath: string; httpMethod: string };

/** The API's methods ("/pets GET"), for per-method throttling and caching (GetResources with embedded methods). */
export async function listRestMethods(restApiId: string): Promise<MethodRefDto[]> {
  const out: MethodRefDto[] = [];
  let position: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGateway.send(
          new GetResourcesCommand({
            restApiId,
            limit: 500,
            embed: ["methods"],
            ...definedOnly({ position }),
          }),
        ),
      "API Gateway",
    );
    for (const r of page.items ?? [])
      for (const m of Object.keys(r.resourceMethods ?? {}))
        out.push({ resourcePath: r.path ?? "/", httpMethod: m });
    position = page.position || undefined;
  } while (position);
  return out.sort(
    (a, b) => a.resourcePath.localeCompare(b.resourcePath) || a.httpMethod.localeCompare(b.httpMethod),
  );
}
