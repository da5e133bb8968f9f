"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { SecretLinkDialog } from "@/components/ui/secret-link-dialog";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { changeUserRoleAction } from "@/lib/actions/change-user-role";
import { issuePasswordResetAction } from "@/lib/actions/issue-password-reset";
import { resendInvitationAction } from "@/lib/actions/resend-invitation";
import { isTenantRole, ROLES, type Role } from "@/lib/auth/permissions";

const ROLE_LABEL: Record<Role, string> = {
  admin: "Admin — everything, including users",
  operator: "Operator — gateway, tenants, usage plans, keys",
  finance: "Finance — price plans, invoices, reports",
  partner: "Partner owner — one tenant's keys, usage, invoices and team",
  member: "Partner member — one tenant's keys and usage; cannot revoke keys or invite",
};

export function ChangeRoleDialog({
  user,
  tenants,
}: {
  user: { id: string; email: string; role: Role; tenantId: string | null };
  tenants: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [tenantId, setTenantId] = useState(user.tenantId ?? "");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) {
          setRole(user.role);
          setTenantId(user.tenantId ?? "");
          setErrors({});
          setFormError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Change role of ${user.email}`}>
          Change role
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            start(async () => {
              const res = await changeUserRoleAction({ userId: user.id, role, tenantId });
              if (!res.ok) {
                setErrors(res.fieldErrors ?? {});
                setFormError(res.fieldErrors ? null : res.error);
                return;
              }
              toast.success(`${user.email} is now ${res.data.role}.`);
              setOpen(false);
              router.refresh();
            });
          }}
        >
          <DialogHeader>
            <DialogTitle>Change the role of {user.email}</DialogTitle>
            <DialogDescription>
              The role decides which pages they see and what they may change. Their open sessions end now;
              they sign in again and land on the new role&apos;s pages. Partners belong to one tenant.
            </DialogDescription>
          </DialogHeader>
          {formError ? <Alert variant="destructive">{formError}</Alert> : null}
          <FormField label="Role" id={`role-${user.id}`} error={errors.role?.[0]}>
            <Select
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
            />
          </FormField>
          {isTenantRole(role) ? (
            <FormField label="Tenant" id={`tenant-${user.id}`} error={errors.tenantId?.[0]}>
              <Select
                value={tenantId}
                onChange={(e) => setTenantId(e.target.value)}
                placeholder="Choose the partner's tenant"
                options={tenants.map((t) => ({ value: t.id, label: t.name }))}
              />
            </FormField>
          ) : null}
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Change role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function PasswordResetButton({ user }: { user: { id: string; email: string } }) {
  const [link, setLink] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Reset password of ${user.email}`}>
            Reset password
          </Button>
        }
        title={`Issue a password-reset link for ${user.email}?`}
        description="Tollgate makes a link that lets whoever opens it set a new password for this account, once, within 24 hours. Older reset links stop working, and setting the password ends the user's open sessions. Their current password keeps working until then. The link is shown once: pass it on to the user yourself."
        confirmLabel="Issue link"
        onConfirm={async () => {
          const res = await issuePasswordResetAction({ userId: user.id });
          if (!res.ok) return void toast.error(res.error);
          setLink(res.data.link);
        }}
      />
      <SecretLinkDialog
        title={`Password-reset link for ${user.email}`}
        description="Send it to the user through a channel you trust. It works once, for 24 hours."
        link={link}
        onDone={() => setLink(null)}
      />
    </>
  );
}

export function ResendInvitationButton({
  invitation,
}: {
  invitation: { id: string; email: string; status: string };
}) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Resend invitation to ${invitation.email}`}>
            Resend
          </Button>
        }
        title={`Resend the invitation to ${invitation.email}?`}
        description={`Tollgate makes a new invitation link and mails it again (without SMTP it goes to the Outbox). ${
          invitation.status === "pending" ? "The current link stops working. " : ""
        }You also see the new link once here, to copy and pass on yourself.`}
        confirmLabel="Resend invitation"
        onConfirm={async () => {
          const res = await resendInvitationAction({ invitationId: invitation.id });
          if (!res.ok) return void toast.error(res.error);
          toast.success(
            res.data.delivered ? `Invitation mailed to ${res.data.email}.` : "New invitation link created.",
          );
          setLink(res.data.link);
        }}
      />
      <SecretLinkDialog
        title={`Invitation link for ${invitation.email}`}
        description="It works once and expires in 24 hours. Earlier links to this address no longer work."
        link={link}
        onDone={() => {
          setLink(null);
          router.refresh();
        }}
      />
    </>
  );
}
