"use client";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
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
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { inviteTeammateAction } from "@/lib/actions/invite-teammate";
import { inviteTeammateSchema } from "@/lib/schemas/team";

const ROLE_OPTIONS = [
  { value: "member", label: "Member — sees keys and usage, creates and rotates keys" },
  { value: "partner", label: "Owner — also revokes and deletes keys, invites and removes colleagues" },
];

export function InviteTeammateDialog() {
  const [open, setOpen] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const router = useRouter();
  const { form, onSubmit, formError, pending } = useActionForm({
    schema: inviteTeammateSchema,
    action: inviteTeammateAction,
    defaultValues: { email: "", role: "member" },
    onSuccess: (r) => {
      form.reset();
      if (r.link) setLink(r.link);
      else {
        toast.success("Invitation sent.");
        setOpen(false);
        router.refresh();
      }
    },
  });
  const { errors } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o && link) router.refresh();
        if (!o) setLink(null);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden="true" /> Invite colleague
        </Button>
      </DialogTrigger>
      <DialogContent>
        {link ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Invitation created</DialogTitle>
              <DialogDescription>
                No mail server is set up, so pass this link on yourself. It is shown only now, works once and
                expires in 24 hours.
              </DialogDescription>
            </DialogHeader>
            <div className="flex items-center gap-2 rounded border bg-muted p-2">
              <code className="grow font-mono text-xs break-all" data-testid="team-invitation-link">
                {link}
              </code>
              <CopyButton value={link} label="Copy invitation link" />
            </div>
            <DialogFooter>
              <Button
                onClick={() => {
                  setLink(null);
                  setOpen(false);
                  router.refresh();
                }}
              >
                Done
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>Invite a colleague</DialogTitle>
              <DialogDescription>
                They join your organisation and receive a single-use link, valid for 24 hours, to choose a
                password.
              </DialogDescription>
            </DialogHeader>
            {formError ? <Alert variant="destructive">{formError}</Alert> : null}
            <FormField label="Email" id="team-invite-email" error={errors.email?.message}>
              <Input type="email" autoFocus {...form.register("email")} />
            </FormField>
            <FormField label="Role" id="team-invite-role" error={errors.role?.message}>
              <Select options={ROLE_OPTIONS} {...form.register("role")} />
            </FormField>
            <DialogFooter>
              <Button type="submit" loading={pending}>
                Send invitation
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
