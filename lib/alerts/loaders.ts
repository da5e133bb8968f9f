import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { optInsOf } from "@/lib/db/alerts";
import { ALERT_KIND_NAMES, ALERT_KINDS, type AlertKind } from "./kinds";

export type AlertSettingDto = { kind: AlertKind; label: string; description: string; on: boolean };

/** The signed-in partner user's own alert switches. Who may call: partner users (`alerts.self`). */
export async function loadAlertSettings(actor: Actor): Promise<AlertSettingDto[]> {
  assertCan(actor, "alerts.self");
  const on = new Set(await optInsOf(actor.id));
  return ALERT_KIND_NAMES.map((kind) => ({ kind, ...ALERT_KINDS[kind], on: on.has(kind) }));
}
