import { defineOperation, type ApiOperation } from "../operation";
import * as s from "../schemas";

/** Every /api/v1 operation (lib/api/openapi.ts documents exactly these; a test checks each is exercised). */

const stageTarget = (p: Record<string, string>) => `${p.api}/${p.stage}`;

export const listRollouts = defineOperation({
  operationId: "listRollouts",
  method: "GET",
  path: "/api/v1/rollouts",
  tag: "Rollouts",
  summary: "List rollouts (newest first, at most 200)",
  scope: "ops.view",
  query: s.listRolloutsQuery,
  response: { status: 200, description: "Rollouts", schema: s.rolloutOut.array() },
  audit: { action: "api.rollout.list", targetType: "rollout" },
});
export const startRollout = defineOperation({
  operationId: "startRollout",
  method: "POST",
  path: "/api/v1/rollouts",
  tag: "Rollouts",
  summary: "Start a canary rollout of a deployment (or deploy, then roll it out)",
  description:
    "The same plan fields and defaults as the console's rollout wizard. Send an Idempotency-Key header so a retry starts nothing twice.",
  scope: "gateway.manage",
  body: s.startRolloutBody,
  response: { status: 201, description: "The started rollout", schema: s.rolloutOut },
  audit: { action: "rollout.create", targetType: "stage" },
});
export const getRollout = defineOperation({
  operationId: "getRollout",
  method: "GET",
  path: "/api/v1/rollouts/{id}",
  tag: "Rollouts",
  summary: "One rollout with its steps, decisions and the metrics of each decision",
  scope: "ops.view",
  params: s.rolloutIdParams,
  response: { status: 200, description: "The rollout", schema: s.rolloutDetailOut },
  audit: { action: "api.rollout.get", targetType: "rollout", targetId: (p) => p.id ?? null },
});
export const controlRollout = defineOperation({
  operationId: "controlRollout",
  method: "POST",
  path: "/api/v1/rollouts/{id}/{command}",
  tag: "Rollouts",
  summary: "Pause, resume, approve, promote now or abort (roll back) a rollout",
  scope: "gateway.manage",
  params: s.rolloutCommandParams,
  response: { status: 200, description: "The rollout after the command", schema: s.rolloutOut },
  audit: { action: "rollout.control", targetType: "rollout", targetId: (p) => p.id ?? null },
});

export const listDeployments = defineOperation({
  operationId: "listDeployments",
  method: "GET",
  path: "/api/v1/apis/{api}/deployments",
  tag: "Deployments",
  summary: "A REST API's deployments, newest first, with the stages using each",
  scope: "ops.view",
  params: s.apiParams,
  response: { status: 200, description: "Deployments", schema: s.deploymentOut.array() },
  audit: { action: "api.deployment.list", targetType: "api", targetId: (p) => p.api ?? null },
});
export const createDeployment = defineOperation({
  operationId: "createDeployment",
  method: "POST",
  path: "/api/v1/apis/{api}/deployments",
  tag: "Deployments",
  summary: "Deploy the API's current state to a stage (refused while a rollout runs on it)",
  scope: "gateway.manage",
  params: s.apiParams,
  body: s.createDeploymentBody,
  response: { status: 201, description: "The new deployment", schema: s.deploymentOut },
  audit: { action: "deployment.create", targetType: "api", targetId: (p) => p.api ?? null },
});
export const getStage = defineOperation({
  operationId: "getStage",
  method: "GET",
  path: "/api/v1/apis/{api}/stages/{stage}",
  tag: "Stages",
  summary: "A REST stage's settings and canary",
  scope: "ops.view",
  params: s.stageParams,
  response: { status: 200, description: "The stage" },
  audit: { action: "api.stage.get", targetType: "stage", targetId: stageTarget },
});

export const listKeys = defineOperation({
  operationId: "listKeys",
  method: "GET",
  path: "/api/v1/tenants/{tenant}/keys",
  tag: "Keys",
  summary: "The tenant's API keys (values are never returned again)",
  scope: "keys.self",
  params: s.tenantParams,
  response: { status: 200, description: "Keys", schema: s.keyOut.array() },
  audit: { action: "api.key.list", targetType: "tenant", targetId: (p) => p.tenant ?? null },
});
export const createKey = defineOperation({
  operationId: "createKey",
  method: "POST",
  path: "/api/v1/tenants/{tenant}/keys",
  tag: "Keys",
  summary: "Create an API key for the tenant: the value is returned once",
  scope: "keys.self",
  params: s.tenantParams,
  body: s.createKeyBody,
  response: { status: 201, description: "The key with its value (shown once)", schema: s.keySecretOut },
  secretFields: ["value"],
  audit: { action: "key.create", targetType: "tenant", targetId: (p) => p.tenant ?? null },
});
export const rotateKey = defineOperation({
  operationId: "rotateKey",
  method: "POST",
  path: "/api/v1/tenants/{tenant}/keys/{keyId}/rotate",
  tag: "Keys",
  summary: "Rotate a key: a new key (value returned once); the old one keeps working for the grace period",
  scope: "keys.self",
  params: s.keyParams,
  body: s.rotateKeyBody,
  response: { status: 201, description: "The replacement key with its value", schema: s.keySecretOut },
  secretFields: ["value"],
  audit: { action: "key.rotate", targetType: "api-key", targetId: (p) => p.keyId ?? null },
});
export const revokeKey = defineOperation({
  operationId: "revokeKey",
  method: "POST",
  path: "/api/v1/tenants/{tenant}/keys/{keyId}/revoke",
  tag: "Keys",
  summary: "Revoke a key at once",
  scope: "keys.self",
  params: s.keyParams,
  response: { status: 200, description: "The revoked key's id" },
  audit: { action: "key.revoke", targetType: "api-key", targetId: (p) => p.keyId ?? null },
});

export const getUsage = defineOperation({
  operationId: "getUsage",
  method: "GET",
  path: "/api/v1/tenants/{tenant}/usage",
  tag: "Usage",
  summary: "The tenant's requests per UTC day (in total and per key), from the synced usage history",
  description: "`format=csv` answers text/csv with one row per key and day.",
  scope: { staff: "finance.view", tenant: "partner.view" },
  params: s.tenantParams,
  query: s.usageQuery,
  response: { status: 200, description: "Usage", schema: s.usageOut },
  audit: { action: "api.usage.get", targetType: "tenant", targetId: (p) => p.tenant ?? null },
});

export const listInvoices = defineOperation({
  operationId: "listInvoices",
  method: "GET",
  path: "/api/v1/invoices",
  tag: "Invoices",
  summary: "Invoices, newest month first (tenant tokens: the tenant's finalized and void invoices)",
  scope: "invoices.read",
  query: s.listInvoicesQuery,
  response: { status: 200, description: "One page of invoices (50)" },
  audit: { action: "api.invoice.list", targetType: "invoice" },
});
export const getInvoice = defineOperation({
  operationId: "getInvoice",
  method: "GET",
  path: "/api/v1/invoices/{id}",
  tag: "Invoices",
  summary: "One invoice with its lines",
  scope: "invoices.read",
  params: s.invoiceParams,
  response: { status: 200, description: "The invoice", schema: s.invoiceOut },
  audit: { action: "api.invoice.get", targetType: "invoice", targetId: (p) => p.id ?? null },
});
export const getInvoiceCsv = defineOperation({
  operationId: "getInvoiceCsv",
  method: "GET",
  path: "/api/v1/invoices/{id}/csv",
  tag: "Invoices",
  summary: "One invoice as CSV (the console's download)",
  scope: "invoices.read",
  params: s.invoiceParams,
  response: { status: 200, description: "CSV", csv: true },
  audit: { action: "api.invoice.csv", targetType: "invoice", targetId: (p) => p.id ?? null },
});

export const API_OPERATIONS: readonly ApiOperation[] = [
  listRollouts,
  startRollout,
  getRollout,
  controlRollout,
  listDeployments,
  createDeployment,
  getStage,
  listKeys,
  createKey,
  rotateKey,
  revokeKey,
  getUsage,
  listInvoices,
  getInvoice,
  getInvoiceCsv,
];
