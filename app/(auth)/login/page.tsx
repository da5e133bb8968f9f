import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/next-path";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { getActor, signedOutReason } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const SIGNED_OUT = {
  disabled: {
    title: "You were signed out: your account was disabled",
    body: "An administrator disabled your account, which ended your session. Ask them to enable it again if you still need access.",
  },
  suspended: {
    title: "You were signed out: your organisation's access is suspended",
    body: "Your API provider suspended your organisation, which ended your session and paused its API keys. Contact them to have it reinstated.",
  },
} as const;

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === "string" ? raw : null);
  const actor = await getActor();
  if (actor) redirect(next ?? ROLE_HOME[actor.role]);
  const reason = await signedOutReason();
  return (
    <Card>
      <CardHeader>
        <CardTitle level={1}>Sign in</CardTitle>
        <CardDescription>Use the email address your invitation was sent to.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {reason ? (
          <Alert variant="warning" title={SIGNED_OUT[reason].title} data-testid="signed-out-reason">
            {SIGNED_OUT[reason].body}
          </Alert>
        ) : null}
        {next ? (
          <p className="text-sm text-muted-foreground" data-testid="sign-in-next">
            After signing in you go back to <span className="font-mono break-all">{next}</span>.
          </p>
        ) : null}
        <LoginForm sso={env.oidcEnabled ? env.OIDC_DISPLAY_NAME : null} next={next} />
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
