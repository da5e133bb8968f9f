import type { Metadata } from "next";
import Link from "next/link";
import { ApiChangeList } from "@/components/portal/api-change-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { readPage } from "@/lib/page-read";
import { loadApiChanges } from "@/lib/portal/loaders";

export const metadata: Metadata = { title: "API changes" };

/** The changelog of one stage of the partner's catalog: what each new deployment added, removed or changed. */
export default async function PartnerApiChangesPage({
  params,
}: {
  params: Promise<{ apiId: string; stage: string }>;
}) {
  const actor = await requirePermission("partner.view");
  const { apiId, stage } = await params;
  const read = await readPage(loadApiChanges(actor, decodeURIComponent(apiId), decodeURIComponent(stage)));
  if (!read.ok) return <PageReadError title="The changes could not be loaded" message={read.message} />;
  const { entry, changes } = read.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link
            href={`/partner/apis/${encodeURIComponent(entry.apiId)}/${encodeURIComponent(entry.stage)}`}
            className="hover:underline"
          >
            ← {entry.name} · {entry.stage}
          </Link>
        }
        title="Changes"
        description="Every time your API provider publishes a new version of this stage (a deployment), Tollgate compares its operations with the previous one. Breaking changes are those that can make a request that worked before fail."
      />
      {changes.length === 0 ? (
        <EmptyState
          title="No changes yet"
          description="This stage has not changed since Tollgate started following it."
        />
      ) : (
        <ApiChangeList entries={changes} />
      )}
    </>
  );
}
