import { defineApiRoute } from "@/lib/api/define-api-route";
import { revokeKey } from "@/lib/api/operations";
import { resolveTenant } from "@/lib/api/tenant-ref";
import { revokeKey as revokeKeyCommand } from "@/lib/keys/commands";

export const POST = defineApiRoute(revokeKey, async ({ actor, params }) => {
  await resolveTenant(actor, params.tenant);
  return revokeKeyCommand(actor, params.keyId);
});
