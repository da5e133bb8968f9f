import type { Metadata } from "next";
import { DataTable } from "@/components/lists/data-table";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDate, formatDateTime } from "@/lib/format";
import { InviteUserDialog } from "./_components/invite-user-dialog";
import { RevokeInvitationButton, UserStatusButton } from "./_components/user-actions";
import {
  ChangeRoleDialog,
  PasswordResetButton,
  ResendInvitationButton,
} from "./_components/user-manage-actions";
import { loadInvitations, loadUsers } from "@/lib/users/loaders";
import { loadActiveTenantOptions } from "@/lib/tenants/loaders";

export const metadata: Metadata = { title: "Users" };

/** How each invitation state looks: a revoked or expired one must not look like a live link. */
const INVITATION_LOOK = {
  pending: { label: "Pending", variant: "info" },
  accepted: { label: "Accepted", variant: "success" },
  revoked: { label: "Revoked", variant: "destructive" },
  expired: { label: "Expired", variant: "warning" },
} as const;

export default async function UsersPage() {
  const actor = await requirePermission("users.read");
  const [users, invitations, tenants] = await Promise.all([
    loadUsers(actor),
    loadInvitations(actor),
    loadActiveTenantOptions(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Users"
        description="People who can sign in. Invite them by email with a role; partners belong to one tenant. Disabling a user ends their open sessions at once."
        actions={<InviteUserDialog tenants={tenants} />}
      />
      <DataTable
        caption="Users"
        rows={users}
        rowKey={(u) => u.id}
        rowProps={(u) => ({ "data-testid": `user-row-${u.email}` })}
        columns={[
          { header: "Email", primary: true, cell: (u) => u.email },
          { header: "Name", cell: (u) => u.name },
          { header: "Role", cell: (u) => <Badge variant="outline">{u.role}</Badge> },
          { header: "Tenant", cell: (u) => u.tenantName ?? "—" },
          {
            header: "Status",
            cell: (u) =>
              u.disabled ? (
                <Badge variant="destructive">Disabled</Badge>
              ) : (
                <Badge variant="success">Active</Badge>
              ),
          },
          { header: "Since", cell: (u) => formatDate(u.createdAt) },
          {
            header: "Actions",
            actions: true,
            cell: (u) =>
              u.id === actor.id ? (
                <span className="text-xs text-muted-foreground">you</span>
              ) : (
                <div className="flex flex-wrap justify-end gap-1">
                  <ChangeRoleDialog
                    user={{ id: u.id, email: u.email, role: u.role, tenantId: u.tenantId }}
                    tenants={tenants}
                  />
                  <PasswordResetButton user={{ id: u.id, email: u.email }} />
                  <UserStatusButton user={{ id: u.id, email: u.email, disabled: u.disabled }} />
                </div>
              ),
          },
        ]}
      />
      <Card className="mt-8">
        <CardHeader>
          <CardTitle>Invitations</CardTitle>
          <CardDescription>
            Links work once and expire after 24 hours. Without SMTP they appear in the Outbox. Resending makes
            a new link and ends the old one.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No invitations sent yet.</p>
          ) : (
            <DataTable
              caption="Invitations"
              rows={invitations}
              rowKey={(i) => i.id}
              rowProps={(i) => ({
                "data-testid": `invitation-row-${i.email}`,
                "data-status": i.status,
                className:
                  i.status === "revoked" || i.status === "expired" ? "text-muted-foreground" : undefined,
              })}
              columns={[
                {
                  header: "Email",
                  primary: true,
                  cell: (i) => (
                    <span className={i.status === "revoked" ? "line-through" : undefined}>{i.email}</span>
                  ),
                },
                { header: "Role", cell: (i) => i.role },
                { header: "Tenant", cell: (i) => i.tenantName ?? "—" },
                {
                  header: "Status",
                  cell: (i) => (
                    <Badge variant={INVITATION_LOOK[i.status].variant}>
                      {INVITATION_LOOK[i.status].label}
                    </Badge>
                  ),
                },
                {
                  header: "Expires",
                  className: "text-xs",
                  cell: (i) => (i.status === "pending" ? formatDateTime(i.expiresAt) : "—"),
                },
                {
                  header: "Actions",
                  actions: true,
                  cell: (i) =>
                    i.status === "accepted" ? null : (
                      <div className="flex flex-wrap justify-end gap-1">
                        <ResendInvitationButton invitation={{ id: i.id, email: i.email, status: i.status }} />
                        {i.status === "pending" ? (
                          <RevokeInvitationButton invitation={{ id: i.id, email: i.email }} />
                        ) : null}
                      </div>
                    ),
                },
              ]}
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
