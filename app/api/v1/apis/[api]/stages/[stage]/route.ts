import { defineApiRoute } from "@/lib/api/define-api-route";
import { getStage } from "@/lib/api/operations";
import { loadRestApiRef, loadRestStage } from "@/lib/apis/loaders";

export const GET = defineApiRoute(getStage, async ({ actor, params }) => {
  const api = await loadRestApiRef(actor, params.api);
  const { stage, version } = await loadRestStage(actor, api.id, params.stage);
  return { ...stage, apiName: api.name, version };
});
