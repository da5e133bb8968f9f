import { format, formatDistanceToNowStrict } from "date-fns";

/** Dates are shown in UTC with the zone named, because API Gateway's quotas and usage days are UTC. */
export function formatDate(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${format(new Date(d.getTime() + d.getTimezoneOffset() * 60_000), "yyyy-MM-dd")}`;
}

export function formatDateTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return `${format(new Date(d.getTime() + d.getTimezoneOffset() * 60_000), "yyyy-MM-dd HH:mm:ss")} UTC`;
}

export function formatRelative(iso: string | Date): string {
  return formatDistanceToNowStrict(typeof iso === "string" ? new Date(iso) : iso, { addSuffix: true });
}
