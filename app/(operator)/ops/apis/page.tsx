import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "APIs" };

export default async function Page() {
  await requirePermission("ops.view");
  return (
    <SectionPlaceholder
      title="APIs"
      description="REST, HTTP and WebSocket APIs in API Gateway, with their stages (named snapshots such as dev or prod that clients call) and deployments."
      arrives="the operator console issue"
    />
  );
}
