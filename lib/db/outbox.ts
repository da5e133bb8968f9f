import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { db } from "./client";

export async function recordMail(m: {
  to: string;
  subject: string;
  text: string;
  transport: "outbox" | "smtp";
  sentAt: Date | null;
  error?: string;
}) {
  await db.outboxMail.create({ data: { ...m, error: m.error ?? null } });
}

export async function listOutbox(actor: Actor, page: number, pageSize = 25) {
  assertCan(actor, "outbox.read");
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
