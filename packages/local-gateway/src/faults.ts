import { z } from "zod";

/**
 * Injected failures and latency for control-plane calls (`POST /_localgateway/faults`), for the console's
 * reliability tests. A rule matches an operation by name or "*"; on each matching call it fires with probability
 * `rate`: it waits `latencyMs` (real time) and then, if it has a `status`, fails the call with it.
 */
const ruleSchema = z
  .object({
    operation: z
      .string()
      .regex(/^(\*|[A-Z][A-Za-z0-9]*)$/, 'operation must be an operation name such as "GetRestApis", or "*"')
      .refine(
        (op) => !op.endsWith("Command"),
        'operation is the SDK command name without "Command", e.g. "GetRestApis"',
      ),
    rate: z.number().min(0, "rate must be between 0 and 1").max(1, "rate must be between 0 and 1"),
    status: z
      .union([z.literal(429), z.literal(500), z.literal(503)], { error: "status must be 429, 500 or 503" })
      .optional(),
    latencyMs: z.number().int().min(0).max(120_000, "latencyMs must be between 0 and 120000").optional(),
  })
  .strict()
  .refine((r) => r.status !== undefined || r.latencyMs !== undefined, {
    message: "a fault needs a status, a latencyMs or both",
  });

export type FaultRule = z.infer<typeof ruleSchema>;

export interface FaultOutcome {
  latencyMs: number;
  status: 429 | 500 | 503 | undefined;
}

export class Faults {
  private rules: FaultRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  /** Validates and adds a rule; returns an error message for a bad body. */
  add(body: unknown): { ok: true; rule: FaultRule } | { ok: false; message: string } {
    const parsed = ruleSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      return { ok: false, message: `Invalid fault: ${where}${issue?.message ?? "bad body"}` };
    }
    this.rules.push(parsed.data);
    return { ok: true, rule: parsed.data };
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  /** The first matching rule that fires decides; undefined when none fires. */
  pick(op: string): FaultOutcome | undefined {
    for (const rule of this.rules) {
      if (rule.operation !== "*" && rule.operation !== op) continue;
      if (rule.rate < 1 && this.random() >= rule.rate) continue;
      return { latencyMs: rule.latencyMs ?? 0, status: rule.status };
    }
    return undefined;
  }
}
