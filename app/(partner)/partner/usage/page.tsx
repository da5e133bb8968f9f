import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Usage" };

export default async function Page() {
  await requirePermission("partner.view");
  return (
    <SectionPlaceholder
      title="Usage"
      description="Requests per day against your plan's quota, with a forecast of when you would reach it."
      arrives="the usage plans and keys issue"
    />
  );
}
