import "server-only";
import nodemailer from "nodemailer";
import { recordMail } from "@/lib/db/outbox";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

const transport = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null;

/**
 * Sends by SMTP when SMTP_URL is set; otherwise the mail lands in the outbox (readable by admins at /ops/outbox)
 * and in the server log. Either way it is recorded, so admins can see what was sent.
 */
export async function sendMail(m: {
  to: string;
  subject: string;
  text: string;
}): Promise<{ delivered: boolean }> {
  if (!transport) {
    await recordMail({ ...m, transport: "outbox", sentAt: null });
    log.info({ to: m.to, subject: m.subject, text: m.text }, "mail placed in outbox (SMTP_URL not set)");
    return { delivered: false };
  }
  try {
    await transport.sendMail({ from: env.MAIL_FROM, ...m });
    await recordMail({ ...m, transport: "smtp", sentAt: new Date() });
    return { delivered: true };
  } catch (e) {
    log.error({ err: e, to: m.to }, "SMTP send failed; mail kept in the outbox");
    await recordMail({
      ...m,
      transport: "smtp",
      sentAt: null,
      error: e instanceof Error ? e.message : String(e),
    });
    return { delivered: false };
  }
}
