"use client";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { unsubscribeAlertsAction } from "@/lib/actions/unsubscribe-alerts";
import { ALERT_KINDS, isAlertKind } from "@/lib/alerts/kinds";

type State = { step: "ready" } | { step: "done"; label: string } | { step: "error"; message: string };

export function UnsubscribeCard() {
  const [state, setState] = useState<State>({ step: "ready" });
  const [pending, setPending] = useState(false);
  async function unsubscribe() {
    // The token is read only now, from after the "#", and taken out of the address bar (and the history).
    const token = window.location.hash.slice(1);
    window.history.replaceState(null, "", window.location.pathname);
    if (!token)
      return setState({
        step: "error",
        message:
          "This unsubscribe link is incomplete, or was used already. Open the whole link from the mail.",
      });
    setPending(true);
    const res = await unsubscribeAlertsAction({ token });
    setPending(false);
    setState(
      res.ok
        ? { step: "done", label: isAlertKind(res.data.kind) ? ALERT_KINDS[res.data.kind].label : "these" }
        : { step: "error", message: res.fieldErrors?.token?.[0] ?? res.error },
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Stop e-mail alerts</CardTitle>
        <CardDescription>
          This turns off one kind of Tollgate alert for you. You can turn it on again under Alerts once you
          sign in.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4" aria-live="polite">
        {state.step === "error" ? (
          <Alert variant="destructive" data-testid="unsubscribe-error">
            {state.message}
          </Alert>
        ) : null}
        {state.step === "done" ? (
          <Alert variant="success" data-testid="unsubscribe-done">
            Done: you will get no more “{state.label}” alerts.
          </Alert>
        ) : null}
        {state.step === "ready" ? (
          <Button loading={pending} onClick={() => void unsubscribe()}>
            Stop these alerts
          </Button>
        ) : null}
        <Button asChild variant="outline">
          <Link href="/login">Go to sign in</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
