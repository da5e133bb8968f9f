"use client";
import { useId, useState } from "react";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { setAlertOptInAction } from "@/lib/actions/set-alert-opt-in";
import type { AlertKind } from "@/lib/alerts/kinds";

export function AlertSwitch(props: { kind: AlertKind; label: string; description: string; on: boolean }) {
  const [on, setOn] = useState(props.on);
  const [pending, setPending] = useState(false);
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4 rounded border p-3">
      <div className="grid gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {props.label}
        </label>
        <p id={`${id}-d`} className="text-sm text-muted-foreground">
          {props.description}
        </p>
      </div>
      <Switch
        id={id}
        checked={on}
        disabled={pending}
        aria-describedby={`${id}-d`}
        onCheckedChange={async (next) => {
          setPending(true);
          const res = await setAlertOptInAction({ kind: props.kind, on: next });
          setPending(false);
          if (!res.ok) return void toast.error(res.error);
          setOn(next);
          toast.success(`${props.label} alerts ${next ? "on" : "off"}.`);
        }}
      />
    </div>
  );
}
