import type { Metadata } from "next";
import { Tags } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatMinor, minorToDecimal } from "@/lib/billing/money";
import type { Tier } from "@/lib/billing/pricing";
import { AssignPlanDialog } from "./_components/assign-plan-dialog";
import { PlanTermsDialog, type TermsDefaults } from "./_components/plan-terms-dialog";
import { loadPricePlans, loadTenantOptionsForFinance, type PlanVersionDto } from "@/lib/billing/loaders";

export const metadata: Metadata = { title: "Price plans" };

const tierText = (tiers: Tier[], c: string) =>
  tiers
    .map((t, i) => {
      const from = i === 0 ? 0 : (tiers[i - 1]?.upTo ?? 0);
      const range =
        t.upTo === null ? `over ${from.toLocaleString("en-US")}` : `up to ${t.upTo.toLocaleString("en-US")}`;
      return `${range}: ${formatMinor(t.pricePerMillionMinor, c)}/M`;
    })
    .join(" · ");

const defaultsOf = (v: PlanVersionDto): TermsDefaults => ({
  baseFee: minorToDecimal(v.baseFeeMinor),
  includedRequests: String(v.includedRequests),
  minimumCharge: minorToDecimal(v.minimumChargeMinor),
  tierMode: v.tierMode,
  tiers: v.tiers.map((t) => ({
    upTo: t.upTo === null ? "" : String(t.upTo),
    price: minorToDecimal(t.pricePerMillionMinor),
  })),
});

export default async function PricePlansPage() {
  const actor = await requirePermission("finance.view");
  const manage = can(actor.role, "finance.manage");
  const [plans, tenants] = await Promise.all([loadPricePlans(actor), loadTenantOptionsForFinance(actor)]);
  return (
    <>
      <PageHeader
        title="Price plans"
        description="What tenants pay: a monthly base fee, included requests, graduated or volume tiers per million requests and a minimum charge. Plans are versioned; a change takes effect from a day and never rewrites invoices already priced."
        actions={manage ? <PlanTermsDialog /> : null}
      />
      {plans.length === 0 ? (
        <EmptyState
          icon={<Tags />}
          title="No price plans yet"
          description="Create a plan, then assign it to tenants from a day on."
          action={manage ? <PlanTermsDialog /> : null}
        />
      ) : (
        <div className="flex flex-col gap-6">
          {plans.map((p) => (
            <Card key={p.id} data-testid={`plan-${p.name}`}>
              <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-2">
                <div>
                  <CardTitle>{p.name}</CardTitle>
                  <CardDescription>
                    {p.currency} ·{" "}
                    {p.tenants.length === 0
                      ? "no tenants yet"
                      : p.tenants.map((t) => `${t.tenantName} (from ${t.effectiveFrom})`).join(", ")}
                  </CardDescription>
                </div>
                {manage ? (
                  <div className="flex gap-2">
                    <AssignPlanDialog plan={p} tenants={tenants} />
                    {p.versions[0] ? <PlanTermsDialog plan={p} defaults={defaultsOf(p.versions[0])} /> : null}
                  </div>
                ) : null}
              </CardHeader>
              <CardContent>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Version</TableHead>
                      <TableHead>From</TableHead>
                      <TableHead>Base fee</TableHead>
                      <TableHead>Included</TableHead>
                      <TableHead>Minimum</TableHead>
                      <TableHead>Tiers</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {p.versions.map((v) => (
                      <TableRow key={v.id}>
                        <TableCell>
                          v{v.version}{" "}
                          <Badge variant="outline">
                            {v.tierMode === "GRADUATED" ? "Graduated" : "Volume"}
                          </Badge>
                        </TableCell>
                        <TableCell>{v.effectiveFrom}</TableCell>
                        <TableCell>{formatMinor(v.baseFeeMinor, p.currency)}</TableCell>
                        <TableCell>{v.includedRequests.toLocaleString("en-US")}</TableCell>
                        <TableCell>{formatMinor(v.minimumChargeMinor, p.currency)}</TableCell>
                        <TableCell className="text-xs">{tierText(v.tiers, p.currency)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
