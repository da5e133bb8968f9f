/** The e-mail alerts a partner user may opt in to, one switch (and one unsubscribe link) per kind. */
export const ALERT_KINDS = {
  quota: {
    label: "Quota use",
    description:
      "When one of your API keys has used 80 % and then 100 % of its quota (the requests your plan allows it per day, week or month).",
  },
  rotation: {
    label: "Rotated keys about to stop",
    description:
      "When the old value of a key you rotated stops working in 24 hours, and again 1 hour before, so nothing still using it breaks by surprise.",
  },
  "plan-request": {
    label: "Plan request decided",
    description: "When your API provider approves or declines your organisation's request for another plan.",
  },
} as const;

export type AlertKind = keyof typeof ALERT_KINDS;
export const ALERT_KIND_NAMES = Object.keys(ALERT_KINDS) as AlertKind[];
export const isAlertKind = (s: string): s is AlertKind => s in ALERT_KINDS;

/** Quota thresholds, in percent of the period's limit: the highest one reached is the one mailed. */
export const QUOTA_THRESHOLDS = [80, 100] as const;

/** Rotation warnings: hours before the old value stops. The smallest window the key is in is the one mailed. */
export const ROTATION_WARNINGS_H = [24, 1] as const;

/** The quota threshold a use has reached (80 or 100), or null below 80 %. */
export function quotaThreshold(used: number, limit: number): (typeof QUOTA_THRESHOLDS)[number] | null {
  if (limit <= 0) return null;
  let hit: (typeof QUOTA_THRESHOLDS)[number] | null = null;
  for (const t of QUOTA_THRESHOLDS) if (used * 100 >= limit * t) hit = t;
  return hit;
}

/** The rotation warning due `msLeft` before the old value stops (24 or 1), or null when none is due. */
export function rotationWarning(msLeft: number): (typeof ROTATION_WARNINGS_H)[number] | null {
  if (msLeft <= 0) return null;
  let due: (typeof ROTATION_WARNINGS_H)[number] | null = null;
  for (const h of ROTATION_WARNINGS_H) if (msLeft <= h * 3_600_000) due = h;
  return due;
}
