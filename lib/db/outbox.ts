import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db, type Tx } from "./client";

export async function recordMail(m: {
  to: string;
  subject: string;
  text: string;
  transport: "outbox" | "smtp";
  sentAt: Date | null;
  invitationId: string | null;
  error?: string;
}) {
  await db.outboxMail.create({ data: { ...m, error: m.error ?? null } });
}

const LINK = /\/invite\/[A-Za-z0-9_%-]+/g;
const NOTE = { accepted: "used", revoked: "withdrawn", expired: "expired" } as const;

/**
 * Removes the invitation links from the outbox copies of these invitations (they are no longer pending, so the
 * token is of no use to anyone and must not linger). Called by invitation accept/revoke in their transaction.
 */
export async function dropInvitationLinks(
  client: Tx | typeof db,
  invitationIds: string[],
  why: keyof typeof NOTE,
): Promise<void> {
  if (invitationIds.length === 0) return;
  const rows = await client.outboxMail.findMany({
    where: { invitationId: { in: invitationIds } },
    select: { id: true, text: true },
  });
  for (const r of rows)
    await client.outboxMail.update({
      where: { id: r.id },
      data: {
        text: r.text.replace(LINK, `/invite/[link removed: invitation ${NOTE[why]}]`),
        invitationId: null,
      },
    });
}

/** Expired invitations' links go too; run before every read of the outbox so none is ever shown. */
async function dropExpiredLinks(at: Date): Promise<void> {
  const live = await db.outboxMail.findMany({
    where: { invitationId: { not: null } },
    select: { invitationId: true },
  });
  if (live.length === 0) return;
  const expired = await db.invitation.findMany({
    where: { id: { in: live.map((l) => l.invitationId!) }, expiresAt: { lte: at } },
    select: { id: true },
  });
  await dropInvitationLinks(
    db,
    expired.map((e) => e.id),
    "expired",
  );
}

export async function listOutbox(actor: Actor, page: number, pageSize = 25) {
  assertCan(actor, "outbox.read");
  await dropExpiredLinks(new Date());
  const [total, rows] = await Promise.all([
    db.outboxMail.count(),
    db.outboxMail.findMany({ orderBy: { createdAt: "desc" }, skip: (page - 1) * pageSize, take: pageSize }),
  ]);
  return {
    mails: rows.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      /** the invitation link while its invitation is pending (local mode only), for the admin to pass on */
      link: m.invitationId ? (m.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_%-]+/)?.[0] ?? null) : null,
      transport: m.transport,
      sentAt: m.sentAt?.toISOString() ?? null,
      error: m.error,
      createdAt: m.createdAt.toISOString(),
    })),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}
