import type { Role } from "@/lib/auth/permissions";
import type { PartnerActor } from "@/lib/auth/actor";

/**
 * The authorization spec: every server action (lib/actions/*.ts) and route handler (app/**\/route.ts) with the roles
 * that may call it, written out here independently of the permission table so a wrong permission on an entry point
 * fails a test. test/authorization.db.test.ts calls each one as every other role (and, where it takes ids, as a
 * partner of another tenant) and expects a refusal; it also fails when an entry point is missing from this file.
 */
export type Fixture = { tenantId: string; otherTenantPartner: PartnerActor; keyId: string };
export type ActionEntry = {
  allowed: readonly Role[] | "public";
  /** A well-formed input; the refusal must come from authorization, not from validation. */
  input: (f: Fixture) => unknown;
  /** For partner actions that take ids: an input naming another tenant's records (must be refused or not found). */
  crossTenant?: (f: Fixture) => unknown;
};

const STAFF_OPS = ["admin", "operator"] as const;
const ADMIN = ["admin"] as const;
const EVERYONE = ["admin", "operator", "finance", "partner"] as const;
const PARTNER = ["partner"] as const;
const FINANCE = ["admin", "finance"] as const;
const planTerms = {
  effectiveFrom: "2026-01-01",
  baseFee: "10",
  includedRequests: "1000",
  minimumCharge: "0",
  tierMode: "GRADUATED",
  tiers: [{ upTo: "", price: "1.00" }],
};

export const ACTIONS: Record<string, ActionEntry> = {
  "accept-invitation": { allowed: "public", input: () => ({}) },
  "sign-in": { allowed: "public", input: () => ({}) },
  "request-password-reset": { allowed: "public", input: () => ({}) },
  "reset-password": { allowed: "public", input: () => ({}) },
  "sign-out": { allowed: EVERYONE, input: () => ({}) },
  "create-tenant": {
    allowed: STAFF_OPS,
    input: () => ({ name: `Spec ${Math.random().toString(36).slice(2, 8)}` }),
  },
  "rename-tenant": {
    allowed: STAFF_OPS,
    input: (f) => ({ tenantId: f.tenantId, name: `Spec ${Math.random().toString(36).slice(2, 8)}` }),
  },
  "set-tenant-status": { allowed: STAFF_OPS, input: (f) => ({ tenantId: f.tenantId, status: "ACTIVE" }) },
  "invite-user": {
    allowed: ADMIN,
    input: () => ({
      email: `spec-${Math.random().toString(36).slice(2, 8)}@x.example`,
      role: "finance",
      tenantId: "",
    }),
  },
  "revoke-invitation": { allowed: ADMIN, input: () => ({ invitationId: "unknown-invitation" }) },
  "resend-invitation": { allowed: ADMIN, input: () => ({ invitationId: "unknown-invitation" }) },
  "change-user-role": {
    allowed: ADMIN,
    input: () => ({ userId: "unknown-user", role: "operator", tenantId: null }),
  },
  "issue-password-reset": { allowed: ADMIN, input: () => ({ userId: "unknown-user" }) },
  "set-user-disabled": {
    allowed: ADMIN,
    input: (f) => ({ userId: f.otherTenantPartner.id, disabled: false }),
  },
  "update-stage": {
    allowed: STAFF_OPS,
    input: () => ({
      restApiId: "spec-api",
      stageName: "prod",
      version: "0000000000000000",
      change: { kind: "canary-abandon" },
    }),
  },
  "create-deployment": {
    allowed: STAFF_OPS,
    input: () => ({
      restApiId: "spec-api",
      stageName: "prod",
      version: "0000000000000000",
      description: "spec",
    }),
  },
  "start-rollout": {
    allowed: STAFF_OPS,
    input: () => ({
      restApiId: "spec-api",
      stageName: "prod",
      deployment: { kind: "existing", deploymentId: "d1" },
    }),
  },
  "control-rollout": {
    allowed: STAFF_OPS,
    input: () => ({ rolloutId: "unknown-rollout", command: "pause" }),
  },
  "flush-stage-cache": { allowed: STAFF_OPS, input: () => ({ restApiId: "spec-api", stageName: "prod" }) },
  "refresh-inventory": { allowed: STAFF_OPS, input: () => ({ kind: "rest", id: "specapi" }) },
  "forget-gone-key": { allowed: STAFF_OPS, input: () => ({ keyId: "specgonekey" }) },
  "end-gone-subscription": { allowed: STAFF_OPS, input: () => ({ subscriptionId: "spec-sub" }) },
  "update-http-stage": {
    allowed: STAFF_OPS,
    input: () => ({
      apiId: "spec-api",
      stageName: "prod",
      version: "0000000000000000",
      change: { kind: "auto-deploy", autoDeploy: true },
    }),
  },
  "create-usage-plan": {
    allowed: STAFF_OPS,
    input: () => ({ name: "x", rateLimit: 1, burstLimit: 1, quotaPeriod: "DAY", apiStages: [] }),
  },
  "update-usage-plan": {
    allowed: STAFF_OPS,
    input: () => ({
      usagePlanId: "missing",
      plan: { name: "Spec plan", rateLimit: 1, burstLimit: 1, quotaPeriod: "DAY", apiStages: [] },
    }),
  },
  "delete-usage-plan": { allowed: STAFF_OPS, input: () => ({ usagePlanId: "missing" }) },
  "subscribe-tenant": {
    allowed: STAFF_OPS,
    input: (f) => ({ tenantId: f.tenantId, usagePlanId: "missing" }),
  },
  "unsubscribe-tenant": {
    allowed: STAFF_OPS,
    input: (f) => ({ tenantId: f.tenantId, usagePlanId: "missing" }),
  },
  "change-tenant-plan": {
    allowed: STAFF_OPS,
    input: (f) => ({ tenantId: f.tenantId, fromPlanId: "missing", toPlanId: "other" }),
  },
  "set-key-enabled": { allowed: STAFF_OPS, input: () => ({ keyId: "missing", enabled: false }) },
  // Partner key actions: the key id names a key of the fixture tenant (test/fixtures makeKeyRecord); a partner of
  // another tenant gets "not found", whatever id it sends.
  "create-api-key": { allowed: PARTNER, input: () => ({ label: "Spec key", environment: "test" }) },
  "rotate-api-key": {
    allowed: PARTNER,
    input: () => ({ keyId: "missing", grace: "1h" }),
    crossTenant: (f) => ({ keyId: f.keyId, grace: "1h" }),
  },
  "revoke-api-key": {
    allowed: PARTNER,
    input: () => ({ keyId: "missing" }),
    crossTenant: (f) => ({ keyId: f.keyId }),
  },
  // One action for operators (any tenant's key) and partners (own tenant's revoked keys).
  "delete-api-key": {
    allowed: ["admin", "operator", "partner"],
    input: () => ({ keyId: "missing" }),
    crossTenant: (f) => ({ keyId: f.keyId }),
  },
  "create-price-plan": {
    allowed: FINANCE,
    input: () => ({
      name: `Spec plan ${Math.random().toString(36).slice(2, 8)}`,
      currency: "USD",
      ...planTerms,
    }),
  },
  "add-plan-version": { allowed: FINANCE, input: () => ({ planId: "unknown-plan", ...planTerms }) },
  "assign-price-plan": {
    allowed: FINANCE,
    input: (f) => ({ tenantId: f.tenantId, planId: "unknown-plan", effectiveFrom: "2026-01-01" }),
  },
  "generate-invoices": { allowed: FINANCE, input: () => ({ month: "2001-01" }) },
  "mark-invoice-paid": {
    allowed: FINANCE,
    input: () => ({ invoiceId: "unknown-invoice", paidOn: "2026-01-15", note: "" }),
  },
  "mark-invoice-unpaid": { allowed: FINANCE, input: () => ({ invoiceId: "unknown-invoice" }) },
  "update-issuer-settings": {
    allowed: FINANCE,
    input: () => ({
      name: "Example API Ltd",
      address: "1 Main St",
      taxId: "",
      email: "billing@example.com",
      paymentTermsDays: "30",
      taxRate: "20",
    }),
  },
  "finalize-invoice": { allowed: FINANCE, input: () => ({ invoiceId: "unknown-invoice" }) },
  "recalculate-invoice": { allowed: FINANCE, input: () => ({ invoiceId: "unknown-invoice" }) },
  "void-invoice": {
    allowed: FINANCE,
    input: () => ({ invoiceId: "unknown-invoice", reason: "Spec reason" }),
  },
  "update-cost-settings": {
    allowed: FINANCE,
    input: () => ({
      apiType: "REST",
      restTiers: [{ upTo: "", price: "3.50" }],
      httpTiers: [{ upTo: "", price: "1.00" }],
      cacheHourPrice: "0.020",
      cacheHoursPerMonth: "0",
    }),
  },
  "reissue-invoice": { allowed: FINANCE, input: () => ({ invoiceId: "unknown-invoice" }) },
};

export type RouteEntry = {
  allowed: readonly Role[] | "public";
  methods: readonly ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[];
};

/** Keyed by the route's folder under app/. */
export const ROUTES: Record<string, RouteEntry> = {
  "api/auth/[...all]": { allowed: "public", methods: ["GET", "POST"] },
  "api/health": { allowed: "public", methods: ["GET"] },
  "api/ops/metrics/stage": { allowed: STAFF_OPS, methods: ["GET"] },
  "api/ops/metrics/overview": { allowed: STAFF_OPS, methods: ["GET"] },
  "api/ops/aws-budget": { allowed: STAFF_OPS, methods: ["GET"] },
  "api/ops/rollouts/[id]": { allowed: STAFF_OPS, methods: ["GET"] },
  "api/ops/usage-sync": { allowed: STAFF_OPS, methods: ["GET", "POST"] },
  "api/test-hooks/clock": { allowed: STAFF_OPS, methods: ["POST"] },
  "api/test-hooks/jobs": { allowed: STAFF_OPS, methods: ["POST"] },
  // Scoped by the actor: a partner gets only its own tenant's invoices (test: lib/db/invoices.test.ts).
  "api/finance/reports/usage": { allowed: ["admin", "finance"], methods: ["GET"] },
  "api/invoices/[id]/csv": { allowed: ["admin", "finance", "partner"], methods: ["GET"] },
};
