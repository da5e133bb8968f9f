import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage() {
  const actor = await getActor();
  if (actor) redirect(ROLE_HOME[actor.role]);
  return (
    <Card>
      <CardHeader>
        <CardTitle level={1}>Sign in</CardTitle>
        <CardDescription>Use the email address your invitation was sent to.</CardDescription>
      </CardHeader>
      <CardContent>
        <LoginForm sso={env.oidcEnabled ? env.OIDC_DISPLAY_NAME : null} />
        <p className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
