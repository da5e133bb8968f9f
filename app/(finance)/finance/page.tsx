import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Reports" };

export default async function FinanceHome() {
  await requirePermission("finance.view");
  return (
    <SectionPlaceholder
      title="Reports"
      description="Usage by tenant, plan, API stage and month; revenue, cost-to-serve and margin."
      arrives="the finance issue"
    />
  );
}
