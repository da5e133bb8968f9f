import type { Metadata } from "next";
import { BarChart3 } from "lucide-react";
import { UsageChart } from "@/components/finance/usage-chart";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { monthOverMonth, monthTotals, monthsBetween, tenantUsage } from "@/lib/billing/usage-report";
import {
  loadTenantNames,
  loadUsageByDay,
  loadUsageByMonthAndTenant,
  loadUsageByPlan,
} from "@/lib/billing/loaders";
import { addMonths, currentMonth } from "@/lib/billing/months";

export const metadata: Metadata = { title: "Reports" };

const n = (v: number) => v.toLocaleString("en-US");
const isMonth = (s: string | undefined): s is string => Boolean(s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s));

export default async function FinanceReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await requirePermission("finance.view");
  const sp = await searchParams;
  const cur = currentMonth(new Date());
  const to = isMonth(sp.to) ? sp.to : cur;
  const from = isMonth(sp.from) && sp.from <= to ? sp.from : addMonths(to, -11);
  const months = monthsBetween(from, to);
  const previous = addMonths(to, -1);
  const underWay = to === cur;
  const [rows, names, plans, days, previousDays] = await Promise.all([
    loadUsageByMonthAndTenant(actor, from, to),
    loadTenantNames(actor),
    loadUsageByPlan(actor, from, to),
    loadUsageByDay(actor, to),
    underWay ? loadUsageByDay(actor, previous) : Promise.resolve([]),
  ]);
  const tenants = tenantUsage(rows, months, (id) => (id ? (names.get(id) ?? id) : "Keys without a tenant"));
  const totals = monthTotals(rows, months);
  const total = tenants.reduce((s, t) => s + t.total, 0);
  const last = totals.at(-1)?.requests ?? 0;
  const prev = totals.at(-2)?.requests ?? 0;
  const mom = monthOverMonth({
    month: to,
    previous,
    totals: { month: last, previous: prev },
    ...(underWay
      ? { partial: { today: new Date().toISOString().slice(0, 10), monthDays: days, previousDays } }
      : {}),
  });
  const csv = (by: string) => `/api/finance/reports/usage?${new URLSearchParams({ from, to, by })}`;
  return (
    <>
      <PageHeader
        title="Usage reports"
        description="Requests from the synced daily usage of every API key (UTC days), by tenant, usage plan, day and month. A usage plan is API Gateway's grouping of API stages with throttling and quota; keys are attached to one."
        actions={
          <>
            <a className={buttonVariants({ variant: "outline" })} href={csv("tenant-month")} download>
              CSV: tenant × month
            </a>
            <a className={buttonVariants({ variant: "outline" })} href={csv("plan")} download>
              CSV: by usage plan
            </a>
          </>
        }
      />
      <form className="mb-6 flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          From
          <Input type="month" name="from" defaultValue={from} className="w-40" />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          To
          <Input type="month" name="to" defaultValue={to} className="w-40" />
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      {total === 0 ? (
        <EmptyState
          icon={<BarChart3 />}
          title="No usage in this period"
          description="Usage appears once the usage sync has pulled API Gateway's per-key counts for these months."
        />
      ) : (
        <div className="flex flex-col gap-6">
          <StatGrid>
            <Stat label={`Requests ${from} – ${to}`} value={n(total)} />
            <Stat
              label={underWay ? `Requests in ${to} so far` : `Requests in ${to}`}
              value={n(last)}
              hint={underWay ? "The month is still under way." : undefined}
            />
            <Stat
              label="Month-over-month"
              value={
                <span data-testid="month-over-month">
                  {mom.percent === null ? "—" : `${mom.percent >= 0 ? "+" : ""}${mom.percent}%`}
                </span>
              }
              hint={mom.compared}
            />
            <Stat label="Tenants with usage" value={n(tenants.filter((t) => t.tenantId).length)} />
          </StatGrid>
          <Card>
            <CardHeader>
              <CardTitle>Requests per month</CardTitle>
            </CardHeader>
            <CardContent>
              <UsageChart data={totals} label="Requests per month" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Top tenants</CardTitle>
              <CardDescription>
                {underWay
                  ? `Growth compares ${to}, which is still under way (partial), with the whole month before.`
                  : `Growth compares ${to} with the month before.`}
              </CardDescription>
            </CardHeader>
            <CardContent className="overflow-x-auto">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Tenant</TableHead>
                    {months.slice(-6).map((m) => (
                      <TableHead key={m} className="text-right">
                        {m}
                      </TableHead>
                    ))}
                    <TableHead className="text-right">Total</TableHead>
                    <TableHead className="text-right">
                      {underWay ? "Growth (partial month)" : "Growth"}
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {tenants.slice(0, 20).map((t) => (
                    <TableRow key={t.tenantId ?? "none"}>
                      <TableCell className="font-medium">{t.tenantName}</TableCell>
                      {months.slice(-6).map((m) => (
                        <TableCell key={m} className="text-right tabular-nums">
                          {n(t.byMonth[m] ?? 0)}
                        </TableCell>
                      ))}
                      <TableCell className="text-right tabular-nums">{n(t.total)}</TableCell>
                      <TableCell className="text-right tabular-nums">
                        {t.growth === null ? "new" : `${t.growth >= 0 ? "+" : ""}${t.growth}%`}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Per day in {to}</CardTitle>
              </CardHeader>
              <CardContent>
                <UsageChart
                  data={days.map((d) => ({ period: d.day.slice(8), requests: d.requests }))}
                  label={`Requests per day in ${to}`}
                />
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>By usage plan</CardTitle>
                <CardDescription>
                  Requests per usage plan in {from} – {to} (its API stages are listed under Usage plans).
                </CardDescription>
              </CardHeader>
              <CardContent>
                <Table aria-label="Requests by usage plan">
                  <TableBody>
                    {plans.map((p) => (
                      <TableRow key={p.usagePlanId}>
                        <TableCell>
                          <span className="font-medium">{p.usagePlanName ?? "Unknown plan"}</span>
                          <div className="font-mono text-xs text-muted-foreground">{p.usagePlanId}</div>
                        </TableCell>
                        <TableCell className="text-right tabular-nums">{n(p.requests)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          </div>
        </div>
      )}
    </>
  );
}
