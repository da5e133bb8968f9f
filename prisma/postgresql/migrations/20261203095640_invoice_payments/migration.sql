-- AlterTable
ALTER TABLE "invoice" ADD COLUMN     "dueOn" TEXT,
ADD COLUMN     "issuer" TEXT,
ADD COLUMN     "taxMinor" BIGINT;

-- CreateTable
CREATE TABLE "invoice_payment" (
    "invoiceId" TEXT NOT NULL,
    "paidOn" TEXT NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_payment_pkey" PRIMARY KEY ("invoiceId")
);

-- AddForeignKey
ALTER TABLE "invoice_payment" ADD CONSTRAINT "invoice_payment_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (issue 15 item 21): the due day, tax and issuer snapshot are set at finalization and then as
-- immutable as the rest of a finalized invoice. Paid status lives in "invoice_payment", outside the invoice row.
CREATE OR REPLACE FUNCTION "invoice_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  IF TG_OP = ''DELETE'' THEN
    IF OLD."status" <> ''DRAFT'' THEN RAISE EXCEPTION ''invoice is immutable once finalized''\073 END IF\073
    RETURN OLD\073
  END IF\073
  IF OLD."status" <> ''DRAFT'' AND (
    OLD."status" = ''VOID'' OR NEW."status" <> ''VOID''
    OR NEW."tenantId" IS DISTINCT FROM OLD."tenantId" OR NEW."month" IS DISTINCT FROM OLD."month"
    OR NEW."number" IS DISTINCT FROM OLD."number" OR NEW."currency" IS DISTINCT FROM OLD."currency"
    OR NEW."requests" IS DISTINCT FROM OLD."requests" OR NEW."totalMinor" IS DISTINCT FROM OLD."totalMinor"
    OR NEW."reissueOfId" IS DISTINCT FROM OLD."reissueOfId" OR NEW."finalizedAt" IS DISTINCT FROM OLD."finalizedAt"
    OR NEW."dueOn" IS DISTINCT FROM OLD."dueOn" OR NEW."taxMinor" IS DISTINCT FROM OLD."taxMinor"
    OR NEW."issuer" IS DISTINCT FROM OLD."issuer"
  ) THEN
    RAISE EXCEPTION ''invoice is immutable once finalized''\073
  END IF\073
  RETURN NEW\073
END';
