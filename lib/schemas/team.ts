import { z } from "zod";
import { email, id } from "./common";

/** An owner invites a colleague into their own tenant: as an owner or a member, never a staff role. */
export const inviteTeammateSchema = z.object({
  email,
  role: z.enum(["partner", "member"], { error: "Choose owner or member." }),
});
export const teammateIdSchema = z.object({ userId: id });
export const teamInvitationIdSchema = z.object({ invitationId: id });
