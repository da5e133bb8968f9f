import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

// better-auth's own endpoints (session, sign-out, OIDC callback). Public by nature; sign-up is disabled and
// sign-in is throttled inside lib/auth/auth.ts. Listed as public in the authorization spec.
export const { GET, POST } = toNextJsHandler(auth.handler);
