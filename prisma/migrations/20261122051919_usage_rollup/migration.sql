-- CreateTable
CREATE TABLE "usage_monthly" (
    "month" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "usagePlanId" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,

    PRIMARY KEY ("month", "tenantKey", "usagePlanId")
);

-- CreateTable
CREATE TABLE "rollup_state" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "seenUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "usage_daily_updatedAt_idx" ON "usage_daily"("updatedAt");

-- CreateIndex
CREATE INDEX "usage_daily_day_tenantId_usagePlanId_requests_idx" ON "usage_daily"("day", "tenantId", "usagePlanId", "requests");

