import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { readPage } from "@/lib/page-read";
import { loadCatalog } from "@/lib/portal/loaders";

export const metadata: Metadata = { title: "APIs" };

/** The partner's API catalog: the stages their usage plans give access to. Reads the database only (no AWS call). */
export default async function PartnerApisPage() {
  const actor = await requirePermission("partner.view");
  const read = await readPage(loadCatalog(actor));
  if (!read.ok) return <PageReadError title="The API catalog could not be loaded" message={read.message} />;
  const apis = read.data;
  return (
    <>
      <PageHeader
        title="APIs"
        description="The APIs your usage plan lets you call. Each is an API Gateway stage: a published version of an API at its own base URL (the invoke URL). Open one for its reference, examples and Try it."
      />
      {apis.length === 0 ? (
        <EmptyState
          title="No APIs yet"
          description="Your API provider has not given your organisation's usage plan access to an API yet."
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2" aria-label="APIs you can call">
          {apis.map((a) => (
            <li key={`${a.apiId}:${a.stage}`}>
              <Card className="h-full" data-testid={`api-${a.name}-${a.stage}`}>
                <CardHeader>
                  <CardTitle>
                    <Link
                      href={`/partner/apis/${encodeURIComponent(a.apiId)}/${encodeURIComponent(a.stage)}`}
                      className="hover:underline"
                    >
                      {a.name} <span className="text-muted-foreground">· {a.stage}</span>
                    </Link>
                  </CardTitle>
                  {a.description ? <CardDescription>{a.description}</CardDescription> : null}
                </CardHeader>
                <CardContent className="grid gap-3 text-sm">
                  <div className="grid gap-1">
                    <span className="text-muted-foreground">Base URL</span>
                    <div className="flex items-center gap-2 rounded border bg-muted p-2">
                      <code className="grow font-mono text-xs break-all">{a.baseUrl}</code>
                      <CopyButton value={a.baseUrl} label={`Copy the base URL of ${a.name} ${a.stage}`} />
                    </div>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    {a.keyRequired === null ? (
                      <Badge variant="outline">Key requirement shown in the reference</Badge>
                    ) : a.keyRequired ? (
                      <Badge>API key required</Badge>
                    ) : (
                      <Badge variant="secondary">No API key needed</Badge>
                    )}
                    {a.operationCount !== null ? (
                      <Badge variant="outline">
                        {a.operationCount} operation{a.operationCount === 1 ? "" : "s"}
                      </Badge>
                    ) : null}
                  </div>
                  {a.plans.map((p) => (
                    <p key={p.name}>
                      <span className="text-muted-foreground">Limits ({p.name}): </span>
                      {p.rate}; {p.quota}.
                    </p>
                  ))}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
