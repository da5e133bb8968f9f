import { describe, expect, it, vi } from "vitest";

// With SMTP configured the outbox keeps no copy of a sent mail, and a failed send is kept without its link.
const smtp = vi.hoisted(() => ({ fail: false, sent: [] as { text: string }[] }));
vi.mock("@/lib/env", async (importOriginal) => {
  const orig = await importOriginal<typeof import("@/lib/env")>();
  return { ...orig, env: { ...orig.env, SMTP_URL: "smtp://mail.invalid:25" } };
});
vi.mock("nodemailer", () => ({
  default: {
    createTransport: () => ({
      sendMail: async (m: { text: string }) => {
        if (smtp.fail) throw new Error("connection refused");
        smtp.sent.push(m);
      },
    }),
  },
}));

const { sendMail } = await import("./send");
const { db } = await import("@/lib/db/client");

describe("sendMail with SMTP", () => {
  it("stores nothing for a sent mail and no link for a failed one", async () => {
    const token = `tok${Math.random().toString(36).slice(2)}abcdefghij`;
    const mail = {
      to: `s-${token}@x.example`,
      subject: "Invite",
      text: `Link: http://127.0.0.1:3000/invite/${token}\n`,
      invitationId: "inv-1",
    };
    expect(await sendMail(mail)).toEqual({ delivered: true });
    expect(smtp.sent.at(-1)?.text).toContain(token);
    expect(await db.outboxMail.count({ where: { to: mail.to } })).toBe(0);
    smtp.fail = true;
    expect(await sendMail(mail)).toEqual({ delivered: false });
    const rows = await db.outboxMail.findMany({ where: { to: mail.to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      transport: "smtp",
      sentAt: null,
      error: "connection refused",
      invitationId: null,
    });
    expect(rows[0]!.text).not.toContain(token);
    expect(rows[0]!.text).toContain("link withheld");
  });
});

describe("withoutLinks", () => {
  it("removes invitation and password-reset tokens, keeps the rest", async () => {
    const { withoutLinks } = await import("./send");
    const text = [
      "a http://h/invite/AbC_12-x end",
      "b http://h/api/auth/reset-password/Tok3n_x?callbackURL=http%3A%2F%2Fh%2Freset-password",
      "c http://h/reset-password?token=Zz9_-q&x=1",
    ].join("\n");
    const out = withoutLinks(text, "gone");
    for (const secret of ["AbC_12-x", "Tok3n_x", "Zz9_-q"]) expect(out).not.toContain(secret);
    expect(out).toContain("http://h/invite/[gone] end");
    expect(out).toContain("&x=1");
  });
});
