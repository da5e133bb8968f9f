import "server-only";

/** The partner's Team page: its tenant's users and pending invitations (scoped by the session's tenant). */
export { loadTeam, type TeamDto, type TeammateDto, type TeamInvitationDto } from "@/lib/db/team";
