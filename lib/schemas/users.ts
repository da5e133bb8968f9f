import { z } from "zod";
import { isTenantRole, ROLES } from "@/lib/auth/permissions";
import { email, id, personName } from "./common";

export const inviteUserSchema = z
  .object({
    email,
    role: z.enum(ROLES, { error: "Choose a role." }),
    tenantId: z
      .union([z.literal("").transform(() => null), id])
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    if (isTenantRole(v.role) && !v.tenantId)
      ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Choose the partner's tenant." });
    if (!isTenantRole(v.role) && v.tenantId)
      ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Only partners belong to a tenant." });
  });

export const userDisabledSchema = z.object({ userId: id, disabled: z.boolean() });
export const invitationIdSchema = z.object({ invitationId: id });

export const password = z
  .string({ error: "Enter a password." })
  .min(12, "Use at least 12 characters.")
  .max(128, "A password has at most 128 characters.");

export const acceptInvitationSchema = z
  .object({ token: z.string().min(10).max(200), name: personName, password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(128, "A password has at most 128 characters."),
});

/** Change a user's role; a partner needs its tenant, staff roles have none (as for invitations). */
export const changeUserRoleSchema = z
  .object({
    userId: id,
    role: z.enum(ROLES, { error: "Choose a role." }),
    tenantId: z
      .union([z.literal("").transform(() => null), id])
      .nullable()
      .default(null),
  })
  .superRefine((v, ctx) => {
    if (isTenantRole(v.role) && !v.tenantId)
      ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Choose the partner's tenant." });
    if (!isTenantRole(v.role) && v.tenantId)
      ctx.addIssue({ code: "custom", path: ["tenantId"], message: "Only partners belong to a tenant." });
  });

export const userIdSchema = z.object({ userId: id });

/** The forgot-password form: only an address (the answer never says whether it belongs to anyone). */
export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(10).max(200), password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords do not match." });
