import { defineApiRoute } from "@/lib/api/define-api-route";
import { getRollout } from "@/lib/api/operations";
import { loadRollout } from "@/lib/canary/loaders";

export const GET = defineApiRoute(getRollout, async ({ actor, params }) => loadRollout(actor, params.id));
