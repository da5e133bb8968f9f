import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Plan" };

export default async function Page() {
  await requirePermission("partner.view");
  return (
    <SectionPlaceholder
      title="Plan"
      description="What your plan allows: request rate, burst, quota and the APIs it covers, with a ready curl example."
      arrives="the usage plans and keys issue"
    />
  );
}
