import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { DataTable } from "@/components/lists/data-table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { quotaWords, throttleWords } from "@/lib/plans/plan-words";
import { loadUsageView } from "@/lib/usage/loaders";
import { UsageChart } from "../_components/usage-chart";

export const metadata: Metadata = { title: "Usage" };

const fmt = (n: number) => n.toLocaleString("en");

/** Reads the database only (synced usage), never AWS. */
export default async function PartnerUsagePage() {
  const actor = await requirePermission("partner.view");
  const { today, usage, plans, sync, label, keyIds, chart, total90, quotaRows, worst } =
    await loadUsageView(actor);
  return (
    <>
      <PageHeader
        title="Usage"
        description="Requests your keys made per day, from API Gateway's usage records. Quotas count per key and reset at the start of each period (UTC)."
      />
      <p className="mb-4 text-sm text-muted-foreground" data-testid="last-synced">
        {sync.lastSuccessAt
          ? `Data last synced ${formatDateTime(sync.lastSuccessAt)}; it refreshes every 5 minutes.`
          : "Usage has not been synced yet."}
      </p>
      {worst >= 1 ? (
        <Alert variant="destructive" title="Quota used up" className="mb-4">
          A key has used its whole quota: API Gateway answers 429 Limit Exceeded until the period resets.
        </Alert>
      ) : worst >= 0.8 ? (
        <Alert variant="warning" title="Quota almost used" className="mb-4">
          A key has used over 80% of its quota for this period.
        </Alert>
      ) : null}
      <StatGrid className="mb-6">
        <Stat label="Requests, last 90 days" value={fmt(total90)} data-testid="total-90" />
        <Stat label="Requests today" value={fmt(usage.days.find((d) => d.day === today)?.requests ?? 0)} />
        {plans.map((p) => (
          <Stat key={p.id} label={`Plan ${p.name}`} value={quotaWords(p)} hint={throttleWords(p)} />
        ))}
      </StatGrid>
      {total90 === 0 ? (
        <EmptyState
          title="No requests yet"
          description="Once your keys call the API and the next sync runs, requests appear here."
        />
      ) : (
        <UsageChart data={chart} series={keyIds.map((id) => ({ id, name: label.get(id) ?? id }))} />
      )}
      {quotaRows.length > 0 ? (
        <DataTable
          className="mt-6"
          caption="Quota per key this period"
          rows={quotaRows}
          rowKey={(r) => `${r.plan.id}:${r.key.id}`}
          columns={[
            {
              header: "Key",
              primary: true,
              cell: (r) => (
                <>
                  {r.key.label}{" "}
                  <span className="font-mono text-xs font-normal break-all text-muted-foreground">
                    {r.key.id}
                  </span>
                </>
              ),
            },
            { header: "Plan", cell: (r) => r.plan.name },
            { header: "Period", cell: (r) => `${r.period.start} – ${r.period.end}` },
            {
              header: "Used",
              cell: (r) => `${fmt(r.used)} (${Math.round((r.used / r.limit) * 100)}%)`,
            },
            { header: "Remaining", cell: (r) => fmt(Math.max(0, r.limit - r.used)) },
            {
              header: "Forecast",
              cell: (r) =>
                r.f.kind === "exhausted"
                  ? "Used up"
                  : r.f.kind === "runs-out"
                    ? `Runs out around ${r.f.day}`
                    : r.f.kind === "lasts"
                      ? "Lasts until the reset"
                      : "No recent traffic",
            },
          ]}
        />
      ) : null}
      {usage.perKey.length > 0 ? (
        <DataTable
          className="mt-6"
          caption="Requests per key, last 90 days"
          rows={usage.perKey}
          rowKey={(k) => k.apiKeyId}
          columns={[
            {
              header: "Key",
              primary: true,
              cell: (k) => (
                <>
                  {label.get(k.apiKeyId) ?? "Deleted key"}{" "}
                  <span className="font-mono text-xs font-normal break-all text-muted-foreground">
                    {k.apiKeyId}
                  </span>
                </>
              ),
            },
            {
              header: "Requests (90 days)",
              cell: (k) => <span data-testid={`key-total-${k.apiKeyId}`}>{fmt(k.total)}</span>,
            },
          ]}
        />
      ) : null}
    </>
  );
}
