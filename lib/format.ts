import { utc } from "@date-fns/utc";
import { format, formatDistanceToNowStrict } from "date-fns";

/**
 * Dates are shown in UTC with the zone named, because API Gateway's quotas and usage days are UTC. Formatting in the
 * UTC context (not by shifting the instant by the local offset, which is wrong on the days the local offset
 * changes) gives the same text in every server and browser zone.
 */
export function formatDate(iso: string | Date): string {
  return format(typeof iso === "string" ? new Date(iso) : iso, "yyyy-MM-dd", { in: utc });
}

export function formatDateTime(iso: string | Date): string {
  return `${format(typeof iso === "string" ? new Date(iso) : iso, "yyyy-MM-dd HH:mm:ss", { in: utc })} UTC`;
}

/** "12 seconds ago": how fresh something is (zone-independent). */
export function formatRelative(iso: string | Date): string {
  return formatDistanceToNowStrict(typeof iso === "string" ? new Date(iso) : iso, { addSuffix: true });
}
