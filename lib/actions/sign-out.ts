"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { auth } from "@/lib/auth/auth";
import { defineAction } from "@/lib/auth/define-action";

export const signOutAction = defineAction({
  name: "auth.sign-out",
  permission: "session.self",
  input: z.object({}).default({}),
  handler: async () => {
    await auth.api.signOut({ headers: await headers() });
    return { signedOut: true };
  },
  audit: { action: "auth.sign-out", targetType: "session" },
});
