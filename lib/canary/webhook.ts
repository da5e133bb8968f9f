import "server-only";
import { log } from "@/lib/log";

export const WEBHOOK_TIMEOUT_MS = 5_000;

/** Events that are POSTed to a rollout's webhook; the rest (failed checks, pauses) are audit events only. */
export const WEBHOOK_EVENTS = new Set([
  "rollout.start",
  "rollout.advance",
  "rollout.promote",
  "rollout.rollback",
  "rollout.failed",
]);

/**
 * POSTs one JSON event to a rollout's webhook, in the background: at most once, 5 s timeout, never throws and never
 * delays the engine (a slow or failing receiver is logged, not retried).
 */
export function notifyWebhook(url: string, event: { event: string } & Record<string, unknown>): void {
  if (!WEBHOOK_EVENTS.has(event.event)) return;
  void fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "Tollgate-Rollouts/1" },
    body: JSON.stringify(event),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    redirect: "manual",
  })
    .then((res) => {
      if (!res.ok) log.warn({ url, status: res.status, event: event.event }, "rollout webhook refused");
    })
    .catch((e: unknown) =>
      log.warn({ url, err: (e as Error).message, event: event.event }, "rollout webhook failed"),
    );
}
