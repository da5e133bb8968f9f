"use client";
import {
  GitCompare,
  KeySquare,
  Activity,
  BarChart3,
  FileText,
  Gauge,
  Home,
  KeyRound,
  Layers,
  Mail,
  Receipt,
  ScrollText,
  Split,
  Server,
  Tags,
  Users,
  Building2,
  Inbox,
  Bell,
} from "lucide-react";
import Link, { useLinkStatus } from "next/link";
import { Spinner } from "@/components/ui/spinner";
import { usePathname } from "next/navigation";
import type { NavBadge, NavIcon, NavSection } from "@/lib/nav";
import { cn } from "@/lib/utils/cn";

const ICONS: Record<NavIcon, typeof Home> = {
  home: Home,
  apis: Server,
  plans: Layers,
  tenants: Building2,
  metrics: Activity,
  audit: ScrollText,
  users: Users,
  outbox: Mail,
  keys: KeyRound,
  usage: Gauge,
  plan: FileText,
  invoices: Receipt,
  reports: BarChart3,
  prices: Tags,
  rollouts: Split,
  drift: GitCompare,
  tokens: KeySquare,
  requests: Inbox,
  alerts: Bell,
};

/**
 * While the page a link leads to is loading: a spinner in the link. (There is no app-wide loading.tsx: its Suspense
 * boundary would send the 200 status before a page could answer 404 or 403.)
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <Spinner className="ml-auto size-3" /> : null;
}

/** Highlights the current section; the most specific matching href wins. */
export function NavLinks({
  sections,
  badges = {},
}: {
  sections: NavSection[];
  badges?: Partial<Record<NavBadge, number>>;
}) {
  const pathname = usePathname();
  const hrefs = sections.flatMap((s) => s.items.map((i) => i.href));
  const active = hrefs
    .filter((h) => pathname === h || pathname.startsWith(`${h}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <nav aria-label="Main" className="flex flex-col gap-5">
      {sections.map((section) => (
        <div key={section.title} className="flex flex-col gap-1">
          <p className="px-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">
            {section.title}
          </p>
          <ul className="flex flex-col gap-0.5">
            {section.items.map((item) => {
              const Icon = ICONS[item.icon];
              const current = item.href === active;
              const count = item.badge ? (badges[item.badge] ?? 0) : 0;
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm transition-colors hover:bg-accent hover:text-accent-foreground",
                      current ? "bg-accent font-medium text-accent-foreground" : "text-muted-foreground",
                    )}
                  >
                    <Icon className="size-4" aria-hidden="true" />
                    {item.label}
                    <Pending />
                    {count > 0 ? (
                      <span className="ml-auto rounded-full bg-primary px-1.5 text-xs font-medium text-primary-foreground">
                        {count}
                        <span className="sr-only"> waiting</span>
                      </span>
                    ) : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
