"use client";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
import { FormField, type FieldErrors } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createServiceTokenAction } from "@/lib/actions/create-service-token";
import { createTenantTokenAction } from "@/lib/actions/create-tenant-token";

export type ScopeOption = { name: string; description: string; audience: "staff" | "tenant" | "both" };

/**
 * Creates an automation API token. Admins (`audience="staff"`) pick staff scopes, or a tenant and tenant scopes;
 * partners (`audience="tenant"`) always make one for their own tenant. The value is shown once, with a copy button.
 */
export function CreateTokenDialog({
  audience,
  scopes,
  tenants,
}: {
  audience: "staff" | "tenant";
  scopes: ScopeOption[];
  tenants: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string | null>(null);
  const [tenantId, setTenantId] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors | null>(null);
  const [pending, startTransition] = useTransition();
  const kind = audience === "tenant" || tenantId ? "tenant" : "staff";
  const visible = scopes.filter((s) => s.audience === kind || s.audience === "both");

  function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const input = {
      name: String(f.get("name") ?? ""),
      scopes: chosen.filter((c) => visible.some((s) => s.name === c)),
      tenantId: audience === "staff" ? tenantId : "",
      expiresInDays: String(f.get("expiresInDays") ?? ""),
      ipAllowList: String(f.get("ipAllowList") ?? ""),
      ratePerMinute: String(f.get("ratePerMinute") ?? ""),
    };
    startTransition(async () => {
      const action = audience === "staff" ? createServiceTokenAction : createTenantTokenAction;
      const res = await action(input);
      if (!res.ok) {
        setError(res.error);
        setFieldErrors(res.fieldErrors ?? null);
        return;
      }
      setError(null);
      setFieldErrors(null);
      setValue(res.data.value);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          if (value) router.refresh();
          setValue(null);
          setError(null);
          setFieldErrors(null);
          setChosen([]);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> New token
        </Button>
      </DialogTrigger>
      <DialogContent>
        {value ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Your new token</DialogTitle>
            </DialogHeader>
            <Alert variant="warning" title="Copy this token now">
              This is the only time Tollgate shows it; only a hash is stored. Put it in your pipeline&apos;s
              secrets as TOLLGATE_TOKEN. If you lose it, revoke it and create another.
            </Alert>
            <div className="flex items-center gap-2 rounded border bg-muted p-2">
              <code className="grow font-mono text-sm break-all" data-testid="token-value">
                {value}
              </code>
              <CopyButton value={value} label="Copy token">
                Copy
              </CopyButton>
            </div>
            <DialogFooter>
              <Button
                onClick={() => {
                  setValue(null);
                  setOpen(false);
                  router.refresh();
                }}
              >
                I have copied it
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <DialogHeader>
              <DialogTitle>New API token</DialogTitle>
              <DialogDescription>
                A token lets a script or pipeline call Tollgate&apos;s automation API (/api/v1) and the
                tollgate CLI without a browser. It can do only what its scopes allow.
              </DialogDescription>
            </DialogHeader>
            {error ? <Alert variant="destructive">{error}</Alert> : null}
            <FormField
              label="Name"
              name="name"
              fieldErrors={fieldErrors}
              description="What uses it, e.g. GitHub deploy."
            >
              <Input name="name" autoFocus />
            </FormField>
            {audience === "staff" ? (
              <FormField
                label="Acts for"
                name="tenantId"
                fieldErrors={fieldErrors}
                description="Staff tokens work across tenants; a tenant's token reaches only that tenant's keys, usage and invoices."
              >
                <Select
                  name="tenantId"
                  value={tenantId}
                  onChange={(e) => setTenantId(e.target.value)}
                  options={[
                    { value: "", label: "Staff (no tenant)" },
                    ...tenants.map((t) => ({ value: t.id, label: t.name })),
                  ]}
                />
              </FormField>
            ) : null}
            <fieldset className="grid gap-2" aria-describedby="scopes-error">
              <legend className="mb-1 text-sm font-medium">Scopes</legend>
              {visible.map((s) => (
                <div key={s.name} className="flex items-start gap-2">
                  <Checkbox
                    id={`scope-${s.name}`}
                    checked={chosen.includes(s.name)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, s.name] : c.filter((x) => x !== s.name)))
                    }
                  />
                  <Label htmlFor={`scope-${s.name}`} className="font-normal">
                    <span className="font-mono text-xs">{s.name}</span> — {s.description}
                  </Label>
                </div>
              ))}
              {fieldErrors?.scopes?.length ? (
                <p id="scopes-error" className="text-sm text-destructive">
                  {fieldErrors.scopes.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <FormField
              label="Expires after (days)"
              name="expiresInDays"
              fieldErrors={fieldErrors}
              description="Empty: never expires. At most 365."
            >
              <Input name="expiresInDays" inputMode="numeric" />
            </FormField>
            <FormField
              label="Allowed addresses"
              name="ipAllowList"
              fieldErrors={fieldErrors}
              description="One address or network per line (203.0.113.7, 10.0.0.0/8). Empty: any address."
            >
              <Textarea name="ipAllowList" rows={2} />
            </FormField>
            <FormField label="Requests a minute" name="ratePerMinute" fieldErrors={fieldErrors}>
              <Input name="ratePerMinute" inputMode="numeric" defaultValue="120" />
            </FormField>
            <DialogFooter>
              <Button type="submit" loading={pending}>
                Create token
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
