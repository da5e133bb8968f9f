import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OperationChangeDto } from "@/lib/portal/diff";

const KIND = { added: "Added", removed: "Removed", changed: "Changed" } as const;

/** A list of operation changes (one deployment's), breaking ones first and marked. */
export function OperationChanges({ changes }: { changes: OperationChangeDto[] }) {
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">No operation changed.</p>;
  return (
    <ul className="grid gap-2 text-sm">
      {changes.map((c) => (
        <li key={`${c.kind}:${c.operation}`} className="grid gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={c.kind === "added" ? "success" : c.kind === "removed" ? "destructive" : "info"}>
              {KIND[c.kind]}
            </Badge>
            <code className="font-mono text-xs">{c.operation}</code>
            {c.breaking ? <Badge variant="warning">Breaking</Badge> : null}
          </div>
          {c.details.length > 0 ? (
            <ul className="list-disc pl-6 text-muted-foreground">
              {c.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ApiChangeList({
  entries,
}: {
  entries: {
    id: string;
    at: string;
    toDeploymentId: string;
    breaking: boolean;
    changes: OperationChangeDto[];
  }[];
}) {
  return (
    <ol className="grid gap-4" aria-label="Changes, newest first">
      {entries.map((e) => (
        <li key={e.id}>
          <Card>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                <time dateTime={e.at}>{new Date(e.at).toUTCString().replace(":00 GMT", " UTC")}</time>
                <span className="text-muted-foreground">· deployment {e.toDeploymentId}</span>
                {e.breaking ? <Badge variant="warning">Has breaking changes</Badge> : null}
              </CardTitle>
            </CardHeader>
            <CardContent>
              <OperationChanges changes={e.changes} />
            </CardContent>
          </Card>
        </li>
      ))}
    </ol>
  );
}
