import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ROLE_HOME } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";

/**
 * The 403 page, answered with status 403 wherever `forbidden()` is called (app/forbidden/page.tsx, where
 * requirePermission() sends people whose role may not open a page).
 */
export default async function Forbidden() {
  const actor = await getActor();
  return (
    <main className="mx-auto flex min-h-dvh max-w-lg items-center px-4">
      <EmptyState
        titleAs="h1"
        icon={<ShieldAlert />}
        title="403 — you do not have access to this page"
        description={
          actor
            ? `You are signed in as ${actor.email} (${actor.role}). This page belongs to another role. Ask an administrator if you need access.`
            : "Sign in to continue."
        }
        action={
          <Button asChild>
            <Link href={actor ? ROLE_HOME[actor.role] : "/login"}>
              {actor ? "Back to your home" : "Sign in"}
            </Link>
          </Button>
        }
        data-testid="forbidden"
      />
    </main>
  );
}
