-- CreateTable
CREATE TABLE "usage_monthly" (
    "month" TEXT NOT NULL,
    "tenantKey" TEXT NOT NULL,
    "usagePlanId" TEXT NOT NULL,
    "requests" BIGINT NOT NULL,

    CONSTRAINT "usage_monthly_pkey" PRIMARY KEY ("month","tenantKey","usagePlanId")
);

-- CreateTable
CREATE TABLE "rollup_state" (
    "name" TEXT NOT NULL,
    "seenUntil" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "rollup_state_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "usage_daily_updatedAt_idx" ON "usage_daily"("updatedAt");

-- CreateIndex
CREATE INDEX "usage_daily_day_tenantId_usagePlanId_requests_idx" ON "usage_daily"("day", "tenantId", "usagePlanId", "requests");

