import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DeploymentImpactDto } from "@/lib/portal/impact";
import { OperationChanges } from "./api-change-list";

/**
 * Operators, before a promotion or deploy: what partners would see change (the same comparison as the partner
 * changelog, from the deployments' API summaries), with breaking changes and the tenants that may be affected.
 * A comparison whose summaries the background sync has not read yet says so (`pending`) instead of a list.
 */
export function DeploymentImpact({ impacts }: { impacts: DeploymentImpactDto[] | null }) {
  if (impacts === null)
    return (
      <Alert variant="warning" title="What partners would see change is not known right now">
        API Gateway could not be asked for the deployments&apos; operations. Check the API before you deploy
        or promote.
      </Alert>
    );
  if (impacts.length === 0) return null;
  return (
    <Card data-testid="deployment-impact">
      <CardHeader>
        <CardTitle>What partners would see change</CardTitle>
        <CardDescription>
          Operations compared with the deployment this stage serves now. Partners see the same list in their
          portal changelog once the change is live.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {impacts.map((i) => (
          <section key={i.title} aria-label={i.title} className="grid gap-2">
            <h3 className="text-sm font-semibold">{i.title}</h3>
            {i.pending ? (
              <p className="text-sm text-muted-foreground" data-testid="impact-pending">
                {i.pending}
              </p>
            ) : null}
            {i.breaking ? (
              <Alert variant="warning" title="This removes or breaks operations partners may call">
                {i.who}
              </Alert>
            ) : null}
            {i.pending ? null : <OperationChanges changes={i.changes} />}
          </section>
        ))}
      </CardContent>
    </Card>
  );
}
