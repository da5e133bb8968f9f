-- AlterTable
ALTER TABLE "invoice" ADD COLUMN "dueOn" TEXT;
ALTER TABLE "invoice" ADD COLUMN "issuer" TEXT;
ALTER TABLE "invoice" ADD COLUMN "taxMinor" BIGINT;

-- CreateTable
CREATE TABLE "invoice_payment" (
    "invoiceId" TEXT NOT NULL PRIMARY KEY,
    "paidOn" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invoice_payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);


-- Hand-written (issue 15 item 21): the due day, tax and issuer snapshot are set at finalization and then as
-- immutable as the rest of a finalized invoice. Paid status lives in "invoice_payment", outside the invoice row.
DROP TRIGGER "invoice_immutable_update";
CREATE TRIGGER "invoice_immutable_update" BEFORE UPDATE ON "invoice"
WHEN OLD."status" <> 'DRAFT' AND (
  OLD."status" = 'VOID' OR NEW."status" <> 'VOID'
  OR NEW."tenantId" IS NOT OLD."tenantId" OR NEW."month" IS NOT OLD."month"
  OR NEW."number" IS NOT OLD."number" OR NEW."currency" IS NOT OLD."currency"
  OR NEW."requests" IS NOT OLD."requests" OR NEW."totalMinor" IS NOT OLD."totalMinor"
  OR NEW."reissueOfId" IS NOT OLD."reissueOfId" OR NEW."finalizedAt" IS NOT OLD."finalizedAt"
  OR NEW."dueOn" IS NOT OLD."dueOn" OR NEW."taxMinor" IS NOT OLD."taxMinor" OR NEW."issuer" IS NOT OLD."issuer"
)
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;
