import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Price plans" };

export default async function Page() {
  await requirePermission("finance.view");
  return (
    <SectionPlaceholder
      title="Price plans"
      description="Versioned price plans: base fee, included requests and tiers per million requests."
      arrives="the finance issue"
    />
  );
}
