import { defineApiRoute } from "@/lib/api/define-api-route";
import { controlRollout } from "@/lib/api/operations";
import { controlRollout as controlRolloutCommand } from "@/lib/canary/commands";

export const POST = defineApiRoute(controlRollout, async ({ actor, params }) =>
  controlRolloutCommand(actor, params.id, params.command),
);
