import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { alertRecipients, setOptIn } from "@/lib/db/alerts";
import { forbidden, invalid } from "@/lib/errors";
import type { AlertKind } from "./kinds";
import { sendAlert } from "./send";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** A partner user turns one alert kind on or off for themself. Who may call: partner users (`alerts.self`). */
export async function setAlertOptIn(actor: Actor, kind: AlertKind, on: boolean): Promise<void> {
  assertCan(actor, "alerts.self");
  if (actor.kind !== "partner") throw forbidden();
  await setOptIn(actor.id, kind, on);
}

/**
 * The unsubscribe link's one effect: turns the token's alert kind off for the token's user. Public (no login);
 * a token not signed by this server is refused and changes nothing.
 */
export async function unsubscribeWithToken(token: string): Promise<{ kind: AlertKind; userId: string }> {
  const t = readUnsubscribeToken(token);
  if (!t)
    throw invalid("This unsubscribe link is not valid. Check that you opened the whole link from the mail.");
  await setOptIn(t.userId, t.kind, false);
  return t;
}

/**
 * Tells a tenant's opted-in users that its plan request was decided (once per request and decision). Called by
 * the plan-request commands after an operator decided.
 */
export async function alertPlanRequestDecided(
  tenantId: string,
  requestId: string,
  decision: "APPROVED" | "DECLINED",
  mail: { subject: string; text: string },
): Promise<number> {
  let sent = 0;
  for (const u of await alertRecipients("plan-request", [tenantId]))
    if (await sendAlert(u, "plan-request", `${requestId}:${decision}`, mail)) sent++;
  return sent;
}
