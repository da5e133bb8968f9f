import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ChangeDto } from "@/lib/inventory/read";
import { formatDateTime } from "@/lib/format";

export type RolloutNote = { id: string; at: string; status: string; lastError: string | null };

/**
 * A stage's Changes timeline: Tollgate's own changes and the ones found outside Tollgate, together, newest first,
 * with rollouts that failed safe because of one.
 */
export function ChangesTimeline({ changes, rollouts }: { changes: ChangeDto[]; rollouts: RolloutNote[] }) {
  const items = [
    ...changes.map((c) => ({ at: c.windowEnd, key: c.id, change: c, rollout: null })),
    ...rollouts
      .filter((r) => r.status === "failed" && r.lastError)
      .map((r) => ({ at: r.at, key: r.id, change: null, rollout: r })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Changes</CardTitle>
        <CardDescription>
          Changes to this stage made in Tollgate and those found in AWS that Tollgate did not make (another
          console, CLI, Terraform or a pipeline). AWS does not say who made an outside change; the time is
          when AWS last updated the stage, found by the sync between the two times shown.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No changes recorded since Tollgate began watching this stage.
          </p>
        ) : (
          <ol className="flex flex-col gap-3" data-testid="changes-timeline">
            {items.map(({ key, change: c, rollout: r }) =>
              c ? (
                <li key={key} className="border-l-2 pl-3" data-source={c.source}>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {c.source === "outside" ? (
                      <Badge variant="warning">outside Tollgate</Badge>
                    ) : (
                      <Badge variant="secondary">Tollgate</Badge>
                    )}
                    <span className="text-muted-foreground">
                      {c.awsAt ? formatDateTime(c.awsAt) : formatDateTime(c.windowEnd)}
                    </span>
                    <span>
                      {c.source === "outside"
                        ? c.windowStart
                          ? `found between ${formatDateTime(c.windowStart)} and ${formatDateTime(c.windowEnd)}; AWS does not say by whom`
                          : "AWS does not say by whom"
                        : `by ${c.actorEmail ?? "Tollgate"}`}
                    </span>
                  </div>
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {c.summary.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </li>
              ) : (
                <li key={key} className="border-l-2 border-destructive pl-3">
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    <Badge variant="destructive">rollout failed safe</Badge>
                    <span className="text-muted-foreground">{formatDateTime(r!.at)}</span>
                  </div>
                  <p className="mt-1 text-sm">
                    The automated rollout stopped without touching the stage: {r!.lastError}
                  </p>
                </li>
              ),
            )}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
