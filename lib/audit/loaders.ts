import "server-only";

/** What the audit screens load (actor-scoped queries in lib/db/audit.ts, which re-check `audit.read`). */
export { listAuditEvents as loadAuditEvents, listAuditActions as loadAuditActions } from "@/lib/db/audit";
