import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/assert";
import { notFound } from "@/lib/errors";
import { DEFAULT_ISSUER, type IssuerSettings } from "@/lib/billing/issuer";
import { db, type Prisma } from "./client";
import { getIssuerSettings } from "./finance-settings";
import { issuerSettings, readJson } from "./json";

export type InvoiceStatus = "DRAFT" | "FINALIZED" | "VOID";

/** Amounts and quantities are decimal strings (bigint is not JSON); format with lib/billing/money. */
export type InvoiceLineDto = {
  kind: string;
  description: string;
  quantity: string;
  unitPriceMinor: string;
  amountMinor: string;
  periodFrom: string;
  periodTo: string;
  versionId: string | null;
  adjustsInvoiceId: string | null;
};
export type InvoiceDto = {
  id: string;
  tenantId: string;
  tenantName: string;
  month: string;
  status: InvoiceStatus;
  number: string | null;
  currency: string;
  requests: string;
  totalMinor: string;
  reissueOfId: string | null;
  finalizedAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  /** UTC day the invoice falls due (set at finalization). */
  dueOn: string | null;
  /** UTC day finance recorded the payment; null = unpaid. */
  paidOn: string | null;
  createdAt: string;
  updatedAt: string;
};
export type InvoiceDetailDto = InvoiceDto & {
  lines: InvoiceLineDto[];
  /** Tax on the total (minor units), fixed at finalization; null for drafts and invoices from before it existed. */
  taxMinor: string | null;
  /** The issuer as it was at finalization; drafts show the current settings. */
  issuer: IssuerSettings;
  /** The tenant's billing email (where the invoice goes). */
  billingEmail: string | null;
  paymentNote: string | null;
  /** Invoices this one replaces or was replaced by (void → reissue). */
  reissueOf: { id: string; number: string | null } | null;
  reissuedAs: { id: string; number: string | null; status: InvoiceStatus }[];
};

type Row = Prisma.InvoiceGetPayload<{ include: { payment: true } }>;
const toDto = (r: Row, tenantName: string): InvoiceDto => ({
  id: r.id,
  tenantId: r.tenantId,
  tenantName,
  month: r.month,
  status: r.status as InvoiceStatus,
  number: r.number,
  currency: r.currency,
  requests: r.requests.toString(),
  totalMinor: r.totalMinor.toString(),
  reissueOfId: r.reissueOfId,
  finalizedAt: r.finalizedAt?.toISOString() ?? null,
  voidedAt: r.voidedAt?.toISOString() ?? null,
  voidReason: r.voidReason,
  dueOn: r.dueOn,
  paidOn: r.payment?.paidOn ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Finance staff see every invoice. A partner sees only its own tenant's (id from the session), and never drafts:
 * a draft is not an invoice yet and may still change.
 */
function scope(actor: Actor): Prisma.InvoiceWhereInput {
  return actor.kind === "partner" ? { tenantId: actor.tenantId, status: { in: ["FINALIZED", "VOID"] } } : {};
}

async function tenantNames(ids: string[]): Promise<Map<string, string>> {
  const rows = await db.tenant.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, name: true },
  });
  return new Map(rows.map((t) => [t.id, t.name]));
}

export const INVOICE_PAGE_SIZE = 50;

export async function listInvoices(
  actor: Actor,
  f: { month?: string; status?: InvoiceStatus; tenantId?: string; page?: number } = {},
): Promise<{ rows: InvoiceDto[]; total: number; months: string[] }> {
  assertCan(actor, "invoices.read");
  const where: Prisma.InvoiceWhereInput = { ...scope(actor) };
  if (f.month) where.month = f.month;
  if (f.status) where.AND = [{ status: f.status }];
  if (f.tenantId && actor.kind !== "partner") where.tenantId = f.tenantId;
  const page = Math.max(1, f.page ?? 1);
  const [rows, total, months] = await Promise.all([
    db.invoice.findMany({
      where,
      orderBy: [{ month: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * INVOICE_PAGE_SIZE,
      take: INVOICE_PAGE_SIZE,
      include: { payment: true },
    }),
    db.invoice.count({ where }),
    db.invoice.findMany({
      where: scope(actor),
      select: { month: true },
      distinct: ["month"],
      orderBy: { month: "desc" },
    }),
  ]);
  const names = await tenantNames(rows.map((r) => r.tenantId));
  return {
    rows: rows.map((r) => toDto(r, names.get(r.tenantId) ?? "?")),
    total,
    months: months.map((m) => m.month),
  };
}

export async function getInvoice(actor: Actor, id: string): Promise<InvoiceDetailDto> {
  assertCan(actor, "invoices.read");
  const r = await db.invoice.findFirst({
    where: { id, ...scope(actor) },
    include: { lines: { orderBy: { position: "asc" } }, payment: true },
  });
  if (!r) throw notFound("Invoice");
  const [names, reissueOf, reissuedAs, tenant, currentIssuer] = await Promise.all([
    tenantNames([r.tenantId]),
    r.reissueOfId
      ? db.invoice.findFirst({
          where: { id: r.reissueOfId, ...scope(actor) },
          select: { id: true, number: true },
        })
      : null,
    db.invoice.findMany({
      where: { reissueOfId: r.id, ...scope(actor) },
      select: { id: true, number: true, status: true },
    }),
    db.tenant.findUnique({ where: { id: r.tenantId }, select: { billingEmail: true } }),
    r.issuer ? null : getIssuerSettings(),
  ]);
  return {
    ...toDto(r, names.get(r.tenantId) ?? "?"),
    lines: r.lines.map((l) => ({
      kind: l.kind,
      description: l.description,
      quantity: l.quantity.toString(),
      unitPriceMinor: l.unitPriceMinor.toString(),
      amountMinor: l.amountMinor.toString(),
      periodFrom: l.periodFrom,
      periodTo: l.periodTo,
      versionId: l.versionId,
      adjustsInvoiceId: l.adjustsInvoiceId,
    })),
    taxMinor: r.taxMinor?.toString() ?? null,
    issuer: r.issuer
      ? { ...DEFAULT_ISSUER, ...readJson(issuerSettings, r.issuer, "invoice.issuer") }
      : currentIssuer!,
    billingEmail: tenant?.billingEmail ?? null,
    paymentNote: r.payment?.note ?? null,
    reissueOf,
    reissuedAs: reissuedAs.map((x) => ({ ...x, status: x.status as InvoiceStatus })),
  };
}

/** Drafts of months before `month`, oldest first, for the finance job (lib/invoices/finalize-due.ts); no actor. */
export async function listDraftsBefore(month: string): Promise<{ id: string; month: string }[]> {
  return db.invoice.findMany({
    where: { status: "DRAFT", month: { lt: month } },
    select: { id: true, month: true },
    orderBy: [{ month: "asc" }, { createdAt: "asc" }],
  });
}
