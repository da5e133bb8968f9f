import "server-only";
import { claimDelivery, type AlertRecipient } from "@/lib/db/alerts";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { ALERT_KINDS, type AlertKind } from "./kinds";
import { unsubscribeToken } from "./unsubscribe-token";

/** The link in every alert mail; the token sits after `#`, so it never reaches a server or proxy log. */
export function unsubscribeLink(userId: string, kind: AlertKind): string {
  return `${env.APP_URL}/unsubscribe#${unsubscribeToken(userId, kind)}`;
}

/**
 * Sends one alert to one user once: the delivery row (user, kind, event) is claimed first, so two replicas, two
 * runs or a run after a restart send it at most once. Returns whether this call sent it.
 */
export async function sendAlert(
  to: AlertRecipient,
  kind: AlertKind,
  eventKey: string,
  mail: { subject: string; text: string },
): Promise<boolean> {
  if (!(await claimDelivery(to.id, kind, eventKey))) return false;
  const footer = `\n—\nYou get this because you turned on "${ALERT_KINDS[kind].label}" alerts in Tollgate (${env.APP_URL}/partner/alerts).\nStop these alerts: ${unsubscribeLink(to.id, kind)}\n`;
  try {
    await sendMail({ to: to.email, subject: mail.subject, text: `${mail.text}${footer}` });
  } catch (err) {
    // Claimed but not sent: logged (without the text, which holds the unsubscribe token), not retried.
    log.error({ err, kind, userId: to.id }, "alert mail failed");
  }
  return true;
}
