import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatMinor, minorToDecimal } from "@/lib/billing/money";
import type { Tier } from "@/lib/billing/pricing";
import { CostSettingsForm } from "./_components/cost-settings-form";
import { loadCostSettings, loadMarginReport } from "@/lib/billing/loaders";
import { addMonths, currentMonth } from "@/lib/billing/months";

export const metadata: Metadata = { title: "Cost & margin" };

const rows = (tiers: Tier[]) =>
  tiers.map((t) => ({
    upTo: t.upTo === null ? "" : String(t.upTo),
    price: minorToDecimal(t.pricePerMillionMinor),
  }));
const microToText = (m: number) =>
  `${Math.floor(m / 1_000_000)}.${String(m % 1_000_000).padStart(6, "0")}`.replace(/0{1,3}$/, "");

export default async function CostsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const actor = await requirePermission("finance.view");
  const sp = await searchParams;
  const month =
    sp.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(sp.month) ? sp.month : addMonths(currentMonth(new Date()), -1);
  const [settings, report] = await Promise.all([loadCostSettings(), loadMarginReport(actor, month)]);
  const margin = BigInt(report.totalRevenueMinor) - BigInt(report.totalCostMinor);
  return (
    <>
      <PageHeader
        title="Cost & margin"
        description="Cost-to-serve is what API Gateway charges your AWS account for the requests (tiered per million per month) and any API cache, shared out to tenants by their share of requests. Margin = invoiced revenue (finalized invoices) − cost."
      />
      <form className="mb-6 flex items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          Month
          <Input type="month" name="month" defaultValue={month} className="w-40" />
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <StatGrid className="mb-6">
        <Stat label={`Requests in ${month}`} value={report.requests.toLocaleString("en-US")} />
        <Stat label="Revenue (finalized)" value={formatMinor(report.totalRevenueMinor)} />
        <Stat label="Cost to serve" value={formatMinor(report.totalCostMinor)} />
        <Stat label="Margin" value={formatMinor(margin)} />
      </StatGrid>
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Margin by tenant, {month}</CardTitle>
        </CardHeader>
        <CardContent>
          {report.rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">No usage or finalized invoices in {month}.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Tenant</TableHead>
                  <TableHead className="text-right">Requests</TableHead>
                  <TableHead className="text-right">Revenue</TableHead>
                  <TableHead className="text-right">Cost</TableHead>
                  <TableHead className="text-right">Margin</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.rows.map((r) => (
                  <TableRow key={r.tenantId ?? "none"}>
                    <TableCell className="font-medium">{r.tenantName}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {r.requests.toLocaleString("en-US")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatMinor(r.revenueMinor)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMinor(r.costMinor)}</TableCell>
                    <TableCell className="text-right tabular-nums">{formatMinor(r.marginMinor)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>API Gateway prices</CardTitle>
          <CardDescription>
            Defaults are AWS&apos;s published us-east-1 prices. Change them to match your region or agreement;
            changes apply to every month shown here and are recorded in the audit trail.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CostSettingsForm
            editable={can(actor.role, "finance.manage")}
            initial={{
              apiType: settings.apiType,
              restTiers: rows(settings.restTiers),
              httpTiers: rows(settings.httpTiers),
              cacheHourPrice: microToText(settings.cacheHourMicro),
              cacheHoursPerMonth: String(settings.cacheHoursPerMonth),
            }}
          />
        </CardContent>
      </Card>
    </>
  );
}
