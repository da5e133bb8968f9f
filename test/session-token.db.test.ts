import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { withoutSessionTokens } from "@/lib/auth/http-handler";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createUserWithPassword } from "@/lib/db/users";
import { env } from "@/lib/env";
import { uid } from "./fixtures";

// Issue 13: the sign-in answer and /api/auth/list-sessions handed the session token to page scripts.
const handler = withoutSessionTokens((req) => auth.handler(req));
const PASSWORD = "a-long-test-password";

async function signIn() {
  const email = `tok-${uid()}@x.example`;
  await db.$transaction((tx) =>
    hashPassword(PASSWORD).then((passwordHash) =>
      createUserWithPassword(tx, { email, name: "T", role: "operator", tenantId: null, passwordHash }),
    ),
  );
  const res = await handler(
    new Request(`${env.APP_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: env.APP_URL },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { res, cookie, body: await res.text() };
}

describe("session tokens stay in the HTTP-only cookie", () => {
  it("the sign-in answer sets the cookie but carries no token", async () => {
    const { res, cookie, body } = await signIn();
    expect(res.status).toBe(200);
    expect(cookie).toContain("session_token=");
    const session = await db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(body).not.toContain(session.token);
    expect(JSON.parse(body)).not.toHaveProperty("token");
  });

  it("get-session and list-sessions answer without tokens", async () => {
    const { cookie } = await signIn();
    for (const path of ["get-session", "list-sessions"]) {
      const res = await handler(
        new Request(`${env.APP_URL}/api/auth/${path}`, { headers: { cookie, origin: env.APP_URL } }),
      );
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text.length, path).toBeGreaterThan(10);
      const tokens = (await db.session.findMany({ select: { token: true } })).map((s) => s.token);
      for (const t of tokens) expect(text, path).not.toContain(t);
      expect(text, path).not.toMatch(/"token"/);
    }
  });
});
