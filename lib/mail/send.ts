import "server-only";
import nodemailer from "nodemailer";
import { recordMail } from "@/lib/db/outbox";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;

/**
 * Replaces invitation and password-reset links (which carry a single-use token) so a stored or logged text cannot
 * be used.
 */
export function withoutLinks(text: string, note = "link not stored"): string {
  return text
    .replace(/\/invite\/[A-Za-z0-9_%-]+/g, `/invite/[${note}]`)
    .replace(/\/reset-password\/[A-Za-z0-9_%-]+/g, `/reset-password/[${note}]`)
    .replace(/([?&]token=)[A-Za-z0-9_%-]+/g, `$1[${note}]`);
}

/**
 * Sends by SMTP when SMTP_URL is set; otherwise the mail lands in the outbox, where admins read it at /ops/outbox
 * (local mode has no other way to hand out an invitation link). The mail text never reaches the log: it may hold
 * a token. With SMTP the outbox keeps only failed sends, with their links removed, so admins see what failed.
 * `invitationId` ties an outbox copy to its invitation, whose link is dropped once it is accepted, revoked or expired.
 */
export async function sendMail(m: {
  to: string;
  subject: string;
  text: string;
  invitationId?: string;
}): Promise<{ delivered: boolean }> {
  const { invitationId, ...mail } = m;
  if (!transport) {
    await recordMail({ ...mail, invitationId: invitationId ?? null, transport: "outbox", sentAt: null });
    log.info({ to: m.to, subject: m.subject }, "mail placed in the outbox (SMTP_URL not set)");
    return { delivered: false };
  }
  try {
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    log.info({ to: m.to, subject: m.subject }, "mail sent by SMTP");
    return { delivered: true };
  } catch (e) {
    log.error({ err: e, to: m.to }, "SMTP send failed; recorded in the outbox without its link");
    await recordMail({
      ...mail,
      text: withoutLinks(mail.text, "link withheld: SMTP failed, send a new invitation"),
      invitationId: null,
      transport: "smtp",
      sentAt: null,
      error: e instanceof Error ? e.message : String(e),
    });
    return { delivered: false };
  }
}
