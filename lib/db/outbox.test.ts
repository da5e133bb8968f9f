import { afterEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { log } from "@/lib/log";
import { sendMail } from "@/lib/mail/send";
import { makeActor, uid } from "@/test/fixtures";
import { db } from "./client";
import { acceptInvitation, createInvitation, revokeInvitation } from "./invitations";
import { listOutbox } from "./outbox";

// Issue 13: a token read from outbox_mail.text was accepted. The outbox keeps the link only while the invitation
// is pending (local mode), and no log line ever carries the mail text.
async function invite() {
  const admin = await makeActor("admin");
  const email = `o-${uid()}@x.example`;
  const { invitation, token } = await createInvitation(admin, { email, role: "operator", tenantId: null });
  const info = vi.spyOn(log, "info");
  await sendMail({
    to: email,
    subject: "You are invited",
    text: `Set your password: http://127.0.0.1:3000/invite/${token}\n`,
    invitationId: invitation.id,
  });
  const logged = JSON.stringify(info.mock.calls);
  info.mockRestore();
  return { admin, email, token, invitationId: invitation.id, logged };
}
const stored = async (token: string) => db.outboxMail.count({ where: { text: { contains: token } } });
const shown = async (admin: Actor, email: string) =>
  (await listOutbox(admin, 1, 100)).mails.find((m) => m.to === email);

afterEach(() => vi.useRealTimers());

describe("outbox and invitation links", () => {
  it("never logs the mail text; shows the link to admins while pending", async () => {
    const { admin, email, token, logged } = await invite();
    expect(logged).toContain("mail placed in the outbox");
    expect(logged).not.toContain(token);
    expect((await shown(admin, email))?.link).toBe(`http://127.0.0.1:3000/invite/${token}`);
  });

  it("drops the link once the invitation is accepted", async () => {
    const { admin, email, token } = await invite();
    await acceptInvitation(token, { name: "N", passwordHash: "placeholder-hash" });
    expect(await stored(token)).toBe(0);
    const mail = await shown(admin, email);
    expect(mail?.link).toBeNull();
    expect(mail?.text).toContain("[link removed: invitation used]");
  });

  it("drops the link once the invitation is revoked, also by a newer invitation", async () => {
    const a = await invite();
    await revokeInvitation(a.admin, a.invitationId);
    expect(await stored(a.token)).toBe(0);
    const b = await invite();
    await createInvitation(b.admin, { email: b.email, role: "operator", tenantId: null });
    expect(await stored(b.token)).toBe(0);
  });

  it("drops the link of an expired invitation before any admin reads it", async () => {
    const { admin, email, token, invitationId } = await invite();
    await db.invitation.update({
      where: { id: invitationId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect((await shown(admin, email))?.link).toBeNull();
    expect(await stored(token)).toBe(0);
  });

  it("parallel invitations of one address leave exactly one pending", async () => {
    const admin = await makeActor("admin");
    const email = `p-${uid()}@x.example`;
    await Promise.allSettled(
      [1, 2, 3, 4].map(() => createInvitation(admin, { email, role: "operator", tenantId: null })),
    );
    expect(await db.invitation.count({ where: { email, revokedAt: null, acceptedAt: null } })).toBe(1);
  });
});
