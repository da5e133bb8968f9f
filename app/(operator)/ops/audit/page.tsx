import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ScrollText } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Select } from "@/components/ui/select";
import { DataTable } from "@/components/lists/data-table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { parseAuditQuery } from "@/lib/schemas/audit";
import { shiftDays } from "@/lib/dates";
import { definedOnly } from "@/lib/utils/defined-only";
import { loadAuditActions, loadAuditEvents } from "@/lib/audit/loaders";

export const metadata: Metadata = { title: "Audit trail" };
const PAGE_SIZE = 50;
const OUTCOME_VARIANT = { success: "success", failure: "destructive", denied: "warning" } as const;

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requirePermission("audit.read");
  const raw = await searchParams;
  const { query: q, errors } = parseAuditQuery(raw);
  // The "to" day is inclusive for people; the query's upper bound is exclusive.
  const to = q.to ? shiftDays(q.to, 1) : undefined;
  const [{ events, total, page, pageCount }, actions] = await Promise.all([
    loadAuditEvents(actor, {
      ...definedOnly({
        actor: q.actor,
        action: q.action,
        target: q.target,
        outcome: q.outcome,
        from: q.from,
        to,
      }),
      page: q.page,
      pageSize: PAGE_SIZE,
    }),
    loadAuditActions(actor),
  ]);
  const params = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string" && e[0] !== "page"),
  );
  const hrefFor = (p: number) =>
    `/ops/audit?${new URLSearchParams([...params, ["page", String(p)]]).toString()}`;
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change made through Tollgate: who did what to which target, when, and whether it worked."
      />
      <form
        className="mb-4 grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4"
        role="search"
        aria-label="Filter audit events"
      >
        <Filter label="Actor email">
          <Input name="actor" placeholder="someone@example.com" defaultValue={q.actor} />
        </Filter>
        <Filter label="Action (prefix)">
          <Input name="action" placeholder="tenant." defaultValue={q.action} list="audit-actions" />
        </Filter>
        <datalist id="audit-actions">
          {actions.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <Filter label="Target">
          <Input name="target" placeholder="Target id or type" defaultValue={q.target} />
        </Filter>
        <Filter label="Outcome">
          <Select
            name="outcome"
            defaultValue={q.outcome ?? ""}
            options={[
              { value: "", label: "Any outcome" },
              { value: "success", label: "Success" },
              { value: "failure", label: "Failure" },
              { value: "denied", label: "Denied" },
            ]}
          />
        </Filter>
        <Filter label="From date (UTC)" error={errors.from}>
          <Input
            type="date"
            name="from"
            defaultValue={raw.from}
            aria-invalid={errors.from ? true : undefined}
          />
        </Filter>
        <Filter label="To date (UTC, inclusive)" error={errors.to}>
          <Input type="date" name="to" defaultValue={raw.to} aria-invalid={errors.to ? true : undefined} />
        </Filter>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
          <Button asChild variant="ghost">
            <Link href="/ops/audit">Clear</Link>
          </Button>
        </div>
      </form>
      {events.length === 0 ? (
        <EmptyState
          icon={<ScrollText />}
          title="No audit events match"
          description="Change or clear the filters."
        />
      ) : (
        <>
          <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
            {total} event{total === 1 ? "" : "s"}
          </p>
          <DataTable
            caption="Audit events"
            rows={events}
            rowKey={(e) => e.id}
            columns={[
              {
                header: "Time",
                className: "text-xs whitespace-nowrap",
                cell: (e) => formatDateTime(e.at),
              },
              {
                header: "Actor",
                primary: true,
                cell: (e) => (
                  <>
                    {e.actorEmail}
                    <div className="text-xs font-normal text-muted-foreground">{e.actorRole}</div>
                  </>
                ),
              },
              { header: "Action", className: "font-mono text-xs", cell: (e) => e.action },
              {
                header: "Target",
                className: "text-xs",
                cell: (e) => (
                  <>
                    {e.targetType}
                    {e.targetId ? <div className="font-mono text-muted-foreground">{e.targetId}</div> : null}
                  </>
                ),
              },
              {
                header: "Outcome",
                cell: (e) => (
                  <Badge variant={OUTCOME_VARIANT[e.outcome as keyof typeof OUTCOME_VARIANT] ?? "outline"}>
                    {e.outcome}
                  </Badge>
                ),
              },
              {
                header: "Details",
                className: "max-w-72 font-mono text-xs",
                cell: (e) => <AuditDetails summary={e.summary} requestId={e.requestId} />,
              },
            ]}
          />
          <Pagination className="mt-4" page={page} pageCount={pageCount} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}

function Filter({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
      {label}
      {children}
      {error ? (
        <span role="alert" className="text-destructive">
          {error}
        </span>
      ) : null}
    </label>
  );
}

/**
 * The event's details, readable by keyboard and touch (not a hover-only tooltip): a disclosure whose summary line
 * is the start of the text; opening it shows everything, with the request id for the server log.
 */
function AuditDetails({ summary, requestId }: { summary: string; requestId: string }) {
  const text = summary === "{}" ? "" : summary;
  return (
    <details className="group">
      <summary className="cursor-pointer truncate rounded-sm focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        {text || <span className="font-sans text-muted-foreground">No details</span>}
      </summary>
      <div className="mt-1 grid gap-1 break-all whitespace-pre-wrap">
        {text ? <span>{text}</span> : null}
        <span className="font-sans text-muted-foreground">Request {requestId}</span>
      </div>
    </details>
  );
}
