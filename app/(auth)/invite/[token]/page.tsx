import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";
import { loadInvitation } from "@/lib/users/loaders";

export const metadata: Metadata = { title: "Accept invitation" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await loadInvitation(token);
  if (!check.ok) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Invitation not usable</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <Alert variant="destructive" data-testid="invitation-error">
            {check.reason}
          </Alert>
          <Button asChild variant="outline">
            <Link href="/login">Go to sign in</Link>
          </Button>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Welcome to Tollgate</CardTitle>
        <CardDescription>
          You were invited as <strong>{check.role}</strong>
          {check.tenantName ? ` for ${check.tenantName}` : ""}. Choose your name and a password for{" "}
          {check.email}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <AcceptInvitationForm token={token} />
      </CardContent>
    </Card>
  );
}
