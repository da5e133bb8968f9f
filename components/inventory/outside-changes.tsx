import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { formatDateTime } from "@/lib/format";
import { loadOutsideChanges } from "@/lib/inventory/read";

const href = (c: { objectType: string; apiId: string; stageName: string | null }) =>
  c.objectType === "rest-stage" && c.stageName
    ? `/ops/apis/rest/${c.apiId}/stages/${encodeURIComponent(c.stageName)}`
    : c.objectType === "v2-stage" && c.stageName
      ? `/ops/apis/v2/${c.apiId}/stages/${encodeURIComponent(c.stageName)}`
      : c.objectType === "usage-plan"
        ? "/ops/usage-plans"
        : "/ops/apis";

/** The overview's badge: changes made in AWS outside Tollgate in the last 24 hours, newest first. */
export async function OutsideChangesCard({ actor }: { actor: Actor }) {
  const { count, items } = await loadOutsideChanges(actor);
  if (count === 0) return null;
  return (
    <Card className="mt-4" data-testid="outside-changes">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          Changed outside Tollgate <Badge variant="warning">{count} in 24 h</Badge>
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2 text-sm">
          {items.map((c) => (
            <li key={c.id}>
              <Link href={href(c)} className="font-medium text-primary underline-offset-4 hover:underline">
                {c.objectName}
              </Link>{" "}
              <span className="text-muted-foreground">{formatDateTime(c.windowEnd)}</span>
              <div>{c.summary.join("; ")}</div>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
