-- CreateTable
CREATE TABLE "price_plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "price_plan_version" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "planId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "baseFeeMinor" INTEGER NOT NULL,
    "includedRequests" INTEGER NOT NULL,
    "minimumChargeMinor" INTEGER NOT NULL,
    "tierMode" TEXT NOT NULL,
    "tiers" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_plan_version_planId_fkey" FOREIGN KEY ("planId") REFERENCES "price_plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "tenant_price_plan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tenant_price_plan_planId_fkey" FOREIGN KEY ("planId") REFERENCES "price_plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "activeKey" TEXT,
    "number" TEXT,
    "currency" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,
    "totalMinor" BIGINT NOT NULL,
    "reissueOfId" TEXT,
    "finalizedAt" DATETIME,
    "voidedAt" DATETIME,
    "voidReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "invoice_line" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    CONSTRAINT "invoice_line_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "invoice_counter" (
    "year" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "last" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "finance_setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
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


-- Hand-written: finalized and void invoices are immutable in the database itself (not only in lib/db).
-- Allowed: FINALIZED → VOID with voidedAt/voidReason/activeKey/updatedAt. Everything else is refused.
CREATE TRIGGER "invoice_immutable_update" BEFORE UPDATE ON "invoice"
WHEN OLD."status" <> 'DRAFT' AND (
  OLD."status" = 'VOID' OR NEW."status" <> 'VOID'
  OR NEW."tenantId" IS NOT OLD."tenantId" OR NEW."month" IS NOT OLD."month"
  OR NEW."number" IS NOT OLD."number" OR NEW."currency" IS NOT OLD."currency"
  OR NEW."requests" IS NOT OLD."requests" OR NEW."totalMinor" IS NOT OLD."totalMinor"
  OR NEW."reissueOfId" IS NOT OLD."reissueOfId" OR NEW."finalizedAt" IS NOT OLD."finalizedAt"
)
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;

CREATE TRIGGER "invoice_immutable_delete" BEFORE DELETE ON "invoice"
WHEN OLD."status" <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;

CREATE TRIGGER "invoice_line_immutable_insert" BEFORE INSERT ON "invoice_line"
WHEN (SELECT "status" FROM "invoice" WHERE "id" = NEW."invoiceId") <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;

CREATE TRIGGER "invoice_line_immutable_update" BEFORE UPDATE ON "invoice_line"
WHEN (SELECT "status" FROM "invoice" WHERE "id" = OLD."invoiceId") <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;

CREATE TRIGGER "invoice_line_immutable_delete" BEFORE DELETE ON "invoice_line"
WHEN (SELECT "status" FROM "invoice" WHERE "id" = OLD."invoiceId") <> 'DRAFT'
BEGIN SELECT RAISE(ABORT, 'invoice is immutable once finalized'); END;
