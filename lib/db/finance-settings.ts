import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { DEFAULT_COST_SETTINGS, type CostSettings } from "@/lib/billing/cost";
import { DEFAULT_ISSUER, type IssuerSettings } from "@/lib/billing/issuer";
import { db } from "./client";
import { costSettings, graceDays, issuerSettings, readJson, toJson } from "./json";

/** Days a previous month's drafts stay open for late usage before the job finalizes them. */
export const DEFAULT_GRACE_DAYS = 3;
const GRACE_KEY = "invoiceGraceDays";

export async function getGraceDays(): Promise<number> {
  const row = await db.financeSetting.findUnique({ where: { key: GRACE_KEY } });
  return row ? readJson(graceDays, row.value, `finance_setting.value (${GRACE_KEY})`) : DEFAULT_GRACE_DAYS;
}

const COST_KEY = "costToServe";

export async function getCostSettings(): Promise<CostSettings> {
  const row = await db.financeSetting.findUnique({ where: { key: COST_KEY } });
  return row
    ? {
        ...DEFAULT_COST_SETTINGS,
        ...readJson(costSettings, row.value, `finance_setting.value (${COST_KEY})`),
      }
    : DEFAULT_COST_SETTINGS;
}

/** Returns the settings before the change, for the audit trail. */
export async function setCostSettings(actor: Actor, s: CostSettings): Promise<CostSettings> {
  assertCan(actor, "finance.manage");
  const before = await getCostSettings();
  await db.financeSetting.upsert({
    where: { key: COST_KEY },
    create: { key: COST_KEY, value: toJson(s), updatedById: actor.id },
    update: { value: toJson(s), updatedById: actor.id },
  });
  return before;
}

const ISSUER_KEY = "invoiceIssuer";

/** The issuer details, payment terms and tax rate printed on invoices (snapshotted onto each at finalization). */
export async function getIssuerSettings(
  client: Pick<typeof db, "financeSetting"> = db,
): Promise<IssuerSettings> {
  const row = await client.financeSetting.findUnique({ where: { key: ISSUER_KEY } });
  return row
    ? { ...DEFAULT_ISSUER, ...readJson(issuerSettings, row.value, `finance_setting.value (${ISSUER_KEY})`) }
    : DEFAULT_ISSUER;
}

/** Returns the settings before the change, for the audit trail. */
export async function setIssuerSettings(actor: Actor, s: IssuerSettings): Promise<IssuerSettings> {
  assertCan(actor, "finance.manage");
  const before = await getIssuerSettings();
  await db.financeSetting.upsert({
    where: { key: ISSUER_KEY },
    create: { key: ISSUER_KEY, value: toJson(s), updatedById: actor.id },
    update: { value: toJson(s), updatedById: actor.id },
  });
  return before;
}
