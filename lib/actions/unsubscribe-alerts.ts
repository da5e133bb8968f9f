"use server";
import { unsubscribeWithToken } from "@/lib/alerts/commands";
import { definePublicAction } from "@/lib/auth/define-action";
import { recordAudit } from "@/lib/db/audit";
import { unsubscribeSchema } from "@/lib/schemas/alerts";

/**
 * Public: the unsubscribe link of an alert mail turns that alert kind off for its user, without signing in. It does
 * nothing else; the token is neither logged nor written to the audit trail.
 */
export const unsubscribeAlertsAction = definePublicAction({
  name: "alert.unsubscribe",
  input: unsubscribeSchema,
  handler: async ({ input, requestId }) => {
    const out = await unsubscribeWithToken(input.token);
    await recordAudit({
      actor: null,
      anonymousEmail: "unsubscribe link",
      action: "alert.unsubscribe",
      targetType: "user",
      targetId: out.userId,
      summary: { kind: out.kind },
      outcome: "success",
      requestId,
    });
    return { kind: out.kind };
  },
});
