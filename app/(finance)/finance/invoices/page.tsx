import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page() {
  await requirePermission("finance.view");
  return (
    <SectionPlaceholder
      title="Invoices"
      description="Monthly invoices per tenant: draft, finalized and void."
      arrives="the finance issue"
    />
  );
}
