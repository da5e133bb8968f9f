import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { can, type Permission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { loadPendingPlanRequestCount } from "@/lib/plan-requests/loaders";
import { AppShell } from "./app-shell";

/**
 * Shared by the three role layouts. The redirect is a convenience only: every page and entry point checks its own
 * permission, because layouts do not re-run on client-side navigation.
 */
export async function RoleLayout({ permission, children }: { permission: Permission; children: ReactNode }) {
  const actor = await requireActor();
  if (!can(actor.role, permission)) redirect("/forbidden");
  // Operators see how many plan requests wait for a decision (one COUNT query, no AWS call).
  const planRequests = can(actor.role, "ops.view") ? await loadPendingPlanRequestCount(actor) : 0;
  return (
    <AppShell actor={actor} badges={{ "plan-requests": planRequests }}>
      {children}
    </AppShell>
  );
}
