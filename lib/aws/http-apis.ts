import "server-only";
import {
  GetApiCommand,
  GetApisCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetStagesCommand,
  UpdateStageCommand,
  type Api,
  type Route,
  type RouteSettings,
  type Stage,
} from "@aws-sdk/client-apigatewayv2";
import type { ApiSummaryDto, HttpStageDto, RouteSettingsDto, V2RouteDto } from "@/lib/stages/types";

export type { V2RouteDto };
import { apiGatewayV2 } from "./clients";
import { aws } from "./errors";
import { definedOnly } from "@/lib/utils/defined-only";

export type V2ApiDto = Omit<ApiSummaryDto, "stages" | "canaryStages"> & {
  routeSelectionExpression: string | null;
};

function apiDto(a: Partial<Api>): V2ApiDto {
  const id = a.ApiId ?? "";
  return {
    id,
    kind: a.ProtocolType === "WEBSOCKET" ? "WEBSOCKET" : "HTTP",
    name: a.Name ?? id,
    description: a.Description ?? null,
    createdDate: a.CreatedDate?.toISOString() ?? null,
    endpoint: a.ApiEndpoint ?? "",
    tags: { ...a.Tags },
    routeSelectionExpression: a.RouteSelectionExpression ?? null,
  };
}

const routeSettingsDto = (r: RouteSettings | undefined): RouteSettingsDto => ({
  throttlingRateLimit: r?.ThrottlingRateLimit ?? null,
  throttlingBurstLimit: r?.ThrottlingBurstLimit ?? null,
  detailedMetricsEnabled: r?.DetailedMetricsEnabled ?? false,
});

function stageDto(apiId: string, s: Partial<Stage>): HttpStageDto {
  return {
    apiId,
    stageName: s.StageName ?? "",
    description: s.Description ?? null,
    deploymentId: s.DeploymentId ?? null,
    autoDeploy: s.AutoDeploy ?? false,
    variables: { ...s.StageVariables },
    defaultRouteSettings: routeSettingsDto(s.DefaultRouteSettings),
    routeSettings: Object.fromEntries(
      Object.entries(s.RouteSettings ?? {}).map(([k, v]) => [k, routeSettingsDto(v)]),
    ),
    lastUpdatedDate: s.LastUpdatedDate?.toISOString() ?? null,
    createdDate: s.CreatedDate?.toISOString() ?? null,
  };
}

/** HTTP and WebSocket APIs. The JS client has no paginator for GetApis, so this loops over nextToken itself. */
export async function listV2Apis(): Promise<V2ApiDto[]> {
  const out: V2ApiDto[] = [];
  let token: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGatewayV2.send(new GetApisCommand({ MaxResults: "500", ...definedOnly({ NextToken: token }) })),
      "API Gateway",
    );
    out.push(...(page.Items ?? []).map(apiDto));
    token = page.NextToken || undefined;
  } while (token);
  return out;
}

export async function getV2Api(apiId: string): Promise<V2ApiDto> {
  return apiDto(await aws(() => apiGatewayV2.send(new GetApiCommand({ ApiId: apiId })), "API Gateway"));
}

export async function listV2Stages(apiId: string): Promise<HttpStageDto[]> {
  const out: HttpStageDto[] = [];
  let token: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGatewayV2.send(
          new GetStagesCommand({ ApiId: apiId, MaxResults: "500", ...definedOnly({ NextToken: token }) }),
        ),
      "API Gateway",
    );
    out.push(...(page.Items ?? []).map((s) => stageDto(apiId, s)));
    token = page.NextToken || undefined;
  } while (token);
  return out.sort((a, b) => a.stageName.localeCompare(b.stageName));
}

const routeDto = (r: Partial<Route>): V2RouteDto => ({
  id: r.RouteId ?? "",
  routeKey: r.RouteKey ?? "",
  target: r.Target ?? null,
  apiKeyRequired: r.ApiKeyRequired ?? false,
  authorizationType: r.AuthorizationType ?? "NONE",
});

/** Every route of an HTTP or WebSocket API (GetRoutes, paged), by route key. Callers: the inventory sync and Refresh. */
export async function listV2Routes(apiId: string): Promise<V2RouteDto[]> {
  const out: V2RouteDto[] = [];
  let token: string | undefined;
  do {
    const page = await aws(
      () =>
        apiGatewayV2.send(
          new GetRoutesCommand({ ApiId: apiId, MaxResults: "500", ...definedOnly({ NextToken: token }) }),
        ),
      "API Gateway",
    );
    out.push(...(page.Items ?? []).map(routeDto));
    token = page.NextToken || undefined;
  } while (token);
  return out.sort((a, b) => a.routeKey.localeCompare(b.routeKey));
}

export async function getV2Stage(apiId: string, stageName: string): Promise<HttpStageDto> {
  const s = await aws(
    () => apiGatewayV2.send(new GetStageCommand({ ApiId: apiId, StageName: stageName })),
    "API Gateway",
  );
  return stageDto(apiId, s);
}

type V2Limits = { throttlingRateLimit?: number; throttlingBurstLimit?: number };
const sdkLimits = (l: V2Limits): RouteSettings => ({
  ...definedOnly({
    ThrottlingRateLimit: l.throttlingRateLimit,
    ThrottlingBurstLimit: l.throttlingBurstLimit,
  }),
});

/** One UpdateStage with the partial document built by lib/stages/changes.ts `httpStageUpdate`. */
export async function updateV2Stage(
  apiId: string,
  stageName: string,
  body: {
    stageVariables?: Record<string, string>;
    autoDeploy?: boolean;
    defaultRouteSettings?: V2Limits;
    routeSettings?: Record<string, V2Limits>;
  },
): Promise<HttpStageDto> {
  const s = await aws(
    () =>
      apiGatewayV2.send(
        new UpdateStageCommand({
          ApiId: apiId,
          StageName: stageName,
          ...definedOnly({ StageVariables: body.stageVariables, AutoDeploy: body.autoDeploy }),
          ...(body.defaultRouteSettings
            ? { DefaultRouteSettings: sdkLimits(body.defaultRouteSettings) }
            : {}),
          ...(body.routeSettings
            ? {
                RouteSettings: Object.fromEntries(
                  Object.entries(body.routeSettings).map(([k, v]) => [k, sdkLimits(v)]),
                ),
              }
            : {}),
        }),
      ),
    "API Gateway",
  );
  return stageDto(apiId, s);
}
