/**
 * The one permission table: permission → roles allowed → what it lets you do.
 * Entry points (server actions, route handlers, pages) declare one of these names; nothing checks a role directly.
 */
export const ROLES = ["admin", "operator", "finance", "partner"] as const;
export type Role = (typeof ROLES)[number];

const STAFF_OPS = ["admin", "operator"] as const;
const STAFF_FINANCE = ["admin", "finance"] as const;

export const PERMISSIONS = {
  "ops.view": {
    roles: STAFF_OPS,
    description: "Open the operator console (APIs, stages, usage plans, metrics)",
  },
  "tenants.read": { roles: STAFF_OPS, description: "List and view tenants" },
  "gateway.manage": {
    roles: STAFF_OPS,
    description: "Change stages, deploy, run canary releases and flush stage caches in API Gateway",
  },
  "tenants.manage": { roles: STAFF_OPS, description: "Create, rename, suspend and reinstate tenants" },
  "audit.read": { roles: STAFF_OPS, description: "Read the audit trail" },
  "users.read": { roles: ["admin"], description: "List users and invitations" },
  "users.invite": { roles: ["admin"], description: "Invite users and revoke invitations" },
  "users.manage": { roles: ["admin"], description: "Disable and re-enable users" },
  "outbox.read": { roles: ["admin"], description: "Read mail that was not sent by SMTP" },
  "finance.view": {
    roles: STAFF_FINANCE,
    description: "Open the finance console (reports, invoices, price plans)",
  },
  "finance.manage": {
    roles: STAFF_FINANCE,
    description: "Edit price plans and settings; generate, finalize, void and reissue invoices",
  },
  "invoices.read": {
    roles: ["admin", "finance", "partner"],
    description: "Read invoices (partners: only their own tenant's, read-only)",
  },
  "partner.view": { roles: ["partner"], description: "Open the partner portal of one's own tenant" },
  "plans.manage": {
    roles: STAFF_OPS,
    description: "Create, edit and delete usage plans; subscribe tenants to them",
  },
  "portal.manage": {
    roles: STAFF_OPS,
    description: "Write the developer portal's API guides and hide API stages from the partner catalog",
  },
  "plans.request": {
    roles: ["partner"],
    description: "Ask for another usage plan for one's own tenant, and withdraw that request",
  },
  "alerts.self": {
    roles: ["partner"],
    description: "Turn one's own e-mail alerts (quota, rotated keys, plan requests) on and off",
  },
  "keys.manage": { roles: STAFF_OPS, description: "Enable, disable and delete any tenant's API keys" },
  // One delete action for both audiences; the key service narrows it (a partner: own tenant's revoked keys only).
  "keys.delete": {
    roles: [...STAFF_OPS, "partner"],
    description: "Delete API keys: operators any tenant's, partners their own tenant's revoked keys",
  },
  "usage.sync": { roles: STAFF_OPS, description: "Run the usage sync now and watch its progress" },
  "keys.self": {
    roles: ["partner"],
    description: "Create, rotate, revoke and delete the API keys of one's own tenant",
  },
  "tokens.manage": {
    roles: ["admin"],
    description: "Create and revoke service tokens of the automation API (/api/v1), for staff or one tenant",
  },
  "tokens.self": {
    roles: ["partner"],
    description:
      "Create and revoke automation API tokens limited to one's own tenant's keys, usage and invoices",
  },
  "session.self": {
    roles: ["admin", "operator", "finance", "partner"],
    description: "Act on one's own session",
  },
} as const satisfies Record<string, { roles: readonly Role[]; description: string }>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Where each role lands after signing in (and where the 403 page sends people back to). */
export const ROLE_HOME: Record<Role, string> = {
  admin: "/ops",
  operator: "/ops",
  finance: "/finance",
  partner: "/partner",
};
