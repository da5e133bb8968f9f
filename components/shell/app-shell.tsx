import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import type { Actor } from "@/lib/auth/actor";
import { navFor, type NavBadge } from "@/lib/nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

/** The signed-in frame: role-specific navigation, user menu, theme switch. Data comes in as small props. */
export function AppShell({
  actor,
  badges,
  children,
}: {
  actor: Actor;
  badges?: Partial<Record<NavBadge, number>>;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:p-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col gap-6 border-r border-border bg-card px-3 py-4 md:flex">
        <Link href="/" className="flex items-center gap-2 px-2 text-lg font-semibold tracking-tight">
          <span aria-hidden="true" className="inline-block size-6 rounded-md bg-primary" />
          Tollgate
        </Link>
        <NavLinks sections={navFor(actor)} badges={badges ?? {}} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-border px-4 md:px-6">
          <details className="md:hidden">
            <summary className="cursor-pointer text-sm font-medium">Menu</summary>
            <div className="absolute z-40 mt-2 w-64 rounded-md border border-border bg-card p-3 shadow-lg">
              <NavLinks sections={navFor(actor)} badges={badges ?? {}} />
            </div>
          </details>
          <p className="hidden text-sm text-muted-foreground md:block">
            {actor.kind === "partner" ? actor.tenantName : "Amazon API Gateway control plane"}
          </p>
          <div className="flex items-center gap-1">
            <ThemeToggle />
            <UserMenu
              name={actor.name}
              email={actor.email}
              role={actor.role}
              tenantName={actor.kind === "partner" ? actor.tenantName : null}
            />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
