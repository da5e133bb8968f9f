import { defineApiRoute } from "@/lib/api/define-api-route";
import { rotateKey } from "@/lib/api/operations";
import { resolveTenant } from "@/lib/api/tenant-ref";
import { rotateKey as rotateKeyCommand } from "@/lib/keys/commands";

export const POST = defineApiRoute(rotateKey, async ({ actor, params, body }) => {
  await resolveTenant(actor, params.tenant);
  return rotateKeyCommand(actor, { keyId: params.keyId, grace: body.grace });
});
