import { auth } from "@/lib/auth/auth";
import { withoutSessionTokens } from "@/lib/auth/http-handler";

// better-auth's own endpoints (session, sign-out, OIDC callback). Public by nature; sign-up is disabled and
// sign-in is throttled inside lib/auth/auth.ts. Listed as public in the authorization spec. Responses never carry
// the session token (lib/auth/http-handler.ts): it stays in the HTTP-only cookie.
const handler = withoutSessionTokens((req) => auth.handler(req));
export const GET = handler;
export const POST = handler;
