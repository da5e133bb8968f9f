import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { openApiDocument } from "@/lib/api/openapi";
import { requirePermission } from "@/lib/auth/page-guard";

export const metadata: Metadata = { title: "Automation API" };

type Op = {
  operationId: string;
  summary: string;
  description: string;
  parameters?: { name: string; in: string; required: boolean; description?: string }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

/**
 * The automation API's reference, rendered on the server from the same OpenAPI document /api/v1/openapi.json serves
 * (no client-side renderer: nothing to load, nothing to clash with the partner portal's).
 */
export default async function ApiDocsPage() {
  await requirePermission("ops.view");
  const doc = openApiDocument() as { paths: Record<string, Record<string, Op>> };
  const entries = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  return (
    <>
      <PageHeader
        title="Automation API"
        description="A versioned JSON API for pipelines and platforms: send a token from API tokens as Authorization: Bearer. Errors are problem details (application/problem+json) with the console's own messages; every POST accepts an Idempotency-Key header so a retry changes nothing twice."
        actions={
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-primary hover:underline">
            OpenAPI 3.1 document
          </a>
        }
      />
      <div className="grid gap-4">
        {entries.map(({ path, method, op }) => (
          <Card key={`${method} ${path}`} id={op.operationId}>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2 font-mono text-sm">
                <Badge variant={method === "GET" ? "secondary" : "default"}>{method}</Badge>
                <span className="break-all">{path}</span>
                <CopyButton value={path} label={`Copy path ${path}`} size="sm" />
              </CardTitle>
              <CardDescription>{op.summary}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <p className="whitespace-pre-line text-muted-foreground">{op.description}</p>
              {op.parameters?.length ? (
                <ul className="list-disc pl-5">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ", required" : ""}){p.description ? ` — ${p.description}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {op.requestBody ? (
                <details>
                  <summary className="cursor-pointer font-medium">Request body (JSON Schema)</summary>
                  <pre className="mt-2 overflow-x-auto rounded bg-muted p-2 text-xs">
                    {JSON.stringify(op.requestBody.content["application/json"].schema, null, 2)}
                  </pre>
                </details>
              ) : null}
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
