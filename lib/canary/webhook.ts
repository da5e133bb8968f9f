import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { allowList, webhookTargetProblem } from "@/lib/security/webhook-target";
import { signatureHeader, webhookSecret } from "@/lib/security/webhook-signature";

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** Events that are POSTed to a rollout's webhook; the rest (failed checks, pauses) are audit events only. */
export const WEBHOOK_EVENTS = new Set([
  "rollout.start",
  "rollout.advance",
  "rollout.promote",
  "rollout.rollback",
  "rollout.failed",
]);

const allowed = allowList(env.WEBHOOK_ALLOWED_NETWORKS);

/** Null when the URL may receive webhooks, else the reason (see lib/security/webhook-target.ts). */
export const checkWebhookTarget = (url: string) => webhookTargetProblem(url, allowed);

/** The secret the operator is shown once at start, for verifying X-Tollgate-Signature. */
export const rolloutWebhookSecret = (rolloutId: string) => webhookSecret(env.authSecret, rolloutId);

/**
 * POSTs one JSON event to a rollout's webhook, in the background: at most once, 5 s timeout, never throws and never
 * delays the engine (a slow or failing receiver is logged, not retried). The target is checked again before each
 * send (a name may have been re-pointed at an internal address since the start); the body is signed with the
 * rollout's secret in X-Tollgate-Signature.
 */
export function notifyWebhook(
  url: string,
  event: { event: string; rolloutId: string } & Record<string, unknown>,
): void {
  if (!WEBHOOK_EVENTS.has(event.event)) return;
  const body = JSON.stringify(event);
  void checkWebhookTarget(url)
    .then((problem) => {
      if (problem) {
        log.warn({ url, event: event.event, problem }, "rollout webhook not sent: target refused");
        return;
      }
      return fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Tollgate-Rollouts/1",
          "x-tollgate-signature": signatureHeader(rolloutWebhookSecret(event.rolloutId), body),
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        redirect: "manual",
      }).then((res) => {
        if (!res.ok) log.warn({ url, status: res.status, event: event.event }, "rollout webhook refused");
      });
    })
    .catch((e: unknown) =>
      log.warn({ url, err: (e as Error).message, event: event.event }, "rollout webhook failed"),
    );
}
