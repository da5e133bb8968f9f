import type { Metadata } from "next";
import { Mail } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { loadOutbox } from "@/lib/mail/loaders";
import { parsePage } from "@/lib/schemas/paging";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePermission("outbox.read");
  const page = parsePage((await searchParams).page);
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
              <CardContent className="flex flex-col gap-2">
                {m.link ? (
                  <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="outbox-link">
                    <span>Invitation link (shown until it is used, withdrawn or expires):</span>
                    <a
                      href={m.link}
                      className="break-all text-primary underline underline-offset-4"
                      target="_blank"
                      rel="noreferrer"
                    >
                      <code>{m.link}</code>
                    </a>
                    <CopyButton value={m.link} label="Copy link" />
                  </div>
                ) : null}
                <pre className="text-sm whitespace-pre-wrap break-all">
                  <Linkified text={m.text} />
                </pre>
              </CardContent>
            </Card>
          ))}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/ops/outbox?page=${p}`} />
        </div>
      )}
    </>
  );
}

const URL_IN_TEXT = /(https?:\/\/[^\s<>"]+)/g;

/** Mail text with its web addresses as links (only http/https, so a mail cannot smuggle in a javascript: link). */
function Linkified({ text }: { text: string }) {
  return text.split(URL_IN_TEXT).map((part, i) =>
    i % 2 === 1 ? (
      <a
        key={i}
        href={part}
        className="text-primary underline underline-offset-4"
        target="_blank"
        rel="noreferrer"
      >
        {part}
      </a>
    ) : (
      part
    ),
  );
}
