import type { Metadata } from "next";
import Link from "next/link";
import { ApiGuide } from "@/components/portal/api-guide";
import { ApiReferenceLoader } from "@/components/portal/api-reference-loader";
import { ApiWorkbench } from "@/components/portal/api-workbench";
import { buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { readPage } from "@/lib/page-read";
import { loadApiReference } from "@/lib/portal/loaders";

export const metadata: Metadata = { title: "API reference" };

type Params = { apiId: string; stage: string };

/**
 * The reference of one stage of the partner's catalog: the operators' guide, examples, Try it and the OpenAPI
 * reference. Another plan's stage (or a hidden one) is a 404, like one that does not exist.
 */
export default async function PartnerApiPage({ params }: { params: Promise<Params> }) {
  const actor = await requirePermission("partner.view");
  const { apiId, stage } = await params;
  const read = await readPage(loadApiReference(actor, decodeURIComponent(apiId), decodeURIComponent(stage)));
  if (!read.ok) return <PageReadError title="The API reference could not be loaded" message={read.message} />;
  const { entry, doc } = read.data;
  const base = `/partner/apis/${encodeURIComponent(entry.apiId)}/${encodeURIComponent(entry.stage)}`;
  const file = `/api/partner/apis/${encodeURIComponent(entry.apiId)}/${encodeURIComponent(entry.stage)}/openapi`;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/partner/apis" className="hover:underline">
            ← APIs
          </Link>
        }
        title={`${entry.name} · ${entry.stage}`}
        description={entry.description ?? undefined}
        actions={
          <>
            <Link href={`${base}/changes`} className={buttonVariants({ variant: "outline", size: "sm" })}>
              Changes
            </Link>
            <a href={file} className={buttonVariants({ variant: "outline", size: "sm" })} download>
              OpenAPI (JSON)
            </a>
            <a
              href={`${file}?format=yaml`}
              className={buttonVariants({ variant: "outline", size: "sm" })}
              download
            >
              OpenAPI (YAML)
            </a>
          </>
        }
      />
      <div className="mb-4 flex items-center gap-2 rounded border bg-muted p-2 text-sm">
        <span className="text-muted-foreground">Base URL</span>
        <code className="grow font-mono text-xs break-all">{entry.baseUrl}</code>
        <CopyButton value={entry.baseUrl} label="Copy the base URL" />
      </div>
      {entry.guide ? <ApiGuide markdown={entry.guide} /> : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_26rem]">
        <section aria-label="Reference" className="min-w-0">
          <ApiReferenceLoader doc={doc} />
        </section>
        <aside aria-label="Examples and Try it" className="min-w-0">
          <ApiWorkbench apiId={entry.apiId} stage={entry.stage} baseUrl={entry.baseUrl} doc={doc} />
        </aside>
      </div>
    </>
  );
}
