import type { Metadata } from "next";
import { Mail } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { loadOutbox } from "@/lib/mail/loaders";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePermission("outbox.read");
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { mails, pageCount } = await loadOutbox(actor, page);
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Mail Tollgate sent or would have sent. Without SMTP_URL nothing leaves the server: invitation links are read here."
      />
      {mails.length === 0 ? (
        <EmptyState icon={<Mail />} title="No mail yet" description="Invitations appear here." />
      ) : (
        <div className="flex flex-col gap-3">
          {mails.map((m) => (
            <Card key={m.id} data-testid="outbox-mail">
              <CardHeader>
                <CardTitle level={3} className="text-base">
                  {m.subject}
                </CardTitle>
                <CardDescription>
                  To {m.to} · {formatDateTime(m.createdAt)} ·{" "}
                  {m.transport === "smtp"
                    ? m.sentAt
                      ? "sent by SMTP"
                      : `SMTP failed: ${m.error}`
                    : "not sent (no SMTP)"}
                </CardDescription>
              </CardHeader>
              <CardContent>
                <pre className="text-sm whitespace-pre-wrap break-all">{m.text}</pre>
              </CardContent>
            </Card>
          ))}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/ops/outbox?page=${p}`} />
        </div>
      )}
    </>
  );
}
