import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/page-guard";
import { formatDate, formatDateTime } from "@/lib/format";
import { InviteUserDialog } from "./_components/invite-user-dialog";
import { RevokeInvitationButton, UserStatusButton } from "./_components/user-actions";
import { loadInvitations, loadUsers } from "@/lib/users/loaders";
import { loadActiveTenantOptions } from "@/lib/tenants/loaders";

export const metadata: Metadata = { title: "Users" };

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
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Email</TableHead>
            <TableHead>Name</TableHead>
            <TableHead>Role</TableHead>
            <TableHead>Tenant</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Since</TableHead>
            <TableHead className="text-right">Actions</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {users.map((u) => (
            <TableRow key={u.id} data-testid={`user-row-${u.email}`}>
              <TableCell className="font-medium">{u.email}</TableCell>
              <TableCell>{u.name}</TableCell>
              <TableCell>
                <Badge variant="outline">{u.role}</Badge>
              </TableCell>
              <TableCell>{u.tenantName ?? "—"}</TableCell>
              <TableCell>
                {u.disabled ? (
                  <Badge variant="destructive">Disabled</Badge>
                ) : (
                  <Badge variant="success">Active</Badge>
                )}
              </TableCell>
              <TableCell>{formatDate(u.createdAt)}</TableCell>
              <TableCell className="text-right">
                {u.id === actor.id ? (
                  <span className="text-xs text-muted-foreground">you</span>
                ) : (
                  <UserStatusButton user={{ id: u.id, email: u.email, disabled: u.disabled }} />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Card className="mt-8">
        <CardHeader>
          <CardTitle>Invitations</CardTitle>
          <CardDescription>
            Links work once and expire after 24 hours. Without SMTP they appear in the Outbox.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {invitations.length === 0 ? (
            <p className="text-sm text-muted-foreground">No invitations sent yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Role</TableHead>
                  <TableHead>Tenant</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Expires</TableHead>
                  <TableHead className="text-right">Actions</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invitations.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>{i.email}</TableCell>
                    <TableCell>{i.role}</TableCell>
                    <TableCell>{i.tenantName ?? "—"}</TableCell>
                    <TableCell>
                      <Badge variant={i.status === "pending" ? "default" : "outline"}>{i.status}</Badge>
                    </TableCell>
                    <TableCell className="text-xs">{formatDateTime(i.expiresAt)}</TableCell>
                    <TableCell className="text-right">
                      {i.status === "pending" ? (
                        <RevokeInvitationButton invitation={{ id: i.id, email: i.email }} />
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
