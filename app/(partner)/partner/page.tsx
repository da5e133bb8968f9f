import type { Metadata } from "next";
import { SectionPlaceholder } from "@/components/shell/section-placeholder";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "API keys" };

export default async function PartnerHome() {
  const actor = await requirePermission("partner.view");
  return (
    <SectionPlaceholder
      title={`API keys · ${actor.kind === "partner" ? actor.tenantName : ""}`}
      description="An API key identifies your application to the API; send it in the x-api-key header. You will create, rotate and revoke keys here."
      arrives="the usage plans and keys issue"
    />
  );
}
