"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { auth } from "@/lib/auth/auth";
import { definePublicAction } from "@/lib/auth/define-action";
import { ROLE_HOME, isRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/db/audit";
import { AppError } from "@/lib/errors";
import { signInSchema } from "@/lib/schemas/users";
import { definedOnly } from "@/lib/utils/defined-only";

/** Email + password sign-in. better-auth sets the session cookie; throttling and blocks live in lib/auth/auth.ts. */
export const signInAction = definePublicAction({
  name: "auth.sign-in",
  input: signInSchema,
  handler: async ({ input, requestId }) => {
    const audit = (
      outcome: "success" | "failure" | "denied",
      reason?: string,
      signedIn?: { id: string; role: string; tenantId: string | null },
    ) =>
      recordAudit({
        actor: null,
        anonymousEmail: input.email,
        ...definedOnly({ signedIn }),
        action: "auth.sign-in",
        targetType: "session",
        summary: reason ? { reason } : {},
        outcome,
        requestId,
      });
    try {
      const res = await auth.api.signInEmail({
        body: { email: input.email, password: input.password },
        headers: await headers(),
      });
      const user = res.user as { id: string; role?: unknown; tenantId?: unknown };
      const role = user.role;
      await audit("success", undefined, {
        id: user.id,
        role: isRole(role) ? role : "unknown",
        tenantId: typeof user.tenantId === "string" ? user.tenantId : null,
      });
      return { home: isRole(role) ? ROLE_HOME[role] : "/" };
    } catch (e) {
      if (!(e instanceof APIError)) throw e;
      if (e.status === "TOO_MANY_REQUESTS") {
        await audit("denied", "throttled");
        throw new AppError("throttled", e.message);
      }
      if (e.status === "FORBIDDEN") {
        await audit("denied", "blocked");
        throw new AppError("forbidden", e.message);
      }
      await audit("failure", "bad credentials");
      throw new AppError("unauthenticated", "The email or password is incorrect.");
    }
  },
});
