import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";

/** Counts a layout may show next to a nav item (e.g. plan requests waiting for a decision). */
export type NavBadge = "plan-requests";
export type NavItem = {
  href: string;
  label: string;
  icon: NavIcon;
  permission: Permission;
  hint?: string;
  badge?: NavBadge;
};
export type NavIcon =
  | "apis"
  | "plans"
  | "tenants"
  | "metrics"
  | "audit"
  | "users"
  | "outbox"
  | "keys"
  | "usage"
  | "plan"
  | "invoices"
  | "reports"
  | "prices"
  | "home"
  | "rollouts"
  | "drift"
  | "tokens"
  | "requests"
  | "alerts";
export type NavSection = { title: string; items: NavItem[] };

const SECTIONS: NavSection[] = [
  {
    title: "Operations",
    items: [
      { href: "/ops", label: "Overview", icon: "home", permission: "ops.view" },
      { href: "/ops/apis", label: "APIs", icon: "apis", permission: "ops.view" },
      { href: "/ops/usage-plans", label: "Usage plans", icon: "plans", permission: "ops.view" },
      { href: "/ops/tenants", label: "Tenants", icon: "tenants", permission: "tenants.read" },
      {
        href: "/ops/plan-requests",
        label: "Plan requests",
        icon: "requests",
        permission: "ops.view",
        badge: "plan-requests",
      },
      { href: "/ops/keys", label: "API keys", icon: "keys", permission: "ops.view" },
      { href: "/ops/metrics", label: "Metrics", icon: "metrics", permission: "ops.view" },
      { href: "/ops/rollouts", label: "Rollouts", icon: "rollouts", permission: "ops.view" },
      { href: "/ops/drift", label: "Drift", icon: "drift", permission: "ops.view" },
      { href: "/ops/portal", label: "Developer portal", icon: "apis", permission: "portal.manage" },
      { href: "/ops/audit", label: "Audit", icon: "audit", permission: "audit.read" },
    ],
  },
  {
    title: "Administration",
    items: [
      { href: "/ops/users", label: "Users", icon: "users", permission: "users.read" },
      { href: "/ops/outbox", label: "Outbox", icon: "outbox", permission: "outbox.read" },
      { href: "/ops/tokens", label: "API tokens", icon: "tokens", permission: "tokens.manage" },
      { href: "/ops/api-docs", label: "Automation API", icon: "apis", permission: "ops.view" },
    ],
  },
  {
    title: "Finance",
    items: [
      { href: "/finance", label: "Reports", icon: "reports", permission: "finance.view" },
      { href: "/finance/invoices", label: "Invoices", icon: "invoices", permission: "finance.view" },
      { href: "/finance/price-plans", label: "Price plans", icon: "prices", permission: "finance.view" },
      { href: "/finance/costs", label: "Cost & margin", icon: "reports", permission: "finance.view" },
    ],
  },
  {
    title: "Your API access",
    items: [
      { href: "/partner", label: "Keys", icon: "keys", permission: "partner.view" },
      { href: "/partner/apis", label: "APIs", icon: "apis", permission: "partner.view" },
      { href: "/partner/usage", label: "Usage", icon: "usage", permission: "partner.view" },
      { href: "/partner/plan", label: "Plan", icon: "plan", permission: "partner.view" },
      { href: "/partner/invoices", label: "Invoices", icon: "invoices", permission: "partner.view" },
      { href: "/partner/tokens", label: "API tokens", icon: "tokens", permission: "tokens.self" },
      { href: "/partner/alerts", label: "Alerts", icon: "alerts", permission: "alerts.self" },
    ],
  },
];

/** The navigation a role sees: only sections and items it is allowed to open. */
export function navFor(actor: Pick<Actor, "role">): NavSection[] {
  return SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => can(actor.role, i.permission)) })).filter(
    (s) => s.items.length > 0,
  );
}
