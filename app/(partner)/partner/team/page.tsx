import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { PageReadError } from "@/components/page-read-error";
import { requirePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { readPage } from "@/lib/page-read";
import { loadTeam } from "@/lib/team/loaders";
import { InviteTeammateDialog } from "./_components/invite-teammate-dialog";
import { RemoveTeammateButton, RevokeTeamInvitationButton } from "./_components/team-row-actions";

export const metadata: Metadata = { title: "Team" };

const ROLE = { partner: "Owner", member: "Member" } as const;

/** The tenant's people: owners manage them, members see who is on the team. */
export default async function PartnerTeamPage() {
  const actor = await requirePermission("partner.view");
  const read = await readPage(loadTeam(actor));
  if (!read.ok) return <PageReadError title="Your team could not be loaded" message={read.message} />;
  const manage = can(actor.role, "team.manage");
  const { teammates, invitations } = read.data;
  return (
    <>
      <PageHeader
        title="Team"
        description="Everyone of your organisation who signs in to Tollgate. Owners and members see the same API keys and usage; only owners revoke or delete keys, ask for another plan and invite or remove colleagues."
        actions={manage ? <InviteTeammateDialog /> : null}
      />
      <div className="grid gap-4">
        <Card>
          <CardHeader>
            <CardTitle>People ({teammates.length})</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-2" aria-label="Team members">
              {teammates.map((t) => (
                <li
                  key={t.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded border p-3 text-sm"
                >
                  <div className="grid gap-0.5">
                    <span className="font-medium">
                      {t.name}
                      {t.you ? " (you)" : ""}
                    </span>
                    <span className="break-all text-muted-foreground">{t.email}</span>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge variant={t.role === "partner" ? "default" : "secondary"}>{ROLE[t.role]}</Badge>
                    {t.disabled ? <Badge variant="destructive">Disabled</Badge> : null}
                    {manage && !t.you ? (
                      <RemoveTeammateButton userId={t.id} name={t.name} email={t.email} />
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        {invitations.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>Pending invitations</CardTitle>
              <CardDescription>Links not used yet; each expires 24 hours after it was sent.</CardDescription>
            </CardHeader>
            <CardContent>
              <ul className="grid gap-2" aria-label="Pending invitations">
                {invitations.map((i) => (
                  <li
                    key={i.id}
                    className="flex flex-wrap items-center justify-between gap-2 rounded border p-3 text-sm"
                  >
                    <div className="grid gap-0.5">
                      <span className="break-all font-medium">{i.email}</span>
                      <span className="text-muted-foreground">Expires {formatDateTime(i.expiresAt)}</span>
                    </div>
                    <div className="flex items-center gap-2">
                      <Badge variant="outline">{ROLE[i.role]}</Badge>
                      {manage ? <RevokeTeamInvitationButton invitationId={i.id} email={i.email} /> : null}
                    </div>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
