import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Invoices" };

export default async function Page() {
  await requirePermission("partner.view");
  return (
    <SectionPlaceholder
      title="Invoices"
      description="Your monthly invoices, computed from your usage and your price plan."
      arrives="the finance issue"
    />
  );
}
