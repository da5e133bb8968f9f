import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import type { PlanTerms, Tier, TierMode } from "@/lib/billing/pricing";
import { conflict, notFound } from "@/lib/errors";
import { db } from "./client";
import { readJson, tiers as tiersSchema, toJson } from "./json";

export type TermsInput = {
  effectiveFrom: string;
  baseFee: number;
  includedRequests: number;
  minimumCharge: number;
  tierMode: TierMode;
  tiers: Tier[];
};

export type PlanVersionDto = {
  id: string;
  version: number;
  effectiveFrom: string;
  baseFeeMinor: number;
  includedRequests: number;
  minimumChargeMinor: number;
  tierMode: TierMode;
  tiers: Tier[];
  createdAt: string;
};
export type PricePlanDto = {
  id: string;
  name: string;
  currency: string;
  versions: PlanVersionDto[];
  tenants: { tenantId: string; tenantName: string; effectiveFrom: string }[];
};

type VersionRow = {
  id: string;
  version: number;
  effectiveFrom: string;
  baseFeeMinor: number;
  includedRequests: number;
  minimumChargeMinor: number;
  tierMode: string;
  tiers: unknown;
  createdAt: Date;
};
const versionDto = (v: VersionRow): PlanVersionDto => ({
  id: v.id,
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  baseFeeMinor: v.baseFeeMinor,
  includedRequests: v.includedRequests,
  minimumChargeMinor: v.minimumChargeMinor,
  tierMode: v.tierMode as TierMode,
  tiers: readJson(tiersSchema, v.tiers, "price_plan_version.tiers"),
  createdAt: v.createdAt.toISOString(),
});

const termsData = (t: TermsInput) => ({
  effectiveFrom: t.effectiveFrom,
  baseFeeMinor: t.baseFee,
  includedRequests: t.includedRequests,
  minimumChargeMinor: t.minimumCharge,
  tierMode: t.tierMode,
  tiers: toJson(t.tiers),
});

export async function listPricePlans(actor: Actor): Promise<PricePlanDto[]> {
  assertCan(actor, "finance.view");
  const [plans, tenants] = await Promise.all([
    db.pricePlan.findMany({
      orderBy: { name: "asc" },
      include: { versions: { orderBy: { version: "desc" } }, assignments: true },
    }),
    db.tenant.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map(tenants.map((t) => [t.id, t.name]));
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    currency: p.currency,
    versions: p.versions.map(versionDto),
    tenants: p.assignments
      .map((a) => ({
        tenantId: a.tenantId,
        tenantName: names.get(a.tenantId) ?? "?",
        effectiveFrom: a.effectiveFrom,
      }))
      .sort((a, b) => a.tenantName.localeCompare(b.tenantName)),
  }));
}

export async function createPricePlan(
  actor: Actor,
  input: TermsInput & { name: string; currency: string },
): Promise<{ id: string; versionId: string }> {
  assertCan(actor, "finance.manage");
  if (await db.pricePlan.findUnique({ where: { name: input.name }, select: { id: true } }))
    throw conflict("A price plan with this name already exists.", "name");
  const plan = await db.pricePlan.create({
    data: {
      name: input.name,
      currency: input.currency,
      versions: { create: { version: 1, createdById: actor.id, ...termsData(input) } },
    },
    include: { versions: true },
  });
  return { id: plan.id, versionId: plan.versions[0]!.id };
}

/** A change is a new version from an effective day; earlier versions (and invoices priced with them) stay. */
export async function addPlanVersion(
  actor: Actor,
  input: TermsInput & { planId: string },
): Promise<{ id: string; version: number }> {
  assertCan(actor, "finance.manage");
  return db.$transaction(async (tx) => {
    const plan = await tx.pricePlan.findUnique({
      where: { id: input.planId },
      include: { versions: { orderBy: { version: "desc" }, take: 1 } },
    });
    if (!plan) throw notFound("Price plan");
    const clash = await tx.pricePlanVersion.findFirst({
      where: { planId: plan.id, effectiveFrom: input.effectiveFrom },
      select: { version: true },
    });
    if (clash)
      throw conflict(
        `Version ${clash.version} already takes effect on this day. Choose another day.`,
        "effectiveFrom",
      );
    const version = (plan.versions[0]?.version ?? 0) + 1;
    const v = await tx.pricePlanVersion.create({
      data: { planId: plan.id, version, createdById: actor.id, ...termsData(input) },
    });
    return { id: v.id, version };
  });
}

/** Assign a plan to a tenant from a day on (replacing an assignment on the same day). */
export async function assignPricePlan(
  actor: Actor,
  input: { tenantId: string; planId: string; effectiveFrom: string },
): Promise<{ tenantName: string; planName: string }> {
  assertCan(actor, "finance.manage");
  const [tenant, plan] = await Promise.all([
    db.tenant.findUnique({ where: { id: input.tenantId }, select: { name: true } }),
    db.pricePlan.findUnique({ where: { id: input.planId }, select: { name: true } }),
  ]);
  if (!tenant) throw notFound("Tenant");
  if (!plan) throw notFound("Price plan");
  await db.tenantPricePlan.upsert({
    where: { tenantId_effectiveFrom: { tenantId: input.tenantId, effectiveFrom: input.effectiveFrom } },
    create: input,
    update: { planId: input.planId },
  });
  return { tenantName: tenant.name, planName: plan.name };
}

/**
 * Everything pricing needs, loaded once for a run: per tenant, a function giving the plan version in effect on a
 * day (the tenant's latest assignment on or before the day, then that plan's latest version on or before it).
 */
export async function loadTermsResolver(): Promise<(tenantId: string) => (day: string) => PlanTerms | null> {
  const [plans, assignments] = await Promise.all([
    db.pricePlan.findMany({ include: { versions: { orderBy: { effectiveFrom: "asc" } } } }),
    db.tenantPricePlan.findMany({ orderBy: { effectiveFrom: "asc" } }),
  ]);
  const versions = new Map(
    plans.map((p) => [
      p.id,
      p.versions.map((v) => ({
        effectiveFrom: v.effectiveFrom,
        terms: {
          versionId: v.id,
          planName: `${p.name} v${v.version}`,
          currency: p.currency,
          baseFeeMinor: v.baseFeeMinor,
          includedRequests: v.includedRequests,
          minimumChargeMinor: v.minimumChargeMinor,
          tierMode: v.tierMode as TierMode,
          tiers: readJson(tiersSchema, v.tiers, "price_plan_version.tiers"),
        } satisfies PlanTerms,
      })),
    ]),
  );
  const byTenant = new Map<string, { planId: string; effectiveFrom: string }[]>();
  for (const a of assignments) {
    const list = byTenant.get(a.tenantId) ?? [];
    list.push(a);
    byTenant.set(a.tenantId, list);
  }
  const lastOnOrBefore = <T extends { effectiveFrom: string }>(list: T[] | undefined, day: string) => {
    let found: T | undefined;
    for (const x of list ?? []) if (x.effectiveFrom <= day) found = x;
    return found;
  };
  return (tenantId) => (day) => {
    const a = lastOnOrBefore(byTenant.get(tenantId), day);
    return a ? (lastOnOrBefore(versions.get(a.planId), day)?.terms ?? null) : null;
  };
}

export async function tenantsWithPlans(): Promise<string[]> {
  const rows = await db.tenantPricePlan.findMany({ select: { tenantId: true }, distinct: ["tenantId"] });
  return rows.map((r) => r.tenantId);
}

/** Tenants finance may assign plans to (finance does not hold tenants.read, which is an operator permission). */
export async function listTenantOptionsForFinance(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, "finance.view");
  return db.tenant.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}
