import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Metrics" };

export default async function Page() {
  await requirePermission("ops.view");
  return (
    <SectionPlaceholder
      title="Metrics"
      description="CloudWatch metrics per API stage: requests, 4XX and 5XX error rates and latency percentiles."
      arrives="the operator console issue"
    />
  );
}
