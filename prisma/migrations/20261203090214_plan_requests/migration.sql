-- CreateTable
CREATE TABLE "plan_request" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "fromPlanId" TEXT,
    "toPlanId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "pendingKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_request_pendingKey_key" ON "plan_request"("pendingKey");

-- CreateIndex
CREATE INDEX "plan_request_status_createdAt_idx" ON "plan_request"("status", "createdAt");

-- CreateIndex
CREATE INDEX "plan_request_tenantId_createdAt_idx" ON "plan_request"("tenantId", "createdAt");

