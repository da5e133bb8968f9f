import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { ForgotPasswordForm } from "./_components/forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };
export const dynamic = "force-dynamic";

/** Public. With SMTP: a form that mails a reset link. Without: how to get one from an administrator. */
export default function ForgotPasswordPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle level={1}>Forgot your password?</CardTitle>
        <CardDescription>
          {env.SMTP_URL
            ? "Enter the email address you sign in with. If it belongs to an account, we send a link to set a new password (it works once, for an hour)."
            : "This Tollgate does not send mail, so it cannot mail you a link."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {env.SMTP_URL ? (
          <ForgotPasswordForm />
        ) : (
          <p data-testid="ask-admin">
            Ask an administrator for a password-reset link: on the Users page they can issue one for your
            account and pass it to you. It works once, for 24 hours.
          </p>
        )}
        <Link href="/login" className="text-primary underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </CardContent>
    </Card>
  );
}
