import { defineApiRoute } from "@/lib/api/define-api-route";
import { listRollouts, startRollout } from "@/lib/api/operations";
import { rolloutInputFromApi } from "@/lib/api/rollout-input";
import { loadRestApiRef } from "@/lib/apis/loaders";
import { startRollout as startRolloutCommand } from "@/lib/canary/commands";
import { loadRollouts } from "@/lib/canary/loaders";
import { rolloutWebhookSecret } from "@/lib/canary/webhook";

export const GET = defineApiRoute(listRollouts, async ({ actor, query }) => {
  const api = query.api ? await loadRestApiRef(actor, query.api) : null;
  return loadRollouts(actor, {
    ...(api ? { restApiId: api.id } : {}),
    ...(query.stage ? { stageName: query.stage } : {}),
    ...(query.active === "true" ? { active: true } : {}),
  });
});

export const POST = defineApiRoute(startRollout, async ({ actor, body }) => {
  const withApi = rolloutInputFromApi(body);
  const api = await loadRestApiRef(actor, body.api);
  const r = await startRolloutCommand(actor, withApi(api.id));
  // For verifying X-Tollgate-Signature: derived, never stored, returned once (null on a replay).
  return { ...r, webhookSecret: body.webhookUrl ? rolloutWebhookSecret(r.id) : null };
});
