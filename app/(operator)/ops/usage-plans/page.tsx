import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Usage plans" };

export default async function Page() {
  await requirePermission("ops.view");
  return (
    <SectionPlaceholder
      title="Usage plans"
      description="A usage plan sets how fast (throttle: requests per second and burst) and how much (quota per day, week or month) each API key may call the API stages it covers."
      arrives="the usage plans and keys issue"
    />
  );
}
