import "server-only";

/** What the user and invitation screens load (actor-scoped queries in lib/db). */
export { listUsers as loadUsers } from "@/lib/db/users";
export { listInvitations as loadInvitations, checkInvitation as loadInvitation } from "@/lib/db/invitations";
