// Throttle and quota validation shared by CreateUsagePlan and the UpdateUsagePlan patch paths.
import { badRequest } from "../http";
import type { QuotaSettings, ThrottleSettings } from "../state/types";
import { compact } from "./common";

export function checkThrottle(t: ThrottleSettings, what = "throttle"): ThrottleSettings {
  if (t.burstLimit !== undefined && (!Number.isInteger(t.burstLimit) || t.burstLimit < 0)) {
    throw badRequest(`Invalid ${what}: burstLimit must be a non-negative integer`);
  }
  if (t.rateLimit !== undefined && (!Number.isFinite(t.rateLimit) || t.rateLimit < 0)) {
    throw badRequest(`Invalid ${what}: rateLimit must be a non-negative number`);
  }
  return compact({ burstLimit: t.burstLimit, rateLimit: t.rateLimit });
}

const MAX_OFFSET: Record<string, number> = { DAY: 0, WEEK: 6, MONTH: 27 };

export function checkQuota(q: QuotaSettings): QuotaSettings {
  if (!["DAY", "WEEK", "MONTH"].includes(q.period))
    throw badRequest("Invalid quota period specified: must be DAY, WEEK or MONTH");
  if (!Number.isInteger(q.limit) || q.limit < 0)
    throw badRequest("Invalid quota limit specified: must be a non-negative integer");
  const max = MAX_OFFSET[q.period] ?? 0;
  if (!Number.isInteger(q.offset) || q.offset < 0 || q.offset > max) {
    throw badRequest(`Invalid quota offset specified: must be between 0 and ${max} for period ${q.period}`);
  }
  return { limit: q.limit, offset: q.offset, period: q.period };
}

export function numberField(o: Record<string, unknown>, key: string): number | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number") throw badRequest(`Invalid ${key}: must be a number`);
  return v;
}

export function parseThrottleMap(raw: unknown): Record<string, ThrottleSettings> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== "object" || Array.isArray(raw))
    throw badRequest("Invalid throttle: must be a map of method throttles");
  return Object.fromEntries(
    Object.entries(raw as Record<string, Record<string, unknown>>).map(([k, v]) => [
      k,
      checkThrottle(
        { burstLimit: numberField(v ?? {}, "burstLimit"), rateLimit: numberField(v ?? {}, "rateLimit") },
        `throttle for ${k}`,
      ),
    ]),
  );
}
