import { defineApiRoute } from "@/lib/api/define-api-route";
import { createKey, listKeys } from "@/lib/api/operations";
import { resolveTenant } from "@/lib/api/tenant-ref";
import { createKey as createKeyCommand } from "@/lib/keys/commands";
import { loadMyKeys } from "@/lib/keys/loaders";

export const GET = defineApiRoute(listKeys, async ({ actor, params }) => {
  await resolveTenant(actor, params.tenant);
  return loadMyKeys(actor);
});

export const POST = defineApiRoute(createKey, async ({ actor, params, body }) => {
  await resolveTenant(actor, params.tenant);
  return createKeyCommand(actor, body);
});
