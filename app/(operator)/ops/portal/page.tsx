import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { readPage } from "@/lib/page-read";
import { loadPortalSettings } from "@/lib/portal/loaders";
import { PortalSettingForm } from "./_components/portal-setting-form";

export const metadata: Metadata = { title: "Developer portal" };

/** Operators: per API stage, the guide partners read above the reference and whether the stage is in the catalog. */
export default async function OpsPortalPage() {
  const actor = await requirePermission("portal.manage");
  const read = await readPage(loadPortalSettings(actor));
  if (!read.ok)
    return <PageReadError title="The portal settings could not be loaded" message={read.message} />;
  return (
    <>
      <PageHeader
        title="Developer portal"
        description="What partners see under APIs. A partner sees only the stages its usage plans include; by default each is listed with its reference and no guide. Write a guide (Markdown: getting started, authentication, errors) or hide a stage from the catalog here."
      />
      {read.data.length === 0 ? (
        <EmptyState
          title="No REST API stages yet"
          description="Stages appear here once the inventory has read them from API Gateway."
        />
      ) : (
        <div className="grid gap-4">
          {read.data.map((s) => (
            <PortalSettingForm key={`${s.apiId}:${s.stage}`} setting={s} />
          ))}
        </div>
      )}
    </>
  );
}
