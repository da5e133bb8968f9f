import type { Metadata } from "next";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { loadAlertSettings } from "@/lib/alerts/loaders";
import { requirePermission } from "@/lib/auth/page-guard";
import { readPage } from "@/lib/page-read";
import { AlertSwitch } from "./_components/alert-switch";

export const metadata: Metadata = { title: "Alerts" };

/** The signed-in partner user's own e-mail alerts: all off until they turn one on. */
export default async function PartnerAlertsPage() {
  const actor = await requirePermission("alerts.self");
  const read = await readPage(loadAlertSettings(actor));
  if (!read.ok) return <PageReadError title="Your alerts could not be loaded" message={read.message} />;
  return (
    <>
      <PageHeader
        title="Alerts"
        description={`E-mails to ${actor.email} when something needs your attention. Each alert is sent once per event, and every mail has a link to stop that kind of alert without signing in.`}
      />
      <Card>
        <CardHeader>
          <CardTitle>Your e-mail alerts</CardTitle>
          <CardDescription>
            Only you get the alerts you turn on here; teammates choose their own.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {read.data.map((a) => (
            <AlertSwitch key={a.kind} kind={a.kind} label={a.label} description={a.description} on={a.on} />
          ))}
        </CardContent>
      </Card>
    </>
  );
}
