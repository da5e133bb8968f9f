"use client";

/** Starts OIDC single sign-on: better-auth answers with the identity provider's URL to send the browser to. */
export async function startSso(callbackURL = "/"): Promise<string | null> {
  const res = await fetch("/api/auth/sign-in/oauth2", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ providerId: "oidc", callbackURL }),
  });
  const body = (await res.json().catch(() => null)) as { url?: string; message?: string } | null;
  if (res.ok && body?.url) {
    window.location.assign(body.url);
    return null;
  }
  return body?.message ?? "Single sign-on is not available right now.";
}
