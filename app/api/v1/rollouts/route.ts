import { defineApiRoute } from "@/lib/api/define-api-route";
import { listRollouts, startRollout } from "@/lib/api/operations";
import { rolloutInputFromApi } from "@/lib/api/rollout-input";
import { loadRestApiRef } from "@/lib/apis/loaders";
import { startRollout as startRolloutCommand } from "@/lib/canary/commands";
import { loadRollouts } from "@/lib/canary/loaders";

export const GET = defineApiRoute(listRollouts, async ({ actor, query }) => {
  const api = query.api ? await loadRestApiRef(actor, query.api) : null;
  return loadRollouts(actor, {
    ...(api ? { restApiId: api.id } : {}),
    ...(query.stage ? { stageName: query.stage } : {}),
    ...(query.active === "true" ? { active: true } : {}),
  });
});

export const POST = defineApiRoute(startRollout, async ({ actor, body }) => {
  const api = await loadRestApiRef(actor, body.api);
  return startRolloutCommand(actor, rolloutInputFromApi(body, api.id));
});
