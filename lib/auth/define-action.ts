import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/db/audit";
import { AppError, type ErrorCode } from "@/lib/errors";
import { log } from "@/lib/log";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { aimOf } from "./audit-aim";
import { controlCharacterErrors } from "./input-guard";
import { getActor } from "./session";
import { definedOnly } from "@/lib/utils/defined-only";

export type ActionResult<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      code: ErrorCode;
      error: string;
      fieldErrors?: Record<string, string[]>;
      retryAfterSeconds?: number;
    };

type Audit<I, O> =
  | false
  | {
      action: string | ((input: I) => string);
      targetType: string;
      targetId?: (input: I, output: O | undefined) => string | null | undefined;
      summary?: (input: I, output: O | undefined) => Record<string, unknown>;
    };

export type ActionDef<S extends z.ZodType, O> = {
  /** Names the action in the audit trail and the authorization spec, e.g. "tenant.create". */
  name: string;
  /** Required: an action without a permission does not type-check. */
  permission: Permission;
  input: S;
  /** Every mutation is audited; `false` only for actions that change nothing. */
  audit: Audit<z.output<S>, NoInfer<O>>;
  handler: (ctx: { actor: Actor; input: z.output<S>; requestId: string }) => Promise<O>;
};

export type ActionMeta = { name: string; permission: Permission | "public" };
export type TollgateAction<I, O> = ((input: I) => Promise<ActionResult<O>>) & { meta: ActionMeta };

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

const invalidInput = (error: z.ZodError) =>
  ({
    ok: false,
    code: "invalid",
    error: "Please correct the highlighted fields.",
    fieldErrors: fieldErrorsOf(error),
  }) as const;

/**
 * Turns a thrown error into the action's failure value: AppErrors keep their code and message; anything else is
 * logged with the request id and shown generically. Next's redirect()/notFound() work by throwing and pass through.
 */
function failure(e: unknown, requestId: string, action: string): Extract<ActionResult<never>, { ok: false }> {
  if (e instanceof AppError) {
    return {
      ok: false,
      code: e.code,
      error: e.message,
      ...definedOnly({ fieldErrors: e.fieldErrors, retryAfterSeconds: e.retryAfterSeconds || undefined }),
    };
  }
  if (
    e &&
    typeof e === "object" &&
    "digest" in e &&
    String((e as { digest: unknown }).digest).startsWith("NEXT_")
  ) {
    throw e;
  }
  log.error({ err: e, requestId, action }, "action failed");
  return {
    ok: false,
    code: "internal",
    error: `Something went wrong. Quote request id ${requestId} if you report it.`,
  };
}

/**
 * Wraps a server action: authenticates, checks the declared permission, validates input with the zod schema shared
 * with the form, runs the handler, audits the outcome and turns expected failures into values the form can show.
 * Server actions are public POST endpoints, so every call goes through all of it.
 */
export function defineAction<S extends z.ZodType, O>(def: ActionDef<S, O>): TollgateAction<z.input<S>, O> {
  const run = async (raw: z.input<S>): Promise<ActionResult<O>> => {
    const requestId = randomUUID();
    const actor = await getActor();
    const audit = def.audit;
    const write = (
      outcome: "success" | "failure" | "denied",
      input: unknown,
      output: O | undefined,
      extra = {},
    ) =>
      audit
        ? recordAudit({
            actor,
            action: typeof audit.action === "function" ? audit.action(input as z.output<S>) : audit.action,
            targetType: audit.targetType,
            targetId: audit.targetId?.(input as z.output<S>, output) ?? null,
            summary: { ...(audit.summary?.(input as z.output<S>, output) ?? {}), ...extra },
            outcome,
            requestId,
          }).catch((e: unknown) => log.error({ err: e, requestId }, "audit write failed"))
        : Promise.resolve();
    // Refused and invalid calls are audited too, under the name and target they aimed at (lib/auth/audit-aim.ts),
    // with no summary from the input: it is untrusted and may hold anything, secrets included.
    const writeRefused = (outcome: "failure" | "denied", extra: Record<string, unknown>) =>
      audit
        ? recordAudit({
            actor,
            ...(actor ? {} : { anonymousEmail: "anonymous" }),
            ...aimOf(audit, def.name, def.input, raw),
            targetType: audit.targetType,
            summary: extra,
            outcome,
            requestId,
          }).catch((e: unknown) => log.error({ err: e, requestId }, "audit write failed"))
        : Promise.resolve();

    if (!actor) {
      await writeRefused("denied", { reason: "no session" });
      return { ok: false, code: "unauthenticated", error: "Your session has ended. Sign in again." };
    }
    if (!can(actor.role, def.permission)) {
      await writeRefused("denied", { permission: def.permission });
      return { ok: false, code: "forbidden", error: "You do not have permission to do that." };
    }
    const dirty = controlCharacterErrors(raw);
    if (dirty) {
      await writeRefused("failure", { error: "invalid input", fields: Object.keys(dirty).slice(0, 20) });
      return {
        ok: false,
        code: "invalid",
        error: "Please correct the highlighted fields.",
        fieldErrors: dirty,
      };
    }
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) {
      await writeRefused("failure", {
        error: "invalid input",
        fields: Object.keys(fieldErrorsOf(parsed.error))
          .slice(0, 20)
          .map((k) => k.slice(0, 80)),
      });
      return invalidInput(parsed.error);
    }
    try {
      const data = await def.handler({ actor, input: parsed.data, requestId });
      await write("success", parsed.data, data);
      return { ok: true, data };
    } catch (e) {
      const result = failure(e, requestId, def.name);
      const outcome = result.code === "forbidden" ? "denied" : "failure";
      await write(outcome, parsed.data, undefined, {
        error: result.code === "internal" ? "internal" : result.error,
      });
      return result;
    }
  };
  return Object.assign(run, { meta: { name: def.name, permission: def.permission } });
}

/**
 * A deliberately public server action (sign-in, accepting an invitation). It validates and maps errors like
 * defineAction but has no actor; it audits itself. Each one is listed as public in the authorization spec.
 */
export function definePublicAction<S extends z.ZodType, O>(def: {
  name: string;
  input: S;
  handler: (ctx: { input: z.output<S>; requestId: string }) => Promise<O>;
}): TollgateAction<z.input<S>, O> {
  const run = async (raw: z.input<S>): Promise<ActionResult<O>> => {
    const requestId = randomUUID();
    const dirty = controlCharacterErrors(raw);
    if (dirty)
      return {
        ok: false,
        code: "invalid",
        error: "Please correct the highlighted fields.",
        fieldErrors: dirty,
      };
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      return { ok: true, data: await def.handler({ input: parsed.data, requestId }) };
    } catch (e) {
      return failure(e, requestId, def.name);
    }
  };
  return Object.assign(run, { meta: { name: def.name, permission: "public" as const } });
}
