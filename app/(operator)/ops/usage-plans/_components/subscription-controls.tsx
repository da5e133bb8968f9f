"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { changeTenantPlanAction } from "@/lib/actions/change-tenant-plan";
import { subscribeTenantAction } from "@/lib/actions/subscribe-tenant";
import { unsubscribeTenantAction } from "@/lib/actions/unsubscribe-tenant";

type Props = {
  plan: { id: string; name: string };
  subscribers: { tenantId: string; tenantName: string }[];
  tenants: { id: string; name: string }[];
  otherPlans: { value: string; label: string }[];
  manage: boolean;
};

/** Which tenants are on the plan; subscribe, move to another plan, unsubscribe. */
export function SubscriptionControls({ plan, subscribers, tenants, otherPlans, manage }: Props) {
  const router = useRouter();
  const [tenantId, setTenantId] = useState("");
  const [busy, setBusy] = useState(false);
  const free = tenants.filter((t) => !subscribers.some((s) => s.tenantId === t.id));
  const run = async (p: Promise<{ ok: boolean; error?: string }>, done: string) => {
    setBusy(true);
    const res = await p;
    setBusy(false);
    if (!res.ok) return void toast.error(res.error ?? "Failed.");
    toast.success(done);
    router.refresh();
  };
  return (
    <div className="grid gap-2">
      <div className="text-muted-foreground">Subscribed tenants</div>
      {subscribers.length === 0 ? (
        <p>No tenant is on this plan yet.</p>
      ) : (
        <ul className="grid gap-1">
          {subscribers.map((s) => (
            <li key={s.tenantId} className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{s.tenantName}</span>
              {manage ? (
                <>
                  <label className="sr-only" htmlFor={`move-${plan.id}-${s.tenantId}`}>
                    Move {s.tenantName} to plan
                  </label>
                  <Select
                    id={`move-${plan.id}-${s.tenantId}`}
                    className="w-44"
                    placeholder="Move to plan…"
                    options={otherPlans}
                    defaultValue=""
                    onChange={(e) => {
                      const to = e.target.value;
                      if (to)
                        void run(
                          changeTenantPlanAction({ tenantId: s.tenantId, fromPlanId: plan.id, toPlanId: to }),
                          `${s.tenantName} moved.`,
                        );
                    }}
                  />
                  <ConfirmDialog
                    trigger={
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Unsubscribe ${s.tenantName} from ${plan.name}`}
                      >
                        Unsubscribe
                      </Button>
                    }
                    title={`Take ${s.tenantName} off ${plan.name}?`}
                    description="Its keys leave this plan at once and stop working on this plan's API stages."
                    confirmLabel="Unsubscribe"
                    destructive
                    onConfirm={() =>
                      run(
                        unsubscribeTenantAction({ tenantId: s.tenantId, usagePlanId: plan.id }),
                        `${s.tenantName} unsubscribed.`,
                      )
                    }
                  />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {manage ? (
        <div className="flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`sub-${plan.id}`}>
            Tenant to subscribe to {plan.name}
          </label>
          <Select
            id={`sub-${plan.id}`}
            className="w-56"
            placeholder="Choose a tenant…"
            value={tenantId}
            onChange={(e) => setTenantId(e.target.value)}
            options={free.map((t) => ({ value: t.id, label: t.name }))}
          />
          <Button
            size="sm"
            variant="secondary"
            disabled={!tenantId}
            loading={busy}
            onClick={() =>
              void run(subscribeTenantAction({ tenantId, usagePlanId: plan.id }), "Tenant subscribed.").then(
                () => setTenantId(""),
              )
            }
          >
            Subscribe
          </Button>
        </div>
      ) : null}
    </div>
  );
}
