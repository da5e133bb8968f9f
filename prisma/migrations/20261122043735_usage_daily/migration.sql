-- CreateTable
CREATE TABLE "usage_daily" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "apiKeyId" TEXT NOT NULL,
    "usagePlanId" TEXT NOT NULL,
    "tenantId" TEXT,
    "day" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "usage_daily_tenantId_day_idx" ON "usage_daily"("tenantId", "day");

-- CreateIndex
CREATE INDEX "usage_daily_day_idx" ON "usage_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "usage_daily_apiKeyId_usagePlanId_day_key" ON "usage_daily"("apiKeyId", "usagePlanId", "day");

