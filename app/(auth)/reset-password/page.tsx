import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };
export const dynamic = "force-dynamic";

/**
 * Public: opened from a reset link (mailed, or handed over by an admin). The token stays in the form and is checked
 * when it is submitted (better-auth consumes it once); a missing or broken link says what to do instead.
 */
export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; error?: string | string[] }>;
}) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && token.length >= 10 && token.length <= 200 && !error;
  return (
    <Card>
      <CardHeader>
        <CardTitle level={1}>Set a new password</CardTitle>
        <CardDescription>
          {usable
            ? "Choose a new password for your account. Your open sessions end, and you sign in with it."
            : "This link is not valid: it was used, replaced by a newer one, or has expired."}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        {usable ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p data-testid="reset-link-error">
            <Link href="/forgot-password" className="text-primary underline-offset-4 hover:underline">
              Ask for a new link
            </Link>
            .
          </p>
        )}
      </CardContent>
    </Card>
  );
}
