import type { Role } from "@/lib/auth/permissions";
import type { PartnerActor } from "@/lib/auth/actor";
import type { ApiScope } from "@/lib/auth/permissions-api";

/**
 * The authorization spec: every server action (lib/actions/*.ts) and route handler (app/**\/route.ts) with the roles
 * that may call it, written out here independently of the permission table so a wrong permission on an entry point
 * fails a test. test/authorization.db.test.ts calls each one as every other role (and, where it takes ids, as a
 * partner of another tenant) and expects a refusal; it also fails when an entry point is missing from this file.
 */
export type Fixture = {
  tenantId: string;
  otherTenantPartner: PartnerActor;
  keyId: string;
  /** An automation API token of the fixture tenant. */
  tokenId: string;
  /** A pending plan request of the fixture tenant. */
  planRequestId: string;
  /** A member of the fixture tenant, and a pending invitation into it. */
  teammateId: string;
  teamInvitationId: string;
};
export type ActionEntry = {
  allowed: readonly Role[] | "public";
  /** A well-formed input; the refusal must come from authorization, not from validation. */
  input: (f: Fixture) => unknown;
  /** For partner actions that take ids: an input naming another tenant's records (must be refused or not found). */
  crossTenant?: (f: Fixture) => unknown;
};

const STAFF_OPS = ["admin", "operator"] as const;
const ADMIN = ["admin"] as const;
const EVERYONE = ["admin", "operator", "finance", "partner", "member"] as const;
/** Tenant owners ("partner") only. */
const PARTNER = ["partner"] as const;
/** A tenant's owners and members. */
const TENANT = ["partner", "member"] as const;
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
  "create-api-key": { allowed: TENANT, input: () => ({ label: "Spec key", environment: "test" }) },
  "rotate-api-key": {
    allowed: TENANT,
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
  // Plan requests: partners ask and withdraw (own tenant only); operators decide.
  "request-plan-change": {
    allowed: PARTNER,
    input: () => ({ toPlanId: "missing", fromPlanId: "", message: "Spec request" }),
  },
  "withdraw-plan-request": {
    allowed: PARTNER,
    input: () => ({ requestId: "missing" }),
    crossTenant: (f) => ({ requestId: f.planRequestId }),
  },
  "approve-plan-request": { allowed: STAFF_OPS, input: () => ({ requestId: "missing" }) },
  "decline-plan-request": {
    allowed: STAFF_OPS,
    input: () => ({ requestId: "missing", reason: "Spec reason" }),
  },
  // Alerts: partner users switch their own; the unsubscribe link works without a session (a signed token).
  "set-alert-opt-in": { allowed: TENANT, input: () => ({ kind: "quota", on: true }) },
  // Teams: owners invite into and remove from their own tenant only.
  "invite-teammate": {
    allowed: PARTNER,
    input: () => ({ email: `spec-${Math.random().toString(36).slice(2, 8)}@x.example`, role: "member" }),
  },
  "remove-teammate": {
    allowed: PARTNER,
    input: () => ({ userId: "unknown-user" }),
    crossTenant: (f) => ({ userId: f.teammateId }),
  },
  "revoke-teammate-invitation": {
    allowed: PARTNER,
    input: () => ({ invitationId: "unknown-invitation" }),
    crossTenant: (f) => ({ invitationId: f.teamInvitationId }),
  },
  "unsubscribe-alerts": { allowed: "public", input: () => ({}) },
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
  // Automation API tokens (issue 17): admins any token; partners only their own tenant's.
  "create-service-token": {
    allowed: ADMIN,
    input: () => ({ name: "Spec token", scopes: ["ops.view"] }),
  },
  "revoke-service-token": { allowed: ADMIN, input: () => ({ tokenId: "unknown-token" }) },
  "create-tenant-token": {
    allowed: PARTNER,
    input: () => ({ name: "Spec token", scopes: ["keys.self"] }),
  },
  "revoke-tenant-token": {
    allowed: PARTNER,
    input: () => ({ tokenId: "unknown-token" }),
    crossTenant: (f) => ({ tokenId: f.tokenId }),
  },
  "update-portal-setting": {
    allowed: STAFF_OPS,
    input: () => ({ apiId: "specapi", stage: "prod", description: "", hidden: false }),
  },
};

export type RouteEntry =
  | { allowed: readonly Role[] | "public"; methods: readonly ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[] }
  | {
      /** /api/v1: a Bearer token (no session) holding this scope per method; per kind of token where it differs. */
      allowed: "token";
      scopes: Partial<Record<"GET" | "POST", ApiScope | { staff: ApiScope; tenant: ApiScope }>>;
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
  "api/invoices/[id]/csv": { allowed: ["admin", "finance", "partner", "member"], methods: ["GET"] },
  // The automation API (issue 17): token routes, tested in test/authorization.db.test.ts with tokens.
  "api/v1/openapi.json": { allowed: "public", methods: ["GET"] },
  "api/v1/rollouts": { allowed: "token", scopes: { GET: "ops.view", POST: "gateway.manage" } },
  "api/v1/rollouts/[id]": { allowed: "token", scopes: { GET: "ops.view" } },
  "api/v1/rollouts/[id]/[command]": { allowed: "token", scopes: { POST: "gateway.manage" } },
  "api/v1/apis/[api]/deployments": { allowed: "token", scopes: { GET: "ops.view", POST: "gateway.manage" } },
  "api/v1/apis/[api]/stages/[stage]": { allowed: "token", scopes: { GET: "ops.view" } },
  "api/v1/tenants/[tenant]/keys": { allowed: "token", scopes: { GET: "keys.self", POST: "keys.self" } },
  "api/v1/tenants/[tenant]/keys/[keyId]/rotate": { allowed: "token", scopes: { POST: "keys.self" } },
  "api/v1/tenants/[tenant]/keys/[keyId]/revoke": { allowed: "token", scopes: { POST: "keys.self" } },
  "api/v1/tenants/[tenant]/usage": {
    allowed: "token",
    scopes: { GET: { staff: "finance.view", tenant: "partner.view" } },
  },
  "api/v1/invoices": { allowed: "token", scopes: { GET: "invoices.read" } },
  "api/v1/invoices/[id]": { allowed: "token", scopes: { GET: "invoices.read" } },
  "api/v1/invoices/[id]/csv": { allowed: "token", scopes: { GET: "invoices.read" } },
  // Scoped by the actor: only stages of the partner's own catalog (test: test/portal.int.test.ts).
  "api/partner/try-it": { allowed: TENANT, methods: ["POST"] },
  "api/partner/apis/[apiId]/[stage]/openapi": { allowed: TENANT, methods: ["GET"] },
};
