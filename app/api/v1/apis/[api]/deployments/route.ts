import { defineApiRoute } from "@/lib/api/define-api-route";
import { createDeployment, listDeployments } from "@/lib/api/operations";
import { loadRestApi, loadRestApiRef } from "@/lib/apis/loaders";
import { deployStageNow } from "@/lib/stages/commands";

export const GET = defineApiRoute(listDeployments, async ({ actor, params }) => {
  const api = await loadRestApiRef(actor, params.api);
  return (await loadRestApi(actor, api.id)).deployments;
});

export const POST = defineApiRoute(createDeployment, async ({ actor, params, body }) => {
  const api = await loadRestApiRef(actor, params.api);
  return deployStageNow(actor, { restApiId: api.id, stageName: body.stage, description: body.description });
});
