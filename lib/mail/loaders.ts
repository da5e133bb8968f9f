import "server-only";

/** What the operators' outbox screen loads (the mail Tollgate sent or would send; lib/db/outbox.ts). */
export { listOutbox as loadOutbox } from "@/lib/db/outbox";
