-- CreateTable
CREATE TABLE "price_plan" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "price_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_plan_version" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "baseFeeMinor" INTEGER NOT NULL,
    "includedRequests" INTEGER NOT NULL,
    "minimumChargeMinor" INTEGER NOT NULL,
    "tierMode" TEXT NOT NULL,
    "tiers" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_plan_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_price_plan" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_price_plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "activeKey" TEXT,
    "number" TEXT,
    "currency" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "totalMinor" BIGINT NOT NULL,
    "reissueOfId" TEXT,
    "finalizedAt" TIMESTAMP(3),
    "voidedAt" TIMESTAMP(3),
    "voidReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" TEXT NOT NULL,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "unitPriceMinor" BIGINT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "versionId" TEXT,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "adjustsInvoiceId" TEXT,

    CONSTRAINT "invoice_line_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_counter" (
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "invoice_counter_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "finance_setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "finance_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "price_plan_name_key" ON "price_plan"("name");

-- CreateIndex
CREATE UNIQUE INDEX "price_plan_version_planId_version_key" ON "price_plan_version"("planId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "price_plan_version_planId_effectiveFrom_key" ON "price_plan_version"("planId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_price_plan_tenantId_effectiveFrom_key" ON "tenant_price_plan"("tenantId", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_activeKey_key" ON "invoice"("activeKey");

-- CreateIndex
CREATE UNIQUE INDEX "invoice_number_key" ON "invoice"("number");

-- CreateIndex
CREATE INDEX "invoice_tenantId_month_idx" ON "invoice"("tenantId", "month");

-- CreateIndex
CREATE INDEX "invoice_status_month_idx" ON "invoice"("status", "month");

-- CreateIndex
CREATE INDEX "invoice_line_invoiceId_idx" ON "invoice_line"("invoiceId");

-- CreateIndex
CREATE INDEX "invoice_line_adjustsInvoiceId_idx" ON "invoice_line"("adjustsInvoiceId");

-- AddForeignKey
ALTER TABLE "price_plan_version" ADD CONSTRAINT "price_plan_version_planId_fkey" FOREIGN KEY ("planId") REFERENCES "price_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_price_plan" ADD CONSTRAINT "tenant_price_plan_planId_fkey" FOREIGN KEY ("planId") REFERENCES "price_plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line" ADD CONSTRAINT "invoice_line_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: finalized and void invoices are immutable in the database itself (not only in lib/db).
-- Allowed: FINALIZED → VOID with voidedAt/voidReason/activeKey/updatedAt. Everything else is refused.
-- Function bodies are escape strings with octal 073 for semicolons: the migration runner splits scripts at them.
CREATE FUNCTION "invoice_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
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
  ) THEN
    RAISE EXCEPTION ''invoice is immutable once finalized''\073
  END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER "invoice_immutable" BEFORE UPDATE OR DELETE ON "invoice"
FOR EACH ROW EXECUTE FUNCTION "invoice_immutable_fn"();

CREATE FUNCTION "invoice_line_immutable_fn"() RETURNS trigger LANGUAGE plpgsql AS E'DECLARE s TEXT\073
BEGIN
  SELECT "status" INTO s FROM "invoice"
    WHERE "id" = CASE WHEN TG_OP = ''DELETE'' THEN OLD."invoiceId" ELSE NEW."invoiceId" END\073
  IF s IS NOT NULL AND s <> ''DRAFT'' THEN RAISE EXCEPTION ''invoice is immutable once finalized''\073 END IF\073
  IF TG_OP = ''UPDATE'' THEN
    SELECT "status" INTO s FROM "invoice" WHERE "id" = OLD."invoiceId"\073
    IF s <> ''DRAFT'' THEN RAISE EXCEPTION ''invoice is immutable once finalized''\073 END IF\073
  END IF\073
  IF TG_OP = ''DELETE'' THEN RETURN OLD\073 END IF\073
  RETURN NEW\073
END';

CREATE TRIGGER "invoice_line_immutable" BEFORE INSERT OR UPDATE OR DELETE ON "invoice_line"
FOR EACH ROW EXECUTE FUNCTION "invoice_line_immutable_fn"();
