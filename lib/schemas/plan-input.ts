import type { z } from "zod";
import type { PlanInput } from "@/lib/aws/usage-plans";
import type { planSchema } from "./keys";

/** The plan form's values as the AWS operation wants them (stages split, per-method throttles parsed). */
export function toPlanInput(p: z.output<typeof planSchema>): PlanInput {
  const throttles = new Map<string, Record<string, { rateLimit: number; burstLimit: number }>>();
  for (const line of (p.methodThrottles ?? "").split("\n")) {
    const m = /^(\S+:\S+)\s+(\/\S*\/[A-Z*]+)\s+(\d+)\s+(\d+)$/.exec(line.trim());
    if (!m) continue;
    const t = throttles.get(m[1]!) ?? {};
    t[m[2]!] = { rateLimit: Number(m[3]), burstLimit: Number(m[4]) };
    throttles.set(m[1]!, t);
  }
  return {
    name: p.name,
    description: p.description,
    rateLimit: p.rateLimit,
    burstLimit: p.burstLimit,
    quotaLimit: p.quotaLimit,
    quotaPeriod: p.quotaPeriod,
    apiStages: p.apiStages.map((s) => {
      const [apiId = "", stage = ""] = s.split(":");
      return { apiId, stage, methodThrottles: throttles.get(s) ?? {} };
    }),
  };
}
